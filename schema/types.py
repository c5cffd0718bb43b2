"""The GraphQL types. Each field is declared once, here: its type, arguments, description and
what it means in Cypher over `%(v)s`, the value in hand (schema/declare.py). Requests are
compiled from these meanings into one query each (schema/compile.py)."""

from __future__ import annotations

import datetime
from typing import Any, Generic, TypeVar

import strawberry
from neo4j.graph import Node

from graph import model
from graph.model import RoleKind
from graph.public import visible
from queries.cypher import holds_on, linked, linked_any, sources, upward, words
from queries.stored import KEPT, KEPT_BODY_IDS
from schema.declare import (
    bodies_sat_on,
    contact_detail,
    enum_like,
    field,
    key,
    listed,
    many,
    meeting_roles,
    part,
    prop,
    relations,
    roles_held,
    sourced,
    text,
    texts,
)

SOURCES = sources("%(v)s")
LEAD_ROLES = words(model.LEAD_KINDS)
ROLE_FILTER = f"{holds_on('x', '$asOf')} AND ($kinds IS NULL OR x.kind IN $kinds)"


def one(cypher: str, description: str | None = None) -> Any:
    """The first record a pattern reaches, or null."""
    return field(f"{cypher}[0]", description)


@strawberry.type(description="A source document, as published.")
class Document:
    id: strawberry.ID = prop("id")
    title: str = text("title")
    url: str | None = text("url")
    published: datetime.date | None = prop("published")


@strawberry.type(description="Where a fact comes from: document, line range and exact words.")
class Source:
    document: Document = key("document")
    lines: str | None = key("lines", "Line numbers in the document, N or N-M.")
    quote: str | None = key("quote", "The words, verbatim.")


@strawberry.interface(description="Anything in the graph with a stable id, names and sources.")
class Entity:
    id: strawberry.ID = prop("id", "Stable across reloads.")
    name: str = text("name")
    aliases: list[str] = texts("aliases", "Every other spelling found in the sources.")
    sources: list[Source] = many(SOURCES, "Where the facts about it come from.", resolver=sourced)
    description: str | None = text("description")
    notes: list[Note] = many(
        linked("(%(v)s)<-[:ABOUT]-(x:Note)", order="x.id"),
        "Ambiguities and inconsistencies the sources show about it.",
    )
    relations: list[Relation] = many(
        "COLLECT { MATCH (%(v)s)-[x]-(other:Entity) "
        "WHERE ($types IS NULL OR type(x) IN $types) AND "
        + visible("other")
        + " RETURN x ORDER BY type(x), other.name, other.id }",
        resolver=relations,
    )

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, Node) and cls.__name__ in obj.labels


@strawberry.type(description="An ambiguity or inconsistency in the sources, left unresolved.")
class Note:
    id: strawberry.ID = prop("id")
    text: str = text("text")
    about: list[Entity] = many(linked("(%(v)s)-[:ABOUT]->(x:Entity)"))
    sources: list[Source] = many(SOURCES, resolver=sourced)


@strawberry.type(description="A stated relation: `from` stands in `type` to `to`.")
class Relation:
    type: str = field("type(%(v)s)")
    qualifier: str | None = text(
        "qualifier", "Wording the type cannot carry, as the source puts it."
    )
    from_: Entity = field("startNode(%(v)s)", name="from")
    to: Entity = field("endNode(%(v)s)")
    derived: bool = field(
        "coalesce(%(v)s.derived, false)",
        "Not stated in so many words but following from what is: see `basis`.",
    )
    basis: Entity | None = field(
        f"COLLECT {{ MATCH (x:Record {{id: %(v)s.basis}}) WHERE {visible('x')} RETURN x }}[0]",
        "For a derived relation, the record it follows from (an approved decision).",
    )
    sources: list[Source] = many(SOURCES, resolver=sourced)


@strawberry.type(description="An item on a meeting's agenda.")
class AgendaItem:
    number: str = prop("number")
    title: str = text("title")
    purpose: str | None = text("purpose")
    sources: list[Source] = many(SOURCES, resolver=sourced)


