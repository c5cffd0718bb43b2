"""Decision records and notices as facts: who decided, when, what, who answers for it.

Councils publish decisions as cabinet decision records, modern.gov issue pages ("Meeting:
29/01/2024 - Cabinet (Item 43)"), decision notices ("Decision maker:", "Portfolio
holder:", "Reason for decision:") and reports recommending a decision ("TO COUNCIL", "ON
WEDNESDAY 18 MAY, 2011", "TITLE:"). What is decided is read from the resolutions: a plan
or strategy approved or adopted is a deliverable, with the period its name gives and the
portfolio holder the record names; a resolution that asks someone to do something, or
sends something on ("be recommended to Council for approval by 31 May 2024"), is an
action with its owner and deadline; resolutions that only note or agree are neither.
People are those the record names as decision maker, portfolio holder or contact, and
those it records presenting the item. An issue page that carries the item's minutes
("Minutes:") gives, besides, the people and actions those minutes record, read as minutes
are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from loaders.ingest.facts import (
    ActionFact,
    AgendaFact,
    DocumentFacts,
    PersonFact,
    PersonRole,
    PriorityFact,
    RelationFact,
)
from loaders.ingest.minutes import MINUTES_LABEL, read_minutes
from loaders.ingest.people import ParsedPerson, is_organisation, parse_person
from loaders.ingest.plans import date_in, deadline_in, plan_items, timescale_in
from loaders.ingest.structure import (
    head_word,
    passages,
    relations_in,
    sentences,
    unsure_about,
)
from loaders.ingest.text import Text

_TOP = 15
_TITLE_WORDS = 4
"""Fewer words than this make a page's label ("Issue - meetings"), not its title."""
_DATE_LABEL = re.compile(
    r"^(?:date\s+of\s+(?:the\s+)?decision|decision\s+date|decided\s+at\s+meeting|"
    r"date\s+of\s+meeting|meeting\s+date)\s*:\s*(?P<value>.+)$",
    re.I,
)
_NAMED_POST = re.compile(
    r"\b(?:Cabinet|Lead|Executive)\s+Member\s+for\s+[A-Z][\w'’-]*"
    r"(?:(?:,\s+|\s+(?:and|&)\s+|\s+)[A-Z][\w'’-]*)*|\bPortfolio\s+Holder\s+for\s+[A-Z][\w'’-]*"
    r"(?:(?:,\s+|\s+(?:and|&)\s+|\s+)[A-Z][\w'’-]*)*"
)
"""The record's heading block: where the body, date, title and portfolio holder stand."""
_HEADING_WORDS = 8
_DECISION_HEADING = re.compile(
    r"^(?:decisions?(?:\s+taken)?|record\s+of\s+(?:the\s+)?decision|recommendations?\s+approved|"
    r"resolved|agreed)\s*:?$",
    re.I,
)
"""A heading over the resolutions themselves, unmarked lines as they often are."""
_MEETING = re.compile(
    r"^Meeting:\s*[^-–]+?\s*[-–]\s*(?P<body>.+?)\s*\(Item\s+(?P<item>[\w./-]+)\)\s*$", re.I
)
"""A modern.gov issue page's meeting line: "Meeting: 29/01/2024 - Cabinet (Item 43)"."""
_BODY_DECISION = re.compile(r"^(?P<body>[A-Z][\w&' -]{1,60}?)\s+Decision\s*:", re.I)
_ADDRESSED_TO = re.compile(r"^(?:report\s+)?to\s+(?:the\s+)?(?P<body>[A-Z][\w&' -]{1,60})$", re.I)
_LABELLED = re.compile(
    r"^(?P<label>decision\s*maker|decision\s+taken\s+by|portfolio\s+holders?|"
    r"cabinet\s+member(?:\s+for\s+[^:]{1,80})?|lead\s+member(?:\s+for\s+[^:]{1,80})?|"
    r"executive\s+member(?:\s+for\s+[^:]{1,80})?|contact(?:\s+officer)?|"
    r"title(?:\s+of\s+(?:item|report|decision))?(?:/report)?|subject)\s*:?\s*(?P<value>.*)$",
    re.I,
)
_PORTFOLIO_POST = re.compile(
    r"portfolio\s+holder|cabinet\s+member|lead\s+member|executive\s+member|\bleader\b|\bmayor\b",
    re.I,
)
_CONTACT_DETAILS = re.compile(
    r"\s*(?:,?\s*(?:tel|telephone|email|e-mail|phone)\b.*|\s+\d[\d ]{6,}.*)$", re.I
)
_ATTACHMENT = re.compile(r"\s*(?:pdf\s+icon\s*)?PDF\s+\d+\s*[KM]B\s*$", re.I)
"""The link to the report after an item's title: "pdf icon PDF 144 KB"."""
_MARKER = re.compile(r"^(?:\(?[a-z0-9]{1,3}[.)]|[•·▪●–-])\s+", re.I)
_RESOLVED = re.compile(r"^(?:resolved|agreed|decision|decided)\s*(?:that|:)?\s*(?:[:,-]\s*)?", re.I)
_DECIDED_VERB = r"approved|adopted|endorsed|agreed|ratified"
_DECIDED_AT_END = re.compile(
    rf",?\s*(?:as\s+(?:presented|amended|attached|set\s+out)\s*,?\s*)?"
    rf"(?:\b(?:be|by|is|are|was|were|been)\s+)?(?:{_DECIDED_VERB})\W*$",
    re.I,
)
_TO_DECIDE = re.compile(r"^to\s+(?:approve|adopt|endorse|ratify|agree)\s+(?P<what>.+)$", re.I)
_BODY_DECIDED = re.compile(
    r"^(?:the\s+)?(?:cabinet|council|full\s+council|committee|board|executive|mayor|"
    r"partnership|portfolio\s+holder|cabinet\s+member|leader)\b[^,]{0,60}?\s+"
    r"(?:approved|adopted|endorsed|ratified|agreed)\s+(?P<what>.+)$",
    re.I,
)
"""A record of what a body did: "The Cabinet approved the Community Safety Plan 2022-25"."""
_TO_DO = re.compile(r"^(?:subject\s+to\s+[^,]{1,60},\s*)?to\s+(?P<verb>[a-z]+)\b", re.I)
"""A resolution as a task: "To publish ...", "Subject to (i) above, to recommend ..."."""
_DELEGATIONS = (
    re.compile(
        r"\b(?i:delegate[ds]?\s+authority\s+(?:be\s+given\s+)?to\s+(?:the\s+)?)"
        r"(?P<owner>[A-Z][^,]{2,80}?)\s+to\s+[a-z]",
    ),
    re.compile(
        r"\bauthori[sz](?:e|es|ed|ing)\s+(?:the\s+)?(?P<owner>(?-i:[A-Z])[^,]{2,80}?|officers)"
        r"(?:,[^,]{2,80},)?\s+to\s+(?!(?:note|approve|adopt|endorse|agree)\b)[a-z]",
        re.I,
    ),
    re.compile(
        r"\bauthority\s+to\s+[^.;]{3,160}?,?\s+be\s+(?:given|delegated)\s+to\s+(?:the\s+)?"
        r"(?P<owner>(?-i:[A-Z])[\w&’'-]*(?:\s+(?:of\s+|for\s+|and\s+)?(?-i:[A-Z])[\w&’'-]*)*|officers)",
        re.I,
    ),
)
"""Work a decision delegates, and to whom: "Delegate authority to the Portfolio Holder ...
to approve any minor amendments", "Cabinet authorised the Chief Executive to undertake a
consultation", "authority to make final amendments ... be given to Officers"."""
_NOT_TASKS = frozenset(
    {"note", "approve", "adopt", "endorse", "agree", "ratify", "receive", "welcome", "consider",
     "accept", "thank"}
)  # fmt: skip
"""Resolutions with these verbs record a view, not a task ("To note the annual report")."""
_ACTION_BY = re.compile(r"^action\s+by\s*:?\s*(?P<owner>.*)$", re.I)
_SOUGHT = re.compile(
    r"(?:^|\bseek(?:s|ing)\s+)(?:adoption|approval|endorsement)\s+(?:of|for|to)\s+"
    r"(?P<what>(?:the\s+)?[^,.;:]+?)(?=\s+(?:and\s+)?to\s+|[,.;:]|$)",
    re.I,
)
"""What a record asks to be approved: "Adoption of the X Plan", "seeking approval for the
X Plan and to ...", "This report seeks approval to the X Strategy and Y Plan"."""
_PURPOSE = re.compile(
    r"^purpose(?:\s+of\s+(?:the\s+)?(?:report|decision))?\s*:\s*(?P<value>.*)$", re.I
)
"""A decision page's "Purpose:" field, which states what the decision approves."""
_PLAN_HEAD = re.compile(r"\b(?:plan|strategy|policy|framework|programme)s?$", re.I)
"""What an approved thing must be to be a deliverable: a plan, not "the priorities"."""
_CLAUSES = re.compile(r"\s+and\s+(?=(?:the|that)\b)", re.I)
"""Resolutions joined in one item: "... be noted and the new Plan ... be approved"."""
_SUBJUNCTIVE = r"(?<!\bwill\s)(?<!\bwould\s)(?<!\bshould\s)(?<!\bcan\s)(?<!\bmay\s)(?<!\bto\s)\bbe"
"""The "be" of a resolution ("that X be asked to"), not of a statement ("will be")."""
_ASKED = re.compile(
    rf"{_SUBJUNCTIVE}\s+(?:requested|asked|instructed|authori[sz]ed|invited|"
    r"delegated\s+authority)\s+to\b",
    re.I,
)
"""A resolution giving its subject a task: "the Director ... be requested to prepare"."""
_SENT_ON = re.compile(
    rf"{_SUBJUNCTIVE}\s+(?:\w+ly\s+)?(?:recommended|submitted|referred|presented|reported|"
    r"published|prepared|reviewed|brought\s+back|circulated|updated|refreshed)\b",
    re.I,
)
"""A resolution sending its subject on: "be recommended to Council for approval"."""
_WILL_BE_DONE = re.compile(
    r"\bwill\s+(?:then\s+|also\s+)?be\s+(?:published|prepared|produced|submitted|circulated|"
    r"presented|brought\s+back|consulted\s+on)\b",
    re.I,
)
"""A task the record announces: "it will be published via the council's website"."""
_TIMESCALE_FOR = re.compile(
    r"\b(?:timescale|deadline|target\s+date)\s+for\s+(?P<what>.+?)\s+(?:is|was|will\s+be)\s+"
    r"(?P<when>[^.;]+)",
    re.I,
)
"""A task named by its deadline: "The timescale for completion of full merger was ..."."""
_TOOK_PART = re.compile(
    r"^(?P<who>.+?),?\s+(?:introduced|presented|outlined|summarised|summarized|"
    r"reported\s+on|declared)\b",
)
_MAYOR = re.compile(
    r"^(?:the\s+)?(?P<office>(?:deputy\s+)?mayor)\s+(?P<rest>[A-Z][\w'’-]+\s+[A-Z].*)$", re.I
)
_PERSON_LABELS = ("decision", "portfolio", "cabinet", "lead", "executive", "contact")


