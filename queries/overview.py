"""Whole-graph views for the review report and the exports: counts, the oversight map, every
workstream and commitment, the source documents, and the graph itself."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from neo4j import AsyncDriver

from graph.public import visible
from queries.compile import label_of
from queries.cypher import current
from queries.questions import Question

Row = dict[str, Any]

COUNTS = f"""
MATCH (n:Entity) WHERE {visible("n")}
WITH {label_of("n")} AS label, count(*) AS count
RETURN label, count ORDER BY label
"""

OVERSIGHT_EDGES = f"""
MATCH (a:Entity)-[r:REPORTS_TO|GOVERNS|OWNS|PART_OF]->(b:Entity)
WHERE (type(r) <> 'PART_OF' OR (a:Body AND b:Body)) AND {current("r", "$asOf")}
  AND {visible("a")} AND {visible("b")}
RETURN type(r) AS type, r.qualifier AS qualifier,
  a {{.id, .name, label: {label_of("a")}}} AS source,
  b {{.id, .name, label: {label_of("b")}}} AS target
ORDER BY a.name, type(r), b.name
"""
"""Who reports to, governs or owns what, and which bodies sit inside which."""

DOCUMENTS = """
MATCH (d:Document) RETURN d.id AS id, d.title AS title ORDER BY d.id
"""

WORKSTREAMS = Question(
    "workstreams",
    f"MATCH (w:Workstream) WHERE {visible('w')} WITH w ORDER BY w.name WITH collect(w) AS value",
    "Workstream",
    many=True,
)

COMMITMENTS = Question(
    "commitments",
    f"""
    MATCH (c:Commitment)-[:IN_PLAN]->(:Plan) WHERE {visible("c")}
    WITH c ORDER BY c.seq WITH collect(c) AS value
    """,
    "Commitment",
    many=True,
)
"""Every commitment that belongs to a plan: the candidates for near-duplicate wording."""

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
