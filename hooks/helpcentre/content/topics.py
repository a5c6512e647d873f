"""The FAQ content: one YAML file per topic in content/, each a list of questions.

Besides the schema, the checks here catch what reads as valid YAML but would publish something the
editor did not mean: a key of the question indented into its answer, an item of a [ ] list split in
two by a comma, a file the build would ignore or publish raw, a file name that cannot be an address."""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from helpcentre.reading.errors import DataError, Finding, Findings
from helpcentre.reading.schema import ListOf, Markdown, Optional, Patterned, Record, Text, Whole, child_key, error_at
from helpcentre.reading.words_file import OVERRIDE_FILE
from helpcentre.reading.yaml_source import read_yaml

from .copy_style import GLOSSARY
from .located import Located, finding_at, located_at
from .placeholders import PLACEHOLDER


class Prose(Text):
    """Text an editor writes for shoppers: a comment after it on its line is a cut-off, never meant."""

    comments_cut_off = True


class ProseField(Markdown):
    comments_cut_off = True

    def read(self, node: yaml.Node, key: str, file: str) -> Located:
        return located_at(super().read(node, key, file), node, key, file)


class Slug(Patterned):
    """A question id: lowercase words joined by hyphens, used as the link anchor."""

    EXPECTED = "an id of lowercase words and digits joined by hyphens, such as cancel-an-order"
    PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"

    def read(self, node: yaml.Node, key: str, file: str) -> Located:
        return located_at(super().read(node, key, file), node, key, file)


class Items(ListOf):
    """A list of short phrases, such as the details an email asks for. In a [ ] list a comma ends an item,
    so "[Order number, New delivery address, in full]" is three items: an item that starts with a small
    letter after another is taken for the end of that one, split off by its comma."""

    def __init__(self, description: str = "") -> None:
        super().__init__(Prose(), description=description)

    def read(self, node: yaml.Node, key: str, file: str) -> list[str]:
        items = super().read(node, key, file)
        if node.flow_style:
            for before, item in itertools.pairwise(node.value):
                if not item.style and item.value[:1].islower():
                    whole = f"{before.value}, {item.value}"
                    raise error_at(file, item, key, f'"{item.value}" looks like the end of "{before.value}", split '
                                   "off by the comma (in [ ] a comma starts a new item); put the whole item in "
                                   f'quotes: "{whole}"')
        return items


def _question_label(n: int, node: yaml.Node) -> str:
    """How messages name a question: "question 6, id refund-time" (counted from one, as editors count)."""
    qid = next((value.value for key, value in getattr(node, "value", ())
                if isinstance(key, yaml.ScalarNode) and key.value == "id" and isinstance(value, yaml.ScalarNode)),
               None) if isinstance(node, yaml.MappingNode) else None
    return f"question {n + 1}, id {qid}" if qid else f"question {n + 1}"


# The descriptions are what editors read when they hover over a key (the JSON Schema, see json_schema.py).
SCHEMA = Record({
    "title": Prose(description="the topic's name: the page title and its place in the menu"),
    "summary": Prose(description="one sentence, shown on the home page and to search engines"),
    "order": Whole(description="the topic's place in the menu (1 comes first)"),
    "questions": ListOf(Record({
        "id": Slug(description="the link anchor of the answer: lowercase words joined by hyphens; "
                               "never change it, links to it would break"),
        "question": ProseField(description="the question, as a shopper would ask it"),
        "answer": ProseField(description="the answer, in Markdown; policy values are placeholders such as "
                                         "{{ returns.window_days }}, never typed in"),
        "keywords": Optional(ListOf(Text(), description="what shoppers type to find this question "
                                                        "(synonyms, everyday words, misspellings); not shown")),
        "related": Optional(ListOf(Slug(), description="two or three ids of the answers to read next")),
        "email": Optional(Record({
            "subject": Prose(description="the email's subject"),
            "ask_for": Optional(Items(description='details to write in, such as "Order number"')),
            "attach": Optional(Items(description='what to attach, such as "Photos of the damaged item"')),
        }, description="the prefilled email offered below an answer that asks shoppers to email us "
                       "(needed when the answer uses {{ shop.email }})")),
    }, description="one question and its answer"), min_items=1, label=_question_label,
        description="the topic's questions, in the order of the page"),
}, description="one topic of the help centre: a page of questions and answers")
QUESTION = SCHEMA.fields["questions"].item
# The keys of a question (and of its email): written at the start of a line in an answer, one was indented
# into the answer's text by mistake.
_KEY_IN_ANSWER = re.compile(r"^[ ]*(" + "|".join(sorted({*QUESTION.fields, *QUESTION.fields["email"].field.fields}))
                            + r"):(?:[ ]|$)", re.MULTILINE)
