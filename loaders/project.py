"""Turn a validated dataset into graph rows: one node per record, typed relationships for
every reference, and the sources of each record on everything it gives rise to."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from graph import public
from graph.model import BY_SECTION, SEAT_KINDS, RoleKind
from graph.names import name_key
from graph.rows import EdgeRow, NodeRow, SourceRef
from loaders.dataset import Dataset, Located
from loaders.records import (
    AgendaItem,
    Commitment,
    Decision,
    Document,
    Entity,
    Meeting,
    Note,
    Person,
    Plan,
    Record,
    Relation,
    Role,
    Source,
)
from loaders.timescale import parse_timescale
from loaders.work import is_work


@dataclass
class GraphRows:
    nodes: list[NodeRow] = field(default_factory=list)
    edges: dict[str, EdgeRow] = field(default_factory=dict)

    def add_edge(self, edge: EdgeRow) -> None:
        """Add a relationship; a second statement of the same one adds its sources."""
        known = self.edges.get(edge.rid)
        if known is None:
            self.edges[edge.rid] = edge
            return
        known.sources.extend(s for s in edge.sources if s not in known.sources)
        qualifiers = [q for q in (known.props.get("qualifier"), edge.props.get("qualifier")) if q]
        if qualifiers:
            known.props["qualifier"] = "; ".join(dict.fromkeys(qualifiers))


def project(dataset: Dataset) -> GraphRows:
    rows = GraphRows()
    meeting_dates: dict[str, Any] = {}
    meeting_bodies: dict[str, str] = {}
    for item in dataset.of("meetings"):
        meeting = item.record
        assert isinstance(meeting, Meeting)
        meeting_dates[meeting.id] = meeting.date
        meeting_bodies[meeting.id] = dataset.ref(item, "body")
    published = {
        item.record.id: item.record.published
        for item in dataset.of("documents")
        if isinstance(item.record, Document) and item.record.published
    }
    for position, item in enumerate(dataset.records):
        record = item.record
        if isinstance(record, Document):
            # The text travels with the graph, so any quote can be checked from the graph alone.
            props = {**_fields(record, exclude={"id"}), "text": dataset.document_text(record)}
            rows.nodes.append(NodeRow(record.id, ["Document"], props))
        elif isinstance(record, Entity):
            _entity(rows, dataset, item, record, position)
            if isinstance(record, Plan):
                _known_dates(rows.nodes[-1], record, published)
        elif isinstance(record, Relation):
            rows.add_edge(
                EdgeRow(
                    record.type.value,
                    dataset.ref(item, "from"),
                    dataset.ref(item, "to"),
                    {"qualifier": record.qualifier, "start": record.start, "end": record.end},
                    _sources(record.sources),
                )
            )
        elif isinstance(record, Note):
            _note(rows, dataset, item, record)
    roles = [
        _role_row(dataset, item, meeting_dates, meeting_bodies) for item in dataset.of("roles")
    ]
    roles.extend(_agenda_roles(dataset, meeting_dates, meeting_bodies))
    _supersede_lists(roles)
    roles.extend(_seats_by_representation(roles, rows.edges.values()))
    for role in _merge_roles(roles):
        rows.nodes.append(role.node())
        for edge in role.edges():
            rows.add_edge(edge)
    _dated_by_timescales(rows)
    _approved_by_decisions(rows)
    public.apply(rows.nodes, rows.edges.values(), _contacts(dataset))
    return rows


APPROVED = re.compile(r"\b(?:approved|agreed|adopted|endorsed)\b", re.IGNORECASE)
"""A decision's status that says its recommendations were taken ("Recommendations
Approved", "Agreed", "Adopted")."""


