"""Partnership meeting packs: meetings, members, attendance, agenda officers, actions agreed.

A pack holds one or more meetings, each opening with the body's name and a dated line
("Friday 18th March 2016 10.00 am - 12.00 pm") and its venue. A front agenda lists the
members and numbered items with "Lead Officer:" and "Contact Officer:"; minutes list the
members present (with "(Chair)" markers), "Also in Attendance:" and "Apologies:", then
numbered items between rules with "Action(s) agreed:" blocks. The lists were PDF tables:
"Name Title, Organisation" per line, but a cell that wrapped continues on later lines, so
entries are rejoined before they are split into honorific, name, title and organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from loaders.extract import Collector, Lines, Record, Records, fold, opening, slugify
from loaders.timescale import parse_day

_DATE_LINE = re.compile(
    r"^\s*((?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+\d{1,2}(?:st|nd|rd|th)?\s+"
    r"[a-z]+,?\s+\d{4})\b\s*(.*?)\s*$",
    re.I,
)
_RULE = re.compile(r"^_{5,}$")
_NOISE = re.compile(r"^(?:public document pack|page \d+(?: of \d+)?)$", re.I)
_ITEM = re.compile(r"^\s*(\d{1,2})\s+([A-Za-z].*?)\s*$")
_DANGLING = re.compile(r"(?:\b(?:and|of|the|for|to|in|on|with|from)|[&,-])$", re.I)
_PRIVATE = re.compile(r"\s*(?:-\s*private\s+item|\(private(?:\s+item)?\))$", re.I)
_OFFICER = re.compile(r"^(lead|contact)\s+officers?\s*:\s*(.*)$", re.I)
_AGENDA_CONTACT = re.compile(r"^contact officer for this agenda\s*:\s*(.+)$", re.I)
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
_ACTIONS = re.compile(r"^actions?\s+agreed\s*:?$", re.I)
_LISTS = (
    ("apology", re.compile(r"apologies(?:\s+for\s+absence)?\s*:?", re.I)),
    ("attendee", re.compile(r"(?:also\s+(?:in\s+attendance|present)|in\s+attendance)\s*:?", re.I)),
    ("member", re.compile(r"(?:[a-z ]*\bmembers(?:\s+present)?|present)\s*:?", re.I)),
)
_HONORIFICS = (
    "Assistant Chief Constable",
    "Chief Constable",
    "Detective Chief Superintendent",
    "Chief Superintendent",
    "Superintendent",
    "Chief Inspector",
    "Inspector",
    "Councillor",
    "Cllr",
    "Professor",
    "Prof",
    "Reverend",
    "Rev",
    "Dame",
    "Sir",
    "Dr",
    "Mrs",
    "Miss",
    "Mr",
    "Ms",
)
_HONORIFIC = re.compile(rf"^({'|'.join(_HONORIFICS)})\.?\s+(.*)$")
_NAME_WORD = re.compile(r"^[A-Z][A-Za-z'’.-]*$")
_INITIAL = re.compile(r"^[A-Z]\.?$")
_PARTICLES = frozenset(["de", "van", "von", "der", "den", "du", "le", "la", "da", "di", "del"])
_NOT_NAMES = frozenset(["The", "A", "An", "All"])
_MARKER = re.compile(r"^\(([^)]*)\)\s*(.*)$")
_ACRONYM = re.compile(r"^(.*?)\s*\(([A-Z][A-Za-z]{1,9})\)$")
_ORGANISATION_WORDS = frozenset(
    [
        "council",
        "police",
        "panel",
        "service",
        "services",
        "group",
        "company",
        "limited",
        "ltd",
        "trust",
        "board",
        "sector",
        "office",
        "rescue",
        "housing",
        "partnership",
        "support",
        "authority",
        "nhs",
        "ccg",
        "opcc",
        "university",
        "college",
        "school",
        "agency",
        "association",
        "centre",
        "foundation",
        "society",
        "department",
        "directorate",
        "unit",
        "team",
        "network",
        "forum",
        "executive",
        "probation",
        "fire",
        "commission",
    ]
)
_JOB_WORDS = frozenset(
    [
        "officer",
        "manager",
        "director",
        "head",
        "chair",
        "chairman",
        "chairperson",
        "coordinator",
        "co-ordinator",
        "advisor",
        "adviser",
        "commander",
        "lead",
        "superintendent",
        "inspector",
        "commissioner",
        "councillor",
        "member",
        "representative",
        "assistant",
        "clerk",
        "secretary",
    ]
)
_ORGANISATION_HEADS = frozenset(["office", "department", "directorate"])
_ORGANISATION_KINDS = (
    (re.compile(r"\bpanel\b", re.I), "other"),
    (re.compile(r"commissioner|\bopcc\b", re.I), "opcc"),
    (re.compile(r"\bpolice\b", re.I), "police"),
    (re.compile(r"\bfire\b", re.I), "fire"),
    (re.compile(r"clinical commissioning|\bccg\b|\bnhs\b|\bhealth\b", re.I), "health"),
    (re.compile(r"probation|rehabilitation", re.I), "probation"),
    (re.compile(r"housing", re.I), "housing"),
    (re.compile(r"voluntary|third sector", re.I), "voluntary sector"),
    (re.compile(r"council", re.I), "council"),
)
_CHAIR_MARKERS = {
    "chair": "chair",
    "chairman": "chair",
    "chairperson": "chair",
    "deputy chair": "deputy chair",
    "vice chair": "deputy chair",
    "vice-chair": "deputy chair",
}
_TITLE_LOOKBACK = 3
_ACTION_QUOTE_WORDS = 25


@dataclass(frozen=True)
class _Named:
    """A printed entry split at the name: "Steve Cotter (Deputy Chair) Divisional ..."."""

    honorific: str | None
    name: str
    complete: bool
    marker: str | None
    rest: str


@dataclass
class _Span:
    """Text gathered from lines first..last."""

    first: int
    last: int
    text: str

    def extend(self, number: int, text: str) -> None:
        self.text, self.last = fold(f"{self.text} {text}"), number


@dataclass
class _Entry(_Span):
    """One person's entry in a member, attendance or apology list."""

    kind: str = "member"


