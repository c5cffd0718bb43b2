"""The vocabulary of the graph, declared once: the kinds of record a dataset holds, the label
each becomes in Neo4j, which of their references become which relationship, the kinds of
role and the types of stated relation. Validation (loaders/records.py, loaders/dataset.py),
projection (loaders/project.py), the Cypher (queries/) and the GraphQL types and enums
(schema/) all read it from here, so a new kind or relation is added in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Kind:
    """One kind of record: its dataset section, its name in messages and ids, its Neo4j
    label, whether it is an entity (named, searchable, answerable by the API), and which of
    its reference fields become which structural relationship, pointing away from it."""

    section: str
    singular: str
    label: str
    entity: bool = True
    references: dict[str, str] = field(default_factory=dict)


KINDS = (
    Kind("documents", "document", "Document", entity=False),
    Kind("organisations", "organisation", "Organisation", references={"part_of": "PART_OF"}),
    Kind("people", "person", "Person", references={"organisation": "AFFILIATED_WITH"}),
    Kind("bodies", "body", "Body", references={"organisation": "HOSTED_BY"}),
    Kind("plans", "plan", "Plan", references={"part_of": "PART_OF"}),
    Kind("themes", "theme", "Theme", references={"plan": "PART_OF"}),
    Kind("workstreams", "workstream", "Workstream"),
    Kind(
        "commitments",
        "commitment",
        "Commitment",
        references={
            "plan": "IN_PLAN",
            "parent": "PART_OF",
            "theme": "UNDER_THEME",
            "meeting": "AGREED_AT",
        },
    ),
    Kind("indicators", "indicator", "Indicator"),
    Kind("meetings", "meeting", "Meeting", references={"body": "MEETING_OF"}),
    Kind(
        "decisions",
        "decision",
        "Decision",
        references={"body": "DECIDED_BY", "meeting": "TAKEN_AT"},
    ),
    Kind("notes", "note", "Note", entity=False),
)  # fmt: skip

BY_SECTION = {kind.section: kind for kind in KINDS}
ENTITY_LABELS = tuple(kind.label for kind in KINDS if kind.entity)
"""The labels of named things the API answers for; each node also carries `Entity`."""


class RoleKind(StrEnum):
    """What a role is, as the sources name it (Popolo's membership role)."""

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


SEAT_KINDS = (RoleKind.CHAIR, RoleKind.DEPUTY_CHAIR, RoleKind.MEMBER)
"""Role kinds that mean a seat on a body, as opposed to attending one meeting."""

LEAD_KINDS = (RoleKind.LEAD_OFFICER, RoleKind.LEAD_MEMBER, RoleKind.LEAD_DIRECTOR)
ANSWERABLE_KINDS = (*LEAD_KINDS, RoleKind.PORTFOLIO_HOLDER)
"""Role kinds that make a person answerable for what the role is about."""


class RelationType(StrEnum):
    """The kinds of stated relation between entities; each is a relationship type."""

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