@strawberry.type(description="A position held: who, what kind, in which body, when.")
class Role:
    kind: RoleKind = prop("kind")
    title: str | None = text("title", "As printed.")
    person: Person | None = one(linked("(x:Person)-[:HOLDS]->(%(v)s)"))
    body: Body | None = one(linked("(%(v)s)-[:IN]->(x:Body)"))
    organisation: Organisation | None = one(
        linked_any(
            "MATCH (x:Organisation)-[:HOLDS]->(%(v)s) RETURN x",
            "MATCH (%(v)s)-[:ON_BEHALF_OF]->(x:Organisation) RETURN x",
        ),
        "The organisation holding it, or on whose behalf.",
    )
    meeting: Meeting | None = one(linked("(%(v)s)-[:AT]->(x:Meeting)"))
    subject: Entity | None = one(
        linked("(%(v)s)-[:FOR]->(x:Entity)"),
        "What the role is about: a plan, commitment, decision.",
    )
    from_: datetime.date | None = field(
        "coalesce(%(v)s.start, %(v)s.listed_on)",
        "Start, or the date of the list it is on.",
        name="from",
    )
    to: datetime.date | None = prop("end")
    listed_on: datetime.date | None = prop(
        "listed_on", "Known only from a member list of this date."
    )
    superseded_on: datetime.date | None = prop(
        "superseded_on", "The date of the next list for the same body."
    )
    derived: bool = field(
        "coalesce(%(v)s.derived, false)",
        "Not stated in so many words but following from what is: a seat held on behalf of "
        "an organisation that hosts one body is a seat on that body; see `basis`.",
    )
    basis: Role | None = field(
        f"COLLECT {{ MATCH (x:Role {{id: %(v)s.basis}}) WHERE {visible('x')} RETURN x }}[0]",
        "For a derived role, the role stated that it follows from.",
    )
    sources: list[Source] = many(SOURCES, resolver=sourced)


ROLES_HELD = linked("(%(v)s)-[:HOLDS]->(x:Role)", where=ROLE_FILTER, order="x.kind, x.body, x.id")


@strawberry.type
class Organisation(Entity):
    kind: str = enum_like("kind")
    people: list[Person] = many(linked("(%(v)s)<-[:AFFILIATED_WITH]-(x:Person)"))
    part_of: Organisation | None = one(linked("(%(v)s)-[:PART_OF]->(x:Organisation)"))
    bodies: list[Body] = many(linked("(%(v)s)<-[:HOSTED_BY]-(x:Body)"), "Bodies it hosts.")
    roles: list[Role] = many(ROLES_HELD, resolver=roles_held)


@strawberry.type
class Person(Entity):
    honorific: str | None = prop("honorific")
    email: str | None = contact_detail("email", "Officers only: null for anyone else.")
    phone: str | None = contact_detail("phone", "Officers only: null for anyone else.")
    organisation: Organisation | None = one(linked("(%(v)s)-[:AFFILIATED_WITH]->(x)"))
    roles: list[Role] = many(ROLES_HELD, resolver=roles_held)
    bodies: list[Body] = many(
        linked(
            "(%(v)s)-[:HOLDS]->(r:Role)-[:IN]->(x:Body)",
            where=f"{holds_on('r', '$asOf')} AND {visible('r')}",
        ),
        resolver=bodies_sat_on,
    )
    leads: list[Commitment] = many(
        linked_any(
            "MATCH (%(v)s)-[:LEADS]->(x:Commitment) RETURN x",
            f"MATCH (%(v)s)-[:HOLDS]->(r:Role)-[:FOR]->(x:Commitment) "
            f"WHERE r.kind IN {LEAD_ROLES} AND {visible('r')} RETURN x",
        ),
        "Commitments this person leads or owns.",
    )
    portfolio: list[Commitment] = many(
        linked_any(
            "MATCH (%(v)s)-[:PORTFOLIO_HOLDER_FOR]->(x:Commitment) RETURN x",
            "MATCH (%(v)s)-[:HOLDS]->(r:Role {kind: 'portfolio holder'})-[:FOR]->(x:Commitment) "
            f"WHERE {visible('r')} RETURN x",
        ),
        "Commitments they are portfolio holder for.",
    )


