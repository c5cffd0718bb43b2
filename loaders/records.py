"""The canonical record types: what one YAML item in a dataset file may say.

Every record names its sources. References to other records (`Ref`) may be an id
(`kind/slug`) or any name or alias; the dataset resolver insists each resolves to
exactly one record. Field names are the YAML keys, documented in docs/dataset-format.md.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from graph.model import RelationType, RoleKind

NAME_LENGTH = 300
"""Ids, references, names, aliases and the other short fields: the API's own limit on the
ids and names it is asked for, so that whatever loads can be asked for."""
TITLE_LENGTH = 1_000
"""Titles as printed, commitments' names among them (Kirklees' longest is a 402-character
objective)."""
QUOTE_LENGTH = 5_000
"""A quote is the words that show a fact (Kirklees' longest is 414 characters)."""
PROSE_LENGTH = 10_000
"""Descriptions, purposes, progress, qualifiers and notes (Kirklees' longest is 1,095)."""
URL_LENGTH = 2_000
"""The longest URL that browsers and servers commonly accept."""

Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_LENGTH)
]
Ref = Text  # an id, name or alias, so no longer than those
Title = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TITLE_LENGTH)
]
Quote = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=QUOTE_LENGTH)
]
Short = Annotated[str, StringConstraints(max_length=NAME_LENGTH)]
Prose = Annotated[str, StringConstraints(max_length=PROSE_LENGTH)]
Url = Annotated[str, StringConstraints(max_length=URL_LENGTH)]

LINES = re.compile(r"^(\d+)(?:-(\d+))?$")


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Record):
    """Where a fact comes from: a document, the lines as `cat -n` numbers them, the exact words."""

    document: Ref
    lines: Text
    quote: Quote

    @field_validator("lines")
    @classmethod
    def _line_range(cls, value: str) -> str:
        match = LINES.match(value)
        if not match:
            raise ValueError("lines must be N or N-M, e.g. 464-466")
        first, last = int(match[1]), int(match[2] or match[1])
        if first < 1 or last < first:
            raise ValueError("lines must count from 1 and not run backwards")
        return value

    @property
    def line_span(self) -> tuple[int, int]:
        match = LINES.match(self.lines)
        assert match is not None
        return int(match[1]), int(match[2] or match[1])


Sources = Annotated[list[Source], Field(min_length=1)]


class Document(Record):
    id: Text
    title: Title
    file: Text
    published: dt.date | None = None
    publisher: Short | None = None
    url: Url | None = None
    original: Short | None = None
    """The name of the file the text was read from, when ingested from PDF, HTML or Word."""
    checksum: Short | None = None
    """sha256 of that file: ingesting the same file again changes nothing."""


class Entity(Record):
    """Fields every entity shares. `restricted` marks what the public was excluded from."""

    id: Text
    name: Text
    aliases: list[Text] = []
    description: Prose | None = None
    restricted: bool = False
    restriction: Short | None = None
    sources: Sources


class OrganisationKind(StrEnum):
    COUNCIL = "council"
    POLICE = "police"
    FIRE = "fire"
    HEALTH = "health"
    PROBATION = "probation"
    HOUSING = "housing"
    VOLUNTARY = "voluntary sector"
    OPCC = "opcc"
    REGIONAL = "regional"
    GOVERNMENT = "government"
    OTHER = "other"


class Organisation(Entity):
    kind: OrganisationKind
    part_of: Ref | None = None


class Person(Entity):
    honorific: Short | None = None
    organisation: Ref | None = None
    email: Short | None = None
    phone: Short | None = None


class BodyKind(StrEnum):
    BOARD = "board"
    EXECUTIVE = "executive"
    PARTNERSHIP = "partnership"
    GROUP = "group"
    TASK_GROUP = "task group"
    NETWORK = "network"
    PANEL = "panel"
    FORUM = "forum"
    TEAM = "team"
    COMMITTEE = "committee"
    CABINET = "cabinet"
    SERVICE = "service"


