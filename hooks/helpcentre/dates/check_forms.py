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

from helpcentre.reading.schema import format_money
from helpcentre.reading.words import words

from .order_dates import services_to

# A delivery service as the picker offers it, by the words file's key (answers.js writes the same words with
# Intl.NumberFormat); without a price, its name alone.
SERVICE_WORDS = {"priced": "checks.priced", "free_from": "checks.priced_free_from", "free": "checks.free"}


@dataclass(frozen=True)
class Field:
    name: str  # the engine argument it feeds; page.js reads the field by this name
    label: str  # the key of its words (checks.*), as the title's
    kind: str  # "datetime-local", "date", "country", "method" or "service" (shown when there are several)
    past: bool = False  # the date of something that has already happened: not in the future
    hint: str = ""  # the key of the words saying where the shopper finds the value, shown under the label
    optional: bool = False  # may be left empty (the answer then says less)


CHECKS: dict[str, tuple[str, list[Field]]] = {
    "cancellation": ("checks.cancellation", [
        Field("ordered", "checks.ordered_past", "datetime-local", past=True),
    ]),
    "delivery": ("checks.delivery", [
        Field("ordered", "checks.ordered", "datetime-local"),
        Field("country", "checks.country", "country"),
        Field("service", "checks.service", "service"),
    ]),
    "return": ("checks.return_reach", [
        Field("delivered", "checks.delivered", "date", past=True),
    ]),
    "refund": ("checks.refund", [
        Field("received", "checks.received", "date", past=True, hint="checks.received_hint"),
    ]),
    "credit": ("checks.credit", [
        Field("issued", "checks.issued", "date", past=True),
        Field("method", "checks.method", "method"),
    ]),
    "tracking": ("checks.tracking", [
        Field("updated", "checks.updated", "date", past=True),
        Field("today", "checks.today", "date"),
    ]),
}


# The return check as the shop's returns model (data return_deadline) asks it; "reach" is in CHECKS.
RETURN_CHECKS: dict[str, tuple[str, list[Field]]] = {
    "send": ("checks.return_send", CHECKS["return"][1]),
    "notify_then_send": ("checks.return_notify_then_send", [
        *CHECKS["return"][1],
        Field("notified", "checks.notified", "date", optional=True),
    ]),
}


def check_placeholders(data: Mapping[str, Any]) -> dict[str, str]:
    """The placeholder values "check.delivery", "check.cancellation", ...: raw HTML blocks."""
    checks = {**CHECKS, "return": RETURN_CHECKS.get(data["return_deadline"], CHECKS["return"])}
    return {f"check.{kind}": render_check(kind, title, fields, data) for kind, (title, fields) in checks.items()}


def render_check(kind: str, title: str, fields: list[Field], data: Mapping[str, Any]) -> str:
    """One hidden form; a raw HTML block for Python-Markdown (blank lines around, none inside)."""
    lines = [
        f'<form class="order-check" data-search-exclude data-check="{escape(kind)}"'  # search: not the forms'
        f' aria-labelledby="check-{escape(kind)}-title" hidden novalidate>',  # labels and country names
        f'<p class="order-check-title" id="check-{escape(kind)}-title">{escape(words().say(title))}</p>',
        *(render_field(kind, field, data) for field in fields
          if field.kind != "service" or len(data["services"]) > 1),
        f'<button type="submit" class="md-button md-button--primary">{escape(words().say("checks.button"))}</button>',
        '<div class="order-check-answer" role="status" aria-live="polite"></div>',
        "</form>",
    ]
    return "\n\n" + "\n".join(lines) + "\n\n"


def render_field(kind: str, field: Field, data: Mapping[str, Any]) -> str:
    """A labelled input with its (empty) error message, tied by aria-describedby."""
    id_ = escape(f"check-{kind}-{field.name}")
    error = f'<p class="order-check-error" id="{id_}-error"></p>'
    hint = f'\n<p class="order-check-hint" id="{id_}-hint">{escape(words().say(field.hint))}</p>' if field.hint else ""
    described = f'aria-describedby="{id_}-hint {id_}-error"' if field.hint else f'aria-describedby="{id_}-error"'
    if field.kind == "method":
        radios = "\n".join(
            f'<label><input type="radio" name="{escape(field.name)}" value="{escape(method)}"'
            f'{" checked" if i == 0 else ""}> {escape(name[:1].upper() + name[1:])}</label>'
            for i, (method, name) in enumerate(data["method_names"].items())
        )
        return (f'<fieldset class="order-check-field" {described}>\n'
                f"<legend>{escape(words().say(field.label))}</legend>\n{radios}\n{error}\n</fieldset>")
    if field.kind == "service":  # the services to the home country; answers.js offers those to the country chosen
        options = "\n".join(f'<option value="{escape(service["id"])}">{escape(service_words(service, zone, data))}'
                            "</option>" for service, zone in services_to(data, data["home_country"]))
        control = f'<select id="{id_}" name="{escape(field.name)}" {described}>\n{options}\n</select>'
    elif field.kind == "country":
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
                   f' max="{escape(last)}"{" data-past" if field.past else ""} {described}'
                   f'{"" if field.optional else " required"}>')
    return (f'<div class="order-check-field">\n<label for="{id_}">{escape(words().say(field.label))}</label>{hint}\n'
            f"{control}\n{error}\n</div>")


def service_words(service: Mapping[str, Any], zone: Mapping[str, Any], data: Mapping[str, Any]) -> str:
    """A service and its price to a zone, as the picker offers it: "Standard: $4.95, free on orders of $19.00 or
    more"."""
    price, free_from = zone["price"], zone["free_from"]
    if price is None:
        return service["name"]
    kind = "free" if not price else "free_from" if free_from else "priced"
    money = {name: format_money(amount, data["currency"]) for name, amount in (("price", price),
                                                                               ("free_from", free_from)) if amount}
    return words().say(SERVICE_WORDS[kind], name=service["name"], **money)


def _sort_key(name: str) -> str:
    """Names in alphabetical order as people expect it: "Åland Islands" among the A's."""
    return normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