@strawberry.type
class Body(Entity):
    kind: str = enum_like("kind")
    frequency: str | None = text("frequency")
    organisation: Organisation | None = one(linked("(%(v)s)-[:HOSTED_BY]->(x)"))
    reports_to: list[Entity] = many(
        linked("(%(v)s)-[:REPORTS_TO]->(x:Entity)"), "Bodies or organisations it reports to."
    )
    oversight_chain: list[Entity] = many(
        upward("MATCH (%(v)s)-[:REPORTS_TO]->(g:Entity) RETURN g, 1 AS d"),
        "Transitive reportsTo, nearest first, no repeats.",
    )
    part_of: list[Body] = many(linked("(%(v)s)-[:PART_OF]->(x:Body)"))
    subgroups: list[Body] = many(linked("(%(v)s)<-[:PART_OF]-(x:Body)"))
    governs: list[Workstream] = many(linked("(%(v)s)-[:GOVERNS]->(x:Workstream)"))
    owns: list[Plan] = many(linked("(%(v)s)-[:OWNS]->(x:Plan)"))
    delivers: list[Entity] = many(linked("(%(v)s)-[:DELIVERS]->(x:Entity)"))
    roles: list[Role] = many(
        linked("(%(v)s)<-[:IN]-(x:Role)", where=ROLE_FILTER, order="x.kind, x.holder, x.id"),
        resolver=roles_held,
    )
    meetings: list[Meeting] = many(
        linked("(%(v)s)<-[:MEETING_OF]-(x:Meeting)", order="x.date, x.id")
    )
    leads: list[Commitment] = many(linked("(%(v)s)-[:LEADS]->(x:Commitment)", order="x.seq, x.id"))


@strawberry.type(description="An area of work: Domestic Abuse, Prevent, Road Safety.")
class Workstream(Entity):
    governed_by: list[Entity] = many(linked("(%(v)s)<-[:GOVERNS]-(x:Entity)"))
    strategy_owners: list[Body] = many(
        linked("(%(v)s)<-[:ADDRESSES]-(p:Plan)<-[:OWNS]-(x:Body)", where=visible("p")),
        "Bodies owning a plan that covers it.",
    )
    groups: list[Body] = many(linked("(%(v)s)<-[:DELIVERS]-(x:Body)"), "Groups delivering it.")
    reports_to: list[Entity] = many(linked("(%(v)s)-[:REPORTS_TO]->(x:Entity)"))
    oversight_chain: list[Entity] = many(
        upward(
            "MATCH (%(v)s)<-[:GOVERNS]-(g:Entity) RETURN g, 1 AS d "
            "UNION MATCH (%(v)s)-[:REPORTS_TO]->(g:Entity) RETURN g, 1 AS d"
        ),
        "Upward from its governing bodies, nearest first.",
    )
    plans: list[Plan] = many(
        linked_any(
            "MATCH (%(v)s)<-[:ADDRESSES]-(x:Plan) RETURN x",
            "MATCH (%(v)s)<-[:ADDRESSES]-(c:Commitment)-[:IN_PLAN]->(x:Plan) "
            f"WHERE {visible('c')} RETURN x",
            "MATCH (%(v)s)<-[:ADDRESSES]-(t:Theme)-[:PART_OF]->(x:Plan) "
            f"WHERE {visible('t')} RETURN x",
        )
    )
    indicators: list[Indicator] = many(
        linked("(%(v)s)-[:MEASURED_BY]->(x:Indicator)", order="x.seq, x.id")
    )
    commitments: list[Commitment] = many(
        linked("(%(v)s)<-[:ADDRESSES|CONTRIBUTES_TO]-(x:Commitment)", order="x.seq, x.id")
    )
    part_of: list[Workstream] = many(linked("(%(v)s)-[:PART_OF]->(x:Workstream)"))
    parts: list[Workstream] = many(linked("(%(v)s)<-[:PART_OF]-(x:Workstream)"))