@dataclass
class _Header:
    """What the record's heading block states."""

    title: str | None = None
    date: str | None = None
    body: str | None = None
    item: AgendaFact | None = None
    portfolio_holder: str | None = None


def read_decision(text: Text) -> DocumentFacts:
    """The deciding body and date, the subjects decided, the people named and the
    relations the record states."""
    header = _header(text)
    people = _labelled_people(text) + _presenters(text)
    if header.portfolio_holder is None:
        header.portfolio_holder = next(
            (_holder(p) for p in people if p.title and _PORTFOLIO_POST.search(p.title)), None
        )
    priorities = [*_decided(text, header), *plan_items(text)]
    relations = relations_in(text, subject=header.title)
    actions = _actions(text, relations)
    minuted = _minuted(text)
    people += [p for p in minuted.people if p.name not in {q.name for q in people}]
    actions += [a for a in minuted.actions if a.text not in {b.text for b in actions}]
    return DocumentFacts(
        kind="decision",
        title=header.title,
        date=header.date,
        body=header.body,
        people=people,
        agenda_items=[header.item] if header.item else [],
        actions=actions,
        priorities=priorities,
        relations=relations,
        unsure=unsure_about(relations),
    )


# Heading block ---------------------------------------------------------------------------


def _header(text: Text) -> _Header:
    """The body, date, item, title and portfolio holder of the record's opening lines,
    each the first the lines give."""
    header = _Header()
    lines = text.lines[:_TOP]
    for index, line in enumerate(lines, start=1):
        following = lines[index] if index < len(lines) else None
        if meeting := _MEETING.match(line):
            header.body = header.body or meeting["body"]
            header.item = _agenda_item(meeting["item"], following, index + 1)
            header.title = header.title or (header.item.title if header.item else None)
        elif (decided := _BODY_DECISION.match(line)) and head_word(decided["body"].split()[-1]):
            header.body = header.body or decided["body"].strip()
        elif addressed := _ADDRESSED_TO.match(line):
            header.body = header.body or addressed["body"].strip()
        if labelled := _LABELLED.match(line):
            _label(header, labelled["label"], labelled["value"] or following or "")
        elif header.portfolio_holder is None:
            header.portfolio_holder = _portfolio_holder(line)
        if header.date is None and len(line.split()) <= _TOP and (day := date_in(line)):
            header.date = day.isoformat()
    decided_on = next((day for line in text.lines if (day := _decision_date(line))), None)
    header.date = decided_on.isoformat() if decided_on else header.date
    header.title = header.title or text.title or _first_title(lines)
    header.portfolio_holder = header.portfolio_holder or _portfolio_post(text)
    return header


