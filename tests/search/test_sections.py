"""The search sections of a page, read by helpcentre.search.sections as Material's search plugin reads them.

Each reading is compared with Material's own parser (material/plugins/search/plugin.py): the same
sections, ids, titles and texts, or None where the page is left to Material's parser. What a shopper
would notice otherwise: a question missing from search, or found by words it does not hold.
"""

from __future__ import annotations

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser

from conftest import ROOT
from helpcentre.review.checking_pass import load_help_centre
from helpcentre.search.sections import page_sections


def material_sections(html: str) -> list[tuple[str | None, list[str], list[str]]]:
    """The sections Material's search index gets from a page: (id, title pieces, text pieces)."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(section.id, section.title, section.text) for section in parser.data if not section.is_excluded()]


def fast_sections(html: str) -> list[tuple[str | None, list[str], list[str]]] | None:
    sections = page_sections(html)
    return None if sections is None else [(section.id, section.title, section.text) for section in sections]


CASES = {
    "a question and its answer": '<h2 id="q">Can I <em>cancel</em>?<a class="headerlink" href="#q">&para;</a></h2>'
                                 "\n<p>Yes, within\n24 hours &amp; free.</p>",
    "text before the first heading": "<p>Welcome</p>\n<h1 id=\"t\">Title</h1><p>x</p>",
    "a first heading that is not h1": '<h3 id="a">A</h3><p>one</p><h2 id="b">B</h2><p>two</p>',
    "a heading without an id": '<h2 id="a">A</h2><h2>B</h2><p>two</p>',
    "an empty id and one without a value": '<h2 id="">A</h2><p>1</p><h2 id>B</h2><p>2</p>',
    "lists, code and empty elements": "<ul>\n<li>one <code>&lt;b&gt;</code></li>\n<li></li>\n</ul><p> </p><p>end</p>",
    "preformatted text keeps its spaces": '<h2 id="c">Code</h2><pre><code>a  b\n\n  c</code></pre><p>a\n\nb</p>',
    "spaces between elements in preformatted text": "<pre><code>a<span> </span> <span>b</span></code></pre>"
                                                    "<p>a<span> </span> <span>b</span></p>",
    "a heading inside an element": '<h2 id="a">A</h2><div><h3 id="b">B</h3><p>in</p></div><p>after</p>',
    "an element left out of search": '<h2 id="a">A</h2><form data-search-exclude><p>no</p></form><p>yes</p>',
    "a nested element of the same tag ends the leaving out": '<div data-search-exclude><div>x</div><p>counted</p>'
                                                             "</div><p>after</p>",
    "a heading left out of search": '<h2 id="a">A</h2><p>1</p><h2 id="b" data-search-exclude>B</h2><p>2</p>'
                                    '<h2 id="c">C</h2><p>3</p>',
    "line numbers": '<table><tr><td class="linenodiv"><pre>1\n2</pre></td><td><pre>x = 1</pre></td></tr></table>',
    "void and self-closing tags": '<p>a<br>b<br />c<img alt="x" src="y.png"/></p><hr><div/><p>d</p>',
    "kept tags in a title": '<h2 id="s">H<sub>2</sub>O <code>x</code></h2><p>t</p>',
    "entities in attributes": '<h2 id="a&amp;b">A</h2><p>x</p><a class="headerlink&#32;">y</a>',
    "end tags that close nothing": "<p>a</li></p></ul><p>b</p>",
    "attributes over several lines": '<h2\n  id="q"\n  class="x">Q</h2><p>t</p>',
    "a page with no markup": "just text &amp; more",
}
LEFT_TO_MATERIAL = {
    "a comment": "<p>a</p><!-- note --><p>b</p>",
    "a script": '<p>a</p><script>if (a < b) {}</script>',
    "a style": "<style>p { color: red }</style><p>a</p>",
    "a bare less-than sign": "<p>a < b</p>",
    "an upper-case tag": "<P>a</P>",
    "a single-quoted attribute": "<h2 id='q'>Q</h2>",
    "an end tag with an attribute": '<p>a</p class="x">',
    "a declaration": "<!DOCTYPE html><p>a</p>",
    # Material's parser fails on it (ValueError), and so must the build
    "a kept end tag whose start was left out": "<div data-search-exclude><p><div></div>a</p></div>",
}


@pytest.mark.parametrize("html", CASES.values(), ids=CASES.keys())
def test_the_sections_are_material_s(html: str) -> None:
    assert fast_sections(html) == material_sections(html)


@pytest.mark.parametrize("html", LEFT_TO_MATERIAL.values(), ids=LEFT_TO_MATERIAL.keys())
def test_markup_it_does_not_follow_is_left_to_material(html: str) -> None:
    assert page_sections(html) is None


def test_the_page_left_to_material_s_failing_parser_fails_there() -> None:
    with pytest.raises(ValueError):  # so the build stops on it, as it always did
        material_sections(LEFT_TO_MATERIAL["a kept end tag whose start was left out"])


# --- generated pages ---------------------------------------------------------------------------------

TAGS = ["p", "div", "span", "ul", "ol", "li", "code", "pre", "em", "a", "sub", "sup", "h1", "h2", "h3", "table",
        "td", "form", "details", "summary", "br", "img", "hr", "input"]
ATTRIBUTES = ['id="q1"', 'id="q2"', 'id=""', "id", 'class="headerlink"', 'class="linenodiv"', "data-search-exclude",
              'data-search-exclude="true"', 'class="x"', 'href="#a&amp;b"', 'title="a &lt; b"', "hidden"]
TEXTS = ["Can I cancel?", " ", "\n", "  \n ", "a&amp;b", "&lt;tag&gt;", "x\ny", "£5 &pound;", "&para;", "”quoted”"]


@st.composite
def html_fragments(draw: st.DrawFn, depth: int = 0) -> str:
    """A piece of HTML as Markdown writes it (lowercase tags, double-quoted attributes), nested at will,
    with end tags left out or out of place now and then."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth >= 4 or draw(st.booleans()):
            parts.append(draw(st.sampled_from(TEXTS)))
            continue
        tag = draw(st.sampled_from(TAGS))
        attributes = "".join(f" {attribute}" for attribute in draw(st.lists(st.sampled_from(ATTRIBUTES), max_size=2)))
        inner = draw(html_fragments(depth + 1))
        end = draw(st.sampled_from([f"</{tag}>"] * 6 + ["", "</p>", "</div>"]))
        parts.append(f"<{tag}{attributes}{draw(st.sampled_from(['', '', ' /']))}>{inner}{end}")
    return "".join(parts)


