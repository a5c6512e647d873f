"""The Markdown report of what shoppers will see differently between two versions of a help centre:
policy values, the text of each answer, questions added, removed, renamed or moved (with the links that
break), and the calculator's answers on a fixed panel of sample orders. Only what a shopper can see:
asset names, build dates and the search index's bytes never show; a change of search keywords alone
reads as "no visible change"."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from .calculator_panel import Block, Panel
from .text_diff import Change, changed_units, escape, mark_words, word_changes
from .visible_text import END, INTRO, Page, Section, SiteText

MISSING = object()


# --- policy values -------------------------------------------------------------------------------------

def policy_changes(old: Any, new: Any, path: str = "") -> list[str]:
    """`key: old → new` lines for the values of policies.yaml (as read by YAML: comments, quotes and layout
    do not count). Items of a list that have a name (delivery zones) are matched by it."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        keys = [*new, *(key for key in old if key not in new)]
        return [line for key in keys
                for line in policy_changes(old.get(key, MISSING), new.get(key, MISSING), _join(path, key))]
    if _named(old) and _named(new):
        old_items = {item["name"]: item for item in old}
        new_items = {item["name"]: item for item in new}
        names = [*new_items, *(name for name in old_items if name not in new_items)]
        lines = [line for name in names for line in policy_changes(old_items.get(name, MISSING),
                                                                    new_items.get(name, MISSING), f"{path}[{name}]")]
        if [n for n in new_items if n in old_items] != [n for n in old_items if n in new_items]:
            lines.append(f"- `{path}`: in a new order: {escape(', '.join(new_items))}")
        return lines
    if old is MISSING:
        return [f"- `{path}`: added: `{_shown(new)}`"]
    if new is MISSING:
        return [f"- `{path}`: removed (was `{_shown(old)}`)"]
    return [f"- `{path}`: `{_shown(old)}` → `{_shown(new)}`"]


def _join(path: str, key: Any) -> str:
    return f"{path}.{key}" if path else str(key)


def _named(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) and "name" in item
                                                           for item in value)


def _shown(value: Any) -> str:
    """A value as compact YAML on one line."""
    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item) for item in value]
        return value.isoformat() if isinstance(value, dt.date) else value

    text = yaml.safe_dump(plain(value), default_flow_style=True, sort_keys=False, allow_unicode=True, width=10**6)
    return text.strip().removesuffix("...").strip().replace("`", "'")


# --- pages ---------------------------------------------------------------------------------------------

SHARED = 4  # a change of the same words in at least this many sentences is shown once, with its places


@dataclass
class PagesReport:
    warnings: list[str] = field(default_factory=list)  # old links and bookmarks that break
    around: list[str] = field(default_factory=list)  # every page's header and footer
    pages: list[str] = field(default_factory=list)  # Markdown, page by page
    keywords: list[str] = field(default_factory=list)  # questions whose search keywords changed

    def visible(self) -> bool:
        return bool(self.warnings or self.around or self.pages)


def compare_pages(old: SiteText, new: SiteText) -> PagesReport:
    """The visible differences of two sites' pages, with the links they break."""
    return _Comparison(old, new).report()