@strawberry.type(description="A plan, strategy, framework or action plan.")
class Plan(Entity):
    kind: str = enum_like("kind")
    status: str | None = text("status")
    period_from: datetime.date | None = prop("period_from")
    period_to: datetime.date | None = prop("period_to")
    period_text: str | None = text("period_text")
    owners: list[Body] = many(linked("(%(v)s)<-[:OWNS]-(x:Body)"))
    approved_by: list[Body] = many(linked("(%(v)s)<-[:APPROVES]-(x:Body)"))
    overseen_by: list[Body] = many(
        linked("(%(v)s)<-[:OVERSEES|RECEIVES_REPORTS|SCRUTINISES]-(x:Body)"),
        "Bodies overseeing, scrutinising or receiving reports on it.",
    )
    reported_to: list[Entity] = many(linked("(%(v)s)<-[:RECEIVES_REPORTS]-(x:Entity)"))
    scrutinised_by: list[Body] = many(linked("(%(v)s)<-[:SCRUTINISES]-(x:Body)"))
    delivered_by: list[Body] = many(linked("(%(v)s)<-[:DELIVERS]-(x:Body)"))
    workstreams: list[Workstream] = many(linked("(%(v)s)-[:ADDRESSES]->(x:Workstream)"))
    themes: list[Theme] = many(linked("(%(v)s)<-[:PART_OF]-(x:Theme)", order="x.seq, x.id"))
    commitments: list[Commitment] = many(
        linked("(%(v)s)<-[:IN_PLAN]-(x:Commitment)", order="x.seq, x.id")
    )
    indicators: list[Indicator] = many(
        linked("(%(v)s)-[:MEASURED_BY]->(x:Indicator)", order="x.seq, x.id")
    )
    part_of: Plan | None = one(linked("(%(v)s)-[:PART_OF]->(x:Plan)"))


@strawberry.type
class Theme(Entity):
    ref: str | None = prop("ref")
    plan: Plan | None = one(linked("(%(v)s)-[:PART_OF]->(x:Plan)"))
    workstreams: list[Workstream] = many(linked("(%(v)s)-[:ADDRESSES]->(x:Workstream)"))
    commitments: list[Commitment] = many(
        linked("(%(v)s)<-[:UNDER_THEME|CONTRIBUTES_TO]-(x:Commitment)", order="x.seq, x.id")
    )


@strawberry.type(description="A priority, objective, action, deliverable or action agreed.")
class Commitment(Entity):
    kind: str = enum_like("kind", "PRIORITY, OBJECTIVE, ACTION, DELIVERABLE or ACTION_AGREED.")
    ref: str | None = prop("ref", "As printed.")
    plan: Plan | None = one(linked("(%(v)s)-[:IN_PLAN]->(x:Plan)"))
    theme: Theme | None = one(linked("(%(v)s)-[:UNDER_THEME]->(x:Theme)"))
    parent: Commitment | None = one(linked("(%(v)s)-[:PART_OF]->(x:Commitment)"))
    children: list[Commitment] = many(
        linked("(%(v)s)<-[:PART_OF]-(x:Commitment)", order="x.seq, x.id")
    )
    agreed_at: Meeting | None = one(linked("(%(v)s)-[:AGREED_AT]->(x:Meeting)"))
    due_text: str | None = text("due", "Timescale as printed.")
    due_from: datetime.date | None = prop("due_from")
    due_by: datetime.date | None = prop("due_by", "The last day the timescale allows.")
    rag: str | None = enum_like("rag")
    status: str | None = text("status")
    progress: str | None = text("progress")
    leads: list[Entity] = many(
        linked_any(
            "MATCH (%(v)s)<-[:LEADS]-(x:Entity) RETURN x",
            f"MATCH (%(v)s)<-[:FOR]-(r:Role)<-[:HOLDS]-(x:Entity) "
            f"WHERE r.kind IN {LEAD_ROLES} AND {visible('r')} RETURN x",
        )
    )
    portfolio_holders: list[Person] = many(
        linked_any(
            "MATCH (%(v)s)<-[:PORTFOLIO_HOLDER_FOR]-(x:Person) RETURN x",
            "MATCH (%(v)s)<-[:FOR]-(r:Role {kind: 'portfolio holder'})<-[:HOLDS]-(x:Person) "
            f"WHERE {visible('r')} RETURN x",
        )
    )
    workstreams: list[Workstream] = many(linked("(%(v)s)-[:ADDRESSES]->(x:Workstream)"))


