"""Plans and strategies as facts: the plan's title and period, the body that owns it, and
its priorities, objectives, actions and deliverables with the timescale, lead and
portfolio holder stated for each.

Councils lay plans out in a handful of ways, and one document often mixes them: numbered
headings ("Priority 1: ...", "Objective 2.1 ..."); a lead-in that says what the list
after it holds ("Our priorities for 2018/19 are:", "We want to:", "To do this we will:");
labelled cells ("Action", "Deliverable(s)", "Portfolio holder") with "Timescale:" lines
under items; tables whose header names the columns (Action | Lead | Timescale); and the
same tables as a PDF prints them, without cell boundaries. Each item is read in the terms
its own heading, lead-in, label or column gives it. A lead or portfolio holder stated for
a priority is the priority's, not that of what is listed under it; a timescale in a
lead-in ("identified for 2018/19") covers the list it introduces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from loaders.ingest.facts import DocumentFacts, PriorityFact, PriorityKind, RelationFact
from loaders.ingest.structure import (
    acronyms_in,
    head_word,
    phrases,
    relations_in,
    unsure_about,
    wrapped_lines,
)
from loaders.ingest.text import Text
from loaders.timescale import parse_timescale


def _words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MONTH_NAMES = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_LABELS: dict[str, PriorityKind] = {
    "priority": "priority",
    "strategic priority": "priority",
    "theme": "priority",
    "objective": "objective",
    "strategic objective": "objective",
    "aim": "objective",
    "goal": "objective",
    "outcome": "objective",
    "action": "action",
    "commitment": "action",
    "deliverable": "deliverable",
    "milestone": "deliverable",
}
_NUMBERED_HEADING = re.compile(
    rf"^(?P<label>(?:strategic\s+)?(?:{'|'.join(_LABELS)}))\s+"
    rf"(?P<number>\d{{1,2}}[a-z]?(?:\.\d{{1,2}})*|{_NUMBER_WORDS}|[a-h])\b\s*[:.)–—-]?\s*"
    r"(?P<rest>.*)$",
    re.I,
)
"""A heading that numbers its item: "Priority 1: ...", "Priority one - ...", "Objective 2.1"."""
_SCOPED_HEADING = re.compile(
    # "Local Outcome 1 : ..." / "Community Justice Outcome 1:" (its name on the next line)
    rf"^(?:[A-Z][\w'’&-]*\s+){{1,4}}(?P<label>(?i:(?:strategic\s+)?(?:{'|'.join(_LABELS)})))\s+"
    r"(?P<number>\d{1,2}(?:\.\d{1,2})*)\s*:\s*(?P<rest>.*)$"
)
"""A numbered heading whose label the scope of its item precedes, as outcome frameworks
write them. The colon is needed: without it ("West Dunbartonshire Outcome 1" over a table of
indicators) the words are a running title, not the item's heading."""


def _numbered_heading(line: str) -> re.Match[str] | None:
    """A heading numbering its item, with or without the scope before its label."""
    return _NUMBERED_HEADING.match(line) or _SCOPED_HEADING.match(line)


_CODES: dict[str, PriorityKind] = {"p": "priority", "sp": "priority", "so": "objective"}
"""The codes that number items, by what they stand for: P(riority), S(trategic) P(riority),
S(trategic) O(bjective)."""
_CODED_PRIORITY = re.compile(
    rf"^(?P<label>{'|'.join(_CODES)})(?P<number>\d{{1,2}})\s*[:.–—-]\s*(?P<rest>[A-Z].*)$", re.I
)
"""An item numbered by its code alone: "P1: Safer streets", "P2 - Stronger communities",
"SO1: To improve community safety"."""
_LABELLED_ITEM = re.compile(
    r"^(?:our\s+(?=(?:strategic\s+)?(?:priority|objective)))?(?P<label>(?:strategic\s+)?(?:priority|objective|aim|deliverable))\s*[:–—]\s*"
    r"(?P<rest>\S.*)$",
    re.I,
)
"""An item given with its kind: "Priority: Reducing re-offending", "Our objective: Invest in
our council homes ...". "Our aim - ..." is the plan's aim as a whole, as a vision is."""
_LEAD_IN_WORDS: tuple[tuple[re.Pattern[str], PriorityKind], ...] = (
    (
        # "Our priorities are:", "three key areas to focus on:", "The areas of focus are:"
        re.compile(
            r"\b(?:priorit(?:y|ies)|themes|(?:key|main|focus)\s+areas|areas\s+of\s+focus)\b", re.I
        ),
        "priority",
    ),
    (
        re.compile(
            r"\b(?:objectives?|aims?|goals?|ambitions?|we\s+want\s+to|we\s+aim\s+to|"
            r"aiming\s+to\s+achieve|we\s+want\s+to\s+achieve)\b",
            re.I,
        ),
        "objective",
    ),
    (
        re.compile(
            r"\b(?:deliverables?(?:\s*\(s\))?|milestones?|outputs?|we\s+will\s+deliver)", re.I
        ),
        "deliverable",
    ),
    (
        re.compile(
            r"\b(?:actions?|activities|we\s+will|we['’]ll|we\s+are\s+going\s+to|we\s+plan\s+to|"
            r"we\s+shall|what\s+we\s+will\s+do|how\s+we\s+will)\b|\bwill(?::|…|\.\.\.)$",
            re.I,
        ),
        "action",
    ),
)
"""Words in a lead-in or label that say what its list holds. The first found decides:
"Priorities for action" lists priorities, as do "The key areas are:" and "areas of focus",
the words many plans use for their priorities; "To do this we will:" and "The Board will:"
actions. "Outcomes" are left out: the outcomes and measures a plan tracks ("Outcomes we
expect to see:") are how it judges its items, not items of it."""
_MARKER = re.compile(
    r"^(?:(?P<bullet>[•·◦▪▫■□●○‣⁃*–—\-o▶►➢➤✓✔❖])|(?P<number>\(?\d{1,2}[a-h]?[.)])|"
    r"(?P<letter>\(?[a-h][.)])"
    r"|(?P<roman>\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)))\s+(?P<rest>\S.*)$"
)
_BARE_MARKER = re.compile(r"[•·◦▪▫■□●○‣⁃*–—\-▶►➢➤✓✔❖]|\(?\d{1,2}[.)]|\(?[a-h][.)]")
"""A list's mark printed on a line of its own, apart from its item: a bullet on the line
before the item ("•" / "Prevention of crime"), or the numbers of a list printed as a
column before its items ("1)" / "2)" / ... / "Reducing crime" / ...). It marks nothing
itself; the items after it are read as the list's unmarked lines."""
_RUN_TOGETHER = re.compile(r"\s+(?=[•◦▪■●‣➢➤✓✔❖]\s+\S)")
"""Where a list's items run on one line meet, each at its own bullet, as captures print
them: "• Meeting Housing Needs • Building the Local Economy • Protecting the Environment",
or after a lead-in or heading ("... key priorities: • Housing • Jobs • Transport")."""
_RUN_TOGETHER_AT_LEAST = 2
"""The fewest bullets within a line that make it a list run together, not a mark in prose."""
_TIMESCALE_FIELD = (
    r"timescales?|timeframe|time\s*frame|target\s+dates?|deadline|due(?:\s+date)?|by\s+when|"
    r"completion\s+date|when"
)
_LEAD_FIELD = (
    r"lead(?:\s+(?:officer|agency|partner|organisation|body|service))?s?|responsible"
    r"(?:\s+(?:officer|lead|person|agency))?|responsibility|owner|by\s+whom|accountable\s+officer|"
    r"action\s+by"
)
_PORTFOLIO_FIELD = (
    r"portfolio\s+holders?|cabinet\s+member|lead\s+member|executive\s+member|lead\s+councillor|"
    r"cabinet\s+portfolio"
)
_FIELDS: dict[str, re.Pattern[str]] = {
    "timescale": re.compile(rf"^(?:{_TIMESCALE_FIELD})\s*[:–—-]\s*(?P<value>\S.*)$", re.I),
    "portfolio_holder": re.compile(
        rf"^(?:{_PORTFOLIO_FIELD})(?:\s+for\s+[^:–—]+)?\s*[:–—-]\s*(?P<value>\S.*)$", re.I
    ),
    "lead": re.compile(
        rf"^(?:{_LEAD_FIELD}|(?:[\w/&-]+\s+){{0,3}}lead(?:\s+[\w/&-]+){{0,4}})\s*[:–—-]\s*"
        r"(?P<value>\S.*)$",
        re.I,
    ),
}
_FIELD_NAMES = rf"(?:{_TIMESCALE_FIELD}|{_PORTFOLIO_FIELD}|{_LEAD_FIELD})\s*[:–—]"
_NEXT_FIELD = re.compile(rf"\s*[|;,]?\s+(?={_FIELD_NAMES})", re.I)
"""Where the next field on a line starts: at its name and colon."""
_GLUED_FIELD = re.compile(
    r"(?:(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]))(?=[A-Z][\w&]*(?:\s+[A-Z&][\w&]*){0,2}\s*:)"
)
"""Where a field starts with no space after the value before it, as captures run a row's
cells together: "Cabinet Portfolio: FinanceSLT Lead: SLTBusiness Area: SLT"."""


def _field_in(part: str) -> tuple[str, str] | None:
    """The field a part of a line gives, by the first name that fits ("Lead member" is a
    portfolio holder before it is a lead)."""
    for name, pattern in _FIELDS.items():
        if match := pattern.match(part):
            return name, match["value"]
    return None


