"""Gather what the governance review shows, from the same questions the API answers."""

from __future__ import annotations

import asyncio
import datetime
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncDriver

from queries import overview, questions
from queries.catalog import ENTITY_LABELS
from queries.compile import Pick, Selection, picks
from queries.cypher import SEAT_KINDS

Row = dict[str, Any]


def everywhere(*names: str) -> Selection:
    """The same fields on whatever kind of entity turns up."""
    return {label: picks(*names) for label in ENTITY_LABELS}


NAMED = everywhere("id", "name")
SOURCES: Selection = {"Source": picks("lines", "quote", document={"Document": picks("id")})}

FINDINGS: Selection = {
    "Finding": picks("kind", "explanation", subject=NAMED, bodies=NAMED, sources=SOURCES)
}

COMMITMENTS: Selection = {
    "Commitment": picks(
        "id",
        "ref",
        "name",
        sources=SOURCES,
        plan={"Plan": (*picks("id", "name"), *picks(partOf=NAMED))},
    )
}

OVERDUE: Selection = {
    "Commitment": picks(
        "id",
        "ref",
        "name",
        "dueText",
        "dueBy",
        "rag",
        "status",
        plan=NAMED,
        leads=NAMED,
        portfolioHolders=NAMED,
        sources=SOURCES,
    )
}


def shared_members(as_of: datetime.date | None) -> Selection:
    seats = Pick(
        "roles",
        "roles",
        {"asOf": as_of, "kinds": list(SEAT_KINDS)},
        {"Role": picks("kind", "title", "from", body=NAMED, sources=SOURCES)},
    )
    return {"Person": (*picks("id", "name", "honorific"), seats)}


@dataclass(frozen=True)
class Review:
    """Everything the report shows, as plain rows."""

    as_of: datetime.date | None
    dataset: list[str]
    counts: dict[str, int]
    overlaps: list[Row]
    gaps: list[Row]
    workstreams: list[Row]
    commitments: list[Row]
    shared: list[Row]
    overdue: list[Row]
    edges: list[Row]
    documents: list[Row]


async def collect(driver: AsyncDriver, database: str, as_of: datetime.date | None) -> Review:
    """Ask every question the review needs, concurrently; each is one round trip."""

    async def ask(question: questions.Question, selection: Selection, **params: Any) -> Any:
        return await questions.ask(driver, database, question, params, selection)

    def table(cypher: str, **params: Any) -> Any:
        return overview.rows(driver, database, cypher, **params)

    today = as_of or datetime.date.today()
    (
        counts, overlaps, gaps, workstreams, commitments, shared, overdue, edges, documents,
        datasets,
    ) = await asyncio.gather(
        table(overview.COUNTS, asOf=as_of),
        ask(questions.OVERLAPS, FINDINGS, asOf=as_of),
        ask(questions.GAPS, FINDINGS, asOf=as_of),
        table(overview.WORKSTREAMS, asOf=as_of),
        ask(overview.COMMITMENTS, COMMITMENTS, asOf=as_of),
        ask(questions.SHARED_MEMBERS, shared_members(as_of), minBodies=2, asOf=as_of),
        ask(questions.OVERDUE, OVERDUE, asOf=today),
        table(overview.OVERSIGHT_EDGES, asOf=as_of),
        table(overview.DOCUMENTS),
        table("MATCH (d:Dataset) RETURN d.name + ': ' + d.title AS name ORDER BY name"),
    )  # fmt: skip
    return Review(
        as_of=as_of,
        dataset=[row["name"] for row in datasets],
        counts={row["label"]: row["count"] for row in counts},
        overlaps=overlaps,
        gaps=gaps,
        workstreams=workstreams,
        commitments=commitments,
        shared=shared,
        overdue=overdue,
        edges=edges,
        documents=documents,
    )
