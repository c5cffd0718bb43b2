"""GraphQL types. Their values are the maps one compiled query returns (see `queries/`):
every field reads its own response key from the map, so no field below a root ever goes
back to the database. Arguments below the root are declared here for the schema and read
by the query compiler from the request."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry
from graphql import GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema
from strawberry.types import Info

Row = dict[str, Any]


def stored(root: Row, info: Info) -> Any:
    """The value the query projected under this field's response key. Declares the fields to
    Strawberry; at run time graphql-core calls `projected` instead (see `read_projections`)."""
    return root[str(info.path.key)]


def projected(root: Row, info: GraphQLResolveInfo[Any], **arguments: Any) -> Any:
    """`stored` without Strawberry's per-field wrapper; arguments were read by the compiler."""
    return root[info.path.key]  # type: ignore[index]


def read_projections(schema: GraphQLSchema, root: str) -> None:
    """Bind every field below the root straight to `projected`. On long lists the wrapper
    (argument conversion, extension hooks, awaitable checks) cost as much as the query."""
    for named in schema.type_map.values():
        if (
            isinstance(named, GraphQLObjectType)
            and named.name != root
            and not named.name.startswith("__")
        ):
            for field in named.fields.values():
                field.resolve = projected


@strawberry.enum(description="What a role is, as the sources name it.")
class RoleKind(Enum):
    CHAIR = "chair"
    DEPUTY_CHAIR = "deputy chair"
    MEMBER = "member"
    ATTENDEE = "attendee"
    APOLOGY = "apology"
    LEAD_OFFICER = "lead officer"
    CONTACT = "contact"
    AUTHOR = "author"
    PORTFOLIO_HOLDER = "portfolio holder"
    LEAD_MEMBER = "lead member"
    LEAD_DIRECTOR = "lead director"
    ASSISTANT_DIRECTOR = "assistant director"
    OTHER = "other"


@strawberry.enum(description="The kinds of stated relation between entities.")
class RelationType(Enum):
    REPORTS_TO = "REPORTS_TO"
    GOVERNS = "GOVERNS"
    OWNS = "OWNS"
    OVERSEES = "OVERSEES"
    RECEIVES_REPORTS = "RECEIVES_REPORTS"
    LEADS = "LEADS"
    PORTFOLIO_HOLDER_FOR = "PORTFOLIO_HOLDER_FOR"
    PART_OF = "PART_OF"
    CONTRIBUTES_TO = "CONTRIBUTES_TO"
    MEASURED_BY = "MEASURED_BY"
    APPROVES = "APPROVES"
    SCRUTINISES = "SCRUTINISES"
    DELIVERS = "DELIVERS"
    ADDRESSES = "ADDRESSES"
    COORDINATES = "COORDINATES"
    LINKS_TO = "LINKS_TO"


@strawberry.type(description="A source document, as published.")
class Document:
    id: strawberry.ID = strawberry.field(resolver=stored)
    title: str = strawberry.field(resolver=stored)
    url: str | None = strawberry.field(resolver=stored)
    published: datetime.date | None = strawberry.field(resolver=stored)


@strawberry.type(description="Where a fact comes from: document, line range and exact words.")
class Source:
    document: Document = strawberry.field(resolver=stored)
    lines: str | None = strawberry.field(
        resolver=stored, description="Line numbers in the document, N or N-M."
    )
    quote: str | None = strawberry.field(resolver=stored, description="The words, verbatim.")


def relations(root: Row, info: Info, types: list[RelationType] | None = None) -> list[Relation]:
    """Stated relations to and from this entity, with their qualifiers and sources."""
    return stored(root, info)  # type: ignore[no-any-return]