_FIELD_LABELS: dict[str, re.Pattern[str]] = {
    "timescale": re.compile(rf"^(?:{_TIMESCALE_FIELD})\s*:?$", re.I),
    "portfolio_holder": re.compile(rf"^(?:{_PORTFOLIO_FIELD})\s*:?$", re.I),
    "lead": re.compile(rf"^(?:{_LEAD_FIELD})\s*:?$", re.I),
}
"""A field's name alone on its line, its value on the next ("Portfolio holder")."""
_ITEM_LABEL = re.compile(
    r"^(?:key\s+)?(?P<label>actions?|deliverables?(?:\s*\(s\))?|objectives?|aims?|"
    r"priorit(?:y|ies)|milestones?|outputs?|what\s+we\s+will\s+do|what\s+we\s+want\s+to\s+achieve)"
    r"\s*:?$",
    re.I,
)
_COLUMNS: dict[str, re.Pattern[str]] = {
    "portfolio_holder": re.compile(
        rf"\b(?:{_PORTFOLIO_FIELD}|portfolio|cabinet\s+lead|member\s+lead)\b", re.I
    ),
    "other": re.compile(
        r"\b(?:measures?|measured|outcomes?|indicators?|kpis?|progress|status|rag|updates?|"
        r"commentary|comments?|resources?|budget|costs?|funding|evidence|success|baseline|"
        r"risks?|ref|no|target\s+(?:groups?|audiences?)|who\s+will\s+benefit|"
        r"beneficiar\w*)\b",
        re.I,
    ),
    "lead": re.compile(
        r"\b(?:leads?|responsib\w*|owners?|who|accountab\w*|by\s+whom|action\s+by)\b", re.I
    ),
    "timescale": re.compile(
        r"\b(?:timescales?|time\s*frames?|timelines?|deadlines?|dates?|due|by\s+when|when|"
        r"targets?|completion|quarter)\b",
        re.I,
    ),
    "deliverable": re.compile(r"\b(?:deliverables?|outputs?|milestones?)\b", re.I),
    "action": re.compile(
        r"\b(?:actions?|activit(?:y|ies)|tasks?|commitments?|interventions?|"
        r"what\s+(?:we\s+will|will\s+we)\s+do|how\s+we\s+will)\b|^how$",
        re.I,
    ),
    "objective": re.compile(r"\b(?:objectives?|aims?|goals?|ambitions?)\b", re.I),
    "priority": re.compile(r"\b(?:priorit(?:y|ies)|themes?)\b", re.I),
}
"""What a table's column holds, by the words of its header cell in any order and with
any qualifier ("Lead officer / partner", "Target date (by when)", "Key actions"). The
first pattern found decides, so "Lead Member" is a portfolio holder, "Outcome measure" or
"Who will benefit" a column that gives no item or detail, and "Priority action" an action."""
_COLUMN_WORDS = 6
"""A header cell longer than this is a row's content, not a column's name."""
_SPECIFICITY: tuple[PriorityKind, ...] = ("deliverable", "action", "objective", "priority")
_PERIOD = re.compile(
    r"\b(?i:between)\s+(?:19|20)\d{2}\s+and\s+(?:19|20)\d{2}\b|"
    r"\b(?:19|20)\d{2}(?:\s*/\s*(?:19|20)?\d{2})?(?:\s*(?:[–—-]|to)\s*(?:19|20)?\d{2}"
    r"(?:\s*/\s*(?:19|20)?\d{2})?)?\b"
)
"""A year or a span of years as plans print them: "2018/19", "2021-2024", "2016/2020",
"2015 – 2017", "2022/23 to 2024/25", "Between 2018 and 2023"."""
_PERIOD_SPAN = re.compile(r"[–—-]|\bto\b|/")
_DATED = re.compile(
    r"\b(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"[a-z]*|spring|summer|autumn|winter)\s+(?:19|20)\d{2}(?:\s*(?:[–—-]|to)\s*(?:(?:\d{1,2}\s+)?"
    r"[a-z]+\s+)?(?:19|20)\d{2})?\b|\bQ[1-4]\s+(?:19|20)\d{2}(?:/\d{2})?\b",
    re.I,
)
_WHEN = re.compile(
    rf"(?:the\s+)?(?:end\s+of\s+)?(?:(?:the\s+)?(?:year|phase)\s+\d|"
    rf"(?:the\s+)?(?:first|second|third|fourth|final)\s+year|"
    rf"(?:q[1-4]|quarter\s+[1-4])(?:\s+(?:of\s+)?(?:19|20)\d{{2}}(?:/\d{{2}})?)?|"
    rf"\d{{1,2}}/\d{{1,2}}/(?:19|20)?\d{{2}}|"
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_MONTH_NAMES})[a-z]*\s+)?(?:19|20)\d{{2}}(?:/\d{{2}})?)|"
    r"ongoing|on-going",
    re.I,
)
"""A timescale as plans write one that is no calendar span: "end of year 1", "Q3 2024",
"Quarter 2", "31/03/2025", "end of March 2025", "2023/24", "Ongoing"."""
_DEADLINE = re.compile(r"(?:\bby|\bbefore|\bin|\(|[–—-])\s*(?P<when>[^()]{4,40}?)\)?\.?$", re.I)
"""A deadline closing an item: "... by March 2022", "... (Winter 2021)"."""
_PLAN_WORDS = re.compile(r"\b(?:plan|strategy)\b", re.I)
_HEADING_OPENING = re.compile(
    r"(?:\d{1,3}\s+)?(?:(?:our|the|key|main|strategic|what|how)\s+)*", re.I
)
_PAGE_NUMBER = re.compile(r"\d{1,3}")
"""A line that is only a number: a page number, as contents lists print them."""
_LEADER = re.compile(r"\s*(?:\.{3,}|…+)\s*\d{1,3}$")
_PAGE_AFTER = re.compile(r" \d{1,3}$")
_CONTENTS = re.compile(r"(?:table\s+of\s+)?contents", re.IGNORECASE)
_CONTENTS_PAGE = re.compile(r"\s*(?:\.{3,}|…+)?\s+\d{1,3}$")
"""The page a contents list gives after an item's name, with or without leader dots."""
_SUB_SECTION = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+(?P<title>\S.*)$")
"""A sub-section's entry in a contents list, its number closed by a full stop or not:
"5.1 Violent crime", "4.1. Anti-Social Behaviour"."""
_SECTION_NO = r"^\d{1,2}(?:\.\d{1,2})*\.?\s+"
"""A section's number opening a contents entry: "2 ", "4.1. "."""
_SECTION_NUMBER = re.compile(_SECTION_NO + r"(?=\S)")
"""The number of the section a contents entry gives: "6 " of "6 Strategic priority 1: ..."."""
_NUMBERED_ENTRY = re.compile(
    _SECTION_NO + r"\D.*?(?:\.{3,}|…+|\s)\s*(?P<page>\d{1,3})$"  # its name, then its page
)
"""A contents entry as a section's number, its name and its page: "2 About this strategy 4"."""
_PAGE_FURNITURE = re.compile(r"^\d{1,3}\s*\|\s*|\s*\|\s*\d{1,3}$")
_POSSESSIVE_OWNER = re.compile(
    r"(?P<owner>(?:[A-Z][\w&-]*\s+){0,6}[A-Z][\w&-]*)['’]s\s+(?:[\w-]+\s+){0,4}(?:plan|strategy)\b"
)
_WILL_SENTENCE = re.compile(r"(?<=\.)\s+(?=We\s+will\b)")
_LABEL_PREFIX = re.compile(
    rf"^(?:(?:strategic\s+)?(?:{'|'.join(_LABELS)})(?:\s+[\w.]{{1,6}})?\s*[:.)–—-]\s*)", re.I
)
_LEAD_IN_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
"""Where a paragraph's sentences part: a lead-in's period is the one its last sentence,
the one that opens the list, gives ("... covered 2013 to 2016. It identified five
priorities:" gives none)."""
_DESCRIPTION_LINES = 2
_BLOCK_PARAGRAPHS = 4
"""The most paragraphs that discuss a block's title: after more, a short line heads
another part of the document, not the next block."""
_LIST_JOINER = re.compile(r"[;,]?\s+(?:and|or)$|[;,]$")
"""How a list item ends before the next: "Tackle domestic abuse; and"."""
_WE_WILL = re.compile(r"we\s+(?:will|['’]ll)\b", re.I)
_PURPOSE_BEFORE_LIST = re.compile(
    r"^(?P<purpose>To\s+[a-z].{10,}?),?\s+(?:we|the\s+(?:council|partnership|board))\s+will:$"
)
"""A bare heading's item said as the purpose of the list after it: "Objective One" / "To
foster community spirit ... we will:" names the objective by its purpose, and the line
still opens the list of what will be done."""
_PLEDGE = re.compile(
    r"^(?:We|The\s+partnership|The\s+board|Partners)(?:\s+will|['’]ll)\s+(?!have\b|be\b|"
    r"see\b|know\b|feel\b|also\s+be\b|then\b|need\b)[a-z]+\b"
)
"""A sentence of a plan's prose that commits to work ("We will use this data to develop an
action plan"); "We will have reduced ..." and "We will be ..." are outcomes, not work."""
_PLEDGE_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
"""A bullet promising something is an action wherever it stands."""
_WORK_VERBS = _words_of(
    "address build commission consult continue co-ordinate coordinate create deliver develop "
    "disrupt divert educate embed empower encourage engage enhance ensure establish expand "
    "explore extend facilitate identify implement improve increase introduce invest launch "
    "maintain monitor pilot prevent promote protect provide pursue raise reduce review secure "
    "share strengthen support tackle target train undertake use work"
)


def _progressive(verb: str) -> str:
    """ "reduce" -> "reducing", "identify" -> "identifying"."""
    return f"{verb[:-1] if verb.endswith('e') else verb}ing"