_SUBHEADING = re.compile(r"#{3,6}[ \t]+\S")  # a heading an answer may have, under its question's (##)
_PAGE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_IMAGES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}  # pictures a Markdown page may show
NOTICE_FILE = "notice.yml"  # the words of the notice on every page (helpcentre.dates.notice), not a topic
NOT_TOPICS = {NOTICE_FILE, OVERRIDE_FILE}  # nor is the shop's words file (helpcentre.reading.words_file)
_EMAIL_PLACEHOLDER = re.compile(r"\{\{\s*shop\.email\s*\}\}")
_ID_LINE = re.compile(r"^[ ]*-?[ ]*id:[ ]*[\"']?([a-z0-9-]+)", re.MULTILINE)  # the ids of a file that does not read


@dataclass(frozen=True)
class EmailRequest:
    """What the shop needs in an email about one question."""

    subject: str
    ask_for: tuple[str, ...] = ()
    attach: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    id: Located
    question: Located
    answer: Located
    keywords: tuple[str, ...]
    related: tuple[Located, ...]
    email: EmailRequest | None = None
    unread: frozenset[str] = frozenset()  # the keys written with a mistake in them


@dataclass(frozen=True)
class Topic:
    slug: str  # the file name without .yml, also the page name
    title: str
    summary: str
    order: int
    questions: tuple[Question, ...]

    @property
    def page(self) -> str:
        return f"{self.slug}.md"


def topic_files(folder: Path) -> list[Path]:
    """The topic files of `folder`: each .yml file directly in it with a name that can be an address, but
    the notice's and the shop's words (a misnamed file is named by `check_content_files`)."""
    return sorted(path for path in folder.glob("*.yml")
                  if _PAGE_NAME.fullmatch(path.stem) and path.name not in NOT_TOPICS)


@dataclass(frozen=True)
class TopicsRead:
    """The topic files as far as they read: a mistake in one file hides nothing in the others, and a mistake
    in a question hides nothing in the other questions."""

    topics: list[Topic]  # in menu order; a topic with mistakes has the questions that read
    unread: dict[str, frozenset[str]]  # page of each topic file that is not YAML -> the ids written in it
    findings: list[Finding]


def load_topics(folder: Path) -> list[Topic]:
    """Read every topic file in `folder`, in menu order; raises `DataError` with every mistake."""
    read = read_topics(folder)
    if read.findings:
        raise DataError.of(read.findings)
    return read.topics


def read_topics(folder: Path) -> TopicsRead:
    """Read every topic file in `folder` as far as it reads; ids must be unique and related ids must exist."""
    found, topics, unread = Findings(), [], {}
    found.extend(check_content_files(folder))
    for path in topic_files(folder):
        name = str(path.relative_to(folder.parent))
        try:
            root = read_yaml(path, name, found)
        except DataError as error:
            found.add(error)
            unread[f"{path.stem}.md"] = frozenset(_ID_LINE.findall(path.read_text(encoding="utf-8", errors="replace")))
            continue
        topics.append(_read_topic(root, path.stem, name, found))
    topics.sort(key=lambda topic: (topic.order, topic.slug))
    found.extend(_check_ids(topics, frozenset().union(*unread.values())))
    return TopicsRead(topics, unread, found.errors)


