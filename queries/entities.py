"""Finding entities by id, by name or alias, and by free text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncDriver

from graph.names import name_key

Row = dict[str, Any]

SOURCES = """[i IN range(0, size(coalesce({n}.src_document, [])) - 1) |
  {{document: COLLECT {{
      MATCH (d:Document {{id: {n}.src_document[i]}}) RETURN d {{.id, .title}}
    }}[0],
    lines: {n}.src_lines[i], quote: {n}.src_quote[i]}}]"""


def projection(variable: str, extra: str = "") -> str:
    """The map every Entity answers with (identity, names, label, sources), plus `extra` keys."""
    label = f"[l IN labels({variable}) WHERE NOT l IN ['Entity', 'Record']][0]"
    more = f", {extra}" if extra else ""
    return f"{variable} {{.*, label: {label}, sources: {SOURCES.format(n=variable)}{more}}}"


ENTITY = projection("n")

NODE = f"MATCH (n:Entity {{id: $id}}) RETURN {ENTITY} AS entity"

SEARCH = f"""
CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node AS n, score
RETURN {ENTITY} AS entity ORDER BY $key IN n.lookup_keys DESC, score DESC, n.name LIMIT $first
"""

BY_NAME = f"""
CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node AS n
WITH n WHERE $key IN n.lookup_keys AND $label IN labels(n)
RETURN {ENTITY} AS entity ORDER BY n.id
"""

LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


@dataclass(frozen=True)
class Ambiguous(Exception):
    """A name matched several entities; the caller must choose by id."""

    name: str
    candidates: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.name!r} matches several entities: {', '.join(self.candidates)}"


def lucene_phrase(text: str) -> str:
    """Quote free text as a Lucene phrase so user input is never query syntax."""
    return '"' + LUCENE_SPECIAL.sub(r"\\\1", " ".join(text.split())) + '"'


def lucene_terms(text: str) -> str:
    words = [LUCENE_SPECIAL.sub(r"\\\1", word) for word in text.split()]
    return " AND ".join(f"{word}*" if len(word) > 2 else word for word in words) or '""'


async def node(driver: AsyncDriver, database: str, entity_id: str) -> Row | None:
    records, _, _ = await driver.execute_query(NODE, id=entity_id, database_=database, routing_="r")
    return records[0]["entity"] if records else None


async def search(driver: AsyncDriver, database: str, text: str, first: int) -> list[Row]:
    if not text.strip():
        return []
    records, _, _ = await driver.execute_query(
        SEARCH,
        lucene=lucene_terms(text),
        key=name_key(text),
        first=first,
        database_=database,
        routing_="r",
    )
    return [record["entity"] for record in records]


async def by_name(
    driver: AsyncDriver, database: str, label: str, name: str, *, person: bool = False
) -> Row | None:
    """The one entity with this label whose name or alias is `name`; Ambiguous if several."""
    key = name_key(name, person=person)
    records, _, _ = await driver.execute_query(
        BY_NAME, lucene=lucene_phrase(key), key=key, label=label, database_=database, routing_="r"
    )
    if len(records) > 1:
        raise Ambiguous(name, tuple(record["entity"]["id"] for record in records))
    return records[0]["entity"] if records else None
