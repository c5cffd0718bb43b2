"""The public view: what anyone may read, decided here and nowhere else.

A record is *restricted* when the public was excluded from it (a private agenda item, a
body, meeting, seat or commitment marked so), and so is everything that belongs to a
restricted record (a seat in a private body, the roles at a private meeting, the actions
agreed there, a sub-commitment) and every record known only from a restricted record's
lines. The public view is the graph as if restricted records did not exist:

- restricted nodes, and every relationship that touches one, are never shown;
- contact details (email addresses, UK phone numbers, in any spelling, declared or not)
  are masked in every text, and the `email` and `phone` properties are officers' only;
- words naming a restricted record are withheld from public text, and a quote whose lines
  belong to a restricted record is withheld whole.

It is applied once, at load time, to the rows the graph stores: a public record's stored
properties *are* its public reading, and the full reading, where it differs, is kept
beside it under `officer_<name>`. Anything that reads a plain property therefore reads the
public view; only what asks for the officer reading on purpose (`readable`, `contact`,
`quote`, `exported`) can show more, and only to officers. Queries filter restricted
records with `visible`. The API, the review report, the exports and the logs all read the
graph through these functions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from graph.rows import EdgeRow, NodeRow, SourceRef

OFFICER = "$officer"
"""The query parameter that says whether the caller may read restricted information."""

WITHHELD_ITEM = "[withheld: restricted item]"
WITHHELD_CONTACT = "[withheld]"

OFFICER_PREFIX = "officer_"
CONTACT_PROPERTIES = ("email", "phone")
"""Properties only officers read, in any record."""

INTERNAL_PROPERTIES = frozenset({"hash", "rid", "lookup_keys", "search_text", "seq", "is_work"})
"""What the graph keeps for its own work (fingerprints, lookup keys, search text, order,
whether a commitment's words are work): never part of a view, public or not."""

NOT_TEXT = frozenset(
    {"id", "dataset", "kind", "holder", "body", "rag", "src_document", "src_lines", "src_quote"}
)
"""String properties that are identifiers or fixed words, not prose: left as they are."""

BELONGS_TO = frozenset(
    {"IN", "AT", "FOR", "ITEM_OF", "MEETING_OF", "AGREED_AT", "IN_PLAN", "PART_OF",
     "UNDER_THEME", "TAKEN_AT", "DECIDED_BY", "ABOUT"}
)  # fmt: skip
"""A record is as private as what it belongs to: the source of one of these relationships
is restricted when its target is (a seat in a private body, a note about a private item)."""

EMAIL = re.compile(
    r"[A-Za-z0-9._%+'-]+\s*(?:@|\(at\)|\[at\])\s*[A-Za-z0-9-]+(?:\s*\.\s*[A-Za-z0-9-]+)+"
)
UK_PHONE = re.compile(
    r"(?<![\w+])(?:\+\s?44[\s.-]*(?:\(0\)[\s.-]*)?|\(?0)\d(?:[\s.()-]{0,2}\d){8,9}(?![\w])"
)
"""UK numbers as people write them: 01484 221000, 01484-221000, (01484) 221000,
+44 (0)1484 221000, 0300 123 4567, 07700900123."""
PHONE_DIGITS = re.compile(r"\d(?:[\s.()-]{0,2}\d){8}")
"""Nine digits close together: no text without them holds a phone number."""


def visible(variable: str) -> str:
    """Cypher: the record in `variable` is one the caller may see."""
    return f"(NOT coalesce({variable}.restricted, false) OR {OFFICER})"


def visible_path(path: str) -> str:
    """Cypher: every record on a path is one the caller may see, so nothing restricted is
    reached through, only to."""
    return f"all(n IN nodes({path}) WHERE {visible('n')})"


def readable(variable: str, name: str) -> str:
    """Cypher: a text property as the caller may read it (officers get the full reading)."""
    public = f"{variable}.{name}"
    officer = f"{variable}.{OFFICER_PREFIX}{name}"
    return f"CASE WHEN {OFFICER} THEN coalesce({officer}, {public}) ELSE {public} END"


def contact(variable: str, name: str) -> str:
    """Cypher: a contact detail, for officers only."""
    return f"CASE WHEN {OFFICER} THEN {variable}.{OFFICER_PREFIX}{name} END"


Names = list[str | None]
"""The names a property is read under for one caller (see `names_read`)."""


def names_read(name: str, *, officer: bool, text: bool = False, contact: bool = False) -> Names:
    """The names under which `read_named` reads a property for a caller, the first that is
    set winning: a plain property under its name for everyone; a text (see `readable`)
    under its full reading first for officers; a contact detail (see `contact`) only for
    officers."""
    if not officer:
        return [None if contact else name, None]
    return [OFFICER_PREFIX + name if text or contact else name, None if contact else name]


def read_named(variable: str, names: str) -> str:
    """Cypher: a property read under the names the Cypher expression `names` holds, a pair
    from `names_read` (made for the caller: the text does not say who is asking)."""
    return f"coalesce({variable}[{names}[0]], {variable}[{names}[1]])"


def quote(variable: str, index: str) -> str:
    """Cypher: the `index`th source quote of a node or relationship, as the caller may read it."""
    officer = f"{variable}.{OFFICER_PREFIX}src_quote[{index}]"
    public = f"{variable}.src_quote[{index}]"
    return f"CASE WHEN {OFFICER} THEN coalesce({officer}, {public}) ELSE {public} END"


def mask_contacts(text: str, declared: re.Pattern[str] | None = None) -> str:
    """Email addresses and UK phone numbers in `text` withheld, and any `declared` contact.
    (Every text of a national load passes here: the cheap tests come first.)"""
    if "@" in text or "(at)" in text or "[at]" in text:
        text = EMAIL.sub(WITHHELD_CONTACT, text)
    if PHONE_DIGITS.search(text):
        text = UK_PHONE.sub(WITHHELD_CONTACT, text)
    return declared.sub(WITHHELD_CONTACT, text) if declared else text


def declared_pattern(values: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern for contact details stated in the data, in whatever spacing, punctuation or
    capitals they are written elsewhere (so "01484-221000" matches "01484 221000")."""
    alternatives = []
    for value in values:
        characters = [c for c in value if c.isalnum() or c in "@._+'"]
        if len(characters) >= 5:
            alternatives.append(r"[\s().-]*".join(re.escape(c) for c in characters))
    if not alternatives:
        return None
    return re.compile("|".join(sorted(alternatives, key=len, reverse=True)), re.IGNORECASE)


WORD = re.compile(r"\w+")


@dataclass
class RestrictedNames:
    """Mentions of restricted records by name or alias. Names are found by their first word
    first, so a dataset with thousands of restricted records does not try each on every text."""

    by_first_word: dict[str, list[re.Pattern[str]]]

    @classmethod
    def of(cls, nodes: Iterable[NodeRow]) -> RestrictedNames:
        by_first_word: dict[str, list[re.Pattern[str]]] = defaultdict(list)
        for node in nodes:
            for name in (node.props.get("name"), *node.props.get("aliases", [])):
                words = str(name or "").split()
                first = WORD.findall(words[0].casefold()) if words else []
                if len("".join(words)) >= 4 and first:
                    pattern = r"\s+".join(re.escape(word) for word in words)
                    by_first_word[first[0]].append(
                        re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE)
                    )
        return cls(dict(by_first_word))

    def withhold(self, text: str) -> str:
        if not self.by_first_word:
            return text
        for word in set(WORD.findall(text.casefold())) & self.by_first_word.keys():
            for pattern in self.by_first_word[word]:
                text = pattern.sub(WITHHELD_ITEM, text)
        return text


@dataclass
class PublicView:
    """What the public may not read in one dataset: the lines restricted records occupy,
    their names, and the contact details the dataset states."""

    spans: dict[str, list[tuple[int, int]]]
    names: RestrictedNames
    contacts: re.Pattern[str] | None

    def text(self, value: str) -> str:
        """The public reading of a piece of prose."""
        return mask_contacts(self.names.withhold(value), self.contacts)

    def source(self, source: SourceRef) -> SourceRef:
        """A quote from a restricted record's lines is withheld whole; others are masked."""
        spans = self.spans.get(source.document)
        if spans and _overlaps(source.span, spans):
            return replace(source, public=WITHHELD_ITEM)
        public = self.text(source.quote)
        return source if public == source.quote else replace(source, public=public)


def apply(nodes: list[NodeRow], edges: Iterable[EdgeRow], contacts: Iterable[str]) -> None:
    """Mark every restricted row and give every row its public reading, in place."""
    edges = list(edges)
    restricted = _restricted(nodes, edges)
    hidden = [node for node in nodes if node.id in restricted]
    view = PublicView(_spans(hidden), RestrictedNames.of(hidden), declared_pattern(contacts))
    for node in nodes:
        if node.id in restricted:
            node.props["restricted"] = True
        if "Document" in node.labels and "text" in node.props:
            # A document's whole text holds its restricted lines too: officers' only.
            node.props[OFFICER_PREFIX + "text"] = node.props.pop("text")
        _publish(node.props, view)
        node.sources[:] = [view.source(s) for s in node.sources]
    for edge in edges:
        _publish(edge.props, view)
        edge.sources[:] = [view.source(s) for s in edge.sources]


def _restricted(nodes: list[NodeRow], edges: list[EdgeRow]) -> set[str]:
    """Restricted records and, until nothing changes, what belongs to them, what is held
    by them, and what only their lines show."""
    restricted = {node.id for node in nodes if node.props.get("restricted")}
    if not restricted:
        return restricted
    belongs: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        if edge.type in BELONGS_TO:
            belongs[edge.target].add(edge.source)
        elif edge.type == "HOLDS":
            belongs[edge.source].add(edge.target)  # a restricted holder's roles
    while True:
        frontier = list(restricted)
        while frontier:
            for member in belongs.get(frontier.pop(), ()):
                if member not in restricted:
                    restricted.add(member)
                    frontier.append(member)
        spans = _spans(n for n in nodes if n.id in restricted)
        known_only_there = {
            node.id
            for node in nodes
            if node.id not in restricted
            and node.sources
            and "Document" not in node.labels
            and all(_inside(s, spans) for s in node.sources)
        }
        if not known_only_there:
            return restricted
        restricted |= known_only_there


def _spans(nodes: Iterable[NodeRow]) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for node in nodes:
        for source in node.sources:
            spans[source.document].append(source.span)
    return spans


def _inside(source: SourceRef, spans: Mapping[str, list[tuple[int, int]]]) -> bool:
    """Every line of the source lies within restricted records' lines."""
    first, last = source.span
    covered: set[int] = set()
    for a, b in spans.get(source.document, ()):
        covered.update(range(max(a, first), min(b, last) + 1))
    return len(covered) == last - first + 1


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    first, last = span
    return any(a <= last and first <= b for a, b in spans)


def _publish(props: dict[str, Any], view: PublicView) -> None:
    """Store the public reading under each property's name and the full one beside it."""
    for name in CONTACT_PROPERTIES:
        if props.get(name):
            props[OFFICER_PREFIX + name] = props.pop(name)
    if props.get("restricted"):
        return  # never shown to the public: its properties stay as they are
    for name, value in list(props.items()):
        if name in NOT_TEXT or name.startswith(OFFICER_PREFIX):
            continue
        if isinstance(value, str):
            public: Any = view.text(value)
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            public = [view.text(v) for v in value]
        else:
            continue
        if public != value:
            props[name] = public
            props[OFFICER_PREFIX + name] = value


def exported(props: Mapping[str, Any], *, officer: bool) -> dict[str, Any]:
    """A stored node's or relationship's properties as an export may show them: the public
    reading (or, for officers, the full one), sources as {document, lines, quote}, and
    nothing internal."""
    shown: dict[str, Any] = {}
    for name, value in props.items():
        base = name.removeprefix(OFFICER_PREFIX)
        if base in INTERNAL_PROPERTIES or base.startswith("src_") or base == "restricted":
            continue
        if name != base:
            if officer:
                shown[base] = value
            continue
        shown.setdefault(name, value)
    quotes = props.get(OFFICER_PREFIX + "src_quote") if officer else None
    quotes = quotes or props.get("src_quote") or []
    shown["sources"] = [
        {"document": document, "lines": lines, "quote": text}
        for document, lines, text in zip(
            props.get("src_document") or [], props.get("src_lines") or [], quotes, strict=False
        )
    ]
    if officer and props.get("restricted"):
        shown["restricted"] = True
    return shown


def exportable(props: Mapping[str, Any], *, officer: bool) -> bool:
    """Whether a stored record belongs in a view for this caller."""
    return officer or not props.get("restricted")