@strawberry.type(description="A performance measure.")
class Indicator(Entity):
    data_source: str | None = text("data_source")
    measures: list[Entity] = many(linked("(%(v)s)<-[:MEASURED_BY]-(x:Entity)"), "What it measures.")


@strawberry.type
class Meeting(Entity):
    date: datetime.date = prop("date")
    time: str | None = text("time")
    venue: str | None = text("venue")
    body: Body = one(linked("(%(v)s)-[:MEETING_OF]->(x:Body)"))
    attendees: list[Person] = many(
        linked(
            "(%(v)s)<-[:AT]-(r:Role {kind: 'attendee'})<-[:HOLDS]-(x:Person)", where=visible("r")
        )
    )
    apologies: list[Person] = many(
        linked("(%(v)s)<-[:AT]-(r:Role {kind: 'apology'})<-[:HOLDS]-(x:Person)", where=visible("r"))
    )
    roles: list[Role] = many(
        linked(
            "(%(v)s)<-[:AT]-(x:Role)",
            where="($kinds IS NULL OR x.kind IN $kinds)",
            order="x.kind, x.holder, x.id",
        ),
        resolver=meeting_roles,
    )
    agenda: list[AgendaItem] = many(linked("(%(v)s)<-[:ITEM_OF]-(x:AgendaItem)", order="x.seq"))
    actions_agreed: list[Commitment] = many(
        linked("(%(v)s)<-[:AGREED_AT]-(x:Commitment)", order="x.seq, x.id")
    )
    decisions: list[Decision] = many(linked("(%(v)s)<-[:TAKEN_AT]-(x:Decision)"))


@strawberry.type
class Decision(Entity):
    date: datetime.date | None = prop("date")
    date_text: str | None = text("date_text")
    status: str | None = text("status")
    body: Body | None = one(linked("(%(v)s)-[:DECIDED_BY]->(x:Body)"))
    meeting: Meeting | None = one(linked("(%(v)s)-[:TAKEN_AT]->(x:Meeting)"))
    subjects: list[Entity] = many(linked("(%(v)s)-[:CONCERNS]->(x:Entity)"))


@strawberry.type(description="An overlap or a gap in governance, with the quotes that show it.")
class Finding:
    kind: str = key("kind")
    subject: Entity = part("subject", KEPT["subject"])
    bodies: list[Entity] = part(
        "bodies",
        KEPT["bodies"],
        "The bodies (or plans) involved.",
        resolver=listed,
        kept_ids=KEPT_BODY_IDS,
    )
    explanation: str = key("explanation")
    sources: list[Source] = part("sources", KEPT["sources"], resolver=sourced)


@strawberry.type(description="Who owns, governs and leads an entity, and the chain above.")
class Ownership:
    subject: Entity = key("subject")
    owners: list[Entity] = key("owners", resolver=listed)
    governors: list[Entity] = key("governors", resolver=listed)
    leads: list[Entity] = key("leads", resolver=listed)
    oversight_chain: list[Entity] = key("chain", resolver=listed)
    sources: list[Source] = key("sources", resolver=sourced)


@strawberry.type(description="Where a page ends, and whether more follow it.")
class PageInfo:
    end_cursor: str | None = key(
        "endCursor", "Give it as `after` to ask for the next page; null on an empty page."
    )
    has_next_page: bool = key("hasNextPage")


Item = TypeVar("Item")


@strawberry.type(description="One page of a long list, and how many the whole list holds.")
class Page(Generic[Item]):
    total_count: int = key("totalCount", "How many items the whole list holds.")
    page_info: PageInfo = key("pageInfo")
    nodes: list[Item] = key("nodes", "This page's items, in the list's order.")


ENTITY_TYPES = [Organisation, Person, Body, Workstream, Plan, Theme, Commitment, Indicator,
                Meeting, Decision]  # fmt: skip
