"""Facts in, a dataset directory out.

A dataset made by ingestion is an ordinary dataset (docs/dataset-format.md):

- `dataset.yaml`, written once;
- `documents/<slug>.txt`, each document's normalised text, so every source cites its lines;
- `<slug>.yaml` per document: its document record (with the original file's name and
  checksum), its meeting, plan or decision, roles, commitments and relations;
- `entities.yaml`: the people, bodies and organisations the documents name, each once,
  with a source in every document that names it;
- `review.yaml`: what a person should check, each with document file and line;
- `decisions.yaml`, when a reviewer writes one: names that are one record, or no one,
  applied to the whole dataset at every ingest (loaders/ingest/decisions.py).

Ingestion adds to a directory that holds a dataset already (references resolve against
every record in it), and recognises a file it has seen by its checksum. Nothing is written
unless the whole dataset, old and new, validates: the new state is built beside the old
and swapped in.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph.names import fold
from loaders.dataset import Dataset, DatasetInvalid, read_dataset
from loaders.files import replacing_directory
from loaders.ingest.decisions import (
    DECISIONS,
    Applied,
    DecisionsInvalid,
    apply_decisions,
    read_decisions,
)
from loaders.ingest.facts import (
    ActionFact,
    AgendaFact,
    DocumentFacts,
    MeetingFacts,
    PersonFact,
    PriorityFact,
    RelationFact,
)
from loaders.ingest.plans import plan_period
from loaders.ingest.resolve import Bodies, Index, Known, People
from loaders.ingest.text import Text
from loaders.records import Body, Document, Organisation, Person

Record = dict[str, Any]

CHAIR_POST = re.compile(r"(?:the\s+)?chair(?:man|woman|person)?", re.IGNORECASE)
"""An owner that is the post of whoever chairs the meeting ("The Chair", "Chairman")."""

MEETING_POST = re.compile(
    r"\b(?:(?:vice|deputy)[\s-]+)?chair(?:man|woman|person)?\b|\bclerk\b|\bsecretary\b",
    re.IGNORECASE,
)
"""A post at a meeting in an owner ("Vice-Chair", "Chair of the Board", "The Clerk"): no one's
name, so without a named holder it is a doubt, not a person or a body."""

ENTITIES = "entities.yaml"
REVIEW = "review.yaml"
DOCUMENTS_DIR = "documents"
ENTITY_SECTIONS = ("organisations", "bodies", "people")
QUOTE_WORDS = 60

BODY_KINDS = (
    ("task group", "task group"), ("sub-group", "group"), ("subgroup", "group"),
    ("executive", "executive"), ("cabinet", "cabinet"), ("committee", "committee"),
    ("board", "board"), ("panel", "panel"), ("forum", "forum"), ("network", "network"),
    ("group", "group"), ("team", "team"), ("partnership", "partnership"),
)  # fmt: skip
"""A body's kind from the words of its name, most specific first."""

ORGANISATION_KINDS = (
    (r"\bpolice and crime commissioner\b|\bopcc\b|\bpcc\b", "opcc"),
    (r"\bpolice\b|\bconstabulary\b", "police"),
    (r"\bfire\b", "fire"),
    (r"\bnhs\b|\bicb\b|\bccg\b|\bhealth\b|\bhospital\b|\btrust\b|\bclinical\b", "health"),
    (r"\bprobation\b", "probation"),
    (r"\bhousing\b|\bhomes\b", "housing"),
    (r"\bcouncil\b|\b(?:m?bc|dc|cc|mdc)\b|\bcounty\b|\bborough\b", "council"),
    (r"\bvoluntary\b|\bcharity\b|\bcvs\b|\bvictim support\b", "voluntary sector"),
    (r"\bhome office\b|\bministry\b|\bgovernment\b", "government"),
)
"""An organisation's kind from the words of its name."""

