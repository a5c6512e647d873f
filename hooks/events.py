"""MkDocs events of the help centre. Only this file knows MkDocs; the work is done in helpcentre/.

A shop's folder (mkdocs.yml, policies.yaml, content/) may be anywhere: the generator's own files (the
calculator's and search's scripts, the consumer law) are taken from beside this file, never from the shop."""

from __future__ import annotations

import gc
import html
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from material.plugins.search.plugin import SearchIndex
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from helpcentre.content import unfinished
from helpcentre.policy.policies import destination_names
from helpcentre.publishing import csp, structured_data
from helpcentre.publishing.template_words import template_words
from helpcentre.reading.errors import DataError
from helpcentre.reading.words_file import shipped_words
from helpcentre.review.checking_pass import GENERATOR, HelpCentre, load_help_centre
from helpcentre.review.preview_bar import add_preview_bar
from helpcentre.review.preview_error import error_page_paths, render_error_page
from helpcentre.search import assets as search_assets
from helpcentre.search import index as search_index
from helpcentre.search import sections as search_sections

_help_centre: HelpCentre
_mistakes: DataError | None = None  # in the preview, what the error page shows instead of the site
_search: search_assets.SearchAssets | None = None  # the forgiving search's files, when mkdocs.yml tunes search
_previewing = False  # under `mkdocs serve`
log = get_plugin_logger(__name__)
UNFINISHED_CSS = "assets/stylesheets/unfinished.css"  # the preview's highlight of unfinished answers
UNFINISHED_PAGE = unfinished.CHECKLIST_PAGE.removesuffix(".md") + "/"


def on_startup(*, command: str, dirty: bool) -> None:
    global _previewing
    _previewing = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Reading the help centre makes tens of thousands of small objects, all kept, hardly any in a cycle:
    # the collector, paused, does not walk them again and again as they are made. Frozen afterwards, they
    # (and the config) are left out of each full collection while the pages are built; thawed in
    # on_post_build (or on_build_error), so that a preview rebuilding all day keeps nothing.
    gc.disable()
    try:
        config = _configure(config)
        gc.freeze()
        return config
    finally:
        gc.enable()


def _configure(config: MkDocsConfig) -> MkDocsConfig:
    global _help_centre, _mistakes
    project = Path(config.config_file_path).parent
    try:
        _help_centre, _mistakes = load_help_centre(project / "policies.yaml", Path(config.docs_dir)), None
    except DataError as error:
        if not _previewing:
            raise PluginError(str(error)) from None
        _mistakes = error  # the preview keeps answering, with the error page (a build would hang it)
        log.info(f"The preview shows these mistakes until they are fixed:\n{error}")
        return config
    for note in _help_centre.notes:  # hints and advice: information, never a warning that fails --strict
        log.info(str(note))
    if _help_centre.unfinished:  # TODOs: the preview shows them; a build publishes nothing
        listed = "\n".join(map(str, _help_centre.unfinished))
        if not _previewing:
            raise PluginError(f"{unfinished.count_words(_help_centre.unfinished)}; nothing is published while "
                              f"a TODO is left:\n{listed}")
        log.info(f"{unfinished.count_words(_help_centre.unfinished)} (the page {UNFINISHED_PAGE}):\n{listed}")
        config.extra_css.append(UNFINISHED_CSS)
    script = ExtraScriptValue(_help_centre.calculator.script)
    script.type = "module"
    config.extra_javascript.append(script)
    config.extra_css.append(_help_centre.calculator.stylesheet)
    # Themes print the site name as HTML, sometimes escaping it again: Markup is escaped once.
    config.site_name = Markup(f"{html.escape(_help_centre.policies['shop.name'])} {config.site_name.lower()}")
    config.extra["contact_email"] = _help_centre.policies["shop.email"]
    if _help_centre.notice:  # the notice in the announcement bar (overrides/main.html)
        answer = _help_centre.last_order_dates_answer
        config.extra["notice"] = {"script": Markup(_help_centre.notice.script),
                                  "link": f"{_page_url(config, answer[0])}#{answer[1]}" if answer else None,
                                  "link_text": _help_centre.notice.link_text}
    config.nav = config.nav or _help_centre.nav()
    _read_pages_for_search_faster(config)
    _add_search_assets(config)
    return config


class _SearchIndex(SearchIndex):
    """Material's search index, each page cut into sections by helpcentre.search.sections: the same
    sections, several times faster; pages it does not read exactly go to Material's own parser."""

    def add_entry_from_context(self, page: Page) -> None:
        excluded = (page.meta.get("search") or {}).get("exclude")  # front matter: search: {exclude: true}
        sections = None if excluded else search_sections.page_sections(page.content)
        if sections is None:
            return super().add_entry_from_context(page)
        for section in sections:
            self.create_entry_for_section(section, page.toc, page.url, page)