_WORK_WORDS = "|".join(sorted({*_WORK_VERBS, *map(_progressive, _WORK_VERBS)}))
_WORK_SENTENCE = re.compile(rf"^(?:{_WORK_WORDS})\s[^.;]*[.)]$", re.I)
"""A sentence of a priority's paragraph that opens with the work it names, its verb bare or
in -ing: "Identify hotspot locations and increases in crime trends.", "Continuing to
support the coordination of ...". A title without its full stop ("Tackling hate crime")
heads something; it is no sentence."""
_WORK_AS_SUBJECT = re.compile(
    r"(?<!\bwho)(?<!\bwhich)(?<!\bthat)\s+(?:is|are|was|were|will\s+be|has\s+been|have\s+been)\b",
    re.I,
)
"""The verb a sentence opening with work says something of that work by, the work its subject
("Tackling offending and supporting victims are central to the plan", "Support services
have been redesigned"); "who are", "which is" belong to a clause inside the work's words."""
_NEXT_WORK = re.compile(rf",\s+(?:and\s+)?(?=(?:{_WORK_WORDS})\s)")
"""Where a sentence naming several pieces of work starts the next: at a comma before its
verb ("Reduce alcohol harm, support the recovery community, reduce the availability of
low-cost, high-strength alcohol")."""
_SCOPE = re.compile(
    r"\b(?:encompass|include|involve|cover|centre[sd]?\s+on|center(?:s|ed)?\s+on|focus(?:es)?\s+on)"
    r"[a-z]*\s+(?P<parts>[^;.]+(?:;[^;.]+){2,})\.?$",
    re.I,
)
"""A sentence naming three or more parts of what it covers between semicolons."""
_NAMED_IN_A_SENTENCE = re.compile(
    # "The priorities include A, B, and C.", "outlines our four key strategic aims of A, B,
    # C, and D, as well as ..."
    r"\b(?:(?P<count>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+){0,3})?"
    r"(?P<label>priorities|aims|objectives|themes|outcomes|goals|ambitions)\s+"
    r"(?P<verb>include[sd]?|are|were|of)\s+(?P<names>[^.;:,]+(?:,[^.;:,]+){2,}?)"
    r"(?:,\s+as\s+well\s+as\b.*|\.)?$",
    re.I,
)
"""A sentence of prose naming three or more of a plan's priorities (or aims, objectives)
between commas, the last after "and". Named after "of", they are counted first ("four key
aims of ..."): "the priorities of partners, views of the community, ..." names no priority."""
_NAME_AT_MOST = 8
"""Words a priority named in a sentence has at most; a longer part is a clause, not a name."""
_SPAN_IN_WORDS = re.compile(
    rf"\bover\s+(?:the\s+(?:next|coming)|a)\s+(?:{_NUMBER_WORDS}|\d{{1,2}})[\s-]years?"
    r"(?:\s+period)?\b",
    re.I,
)
"""How long a plan's prose gives its priorities in words: "strategic priorities over the
next five years", "the priorities ... will be worked towards over a three-year period".
Given with its years ("over the next four years (2023-2026)"), it is the plan's period.
"Over the coming years" counts none and gives no period."""
_PRIORITIES = re.compile(r"\bpriorit(?:y|ies)\b", re.I)
_AIM = re.compile(
    r"(?:\b(?:partnership|board|council|plan|strategy)(?:\s+\d{1,2})?|\b(?-i:[A-Z]{2,6}))\s+aims\s+to\s+"
    r"(?P<what>[a-z][^.;]*[^.;\s])|"
    r"\b(?:the|our)\s+(?:main\s+|key\s+|overall\s+)?(?:aims?|ambitions?)"
    r"(?:\s+of\s+(?:our|this|the)\s+(?:plan|strategy|partnership))?\s+(?:is|are|will\s+be)\s+to\s+"
    r"(?P<ours>[a-z][^.;]*[^.;\s])",
    re.I,
)
"""An aim of the plan's own, the words after "to": "The partnership aims to ...", "The CSP
aims to ...", "The aim will be to ...", "The main aim of our plan is to ...", "Our ambition
is to ...". The aims of others a plan describes ("The project aims to ...") are theirs, and
what an aim would be ("its key aims would be to ..."), as minutes report it, is left to
them."""
_ITEM_WORDS = 60
_BLOCK_TITLE_WORDS = 8
"""An unmarked line longer than this is prose, not a list item."""
_TITLE_WORDS = 20
_TITLE_RUN = 3
"""The fewest titles in a row that make a list without marks, not a heading or two."""
_ACHIEVEMENTS = re.compile(
    # "Progress & Achievements" / "5. Achievements against 2016/17 priorities" / "Key achievements"
    r"^(?:\d{1,2}\.?\s+)?(?:progress\s+(?:&|and)\s+)?(?:key\s+|our\s+)?achievements\b",
    re.IGNORECASE,
)
"""A heading over what the plan's partners have achieved: the plan's record, no list of
its items, and the end of the list above it."""
_POINTING_BACK = re.compile(r"(?:they|these)\s+(?:are|include):", re.I)
"""A lead-in of a pronoun alone, whose list's kind the sentence before names."""
_POINTS_AHEAD = re.compile(
    rf"\b(?:the\s+following|focus(?:es)?\s+on):$|(?:^|[.!?]\s+){_POINTING_BACK.pattern}$",
    re.I,
)
"""A lead-in that points to the list after it without naming what it holds ("... the plan
has ten key objectives." / "They are:")."""


@dataclass
class _List:
    """A list being read: what its items are, how they are marked, and its last number."""

    kind: PriorityKind
    timescale: str | None = None
    lead: str | None = None
    """Who its lead-in says will do its items ("Surrey Police will…")."""
    style: str | None = None
    """"bullet", "number", "letter", "roman", or "lower"/"upper" for unmarked items
    (by the case of the first one); None until the first item."""
    number: int = 0
    items: int = 0
    opening: str = ""
    """An unmarked list's first item, which the others resemble."""
    described: int = 0
    """Lines read since its last item that describe that item."""
    blocks: bool = False
    """Whether its items are the titles of blocks of prose that discuss them ("Safer
    streets" / a paragraph or two / "Stronger communities" / ...)."""
    titles_left: int | None = None
    """For a run of titles a web page's paragraph introduces, how many of them are still
    to be read: the run is the list, and the line after it is none of its items."""
    unmarked: bool = False
    """Whether its items may go without marks: only under a lead-in that ends in ":" or
    "?", or a label of a cell ("Action", "Objectives:"). Under a bare heading ("Our
    priorities", "Key actions") unmarked lines are the paragraphs that discuss it, as a
    PDF prints them a line at a time."""


@dataclass
class _Printed:
    """A table a PDF printed without cell boundaries, as far as it has been read."""

    kind: PriorityKind
    """What its item column holds: actions, deliverables ("Milestone"), objectives."""
    details: tuple[str, ...] = ()
    """The lead and timescale columns to the right of the item column, in order."""
    lines: int = 0
    """How many lines the pending item has taken."""
    pending: tuple[PriorityKind, str, bool] | None = None
    """The item being read: its kind, its words so far, and whether it is a sentence
    ("We will ...") that goes on to its full stop."""
    first: int = 0
    row: list[int] = field(default_factory=list)
    """The actions read since the last "<timescale> - <lead>" line."""
    leads_for: list[int] = field(default_factory=list)
    """The actions "- <lead>" lines add leads to."""
    cell_for: int | None = None
    """A numbered action whose timescale cell is being read."""
    cell: list[str] = field(default_factory=list)
    noting: bool = False
    """Inside a progress note ("Update - ...")."""


@dataclass
class _Slashed:
    """A table whose cells a capture parted with slashes, its rows run over lines ("Priority
    Area / Baseline / Key Activities / Partners" over "Anti-Social Behaviour / In 2016 ..." /
    "... recorded. / ASB Sub Group to agree hotspots" / "To hold ASB meetings / NMDDC"), as
    far as it has been read."""

    columns: dict[str, int]
    width: int
    """How many cells its header names."""
    cells: list[str] = field(default_factory=list)
    """The cells of the row being read, each with its lines parted by newlines."""
    first: int = 0
    """The line the row being read starts on."""
    waiting: list[str] = field(default_factory=list)
    """Lines without a slash since the last row: the next row's first cell, wrapped over
    them."""
    rows: int = 0


@dataclass
class _Section:
    """The items under one priority, and the timescale, lead and portfolio holder stated
    for it."""

    items: list[int] = field(default_factory=list)
    timescale: str | None = None
    lead: str | None = None
    portfolio_holder: str | None = None