ACRONYM_KINDS = (
    (r"PCC$", "opcc"),
    (r"F(?:R|&R)S$|FRA$|FRS\b", "fire"),
    (r"^(?:NHS|ICB|CCG)|(?:ICB|CCG|FT|NHS)$", "health"),
    (r"^(?:NPS|CRC)$", "probation"),
    (r"(?:M?BC|DC|CC|MDC)$", "council"),
)
"""What an organisation written as its initials is: WSCC and SBC are councils, WSFRS a
fire and rescue service, OSPCC a police and crime commissioner's office."""


def organisation_kind(name: str) -> str | None:
    """An organisation's kind from its name or its initials; None when neither says."""
    word = name.strip()
    if word.isupper() and " " not in word:
        return next((k for pattern, k in ACRONYM_KINDS if re.search(pattern, word)), None)
    return next((k for pattern, k in ORGANISATION_KINDS if re.search(pattern, name, re.I)), None)


BODY_WORDS = "board|partnership|group|panel|executive|committee|forum"
BODY_NAME = re.compile(rf"\b(?:{BODY_WORDS})\b", re.IGNORECASE)
"""A name that names a kind of body."""
OWNER_NAME = re.compile(
    rf"\b(?:{BODY_WORDS}|team|service|council|police|trust|unit)\b", re.IGNORECASE
)
"""A name that names a body or an organisation, so an action's owner is no person."""

ORGANISATION_WORDS = re.compile(
    "|".join(pattern for pattern, _ in ORGANISATION_KINDS) + r"|\bservice\b|\buniversity\b",
    re.IGNORECASE,
)

RELATION_TYPES = {
    "reports_to": ("REPORTS_TO", None),
    "accountable_to": ("REPORTS_TO", "accountable to"),
    "delivers_for": ("REPORTS_TO", "delivers on behalf of"),
    "part_of": ("PART_OF", None),
    "owns": ("OWNS", None),
    "governs": ("GOVERNS", None),
}
"""Relation facts that become a relation from the first body to the second."""


_APOSTROPHES = re.compile(r"['’‘]")
_WORD = re.compile(r"[a-z0-9]+")
_TRAILING_STOPWORDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "our", "the", "to", "with"]
)


def slugify(text: str, max_length: int = 60) -> str:
    """Lower-case words joined by `-`, cut at a word boundary so ids stay readable."""
    words = _WORD.findall(_APOSTROPHES.sub("", text.lower()))
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([*kept, word])) > max_length:
            break
        kept.append(word)
    while len(kept) > 1 and kept[-1] in _TRAILING_STOPWORDS:
        kept.pop()
    return "-".join(kept)


class IngestFailed(Exception):
    """What stops a document or a dataset from being written: one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Outcome:
    """What ingesting one file did, for the command's report."""

    original: str
    document: str
    counts: Counter[str] = field(default_factory=Counter)
    review: int = 0
    unchanged: bool = False