@dataclass
class _Officer(_Span):
    """ "Lead Officer: Name, Title" or "Contact Officer: ..." under an agenda item."""

    kind: str = "lead officer"


@dataclass
class _Item:
    number: int
    heading: _Span
    officers: list[_Officer] = field(default_factory=list)
    paragraphs: list[_Span] = field(default_factory=list)
    actions: list[_Span] = field(default_factory=list)


@dataclass
class _Meeting:
    day: date
    header: _Span
    time: str
    venue: _Span | None = None
    entries: list[_Entry] = field(default_factory=list)
    contact: _Span | None = None
    email: _Span | None = None
    items: list[_Item] = field(default_factory=list)

    @property
    def minutes(self) -> bool:
        """Minutes record who attended; an agenda only who sits on the body."""
        return any(entry.kind != "member" for entry in self.entries)


def _split_name(text: str) -> _Named:
    honorific = None
    if match := _HONORIFIC.match(text):
        honorific, text = match[1], match[2]
    words = text.split()
    count = _name_length(words)
    rest = " ".join(words[count:])
    marker = None
    if match := _MARKER.match(rest):
        marker, rest = fold(match[1]), match[2]
    return _Named(honorific, " ".join(words[:count]), count >= 2, marker, rest)


def _name_length(words: list[str]) -> int:
    """Words in a leading personal name: a forename, initials, particles, a surname."""
    if not words or not _NAME_WORD.match(words[0]) or words[0] in _NOT_NAMES:
        return 0
    count = 1
    while count < len(words) and (_INITIAL.match(words[count]) or words[count] in _PARTICLES):
        count += 1
    if count < len(words) and _NAME_WORD.match(words[count]):
        count += 1
    return count


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z-]*", re.sub(r"\([^)]*\)", " ", text.lower()))


def _is_organisation(text: str) -> bool:
    """Whether printed words name an organisation rather than a job or a place."""
    words = _words(text)
    if not words:
        return False
    if words[0] in _ORGANISATION_HEADS:
        return True
    return words[-1] not in _JOB_WORDS and any(word in _ORGANISATION_WORDS for word in words)


def _title_and_organisation(rest: str) -> tuple[str | None, str | None]:
    """ "Director, Kirklees Council" -> title and organisation; a bare place stays in the title."""
    head, comma, tail = rest.rpartition(",")
    if comma and _is_organisation(tail):
        return head.strip() or None, tail.strip()
    if not comma and _is_organisation(rest):
        return None, rest
    return rest or None, None