class _Reader:
    """One pass over a plan's lines."""

    def __init__(self, text: Text) -> None:
        self.text = text
        self.items: list[PriorityFact] = []
        self.lists: list[_List] = []
        self.sections: list[_Section] = [_Section()]
        self.last_item: int | None = None
        self.columns: dict[str, int] | None = None
        self.row_parents: dict[str, str] = {}
        self.width = 0
        """How many cell boundaries the table's rows have, as its header has."""
        self.pending_field: str | None = None
        self.pending_heading: tuple[str, PriorityKind, int] | None = None
        self.printed: _Printed | None = None
        self.slashed: _Slashed | None = None
        self.seen: set[tuple[PriorityKind, str]] = set()
        self.contents = False
        """Whether the lines being read are a contents list, each ending in its page."""
        self.wrapped = wrapped_lines(text)
        self.last_line = 0
        """The last line of the one being read, which may wrap over several."""
        self.previous_paragraph = ""
        """The line read before this one, with the lines it wraps onto."""
        self.priorities_period: str | None = None
        """The period a lead-in or the prose gave the plan's priorities ("priorities for
        2024-27", "our priorities over the next five years"), for each priority not given
        one of its own."""

    # items ------------------------------------------------------------------------------

    def add(
        self,
        words: str,
        kind: PriorityKind,
        line: int,
        timescale: str | None = None,
        lead: str | None = None,
        portfolio_holder: str | None = None,
    ) -> None:
        """An item, with the deadline it closes with when no timescale is given for it (a
        priority without either has the period given for the plan's priorities). A
        plan that lists its objectives and then heads a section with each ("Objective 1:
        Prevent hate crime") states each once; an action item holding several "We will"
        sentences is as many actions. A contents list names the items with their pages
        ("Priority 1: Safer streets ..... 12"); the page is no part of the item."""
        text = _LIST_JOINER.sub("", _LEADER.sub("", words.strip())).strip()
        parts = _WILL_SENTENCE.split(text) if kind == "action" else [text]
        for part in parts:
            key = (kind, _PAGE_AFTER.sub("", _plain(_LABEL_PREFIX.sub("", part))))
            if not part or key in self.seen:
                continue
            self.seen.add(key)
            when = timescale or deadline_in(part)
            if kind == "priority":
                when = when or self.priorities_period
            self.items.append(
                PriorityFact(part, kind, line, when or None, lead or None, portfolio_holder or None)
            )
            self.last_item = len(self.items) - 1
            self.sections[-1].items.append(self.last_item)

    def set_field(self, name: str, value: str, item_level: bool) -> None:
        """A field for the last item, or for the priority being read. Fields above the
        first item describe the document ("Lead officer" of a report), not its items; a
        timescale is an item's, or the priority's when nothing is listed under it yet
        ("Priority 1: ..." / "Timescale: 2023/24")."""
        value = value.strip().rstrip(".;,").strip()
        if not value:
            return
        section = self.sections[-1]
        if name == "timescale" and self.last_item is None:
            if section.items and self.items[section.items[0]].kind == "priority":
                section.timescale = value
            return
        if name == "timescale" or item_level:
            if self.last_item is not None:
                self.items[self.last_item] = _with(self.items[self.last_item], name, value)
            return
        if len(self.sections) == 1 and not section.items:
            return
        if name == "lead":
            section.lead = value
        else:
            section.portfolio_holder = value

    def start_section(self) -> None:
        self.sections.append(_Section())
        self.last_item = None

    # lines ------------------------------------------------------------------------------

    def read(self) -> list[PriorityFact]:
        number = 1
        while number <= len(self.text.lines):
            line, self.last_line = self._paragraph_at(number)
            self.line(line, number)
            self.previous_paragraph = line
            number = self.last_line + 1
        return self.finish()

    def _paragraph_at(self, number: int) -> tuple[str, int]:
        """The line starting at `number` with the lines it wraps onto, and its last line."""
        line = self.text.line(number)
        while number in self.wrapped and not self._is_table_row(line):
            number += 1
            line = f"{line} {self.text.line(number)}"
        if self.text.format == "pdf":
            line = _PAGE_FURNITURE.sub("", line).strip()
        return line, number

    def _paragraph_after(self) -> str:
        """The next line to be read, with the lines it wraps onto."""
        if self.last_line >= len(self.text.lines):
            return ""
        return self._paragraph_at(self.last_line + 1)[0]

    def line(self, line: str, number: int) -> None:
        if not line or _PAGE_NUMBER.fullmatch(line) or _BARE_MARKER.fullmatch(line):
            return
        if len(items := _RUN_TOGETHER.split(line)) > _RUN_TOGETHER_AT_LEAST:
            for item in items:
                self.line(item, number)
            return
        if _CONTENTS.fullmatch(line):
            self.contents = True
            return
        self.contents = self.contents or self._untitled_contents(number)
        if self.contents:
            line = self._contents_entry(line)
            if not line:
                return
        if _ACHIEVEMENTS.match(line):
            self.lists.clear()
            self.last_item = None
            return
        if self.slashed is not None and self.slashed_line(line, number):
            return
        if columns := _slashed_header(line):
            self.slashed = _Slashed(columns, line.count(" / ") + 1)
            self.row_parents = {}
            self.lists.clear()
            self.last_item = None
            return
        if self.printed is not None and self.printed_line(line, number):
            return
        if self.pending_heading and self.name_heading(line):
            return
        if self.pending_field:
            name, self.pending_field = self.pending_field, None
            if not self._starts_something(line):
                self.set_field(name, line, item_level=False)
                return
        if self.columns is not None:
            another_header = _names_columns(line)  # "Indicator | Measure": another table
            if self._is_table_row(line) and not another_header:
                self.row(line, number)
                return
            if another_header:
                self.columns = None
            if " | " in line or len(line.split()) > _TITLE_WORDS:
                self.columns = None
        if header := _table_header(line):
            self.columns, self.row_parents = header, {}
            self.width = line.count(" | ")
            self.lists.clear()
            return
        if printed := _printed_header(line):
            self.printed = _Printed(*printed)
            self.lists.clear()
            self.last_item = None
            return
        if self.field(line):
            return
        if heading := (
            _numbered_heading(line) or _LABELLED_ITEM.match(line) or _CODED_PRIORITY.match(line)
        ):
            self.heading(heading, number)
            return
        if label := _ITEM_LABEL.match(line):
            plural = re.search(r"(?:s|ies)$", label["label"], re.I)
            self.open_list(
                _kind_of(label["label"]) or "action",
                None,
                label_only=True,
                unmarked=line.endswith(":") or not plural or self._unmarked_blocks(number),
            )
            return
        if self._heads_a_block(line, number):
            self.lists.clear()
            self.start_section()
            self.add(line, "priority", number, self.priorities_period)
            self.last_item = None
            return
        marker = _MARKER.match(line)
        if self.parts_listed(marker["rest"] if marker else line, number):
            return
        if (marker or self._in_unmarked_list()) and self.list_item(line, number):
            return
        if self.run_in_title(line, number):
            return
        if kind := _lead_in_kind(
            line, heading_too=not self._in_unmarked_list()
        ) or self._lead_in_continued(line):
            self.open_list(
                kind,
                _lead_in_period(self._lead_in(line)),
                unmarked=_closes_lead_in(line),
                lead=_doer(line),
            )
            return
        if not marker and (kind := self._counts_its_list(line)):
            self.open_list(kind, None)
            return
        if introduced := self._introduces_titles(line, number):
            kind, titles = introduced
            self.open_list(kind, _lead_in_period(line), unmarked=True)
            self.lists[-1].titles_left = titles
            return
        if self.list_item(line, number):
            return
        if self.lists and self._block_body(line):
            self.lists[-1].described += 1
            self.prose(line, number)
            return
        if self.lists and self._described(line):
            self.lists[-1].described += 1
        elif self.lists and (self.lists[-1].items or line.endswith(":")):
            self.lists.clear()
            self.last_item = None
        if marker and _WE_WILL.match(marker["rest"]):
            self.open_list("action", None)  # its marked siblings are actions too
            self.list_item(line, number)
        elif not marker:
            self.prose(line, number)

    def _lead_in_continued(self, line: str) -> PriorityKind | None:
        """What a lead-in that names nothing ("... will focus on:", "... should be the
        following:") introduces: what it or the sentence before it names, its start
        printed as a line of its own ("... translate into the following themes. Between
        2018 and 2023," / "partners will focus on:", "... identifies the key priorities
        for the" / "Partnership should be the following:")."""
        if not _POINTS_AHEAD.search(line):
            return None
        if _POINTING_BACK.fullmatch(line):
            return _kind_of(self._lead_in(line))  # "They are:" after the paragraph naming them
        return _kind_of(" ".join(_SENTENCE_BREAK.split(self._lead_in(line))[-2:]))

    def _counts_its_list(self, line: str) -> PriorityKind | None:
        """What a sentence counting the items of a marked list after it introduces. Its
        period, if any, is the sentence's ("... moving into 2019 and beyond"), not the
        items'."""
        last_sentence = _last_sentence(line)
        if not _COUNTED_LEAD_IN.search(last_sentence) or not _MARKER.match(self._paragraph_after()):
            return None
        return _kind_of(last_sentence)

    def _lead_in(self, line: str) -> str:
        """A lead-in with its start, when a PDF printed that as a line of its own ("...
        Between 2018 and 2023," / "partners will focus on:"), or with the paragraph a
        lead-in of a pronoun alone points back to ("... the plan has ten key objectives.
        ..." / "They are:")."""
        pointing_back = _POINTING_BACK.fullmatch(line) is not None
        if not line.endswith(":") or (
            re.search(r"[.!?:;]$", self.previous_paragraph) and not pointing_back
        ):
            return line
        return f"{self.previous_paragraph} {line}"

    def _introduces_titles(self, line: str, number: int) -> tuple[PriorityKind, int] | None:
        """What a web page's paragraph introduces when a run of titles follows it, the
        marks of their list lost, and how many: what the paragraph names ("... will also
        provide a focus for work in these areas;" after "their own local priorities"), or
        else the heading right above it, without the site name a page title closes with
        ("Our priorities | <site>" / "These are the things we need to focus on
        together."). Only its last sentence leads in to the run."""
        if self.text.format not in ("html", "docx") or _is_title(line):
            return None
        titles = 0
        while number + titles < len(self.text.lines) and _is_title(
            self.text.line(number + titles + 1)
        ):
            titles += 1
        after = number + titles + 1
        if after <= len(self.text.lines) and self.text.line(after).endswith(":"):
            titles -= 1  # the last heads the lead-in after the run ("Governance" / "...:")
        if titles < _TITLE_RUN:
            return None
        heading = self.text.line(number - 1).split(" | ")[0] if number > 1 else ""
        last_sentence = _last_sentence(line)
        kind = _kind_of(last_sentence) or _lead_in_kind(heading, heading_too=True)
        return (kind, titles) if kind else None

    def parts_listed(self, line: str, number: int) -> bool:
        """Whether a sentence spells out what the priority above it covers, part by part
        between semicolons ("This includes hate crime; cyber crime; and road safety.", "the
        ... priority is centred on ...; ...; and ..."): each part is an objective of that
        priority, and the sentence itself no item."""
        sentences = _PLEDGE_SENTENCE.split(line)
        scopes = [scope for sentence in sentences if (scope := _SCOPE.search(sentence))]
        for scope in scopes:
            for part in scope["parts"].split(";"):
                self.add(re.sub(r"^\s*and\s+", "", part).strip(), "objective", number)
        return bool(scopes)

    def prose(self, line: str, number: int) -> None:
        """The commitments a paragraph states in its sentences, whether it stands alone,
        describes the item above it or closes a list: work promised ("We will ...") is an
        action, an aim ("The partnership aims to ...", "Our ambition is to ...") an
        objective. In the paragraphs discussing a priority, a sentence opening with the work it
        names is an action, or as many actions as the pieces of work it names between
        commas."""
        for sentence in _PLEDGE_SENTENCE.split(line):
            if self.named_in_sentence(sentence, number):
                continue
            span = _SPAN_IN_WORDS.search(sentence)
            if span and _PRIORITIES.search(sentence) and not _PERIOD.search(sentence):
                self.priorities_period = span[0]
            if _PLEDGE.match(sentence):
                self.add(sentence, "action", number)
            elif aim := _AIM.search(sentence):
                self.add(aim["what"] or aim["ours"], "objective", number)
            elif (
                self._describing_a_priority()
                and _WORK_SENTENCE.match(sentence)
                and not _WORK_AS_SUBJECT.search(sentence)
            ):
                for work in _NEXT_WORK.split(sentence):
                    self.add(work, "action", number)

    def named_in_sentence(self, sentence: str, number: int) -> bool:
        """Whether a sentence runs the plan's priorities together, naming them between
        commas ("The priorities include improving healthy lifestyles, tackling physical
        inactivity, and recognising mental health."): each name is an item of the kind the
        sentence calls them. A part too long for a name makes the sentence prose."""
        named = _NAMED_IN_A_SENTENCE.search(sentence)
        if named is None or (named["verb"].casefold() == "of" and not named["count"]):
            return False
        names = [name.strip() for name in named["names"].split(",")]
        last = names.pop()
        if last.startswith("and "):
            names.append(last[len("and ") :])
        elif " and " in last:
            names.extend(last.rsplit(" and ", 1))
        else:
            return False
        if any(not name or len(name.split()) > _NAME_AT_MOST for name in names):
            return False
        kind = _kind_of(named["label"]) or "priority"
        for name in names:
            self.add(name, kind, number)
        return True

    def _describing_a_priority(self) -> bool:
        """Whether the paragraph being read is one of those that discuss the priority just
        listed or titled, not prose after the list."""
        current = self.lists[-1] if self.lists else None
        return (
            current is not None
            and current.kind == "priority"
            and current.items > 0
            and current.described > 0
        )

    def _contents_entry(self, line: str) -> str:
        """A contents line without its page; a numbered sub-section under a priorities
        section ("5 Our priorities 9" / "5.1 Violent crime 10") is an item of its list, and
        an entry numbering its item ("6 Strategic priority 1: Prosperity 16") is read
        without its section's number. The contents end at the first line that gives no
        page."""
        if re.fullmatch(r"page(?:\s+no\.?|s)?", line, re.IGNORECASE):
            return ""  # the contents' column heading
        page = _CONTENTS_PAGE.search(line)
        if page is None:
            self.contents = False
            return line
        line = line[: page.start()]
        sub = _SUB_SECTION.match(line)
        if sub and self.lists and self.lists[-1].kind == "priority":
            return f"• {sub['title']}"
        entry = _SECTION_NUMBER.sub("", line)
        return entry if _numbered_heading(entry) else line

    def _untitled_contents(self, number: int) -> bool:
        """Whether a contents list starts at this line though the capture lost its title:
        this line and the next each give a section's number, its name and its page, the
        pages running on ("1 Introduction 3" / "2 About this strategy 4")."""
        if number >= len(self.text.lines):
            return False
        this = _NUMBERED_ENTRY.match(self.text.line(number))
        after = _NUMBERED_ENTRY.match(self.text.line(number + 1))
        return bool(this and after and int(this["page"]) <= int(after["page"]))

    def _unmarked_blocks(self, number: int) -> bool:
        """Whether the items after a label are unmarked paragraphs, one a line: a web page
        or Word list whose marks were lost. In PDF and text lines, an unmarked line after
        "Key actions" may be prose wrapped over lines."""
        if self.text.format not in ("html", "docx") or number >= len(self.text.lines):
            return False
        return _MARKER.match(self.text.line(number + 1)) is None

    def _heads_a_block(self, line: str, number: int) -> bool:
        """A short title whose next line is an item label ("Support victims" / "Aim" /
        ...): the heading of one of the plan's repeated blocks, a priority."""
        if number >= len(self.text.lines) or len(line.split()) > _BLOCK_TITLE_WORDS:
            return False
        if re.search(r"[.:;,]$", line) or _MARKER.match(line) or _ITEM_LABEL.match(line):
            return False
        return _ITEM_LABEL.match(self.text.line(number + 1)) is not None

    def run_in_title(self, line: str, number: int) -> bool:
        """Whether a line is the title of a priority's block run in with a colon, a
        paragraph discussing it after ("Strategic themes" / "Listening to residents:" /
        "We will ..."); a lead-in of a list says what the lines after it hold instead."""
        current = self.lists[-1] if self.lists else None
        if current is None or current.kind != "priority" or not line.endswith(":"):
            return False
        title = line[:-1].strip()
        if not _is_title(title) or title.split()[0].casefold() in _OPENERS:
            return False
        if not _is_paragraph(self._paragraph_after()):
            return False
        current.items += 1
        current.blocks, current.style, current.described = True, "upper", 0
        current.opening = current.opening or title
        self.start_section()
        self.add(title, "priority", number, current.timescale)
        self.last_item = None
        return True

    def _block_body(self, line: str) -> bool:
        """Whether a paragraph discusses the priority above it, in an unmarked list of
        priorities whose first item a paragraph followed: a list of blocks, each a title
        and a few paragraphs, whose next title is its next item."""
        current = self.lists[-1]
        starts_blocks = current.items == 1 and current.style in ("lower", "upper")
        if not (
            current.kind == "priority"
            and (current.blocks or starts_blocks)
            and current.described < _BLOCK_PARAGRAPHS
            and _is_paragraph(line)
            and _MARKER.match(line) is None
        ):
            return False
        current.blocks = True
        return True

    def _described(self, line: str) -> bool:
        """Whether an unmarked line describes the numbered item above it, the numbering
        going on after it ("1. People & Outcomes" / "We want to empower people ..." / "2.
        Systems ..."): a line or two, no more, so that a later "2. Background" is no item."""
        current = self.lists[-1]
        return (
            current.style in _NUMBERED
            and current.items > 0
            and current.described < _DESCRIPTION_LINES
            and not line.endswith(":")
            and _MARKER.match(line) is None
        )

    def _in_unmarked_list(self) -> bool:
        return bool(self.lists) and self.lists[-1].style in ("lower", "upper")

    def _starts_something(self, line: str) -> bool:
        return bool(
            _numbered_heading(line) or _MARKER.match(line) or _ITEM_LABEL.match(line)
            or any(label.match(line) for label in _FIELD_LABELS.values())
        )  # fmt: skip

    def field(self, line: str) -> bool:
        """ "Timescale: March 2022." under an item is the item's; a field named alone on its
        line, its value on the next ("Portfolio holder" / "Councillor Cathy Scott"), is the
        priority's. One line may give several fields ("Lead: Licensing Team; By when:
        Ongoing", or the cells of a row)."""
        plain = _MARKER.sub(r"\g<rest>", line)
        parts = [cell for part in _GLUED_FIELD.split(plain) for cell in _NEXT_FIELD.split(part)]
        fields = [_field_in(part) for part in parts]
        if fields[0] is not None:
            item_level = self.last_item is not None
            for found in fields:
                if found is not None:
                    self.set_field(*found, item_level)
            return True
        for name, pattern in _FIELD_LABELS.items():
            if pattern.match(line):
                self.pending_field = name
                return True
        return False

    def heading(self, heading: re.Match[str], number: int) -> None:
        """A numbered heading is an item; a bare one ("Priority One") is named by the line
        after it, when that line is no heading, list or field of its own."""
        label = " ".join(heading["label"].casefold().split())
        kind = _LABELS.get(label) or _CODES.get(label, "priority")
        if kind == "priority":
            self.start_section()
        self.lists.clear()
        if heading["rest"] and "number" not in heading.re.groupindex:
            self.add(heading["rest"], kind, number)  # "Our objective: <the objective>"
        elif heading["rest"]:
            self.add(_titled(heading[0]), kind, number)
        else:
            self.pending_heading = (heading[0], kind, number)
        if kind == "priority":
            self.last_item = None

    def name_heading(self, line: str) -> bool:
        """Whether `line` named the bare heading before it."""
        assert self.pending_heading is not None
        label, kind, number = self.pending_heading
        self.pending_heading = None
        named = not (self._starts_something(line) or line.endswith(":"))
        purpose = None if named else _PURPOSE_BEFORE_LIST.match(line)
        self.add(line if named else purpose["purpose"] if purpose else label, kind, number)
        if kind == "priority":
            self.last_item = None
        return named

    def open_list(
        self,
        kind: PriorityKind,
        timescale: str | None,
        label_only: bool = False,
        unmarked: bool = False,
        lead: str | None = None,
    ) -> None:
        """A lead-in or label opens a list. A label ("Action", "Deliverable(s)") sits
        inside the list whose item it describes, as do lead-ins under a numbered item."""
        while self.lists and (self.lists[-1].items == 0 or self.lists[-1].style not in _NUMBERED):
            self.lists.pop()
        if not label_only and kind == "priority":
            self.lists.clear()
            self.priorities_period = timescale or self.priorities_period
        self.lists.append(_List(kind, timescale, lead, unmarked=unmarked))
        self.last_item = None

    def list_item(self, line: str, number: int) -> bool:
        marker = _MARKER.match(line)
        style = _style(marker) if marker else ("lower" if line[:1].islower() else "upper")
        words = marker["rest"] if marker else line
        for depth in range(len(self.lists) - 1, -1, -1):
            current = self.lists[depth]
            if not self._fits(current, style, marker, line):
                continue
            del self.lists[depth + 1 :]
            current.style = style
            current.items += 1
            if current.titles_left is not None:
                current.titles_left -= 1
            current.described = 0
            if marker and marker["number"]:
                current.number = int(re.sub(r"\D", "", marker["number"]))
            if current.kind == "priority":
                self.start_section()
            self.add(words, current.kind, number, current.timescale, current.lead)
            if current.kind == "priority":
                self.last_item = None
            return True
        return False

    def _fits(self, current: _List, style: str, marker: re.Match[str] | None, line: str) -> bool:
        """Whether a line is the next item of `current`: marked as its items are (numbers
        following on), or, in a list without marks, a short line in the first one's case.
        Under a priorities heading, short lines in capitals are its priorities however the
        heading ends ("PDB3 PRIORITIES" / "MODERN SLAVERY" / "ORGANISED CRIME"): capitals
        mark headings, never the prose about them."""
        if (
            marker is None
            and current.kind == "priority"
            and current.style in (None, "upper")
            and _in_capitals(line)
            and (not current.opening or _in_capitals(current.opening))
        ):
            current.opening = current.opening or line
            return True
        if current.opening and _in_capitals(current.opening) and current.style == "upper":
            # headings in capitals go on in capitals; marked lines under one are its list
            return marker is not None
        if current.titles_left is not None:
            return current.titles_left > 0
        if current.style is None:
            if marker is not None:
                return True
            if current.unmarked and _could_be_item(line):
                current.opening = line
                return True
            return False
        if current.style != style:
            return False
        if marker and marker["number"]:
            digits = int(re.sub(r"\D", "", marker["number"]))
            lettered = re.search(r"[a-h]", marker["number"]) is not None  # "1a." / "1b."
            return digits == current.number + 1 or (lettered and digits == current.number)
        return marker is not None or _like(line, current.opening)

    # tables -----------------------------------------------------------------------------

    def _is_table_row(self, line: str) -> bool:
        """A row of the table being read: as many cells as its header. Lines between rows
        that are no row (a heading spanning the table, "Priority 1: Safer streets", or the
        later paragraphs of a cell) leave the table open; prose or another table ends it."""
        return self.columns is not None and line.count(" | ") == self.width

    def row(self, line: str, number: int) -> None:
        """A row of the table being read, its cells parted by bars."""
        assert self.columns is not None
        self.add_row([cell.strip() for cell in line.split("|")], self.columns, number)

    def add_row(self, cells: list[str], columns: dict[str, int], number: int) -> None:
        """A row of an Action | Lead | Timescale table: its most specific item with the
        row's lead, timescale and portfolio holder; a priority or objective cell to its
        left is an item of its own, once for the rows it spans. A cell of items printed a
        line each ("ASB Sub Group to agree hotspots" / "To hold ASB meetings ...") gives
        as many items."""
        value = {name: cells[i] if i < len(cells) else "" for name, i in columns.items()}
        kinds = [kind for kind in _SPECIFICITY if value.get(kind)]
        if not kinds:
            return
        main = kinds[0]
        for kind in reversed(kinds[1:]):
            parent = " ".join(value[kind].split("\n"))
            if kind in ("priority", "objective") and self.row_parents.get(kind) != parent:
                self.row_parents[kind] = parent
                if kind == "priority":
                    self.start_section()
                self.add(parent, kind, number)
        timescale, lead, portfolio_holder = (
            " ".join(value.get(name, "").split("\n"))
            for name in ("timescale", "lead", "portfolio_holder")
        )
        for words in value[main].split("\n"):
            self.add(words, main, number, timescale, lead, portfolio_holder)

    # tables whose cells slashes part ---------------------------------------------------

    def slashed_line(self, line: str, number: int) -> bool:
        """A line of a table whose cells slashes part: its first part goes on with the cell
        being read, each part after a slash opens the next cell. A row ends with the line
        that fills its last cell, or that gives its timescale with nothing after it (a
        status column not yet filled in); lines without a slash after a row start the next
        one, its first cell wrapped, and those before the first row wrap the header. False
        when the line ends the table: a heading, another table."""
        table = self.slashed
        assert table is not None
        if (
            _numbered_heading(line) or _LABELLED_ITEM.match(line) or _table_header(line)
            or _slashed_header(line)
        ):  # fmt: skip
            self.flush_slashed()
            self.slashed = None
            return False
        parts = [part.strip() for part in line.split(" / ")]
        if not table.cells:
            if len(parts) == 1:
                if table.rows:
                    table.waiting.append(line)
                return True
            table.cells, table.first = [" ".join([*table.waiting, parts[0]])], number
            table.waiting = []
        else:
            table.cells[-1] = f"{table.cells[-1]}\n{parts[0]}"
        table.cells.extend(parts[1:])
        when = table.columns.get("timescale")
        dated = len(table.cells) - 1 == when and _is_timescale(table.cells[-1])
        if len(table.cells) >= table.width or dated:
            self.flush_slashed()
        return True

    def flush_slashed(self) -> None:
        """The row being read in a slash-parted table, added, its timescale in the timescale
        column: a slash inside a cell before it ("... require befriending / support / Apr
        2016") leaves the cell whole."""
        table = self.slashed
        if table is None or not table.cells:
            return
        cells, table.cells = table.cells, []
        table.rows += 1
        when = table.columns.get("timescale", 0)
        last_dated = max((i for i, cell in enumerate(cells) if _is_timescale(cell)), default=0)
        if 0 < when < last_dated and not _is_timescale(cells[when]):
            cells[when - 1 : last_dated] = [" / ".join(cells[when - 1 : last_dated])]
        self.add_row(cells, table.columns, table.first)

    # tables printed without cells ------------------------------------------------------

    def printed_line(self, line: str, number: int) -> bool:
        """A line of a table a PDF printed without cell boundaries. Rows open with a
        numbered or coded item ("1. To ensure ...", "CC1.1 ...", "C1.1.1 ...") or a
        commitment ("We want to ...", "We will ..."); "<timescale> - <lead>" lines and the
        "- <lead>" lines after them give the row's actions their timescale and leads; a
        line opening with an owner and a RAG status ("Jerry Smith G ...") gives the item
        its lead; a numbered action's timescale is the cell after it that ends in a date.
        Progress notes ("Update - ...") are not items. False when the line ends the table
        (a heading, another table)."""
        printed = self.printed
        assert printed is not None
        if _numbered_heading(line) or _LABELLED_ITEM.match(line) or _table_header(line):
            self.flush_printed()
            self.printed = None
            return False
        if printed.leads_for and (more := _MORE_LEADS.match(line)):
            self.add_lead(printed.leads_for, more["who"])
            return True
        printed.leads_for = []
        timed = _TIMED_LEADS.match(line)
        if timed and timescale_in(timed["when"]) and not _COMMITMENT.match(line):
            self.flush_printed()
            for index in printed.row:
                self.items[index] = replace(self.items[index], timescale=timed["when"].strip())
            self.add_lead(printed.row, timed["who"])
            printed.leads_for, printed.row = printed.row, []
            return True
        if owner := _OWNER_STATUS.match(line):
            self.flush_printed()
            if self.last_item is not None and not self.items[self.last_item].lead:
                self.items[self.last_item] = replace(
                    self.items[self.last_item], lead=owner["owner"]
                )
            return True
        if start := _printed_item(line, printed.kind):
            self.flush_printed()
            printed.pending = start
            printed.lines = 1
            printed.first = number
            printed.noting = False
            return True
        if _NOTE.match(line):
            self.flush_printed()
            printed.noting = True
            return True
        if printed.pending:
            kind, words, sentence = printed.pending
            open_sentence = sentence and not words.endswith(".")
            if open_sentence or (not words.endswith(".") and _ENDS_BY_DATE.search(line)):
                printed.pending = (kind, f"{words} {line}", sentence)
                printed.lines += 1
                return True
            self.flush_printed()
        if len(line.split()) > _CELL_WORDS:
            printed.cell_for, printed.cell = None, []
        if not printed.noting and printed.cell_for is not None:
            printed.cell.append(line)
            if timescale_in(line):
                index = printed.cell_for
                self.items[index] = replace(self.items[index], timescale=" ".join(printed.cell))
                printed.cell_for, printed.cell = None, []
        return True

    def flush_printed(self) -> None:
        """The item being read in a printed table, added. A row printed on one line
        carries its lead and timescale cells at the end, as the header orders them."""
        printed = self.printed
        if printed is None or printed.pending is None:
            return
        kind, words, sentence = printed.pending
        printed.pending = None
        if kind == "priority":
            self.start_section()
        cells: dict[str, str] = {}
        if printed.lines == 1 and not sentence and kind in ("action", "deliverable"):
            words, cells = _row_cells(words, printed.details)
        before = len(self.items)
        self.add(words, kind, printed.first, cells.get("timescale"), cells.get("lead"))
        added = list(range(before, len(self.items)))
        if kind in ("action", "deliverable"):
            printed.row.extend(added)
        numbered = bool(added) and not sentence and not self.items[added[-1]].timescale
        printed.cell_for, printed.cell = (added[-1] if numbered else None), []

    def add_lead(self, indices: list[int], who: str) -> None:
        """A lead for each of the items, after any they have ("DMBC Hate Crime Lead,
        DMBC Communications")."""
        for index in indices:
            item = self.items[index]
            lead = f"{item.lead}, {who.strip()}" if item.lead else who.strip()
            self.items[index] = replace(item, lead=lead)

    # sections ---------------------------------------------------------------------------

    def finish(self) -> list[PriorityFact]:
        """Each priority's lead and portfolio holder on the priority (they are stated for
        it, not for what is listed under it); outside any priority, on the items around."""
        if self.pending_heading:
            label, kind, number = self.pending_heading
            self.add(label, kind, number)
        if self.printed is not None:
            self.flush_printed()
        self.flush_slashed()
        for section in self.sections:
            items = section.items
            if items and self.items[items[0]].kind == "priority":
                items = items[:1]
            for index in items:
                item = self.items[index]
                self.items[index] = replace(
                    item,
                    timescale=item.timescale or section.timescale,
                    lead=item.lead or section.lead,
                    portfolio_holder=item.portfolio_holder or section.portfolio_holder,
                )
        return self.items


