"""Gather what the governance review shows, from the same questions the API answers."""

from __future__ import annotations

import asyncio
import datetime
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncDriver

from graph.model import SEAT_KINDS, RoleKind
from queries import overview
from usecases.graph_store import GraphStore

Row = dict[str, Any]


REVIEW = """
fragment Named on Entity { id name }
fragment Quoted on Source { lines quote document { id } }
fragment Finding on Finding {
  kind explanation subject { ...Named }
  bodies(first: 20) { ...Named } sources(first: 10) { ...Quoted }
}
query Review(
  $asOf: Date, $today: Date!, $kinds: [RoleKind!], $area: String, $first: Int!,
  $overlaps: Boolean!, $overlapsAfter: String, $gaps: Boolean!, $gapsAfter: String,
  $commitments: Boolean!, $commitmentsAfter: String, $shared: Boolean!, $sharedAfter: String,
  $overdue: Boolean!, $overdueAfter: String
) {
  overlaps: governanceOverlapsPage(asOf: $asOf, area: $area, first: $first,
      after: $overlapsAfter) @include(if: $overlaps) {
    pageInfo { endCursor hasNextPage } nodes { ...Finding }
  }
  gaps: governanceGapsPage(asOf: $asOf, area: $area, first: $first,
      after: $gapsAfter) @include(if: $gaps) {
    pageInfo { endCursor hasNextPage } nodes { ...Finding }
  }
  commitments: commitmentsPage(asOf: $asOf, area: $area, first: $first,
      after: $commitmentsAfter) @include(if: $commitments) {
    pageInfo { endCursor hasNextPage }
    nodes {
      id ref name sources(first: 5) { ...Quoted }
      plan { id name periodFrom periodTo partOf { ...Named periodFrom periodTo } }
    }
  }
  shared: sharedMembersPage(minBodies: 2, asOf: $asOf, area: $area, first: $first,
      after: $sharedAfter) @include(if: $shared) {
    pageInfo { endCursor hasNextPage }
    nodes {
      id name honorific
      roles(asOf: $asOf, kinds: $kinds, first: 20) {
        kind title from derived body { ...Named } sources(first: 5) { ...Quoted }
      }
    }
  }
  overdue: overduePage(asOf: $today, area: $area, first: $first,
      after: $overdueAfter) @include(if: $overdue) {
    pageInfo { endCursor hasNextPage }
    nodes {
      id ref name dueText dueBy rag status
      plan { ...Named } leads(first: 10) { ...Named } portfolioHolders(first: 10) { ...Named }
      sources(first: 5) { ...Quoted }
    }
  }
}
"""
"""Everything the review asks of the API, as one GraphQL document: each list a page at a
time, so a review of the whole country is never cut short; the first page of each comes in
one round trip, and only the lists with more are asked again."""

LISTS = ("overlaps", "gaps", "commitments", "shared", "overdue")

PAGE = 2000
"""Items per page of each list: a page of every list together stays within the API's cost
limit, and a partnership's lists fit in one."""


class ReviewFailed(Exception):
    """The API could not answer the review's questions."""


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


async def collect(
    store: GraphStore, as_of: datetime.date | None, area: str | None = None
) -> Review:
    """Ask every question the review needs, concurrently: the API's in one document, the
    whole-graph views (counts, the map) beside it; of one area (dataset) when it is named."""
    async with store.asking() as driver:
        return await _collect(store, driver, as_of, area)


async def _collect(
    store: GraphStore, driver: AsyncDriver, as_of: datetime.date | None, area: str | None
) -> Review:
    async def ask() -> dict[str, list[Row]]:
        """Every list whole: the first page of each, then the next of those with more."""
        gathered: dict[str, list[Row]] = {name: [] for name in LISTS}
        after: dict[str, str | None] = dict.fromkeys(LISTS)
        while after:
            variables = {
                "asOf": None if as_of is None else as_of.isoformat(),
                "today": today.isoformat(),
                "kinds": [kind.name for kind in SEAT_KINDS],
                "area": area,
                "first": PAGE,
                **{name: name in after for name in LISTS},
                **{f"{name}After": cursor for name, cursor in after.items()},
            }
            result = await store.ask(REVIEW, variables, operation_name="Review", driver=driver)
            if result.errors or result.data is None:
                raise ReviewFailed("; ".join(error.message for error in result.errors or []))
            for name in list(after):
                page = result.data[name]
                gathered[name] += page["nodes"]
                if page["pageInfo"]["hasNextPage"]:
                    after[name] = page["pageInfo"]["endCursor"]
                else:
                    del after[name]
        return gathered

    def table(cypher: str, **params: Any) -> Any:
        return overview.rows(driver, store.settings.database, cypher, area=area, **params)

    today = as_of or datetime.date.today()
    answers, counts, workstreams, edges, documents, datasets = await asyncio.gather(
        ask(),
        table(overview.COUNTS, asOf=as_of),
        table(overview.WORKSTREAMS, asOf=as_of),
        table(overview.OVERSIGHT_EDGES, asOf=as_of),
        table(overview.DOCUMENTS),
        table(overview.DATASETS),
    )
    if area is not None and not datasets:
        raise ReviewFailed(f"no area (dataset) named {area!r} is loaded")
    return Review(
        as_of=as_of,
        dataset=[row["name"] for row in datasets],
        counts={row["label"]: row["count"] for row in counts},
        overlaps=answers["overlaps"],
        gaps=answers["gaps"],
        workstreams=workstreams,
        commitments=answers["commitments"],
        shared=[_seats_in_words(person) for person in answers["shared"]],
        overdue=answers["overdue"],
        edges=edges,
        documents=documents,
    )


def _seats_in_words(person: Row) -> Row:
    """A member's seats with their kinds as the sources word them ("deputy chair"), not as
    the API's enum names ("DEPUTY_CHAIR")."""
    roles = [{**role, "kind": RoleKind[role["kind"]].value} for role in person["roles"]]
    return {**person, "roles": roles}
