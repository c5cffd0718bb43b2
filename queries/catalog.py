"""What every field of the API means in Cypher.

One entry per (type, field): a Cypher expression over the value in hand (`%(v)s`), the
type of what it returns when that is an object, and the arguments it takes. The compiler
joins the entries a question selects into one query, so any depth of nesting stays one
round trip and nothing is fetched that was not asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.public import contact, readable, visible
from queries.cypher import (
    LEAD_KINDS,
    holds_on,
    linked,
    linked_any,
    sources,
    upward,
    words,
)


@dataclass(frozen=True)
class Field:
    cypher: str
    target: str | None = None
    many: bool = False
    args: tuple[str, ...] = ()


def scalar(cypher: str) -> Field:
    return Field(cypher)


def prop(name: str) -> Field:
    return Field(f"%(v)s.{name}")


def text(name: str) -> Field:
    """Prose, as the caller may read it: the public reading, or the full one for officers."""
    return Field(readable("%(v)s", name))


def enum_like(name: str) -> Field:
    """Stored words ("task group") answered as enum-style names ("TASK_GROUP")."""
    return Field(f"replace(toUpper(%(v)s.{name}), ' ', '_')")


def many(target: str, cypher: str, *args: str) -> Field:
    return Field(cypher, target, True, args)


def one(target: str, cypher: str, *args: str) -> Field:
    return Field(cypher, target, False, args)


def first(target: str, cypher: str) -> Field:
    """The first of a list, or null."""
    return Field(f"{cypher}[0]", target, False)


ENTITY_LABELS = (
    "Organisation",
    "Person",
    "Body",
    "Workstream",
    "Plan",
    "Theme",
    "Commitment",
    "Indicator",
    "Meeting",
    "Decision",
)

INTERFACES = {"Entity": ENTITY_LABELS}

LEAD_ROLES = words(LEAD_KINDS)

ROLE_FILTER = f"{holds_on('x', '%(asOf)s')} AND (%(kinds)s IS NULL OR x.kind IN %(kinds)s)"

ENTITY: dict[str, Field] = {
    "id": prop("id"),
    "name": text("name"),
    "aliases": scalar(f"coalesce({readable('%(v)s', 'aliases')}, [])"),
    "description": text("description"),
    "sources": many("Source", sources("%(v)s")),
    "notes": many("Note", linked("(%(v)s)<-[:ABOUT]-(x:Note)", order="x.id")),
    "relations": many(
        "Relation",
        "COLLECT { MATCH (%(v)s)-[x]-(other:Entity) "
        "WHERE (%(types)s IS NULL OR type(x) IN %(types)s) AND "
        + visible("other")
        + " RETURN x ORDER BY type(x), other.name, other.id }",
        "types",
    ),
}

SOURCE: dict[str, Field] = {
    "document": one("Document", "%(v)s.document"),
    "lines": prop("lines"),
    "quote": prop("quote"),
}

DOCUMENT: dict[str, Field] = {
    "id": prop("id"),
    "title": text("title"),
    "url": text("url"),
    "published": prop("published"),
}

NOTE: dict[str, Field] = {
    "id": prop("id"),
    "text": text("text"),
    "about": many("Entity", linked("(%(v)s)-[:ABOUT]->(x:Entity)")),
    "sources": many("Source", sources("%(v)s")),
}

RELATION: dict[str, Field] = {
    "type": scalar("type(%(v)s)"),
    "qualifier": text("qualifier"),
    "from": one("Entity", "startNode(%(v)s)"),
    "to": one("Entity", "endNode(%(v)s)"),
    "sources": many("Source", sources("%(v)s")),
}

ROLE: dict[str, Field] = {
    "kind": prop("kind"),
    "title": text("title"),
    "person": first("Person", linked("(x:Person)-[:HOLDS]->(%(v)s)")),
    "body": first("Body", linked("(%(v)s)-[:IN]->(x:Body)")),
    "organisation": first(
        "Organisation",
        linked_any(
            "MATCH (x:Organisation)-[:HOLDS]->(%(v)s) RETURN x",
            "MATCH (%(v)s)-[:ON_BEHALF_OF]->(x:Organisation) RETURN x",
        ),
    ),
    "meeting": first("Meeting", linked("(%(v)s)-[:AT]->(x:Meeting)")),
    "subject": first("Entity", linked("(%(v)s)-[:FOR]->(x:Entity)")),
    "from": scalar("coalesce(%(v)s.start, %(v)s.listed_on)"),
    "to": prop("end"),
    "listedOn": prop("listed_on"),
    "supersededOn": prop("superseded_on"),
    "sources": many("Source", sources("%(v)s")),
}

AGENDA_ITEM: dict[str, Field] = {
    "number": prop("number"),
    "title": text("title"),
    "purpose": text("purpose"),
    "sources": many("Source", sources("%(v)s")),
}

ROLES_HELD = many(
    "Role",
    linked("(%(v)s)-[:HOLDS]->(x:Role)", where=ROLE_FILTER, order="x.kind, x.body, x.id"),
    "asOf",
    "kinds",
)

ORGANISATION: dict[str, Field] = {
    "kind": enum_like("kind"),
    "people": many("Person", linked("(%(v)s)<-[:AFFILIATED_WITH]-(x:Person)")),
    "partOf": first("Organisation", linked("(%(v)s)-[:PART_OF]->(x:Organisation)")),
    "bodies": many("Body", linked("(%(v)s)<-[:HOSTED_BY]-(x:Body)")),
    "roles": ROLES_HELD,
}


PERSON: dict[str, Field] = {
    "honorific": prop("honorific"),
    "email": Field(contact("%(v)s", "email")),
    "phone": Field(contact("%(v)s", "phone")),
    "organisation": first("Organisation", linked("(%(v)s)-[:AFFILIATED_WITH]->(x)")),
    "roles": ROLES_HELD,
    "bodies": many(
        "Body",
        linked(
            "(%(v)s)-[:HOLDS]->(r:Role)-[:IN]->(x:Body)",
            where=f"{holds_on('r', '%(asOf)s')} AND {visible('r')}",
        ),
        "asOf",
    ),
    "leads": many(
        "Commitment",
        linked_any(
            "MATCH (%(v)s)-[:LEADS]->(x:Commitment) RETURN x",
            f"MATCH (%(v)s)-[:HOLDS]->(r:Role)-[:FOR]->(x:Commitment) "
            f"WHERE r.kind IN {LEAD_ROLES} AND {visible('r')} RETURN x",
        ),
    ),
    "portfolio": many(
        "Commitment",
        linked_any(
            "MATCH (%(v)s)-[:PORTFOLIO_HOLDER_FOR]->(x:Commitment) RETURN x",
            "MATCH (%(v)s)-[:HOLDS]->(r:Role {kind: 'portfolio holder'})-[:FOR]->(x:Commitment) "
            f"WHERE {visible('r')} RETURN x",
        ),
    ),
}

BODY: dict[str, Field] = {
    "kind": enum_like("kind"),
    "frequency": text("frequency"),
    "organisation": first("Organisation", linked("(%(v)s)-[:HOSTED_BY]->(x)")),
    "reportsTo": many("Entity", linked("(%(v)s)-[:REPORTS_TO]->(x:Entity)")),
    "oversightChain": many(
        "Entity", upward("MATCH (%(v)s)-[:REPORTS_TO]->(g:Entity) RETURN g, 1 AS d")
    ),
    "partOf": many("Body", linked("(%(v)s)-[:PART_OF]->(x:Body)")),
    "subgroups": many("Body", linked("(%(v)s)<-[:PART_OF]-(x:Body)")),
    "governs": many("Workstream", linked("(%(v)s)-[:GOVERNS]->(x:Workstream)")),
    "owns": many("Plan", linked("(%(v)s)-[:OWNS]->(x:Plan)")),
    "delivers": many("Entity", linked("(%(v)s)-[:DELIVERS]->(x:Entity)")),
    "roles": many(
        "Role",
        linked("(%(v)s)<-[:IN]-(x:Role)", where=ROLE_FILTER, order="x.kind, x.holder, x.id"),
        "asOf",
        "kinds",
    ),
    "meetings": many("Meeting", linked("(%(v)s)<-[:MEETING_OF]-(x:Meeting)", order="x.date, x.id")),
    "leads": many("Commitment", linked("(%(v)s)-[:LEADS]->(x:Commitment)", order="x.seq, x.id")),
}

WORKSTREAM: dict[str, Field] = {
    "governedBy": many("Entity", linked("(%(v)s)<-[:GOVERNS]-(x:Entity)")),
    "strategyOwners": many(
        "Body", linked("(%(v)s)<-[:ADDRESSES]-(p:Plan)<-[:OWNS]-(x:Body)", where=visible("p"))
    ),
    "groups": many("Body", linked("(%(v)s)<-[:DELIVERS]-(x:Body)")),
    "reportsTo": many("Entity", linked("(%(v)s)-[:REPORTS_TO]->(x:Entity)")),
    "oversightChain": many(
        "Entity",
        upward(
            "MATCH (%(v)s)<-[:GOVERNS]-(g:Entity) RETURN g, 1 AS d "
            "UNION MATCH (%(v)s)-[:REPORTS_TO]->(g:Entity) RETURN g, 1 AS d"
        ),
    ),
    "plans": many(
        "Plan",
        linked_any(
            "MATCH (%(v)s)<-[:ADDRESSES]-(x:Plan) RETURN x",
            "MATCH (%(v)s)<-[:ADDRESSES]-(c:Commitment)-[:IN_PLAN]->(x:Plan) "
            f"WHERE {visible('c')} RETURN x",
            "MATCH (%(v)s)<-[:ADDRESSES]-(t:Theme)-[:PART_OF]->(x:Plan) "
            f"WHERE {visible('t')} RETURN x",
        ),
    ),
    "indicators": many(
        "Indicator", linked("(%(v)s)-[:MEASURED_BY]->(x:Indicator)", order="x.seq, x.id")
    ),
    "commitments": many(
        "Commitment",
        linked("(%(v)s)<-[:ADDRESSES|CONTRIBUTES_TO]-(x:Commitment)", order="x.seq, x.id"),
    ),
    "partOf": many("Workstream", linked("(%(v)s)-[:PART_OF]->(x:Workstream)")),
    "parts": many("Workstream", linked("(%(v)s)<-[:PART_OF]-(x:Workstream)")),
}

PLAN: dict[str, Field] = {
    "kind": enum_like("kind"),
    "status": text("status"),
    "periodFrom": prop("period_from"),
    "periodTo": prop("period_to"),
    "periodText": text("period_text"),
    "owners": many("Body", linked("(%(v)s)<-[:OWNS]-(x:Body)")),
    "approvedBy": many("Body", linked("(%(v)s)<-[:APPROVES]-(x:Body)")),
    "overseenBy": many(
        "Body", linked("(%(v)s)<-[:OVERSEES|RECEIVES_REPORTS|SCRUTINISES]-(x:Body)")
    ),
    "reportedTo": many("Entity", linked("(%(v)s)<-[:RECEIVES_REPORTS]-(x:Entity)")),
    "scrutinisedBy": many("Body", linked("(%(v)s)<-[:SCRUTINISES]-(x:Body)")),
    "deliveredBy": many("Body", linked("(%(v)s)<-[:DELIVERS]-(x:Body)")),
    "workstreams": many("Workstream", linked("(%(v)s)-[:ADDRESSES]->(x:Workstream)")),
    "themes": many("Theme", linked("(%(v)s)<-[:PART_OF]-(x:Theme)", order="x.seq, x.id")),
    "commitments": many(
        "Commitment", linked("(%(v)s)<-[:IN_PLAN]-(x:Commitment)", order="x.seq, x.id")
    ),
    "indicators": many(
        "Indicator", linked("(%(v)s)-[:MEASURED_BY]->(x:Indicator)", order="x.seq, x.id")
    ),
    "partOf": first("Plan", linked("(%(v)s)-[:PART_OF]->(x:Plan)")),
}

THEME: dict[str, Field] = {
    "ref": prop("ref"),
    "plan": first("Plan", linked("(%(v)s)-[:PART_OF]->(x:Plan)")),
    "workstreams": many("Workstream", linked("(%(v)s)-[:ADDRESSES]->(x:Workstream)")),
    "commitments": many(
        "Commitment",
        linked("(%(v)s)<-[:UNDER_THEME|CONTRIBUTES_TO]-(x:Commitment)", order="x.seq, x.id"),
    ),
}

COMMITMENT: dict[str, Field] = {
    "kind": enum_like("kind"),
    "ref": prop("ref"),
    "plan": first("Plan", linked("(%(v)s)-[:IN_PLAN]->(x:Plan)")),
    "theme": first("Theme", linked("(%(v)s)-[:UNDER_THEME]->(x:Theme)")),
    "parent": first("Commitment", linked("(%(v)s)-[:PART_OF]->(x:Commitment)")),
    "children": many(
        "Commitment", linked("(%(v)s)<-[:PART_OF]-(x:Commitment)", order="x.seq, x.id")
    ),
    "agreedAt": first("Meeting", linked("(%(v)s)-[:AGREED_AT]->(x:Meeting)")),
    "dueText": text("due"),
    "dueFrom": prop("due_from"),
    "dueBy": prop("due_by"),
    "rag": enum_like("rag"),
    "status": text("status"),
    "progress": text("progress"),
    "leads": many(
        "Entity",
        linked_any(
            "MATCH (%(v)s)<-[:LEADS]-(x:Entity) RETURN x",
            f"MATCH (%(v)s)<-[:FOR]-(r:Role)<-[:HOLDS]-(x:Entity) "
            f"WHERE r.kind IN {LEAD_ROLES} AND {visible('r')} RETURN x",
        ),
    ),
    "portfolioHolders": many(
        "Person",
        linked_any(
            "MATCH (%(v)s)<-[:PORTFOLIO_HOLDER_FOR]-(x:Person) RETURN x",
            "MATCH (%(v)s)<-[:FOR]-(r:Role {kind: 'portfolio holder'})<-[:HOLDS]-(x:Person) "
            f"WHERE {visible('r')} RETURN x",
        ),
    ),
    "workstreams": many("Workstream", linked("(%(v)s)-[:ADDRESSES]->(x:Workstream)")),
}

INDICATOR: dict[str, Field] = {
    "dataSource": text("data_source"),
    "measures": many("Entity", linked("(%(v)s)<-[:MEASURED_BY]-(x:Entity)")),
}

MEETING: dict[str, Field] = {
    "date": prop("date"),
    "time": text("time"),
    "venue": text("venue"),
    "body": first("Body", linked("(%(v)s)-[:MEETING_OF]->(x:Body)")),
    "attendees": many(
        "Person",
        linked(
            "(%(v)s)<-[:AT]-(r:Role {kind: 'attendee'})<-[:HOLDS]-(x:Person)", where=visible("r")
        ),
    ),
    "apologies": many(
        "Person",
        linked(
            "(%(v)s)<-[:AT]-(r:Role {kind: 'apology'})<-[:HOLDS]-(x:Person)", where=visible("r")
        ),
    ),
    "roles": many(
        "Role",
        linked(
            "(%(v)s)<-[:AT]-(x:Role)",
            where="(%(kinds)s IS NULL OR x.kind IN %(kinds)s)",
            order="x.kind, x.holder, x.id",
        ),
        "kinds",
    ),
    "agenda": many("AgendaItem", linked("(%(v)s)<-[:ITEM_OF]-(x:AgendaItem)", order="x.seq")),
    "actionsAgreed": many(
        "Commitment", linked("(%(v)s)<-[:AGREED_AT]-(x:Commitment)", order="x.seq, x.id")
    ),
    "decisions": many("Decision", linked("(%(v)s)<-[:TAKEN_AT]-(x:Decision)")),
}

DECISION: dict[str, Field] = {
    "date": prop("date"),
    "dateText": text("date_text"),
    "status": text("status"),
    "body": first("Body", linked("(%(v)s)-[:DECIDED_BY]->(x:Body)")),
    "meeting": first("Meeting", linked("(%(v)s)-[:TAKEN_AT]->(x:Meeting)")),
    "subjects": many("Entity", linked("(%(v)s)-[:CONCERNS]->(x:Entity)")),
}

FINDING: dict[str, Field] = {
    "kind": prop("kind"),
    "subject": one("Entity", "%(v)s.subject"),
    "bodies": many("Entity", "%(v)s.bodies"),
    "explanation": prop("explanation"),
    "sources": many("Source", "%(v)s.sources"),
}

OWNERSHIP: dict[str, Field] = {
    "subject": one("Entity", "%(v)s.subject"),
    "owners": many("Entity", "%(v)s.owners"),
    "governors": many("Entity", "%(v)s.governors"),
    "leads": many("Entity", "%(v)s.leads"),
    "oversightChain": many("Entity", "%(v)s.chain"),
    "sources": many("Source", "%(v)s.sources"),
}

FIELDS: dict[str, dict[str, Field]] = {
    "Organisation": ENTITY | ORGANISATION,
    "Person": ENTITY | PERSON,
    "Body": ENTITY | BODY,
    "Workstream": ENTITY | WORKSTREAM,
    "Plan": ENTITY | PLAN,
    "Theme": ENTITY | THEME,
    "Commitment": ENTITY | COMMITMENT,
    "Indicator": ENTITY | INDICATOR,
    "Meeting": ENTITY | MEETING,
    "Decision": ENTITY | DECISION,
    "Source": SOURCE,
    "Document": DOCUMENT,
    "Note": NOTE,
    "Relation": RELATION,
    "Role": ROLE,
    "AgendaItem": AGENDA_ITEM,
    "Finding": FINDING,
    "Ownership": OWNERSHIP,
}