def _approved_by_decisions(rows: GraphRows) -> None:
    """A decision recorded as approved approves the plans it concerns, on behalf of the body
    that took it: an APPROVES relation marked `derived`, whose `basis` is the decision and
    whose sources are the decision's. A relation the sources state themselves is kept as
    stated, and nothing is derived beside it."""
    plans = {node.id for node in rows.nodes if "Plan" in node.labels}
    decisions = {
        node.id: node
        for node in rows.nodes
        if "Decision" in node.labels and APPROVED.search(str(node.props.get("status") or ""))
    }
    takers = {e.source: e.target for e in rows.edges.values() if e.type == "DECIDED_BY"}
    concerned = [
        e for e in list(rows.edges.values())
        if e.type == "CONCERNS" and e.source in decisions and e.target in plans
    ]  # fmt: skip
    for edge in concerned:
        body = takers.get(edge.source)
        if body is None:
            continue
        approval = EdgeRow(
            "APPROVES",
            body,
            edge.target,
            {"derived": True, "basis": edge.source},
            list(edge.sources),
        )
        if approval.rid not in rows.edges:
            rows.add_edge(approval)


def _dated_by_timescales(rows: GraphRows) -> None:
    """A plan that states no period and that no dated document speaks of is known from the
    earliest to the latest timescale of its commitments (an outcome page's actions due from
    Winter 2021 to November 2022): a review of an earlier day then leaves it out, and one of
    its own time keeps it."""
    undated = {
        node.id: node
        for node in rows.nodes
        if "Plan" in node.labels
        and not node.props.get("period_from")
        and not node.props.get("known_from")
    }
    due = {
        node.id: (node.props.get("due_from") or node.props["due_by"], node.props["due_by"])
        for node in rows.nodes
        if "Commitment" in node.labels and node.props.get("due_by")
    }
    spans: dict[str, list[tuple[Any, Any]]] = defaultdict(list)
    for edge in rows.edges.values():
        if edge.type == "IN_PLAN" and edge.target in undated and edge.source in due:
            spans[edge.target].append(due[edge.source])
    for plan_id, dates in spans.items():
        undated[plan_id].props.update(
            known_from=min(start for start, _ in dates), known_to=max(end for _, end in dates)
        )


def _contacts(dataset: Dataset) -> list[str]:
    """Every contact detail the dataset states, to be masked wherever it is written."""
    return [
        value
        for item in dataset.of("people")
        if isinstance(item.record, Person)
        for value in (item.record.email, item.record.phone)
        if value
    ]


def _fields(record: Record, exclude: set[str]) -> dict[str, Any]:
    values = {}
    for name in type(record).model_fields:
        if name in exclude:
            continue
        value = getattr(record, name)
        values[name] = value.value if isinstance(value, Enum) else value
    return values


def _sources(sources: Iterable[Source]) -> list[SourceRef]:
    return [SourceRef(s.document, s.lines, s.quote) for s in sources]


def _entity(rows: GraphRows, dataset: Dataset, item: Located, record: Entity, seq: int) -> None:
    """`seq` is the record's place in the dataset, so lists can follow document order."""
    references = BY_SECTION[item.section].references
    exclude = {"id", "sources", "agenda", "subjects", *references}
    props = _fields(record, exclude)
    props["seq"] = seq
    person = isinstance(record, Person)
    names = [record.name, *record.aliases]
    if isinstance(record, Person) and record.honorific:
        names.append(f"{record.honorific} {record.name}")
    props["search_text"] = " | ".join(names)
    props["lookup_keys"] = sorted({name_key(n, person=person) for n in names})
    if isinstance(record, Commitment):
        props["is_work"] = is_work(record.name)
        due = parse_timescale(record.due) if record.due else None
        if due is not None:
            props.update(due_from=due.start, due_by=due.end, due_open_ended=due.open_ended)
    sources = _sources(record.sources)
    rows.nodes.append(
        NodeRow(record.id, ["Entity", BY_SECTION[item.section].label], props, sources)
    )
    for field_name, edge_type in references.items():
        if getattr(record, field_name) is not None:
            rows.add_edge(EdgeRow(edge_type, record.id, dataset.ref(item, field_name), {}, sources))
    if isinstance(record, Decision):
        for position, _ in enumerate(record.subjects):
            target = dataset.ref(item, "subjects", position)
            rows.add_edge(EdgeRow("CONCERNS", record.id, target, {}, sources))
    if isinstance(record, Meeting):
        for seq, agenda in enumerate(record.agenda):
            _agenda_item(rows, record, agenda, seq)


