"""MkDocs events of the help centre. Only this file knows MkDocs; the work is done in helpcentre/."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from helpcentre.errors import DataError
from helpcentre.site import HelpCentre, load_help_centre

_help_centre: HelpCentre


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _help_centre
    project = Path(config.config_file_path).parent
    try:
        _help_centre = load_help_centre(project / "policies.yaml", Path(config.docs_dir))
    except DataError as error:
        raise PluginError(str(error)) from None
    config.site_name = f"{_help_centre.policies['shop.name']} {config.site_name.lower()}"
    config.extra["contact_email"] = _help_centre.policies["shop.email"]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in [f for f in files if f.src_uri.endswith(".yml")]:
        files.remove(file)  # topic sources become pages, they are not published as they are
    for path, markdown in _help_centre.pages.items():
        files.append(File.generated(config, path, content=markdown))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in _help_centre.pages:
        return markdown  # generated pages are filled when generated
    source = page.file.content_string
    first_line = source.count("\n") - markdown.count("\n") + 1  # the body starts after the front matter
    try:
        return _help_centre.fill_page(markdown, f"{Path(config.docs_dir).name}/{page.file.src_uri}", first_line)
    except DataError as error:
        raise PluginError(str(error)) from None