def _decision_date(line: str) -> date | None:
    """The date a "Date of decision:" line gives, wherever the record puts it."""
    labelled = _DATE_LABEL.match(line)
    return date_in(labelled["value"]) if labelled else None


def _first_title(lines: tuple[str, ...]) -> str | None:
    """The first line that reads as a title: a few words, no label, no sentence."""
    for line in lines:
        words = line.split()
        if len(words) >= _TITLE_WORDS and ":" not in line and not line.endswith((".", "?")):
            return line
    return None


def _portfolio_post(text: Text) -> str | None:
    """A portfolio the record names without a holder: "the report of the Cabinet Member
    for Communities"."""
    for line in text.lines:
        if post := _NAMED_POST.search(line):
            return post[0].rstrip(" ,&")
    return None


def _agenda_item(number: str, line: str | None, line_number: int) -> AgendaFact | None:
    """The item as the issue page lists it under the meeting: "43 Community Safety
    Partnership - Strategic Plan pdf icon PDF 144 KB"."""
    listed = re.match(rf"{re.escape(number)}(?:\.\d+)*(?=\s)", line or "")
    if line is None or listed is None:
        return None
    title = _ATTACHMENT.sub("", line[listed.end() :]).strip()
    return AgendaFact(number=listed[0], title=title or None, line=line_number)