def _known_dates(node: NodeRow, plan: Plan, published: dict[str, Any]) -> None:
    """When the sources show a plan in force, for plans whose period is not stated: the
    first and last publication dates among the documents that speak of it."""
    dates = sorted(published[s.document] for s in plan.sources if s.document in published)
    if dates:
        node.props.update(known_from=dates[0], known_to=dates[-1])


def agenda_item_id(meeting_id: str, number: str) -> str:
    return f"{meeting_id}/item-{_slug(number)}"


def _agenda_item(rows: GraphRows, meeting: Meeting, agenda: AgendaItem, seq: int) -> None:
    item_id = agenda_item_id(meeting.id, agenda.number)
    props = _fields(agenda, exclude={"sources", "lead_officers", "contact_officers"})
    props["seq"] = seq
    props["name"] = agenda.title
    props["restricted"] = agenda.private
    sources = _sources(agenda.sources)
    rows.nodes.append(NodeRow(item_id, ["AgendaItem"], props, sources))
    rows.add_edge(EdgeRow("ITEM_OF", item_id, meeting.id, {}, sources))


def _note(rows: GraphRows, dataset: Dataset, item: Located, note: Note) -> None:
    sources = _sources(note.sources)
    rows.nodes.append(NodeRow(note.id, ["Note"], {"text": note.text}, sources))
    for position, _ in enumerate(note.about):
        rows.add_edge(EdgeRow("ABOUT", note.id, dataset.ref(item, "about", position), {}, sources))


@dataclass
class RoleRow:
    """A role before it becomes a node: its holder, what it is in or about, and when."""

    holder: str
    kind: str
    props: dict[str, Any]
    links: dict[str, str]
    sources: list[SourceRef]

    @property
    def id(self) -> str:
        context = "|".join(f"{k}={v}" for k, v in sorted(self.links.items()))
        context += "|" + "|".join(
            f"{k}={self.props.get(k)}" for k in ("listed_on", "start", "end", "agenda_item")
        )
        digest = hashlib.sha1(context.encode()).hexdigest()[:10]
        return f"role/{self.holder.split('/', 1)[1]}/{_slug(self.kind)}/{digest}"

    def node(self) -> NodeRow:
        props = {
            **self.props,
            "kind": self.kind,
            "holder": self.holder,
            "body": self.links.get("IN"),
        }
        return NodeRow(self.id, ["Role"], props, self.sources)

    def edges(self) -> list[EdgeRow]:
        edges = [EdgeRow("HOLDS", self.holder, self.id, {}, self.sources)]
        edges.extend(
            EdgeRow(t, self.id, target, {}, self.sources) for t, target in self.links.items()
        )
        return edges


def _role_row(
    dataset: Dataset, item: Located, dates: dict[str, Any], bodies: dict[str, str]
) -> RoleRow:
    role = item.record
    assert isinstance(role, Role)
    holder = dataset.ref(item, "person" if role.person else "organisation")
    links = {
        edge: dataset.ref(item, name)
        for name, edge in (
            ("body", "IN"),
            ("subject", "FOR"),
            ("meeting", "AT"),
            ("on_behalf_of", "ON_BEHALF_OF"),
        )
        if getattr(role, name) is not None
    }
    props: dict[str, Any] = {
        "title": role.title,
        "start": role.start,
        "end": role.end,
        "listed_on": role.listed_on,
        "agenda_item": role.agenda_item,
        "restricted": role.restricted,
    }
    meeting = links.get("AT")
    if meeting:
        links.setdefault("IN", bodies[meeting])
        if role.listed_on is None and role.start is None:
            props["start"] = props["end"] = dates[meeting]
        if role.agenda_item:
            links.setdefault("FOR", agenda_item_id(meeting, role.agenda_item))
    return RoleRow(holder, role.kind.value, props, links, _sources(role.sources))