class Body(Entity):
    kind: BodyKind
    organisation: Ref | None = None
    frequency: Short | None = None
    statutory_basis: Prose | None = None
    area: Short | None = None
    established: dt.date | None = None
    established_text: Short | None = None
    ended: dt.date | None = None


class PlanKind(StrEnum):
    PLAN = "plan"
    STRATEGY = "strategy"
    FRAMEWORK = "framework"
    ACTION_PLAN = "action plan"
    POLICY = "policy"
    PROGRAMME = "programme"
    OUTCOME = "outcome"


class Plan(Entity):
    kind: PlanKind
    period_from: dt.date | None = None
    period_to: dt.date | None = None
    period_text: Short | None = None
    status: Short | None = None
    part_of: Ref | None = None


class Theme(Entity):
    plan: Ref
    ref: Short | None = None


class Workstream(Entity):
    pass


class CommitmentKind(StrEnum):
    PRIORITY = "priority"
    OBJECTIVE = "objective"
    ACTION = "action"
    DELIVERABLE = "deliverable"
    ACTION_AGREED = "action agreed"


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"


class Commitment(Entity):
    """A priority, objective, action, deliverable or action agreed; `name` is its title."""

    name: Title
    kind: CommitmentKind
    ref: Short | None = None
    plan: Ref | None = None
    parent: Ref | None = None
    theme: Ref | None = None
    meeting: Ref | None = None
    due: Short | None = None
    rag: Rag | None = None
    status: Short | None = None
    progress: Prose | None = None
    tier: Short | None = None


class Indicator(Entity):
    data_source: Short | None = None


class AgendaItem(Record):
    number: Text
    title: Title
    purpose: Prose | None = None
    private: bool = False
    restriction: Short | None = None
    lead_officers: list[Ref] = []
    contact_officers: list[Ref] = []
    sources: Sources


class Meeting(Entity):
    body: Ref
    date: dt.date
    time: Short | None = None
    venue: Short | None = None
    public: bool = True
    agenda: list[AgendaItem] = []


class Decision(Entity):
    body: Ref | None = None
    meeting: Ref | None = None
    date: dt.date | None = None
    date_text: Short | None = None
    kind: Short | None = None
    status: Short | None = None
    subjects: list[Ref] = []


class Role(Record):
    """A position held (Popolo's Membership): who, what kind, where, when, on whose behalf.

    A role inside a body holds either between `start` and `end`, or, when it was only
    recorded in a dated list (`listed_on`), from that list until a later list supersedes it.
    Attendance and apologies name their `meeting`; its date dates them.
    """

    person: Ref | None = None
    organisation: Ref | None = None
    kind: RoleKind
    title: Short | None = None
    body: Ref | None = None
    subject: Ref | None = None
    meeting: Ref | None = None
    agenda_item: Short | None = None
    on_behalf_of: Ref | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    listed_on: dt.date | None = None
    restricted: bool = False
    sources: Sources


class Relation(Record):
    """A typed accountability relation, `from` -> `to`, with its own sources and qualifier."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    type: RelationType
    source: Ref = Field(alias="from")
    target: Ref = Field(alias="to")
    qualifier: Prose | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    sources: Sources


class Note(Record):
    """An ambiguity or inconsistency in the sources, recorded rather than silently resolved."""

    id: Text
    text: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=PROSE_LENGTH)
    ]
    about: Annotated[list[Ref], Field(min_length=1)]
    sources: Sources


class DatasetInfo(Record):
    name: Text
    title: Title
    documents_dir: Text = "documents"


ENTITY_SECTIONS: dict[str, type[Entity]] = {
    "organisations": Organisation,
    "people": Person,
    "bodies": Body,
    "plans": Plan,
    "themes": Theme,
    "workstreams": Workstream,
    "commitments": Commitment,
    "indicators": Indicator,
    "meetings": Meeting,
    "decisions": Decision,
}

SECTIONS: dict[str, type[Record]] = {
    "documents": Document,
    **ENTITY_SECTIONS,
    "roles": Role,
    "relations": Relation,
    "notes": Note,
}