def _label(header: _Header, label: str, value: str) -> None:
    """A labelled field of the heading block: the title, the decision maker (a body, or a
    portfolio holder deciding alone) or the portfolio holder."""
    name = label.casefold()
    value = value.strip()
    if not value or name.startswith("contact"):
        return
    if name.startswith(("title", "subject")):
        header.title = header.title or value
        return
    person = _parsed(value)
    if person and person.name:
        if not name.startswith("decision") or _PORTFOLIO_POST.search(person.title or ""):
            header.portfolio_holder = header.portfolio_holder or _named(person)
    elif _PORTFOLIO_POST.search(value):
        header.portfolio_holder = header.portfolio_holder or value
    elif name.startswith("decision") and (is_organisation(value) or head_word(value.split()[-1])):
        header.body = header.body or value


def _parsed(entry: str) -> ParsedPerson | None:
    """A person as the record names them; an elected mayor's office is their honorific
    ("Mayor John Biggs")."""
    mayor = _MAYOR.match(entry)
    if mayor is None:
        return parse_person(entry)
    person = parse_person(mayor["rest"])
    return replace(person, honorific=mayor["office"]) if person and person.name else None


def _portfolio_holder(line: str) -> str | None:
    """A councillor the heading block names with a portfolio ("Councillor John Wilmott –
    Executive Lead Member for Community Safety and Crime Reduction"), as written: the
    line states who holds the portfolio and which it is. A sentence naming a councillor
    ("Councillor X (Cabinet Member Y) introduced the report.") is no heading: its person
    is read as a presenter."""
    if line.rstrip().endswith("."):
        return None
    person = _parsed(line)
    if person is None or not (person.name and person.honorific and person.title):
        return None
    return line.strip() if _PORTFOLIO_POST.search(person.title) else None


def _named(person: PersonFact | ParsedPerson) -> str:
    name = person.name or ""
    return f"{person.honorific} {name}" if person.honorific else name


def _holder(person: PersonFact) -> str:
    """A portfolio holder with the post that makes them one, as records name them beside
    what they decide: "Councillor X (Cabinet Member Safer Communities)"."""
    return f"{_named(person)} ({person.title})"


# People ----------------------------------------------------------------------------------


def _labelled_people(text: Text) -> list[PersonFact]:
    """People named as decision maker, portfolio holder, cabinet member or contact."""
    found: list[PersonFact] = []
    for number, line in text.numbered():
        labelled = _LABELLED.match(line)
        if labelled is None or not labelled["label"].casefold().startswith(_PERSON_LABELS):
            continue
        value, at = labelled["value"], number
        if not value and number < len(text.lines):
            value, at = text.line(number + 1), number + 1
        person = _parsed(_CONTACT_DETAILS.sub("", value))
        if person is None or not person.name:
            continue
        title = person.title
        if title is None and not labelled["label"].casefold().startswith("contact"):
            title = " ".join(labelled["label"].split())
        found.append(_person(person, at, title))
    return found


