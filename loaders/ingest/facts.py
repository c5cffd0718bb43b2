"""What an extractor reads from one document: plain facts, each with the line it stands on.

Facts are what a reader would underline, as written (names with their honorifics apart,
titles and organisations as given); turning them into records with ids, references and
sources is `write`'s job. The same shape is what tests/fixtures/documents/*/facts.yaml
holds by hand, so extraction is scored fact by fact.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

DocumentKind = Literal["minutes", "plan", "governance", "decision"]
PersonRole = Literal["chair", "member", "attendee", "apology", "substitute", "absent"]
PriorityKind = Literal["priority", "objective", "action", "deliverable"]
RelationKind = Literal[
    "reports_to", "accountable_to", "part_of", "overseen_by", "chaired_by", "owns",
    "delivers_for", "governs",
]  # fmt: skip


@dataclass(frozen=True)
class PersonFact:
    """Someone the document lists at a meeting, in the part they had."""

    name: str | None
    role: PersonRole
    line: int
    honorific: str | None = None
    title: str | None = None
    organisation: str | None = None
    substitute_for: str | None = None


@dataclass(frozen=True)
class AgendaFact:
    number: str | None
    title: str | None
    line: int


@dataclass(frozen=True)
class ActionFact:
    """A task the document records as agreed, with its owner and deadline as written."""

    text: str
    line: int
    owner: str | None = None
    due: str | None = None


@dataclass(frozen=True)
class PriorityFact:
    """A priority, objective, action or deliverable of a plan or strategy."""

    text: str
    kind: PriorityKind
    line: int
    timescale: str | None = None
    lead: str | None = None
    portfolio_holder: str | None = None


@dataclass(frozen=True)
class RelationFact:
    """One body (or person) standing in a governance relation to another, in the words
    that state it."""

    source: str
    type: RelationKind
    target: str
    quote: str
    line: int


@dataclass(frozen=True)
class MeetingFacts:
    """A further meeting a document records after its first: an agenda pack holds the
    minutes of the meeting before. The facts on its lines belong to it."""

    line: int
    """The line its heading's date stands on; its facts are on this line and after, up
    to the next meeting's."""
    date: str | None
    body: str | None

    def day(self) -> dt.date | None:
        return as_day(self.date)


@dataclass(frozen=True)
class Unsure:
    """Something an extractor could not read with confidence: it goes to review.yaml."""

    line: int
    reason: str
    text: str


@dataclass
class DocumentFacts:
    kind: DocumentKind
    title: str | None = None
    date: str | None = None
    """ISO date of the meeting or document, when it states one."""
    body: str | None = None
    """The body whose meeting, plan or structure this is, as named."""
    people: list[PersonFact] = field(default_factory=list)
    agenda_items: list[AgendaFact] = field(default_factory=list)
    actions: list[ActionFact] = field(default_factory=list)
    priorities: list[PriorityFact] = field(default_factory=list)
    relations: list[RelationFact] = field(default_factory=list)
    unsure: list[Unsure] = field(default_factory=list)
    later_meetings: list[MeetingFacts] = field(default_factory=list)
    """Meetings after the first, each with the line it starts on; `date` and `body` are
    the first's."""

    def day(self) -> dt.date | None:
        return as_day(self.date)


def as_day(date: str | None) -> dt.date | None:
    """An ISO date as a date, when it is one."""
    try:
        return dt.date.fromisoformat(date) if date else None
    except ValueError:
        return None
