"""Contact that carries the context: prefilled emails, and the "Still need help?" line of a topic page."""

from __future__ import annotations

from urllib.parse import quote

from helpcentre.reading import markdown_text as md

from .topics import EmailRequest, Topic

# Material's search plugin leaves out any element carrying this attribute (and removes it afterwards).
NOT_SEARCHED = "data-search-exclude"


def mailto(address: str, subject: str, body: str = "") -> str:
    """A mailto: URL (RFC 6068): subject and body percent-encoded, lines ending in CRLF."""
    url = f"mailto:{address}?subject={quote(subject, safe='')}"
    return f"{url}&body={quote(body.replace(chr(10), chr(13) + chr(10)), safe='')}" if body else url


def email_body(request: EmailRequest, shop_name: str) -> str:
    """The start of the shopper's email: a line to fill in for each detail, then what to attach."""
    lines = [f"Hello {shop_name},", ""]
    lines += [f"{detail}: " for detail in request.ask_for]
    if request.attach:
        lines += ["", "I have attached:", *(f"- {item}" for item in request.attach)]
    return "\n".join([*lines, "", "Thank you"])


def render_email_button(request: EmailRequest, address: str, shop_name: str) -> str:
    """Markdown: a button under an answer that opens the shopper's email, subject and body filled in."""
    url = mailto(address, request.subject, email_body(request, shop_name))
    return (f'<div class="help-email" markdown {NOT_SEARCHED}>\n\n'
            f"[Email us: {md.escape(request.subject)}]({url}){{ .md-button }}\n\n</div>\n")


def render_still_need_help(topic: Topic, address: str) -> str:
    """Markdown: the closing lines of a topic page, with the email address and a subject naming the topic."""
    url = mailto(address, f"Question about {topic.title.lower()}")
    return (f'<div class="help-still" markdown {NOT_SEARCHED}>\n\n'
            f"**Still need help?** Email us at [{md.escape(address)}]({url}). If your question is about an "
            "order, please include your order number.\n\n</div>\n")


def search_email(shop_name: str) -> tuple[str, str, str]:
    """The email a search that found nothing offers: (subject, body up to the words searched, the rest).

    The browser puts the shopper's words between the two parts of the body (search/page.js)."""
    return ("Question from the help centre",
            f"Hello {shop_name},\n\nI searched the help centre for: ",
            "\n\nMy question: \n\nOrder number (if it is about an order): \n\nThank you")
