"""The HTML of the small date checks placed beside the answers ({{ check.delivery }} and so on).

Each check is a form that stays hidden until calculator/page.js runs, so that without JavaScript
the page shows only the rules in words. No inline script, event handler or style: the site will
run under a strict Content-Security-Policy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import Any
from unicodedata import normalize

METHOD_NAMES = {"card": "Card", "paypal": "PayPal"}  # engine method -> how shoppers call it


@dataclass(frozen=True)
class Field:
    name: str  # the engine argument it feeds; page.js reads the field by this name
    label: str
    kind: str  # "datetime-local", "date", "country" or "method"
    past: bool = False  # the date of something that has already happened: not in the future


CHECKS: dict[str, tuple[str, list[Field]]] = {
    "cancellation": ("Check whether you can still cancel", [
        Field("ordered", "Date and time you placed your order, in your own time zone", "datetime-local", past=True),
    ]),
    "delivery": ("Check when your order should arrive", [
        Field("ordered", "Date and time you placed your order, in your own time zone", "datetime-local"),
        Field("country", "Country you're ordering to", "country"),
    ]),
    "return": ("Check the last day for your return to reach us", [
        Field("delivered", "Date your order was delivered", "date", past=True),
    ]),
    "refund": ("Check when we should issue your refund", [
        Field("received", "Date your return reached us", "date", past=True),
    ]),
    "credit": ("Check when your refund should show in your account", [
        Field("issued", "Date we issued your refund", "date", past=True),
        Field("method", "Refunded to", "method"),
    ]),
    "tracking": ("Check whether your tracking is stuck", [
        Field("updated", "Date of the last tracking update", "date", past=True),
        Field("today", "Today's date", "date"),
    ]),
}


def check_placeholders(data: Mapping[str, Any]) -> dict[str, str]:
    """The placeholder values "check.delivery", "check.cancellation", ...: raw HTML blocks."""
    return {f"check.{kind}": render_check(kind, title, fields, data) for kind, (title, fields) in CHECKS.items()}


def render_check(kind: str, title: str, fields: list[Field], data: Mapping[str, Any]) -> str:
    """One hidden form; a raw HTML block for Python-Markdown (blank lines around, none inside)."""
    lines = [
        f'<form class="order-check" data-search-exclude data-check="{escape(kind)}"'  # search: not the forms'
        f' aria-labelledby="check-{escape(kind)}-title" hidden novalidate>',  # labels and country names
        f'<p class="order-check-title" id="check-{escape(kind)}-title">{escape(title)}</p>',
        *(render_field(kind, field, data) for field in fields),
        '<button type="submit" class="md-button md-button--primary">Check</button>',
        '<div class="order-check-answer" role="status" aria-live="polite"></div>',
        "</form>",
    ]
    return "\n\n" + "\n".join(lines) + "\n\n"


def render_field(kind: str, field: Field, data: Mapping[str, Any]) -> str:
    """A labelled input with its (empty) error message, tied by aria-describedby."""
    id_ = escape(f"check-{kind}-{field.name}")
    error = f'<p class="order-check-error" id="{id_}-error"></p>'
    described = f'aria-describedby="{id_}-error"'
    if field.kind == "method":
        radios = "\n".join(
            f'<label><input type="radio" name="{escape(field.name)}" value="{escape(method)}"'
            f'{" checked" if i == 0 else ""}> {escape(METHOD_NAMES.get(method, method))}</label>'
            for i, method in enumerate(data["credit_business_days"])
        )
        return (f'<fieldset class="order-check-field" {described}>\n<legend>{escape(field.label)}</legend>\n'
                f"{radios}\n{error}\n</fieldset>")
    if field.kind == "country":
        options = "\n".join(
            f'<option value="{escape(code)}"{" selected" if code == data["home_country"] else ""}>'
            f"{escape(name)}</option>"
            for code, name in sorted(data["countries"].items(), key=lambda item: _sort_key(item[1]))
        )
        # Not `required`: a country is always selected, and HTML allows `required` on a select only
        # when its first option is an empty placeholder.
        control = f'<select id="{id_}" name="{escape(field.name)}" {described}>\n{options}\n</select>'
    else:
        first, last = data["first_date"], data["last_date"]
        if field.kind == "datetime-local":
            first, last = f"{first}T00:00", f"{last}T23:59"
        control = (f'<input id="{id_}" name="{escape(field.name)}" type="{field.kind}" min="{escape(first)}"'
                   f' max="{escape(last)}"{" data-past" if field.past else ""} {described} required>')
    return (f'<div class="order-check-field">\n<label for="{id_}">{escape(field.label)}</label>\n'
            f"{control}\n{error}\n</div>")


def _sort_key(name: str) -> str:
    """Names in alphabetical order as people expect it: "Åland Islands" among the A's."""
    return normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