class _Comparison:
    def __init__(self, old: SiteText, new: SiteText) -> None:
        self.old, self.new = old, new
        self.old_anchors = {(page.path, key) for page in old.pages.values() for key in page.anchors}
        self.new_anchors = {(page.path, key) for page in new.pages.values() for key in page.anchors}
        self.moved_to = {key: where for (where, key) in self.new_anchors if (where, key) not in self.old_anchors}
        self.moved_from = {key: where for (where, key) in self.old_anchors if (where, key) not in self.new_anchors}
        self.changed = [path for path, page in new.pages.items()
                        if path in old.pages and old.pages[path].html != page.html]  # only these are read
        # The same words changed in many sentences (an email address, the shop's name) are shown once.
        counts = Counter(word_changes(change.old, change.new)
                         for path in self.changed
                         for key, section in new.pages[path].sections.items() if key in old.pages[path].sections
                         for change in changed_units(old.pages[path].sections[key].units, section.units)
                         if change.old is not None and change.new is not None)
        self.shared: dict[tuple, list[tuple[Change, str]]] = {
            words: [] for words, count in counts.items() if count >= SHARED}
        self.warnings: list[str] = []

    def report(self) -> PagesReport:
        report = PagesReport(warnings=self.warnings)
        report.around = self.unit_lines(changed_units(self.old.around, self.new.around), None)
        if self.old.menu != self.new.menu:
            report.around.append(f"- The menu: {escape(', '.join(self.old.menu))} → {escape(', '.join(self.new.menu))}")
        pages = []
        for path in sorted(self.old.pages.keys() | self.new.pages.keys()):
            pages.extend(self.page_lines(path))
        for words, places in self.shared.items():
            if places:
                report.pages.append(self.shared_lines(words, places))
        report.pages.extend(pages)
        for location, keywords in self.new.keywords.items():
            if location in self.old.keywords and self.old.keywords[location] != keywords:
                path, key = location.split("#", 1)
                page = self.new.pages.get(path)
                section = page.sections.get(key) if page else None
                report.keywords.append(f"{escape(section.heading if section else key)} (`/{location}`)")
        return report

    def shared_lines(self, words: tuple[tuple[str, str], ...], places: list[tuple[Change, str]]) -> str:
        before, after = mark_words(places[0][0].old or "", places[0][0].new or "")
        what = "; ".join(f"~~{escape(old)}~~ → **{escape(new)}**" if old and new else
                         f"~~{escape(old)}~~ removed" if old else f"**{escape(new)}** added" for old, new in words)
        sections = list(dict.fromkeys(place for _, place in places))  # a section where it changed twice, once
        return "\n".join([f"### The same words changed in {len(places)} places\n", f"{what}, for example:\n",
                          f"- before: {before}", f"- after: {after}\n",
                          f"In {'this section' if len(sections) == 1 else 'these sections'}:\n",
                          *(f"- {place}" for place in sections), ""])

    def page_lines(self, path: str) -> list[str]:
        before, after = self.old.pages.get(path), self.new.pages.get(path)
        if after is None:
            assert before is not None
            self.warnings.append(f"- `/{path}` ({escape(before.title)}) is gone: links and bookmarks to it break.")
            for key, section in before.sections.items():
                if key not in (INTRO, END) and key not in self.moved_to:
                    self.warnings.append(f"- `/{path}#{key}` ({escape(section.heading)}) is gone with it.")
            return [f"### Removed page: {escape(before.title)} (`/{path}`)\n"]
        if before is None:
            questions = [f"- {escape(section.heading)} (`#{key}`)" for key, section in after.sections.items()
                         if key not in (INTRO, END)]
            return ["\n".join([f"### New page: {escape(after.title)} (`/{path}`)\n", *questions, ""])]
        if before.html == after.html:
            return []
        lines = list(self.changes(before, after))
        return ["\n".join([f"### {escape(after.title)} (`/{path}`)\n", *lines])] if lines else []

    def changes(self, old: Page, new: Page) -> Iterator[str]:
        """Markdown lines for one page present in both versions; the anchors that break go to the warnings."""
        removed = [key for key in old.sections if key not in new.sections]
        added = [key for key in new.sections if key not in old.sections]
        renamed_anchor = {}
        for key in removed:  # the same question under a new anchor: its old links break
            heading = old.sections[key].heading
            twin = next((other for other in added if new.sections[other].heading == heading
                         or new.sections[other].units == old.sections[key].units), None)
            if twin is not None and key not in self.moved_to:
                renamed_anchor[key] = twin
                added.remove(twin)
        for key, section in new.sections.items():
            if key in old.sections:
                yield from self.section_changes(new, old.sections[key], section, key)
            elif key in added and key in self.moved_from:
                yield f"**Moved here** from `/{self.moved_from[key]}`: {escape(section.heading)} (`#{key}`)\n"
                yield from self.section_changes(new, self.old.pages[self.moved_from[key]].sections[key], section, key)
            elif key in added:
                yield f"**Added:** {escape(section.heading)} (`#{key}`)\n"
                yield from (f"- {escape(unit)}" for unit in section.units)
                yield ""
        for key in removed:
            section, where = old.sections[key], f"/{old.path}#{key}"
            if key in renamed_anchor:
                twin = renamed_anchor[key]
                yield f"**New anchor:** {escape(section.heading)}: `#{key}` → `#{twin}`\n"
                yield from self.section_changes(new, section, new.sections[twin], twin)
                self.warnings.append(f"- `{where}` ({escape(section.heading)}) is now `#{twin}`: links and bookmarks "
                                     "to the old anchor land at the top of the page.")
            elif key in self.moved_to:
                yield f"**Moved** to `/{self.moved_to[key]}`: {escape(section.heading)} (`#{key}`)\n"
                self.warnings.append(f"- `{where}` ({escape(section.heading)}) moved to `/{self.moved_to[key]}#{key}`: "
                                     "links and bookmarks to its old place land at the top of the page.")
            else:
                yield f"**Removed:** {escape(section.heading)} (`#{key}`)\n"
                self.warnings.append(f"- `{where}` ({escape(section.heading)}) is removed: links and bookmarks to "
                                     "it break.")
        common_old = [key for key in old.sections if key in new.sections and key not in (INTRO, END)]
        common_new = [key for key in new.sections if key in old.sections and key not in (INTRO, END)]
        if common_old != common_new:
            yield "**New order of questions:** " + ", ".join(escape(new.sections[key].heading) for key in common_new)

    def section_changes(self, page: Page, old: Section, new: Section, key: str) -> Iterator[str]:
        title = {INTRO: "Top of the page", END: "End of the page"}.get(key)
        place = (f"{escape(page.title)}" + (f" › {escape(new.heading)}" if not title else f", {title.lower()}")
                 + f" (`/{page.path}{'' if title else '#' + key}`)")
        lines = []
        if old.heading != new.heading and key not in (INTRO, END):
            before, after = mark_words(old.heading, new.heading)
            lines.append(f"- question before: {before}\n- question after: {after}")
        lines.extend(self.unit_lines(changed_units(old.units, new.units), place))
        if not lines:
            return
        yield f"**{escape(title or new.heading)}**" + ("" if title else f" (`#{key}`)") + "\n"
        yield from lines
        yield ""

    def unit_lines(self, changes: list[Change], place: str | None) -> list[str]:
        """The changes in Markdown; those shown once for many places are left out and their place noted."""
        lines = []
        for change in changes:
            if change.old is None:
                lines.append(f"- added: {escape(change.new or '')}")
            elif change.new is None:
                lines.append(f"- removed: ~~{escape(change.old)}~~")
            elif place is not None and (words := word_changes(change.old, change.new)) in self.shared:
                self.shared[words].append((change, place))
            else:
                before, after = mark_words(change.old, change.new)
                lines.append(f"- before: {before}\n- after: {after}")
        return lines


