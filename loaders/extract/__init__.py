"""Extractors: published documents in, canonical records (plain dicts) out.

Every record carries line-level provenance, so the helpers here number a document's lines
as `cat -n` does, refuse quotes that the cited lines do not contain, make the slugs that
ids are built from, and merge repeated mentions of one entity into one record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

Record = dict[str, object]
Records = dict[str, list[Record]]

_APOSTROPHES = re.compile(r"['’‘]")
_WORD = re.compile(r"[a-z0-9]+")
_TRAILING_STOPWORDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "our", "the", "to", "with"]
)


def fold(text: str) -> str:
    """Runs of white space as one space: how quotes are compared with their lines."""
    return " ".join(text.split())


def slugify(text: str, max_length: int = 60) -> str:
    """Lower-case words joined by `-`, cut at a word boundary so ids stay readable."""
    words = _WORD.findall(_APOSTROPHES.sub("", text.lower()))
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([*kept, word])) > max_length:
            break
        kept.append(word)
    while len(kept) > 1 and kept[-1] in _TRAILING_STOPWORDS:
        kept.pop()
    return "-".join(kept)


def opening(text: str, words: int = 12) -> str:
    """The first words of a passage: a short quote that still identifies it."""
    return " ".join(text.split()[:words])


@dataclass(frozen=True)
class Lines:
    """A document's lines, numbered from 1 as `cat -n` numbers them."""

    document: str
    texts: tuple[str, ...]

    @classmethod
    def read(cls, path: Path, document: str) -> Lines:
        # split("\n"), not splitlines(): form feeds and the like must not add lines.
        return cls(document, tuple(path.read_text(encoding="utf-8").split("\n")))

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, number: int) -> str:
        return self.texts[number - 1]

    def span(self, first: int, last: int) -> str:
        """The folded text of lines first..last."""
        return fold(" ".join(self.texts[first - 1 : last]))

    def source(self, first: int, last: int | None = None, quote: str | None = None) -> Record:
        """A `sources` item; the quote defaults to the whole span and must occur in it."""
        last = first if last is None else last
        text = self.span(first, last)
        quoted = text if quote is None else fold(quote)
        if not quoted or quoted not in text:
            raise ValueError(f"{self.document} {first}-{last}: {quoted!r} not in {text!r}")
        lines = str(first) if first == last else f"{first}-{last}"
        return {"document": self.document, "lines": lines, "quote": quoted}


def _copy(value: object) -> object:
    """A deep copy, so no two records share an object: YAML would anchor it (`&id001`)."""
    if isinstance(value, date):
        return date.fromordinal(value.toordinal())
    if isinstance(value, list):
        return [_copy(item) for item in value]
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    return value


class Collector:
    """Records by section; an entity mentioned again gains sources instead of repeating."""

    def __init__(self) -> None:
        self._sections: dict[str, list[Record]] = {}
        self._by_id: dict[str, Record] = {}

    def add(self, section: str, record: Record) -> None:
        """Add a record without an id (a role, a relation) or a new entity."""
        self._sections.setdefault(section, []).append(
            {key: _copy(value) for key, value in record.items() if value is not None}
        )

    def entity(self, section: str, record: Record) -> str:
        """Add an entity, or merge it into the one with its id; returns the id.

        A repeat mention fills empty fields and adds aliases; its sources are kept only
        when it added something, so sources stay the evidence for the fields.
        """
        key = str(record["id"])
        existing = self._by_id.get(key)
        if existing is None:
            self.add(section, record)
            self._by_id[key] = self._sections[section][-1]
            return key
        added = False
        for name, value in record.items():
            current = existing.get(name)
            if name == "sources" or value is None:
                continue
            if isinstance(current, list) and isinstance(value, list):
                new = [item for item in value if item not in current]
                current.extend(new)
                added = added or bool(new)
            elif current is None:
                existing[name] = _copy(value)
                added = True
        sources, more = existing["sources"], record["sources"]
        if added and isinstance(sources, list) and isinstance(more, list):
            sources.extend(_copy(source) for source in more)
        return key

    def records(self) -> Records:
        return {section: list(items) for section, items in self._sections.items() if items}
