# The front door: the same targets for people, CI and the README.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1
export CHROMIUM

.PHONY: serve build test chromium clean

serve: $(VENV)/.installed  ## build and preview at http://127.0.0.1:8000, rebuilding on every change
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed  ## write site/ (only a complete, warning-free build replaces it)
	rm -rf .site-new
	$(BIN)/mkdocs build --strict --site-dir .site-new
	rm -rf site && mv .site-new site

test: $(VENV)/.installed chromium  ## every test: Python, Node and the browser
	$(BIN)/python -m pytest

chromium:  ## the browser tests drive Debian's Chromium, installed here when it is missing
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

clean:
	rm -rf $(VENV) site .site-new .pytest_cache