def _read_pages_for_search_faster(config: MkDocsConfig) -> None:
    search = config.plugins.get("material/search")
    if search is not None:  # its index was made by the plugin's on_config, just before
        search.search_index = _SearchIndex(**search.config)


def _add_search_assets(config: MkDocsConfig) -> None:
    """The forgiving search (search/): its worker, named in the pages' config, and the panel's script."""
    global _search
    _search = None
    search = config.plugins.get("material/search")
    if search is None or not search_index.is_tuned(search.config.fields):
        return  # no search, or stock search settings: Material's own worker alone
    material_worker = search_assets.find_material_worker(config.theme.dirs)
    _search = search_assets.build_search_assets(GENERATOR / "search", material_worker)
    script = ExtraScriptValue(_search.script)
    script.type = "module"
    config.extra_javascript.append(script)
    config.extra_css.append(_search.stylesheet)
    topics = [(_page_url(config, topic.page), topic.title) for topic in _help_centre.topics]
    config.extra["help_search"] = _search.page_settings(_help_centre.policies["shop.name"], topics,
                                                        _help_centre.words)


def _page_url(config: MkDocsConfig, page: str) -> str:
    """A page's address from the site's root ("returns/", or "returns.html" without directory URLs)."""
    return File(page, None, "", config.use_directory_urls).url


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # The templates' words (overrides/404.html, help-search.html, partials/languages/custom.html), a global so
    # that Material's language partial, imported without the page's context, reads them too; British English
    # around the preview's error page.
    env.globals["help_words"] = (template_words(shipped_words(), "") if _mistakes is not None
                                 else template_words(_help_centre.words, _help_centre.policies["shop.email"]))
    return env


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _mistakes is not None:
        return _error_pages(files, config, _mistakes)
    for file in [f for f in files if f.src_uri.endswith(".yml") or f.src_uri in _help_centre.pages]:
        files.remove(file)  # topic sources become pages; Markdown pages are replaced by their filled copies
    search_files = _search.files if _search else {}
    highlight = {UNFINISHED_CSS: unfinished.STYLESHEET.read_text(encoding="utf-8")} if _help_centre.unfinished else {}
    for path, content in {**_help_centre.pages, **_help_centre.calculator.files, **search_files, **highlight}.items():
        files.append(File.generated(config, path, content=content))
    return files


def _error_pages(files: Files, config: MkDocsConfig, mistakes: DataError) -> Files:
    """Every page the editor may be looking at, as the error page; the theme's files stay."""
    for file in [f for f in files if f.src_uri.endswith((".yml", ".md"))]:
        files.remove(file)
    page = render_error_page(mistakes.findings, Path(config.config_file_path).parent)
    for path in error_page_paths(Path(config.docs_dir)):
        files.append(File.generated(config, path, content=page))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _mistakes is not None:
        return html
    topic = next((topic for topic in _help_centre.topics if topic.page == page.file.src_uri), None)
    if topic is not None:  # read by overrides/main.html, which writes it into the page's head
        page.meta["faq_json_ld"] = Markup(structured_data.faq_json_ld(topic, html, page.canonical_url))
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # The preview's "as on" bar, in `mkdocs serve` only: a published page is never touched here.
    return add_preview_bar(output) if _previewing and _mistakes is None else output


def on_post_build(config: MkDocsConfig) -> None:
    if _mistakes is None:
        _finish_site(Path(config.site_dir))
    gc.unfreeze()


def _finish_site(site: Path) -> None:
    # Runs after Material's search plugin (hooks come after plugins) has written the index.
    search_index.rewrite_search_index(site / "search" / "search_index.json", _help_centre.topics,
                                      destination_names(_help_centre.policies["delivery"]))
    # Last: the policy hashes the inline scripts of the finished HTML and writes itself into every page;
    # not in the preview, where it would block the live-reload script `mkdocs serve` adds to each page.
    report = csp.apply_content_security_policy(site, write=not _previewing)
    for page, tags in report.blocked.items():
        log.warning(f"{page}: the Content-Security-Policy blocks style= and on...= attributes, found in "
                    f"{', '.join(tags)}; use a class (calculator/page.css) or a script file instead")


def on_build_error(*, error: Exception) -> None:
    gc.unfreeze()  # the next rebuild in the preview starts from a collector that sees everything