_NUMBERED = ("number", "letter", "roman")

_CAPITALS = re.compile(r"(?=.*[A-Z]{3})[A-Z0-9&'’,/() –-]{4,60}")
_CAPITALS_WORDS = 7
"""The most words a heading in capitals takes: "VIOLENCE AGAINST WOMEN AND GIRLS"."""
_SECTION_NAMES = frozenset(
    {"introduction", "foreword", "contents", "glossary", "background", "appendix", "summary",
     "overview", "priorities", "executive summary", "context", "purpose"}
)  # fmt: skip


def _in_capitals(line: str) -> bool:
    """A short line written in capitals, as a heading is, that names no section of the
    document itself ("INTRODUCTION")."""
    return (
        _CAPITALS.fullmatch(line) is not None
        and len(line.split()) <= _CAPITALS_WORDS
        and line.casefold() not in _SECTION_NAMES
    )


_EXPLAINED = re.compile(r"^(?P<title>[^:]{3,80}?):\s+(?P<explanation>[A-Z].*)$")
_TITLE_AT_MOST = 8
_EXPLANATION_AT_LEAST = 8


_BARE_NUMBER = re.compile(r"(?:[A-Za-z]+\s+){0,2}[A-Za-z]*\d{1,2}(?:\.\d{1,2})*[a-z]?")
"""A label and number, or a code, with nothing to name the item: "Priority 1", "Strategic
priority 2", "SO1"."""