def _continues(entry: str, line: str) -> bool:
    """Whether a list line carries on the entry above it, a table cell that wrapped."""
    if len(line.split()) == 1 or line[0].islower() or _DANGLING.search(entry):
        return True
    above = _split_name(entry)
    if not above.complete or (not above.rest and _is_organisation(line)):
        return True
    return any(word in _ORGANISATION_WORDS for word in _words(_split_name(line).name))


def _list_kind(text: str) -> str | None:
    return next((kind for kind, header in _LISTS if header.fullmatch(text)), None)


def _meeting_starts(lines: Lines, body_ref: str) -> list[tuple[int, int]]:
    """(first line, dated line) of each meeting: the body's name may sit just above the date."""
    starts: list[tuple[int, int]] = []
    body = fold(body_ref).casefold()
    for number in range(1, len(lines) + 1):
        match = _DATE_LINE.match(lines[number])
        if not match or parse_day(match[1]) is None:
            continue
        above = [n for n in range(number - 1, 0, -1) if lines[n].strip()][:_TITLE_LOOKBACK]
        first = number
        for count in range(1, len(above) + 1):
            if lines.span(above[count - 1], number - 1).casefold() == body:
                first = above[count - 1]
        starts.append((first, number))
    return starts


class _BlockReader:
    """Reads one meeting's lines: venue, lists, then numbered items."""

    def __init__(self, lines: Lines, dated: int, end: int) -> None:
        self.lines, self.end = lines, end
        match = _DATE_LINE.match(lines[dated])
        assert match is not None
        day = parse_day(match[1])
        assert day is not None
        self.meeting = _Meeting(day, _Span(dated, dated, fold(lines[dated])), fold(match[2]))
        self.number = dated + 1

    def read(self, first: int) -> _Meeting:
        self.meeting.header.first = first
        self._venue()
        self._front()
        self._items()
        return self.meeting

    def _text(self) -> str:
        return self.lines[self.number].strip()

    def _venue(self) -> None:
        """Lines after the date, up to the first list or a gap of two blank lines."""
        blanks = 0
        while self.number <= self.end and blanks < 2:
            text = self._text()
            if not text:
                blanks += 1
            elif _list_kind(text) or ":" in text or _RULE.match(text):
                return
            elif self.meeting.venue is None:
                self.meeting.venue = _Span(self.number, self.number, fold(text))
            else:
                self.meeting.venue.extend(self.number, text)
                blanks = 0
            self.number += 1

    def _front(self) -> None:
        """Member, attendance and apology lists and the agenda contact, up to the first item."""
        kind: str | None = None
        while self.number <= self.end and not _ITEM.match(self.lines[self.number]):
            text = self._text()
            entries = self.meeting.entries
            if not text or _NOISE.match(text):
                pass
            elif found := _list_kind(text):
                kind = found
            elif contact := _AGENDA_CONTACT.match(text):
                self.meeting.contact, kind = _Span(self.number, self.number, contact[1]), None
            elif _EMAIL.match(text) and self.meeting.contact and self.meeting.email is None:
                self.meeting.email = _Span(self.number, self.number, text)
            elif ":" in text or _RULE.match(text):
                kind = None
            elif (
                kind and entries and entries[-1].kind == kind and _continues(entries[-1].text, text)
            ):
                entries[-1].extend(self.number, text)
            elif kind:
                entries.append(_Entry(self.number, self.number, fold(text), kind))
            self.number += 1

    def _items(self) -> None:
        """Numbered items in sequence; after a rule, anything but the next item ends them."""
        item: _Item | None = None
        body: list[tuple[int, str]] = []
        after_rule = False
        while self.number <= self.end:
            text = self._text()
            heading = _ITEM.match(self.lines[self.number])
            if heading and (item is None or int(heading[1]) == item.number + 1):
                if item is not None:
                    _read_body(item, body)
                item, body, after_rule = self._heading(int(heading[1])), [], False
                self.meeting.items.append(item)
                continue
            if after_rule and text:
                break
            if item is not None:
                after_rule = bool(_RULE.match(text))
                body.append((self.number, "" if after_rule or _NOISE.match(text) else text))
            self.number += 1
        if item is not None:
            _read_body(item, body)

    def _heading(self, number: int) -> _Item:
        """An item heading, joined with the next line when it breaks off mid-phrase."""
        span = _Span(self.number, self.number, self._text())
        self.number += 1
        while self.number <= self.end and _DANGLING.search(span.text) and self._text():
            span.extend(self.number, self._text())
            self.number += 1
        return _Item(number, span)