def _read_topic(root: yaml.Node, slug: str, name: str, found: Findings) -> Topic:
    values = SCHEMA.gather(root, "", name, found) or {}
    questions = tuple(
        Question(q["id"], q["question"], q["answer"], tuple(q["keywords"] or ()), tuple(q["related"] or ()),
                 _email_request(q["email"]), frozenset(q.unread))
        for q in values.get("questions") or () if None not in (q["id"], q["question"], q["answer"])
    )
    for question in questions:
        found.extend(_keys_in_answer(question.answer))
        found.extend(_hashes_in_answer(question.answer))
        for match in PLACEHOLDER.finditer(question.question):
            found.add(question.question.error(f'a question is shown as written, so the placeholder "{match.group(0)}" '
                                              "would be published as typed; write it in words, and the figure in "
                                              "the answer"))
        if question.email is None and "email" not in question.unread and _EMAIL_PLACEHOLDER.search(question.answer):
            answer = question.answer
            found.add(answer.error("this answer asks shoppers to email us, so it needs the email they should "
                                   "send; expected email: with a subject (and ask_for, attach)",
                                   child_key(answer.key.removesuffix(".answer").removesuffix(", answer"),
                                             "email")))
    return Topic(slug, values.get("title") or slug, values.get("summary") or "", values.get("order") or 0, questions)


def _email_request(values: dict | None) -> EmailRequest | None:
    if values is None:
        return None
    return EmailRequest(values["subject"], tuple(values["ask_for"] or ()), tuple(values["attach"] or ()))


def _check_ids(topics: list[Topic], unread_ids: frozenset[str]) -> list[Finding]:
    """Each id once; each related id that of another question (or written in a file that does not read)."""
    found, where = Findings(), {}
    for topic in topics:
        for question in topic.questions:
            qid = question.id
            if qid in where:
                found.add(qid.error(f'the id "{qid}" is also used in {where[qid].slug}.yml; expected each id once'))
            where.setdefault(qid, topic)
    for topic in topics:
        for question in topic.questions:
            for related in question.related:
                if (related not in where and related not in unread_ids) or related == question.id:
                    error = related.error(f'"{related}" is not the id of another question; expected the id of a '
                                          "question to link to")
                    found.extend(dataclasses.replace(f, refers_to=f"#{related}") for f in error.findings)
            if "related" not in question.unread and not 2 <= len(set(question.related)) == len(question.related) <= 3:
                qid = question.id
                found.add(qid.error(f"{len(question.related)} related questions; expected two or three different "
                                    "ids of the answers a shopper is likely to need next",
                                    child_key(qid.key.removesuffix(".id").removesuffix(", id"), "related")))
    return found.found


def fold_lost_ids(findings: list[Finding]) -> list[Finding]:
    """A question whose id has a mistake (used twice, or not an id) has lost its own, and the links and related
    ids naming its old id lead nowhere: those are folded under the mistake in the id, which names the old id."""
    causes = [f for f in findings if f.severity == "error" and f.key.endswith((", id", ".id"))
              and f.file.endswith(".yml")]
    for cause in causes:
        page = f"{Path(cause.file).stem}.md"
        lost = {f.refers_to.partition("#")[2] for f in findings if f.refers_to.startswith(f"{page}#")}
        if not lost and len(causes) == 1:  # only related ids name it: no page to tell by, but one cause
            lost = {f.refers_to[1:] for f in findings if f.refers_to.startswith("#")}
        if len(lost) == 1:  # which id the question had is clear
            findings = _fold(cause, lost.pop(), page, findings)
    return findings


def _fold(cause: Finding, old: str, page: str, findings: list[Finding]) -> list[Finding]:
    knock_ons = tuple(sorted((f for f in findings if f.refers_to in (f"{page}#{old}", f"#{old}")), key=Finding.order))
    message = (f'{cause.message}. Was this question "{old}"? The {len(knock_ons)} links to "{old}" below lead '
               "nowhere now: give the question back its id, or change the links")
    return [*(f for f in findings if f not in knock_ons and f is not cause),
            dataclasses.replace(cause, message=message, knock_ons=knock_ons)]


