"""What kind of document a `Text` is, from the cues a reader would go by, with the evidence.

Each kind has cues: headings and labels ("Present:", "Apologies", "Terms of Reference",
"Decision:"), set phrases ("agreed as a correct record", "accountable to", "we will"), the
words of the title, and one cue of layout: a lead-in about priorities followed by a list. A
cue counts once, by its weight, however often it occurs, so a long document does not win on
repetition, and the kind whose cues weigh most wins when it leads clearly. Cues are the
conventions of council and partnership papers in general (modern.gov and CMIS pages, Word
minutes, committee reports, plans), not the wording of particular councils.

The kind chooses the extractor, so what a document holds decides: a committee report that
sets out a plan's priorities is read as the plan, one that only asks for a decision about a
plan or strategy is a decision.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from loaders.ingest.facts import DocumentKind
from loaders.ingest.text import Text

TITLE_LINES = 5
"""A document names itself in its first lines (or its format's title)."""
TITLE_WORDS = 25
"""A title is short: a longer line among the first is already the document's prose, whose
words ("effective governance arrangements", "the Board's sub-groups") say what it speaks
of, not what it is."""
OPENING_LINES = 10
"""Where a meeting's day and time stand, under the body's name."""
READ_LINES = 250
"""A reader tells a document's kind from its first pages: later on, the reports bound into
a meeting pack or a plan's annexes bring the cues of other kinds."""
TOO_LITTLE = "too little to go by"
MIN_SCORE = 4
"""Less evidence than this (one strong cue) is no evidence."""
EVIDENCE_SHOWN = 3

_NUMBERING = r"(?:(?:\d{1,3}(?:\.\d{1,3})*|[ivx]{1,4}|[a-z])[.)]?\s+)?"
_MEETING_TIME = (
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,? \d{1,2}(?:st|nd|rd|th)? [a-z]+,? \d{4}"
    r"|\b\d{1,2}(?:st|nd|rd|th)? [a-z]+,? \d{4},? (?:at |- |– )?\d{1,2}(?:[.:]\d{2})? ?[ap]\.?m\b"
    r"|\bheld on (?:[a-z]+day,? )?\d{1,2}(?:st|nd|rd|th)? [a-z]+,? \d{4}"
)
"""A meeting's day and time, as minutes and agendas give it under the body's name:
"Tuesday, 17th August, 2010", "17 August 2004 at 7.00 pm", "held on 05 March 2013"."""


def _label(words: str) -> str:
    """A heading or label: the words open the line (after any numbering) and end it or are
    followed by a colon, dash or the next table cell, as in "PRESENT:", "2. Apologies",
    "Decision - approved", "Present | C Baker, R Backhouse"."""
    return rf"^{_NUMBERING}(?:{words})\s*(?:$|[:|–—-])"


def _phrase(words: str) -> str:
    return rf"\b(?:{words})\b"


@dataclass(frozen=True)
class Cue:
    kind: DocumentKind
    pattern: re.Pattern[str]
    weight: int
    within: int = READ_LINES
    """Looked for only in this many lines from the start."""
    family: str | None = None
    """Cues that tell one thing between them (that the document is a committee report)
    share a cap, so that the many headings of one form do not outweigh what it holds."""


def _cue(
    kind: DocumentKind,
    pattern: str,
    weight: int,
    *,
    within: int = READ_LINES,
    family: str | None = None,
) -> Cue:
    return Cue(kind, re.compile(pattern, re.IGNORECASE), weight, within, family)


REPORT = "a committee report"
FAMILY_CAPS = {REPORT: 5}
"""A report's cover (author, wards affected, recommendations, decision-maker) counts as
much as one strong cue: the report may carry a decision, a plan or a structure."""

# fmt: off
CUES: tuple[Cue, ...] = (
    # Minutes: who attended, the standing items, the record's own formulas.
    _cue("minutes", _phrase(r"minutes|notes of (?:the )?meeting|action (?:notes|sheet|log)"
                            r"|summary of (?:the )?(?:[\w&']+ ){1,6}meeting"), 4,
         within=TITLE_LINES),
    _cue("minutes", _MEETING_TIME, 2, within=OPENING_LINES),
    _cue("minutes", _label(r"present|members present|those present|people present|attendees"
                           r"|attendance|names present(?: at meeting)?"), 3),
    _cue("minutes", _phrase(r"in attendance|also present|also attending"), 2),
    _cue("minutes", _phrase(r"apologies"), 2),
    _cue("minutes", _phrase(r"declarations? of (?:\w+ ){0,2}interests?"
                            r"|disclosures? of (?:\w+ ){0,2}interests?"
                            r"|declared an? (?:\w+ )?interest"), 2),
    _cue("minutes", _phrase(r"matters? arising"), 2),
    _cue("minutes", _phrase(r"(?:as an?|to be an?) (?:correct|true|accurate|fair) record"
                            r"|confirmed and signed|(?:agreed|approved) the minutes"
                            r"|minutes of the (?:last|previous) meeting"), 2),
    _cue("minutes", _phrase(r"(?:chair|chairman|chairperson|chair person) (?:\w+ ){0,3}welcomed"
                            r"|welcomed (?:everyone|all|those present|members|attendees)"), 2),
    _cue("minutes", _label(r"minutes"), 2),
    _cue("minutes", _phrase(r"date (?:and time )?of (?:the )?next meeting|any other business"), 1),
    _cue("minutes", r"^(?:agenda )?item \d+\b", 1),
    _cue("minutes", r"\((?:in the )?chair(?:man|person|woman)?\)", 1),
    _cue("minutes", _label(r"actions?(?: agreed| by| points?| arising)?|agreed actions"), 1),
    # Decisions: decision records and notices, issue pages, reports asking for a decision.
    _cue("decision", _phrase(r"decision (?:record|notice|sheet|details|log)"
                             r"|records? of (?:the )?decisions?"
                             r"|(?:cabinet|officer|executive|delegated|portfolio holder) decision"
                             r"|issue - meetings|issue details|issue history"), 5,
         within=TITLE_LINES),
    _cue("decision", _label(r"decisions?|decision taken|decision made|the decision"
                            r"|record of (?:the )?decision|cabinet decision"), 3),
    _cue("decision", _phrase(r"key decision|decision status|date of decision"), 3),
    _cue("decision", _phrase(r"reasons? for (?:the )?(?:decisions?|recommendations?)"), 3),
    _cue("decision", r"^meeting: \d{1,2}/\d{1,2}/\d{2,4} - ", 3),
    _cue("decision", _phrase(r"alternative options?"), 2),
    _cue("decision", _phrase(r"call[- ]in|subject to call"), 2),
    _cue("decision", _phrase(r"(?:cabinet|council) (?:is|are|was|were) (?:asked|requested) to"
                             r"|(?:council|cabinet) (?:endorses|approves|agrees|resolves)"), 2),
    _cue("decision", _phrase(r"decision[- ]makers?|decision[- ]taker"), 3, family=REPORT),
    _cue("decision", _label(r"recommendations?|recommended"), 2, family=REPORT),
    _cue("decision", _phrase(r"makes? the following recommendations?"), 2, family=REPORT),
    _cue("decision", r"^report (?:of|to|by)\b|\breport author\b", 2, family=REPORT),
    _cue("decision", _phrase(r"purpose of (?:the|this) report"), 2, family=REPORT),
    _cue("decision", _phrase(r"background (?:documents|papers)"), 2, family=REPORT),
    _cue("decision", _phrase(r"wards? affected"), 2, family=REPORT),
    _cue("decision", _phrase(r"executive summary"), 1, family=REPORT),
    # Plans and strategies: what the title says, and the shape of a plan's content.
    _cue("plan", _phrase(r"[\w-]+ plan|plan \d{4}|plan on a page|strateg(?:y|ies)|plan refresh"), 3,
         within=TITLE_LINES),
    _cue("plan", r"^(?:our |strategic |key )?priorities(?: and actions)?\b", 3, within=TITLE_LINES),
    _cue("plan", _label(r"aims?|what we will do|actions we will take"), 1),
    _cue("plan", _label(r"priority (?:one|two|three|four|five|six|\d+)"
                        r"|(?:objective|outcome|theme) (?:one|two|three|\d+)"), 3),
    _cue("plan", _phrase(r"we will|we want (?:\w+ ){0,2}to|we aim to|we are going to"
                         r"|we intend to|what we(?:'re| are|’re) aiming to achieve"
                         r"|what we will do|how we will"), 2),
    _cue("plan", _label(r"foreword|introduction by|(?:our )?vision|(?:our )?mission"), 2),
    _cue("plan", _label(r"(?:our |key |strategic |partnership )?"
                        r"(?:priorities|objectives|aims|outcomes)(?: for [\w ]{1,24})?"), 2),
    _cue("plan", _label(r"deliverables?(?: ?\(s\))?|portfolio holders?"), 2),
    _cue("plan", _label(r"contents|table of contents"), 1),
    _cue("plan", _phrase(r"timescales?|success measures?|milestones?|lead (?:agency|partner)"), 1),
    # Governance: terms of reference and descriptions of how bodies stand to each other.
    _cue("governance", _phrase(r"terms of reference|structures?|governance|constitution"
                               r"|organisational chart"), 4,
         within=TITLE_LINES),
    _cue("governance", _phrase(r"terms of reference"), 3),
    _cue("governance", _label(r"membership|(?:core )?members|quorum|quoracy|frequency of meetings"
                              r"|chair(?:ing)?|term of chairmanship|voting|accountability"
                              r"|roles? and responsibilities|responsibilities|purpose"
                              r"|reporting (?:arrangements|lines)|governance"), 2),
    _cue("governance", _phrase(r"accountable to|answerable to|hold (?:\w+ ){1,3}to account"
                               r"|(?:reports|will report|to report|reporting)"
                               r" (?:directly |formally )?(?:in)?to the"), 2),
    _cue("governance", _phrase(r"consists? of|made up of|comprises|is composed of"), 2),
    _cue("governance", _phrase(r"(?:is|are) (?:a|an|the) (?:\w+ )?(?:committee|sub-?committee"
                               r"|sub-?group|sub-?body|sub-?partnership) of"), 2),
    _cue("governance", _phrase(r"meets? (?:\w+ ){0,2}(?:times a year|quarterly|monthly"
                               r"|bi-monthly|annually)"
                               r"|will meet (?:\w+ ){0,2}(?:times|quarterly|monthly)"), 2),
    _cue("governance", _phrase(r"sits? under|under the board sits|sub-?groups?|thematic groups?"
                               r"|task (?:and|&) finish"), 1),
    _cue("governance", _phrase(r"chaired by|led (?:jointly )?by|chairmanship|vice[- ]chair"
                               r"|(?:the )?chair of the [\w' ]{2,60} is"), 1),
    _cue("governance", _phrase(r"delivery arm|brings together|overarching (?:body|board|group)"
                               r"|discharg(?:e|ing) (?:the|its) (?:statutory )?(?:duties|functions)"
                               r"|statutory (?:duties|responsibilities|partners)"
                               r"|responsible authorities"), 1),
)
# fmt: on
KINDS: tuple[DocumentKind, ...] = ("minutes", "plan", "governance", "decision")

_PRIORITY_LEAD = re.compile(
    r"\b(?:priorit(?:y|ies)|objectives?|aims|outcomes|goals)\b", re.IGNORECASE
)
_MEMBERS_LEAD = re.compile(
    r"\b(?:made\s+up\s+of|make\s+up\s+the|consists?\s+of|comprises?|membership|"
    r"(?:members|partners|agencies|organisations)\b[^.:]{0,60}?\b(?:are|include|includes))\b.*:$"
    r"|\bincludes\s+representatives\s+(?:from|of)$",
    re.IGNORECASE,
)
"""A lead-in to the list of a body's members: "The Partnership is made up of:", "The other
agencies integral to the partnership include:", "The group includes representatives from"."""
_FOLLOWING = re.compile(r"\bthe following\b[^.:]{0,40}[.:]$", re.IGNORECASE)
"""A sentence that announces a list: "The strategy contains the following priorities."."""
_MEMBER_LIST_WEIGHT = 3
_LIST_ITEM = re.compile(r"^(?:[•·▪◦●○■□➢►*–-]|\(?\d{1,2}[.)]|\(?[a-h][.)])\s+\S")
_PRIORITY_LIST_WEIGHT = 4


@dataclass(frozen=True)
class Evidence:
    kind: DocumentKind
    weight: int
    family: str | None
    line: int
    what: str
    """As the reason shows it: the words matched, in quotes, or a description."""


@dataclass(frozen=True)
class Classification:
    kind: DocumentKind | None
    reason: str
    """One sentence naming the evidence, for the person who asked: why this kind, or why
    none could be told."""
    tied: tuple[DocumentKind, ...] = ()
    """The kinds whose cues weigh the same, when that is why none could be told."""


def classify(text: Text) -> Classification:
    evidence = _evidence(text)
    scores = {kind: _score([e for e in evidence if e.kind == kind]) for kind in KINDS}
    ranked = sorted(KINDS, key=lambda kind: -scores[kind])
    best, runner_up = ranked[0], ranked[1]
    if scores[best] < MIN_SCORE:
        found = _cited([e for e in evidence if e.kind == best]) if scores[best] else ""
        return Classification(
            None,
            f"{TOO_LITTLE}: no headings or phrases of minutes, plans, governance "
            "structures or decisions" + (f" beyond {found}" if found else ""),
        )
    if scores[best] == scores[runner_up]:
        return Classification(
            None,
            f"{best} and {runner_up} are equally likely: {best} for "
            f"{_cited([e for e in evidence if e.kind == best])}, {runner_up} for "
            f"{_cited([e for e in evidence if e.kind == runner_up])}",
            (best, runner_up),
        )
    return Classification(best, f"{best}: {_cited([e for e in evidence if e.kind == best])}")


def _score(evidence: Sequence[Evidence]) -> int:
    alone = sum(e.weight for e in evidence if e.family is None)
    families = {e.family for e in evidence if e.family is not None}
    return alone + sum(
        min(FAMILY_CAPS[family], sum(e.weight for e in evidence if e.family == family))
        for family in families
    )


def _evidence(text: Text) -> list[Evidence]:
    """The first place each cue is found, words that one cue has counted for a kind not
    counting again for it. A title may wrap over its first lines, so title cues are looked
    for in those of them short enough to be a title, read as one too. The format's own
    title counts as line 1 when the lines do not already start with it (HTML pages do, PDFs
    and Word files do not)."""
    numbered = text.numbered()[:READ_LINES]
    if text.title and (not text.lines or text.title != text.lines[0]):
        numbered.insert(0, (1, text.title))
    titles = [(n, line) for n, line in numbered[:TITLE_LINES] if len(line.split()) <= TITLE_WORDS]
    title = " ".join(line for _, line in titles)
    found: list[Evidence] = []
    for cue in CUES:
        lines = numbered if cue.within != TITLE_LINES else [*titles, (1, title)]
        for number, line in lines:
            if number > cue.within:
                break
            match = cue.pattern.search(line)
            if match is None:
                continue
            what = f'"{match.group(0).strip().rstrip("|").strip()}"'
            if any((e.kind, e.line, e.what) == (cue.kind, number, what) for e in found):
                continue  # the same words already count for this kind
            found.append(Evidence(cue.kind, cue.weight, cue.family, number, what))
            break
    bare = text.format != "text"
    listed = _listed_after(_PRIORITY_LEAD, text.lines[:READ_LINES], bare=False)
    if listed is not None:
        found.append(Evidence("plan", _PRIORITY_LIST_WEIGHT, None, listed, "a list of priorities"))
    members = _listed_after(_MEMBERS_LEAD, text.lines[:READ_LINES], bare)
    if members is not None:
        found.append(
            Evidence("governance", _MEMBER_LIST_WEIGHT, None, members, "a list of members")
        )
    return found


def _listed_after(lead: re.Pattern[str], lines: Sequence[str], bare: bool) -> int | None:
    """The line of a lead-in (a short heading, or a sentence ending in a colon) that `lead`
    finds, about priorities or a body's members, followed by at least two bulleted or
    numbered items, a short heading of a group of them aside ("Statutory authorities").
    `bare`: the format's lists lose their bullets (HTML, Word, PDF), so after a lead-in
    ending in a colon, short lines that are no sentence are items too. (Not for priorities:
    a report on a plan lists them as much as the plan does.)"""
    for index, line in enumerate(lines):
        if not lead.search(line):
            continue
        lead_in = line.endswith(":") or len(line.split()) <= 8 or _FOLLOWING.search(line)
        if _LIST_ITEM.match(line) or not lead_in:
            continue  # an item that names outcomes is no lead-in to a list
        following = lines[index + 1 : index + 5]
        unmarked = bare and line.endswith(":")
        if sum(_is_item(item, unmarked) for item in following) >= 2:
            return index + 1
    return None


_SHORT_ITEM_WORDS = 8


def _is_item(line: str, unmarked: bool) -> bool:
    if _LIST_ITEM.match(line):
        return True
    return unmarked and len(line.split()) <= _SHORT_ITEM_WORDS and not line.endswith((".", ":"))


def _cited(evidence: Sequence[Evidence]) -> str:
    """The strongest few cues, earliest first among equals: '"Present:" at line 4 and
    "Apologies" at line 9'."""
    strongest = sorted(evidence, key=lambda e: (-e.weight, e.line))[:EVIDENCE_SHOWN]
    parts = [f"{e.what} at line {e.line}" for e in sorted(strongest, key=lambda e: e.line)]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