def _presenters(text: Text) -> list[PersonFact]:
    """People the record shows taking part: "Councillor X, Cabinet Member for ...,
    introduced the report". One holding a portfolio is a member of the executive that
    decides, not an officer attending it."""
    found: list[PersonFact] = []
    for passage in passages(text):
        for begin, end in sentences(passage.text):
            took_part = _TOOK_PART.match(passage.text[begin:end])
            if took_part is None:
                continue
            person = _parsed(took_part["who"])
            if person and person.name and (person.honorific or person.title):
                role: PersonRole = (
                    "member" if _PORTFOLIO_POST.search(person.title or "") else "attendee"
                )
                found.append(_person(person, passage.line_at(begin), person.title, role))
    return found


def _minuted(text: Text) -> DocumentFacts:
    """What the minutes an issue page carries record, below their "Minutes:" label: none
    when the record carries no minutes."""
    label = next((n for n, line in text.numbered() if MINUTES_LABEL.match(line)), None)
    if label is None:
        return DocumentFacts(kind="minutes")
    facts = read_minutes(text)
    facts.people = [p for p in facts.people if p.line > label]
    facts.actions = [a for a in facts.actions if a.line > label]
    return facts


def _person(
    person: ParsedPerson, line: int, title: str | None, role: PersonRole = "attendee"
) -> PersonFact:
    return PersonFact(
        name=person.name,
        role=role,
        line=line,
        honorific=person.honorific,
        title=title,
        organisation=person.organisation,
    )


# Resolutions -----------------------------------------------------------------------------


def _resolutions(text: Text) -> list[tuple[int, str]]:
    """Each resolution as (line, words): items of a resolution list ("a) ...", "(1) ...",
    "RESOLVED that ...") and the lines under a "Decision taken" heading, without their
    markers and closing punctuation."""
    found: list[tuple[int, str]] = []
    in_block = False
    for number, line in text.numbered():
        if _DECISION_HEADING.match(line):
            in_block = True
            continue
        if in_block and _is_heading(line):
            in_block = False
        plain = _RESOLVED.sub("", _MARKER.sub("", line)).strip()
        if plain and (in_block or plain != line or re.match(r"^that\b", plain, re.I)):
            plain = re.sub(r"^that\s+", "", plain, flags=re.I).rstrip(";")
            found.append((number, plain))
    return found


def _is_heading(line: str) -> bool:
    """A short line without a full stop: "Reason for decision" ends a decision block."""
    return len(line.split()) <= _HEADING_WORDS and not line.rstrip().endswith((".", ";"))


def _decided(text: Text, header: _Header) -> list[PriorityFact]:
    """Plans and strategies a resolution approves or adopts ("the new Community Safety
    Plan for 2024-2027, as presented, be approved", "To adopt the Strategy 2021-24"), its
    purpose states it approves, or the record seeks approval of ("Adoption of the Safe City
    Partnership Plan 2012 - 13"), each once."""
    subjects: list[tuple[int, str]] = []
    for number, resolution in _resolutions(text):
        for clause in _CLAUSES.split(resolution):
            if subject := _decided_subject(clause.strip().rstrip(".")):
                subjects.append((number, subject))
    for number, purpose in _purposes(text):
        if subject := _decided_subject(purpose.strip().rstrip(".")):
            subjects.append((number, subject))
    for number, line in text.numbered():
        subjects += [(number, match["what"]) for match in _SOUGHT.finditer(line)]
    found: dict[frozenset[str], PriorityFact] = {}
    for number, whole in subjects:
        subject = _plans_alone(whole)
        if _PLAN_HEAD.search(_head_noun(subject)):
            key = frozenset(re.findall(r"[a-z0-9]+", subject.casefold()))
            found.setdefault(
                key,
                PriorityFact(
                    text=subject,
                    kind="deliverable",
                    line=number,
                    timescale=timescale_in(subject),
                    portfolio_holder=header.portfolio_holder,
                ),
            )
    return list(found.values())


def _purposes(text: Text) -> list[tuple[int, str]]:
    """The statement of a "Purpose:" field, on the label's line or the next: "To approve
    the X Strategy 2025-2028 and governance arrangements" is read as a resolution would
    be."""
    found: list[tuple[int, str]] = []
    for number, line in text.numbered():
        if purpose := _PURPOSE.match(line):
            if purpose["value"].strip():
                found.append((number, purpose["value"]))
            elif number < len(text.lines):
                found.append((number + 1, text.line(number + 1)))
    return found


