"""The words of the site's templates (the 404 page, the search panel, Material's search counts), from the words
file, as HTML: each sentence escaped, its placeholders filled with the elements the templates put there."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from helpcentre.reading.words import Words

# The sections of the words file the templates read.
SECTIONS = ("site.", "search.")


def template_words(words: Words, email: str) -> dict[str, Markup]:
    """Each sentence of `SECTIONS` by its key, safe to print; "site.not_found_contact" links the shop's email,
    "search.nothing_matched" holds the element search/page.js writes the words searched into, and the links the
    templates and scripts make are left to them."""
    link = f'<a href="mailto:{escape(email)}">{escape(email)}</a>'
    filled = {"site.not_found_contact": {"email": link},
              "search.nothing_matched": {"typed": "<span data-help-typed></span>"},
              "search.did_you_mean": {"query": "{{ query }}"},  # search/page.js puts the link there
              "site.start_from": {"link": "{link}"}}  # 404.html puts the link there, relative to the page
    escaped = Words(words.locale, {key: escape(value, quote=False) for key, value in words.sentences.items()})
    return {key: Markup(escaped.say(key, **filled.get(key, {})))
            for key in words.sentences if key.startswith(SECTIONS)}