def _hashes_in_answer(answer: Located) -> list[Finding]:
    """A line starting with # in an answer is a heading in Markdown: a note to self would be published large
    and break the page's contents. Only headings under the question's own (### to ######) are allowed."""
    if "#" not in answer:
        return []
    found, offset, in_fence = [], 0, False
    for line in answer.split("\n"):
        words = line.lstrip(" ")
        if words.startswith(("```", "~~~")):
            in_fence = not in_fence
        elif not in_fence and words.startswith("#") and len(line) - len(words) < 4 and not _SUBHEADING.match(words):
            found.append(finding_at(answer, offset + len(line) - len(words), answer.file, answer.line, answer.key,
                                    f'"{words.strip()}" starts with #, so it would be published as a heading and '
                                    "break the page's contents. A note to yourself goes outside the answer: a YAML "
                                    'comment on a line of its own, in the column of "answer:". A heading inside '
                                    'an answer is written "### Heading"'))
        offset += len(line) + 1
    return found


def _keys_in_answer(answer: Located) -> list[Finding]:
    """A key of the question inside its answer's text: indented as far as the text, it became part of it."""
    if answer.count("\n") == 0:
        return []
    return [finding_at(answer, match.start(1), answer.file, answer.line, answer.key,
                       f'"{match.group(1)}:" is inside the answer: it is indented as far as the answer\'s text, so '
                       "shoppers would read it; move it left, to line up with answer:")
            for match in _KEY_IN_ANSWER.finditer(answer)]


def check_content_files(folder: Path) -> list[Finding]:
    """Files in content/ the build would ignore or publish as they are, and names that cannot be addresses."""
    found = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_dir() or any(part.startswith(".") for part in relative.parts) or relative == GLOSSARY:
            continue  # MkDocs leaves out hidden files, such as an editor's swap files; the glossary is no topic
        name = path.relative_to(folder.parent).as_posix()
        suffix = path.suffix.lower()
        if suffix in (".yaml", ".yml") and (path.suffix != ".yml" or len(relative.parts) > 1):
            words = "" if _PAGE_NAME.fullmatch(path.stem) else (", its name lowercase words and digits joined by "
                                                                  "hyphens (the page's address)")
            found.append(Finding(name, None, "", f"a topic file must be named .yml and be in {folder.name}/ "
                                 f"itself{words}; rename it {folder.name}/{_address(path.stem)}.yml"))
        elif suffix not in (".yml", ".md", *_IMAGES) or (suffix == ".md" and path.suffix != ".md"):
            found.append(Finding(name, None, "", f"only topics (.yml), pages (.md) and pictures belong in "
                                 f"{folder.name}/; the build would publish this file as it is: move it out "
                                 f"of {folder.name}/"))
        elif suffix == ".md" and not _is_utf8(path):
            found.append(Finding(name, None, "", "expected UTF-8 text; the file has bytes that are not: save it "
                                 "again as UTF-8 (in most editors, under Save As or Encoding)"))
        elif suffix in (".yml", ".md") and not _PAGE_NAME.fullmatch(path.stem):
            found.append(Finding(name, None, "", "the file name becomes the page's address, so it must be "
                                 "lowercase words and digits joined by hyphens; rename it "
                                 f"{relative.with_name(_address(path.stem) + path.suffix).as_posix()}"))
    pages = {p.relative_to(folder).with_suffix("").as_posix() for p in folder.rglob("*.md")}
    for path in sorted(folder.glob("*.yml")):
        if path.stem in pages:
            found.append(Finding(path.relative_to(folder.parent).as_posix(), None, "",
                                 f"the topic and the page {folder.name}/{path.stem}.md would both be the page "
                                 f"/{path.stem}/; rename one of them"))
    return found


def _address(stem: str) -> str:
    """A file name (without its ending) made an address: "Gift Cards" is gift-cards."""
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "page"


def _is_utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