def _agenda_roles(
    dataset: Dataset, dates: dict[str, Any], bodies: dict[str, str]
) -> Iterable[RoleRow]:
    """Lead and contact officers written on agenda items are roles like any other."""
    for item in dataset.of("meetings"):
        meeting = item.record
        assert isinstance(meeting, Meeting)
        for number, agenda in enumerate(meeting.agenda):
            for field_name, kind in (
                ("lead_officers", RoleKind.LEAD_OFFICER),
                ("contact_officers", RoleKind.CONTACT),
            ):
                for position, _ in enumerate(getattr(agenda, field_name)):
                    person = dataset.ref(item, "agenda", number, field_name, position)
                    links = {
                        "AT": meeting.id,
                        "IN": bodies[meeting.id],
                        "FOR": agenda_item_id(meeting.id, agenda.number),
                    }
                    props = {
                        "start": dates[meeting.id],
                        "end": dates[meeting.id],
                        "agenda_item": agenda.number,
                        "restricted": agenda.private,
                    }
                    yield RoleRow(person, kind.value, props, links, _sources(agenda.sources))


def _seats_by_representation(roles: list[RoleRow], edges: Iterable[EdgeRow]) -> list[RoleRow]:
    """A seat held on behalf of an organisation that is one body (a councillor listed on the
    CSP Executive for the West Yorkshire Police and Crime Panel, which hosts the Police and
    Crime Panel) is a seat on that body too: a member role marked `derived`, whose `basis`
    is the seat stated, held while that one holds. An organisation hosting several bodies
    says none of them."""
    hosted: dict[str, list[str]] = defaultdict(list)
    for edge in edges:
        if edge.type == "HOSTED_BY":
            hosted[edge.target].append(edge.source)
    seats = {kind.value for kind in SEAT_KINDS}
    stated = {role.id for role in roles}
    derived: list[RoleRow] = []
    for role in roles:
        bodies = hosted.get(role.links.get("ON_BEHALF_OF", ""), [])
        if role.kind not in seats or len(bodies) != 1 or bodies[0] == role.links.get("IN"):
            continue
        props = {
            key: role.props.get(key)
            for key in ("start", "end", "listed_on", "superseded_on", "restricted")
        }
        props |= {"derived": True, "basis": role.id}
        seat = RoleRow(role.holder, RoleKind.MEMBER.value, props, {"IN": bodies[0]}, role.sources)
        if seat.id not in stated:
            derived.append(seat)
    return derived


def _supersede_lists(roles: list[RoleRow]) -> None:
    """A dated member list holds until the next list for the same body: record when that is."""
    lists: dict[str, set[Any]] = defaultdict(set)
    for role in roles:
        if role.props.get("listed_on") and "IN" in role.links:
            lists[role.links["IN"]].add(role.props["listed_on"])
    for role in roles:
        listed = role.props.get("listed_on")
        if listed and "IN" in role.links:
            later = [d for d in lists[role.links["IN"]] if d > listed]
            role.props["superseded_on"] = min(later) if later else None


def _merge_roles(roles: list[RoleRow]) -> list[RoleRow]:
    """The same role stated twice (say, on an agenda item and in the role list) is one role."""
    merged: dict[str, RoleRow] = {}
    for role in roles:
        known = merged.get(role.id)
        if known is None:
            merged[role.id] = role
            continue
        known.sources.extend(s for s in role.sources if s not in known.sources)
        for key, value in role.props.items():
            if known.props.get(key) is None:
                known.props[key] = value
    return list(merged.values())


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "x"