def _read_body(item: _Item, body: list[tuple[int, str]]) -> None:
    """Sort an item's paragraphs into officer labels, actions agreed and the rest."""
    in_actions = False
    current: _Span | None = None
    for number, text in body:
        if not text:
            current = None
        elif officer := _OFFICER.match(text):
            kind = "lead officer" if officer[1].lower() == "lead" else "contact"
            current = _Officer(number, number, fold(officer[2]), kind)
            item.officers.append(current)
        elif _ACTIONS.match(text):
            in_actions, current = True, None
        elif current is not None:
            current.extend(number, text)
        else:
            current = _Span(number, number, fold(text))
            (item.actions if in_actions else item.paragraphs).append(current)


def _name(text: str) -> str:
    return fold(text).rstrip(".:;")


class _Pack:
    """Records for one pack; people are remembered by name to find the owners of actions."""

    def __init__(self, lines: Lines, body_ref: str) -> None:
        self.lines, self.body_ref = lines, body_ref
        self.body_slug = slugify(body_ref)
        self.out = Collector()
        self.people: dict[str, str] = {}
        self.actions: list[tuple[str, _Span]] = []

    def add_meeting(self, meeting: _Meeting) -> None:
        meeting_id = f"meeting/{self.body_slug}-{meeting.day.isoformat()}"
        for entry in meeting.entries:
            self._entry(entry, meeting, meeting_id)
        if meeting.contact:
            self._agenda_contact(meeting.contact, meeting.email, meeting_id)
        agenda = [self._item(item, meeting, meeting_id) for item in meeting.items]
        sources = [self.lines.source(meeting.header.first, meeting.header.last)]
        if meeting.venue:
            sources.append(self.lines.source(meeting.venue.first, meeting.venue.last))
        self.out.entity(
            "meetings",
            {
                "id": meeting_id,
                "name": f"{self.body_ref} {meeting.day.day} {meeting.day:%B %Y}",
                "body": self.body_ref,
                "date": meeting.day,
                "time": meeting.time or None,
                "venue": meeting.venue.text if meeting.venue else None,
                "agenda": agenda or None,
                "sources": sources,
            },
        )

    def _person(self, named: _Named, span: _Span, quote: str, **fields: str | None) -> str:
        person = f"person/{slugify(named.name)}"
        self.out.entity(
            "people",
            {
                "id": person,
                "name": named.name,
                "honorific": named.honorific,
                **fields,
                "sources": [self.lines.source(span.first, span.last, quote)],
            },
        )
        self.people[named.name] = person
        return person

    def _organisation(self, printed: str, span: _Span) -> str:
        acronym = _ACRONYM.match(printed)
        name = acronym[1] if acronym else printed
        organisation = f"organisation/{slugify(name)}"
        self.out.entity(
            "organisations",
            {
                "id": organisation,
                "name": name,
                "aliases": [acronym[2]] if acronym else None,
                "kind": next(
                    (kind for are, kind in _ORGANISATION_KINDS if are.search(name)), "other"
                ),
                "sources": [self.lines.source(span.first, span.last, printed)],
            },
        )
        return organisation

    def _entry(self, entry: _Entry, meeting: _Meeting, meeting_id: str) -> None:
        """A list entry: the person, their organisation, and the roles the list gives them."""
        named = _split_name(entry.text)
        if not named.complete:
            return
        title, printed = _title_and_organisation(named.rest)
        organisation = self._organisation(printed, entry) if printed else None
        person = self._person(named, entry, entry.text, organisation=organisation)
        source = self.lines.source(entry.first, entry.last)
        role: Record = {
            "person": person,
            "title": title,
            "on_behalf_of": organisation,
            "sources": [source],
        }
        listed: Record = {"body": self.body_ref, "listed_on": meeting.day}
        if entry.kind == "member":
            self.out.add("roles", {**role, "kind": "member", **listed})
        if entry.kind != "member" or meeting.minutes:
            kind = "attendee" if entry.kind == "member" else entry.kind
            self.out.add("roles", {**role, "kind": kind, "meeting": meeting_id})
        if named.marker:
            kind = _CHAIR_MARKERS.get(named.marker.lower(), "other")
            marker: Record = {"person": person, "kind": kind, "meeting": meeting_id}
            marker |= listed if kind != "other" else {"title": named.marker}
            self.out.add("roles", {**marker, "sources": [source]})

    def _agenda_contact(self, contact: _Span, email: _Span | None, meeting_id: str) -> None:
        named = _split_name(contact.text)
        if not named.complete:
            return
        span = _Span(contact.first, email.last if email else contact.last, contact.text)
        person = self._person(named, span, named.name, email=email.text if email else None)
        self.out.add(
            "roles",
            {
                "person": person,
                "kind": "contact",
                "meeting": meeting_id,
                "sources": [self.lines.source(contact.first)],
            },
        )

    def _item(self, item: _Item, meeting: _Meeting, meeting_id: str) -> Record:
        """An agenda item with its officers (as roles too) and its actions agreed."""
        title = re.sub(r"^\d+\s+", "", item.heading.text)
        private = bool(_PRIVATE.search(title))
        leads: list[str] = []
        contacts: list[str] = []
        for officer in item.officers:
            printed, _, job = officer.text.partition(",")
            named = _split_name(printed.strip())
            if not named.complete or named.rest:
                continue
            person = self._person(named, officer, named.name)
            (leads if officer.kind == "lead officer" else contacts).append(person)
            self.out.add(
                "roles",
                {
                    "person": person,
                    "kind": officer.kind,
                    "title": fold(job) or None,
                    "meeting": meeting_id,
                    "agenda_item": str(item.number),
                    "sources": [self.lines.source(officer.first, officer.last)],
                },
            )
        for index, action in enumerate(item.actions, 1):
            self._action(action, item.number, index, meeting_id)
        # An agenda states each item's purpose in sentences; minutes record discussion instead.
        sentences = [] if meeting.minutes else item.paragraphs
        purpose = " ".join(span.text for span in sentences if span.text.endswith("."))
        record: Record = {
            "number": str(item.number),
            "title": _PRIVATE.sub("", title) if private else title,
            "purpose": purpose or None,
            "private": private or None,
            "lead_officers": leads or None,
            "contact_officers": contacts or None,
            "sources": [self.lines.source(item.heading.first, item.heading.last)],
        }
        return {key: value for key, value in record.items() if value is not None}

    def _action(self, action: _Span, item: int, index: int, meeting_id: str) -> None:
        meeting = meeting_id.removeprefix("meeting/")
        commitment = f"commitment/{meeting}-item-{item}-action-{index}"
        self.out.entity(
            "commitments",
            {
                "id": commitment,
                "name": _name(action.text),
                "kind": "action agreed",
                "ref": str(item),
                "meeting": meeting_id,
                "sources": [
                    self.lines.source(
                        action.first, action.last, opening(action.text, _ACTION_QUOTE_WORDS)
                    )
                ],
            },
        )
        self.actions.append((commitment, action))

    def link_owners(self) -> None:
        """LEADS from a person the pack names to an action that says "<name> to <verb>"."""
        for commitment, action in self.actions:
            for name, person in self.people.items():
                owner = rf"(?:^|[.;:]\s+)(?P<owner>{re.escape(name)}\s+to\s+(?!be\b)[a-z])"
                found = re.search(owner, action.text)
                if found is None:
                    continue
                sentence = re.match(r"[^.]*\.?", action.text[found.start("owner") :])
                assert sentence is not None
                self.out.add(
                    "relations",
                    {
                        "type": "LEADS",
                        "from": person,
                        "to": commitment,
                        "sources": [self.lines.source(action.first, action.last, sentence[0])],
                    },
                )


def extract_meeting_pack(
    path: Path,
    document_id: str,
    body_ref: str = "Kirklees Community Safety Partnership Executive",
) -> Records:
    """Canonical records for every meeting in a pack of `body_ref`, each citing its lines."""
    lines = Lines.read(path, document_id)
    pack = _Pack(lines, body_ref)
    starts = _meeting_starts(lines, body_ref)
    ends = [first - 1 for first, _ in starts[1:]] + [len(lines)]
    for (first, dated), end in zip(starts, ends, strict=True):
        pack.add_meeting(_BlockReader(lines, dated, end).read(first))
    pack.link_owners()
    return pack.out.records()
