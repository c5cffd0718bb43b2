"""Whole-graph views for the review report and the exports: counts, the oversight map, every
workstream and commitment, the source documents, and the graph itself.

The review's views take `$asOf` as the findings do (queries/findings.py), so a review of one
day counts, maps and compares only what was in force that day; null means all dates."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from neo4j import AsyncDriver

from graph.public import visible, visible_path
from queries.cypher import current, label_of, sources
from queries.findings import commitment_in_force, in_force, known_on

Row = dict[str, Any]


def on_the_day(entity: str) -> str:
    """An entity the review of `$asOf` shows: a plan or commitment in force, a body within
    its dates, and anything else once a document published by then names it."""
    return (
        f"CASE WHEN {entity}:Plan THEN {in_force(entity)} "
        f"WHEN {entity}:Commitment THEN {commitment_in_force(entity)} "
        f"ELSE {known_on(entity)} AND (NOT {entity}:Body OR {current(entity, '$asOf')}) END"
    )


def in_area(record: str) -> str:
    """A record of the area (dataset) `$area` names; null names every area."""
    return f"($area IS NULL OR {record}.dataset = $area)"


COUNTS = f"""
MATCH (entity:Entity) WHERE {visible("entity")} AND {on_the_day("entity")}
  AND {in_area("entity")}
WITH {label_of("entity")} AS label, count(*) AS count
RETURN label, count ORDER BY label
"""

OVERSIGHT_EDGES = f"""
MATCH (a:Entity)-[r:REPORTS_TO|GOVERNS|OWNS|PART_OF]->(b:Entity)
WHERE (type(r) <> 'PART_OF' OR (a:Body AND b:Body)) AND {current("r", "$asOf")}
  AND {visible("a")} AND {visible("b")} AND {on_the_day("a")} AND {on_the_day("b")}
  AND ({in_area("a")} OR {in_area("b")})
RETURN type(r) AS type, r.qualifier AS qualifier,
  a {{.id, .name, label: {label_of("a")}}} AS source,
  b {{.id, .name, label: {label_of("b")}}} AS target
ORDER BY a.name, type(r), b.name
"""
"""Who reports to, governs or owns what, and which bodies sit inside which: for one area,
its lines to bodies beyond it too (a board that reports to a regional one)."""


def _named(pattern: str, where: str) -> str:
    """The visible `x` a pattern (a path named `path`) reaches from `w`, as {id, name}."""
    return (
        f"COLLECT {{ MATCH path = {pattern} WHERE {where} AND {visible_path('path')} "
        "RETURN DISTINCT x {.id, .name} AS x ORDER BY x.name, x.id }"
    )


WORKSTREAMS = f"""
MATCH (w:Workstream) WHERE {visible("w")} AND {known_on("w")} AND {in_area("w")}
RETURN w.id AS id, w.name AS name,
  {_named("(w)<-[r:GOVERNS]-(x:Entity)", current("r", "$asOf"))} AS governedBy,
  {_named("(w)<-[r:DELIVERS]-(x:Body)", current("r", "$asOf"))} AS groups,
  {
    _named(
        "(w)<-[a:ADDRESSES]-(p:Plan)<-[r:OWNS]-(x:Body)",
        f"{current('a', '$asOf')} AND {current('r', '$asOf')} AND {in_force('p')}",
    )
} AS strategyOwners,
  {
    _named(
        "(w)<-[a:ADDRESSES]-(c)-[:IN_PLAN|PART_OF]->{0,1}(x:Plan)",
        f"(c:Plan OR c:Commitment OR c:Theme) AND {current('a', '$asOf')} AND {in_force('x')}",
    )
} AS plans,
  [s IN {sources("w")} | {{document: {{id: s.document.id}}, lines: s.lines, quote: s.quote}}]
    AS sources
ORDER BY w.name, w.id
"""
"""Every area of work known on the day, with the bodies that govern it, deliver it or own a
plan in force that covers it, and the plans in force that cover it (the duplication table)."""

DOCUMENTS = f"""
MATCH (d:Document) WHERE {in_area("d")} RETURN d.id AS id, d.title AS title ORDER BY d.id
"""

DATASETS = """
MATCH (d:Dataset) WHERE $area IS NULL OR d.name = $area
RETURN d.name + ': ' + d.title AS name ORDER BY name
"""
"""The areas a review covers, as `name: title`."""

EXPORT_NODES = f"""
MATCH (n:Record) WHERE {visible("n")}
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Record'] AS labels, properties(n) AS properties
ORDER BY n.id
"""

EXPORT_RELATIONSHIPS = f"""
MATCH (a:Record)-[r]->(b:Record) WHERE {visible("a")} AND {visible("b")}
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS properties
ORDER BY a.id, type(r), b.id
"""
"""The graph as the caller may see it; report/export.py shows each record's properties
through graph/public.py."""


async def rows(driver: AsyncDriver, database: str, cypher: str, **params: Any) -> list[Row]:
    records, _, _ = await driver.execute_query(
        cypher, params, database_=database, routing_="r", officer=False
    )
    return [record.data() for record in records]


async def stream(
    driver: AsyncDriver, database: str, cypher: str, *, officer: bool, **params: Any
) -> AsyncIterator[Row]:
    """Rows one at a time, for exports larger than memory."""
    async with driver.session(database=database) as session:
        result = await session.run(cypher, {**params, "officer": officer})
        async for record in result:
            yield record.data()
