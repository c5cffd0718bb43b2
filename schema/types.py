"""GraphQL types. They are plain data built from the maps `queries/` return; no resolver here
touches the database, so one question stays one round trip."""

from __future__ import annotations

from typing import Any

import strawberry

Row = dict[str, Any]


@strawberry.type(description="A source document, as published.")
class Document:
    id: strawberry.ID
    title: str


@strawberry.type(description="Where a fact comes from: document, line range and exact words.")
class Source:
    document: Document
    lines: str | None
    quote: str | None


@strawberry.interface(description="Anything in the graph with a stable id, names and sources.")
class Entity:
    id: strawberry.ID = strawberry.field(description="Stable across reloads.")
    name: str
    aliases: list[str] = strawberry.field(description="Every other spelling in the sources.")
    sources: list[Source]


@strawberry.type
class Organisation(Entity):
    kind: str


@strawberry.type
class Person(Entity):
    honorific: str | None


@strawberry.type
class Body(Entity):
    kind: str
    reports_to: list[Entity] = strawberry.field(
        description="Bodies or organisations it reports to."
    )
    oversight_chain: list[Entity] = strawberry.field(
        description="Transitive reportsTo, nearest first, no repeats."
    )


@strawberry.type
class Workstream(Entity):
    pass


@strawberry.type
class Plan(Entity):
    kind: str


@strawberry.type
class Theme(Entity):
    pass


@strawberry.type
class Commitment(Entity):
    kind: str
    ref: str | None
    due_text: str | None


@strawberry.type
class Indicator(Entity):
    data_source: str | None


@strawberry.type
class Meeting(Entity):
    pass


@strawberry.type
class Decision(Entity):
    pass


def sources(row: Row) -> list[Source]:
    return [
        Source(
            document=Document(id=s["document"]["id"], title=s["document"]["title"]),
            lines=s["lines"],
            quote=s["quote"],
        )
        for s in row.get("sources") or []
        if s.get("document")
    ]


def entity(row: Row) -> Entity:
    """Build the GraphQL type that matches the row's label, with whatever the query projected."""
    common: dict[str, Any] = {
        "id": strawberry.ID(row["id"]),
        "name": row["name"],
        "aliases": row.get("aliases") or [],
        "sources": sources(row),
    }
    label = row["label"]
    if label == "Organisation":
        return Organisation(**common, kind=row["kind"])
    if label == "Person":
        return Person(**common, honorific=row.get("honorific"))
    if label == "Body":
        return Body(
            **common,
            kind=row["kind"],
            reports_to=[entity(r) for r in row.get("reports_to") or []],
            oversight_chain=[entity(r) for r in row.get("oversight_chain") or []],
        )
    if label == "Plan":
        return Plan(**common, kind=row["kind"])
    if label == "Commitment":
        return Commitment(**common, kind=row["kind"], ref=row.get("ref"), due_text=row.get("due"))
    if label == "Indicator":
        return Indicator(**common, data_source=row.get("data_source"))
    simple: dict[str, type[Entity]] = {
        "Workstream": Workstream,
        "Theme": Theme,
        "Meeting": Meeting,
        "Decision": Decision,
    }
    return simple[label](**common)


ENTITY_TYPES = [Organisation, Person, Body, Workstream, Plan, Theme, Commitment, Indicator,
                Meeting, Decision]  # fmt: skip