class Draft:
    """A dataset directory as ingestion will leave it: the records it holds already (to
    resolve names against), and what each new document adds."""

    def __init__(self, root: Path, area: str | None) -> None:
        self.root = root.resolve()  # "..", "." and a link to the dataset: its real place
        self.people = People()
        self.bodies = Bodies()
        self.organisations = Bodies()
        self.entities: dict[str, dict[str, Record]] = {s: {} for s in ENTITY_SECTIONS}
        self.files: dict[str, dict[str, list[Record]]] = {}
        self.texts: dict[str, str] = {}
        self.review: list[Record] = []
        self.replaced: set[str] = set()
        self.checksums: dict[str, str] = {}
        self.originals: dict[str, str] = {}
        """Document id -> the name of the file it was ingested from."""
        self.ids: set[str] = set()
        self.info = {"name": slugify(area or self.root.name) or "dataset",
                     "title": area or self.root.name, "documents_dir": DOCUMENTS_DIR}  # fmt: skip
        try:
            self.decisions = read_decisions(self.root)
        except DecisionsInvalid as invalid:
            raise IngestFailed([*invalid.problems, f"{root}: nothing was ingested"]) from None
        self.decided = Applied()
        if (root / "dataset.yaml").exists():
            self._read_existing()

    def _read_existing(self) -> None:
        try:
            dataset = read_dataset(self.root)
        except DatasetInvalid as invalid:
            raise IngestFailed(
                [str(p) for p in invalid.problems]
                + [f"{self.root}: not a valid dataset; nothing was ingested"]
            ) from None
        self.info = {**self.info, **dataset.info.model_dump(exclude_none=True)}
        managed = _load_yaml(self.root / ENTITIES)
        for section in ENTITY_SECTIONS:
            for record in managed.get(section) or []:
                self.entities[section][record["id"]] = record
        self.review = list(_load_yaml(self.root / REVIEW).get("review") or [])
        self._index(dataset)

    def _index(self, dataset: Dataset) -> None:
        for item in dataset.records:
            record = item.record
            record_id = getattr(record, "id", None)
            if record_id:
                self.ids.add(record_id)
            names = [getattr(record, "name", ""), *getattr(record, "aliases", [])]
            if isinstance(record, Person):
                self.people.add(Known(record.id, names[0], names[1:]))
            elif isinstance(record, Body):
                self.bodies.add(Known(record.id, names[0], names[1:]))
            elif isinstance(record, Organisation):
                self.organisations.add(Known(record.id, names[0], names[1:]))
            elif isinstance(record, Document) and record.checksum and record.original:
                self.checksums[record.checksum] = record.id
                self.originals[record.id] = record.original

    # -- adding a document -----------------------------------------------------------

    def add(self, text: Text, facts: DocumentFacts, published: dt.date | None) -> Outcome:
        known = self.checksums.get(text.checksum)
        if known is not None:
            return Outcome(text.original, known, unchanged=True)
        title = facts.title or text.title or Path(text.original).stem
        base = slugify(title) or "document"
        previous = next(
            (d for d, original in self.originals.items()
             if original == text.original and d.removeprefix("document/").startswith(base)),
            None,
        )  # fmt: skip
        if previous is not None:  # a new version of a file ingested before
            self._forget(previous)
            document_id = previous
        else:
            document_id = self.new_id("document", base)
        self.originals[document_id] = text.original
        slug = document_id.removeprefix("document/")
        writer = _DocumentWriter(self, text, facts, document_id, slug)
        writer.write(published)
        self.checksums[text.checksum] = document_id
        return writer.outcome

    def _forget(self, document_id: str) -> None:
        """A new version of a document replaces the old: its file, text, review entries and
        the sources that cite it go; entities only it named go with them."""
        self.replaced.add(document_id)
        for section, records in self.entities.items():
            for entity_id, record in list(records.items()):
                record["sources"] = [s for s in record["sources"] if s["document"] != document_id]
                if not record["sources"]:
                    del records[entity_id]
                    self._unknow(section, entity_id)
        self.review = [r for r in self.review if r.get("document") != document_id]

    def index(self, section: str) -> Index:
        """The names known in one of the entity sections."""
        if section == "people":
            return self.people
        return self.bodies if section == "bodies" else self.organisations

    def _unknow(self, section: str, entity_id: str) -> None:
        index = self.index(section)
        index.known = [k for k in index.known if k.id != entity_id]
        self.ids.discard(entity_id)

    def new_id(self, kind: str, name: str) -> str:
        base = f"{kind}/{slugify(name) or kind}"
        candidate, number = base, 2
        while candidate in self.ids:
            candidate, number = f"{base}-{number}", number + 1
        self.ids.add(candidate)
        return candidate

    # -- writing ----------------------------------------------------------------------

    def commit(self) -> None:
        """Write the new state beside the old, validate it whole, and swap it in."""
        with replacing_directory(self.root) as staged:
            self._write(staged)
            self._decide(staged)
            self._write_names(staged)
            try:
                read_dataset(staged)
            except DatasetInvalid as invalid:
                problems = [str(p).replace(str(staged), str(self.root)) for p in invalid.problems]
                raise IngestFailed(
                    [*problems, *self._decided_away(), f"{self.root}: nothing was written"]
                ) from None

    def _decide(self, root: Path) -> None:
        """Apply the reviewer's decisions to every ingested record, old and new (the
        documents' files on disk, the entities and doubts in memory); the doubts they answer
        leave review.yaml."""
        if self.decisions.empty:
            return
        files = {
            path: _load_yaml(path)
            for document_id in self.originals
            if (path := root / f"{document_id.removeprefix('document/')}.yaml").exists()
        }
        self.decided = apply_decisions(self.decisions, self.entities, list(files.values()))
        for path, sections in files.items():
            _dump(path, {k: v for k, v in sections.items() if v})
        self.review = [r for r in self.review if not self.decisions.settles(r)]

    def _decided_away(self) -> list[str]:
        """When the decisions merged or removed records, which: a record they do not reach
        (a meeting of a body said to be no one, a hand-written file) may still name one."""
        gone = self.decided.gone
        if not gone:
            return []
        said = ", ".join(
            f"{old} -> {new}" if new else f"{old} removed" for old, new in gone.items()
        )
        return [f"{self.root / DECISIONS}: the decisions merged or removed {said}; a record "
                "above may still name one of them"]  # fmt: skip

    def _write(self, root: Path) -> None:
        for document_id in self.replaced:
            slug = document_id.removeprefix("document/")
            (root / f"{slug}.yaml").unlink(missing_ok=True)
            (root / DOCUMENTS_DIR / f"{slug}.txt").unlink(missing_ok=True)
        _dump(root / "dataset.yaml", {"dataset": self.info})
        (root / DOCUMENTS_DIR).mkdir(exist_ok=True)
        for name, content in self.texts.items():
            (root / DOCUMENTS_DIR / name).write_text(content, encoding="utf-8")
        for name, sections in self.files.items():
            _dump(root / name, {k: v for k, v in sections.items() if v})

    def _write_names(self, root: Path) -> None:
        """The entities and the doubts, as the documents and decisions leave them (neither
        file is kept when it would be empty)."""
        entities = {s: list(r.values()) for s, r in self.entities.items() if r}
        for file, content in ((ENTITIES, entities), (REVIEW, {"review": self.review})):
            (root / file).unlink(missing_ok=True)
            if any(content.values()):
                _dump(root / file, content)