# --- the calculator ------------------------------------------------------------------------------------

def calculator_lines(panel: Panel, blocks: list[Block]) -> list[str]:
    times = f"{', '.join(panel.times[:-1])} and {panel.times[-1]}"
    lines = [f"Each version's own rules and data answer the same sample orders: every day from {_day(panel.first_day)} "
             f"to {_day(panel.last_day)}, orders placed at {times} {escape(panel.time_zone_name)}, to each delivery "
             "zone. Answers that change:", ""]
    for block in blocks:
        title = panel.question(block.check)
        if block.check == "delivery":
            title += f" To {panel.destinations[block.group]}"
        elif block.check == "credit":
            title += f" ({block.group.removeprefix('credit to ')})"
        ways = block.shifts()
        shifts = "; ".join(f"{escape(shift)} ({count:,})" for shift, count in ways[:3])
        if len(ways) > 3:
            shifts += f"; moved otherwise ({sum(count for _, count in ways[3:]):,})"
        lines += [f"#### {escape(title)}", "",
                  f"{len(block.differences):,} of {block.samples:,} sample answers change: {shifts}.", ""]
        examples = block.examples()
        lines += [f"- for {escape(d.sample.question)}: {escape(d.old)} → **{escape(d.new)}**" for d in examples]
        if len(block.differences) > len(examples):
            lines.append(f"- and {len(block.differences) - len(examples):,} more")
        lines.append("")
    return lines


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


# --- the whole report ----------------------------------------------------------------------------------

def render_report(base: str, policies: list[str], pages: PagesReport, panel: Panel | None,
                  blocks: list[Block], notes: Sequence[str] = (), seasons: Sequence[str] = ()) -> str:
    """The report in Markdown (GitHub flavoured: it is also a pull request's job summary); `seasons`: what
    changed in the notice and the last order dates over the next twelve months."""
    out = ["# What shoppers will see differently", "", f"Your changes, compared with {base}.", ""]
    if not (pages.visible() or blocks or seasons):
        keywords = f"; search keywords changed for: {', '.join(pages.keywords)}" if pages.keywords else ""
        if policies:
            out += ["## Policy values", "", *policies, ""]
        out += [f"No visible change{keywords}.", *notes, ""]
        return "\n".join(out)
    if pages.warnings:
        out += ["## Links that break", "", *pages.warnings, ""]
    if policies:
        out += ["## Policy values", "", *policies, ""]
    if pages.around:
        out += ["## On every page", "", *pages.around, ""]
    if seasons:
        out += ["## Notice and last order dates (the next twelve months)", "", *seasons]
    if pages.pages:
        out += ["## Pages", "", *pages.pages, ""]
    if blocks:
        assert panel is not None
        out += ["## Calculator answers", "", *calculator_lines(panel, blocks)]
    if pages.keywords:
        out += ["## Search", "", f"Search keywords changed for: {', '.join(pages.keywords)}.", ""]
    out += [*notes]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).rstrip() + "\n"