def _titled(heading: str) -> str:
    """A numbered heading without the explanation that follows its colon: "Priority 1 -
    Prevention: The aim is that ..." is the priority "Priority 1 - Prevention"."""
    explained = _EXPLAINED.match(heading)
    if (
        explained
        and not _BARE_NUMBER.fullmatch(explained["title"].strip())
        and len(explained["title"].split()) <= _TITLE_AT_MOST
        and len(explained["explanation"].split()) >= _EXPLANATION_AT_LEAST
    ):
        return explained["title"].strip()
    return heading


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


def _with(item: PriorityFact, name: str, value: str) -> PriorityFact:
    if name == "timescale":
        return replace(item, timescale=value)
    if name == "lead":
        return replace(item, lead=value)
    return replace(item, portfolio_holder=value)


def _style(marker: re.Match[str]) -> str:
    return next(name for name in ("bullet", *_NUMBERED) if marker[name])


def _like(line: str, first: str) -> bool:
    """Whether an unmarked line is another item like `first` rather than the heading or
    paragraph after the list: no sentence after items that were none, and no opening
    "Our", "The" or "We" that the first item did not have."""
    if not _could_be_item(line):
        return False
    if (
        line.endswith(".")
        and not first.endswith(".")
        and len(line.split()) > 2 * len(first.split()) + 4
    ):
        return False
    opener = line.split()[0].casefold()
    return opener not in _OPENERS or first.split()[0].casefold() == opener


def _is_title(line: str) -> bool:
    """A line that can title a block: one phrase, opening in capitals."""
    return (
        line[:1].isupper()
        and len(line.split()) <= _TITLE_WORDS
        and re.search(r"[.!?;:]", line) is None
    )


def _is_paragraph(line: str) -> bool:
    """A line of prose: longer than a title, closing with a full stop."""
    return (
        len(line.split()) > _BLOCK_TITLE_WORDS and re.search(r"[.!?][”’\"')]?$", line) is not None
    )


_OPENERS = frozenset({"our", "the", "this", "these", "we", "it", "how", "what", "why", "about"})