class _DocumentWriter:
    """The records one document gives rise to."""

    def __init__(
        self, draft: Draft, text: Text, facts: DocumentFacts, document_id: str, slug: str
    ) -> None:
        self.draft = draft
        self.text = text
        self.facts = facts
        self.document_id = document_id
        self.file = f"{slug}.txt"
        self.sections: dict[str, list[Record]] = {}
        draft.files[f"{slug}.yaml"] = self.sections
        self.outcome = Outcome(text.original, document_id)

    def write(self, published: dt.date | None) -> None:
        self.draft.texts[self.file] = "\n".join(self.text.lines) + "\n"
        document: Record = {
            "id": self.document_id,
            "title": _clip(self.facts.title or self.text.title or self.text.lines[0], 1000),
            "file": self.file,
            "original": self.text.original[:300],
            "checksum": self.text.checksum,
        }
        if published:
            document["published"] = published
        self.sections["documents"] = [document]
        for unsure in self.facts.unsure:
            self.doubt(unsure.line, unsure.reason, unsure.text)
        {
            "minutes": self._minutes,
            "plan": self._plan,
            "governance": self._relations,
            "decision": self._decision,
        }[self.facts.kind]()

    # -- sources, review ---------------------------------------------------------------

    def source(self, line: int, words: str | None = None) -> Record:
        """A source at a line: the words asked for when the line holds them, else the
        line's opening words (a quote must be words of its lines)."""
        text = fold(self.text.line(line))
        quote = fold(words or "")
        if not quote or quote not in text:
            quote = " ".join(text.split()[:QUOTE_WORDS])
        return {"document": self.document_id, "lines": str(line), "quote": quote}

    def doubt(self, line: int, reason: str, text: str | None = None) -> None:
        self.draft.review.append(
            {"document": self.document_id, "at": f"{DOCUMENTS_DIR}/{self.file}:{line}",
             "reason": reason, "text": fold(text or self.text.line(line))[:500]}
        )  # fmt: skip
        self.outcome.review += 1

    def add(self, section: str, record: Record) -> None:
        self.sections.setdefault(section, []).append(record)

    # -- entities ----------------------------------------------------------------------

    def entity(
        self, section: str, kind: str, name: str, line: int, fields: Record,
        guess: str | None = None,
    ) -> str:  # fmt: skip
        """The id of the person, body or organisation `name` is, new or known. A known one
        made by ingestion gains this source and spelling; a new one is made with `fields`,
        and `guess`, when given, says what of them a reviewer should check."""
        index = self.draft.index(section)
        resolution = index.resolve(name)
        if resolution.doubt:
            self.doubt(line, resolution.doubt, name)
        managed = self.draft.entities[section]
        if resolution.id is not None:
            record = managed.get(resolution.id)
            if record is not None:
                source = self.source(line, name)
                if source not in record["sources"]:
                    record["sources"].append(source)
                spellings = {
                    fold(n).casefold() for n in (record["name"], *record.get("aliases", []))
                }
                if fold(name).casefold() not in spellings and _plain_name(name, section):
                    record.setdefault("aliases", []).append(fold(name))
                    index.add(Known(resolution.id, fold(name)))
            return resolution.id
        if guess:
            self.doubt(line, guess, name)
        entity_id = self.draft.new_id(kind, name)
        managed[entity_id] = {"id": entity_id, "name": fold(name), **fields,
                              "sources": [self.source(line, name)]}  # fmt: skip
        index.add(Known(entity_id, fold(name)))
        return entity_id

    def person(self, name: str, line: int, honorific: str | None = None) -> str:
        fields = {"honorific": honorific} if honorific else {}
        return self.entity("people", "person", name, line, fields)

    def body(self, name: str, line: int) -> str:
        folded = name.casefold()
        kind = next((k for word, k in BODY_KINDS if word in folded), None)
        guess = None if kind else f"the kind of body {name!r} was taken to be a partnership"
        return self.entity("bodies", "body", name, line, {"kind": kind or "partnership"}, guess)

    def organisation(self, name: str, line: int) -> str:
        kind = organisation_kind(name)
        guess = None if kind else f"the kind of organisation {name!r} is not known ('other')"
        return self.entity(
            "organisations", "organisation", name, line, {"kind": kind or "other"}, guess
        )

    def party(self, name: str, line: int) -> str:
        """An end of a relation: an organisation when its name says so and names no kind
        of body, else (most often) a body."""
        if ORGANISATION_WORDS.search(name) and not BODY_NAME.search(name):
            return self.organisation(name, line)
        return self.body(name, line)

    # -- kinds of document -------------------------------------------------------------

    def _minutes(self) -> None:
        facts = self.facts
        if not facts.body:
            raise IngestFailed(
                [f"{self.text.original}: could not tell whose minutes these are; give --body"]
            )
        first = MeetingFacts(1, facts.date, facts.body)
        meetings = [first, *facts.later_meetings]
        starts = [meeting.line for meeting in meetings]
        written = [self._meeting(meeting, meetings, facts.agenda_items) for meeting in meetings]
        if len(meetings) > 1:
            self.outcome.counts["meetings"] += len(meetings)

        def held(line: int) -> tuple[str, str | None, dt.date | None]:
            """The body, meeting and day of the meeting whose part of the text `line` is."""
            return written[bisect_right(starts, line) - 1]

        held_meetings = {  # a meeting whose minutes record who sent apologies or attended
            meeting_id
            for person in facts.people
            if person.role in ("apology", "attendee", "substitute", "absent")
            and (meeting_id := held(person.line)[1]) is not None
        }
        for person in facts.people:
            body, meeting_id, day = held(person.line)
            self._attendance(person, body, meeting_id, day)
            if person.role in ("chair", "member") and meeting_id in held_meetings:
                self._attended(person, meeting_id)
        chairs = {  # who chaired each meeting, for actions given to "the Chair"
            held(person.line)[1]: self.draft.people.resolve(person.name).id
            for person in facts.people
            if person.role == "chair" and person.name
        }
        for position, action in enumerate(facts.actions, start=1):
            _, meeting_id, day = held(action.line)
            name = f"{slugify(facts.body)}-{day or 'undated'}-{position}-{action.text}"
            commitment: Record = {
                "id": self.draft.new_id("commitment", name),
                "name": _clip(action.text, 1000),
                "kind": "action agreed",
                "sources": [self.source(action.line, action.text)],
            }
            if meeting_id:
                commitment["meeting"] = meeting_id
            if action.due:
                commitment["due"] = _clip(action.due, 300)
            self.add("commitments", commitment)
            self._lead(action.owner, commitment["id"], action.line, chair=chairs.get(meeting_id))
            self.outcome.counts["actions"] += 1
        self._relations()

    def _meeting(
        self, meeting: MeetingFacts, meetings: list[MeetingFacts], agenda: list[AgendaFact]
    ) -> tuple[str, str | None, dt.date | None]:
        """One meeting the minutes record, with the agenda items on its lines: its body's
        id, its own id (none without a date) and its day."""
        name = meeting.body or self.facts.body or ""
        body = self.body(name, meeting.line)
        day = meeting.day()
        if day is None:
            self.doubt(
                meeting.line, "no meeting date found: attendance and apologies are not recorded"
            )
            return body, None, None
        meeting_id = self.draft.new_id("meeting", f"{slugify(name)}-{day.isoformat()}")
        record: Record = {
            "id": meeting_id,
            "name": f"{fold(name)}, {day.day} {day:%B %Y}",
            "body": body,
            "date": day,
            "sources": [self.source(_line_of(self.text, day, meeting.line) or meeting.line)],
        }
        following = next((m.line for m in meetings if m.line > meeting.line), None)
        items = [
            {"number": item.number or str(position), "title": _clip(item.title or "", 1000),
             "sources": [self.source(item.line, item.title)]}
            for position, item in enumerate(agenda, start=1)
            if item.title and meeting.line <= item.line < (following or len(self.text.lines) + 1)
        ]  # fmt: skip
        if items:
            record["agenda"] = _unique_numbers(items)
        self.add("meetings", record)
        self.outcome.counts["agenda items"] += len(items)
        return body, meeting_id, day

    def _attendance(
        self, fact: PersonFact, body: str, meeting: str | None, day: dt.date | None
    ) -> None:
        if not fact.name:
            self.doubt(fact.line, f"a post without a name ({fact.title or fact.role})")
            return
        person = self.person(fact.name, fact.line, fact.honorific)
        role: Record = {"person": person}
        if fact.role in ("chair", "member", "absent"):
            role |= {"kind": "member" if fact.role == "absent" else fact.role, "body": body}
            if day:
                role["listed_on"] = day
        elif meeting is None:
            return  # no meeting to have attended; said once in review.yaml
        else:
            role |= {"kind": "apology" if fact.role == "apology" else "attendee",
                     "meeting": meeting}  # fmt: skip
        if fact.title or fact.substitute_for:
            title = fact.title or f"substitute for {fact.substitute_for}"
            role["title"] = _clip(title, 300)
        if fact.organisation:
            role["on_behalf_of"] = self.organisation(fact.organisation, fact.line)
        role["sources"] = [self.source(fact.line, fact.name)]
        self.add("roles", role)
        self.outcome.counts[_PLURAL.get(fact.role, fact.role)] += 1

    def _attended(self, fact: PersonFact, meeting: str | None) -> None:
        """A member listed in the minutes of a meeting held (its apologies or attendance
        recorded beside them) attended it: the list of those present names the members
        first. A pack's front page lists members before the meeting and records no one."""
        if not fact.name or meeting is None:
            return
        person = self.person(fact.name, fact.line, fact.honorific)
        role: Record = {"person": person, "kind": "attendee", "meeting": meeting}
        if fact.role == "chair":
            role["title"] = "Chair"
        role["sources"] = [self.source(fact.line, fact.name)]
        self.add("roles", role)

    def _lead(
        self, owner: str | None, subject: str, line: int, kind: str = "LEADS",
        chair: str | None = None,
    ) -> None:  # fmt: skip
        """`owner` leads `subject`, when the owner is someone the dataset knows or a name
        that can only be a person's or a body's; otherwise the doubt is recorded. Work given
        to "the Chair" is the meeting's chair's, when the minutes name them (`chair`)."""
        if not owner:
            return
        resolution = self.draft.people.resolve(owner)
        if CHAIR_POST.fullmatch(owner.strip()) and chair is not None:
            who = chair
        elif resolution.id is not None:
            who = resolution.id
        elif MEETING_POST.search(owner):
            self.doubt(line, f"owner {owner!r} is a post, and no one holding it is named", owner)
            return
        elif _person_like(owner):
            who = self.person(owner, line)
        elif self.draft.bodies.resolve(owner).id is not None or _body_like(owner):
            who = self.body(owner, line)
        else:
            self.doubt(line, f"owner {owner!r} is not a person or body the dataset knows", owner)
            return
        self.add("relations", {"type": kind, "from": who, "to": subject,
                               "sources": [self.source(line, owner)]})  # fmt: skip

    def _plan(self) -> None:
        facts = self.facts
        title = fold(facts.title or self.text.title or self.text.lines[0])
        plan: Record = {
            "id": self.draft.new_id("plan", title),
            "name": _clip(title, 300),
            "kind": "strategy" if "strategy" in title.casefold() else "plan",
            "sources": [self.source(_line_of_words(self.text, title) or 1, title)],
        }
        period = plan_period(title)
        if period:
            plan |= {"period_text": period, **_period_dates(period)}
        self.add("plans", plan)
        if facts.body:
            owner = self.body(facts.body, 1)
            self.add("relations", {"type": "OWNS", "from": owner, "to": plan["id"],
                                   "sources": [self.source(1)]})  # fmt: skip
        for item in facts.priorities:
            commitment: Record = {
                "id": self.draft.new_id("commitment", f"{slugify(title)}-{item.text}"),
                "name": _clip(item.text, 1000),
                "kind": item.kind,
                "plan": plan["id"],
                "sources": [self.source(item.line, item.text)],
            }
            if item.timescale:
                commitment["due"] = _clip(item.timescale, 300)
            self.add("commitments", commitment)
            self._lead(item.lead, commitment["id"], item.line)
            self._lead(item.portfolio_holder, commitment["id"], item.line, "PORTFOLIO_HOLDER_FOR")
            self.outcome.counts[_PLURAL[item.kind]] += 1
        self._relations()

    def _decision(self) -> None:
        facts = self.facts
        title = fold(facts.title or self.text.title or self.text.lines[0])
        decision: Record = {"id": self.draft.new_id("decision", title),
                            "name": _clip(title, 300), "sources": [self.source(1)]}  # fmt: skip
        day = facts.day()
        if day:
            decision["date"] = day
        if facts.body:
            decision["body"] = self.body(facts.body, 1)
        self.add("decisions", decision)
        decided: list[ActionFact | PriorityFact] = [*facts.actions, *facts.priorities]
        for item in decided:
            commitment: Record = {
                "id": self.draft.new_id("commitment", f"{slugify(title)}-{item.text}"),
                "name": _clip(item.text, 1000),
                "kind": "action",
                "sources": [self.source(item.line, item.text)],
            }
            self.add("commitments", commitment)
            self.outcome.counts["decided"] += 1
        for person in facts.people:
            if person.name:
                self.add("roles", {"person": self.person(person.name, person.line,
                                                          person.honorific),
                                   "kind": "other", "subject": decision["id"],
                                   "title": _clip(person.title or person.role, 300),
                                   "sources": [self.source(person.line, person.name)]})  # fmt: skip
                self.outcome.counts["people"] += 1
        self._relations()

    def _relations(self) -> None:
        for fact in self.facts.relations:
            self._relation(fact)

    def _relation(self, fact: RelationFact) -> None:
        source = [self.source(fact.line, fact.quote)]
        if fact.type == "chaired_by":
            chair = self.person(fact.target, fact.line)
            body = self.body(fact.source, fact.line)
            self.add("roles", {"person": chair, "kind": "chair", "body": body, "sources": source})
        elif fact.type == "overseen_by":
            overseer = self.party(fact.target, fact.line)
            overseen = self.party(fact.source, fact.line)
            self.add(
                "relations",
                {"type": "OVERSEES", "from": overseer, "to": overseen, "sources": source},
            )
        else:
            kind, qualifier = RELATION_TYPES[fact.type]
            ends = self.party(fact.source, fact.line), self.party(fact.target, fact.line)
            relation: Record = {"type": kind, "from": ends[0], "to": ends[1], "sources": source}
            if qualifier:
                relation["qualifier"] = qualifier
            if relation["from"] == relation["to"]:
                self.doubt(fact.line, "a relation of a body to itself was left out", fact.quote)
                return
            self.add("relations", relation)
        self.outcome.counts["relations"] += 1