@strawberry.interface(description="Anything in the graph with a stable id, names and sources.")
class Entity:
    id: strawberry.ID = strawberry.field(resolver=stored, description="Stable across reloads.")
    name: str = strawberry.field(resolver=stored)
    aliases: list[str] = strawberry.field(
        resolver=stored, description="Every other spelling found in the sources."
    )
    sources: list[Source] = strawberry.field(
        resolver=stored, description="Where the facts about it come from."
    )
    description: str | None = strawberry.field(resolver=stored)
    notes: list[Note] = strawberry.field(
        resolver=stored, description="Ambiguities and inconsistencies the sources show about it."
    )
    relations: list[Relation] = strawberry.field(resolver=relations)

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, dict) and obj.get("__typename") == cls.__name__


@strawberry.type(description="An ambiguity or inconsistency in the sources, left unresolved.")
class Note:
    id: strawberry.ID = strawberry.field(resolver=stored)
    text: str = strawberry.field(resolver=stored)
    about: list[Entity] = strawberry.field(resolver=stored)
    sources: list[Source] = strawberry.field(resolver=stored)


@strawberry.type(description="A stated relation: `from` stands in `type` to `to`.")
class Relation:
    type: str = strawberry.field(resolver=stored)
    qualifier: str | None = strawberry.field(
        resolver=stored, description="Wording the type cannot carry, as the source puts it."
    )
    from_: Entity = strawberry.field(resolver=stored, name="from")
    to: Entity = strawberry.field(resolver=stored)
    sources: list[Source] = strawberry.field(resolver=stored)


@strawberry.type(description="An item on a meeting's agenda.")
class AgendaItem:
    number: str = strawberry.field(resolver=stored)
    title: str = strawberry.field(resolver=stored)
    purpose: str | None = strawberry.field(resolver=stored)
    sources: list[Source] = strawberry.field(resolver=stored)


@strawberry.type(description="A position held: who, what kind, in which body, when.")
class Role:
    kind: RoleKind = strawberry.field(resolver=stored)
    title: str | None = strawberry.field(resolver=stored, description="As printed.")
    person: Person | None = strawberry.field(resolver=stored)
    body: Body | None = strawberry.field(resolver=stored)
    organisation: Organisation | None = strawberry.field(
        resolver=stored, description="The organisation holding it, or on whose behalf."
    )
    meeting: Meeting | None = strawberry.field(resolver=stored)
    subject: Entity | None = strawberry.field(
        resolver=stored, description="What the role is about: a plan, commitment, decision."
    )
    from_: datetime.date | None = strawberry.field(
        resolver=stored, name="from", description="Start, or the date of the list it is on."
    )
    to: datetime.date | None = strawberry.field(resolver=stored)
    listed_on: datetime.date | None = strawberry.field(
        resolver=stored, description="Known only from a member list of this date."
    )
    superseded_on: datetime.date | None = strawberry.field(
        resolver=stored, description="The date of the next list for the same body."
    )
    sources: list[Source] = strawberry.field(resolver=stored)


def roles_held(
    root: Row,
    info: Info,
    as_of: datetime.date | None = None,
    kinds: list[RoleKind] | None = None,
) -> list[Role]:
    """Roles, of the kinds given, that hold on `asOf` (all of them without it)."""
    return stored(root, info)  # type: ignore[no-any-return]


def bodies_sat_on(root: Row, info: Info, as_of: datetime.date | None = None) -> list[Body]:
    """Bodies in which the person holds any role on `asOf` (ever, without it)."""
    return stored(root, info)  # type: ignore[no-any-return]


def meeting_roles(root: Row, info: Info, kinds: list[RoleKind] | None = None) -> list[Role]:
    """Everyone recorded at the meeting, in whatever capacity."""
    return stored(root, info)  # type: ignore[no-any-return]


@strawberry.type
class Organisation(Entity):
    kind: str = strawberry.field(resolver=stored)
    people: list[Person] = strawberry.field(resolver=stored)
    part_of: Organisation | None = strawberry.field(resolver=stored)
    bodies: list[Body] = strawberry.field(resolver=stored, description="Bodies it hosts.")
    roles: list[Role] = strawberry.field(resolver=roles_held)