def _could_be_item(line: str) -> bool:
    """An unmarked line that can be a list item: no lead-in, no long prose paragraph, and
    words, not a table's cell of marks, codes or figures read a cell a line ("H", "%",
    "16/17", "(H/M/L)")."""
    words = re.search(r"[a-z]{3}", line) is not None
    return words and not line.endswith(":") and len(line.split()) <= _ITEM_WORDS


_RECURRING = re.compile(
    rf"^(?:annually|quarterly|monthly|each\s+year)\b|"
    rf"\bevery\s+(?:(?:{_NUMBER_WORDS}|\d{{1,2}})\s+)?(?:years?|months?|quarters?)\b",
    re.I,
)
"""How often an item recurs, as its timescale: "Annually we will update residents ...",
"... review the Strategy every three years ..."."""


def deadline_in(item: str) -> str | None:
    """A deadline an item closes with, as written, when it names a period, or how often
    it recurs."""
    match = _DEADLINE.search(item)
    if match and _is_timescale(when := match["when"].strip()):
        return when
    recurring = _RECURRING.search(item)
    return recurring[0] if recurring else None


def _last_sentence(line: str) -> str:
    """A line's last sentence, the one a lead-in's list follows."""
    return _SENTENCE_BREAK.split(line)[-1]


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def _kind_of(label: str) -> PriorityKind | None:
    """What a label's items are: "Deliverable(s)" deliverables, "Outcomes" objectives."""
    for pattern, kind in _LEAD_IN_WORDS:
        if pattern.search(label):
            return kind
    return None


_UNCOLONED_LEAD_IN = re.compile(
    r"\bthe\s+following\b[^.;:!?]*[.;]$|\bidentified\b[^.;:!?]*;$|"
    r"^these\s+are\s+the\s+(?:[\w-]+\s+)?(?:actions|priorities|objectives|aims|commitments)\b"
    r"[^.;:!?]*\.$",
    re.IGNORECASE,
)
"""A lead-in closed by a full stop or semicolon where a colon was meant, as plans printed
to PDF have them: one that points to the list after it ("The strategy contains the
following priorities for action.", "The following priorities were identified for
2008-11;", "These are the actions that will help to deliver ...") or, closing with a
semicolon, says its items were identified ("... have been identified as local priorities
in Antrim and Newtownabbey;"). Items and prose closing so say neither."""


_COUNTED_LEAD_IN = re.compile(
    rf"\b(?:{_NUMBER_WORDS}|\d{{1,2}})\s+(?:[\w-]+\s+){{0,2}}(?:priorities|objectives|aims|themes|"
    r"goals|ambitions)\b[^.;:!?]*\.$",
    re.IGNORECASE,
)
"""A sentence that counts the items of the list after it ("Our draft plan sets out five key
priorities for the coming years."): a lead-in closed by a full stop, whose list is read
only as far as its items are marked, since prose may follow a sentence like it."""


_DOER_WILL = re.compile(
    r"^(?P<doer>(?:(?-i:[A-Z])[\w'’&-]*|my|our|the)(?:\s+[\w'’&-]+){0,5}?)\s+will\s*(?::|…|\.\.\.)$",
    re.I,
)
"""A lead-in naming who will do the actions listed under it ("Surrey Police will…", "My
office will…", "The Board will:"); "we" leads nothing of its own ("Together we will…"), nor
does "I" (a commissioner's plan speaks in the first person: "I will:")."""


def _doer(line: str) -> str | None:
    """Who a lead-in says will do the actions under it, the lead of each, named without its
    article ("The Kirklees Communities Board will:" is led by Kirklees Communities Board)."""
    match = _DOER_WILL.match(line)
    if match is None:
        return None
    doer = re.sub(r"^the\s+", "", match["doer"], flags=re.I)
    return None if re.search(r"\bwe\b", doer, re.I) or doer == "I" else doer


def _closes_lead_in(line: str) -> bool:
    """Whether a line ends as a lead-in does: in a colon or question mark, or in the full
    stop or semicolon some plans print for the colon."""
    return (
        line.endswith((":", "?"))
        or _UNCOLONED_LEAD_IN.search(line) is not None
        or _DOER_WILL.match(line) is not None
    )


def _lead_in_kind(line: str, heading_too: bool) -> PriorityKind | None:
    """What the list after a lead-in holds: a line ending as a lead-in does, or a short
    heading that opens or ends with the word for it ("Our priorities", "Priorities for
    action", "10 Community Safety Partnership Priorities" in a contents list), when it
    names no plan ("Action Plan 2022") and cannot be an item of the list being read."""
    last_sentence = _last_sentence(line)
    found = [(m, kind) for pattern, kind in _LEAD_IN_WORDS if (m := pattern.search(last_sentence))]
    if not found:
        return None
    match, kind = min(found, key=lambda pair: pair[0].start())
    judged = _JUDGED_BY.search(last_sentence)
    if judged and judged.start() < match.start():
        return None
    if _closes_lead_in(line):
        return kind
    short = len(line.split()) <= _TITLE_WORDS // 2 and not re.search(r"[.;,!?]$", line)
    if short and heading_too and kind == "action" and _ACTION_PLAN.search(line):
        return kind
    if not (short and heading_too) or _PLAN_WORDS.search(line):
        return None
    opens = _HEADING_OPENING.fullmatch(last_sentence[: match.start()])
    closes = any(m.end() == len(last_sentence) for m, _ in found)
    return kind if opens or closes else None


_ACTION_PLAN = re.compile(r"\baction\s+plan\b", re.I)
"""A heading naming an action plan, over the actions it lists."""

_JUDGED_BY = re.compile(
    r"\b(?:outcomes?|measures?|measured|indicators?|success|targets?|progress|kpis?|results?)\b",
    re.I,
)
"""Words for what a plan is judged by. A lead-in naming them first ("Outcomes we want to
see:", "How we will measure success:") lists outcomes or measures, not items."""
_HEADER_WORDS = _words_of(
    "objective objectives action actions specific key milestone milestones deliverable "
    "deliverables output outputs outcome outcomes measure measures measurement timescale "
    "timescales target targets deadline lead leads officer agency owner directorate status "
    "current rag rating commentary progress update by when responsible partner partners date "
    "ref no priority / & and of activity activities what we will do who portfolio holder "
    "cabinet member due timeframe completion"
)
"""Words of a table header's column names."""
_HEADER_ITEMS = re.compile(
    r"\b(?:objectives?|(?:specific\s+|key\s+)?actions?|activit(?:y|ies)|what\s+we\s+will\s+do|"
    r"milestones?|deliverables?)\b",
    re.I,
)
_HEADER_DETAILS = re.compile(
    r"\b(?:timescales?|timeframe|targets?|deadline|due|by\s+when|lead|owner|responsible|who)\b",
    re.I,
)
_CODE = re.compile(
    r"^(?P<code>[A-Z]{1,3}\d{1,2}(?:\.\d{1,2}){0,3}[a-z]?|\d{1,2}(?:\.\d{1,2}){1,3})\s+"
    r"(?P<rest>[A-Z]\S*.*)$"
)
"""An item's code in a plan's table: "CC1", "CC1.1", "C1.1.1", "2.3"."""
_NUMBERED_ROW = re.compile(r"^\d{1,2}[.)]\s+(?P<rest>\S.*)$")
_COMMITMENT = re.compile(r"^(?P<words>we\s+want\s+to|we\s+will|we['’]ll)\b", re.I)
_NOTE = re.compile(r"^(?:update|progress|comments?|commentary|notes?)\b\s*[:–—-]", re.I)
_TIMED_LEADS = re.compile(r"^(?P<when>.{3,60}?)\s+[-–—]\s+(?P<who>\S.*)$")
_MORE_LEADS = re.compile(r"^[-–—•]\s+(?P<who>\S.*)$")
_OWNER_STATUS = re.compile(
    r"^(?P<owner>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\s+(?:R|A|G|A/G|G/A|R/A|Red|Amber|Green)\b"
)
"""An owner and a RAG status at the head of a line: "Jerry Smith G Governance agreed"."""
_ENDS_BY_DATE = re.compile(r"\b(?:by|before)\s+(?:\w+\s+){0,2}(?:19|20)\d{2}(?:/\d{2})?\.?$", re.I)
"""A line closing with a deadline ("... operating effectively by June 2008") goes on the
item before it; other lines after an item are other cells of its row."""


def _printed_header(line: str) -> tuple[PriorityKind, tuple[str, ...]] | None:
    """A table header printed without cell boundaries ("OBJECTIVE ACTION TIMESCALE Lead
    Officer / Agency", "Milestone Directorate Owner Current"): the most specific item column
    it names, and the lead and timescale columns after the item columns in order, when it
    also names a lead or timescale column and is nothing but column names."""
    words = line.casefold().replace("/", " / ").split()
    if " | " in line or not 2 <= len(words) <= 14 or line.endswith("."):
        return None
    named = [word for word in words if word.strip(":") in _HEADER_WORDS]
    if len(named) * 4 < len(words) * 3 or not _HEADER_DETAILS.search(line):
        return None
    found = list(_HEADER_ITEMS.finditer(line))
    kinds = {_kind_of(match[0]) for match in found}
    kind = next((kind for kind in _SPECIFICITY if kind in kinds), None)
    if kind is None:
        return None
    after = found[-1].end()
    details = sorted(
        (match.start(), name)
        for name, pattern in (("lead", _LEAD_COLUMN), ("timescale", _WHEN_COLUMN))
        if (match := pattern.search(line, after))
    )
    return kind, tuple(name for _, name in details)


_LEAD_COLUMN = re.compile(r"\b(?:lead|owner|responsible|who)\b", re.I)
_WHEN_COLUMN = re.compile(r"\b(?:timescales?|timeframe|deadline|due|by\s+when|target)\b", re.I)
_CELL_WORDS = 10
"""A timescale cell is a few words; a longer line is prose after the table."""
_LAST_CELLS: dict[str, re.Pattern[str]] = {
    "timescale": re.compile(
        rf"\s(?P<cell>(?:by\s+)?(?:{_WHEN.pattern}|(?:spring|summer|autumn|winter)\s+(?:19|20)\d{{2}}))$",
        re.I,
    ),
    "lead": re.compile(
        r"(?<=[a-z0-9,;)])\s(?P<cell>[A-Z][\w'’&.()-]*(?:\s+(?:[A-Z(][\w'’&.()-]*|of|and|for|"
        r"the|&|/)){0,7})$"
    ),
}
"""The cell a one-line row ends with: a timescale as plans write one, or a lead as a run
of capitalised words after the item's own words in lower case ("... with partners Head of
Community Safety")."""