def _plans_alone(subject: str) -> str:
    """A subject without what it is joined to that is no plan ("the Strategy 2019-2022
    and governance arrangements for its delivery" is the Strategy); plans joined ("the
    Strategy and accompanying Action Plan for 2024-26") are approved as one."""
    for joined in re.finditer(r"\s+and\s+", subject):
        if not _PLAN_HEAD.search(_head_noun(subject[joined.end() :])):
            return subject[: joined.start()]
    return subject


def _decided_subject(clause: str) -> str | None:
    """What a clause approves: "To adopt X", "X be approved", "Cabinet approved X"."""
    if to_decide := _TO_DECIDE.match(clause):
        return to_decide["what"].strip()
    if by_body := _BODY_DECIDED.match(clause):
        return by_body["what"].strip()
    if at_end := _DECIDED_AT_END.search(clause):
        subject = clause[: at_end.start()].strip(" ,")
        return subject or None
    return None


def _head_noun(phrase: str) -> str:
    """The noun a phrase is about: its words before any preposition or period ("the
    proposed priorities in the Plan" is about priorities, "the Plan for 2024-2027" and
    "the Strategy 2021-24" about a plan)."""
    before = re.split(r"\s+(?:for|in|of|on|to|from|with|by|as)\s+", phrase, maxsplit=1)[0]
    if period := timescale_in(before):
        before = before.replace(period, "")
    return before.strip(" ,.()")


def _actions(text: Text, relations: list[RelationFact]) -> list[ActionFact]:
    """Tasks the record gives someone or sets a date for."""
    found: list[ActionFact] = []
    stating = {fact.line for fact in relations}
    resolutions = _resolutions(text)
    resolved = {number for number, _ in resolutions}
    for number, resolution in resolutions:
        if asked := _ASKED.search(resolution):
            asked_of = resolution[: asked.start()].split(",")[0].strip()
            asked_of = re.sub(r"^the\s+", "", asked_of, flags=re.I)
            found.append(ActionFact(resolution, number, asked_of or None, deadline_in(resolution)))
        elif _SENT_ON.search(resolution):
            found.append(ActionFact(resolution, number, None, _due(resolution)))
        elif (to_do := _TO_DO.match(resolution)) and to_do["verb"].casefold() not in _NOT_TASKS:
            delegated = _delegated_to(resolution)
            owner = delegated or _action_by(text, number)
            found.append(ActionFact(resolution, number, owner, _due(resolution)))
        elif delegated := _delegated_to(resolution):
            found.append(ActionFact(resolution, number, delegated, _due(resolution)))
    for passage in passages(text):
        for begin, end in sentences(passage.text):
            sentence = passage.text[begin:end].strip()
            line = passage.line_at(begin)
            if timescale := _TIMESCALE_FOR.search(sentence):
                found.append(ActionFact(timescale["what"], line, None, timescale["when"].strip()))
            elif (delegated := _delegated_to(sentence)) and line not in resolved:
                found.append(ActionFact(_without_marker(sentence), line, delegated, _due(sentence)))
            elif _WILL_BE_DONE.search(sentence) and line not in stating:
                found.append(ActionFact(_without_marker(sentence), line, None, _due(sentence)))
    return list(dict.fromkeys(found))


def _delegated_to(words: str) -> str | None:
    """Who a decision delegates work to, if it does."""
    for pattern in _DELEGATIONS:
        if match := pattern.search(words):
            return match["owner"].strip()
    return None


def _action_by(text: Text, number: int) -> str | None:
    """The owner an "Action by:" line under a resolution names (on it or the next line)."""
    for following in range(number + 1, min(number + 3, len(text.lines)) + 1):
        if match := _ACTION_BY.match(text.line(following)):
            if owner := match["owner"].strip():
                return owner
            return text.line(following + 1).strip() if following < len(text.lines) else None
    return None


def _due(words: str) -> str | None:
    """The deadline a task states ("by 31 May 2024"), else none."""
    match = re.search(r"\bby\s+(?P<when>[^,;]+?)\s*[.;]?$", words)
    if match and (when := timescale_in(match["when"])):
        return when
    return deadline_in(words)


def _without_marker(sentence: str) -> str:
    return re.sub(r"^\d+(?:\.\d+)*\s+", "", sentence)
