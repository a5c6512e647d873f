"""Contact that carries the context: prefilled emails, and the "Still need help?" line of a topic page."""

from __future__ import annotations

from urllib.parse import quote

from helpcentre.reading import markdown_text as md
from helpcentre.reading.words import Words, words

from .topics import EmailRequest, Topic

# Material's search plugin leaves out any element carrying this attribute (and removes it afterwards).
NOT_SEARCHED = "data-search-exclude"


def mailto(address: str, subject: str, body: str = "") -> str:
    """A mailto: URL (RFC 6068): subject and body percent-encoded, lines ending in CRLF."""
    url = f"mailto:{address}?subject={quote(subject, safe='')}"
    return f"{url}&body={quote(body.replace(chr(10), chr(13) + chr(10)), safe='')}" if body else url


def email_body(request: EmailRequest, shop_name: str) -> str:
    """The start of the shopper's email: a line to fill in for each detail, then what to attach."""
    say = words().say
    lines = [say("contact.hello", shop=shop_name), ""]
    lines += [f"{detail}: " for detail in request.ask_for]
    if request.attach:
        lines += ["", say("contact.attached"), *(f"- {item}" for item in request.attach)]
    return "\n".join([*lines, "", say("contact.thanks")])


def render_email_button(request: EmailRequest, address: str, shop_name: str) -> str:
    """Markdown: a button under an answer that opens the shopper's email, subject and body filled in."""
    url = mailto(address, request.subject, email_body(request, shop_name))
    return (f'<div class="help-email" markdown {NOT_SEARCHED}>\n\n'
            f"[{words().say('contact.email_button', subject=md.escape(request.subject))}]({url}){{ .md-button }}\n\n"
            "</div>\n")


def render_still_need_help(topic: Topic, address: str) -> str:
    """Markdown: the closing lines of a topic page, with the email address and a subject naming the topic."""
    url = mailto(address, words().say("contact.question_about", topic=topic.title.lower()))
    line = words().say("contact.still_need_help", email=f"[{md.escape(address)}]({url})")
    return f'<div class="help-still" markdown {NOT_SEARCHED}>\n\n{line}\n\n</div>\n'


def search_email(shop_name: str, said: Words) -> tuple[str, str, str]:
    """The email a search that found nothing offers, in the shop's words: (subject, body up to the words searched,
    the rest). It is written once for the site, not while a page is made, so it is given the words.

    The browser puts the shopper's words between the two parts of the body (search/page.js)."""
    say = said.say
    return (say("search.email_subject"),  # each line to write on ends in a space, where the shopper types
            f"{say('contact.hello', shop=shop_name)}\n\n{say('search.email_searched')} ",
            f"\n\n{say('search.email_question')} \n\n{say('search.email_order_number')} \n\n{say('contact.thanks')}")