@strawberry.type
class Person(Entity):
    honorific: str | None = strawberry.field(resolver=stored)
    email: str | None = strawberry.field(
        resolver=stored, description="Officers only: null for anyone else."
    )
    phone: str | None = strawberry.field(
        resolver=stored, description="Officers only: null for anyone else."
    )
    organisation: Organisation | None = strawberry.field(resolver=stored)
    roles: list[Role] = strawberry.field(resolver=roles_held)
    bodies: list[Body] = strawberry.field(resolver=bodies_sat_on)
    leads: list[Commitment] = strawberry.field(
        resolver=stored, description="Commitments this person leads or owns."
    )
    portfolio: list[Commitment] = strawberry.field(
        resolver=stored, description="Commitments they are portfolio holder for."
    )


@strawberry.type
class Body(Entity):
    kind: str = strawberry.field(resolver=stored)
    frequency: str | None = strawberry.field(resolver=stored)
    organisation: Organisation | None = strawberry.field(resolver=stored)
    reports_to: list[Entity] = strawberry.field(
        resolver=stored, description="Bodies or organisations it reports to."
    )
    oversight_chain: list[Entity] = strawberry.field(
        resolver=stored, description="Transitive reportsTo, nearest first, no repeats."
    )
    part_of: list[Body] = strawberry.field(resolver=stored)
    subgroups: list[Body] = strawberry.field(resolver=stored)
    governs: list[Workstream] = strawberry.field(resolver=stored)
    owns: list[Plan] = strawberry.field(resolver=stored)
    delivers: list[Entity] = strawberry.field(resolver=stored)
    roles: list[Role] = strawberry.field(resolver=roles_held)
    meetings: list[Meeting] = strawberry.field(resolver=stored)
    leads: list[Commitment] = strawberry.field(resolver=stored)


@strawberry.type(description="An area of work: Domestic Abuse, Prevent, Road Safety.")
class Workstream(Entity):
    governed_by: list[Entity] = strawberry.field(resolver=stored)
    strategy_owners: list[Body] = strawberry.field(
        resolver=stored, description="Bodies owning a plan that covers it."
    )
    groups: list[Body] = strawberry.field(resolver=stored, description="Groups delivering it.")
    reports_to: list[Entity] = strawberry.field(resolver=stored)
    oversight_chain: list[Entity] = strawberry.field(
        resolver=stored, description="Upward from its governing bodies, nearest first."
    )
    plans: list[Plan] = strawberry.field(resolver=stored)
    indicators: list[Indicator] = strawberry.field(resolver=stored)
    commitments: list[Commitment] = strawberry.field(resolver=stored)
    part_of: list[Workstream] = strawberry.field(resolver=stored)
    parts: list[Workstream] = strawberry.field(resolver=stored)


@strawberry.type(description="A plan, strategy, framework or action plan.")
class Plan(Entity):
    kind: str = strawberry.field(resolver=stored)
    status: str | None = strawberry.field(resolver=stored)
    period_from: datetime.date | None = strawberry.field(resolver=stored)
    period_to: datetime.date | None = strawberry.field(resolver=stored)
    period_text: str | None = strawberry.field(resolver=stored)
    owners: list[Body] = strawberry.field(resolver=stored)
    approved_by: list[Body] = strawberry.field(resolver=stored)
    overseen_by: list[Body] = strawberry.field(
        resolver=stored, description="Bodies overseeing, scrutinising or receiving reports on it."
    )
    reported_to: list[Entity] = strawberry.field(resolver=stored)
    scrutinised_by: list[Body] = strawberry.field(resolver=stored)
    delivered_by: list[Body] = strawberry.field(resolver=stored)
    workstreams: list[Workstream] = strawberry.field(resolver=stored)
    themes: list[Theme] = strawberry.field(resolver=stored)
    commitments: list[Commitment] = strawberry.field(resolver=stored)
    indicators: list[Indicator] = strawberry.field(resolver=stored)
    part_of: Plan | None = strawberry.field(resolver=stored)