def _row_cells(words: str, details: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """An item printed on one line with its row's cells after it, and those cells, read
    from the right; a cell that is not there is left to the lines after."""
    cells: dict[str, str] = {}
    for name in reversed(details):
        match = _LAST_CELLS[name].search(words)
        if match is None or match.start() < len(words) // 3:
            continue
        cells[name] = match["cell"]
        words = words[: match.start()].rstrip()
    return words, cells


def _printed_item(line: str, kind: PriorityKind) -> tuple[PriorityKind, str, bool] | None:
    """The item a line of a printed table opens, if any: coded items are priorities,
    objectives, then the table's items by the depth of their code."""
    if code := _CODE.match(line):
        depth = code["code"].count(".") + 1
        coded: PriorityKind = "priority" if depth == 1 else "objective" if depth == 2 else kind
        return coded, code["rest"], False
    if numbered := _NUMBERED_ROW.match(line):
        return kind, numbered["rest"], False
    if commitment := _COMMITMENT.match(line):
        wants = "want" in commitment["words"].casefold()
        return ("objective" if wants else "action"), line, True
    return None


def _slashed_header(line: str) -> dict[str, int] | None:
    """Column positions of a table header whose cells slashes part ("OBJECTIVE / PLANNED END
    DATE / YEAR END STATUS", "Priority Area / Baseline / Key Activities / Partners /
    Measures"): three cells or more, each a column's name but for one at most, an item
    column among them."""
    if " | " in line:
        return None
    cells = [cell.strip() for cell in line.split(" / ")]
    if len(cells) < 3 or any(not cell or len(cell.split()) > _COLUMN_WORDS for cell in cells):
        return None
    names = [next((n for n, pattern in _COLUMNS.items() if pattern.search(c)), None) for c in cells]
    if names.count(None) > 1:
        return None
    columns: dict[str, int] = {}
    for position, name in enumerate(names):
        if name is not None and name != "other" and name not in columns:
            columns[name] = position
    return columns if any(kind in columns for kind in _SPECIFICITY) else None


def _is_timescale(cell: str) -> bool:
    """Whether a cell is a timescale and nothing else: "Apr 2017", "2023/24", "Ongoing"."""
    when = cell.strip()
    return bool(parse_timescale(when) or _PERIOD.fullmatch(when) or _WHEN.fullmatch(when))


def _names_columns(line: str) -> bool:
    """Whether every cell of a row is a column's name, as in a table's header."""
    cells = [cell.strip() for cell in line.split("|")]
    return len(cells) > 1 and all(
        cell and len(cell.split()) <= _COLUMN_WORDS
        and any(pattern.search(cell) for pattern in _COLUMNS.values())
        for cell in cells
    )  # fmt: skip


def _table_header(line: str) -> dict[str, int] | None:
    """Column positions of a table header naming at least one item column and one of
    lead, timescale or portfolio holder, each cell a column's name. A kind named by more
    than one column is the first's."""
    if " | " not in line:
        return None
    columns: dict[str, int] = {}
    for position, cell in enumerate(c.strip() for c in line.split("|")):
        if len(cell.split()) > _COLUMN_WORDS:
            return None
        name = next((n for n, pattern in _COLUMNS.items() if pattern.search(cell)), None)
        if name is not None and name != "other" and name not in columns:
            columns[name] = position
    has_item = any(kind in columns for kind in _SPECIFICITY)
    has_detail = any(name in columns for name in ("timescale", "lead", "portfolio_holder"))
    return columns if has_item and has_detail else None


# Document facts -----------------------------------------------------------------------


def timescale_in(line: str) -> str | None:
    """The period or date a line gives, as written: "identified for 2018/19", "by 31 May
    2024" (the whole date, not just its year)."""
    found = list(_PERIOD.finditer(line))
    found += [m for m in _DATED.finditer(line) if parse_timescale(m[0])]
    if not found:
        return None
    first = min(found, key=lambda m: (m.start(), -len(m[0])))
    until = _UNTIL.search(line, 0, first.start())
    return f"{until[0]}{first[0]}" if until else first[0]


_UNTIL = re.compile(r"\b(?:until|till|up\s+to|through)\s+$", re.IGNORECASE)
"""Words before a year that make it an end, kept as written: "until 2025"."""


def _lead_in_period(line: str) -> str | None:
    """The period a list's lead-in gives its items ("the priorities identified for
    2018/19 are:"): in the sentence that opens the list, and neither the date of a past
    event ("Adopted in 2013 it identified five priorities:") nor a plan's period ("the
    consultation on the 2023-2026 plan supported these priorities:"), which is the plan's."""
    sentence = _LEAD_IN_SENTENCE.split(line)[-1]
    period = timescale_in(sentence)
    if period is None:
        return None
    said = re.escape(period)
    past = rf"\b[a-z]+ed\s+(?:in|on)\s+{said}"
    of_a_plan = (
        rf"{said}\s+(?:[\w-]+\s+){{0,3}}(?:plan|strategy)\b|\b(?:plan|strategy)\s+(?:for\s+)?{said}"
    )
    if re.search(past, sentence, re.I) or re.search(of_a_plan, sentence, re.I):
        return None
    return period


def plan_period(title: str) -> str | None:
    """The span of years a plan's title gives ("2021-2024", "2022/23 to 2024/25")."""
    for match in _PERIOD.finditer(title):
        if _PERIOD_SPAN.search(match[0]):
            return match[0]
    return None


def plan_title(text: Text) -> str | None:
    """The first heading that names a plan or strategy, with the period on the line after
    it when the heading has none ("Community Safety Plan" / "2021-2024"); else the title
    the file itself gives. A web page's <title> that is its heading plus the site's name
    gives way to the heading."""
    lines = [_PAGE_FURNITURE.sub("", line).strip() for line in text.lines[:30]]
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not _PLAN_WORDS.search(line) or len(line.split()) > _TITLE_WORDS:
            continue
        if line.endswith((".", ":")) or _MARKER.match(line) or _NUMBERED_HEADING.match(line):
            continue
        if following and line.startswith(following):
            continue
        if plan_period(line) is None and (period := plan_period(following)) == following:
            return f"{line} {period}"
        return line
    first = text.lines[0] if text.lines else None
    return text.title or (first if first and len(first.split()) <= _TITLE_WORDS else None)


def plan_owner(text: Text, title: str | None) -> str | None:
    """The body named as the plan's possessor ("the Partnership's plan") or at the head of
    its title ("Safer Arun Partnership Strategic Plan"), in the fullest spelling the text
    gives it."""
    for line in text.lines:
        if match := _POSSESSIVE_OWNER.search(line):
            named = [p for p in phrases(match["owner"]) if p.body and not p.generic]
            if named:
                return named[-1].text
    if not title:
        return None
    before_plan = re.split(r"\b(?:plan|strategy|delivery|action)\b", title, maxsplit=1, flags=re.I)
    prefix = re.sub(r"^[\d/–—-]+\s+", "", before_plan[0]).strip()
    named = [p for p in phrases(prefix) if p.body and p.end == len(prefix)]
    if not named or head_word(named[-1].text.split()[-1]) in ("plan", "strategy"):
        return None
    return _fullest(named[-1].text, text)


def _fullest(name: str, text: Text) -> str:
    """The longest spelling in the text that ends with `name` ("Maidstone Community
    Safety Partnership" for "Community Safety Partnership"), acronyms aside."""
    best = name
    pattern = re.compile(rf"((?:[A-Z][\w&-]*\s+){{1,4}}){re.escape(name)}\b")
    acronyms = acronyms_in(text)
    for line in text.lines:
        for match in pattern.finditer(line):
            candidate = f"{match[1]}{name}"
            if any(word in acronyms for word in match[1].split()):
                continue
            if len(candidate) > len(best) and candidate.split()[0] not in ("The", "A", "Our"):
                best = candidate
    return best


_WRITTEN_DAY = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>(?:{_MONTH_NAMES})[a-z]*)\.?\s*,?\s*"
    r"(?P<year>\d{4}|\d{2})\b",
    re.I,
)
_NUMERIC_DAY = re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4}|\d{2})\b")
_DATE_LINE_WORDS = 20
"""Dates in longer lines are mostly of other events ("brought to this Committee on ...")."""


def date_in(line: str) -> date | None:
    """The first day a line gives: "20 March 2018", "18 MAY,2011", "29/01/2024", "23 Oct 19"."""
    for pattern in (_WRITTEN_DAY, _NUMERIC_DAY):
        for match in pattern.finditer(line):
            year = int(match["year"]) + (2000 if len(match["year"]) == 2 else 0)
            month = match["month"]
            number = int(month) if month.isdigit() else _month_number(month)
            try:
                return date(year, number, int(match["day"]))
            except ValueError:
                continue
    return None


def _month_number(name: str) -> int:
    prefix = name[:3].casefold()
    return [m[:3] for m in _MONTH_NAMES.split("|")].index(prefix) + 1


def stated_date(text: Text, limit: int = 12) -> str | None:
    """The first date in the opening lines (a report's or plan's own date), ISO."""
    for line in text.lines[:limit]:
        if len(line.split()) <= _DATE_LINE_WORDS and (day := date_in(line)):
            return day.isoformat()
    return None


def _this_plan(fact: RelationFact, title: str | None) -> RelationFact:
    """A relation of "the plan", "this strategy" or the plan's heading without its period
    as one of the plan itself, named by its title."""
    if title is None:
        return fact

    def named(end: str) -> str:
        heading = _PLAN_WORDS.search(end) and title.startswith(f"{end} ")
        return title if _PLAN_WORDS.fullmatch(end) or heading else end

    return replace(fact, source=named(fact.source), target=named(fact.target))


def plan_items(text: Text) -> list[PriorityFact]:
    """The priorities, objectives, actions and deliverables the text lists."""
    return _Reader(text).read()


def read_plan(text: Text) -> DocumentFacts:
    """A plan's or strategy's title, owner and commitments, and the relations it states."""
    title = plan_title(text)
    named = plan_owner(text, title)
    relations = [_this_plan(fact, title) for fact in relations_in(text, subject=named)]
    owners = [r.source for r in relations if r.type == "owns" and _PLAN_WORDS.search(r.target)]
    body = owners[0] if owners else named
    return DocumentFacts(
        kind="plan",
        title=title,
        date=stated_date(text),
        body=body,
        priorities=plan_items(text),
        relations=relations,
        unsure=unsure_about(relations),
    )
