"""The site is built by the program the run names (MkDocs, or ProperDocs in `make successor-build`)."""

from __future__ import annotations

from conftest import BUILDER

GENERATORS = {"mkdocs": "mkdocs-1.6.1, mkdocs-material-9.8.2",
              "properdocs": "mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.2"}


def test_the_pages_name_the_builder_of_this_run(site):
    for path, page in site.pages.items():
        assert page.find("meta", attrs={"name": "generator"})["content"] == GENERATORS[BUILDER], path