_PLURAL = {"chair": "chairs", "member": "members", "attendee": "attendees",
           "apology": "apologies", "substitute": "substitutes", "absent": "absent",
           "priority": "priorities", "objective": "objectives", "action": "actions",
           "deliverable": "deliverables"}  # fmt: skip


def _plain_name(name: str, section: str) -> bool:
    """A spelling worth keeping as an alias: not an abbreviation of a person's name."""
    return section != "people" or len(name.split()) > 1


def _person_like(text: str) -> bool:
    """Two to four capitalised words, not a body's name, and not a post ("The Clerk"): no
    one's name starts with "The"."""
    words = text.split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and words[0].casefold() != "the"
        and not _body_like(text)
    )


def _body_like(text: str) -> bool:
    """A name that can only be a body's or an organisation's, not a person's."""
    return bool(OWNER_NAME.search(text))


def _period_dates(period: str) -> Record:
    """The first and last day of the years a period names ("2021-2024": 2021 to 2024;
    "2022/23 to 2024/25": 2022 to 2025)."""
    years: list[int] = []
    for number in re.findall(r"\d{4}|(?<=[/-])\d{2}\b", period):
        year = int(number)
        if year > 100:
            years.append(year)
        elif years:  # "/23" after "2022"
            years.append(years[-1] // 100 * 100 + year)
    if not years:
        return {}
    return {"period_from": dt.date(min(years), 1, 1), "period_to": dt.date(max(years), 12, 31)}


def _line_of(text: Text, day: dt.date, start: int = 1) -> int | None:
    """The first line from `start` that states the date, in any common spelling."""
    spellings = (f"{day.day} {day:%B}", f"{day:%B} {day.day}", day.strftime("%d/%m/%Y"),
                 day.isoformat(), f"{day.day}th {day:%B}", f"{day.day}st {day:%B}",
                 f"{day.day}nd {day:%B}", f"{day.day}rd {day:%B}")  # fmt: skip
    for number, line in text.numbered()[start - 1 :]:
        folded = line.casefold()
        if any(s.casefold() in folded for s in spellings):
            return number
    return None


def _line_of_words(text: Text, words: str) -> int | None:
    wanted = fold(words).casefold()
    return next((n for n, line in text.numbered() if wanted in fold(line).casefold()), None)


def _unique_numbers(agenda: list[Record]) -> list[Record]:
    """Agenda numbers name items: a number seen twice gets a suffix."""
    seen: Counter[str] = Counter()
    for item in agenda:
        seen[item["number"]] += 1
        if seen[item["number"]] > 1:
            item["number"] = f"{item['number']} ({seen[item['number']]})"
    return agenda


def _clip(text: str, limit: int) -> str:
    text = fold(text)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _load_yaml(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else {}


def _dump(path: Path, content: dict[str, Any]) -> None:
    text = yaml.dump(content, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")


class _NoAliases(yaml.SafeDumper):
    """Datasets refuse YAML aliases: never write one, even for a value used twice."""

    def ignore_aliases(self, data: Any) -> bool:
        return True