@strawberry.type
class Theme(Entity):
    ref: str | None = strawberry.field(resolver=stored)
    plan: Plan | None = strawberry.field(resolver=stored)
    workstreams: list[Workstream] = strawberry.field(resolver=stored)
    commitments: list[Commitment] = strawberry.field(resolver=stored)


@strawberry.type(description="A priority, objective, action, deliverable or action agreed.")
class Commitment(Entity):
    kind: str = strawberry.field(
        resolver=stored, description="PRIORITY, OBJECTIVE, ACTION, DELIVERABLE or ACTION_AGREED."
    )
    ref: str | None = strawberry.field(resolver=stored, description="As printed.")
    plan: Plan | None = strawberry.field(resolver=stored)
    theme: Theme | None = strawberry.field(resolver=stored)
    parent: Commitment | None = strawberry.field(resolver=stored)
    children: list[Commitment] = strawberry.field(resolver=stored)
    agreed_at: Meeting | None = strawberry.field(resolver=stored)
    due_text: str | None = strawberry.field(resolver=stored, description="Timescale as printed.")
    due_from: datetime.date | None = strawberry.field(resolver=stored)
    due_by: datetime.date | None = strawberry.field(
        resolver=stored, description="The last day the timescale allows."
    )
    rag: str | None = strawberry.field(resolver=stored)
    status: str | None = strawberry.field(resolver=stored)
    progress: str | None = strawberry.field(resolver=stored)
    leads: list[Entity] = strawberry.field(resolver=stored)
    portfolio_holders: list[Person] = strawberry.field(resolver=stored)
    workstreams: list[Workstream] = strawberry.field(resolver=stored)


@strawberry.type(description="A performance measure.")
class Indicator(Entity):
    data_source: str | None = strawberry.field(resolver=stored)
    measures: list[Entity] = strawberry.field(resolver=stored, description="What it measures.")


@strawberry.type
class Meeting(Entity):
    date: datetime.date = strawberry.field(resolver=stored)
    time: str | None = strawberry.field(resolver=stored)
    venue: str | None = strawberry.field(resolver=stored)
    body: Body = strawberry.field(resolver=stored)
    attendees: list[Person] = strawberry.field(resolver=stored)
    apologies: list[Person] = strawberry.field(resolver=stored)
    roles: list[Role] = strawberry.field(resolver=meeting_roles)
    agenda: list[AgendaItem] = strawberry.field(resolver=stored)
    actions_agreed: list[Commitment] = strawberry.field(resolver=stored)
    decisions: list[Decision] = strawberry.field(resolver=stored)


@strawberry.type
class Decision(Entity):
    date: datetime.date | None = strawberry.field(resolver=stored)
    date_text: str | None = strawberry.field(resolver=stored)
    status: str | None = strawberry.field(resolver=stored)
    body: Body | None = strawberry.field(resolver=stored)
    meeting: Meeting | None = strawberry.field(resolver=stored)
    subjects: list[Entity] = strawberry.field(resolver=stored)


@strawberry.type(description="An overlap or a gap in governance, with the quotes that show it.")
class Finding:
    kind: str = strawberry.field(resolver=stored)
    subject: Entity = strawberry.field(resolver=stored)
    bodies: list[Entity] = strawberry.field(
        resolver=stored, description="The bodies (or plans) involved."
    )
    explanation: str = strawberry.field(resolver=stored)
    sources: list[Source] = strawberry.field(resolver=stored)


@strawberry.type(description="Who owns, governs and leads an entity, and the chain above.")
class Ownership:
    subject: Entity = strawberry.field(resolver=stored)
    owners: list[Entity] = strawberry.field(resolver=stored)
    governors: list[Entity] = strawberry.field(resolver=stored)
    leads: list[Entity] = strawberry.field(resolver=stored)
    oversight_chain: list[Entity] = strawberry.field(resolver=stored)
    sources: list[Source] = strawberry.field(resolver=stored)


ENTITY_TYPES = [Organisation, Person, Body, Workstream, Plan, Theme, Commitment, Indicator,
                Meeting, Decision]  # fmt: skip