@settings(max_examples=600, deadline=None)
@given(html_fragments())
def test_generated_html_gives_material_s_sections(html: str) -> None:
    try:
        expected = material_sections(html)
    except ValueError:  # Material's parser fails on this page: so must the build, through Material's parser
        assert page_sections(html) is None
        return
    assert fast_sections(html) == expected


# mkdocs.yml's Markdown extensions: names, or one-entry mappings of a name to its settings
EXTENSIONS = [extension if isinstance(extension, dict) else {extension: {}} for extension in
              yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]]
MARKDOWN = {"extensions": [name for extension in EXTENSIONS for name in extension],
            "extension_configs": {name: settings for extension in EXTENSIONS for name, settings in extension.items()}}
BLOCKS = [
    "# Delivery", "## How long does delivery take? {#delivery-time}", "### In the sale {: data-search-exclude }",
    "Most orders arrive in *2 to 4* working days & we email you.", "Use `<b>` and **bold** text, or a [link](#x).",
    "- one\n- two\n    - nested `code`", "1. first\n2. second", "    indented code\n    <with> tags",
    "| zone | days |\n|---|---|\n| UK | 2 |",
    '<div markdown data-search-exclude>\n\n## Hidden {#hidden}\n\nNo.\n\n</div>',
    "<details markdown>\n<summary>More</summary>\n\nInside **it**.\n\n</details>", "---", "Line one  \nline two",
    "![a picture](image.png)", "Price: £5 &copy; 2026 &lt;not a tag&gt;",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(BLOCKS), min_size=1, max_size=8))
def test_pages_written_in_markdown_give_material_s_sections(blocks: list[str]) -> None:
    html = markdown.markdown("\n\n".join(blocks), **MARKDOWN)
    assert fast_sections(html) == material_sections(html)


def test_this_shop_s_pages_are_read_without_material_s_parser() -> None:
    """Every page the hook writes, as Markdown renders it, takes the fast reading, with Material's sections:
    otherwise the build is as slow as before, with nothing to show it."""
    centre = load_help_centre(ROOT / "policies.yaml", ROOT / "content", ROOT / "calculator")
    for page, text in centre.pages.items():
        html = markdown.markdown(text.split("\n---\n", 1)[-1] if text.startswith("---\n") else text, **MARKDOWN)
        assert fast_sections(html) == material_sections(html), page
