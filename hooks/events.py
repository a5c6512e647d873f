"""MkDocs events of the help centre. Only this file knows MkDocs; the work is done in helpcentre/."""

from __future__ import annotations

import html
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.config_options import ExtraScriptValue
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
        _help_centre = load_help_centre(project / "policies.yaml", Path(config.docs_dir), project / "calculator")
    except DataError as error:
        raise PluginError(str(error)) from None
    script = ExtraScriptValue(_help_centre.calculator.script)
    script.type = "module"
    config.extra_javascript.append(script)
    config.extra_css.append(_help_centre.calculator.stylesheet)
    # Themes print the site name as HTML, sometimes escaping it again: Markup is escaped once.
    config.site_name = Markup(f"{html.escape(_help_centre.policies['shop.name'])} {config.site_name.lower()}")
    config.extra["contact_email"] = _help_centre.policies["shop.email"]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in [f for f in files if f.src_uri.endswith(".yml")]:
        files.remove(file)  # topic sources become pages, they are not published as they are
    for path, content in {**_help_centre.pages, **_help_centre.calculator.files}.items():
        files.append(File.generated(config, path, content=content))
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
