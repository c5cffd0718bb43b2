"""What the graph stores: nodes and relationships as plain rows, each with its sources.

Sources are kept on every node and relationship as parallel lists (document id, line range,
and the quote as the public may read it, with the full quote beside it where that differs:
see graph/public.py), because Neo4j properties cannot hold maps
and relationships cannot point at source nodes. `hash` fingerprints a row so a reload can
tell unchanged rows from changed ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson

Props = dict[str, Any]


@dataclass(frozen=True)
class SourceRef:
    document: str
    lines: str
    quote: str
    public: str | None = None
    """The quote as the public may read it, when that differs (contact details or the
    words of a restricted item withheld)."""

    @property
    def span(self) -> tuple[int, int]:
        first, _, last = self.lines.partition("-")
        return int(first), int(last or first)


def source_props(sources: Iterable[SourceRef]) -> Props:
    unique = list(dict.fromkeys(sources))
    props: Props = {
        "src_document": [s.document for s in unique],
        "src_lines": [s.lines for s in unique],
        "src_quote": [s.quote if s.public is None else s.public for s in unique],
    }
    if any(s.public is not None for s in unique):
        props["officer_src_quote"] = [s.quote for s in unique]
    return props


@dataclass
class NodeRow:
    id: str
    labels: list[str]
    props: Props = field(default_factory=dict)
    sources: list[SourceRef] = field(default_factory=list)

    def stored(self, dataset: str, known_hash: str | None = None) -> Props:
        """The properties as stored, with their hash (`known_hash` when already computed)."""
        props = {k: v for k, v in self.props.items() if v is not None and v != []}
        props.update(source_props(self.sources), id=self.id, dataset=dataset)
        props["hash"] = known_hash or fingerprint({"labels": sorted(self.labels), **props})
        return props


@dataclass
class EdgeRow:
    type: str
    source: str
    target: str
    props: Props = field(default_factory=dict)
    sources: list[SourceRef] = field(default_factory=list)

    @property
    def rid(self) -> str:
        return f"{self.type}|{self.source}|{self.target}"

    def stored(self, dataset: str, known_hash: str | None = None) -> Props:
        """The properties as stored, with their hash (`known_hash` when already computed)."""
        props = {k: v for k, v in self.props.items() if v is not None and v != []}
        props.update(source_props(self.sources), rid=self.rid, dataset=dataset)
        props["hash"] = known_hash or fingerprint(props)
        return props


def fingerprint(props: Props) -> str:
    """A reload hashes every row, so this is the reload's main cost: orjson's canonical
    (sorted-key) text is a third of the time of the standard library's."""
    return hashlib.sha256(orjson.dumps(props, option=orjson.OPT_SORT_KEYS)).hexdigest()[:32]
