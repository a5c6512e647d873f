"""MkDocs events of the help centre. Only this file knows MkDocs; the work is done in helpcentre/."""

from __future__ import annotations

import html
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from helpcentre import csp, search_index, structured_data
from helpcentre.errors import DataError
from helpcentre.site import HelpCentre, load_help_centre

_help_centre: HelpCentre
_previewing = False  # under `mkdocs serve`
log = get_plugin_logger(__name__)


def on_startup(*, command: str, dirty: bool) -> None:
    global _previewing
    _previewing = command == "serve"


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
    if _help_centre.notice:  # the notice in the announcement bar (overrides/main.html)
        config.extra["notice"] = {"script": Markup(_help_centre.notice.script),
                                  "link": _help_centre.last_order_dates_url, "link_text": _help_centre.notice.link_text}
    config.nav = config.nav or _help_centre.nav()
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in [f for f in files if f.src_uri.endswith(".yml") or f.src_uri in _help_centre.pages]:
        files.remove(file)  # topic sources become pages; Markdown pages are replaced by their filled copies
    for path, content in {**_help_centre.pages, **_help_centre.calculator.files}.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    topic = next((topic for topic in _help_centre.topics if topic.page == page.file.src_uri), None)
    if topic is not None:  # read by overrides/main.html, which writes it into the page's head
        page.meta["faq_json_ld"] = Markup(structured_data.faq_json_ld(topic, html, page.canonical_url))
    return html


def on_post_build(config: MkDocsConfig) -> None:
    # Runs after Material's search plugin (hooks come after plugins) has written the index.
    search_index.rewrite_search_index(Path(config.site_dir) / "search" / "search_index.json", _help_centre.topics)
    # Last: the policy hashes the inline scripts of the finished HTML and writes itself into every page;
    # not in the preview, where it would block the live-reload script `mkdocs serve` adds to each page.
    report = csp.apply_content_security_policy(Path(config.site_dir), write=not _previewing)
    for page, tags in report.blocked.items():
        log.warning(f"{page}: the Content-Security-Policy blocks style= and on...= attributes, found in "
                    f"{', '.join(tags)}; use a class (calculator/page.css) or a script file instead")
