"""Minutes of any council or partnership meeting: who was there in what part, the agenda
items, and the actions agreed.

Minutes are written by many hands, so nothing here expects one layout. The reader walks the
lines once. A heading ("Present:", "Apologies for absence", "Also in attendance", "Not
present", a table row "Present | A, B, C", an item titled "Apologies") opens a list of
people in one part, given inline or as the lines that follow (bullets, table rows with or
without a header, one or many names a line); the list ends at the first line that is no
entry. Sentences name people too ("Apologies were received from ...", "X was elected
Chairman", "X was attending as Y's substitute", "X presented the report"). Agenda items are
numbered in one style a document ("Agenda item 3", "3.", "3 Title", "SSP 36/10", a table
row); the style most items share wins, so numbered paragraphs in the body are not taken for
items. Actions are marked ("ACTION:", "ACTION JM:", an Action/Owner table), written as "X to
do Y" or "Y to be done", or resolved ("RESOLVED that the Director be asked to ...").

Whatever looks like a fact but cannot be read with confidence goes to `unsure` with its
line; a layout the reader does not know gives empty lists, never an error.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise

from loaders.ingest.facts import (
    ActionFact,
    AgendaFact,
    DocumentFacts,
    MeetingFacts,
    PersonFact,
    PersonRole,
    Unsure,
)
from loaders.ingest.people import (
    ParsedPerson,
    bare_name,
    has_honorific,
    has_organisation_word,
    has_separator,
    initials_listed,
    is_given_name,
    is_job_title,
    is_name_like,
    is_one_post,
    is_organisation,
    parse_people,
    parse_person,
    plural_honorific,
    reads_as_words,
    run_on_entries,
    run_on_names,
    surname,
)
from loaders.ingest.text import Text
from loaders.work import is_instruction


def _word_set(words: str) -> frozenset[str]:
    """A set of words written as one string, a space between each."""
    return frozenset(words.split())


# -- dates and the body ------------------------------------------------------------------

_MONTHS = {name.casefold()[:3]: number for number, name in enumerate(calendar.month_name) if name}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH}),?\s+(\d{{4}})\b", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b")
_OTHER_MEETING = re.compile(
    r"\b(?:previous|last|next|future|forthcoming)\s+meeting|\bpublished\b|\bheld\s+on\b|"
    r"\breport\b",
    re.IGNORECASE,
)
"""A dated line that heads no meeting of the minutes: one about another meeting, or a
report's date ("Van Council Report - 18th Nov 2015", a police report copied in)."""
_HEADER_LINES = 15
"""How far down the heading of minutes is looked for: title, body, date, venue."""
_HEADING_WORDS = 12
_MEETING_HEADING_ABOVE = 4
"""How many lines above a later meeting's date its heading may name the body."""
_MEETING_PEOPLE_WITHIN = 12
"""How many lines below a later meeting's date its list of people opens."""

_BODY_WORDS = re.compile(
    r"\b(?:partnership|board|committee|sub-committee|group|panel|forum|executive|cabinet|"
    r"commission|network|council|trust|assembly)\b",
    re.IGNORECASE,
)
_MINUTES_OF = re.compile(
    r"\bminutes\s+of\s+(?:the\s+)?(?:(?:a\s+)?(?:\w+\s+)?(?:meeting|proceedings)\s+of\s+"
    rf"(?:the\s+)?)?(?P<body>.+?)(?=\s+(?:held|meeting|on|at)\b|\s+[-–—|,]|\s+(?:{_WEEKDAY}|\d)|$)",
    re.IGNORECASE,
)
_BODY_MINUTES = re.compile(
    r"^(?P<body>.+?)\s+(?:meeting\s+)?(?:minutes|notes|action\s+notes)\b", re.IGNORECASE
)
_AGENDA_AND_MINUTES = re.compile(
    r"^(?:agenda,?\s+(?:decisions\s+)?and\s+(?:draft\s+)?minutes|(?:draft\s+)?minutes|agenda)$",
    re.IGNORECASE,
)
_BODY_LABEL = re.compile(
    r"^(?:meeting|committee|board|body|group)\s*(?::|\s\|)\s*(?P<body>.+)$", re.IGNORECASE
)

# -- lists of people ---------------------------------------------------------------------

_PEOPLE_HEADINGS: list[tuple[str, str]] = [
    # "Those in attendance" lists those present, as "Attendees" does; before the pattern
    # below that makes "Officers in attendance" and the like attendees
    (r"those\s+(?:in\s+attendance|attending)", "listed"),
    (r"apolog(?:y|ies)(?:\s+(?:for|of)\s+(?:absence|non-attendance))?(?:\s+(?:were\s+|have\s+"
     r"been\s+)?(?:received|given|submitted|noted|tendered))?(?:\s+(?:from|on\s+behalf\s+"
     r"of))?|absent\s+with\s+apolog(?:y|ies)|sent\s+apologies", "apology"),
    (r"(?:(?:councillors|cllrs|members)\s+)?(?:not\s+present|not\s+in\s+attendance)|"
     r"did\s+not\s+attend|apolog(?:y|ies)\s+not\s+received|"
     r"absent(?:ees)?"
     r"(?:\s+without\s+apolog(?:y|ies))?", "absent"),
    (r"substitutes?|substitutions?|substitute\s+members?(?:\s+present)?", "substitute"),
    (r"(?:(?!other\s)(?-i:[A-Z][\w&'’-]*)\s+){0,3}(?:members|councillors|cllrs)\s+in\s+"
     r"attendance", "member"),  # "Other Members in attendance" are not the body's: attendees
    (r"also\s+(?:in\s+attendance|present|attending)|by\s+invitation|"
     r"(?:present|in\s+attendance|attending)\s+(?:in|for)\s+part(?:\s+of\s+the\s+meeting)?|"
     r"(?:[^\W\d]\w*\s+)?officers"
     r"(?:\s+(?:present|in\s+attendance|attending))?|(?:(?-i:[A-Z][\w&'’-]*)\s+)?support"
     r"(?:\s+(?:officers?|team|staff))?|advisers|"
     r"advisors|guests|presenters?|presentations?|speakers|observers?|others\s+present|"
     r"(?:non[- ]?members?|others)\s+also\s+(?:present|in\s+attendance)|"
     r"non-voting\s+members|board\s+support|(?:parish\s+|town\s+|deputy\s+)?clerk|"
     r"members\s+of\s+(?:the\s+)?public(?:\s+present)?|public(?=\s*:)|"
     r"(?:other\s+)?(?:officers|people|persons|staff)\s+"
     r"(?:on\s+the\s+d(?:ai|ia)s|(?:attending|observing)(?:\s+(?:or|and)\s+observing)?(?:\s+from"
     r"\s+the\s+(?:gallery|public\s+gallery))?(?:\s+for\s+(?:parts?|some)\s+of\s+the\s+"
     r"meeting)?)|"
     r"(?:(?-i:[A-Z][\w&'’/-]*)\s+|(?:of|and|the|&)\s+){1,8}in\s+attendance", "attendee"),
    (r"(?:in\s+the\s+)?chair(?:man|woman|person)?|chaired\s+by", "chair"),
    (r"(?:(?:(?:non[- ])?executive|board|core|voting|partnership|panel|committee|statutory|partner|"
     r"elected|advisory|"
     r"co-opted|independent|lay|full|cabinet|council)\s+){0,3}members?(?:hip)?(?:\s+present)?|"
     r"(?:(?:parish|town|community)\s+)?(?:councillors|cllrs)(?:\s+present)?|"
     r"partners(?:\s+present)?|present|those\s+present|sederunt|"
     r"(?:advisory\s+)?members\s+of\s+the\s+(?:board|partnership|committee|panel|group|forum|"
     r"executive)|representatives\s+(?:from|of)\s+[^:]{3,80}(?=:)|"
     r"(?:(?-i:[A-Z]{2,6})\s+)?members?\s+(?:present|attending)|"
     r"(?:present|attendees|attendance)\s*(?:&|and)\s*apologies|"
     r"(?:board|panel|committee|group|partnership)\s+(?:members\s+)?(?:&|and)\s+advis[eo]rs",
     "member"),
    # those present over a link: "Zoom:", "Attending on TEAMS", "Attending remotely:"
    (r"(?:(?:present|attending|joined)\s+)?(?:via|by|on)\s+(?:zoom|(?:microsoft\s+)?teams|"
     r"video(?:\s*link)?|(?:tele)?phone)|zoom|(?:(?:present|attending)\s+)?(?:online|remotely|"
     r"virtually)", "link"),
    (r"(?:[A-Z]\w+\s+){0,3}representatives", "attendee"),
    (r"(?:[\w&'’-]+(?:\s*/\s*|\s+)){1,3}attending", "attendee"),
    (r"attendees|attendance|attending|in\s+attendance", "listed"),
    (r"notes?(?:\s+taken)?(?:\s+by)?|minutes?\s+taken\s+by|minute[- ]?taker|notes?[- ]?taker",
     "notetaker"),
]  # fmt: skip
"""Headings that open a list of people, and the part they give. "listed" (Attendees,
Attendance, In attendance) is the members present, unless the minutes list members apart,
another list gave those present first or an item of business has begun; "notetaker"
(Notes: X) names one attendee on its own line."""
_FOR_ITEMS = (
    r"(?:\s+(?:for|at)\s+(?:agenda\s+)?(?:items?|minutes?)\s+[\w.()]+"
    r"(?:\s*(?:,|&|and|-|to)\s*[\w.()]+)*)?"
)
"""A heading's note of the items it covers: "In attendance for item 5"."""
_VOTING = r"(?:\s*\((?:non[- ]?)?voting\)|\s+\((?:non[- ]?)?voting\s+members?\))?"
"""A heading's note of whether its members vote: "Council Officers (non voting):"."""
_HEADING = [
    (re.compile(rf"^(?:{p}){_FOR_ITEMS}{_VOTING}(?:\s*[:;\-–—]\s*(?P<rest>.*)|\s*)$", re.I), role)
    for p, role in _PEOPLE_HEADINGS
]
"""A heading alone on its line, or followed by names after a colon or dash ("Present: A,
B"), so that "Members discussed ..." is none; "Apologies were received from A." is a
sentence."""
_REPRESENTING = re.compile(
    r"^(?:representing|on\s+behalf\s+of)\s+(?P<body>\S.*?)\s*:-?$", re.IGNORECASE
)
"""A label inside a list of those present naming the body the names below it represent:
"Representing the Highland Council (HC):"."""
_LETTER_SPACED = re.compile(r"^(?:[A-Za-z] ){2,}[A-Za-z](?![A-Za-z])")
_PLURAL_HEADING = re.compile(r"^(?:councillors|cllrs)\b", re.IGNORECASE)
_LEAD_IN = re.compile(
    r"^(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:(?:received|submitted|given|tendered|"
    r"noted)\s+)?(?:from|on\s+behalf\s+of|by)\s+",
    re.IGNORECASE,
)
_APOLOGIES_IN_SENTENCE = re.compile(
    r"\bapolog(?:y|ies)\b[^.]*?\b(?:from|on\s+behalf\s+of)(?:\s+|(?-i:(?=[A-Z])))(?P<people>.+)|"
    r"^(?:(?:as|since|because|while|although)\s+)?(?P<senders>.+?)\s+(?:had\s+|have\s+|has\s+)?"
    r"(?:sent|gave|tendered|submitted)\s+"
    r"(?:(?:his|her|their)\s+)?apologies\b",
    re.IGNORECASE,
)
"""Apologies a sentence gives: "Apologies were received from A and B", "A and B sent
their apologies", "As A had sent her apologies, B ..." (the clause opening a sentence)."""
_ATTENDED_BY = re.compile(
    r"(?:\b(?:was|were)\s+attended\s+by|^(?:those\s+)?present\s+(?:were|was)\s*:?)\s+"
    r"(?P<people>.+)$",
    re.IGNORECASE,
)
_ALSO_PRESENT = re.compile(
    r"^(?P<people>(?-i:[A-Z]).+?),?\s+(?:was|were)\s+also\s+(?:present|in\s+attendance)\.?$",
    re.IGNORECASE,
)
"""Those a sentence says were also there, after the lists of the body's members: "The
Town Clerk, Mrs. L.M. Phillips, the Town Clerk's Assistant, Mrs. M.C. Vincent and a
member of the public were also present"."""
_NOT_PRESENT = re.compile(
    r"^(?P<people>(?-i:[A-Z]).+?),?\s+(?:was|were)\s+not\s+(?:present|in\s+attendance)\.?$",
    re.IGNORECASE,
)
"""Those a sentence says were not there, with no apology given: "Cllr K Hughes was not
present."."""
_STANDING_IN = re.compile(
    r"^(?P<who>.+?)\s+(?:attended|was\s+present|substituted|deputised|was\s+substituting)\s+"
    r"(?:(?:as\s+(?:a\s+|the\s+)?substitute\s+)?(?:for|in\s+place\s+of|on\s+behalf\s+of)\s+"
    r"(?P<absent>.+?)|"
    r"in\s+(?:his|her|their)\s+(?:place|absence)|on\s+(?:his|her|their)\s+behalf)\.?$",
    re.IGNORECASE,
)
_TAKING_PART = re.compile(
    r"^(?P<who>.+?)\s+(?:also\s+)?(?P<verb>presented|introduced|outlined|gave|provided|"
    r"delivered|discussed|updated|reported|explained|summarised|summarized|highlighted|"
    r"declared|tabled|led|spoke|(?:had\s+|has\s+)?(?:attended|joined))\b"
)
_INVITED = re.compile(
    r"\binvited\s+(?P<who>.+?),?\s+to\s+(?:introduce|present|give|provide|update|speak|report|"
    r"outline|lead|address)\b",
    re.IGNORECASE,
)
"""Someone asked to take the floor: "The Chair invited Mark Norris, Principal Policy
Adviser, to introduce the item"."""
_WELCOMED = re.compile(
    r"\bwelcomed\s+(?:back\s+)?(?P<who>(?-i:[A-Z]).+?)(?=\s+as\b|,?\s+(?:the\s+|a\s+)?new(?:ly)?\b|"
    r",?\s+who\b|\s+to\s+|,?\s+and\s+(?:also\s+)?(?-i:[a-z]+ed)\b|[.;]|$)",
    re.IGNORECASE,
)
"""Someone the chair welcomed by name, a guest or a new member: "The Chair welcomed Jo
Bloggs, Area Commander, to the meeting"; everyone, all or those present are no one."""
_AS_NEW_MEMBERS = re.compile(
    r"\bnew(?:ly\s+(?:appointed|elected))?\s+(?:\w+\s+)?members?\b(?!\s+of\s+parliament)",
    re.IGNORECASE,
)
"""Those welcomed as members of the body ("as newly appointed Members to the Panel"), not
as guests: a new Member of Parliament is a guest."""
_WELCOMED_BELOW = re.compile(r"\bwelcomed\s+the\s+following\b[^.]*:-?$", re.IGNORECASE)
"""Those welcomed listed on the lines below: "The Chair welcomed the following new members
of the Panel:"."""
_PRESENTED_BY = re.compile(
    r"\b(?:was|were)\s+(?:presented|introduced|given|delivered|provided)\b(?P<by>[^.;]*?\bby\s+"
    r"(?P<who>[^,.;]+))?",
    re.IGNORECASE,
)
"""A report presented by someone, in the passive: "A report was presented to the Board by
X and Y"."""
_NAMING_SENTENCES = (_APOLOGIES_IN_SENTENCE, _ATTENDED_BY, _PRESENTED_BY)
"""Sentences that name people and may run on over lines, so are read joined."""
_PORTFOLIO_POST = re.compile(
    r"(?:the\s+)?(?P<post>(?:cabinet|lead|executive|portfolio)\s+(?:member|holder|councillor)"
    r"\s+for\s+[A-Z][\w&,’' -]+)",
    re.IGNORECASE,
)
_POST_SPEAKS = re.compile(
    # "The Chief Officer (Housing) said that ...", "The Director of Place gave a presentation"
    r"^the\s+(?P<post>(?-i:[A-Z])[^,;:.]*?)\s+(?:also\s+)?(?:said|reminded|advised|informed|"
    r"explained|reported|presented|introduced|outlined|gave|provided|updated|highlighted)\b",
    re.IGNORECASE,
)
"""A post that speaks to the meeting without its holder's name, the minutes' way of naming an
officer who attends: the post is the attendee, unless a list names its holder."""
_PROPOSED = re.compile(
    # "proposed by Cllr X and seconded by Y that", "proposed by Cllr X, seconded by Cllr Y and -"
    r"\b(?:proposed|moved|nominated)\s+by\s+(?P<mover>.+?)(?:\s+and|,)\s+seconded\s+by\s+"
    r"(?P<seconder>.+?)(?=\s+(?:and\s+)?that\b|\s+and\b(?!\s+(?-i:[A-Z]))|\s*[,.;]|$)|"
    # "as moved and seconded by Councillors X and Y."
    r"\b(?:proposed|moved)\s+and\s+seconded\s+by\s+(?P<both>.+?)(?=\s+that\b|\s*[,.;]|$)",
    re.IGNORECASE,
)
"""A motion's mover and seconder, named apart or together; a seconder's name ends at an "and"
no name follows ("... seconded by Cllr Y and agreed")."""
_ELECTED = re.compile(
    r"^(?P<who>.+?)\s+(?:was|be|is|has\s+been)\s+(?:duly\s+|unanimously\s+)?(?:re-)?"
    r"(?:elected|appointed)\s+(?:as\s+)?(?:the\s+)?(?P<post>(?:vice[- ]?|deputy\s+)?"
    r"chair(?:man|woman|person)?)\b",
    re.IGNORECASE,
)
"""An election: "Cllr X was elected Chairman", "That Mr Y be appointed Vice Chairman"."""
_THE_CHAIR_NAMED = re.compile(
    r"^the\s+chair(?:man|woman|person)?,\s+(?P<who>[^,]+),|^(?:chair(?:man|person)?\s*:\s*)?"
    r"(?P<chairing>.+?)\s+(?:\(?in\s+the\s+chair\)?\.?$|took\s+the\s+chair\b|presided\b)",
    re.IGNORECASE,
)
"""The chair named: "The Chair, Cllr X, welcomed", "Cllr X in the Chair", "X took the
Chair"."""
_MIDLINE_PEOPLE = re.compile(
    r"(?:(?<=\S)(?<!\bAlso)(?<!\bMembers)(?<!\bThose)(?<!\bOthers)(?<!\bCouncillors)\s+|"
    r"(?<=[a-z]\.))"
    r"(?=(?:Present|Apologies(?:\s+for\s+absence)?|In\s+attendance|Also\s+present|"
    r"Attendees|Attendance|Absent|(?:[A-Z]\w+\s+)?Representatives|Notes?\s+taker)\s*:\s*\S)"
)
"""A list of people labelled in the middle of a line, as text run together from a PDF
prints it: "1. Welcome, introductions and apologies Present: Brendan Sweeney (Chair)",
"Venue: The Cock Inn, Sibson.Attendance:Geoff Bingham, ..." (no space after the stop)."""
_PRESIDED = re.compile(r"\s+(?:presided|was\s+in\s+the\s+chair)\.?$", re.IGNORECASE)
"""What a "Chair:" line may say after the name: "Chair: Councillor McVey presided."."""
_THAT = re.compile(r"\s+that\s+", re.IGNORECASE)
"""Where a report of what someone did starts ("The Board was advised that X ...")."""
_SUBSTITUTE_OF = re.compile(
    r"\s+(?:was\s+|is\s+)?(?:attending|attended|present)\s+(?:(?:this|the)\s+meeting\s+)?as\s+"
    r"(?P<absent>[A-Z][\w.’' -]*?)['’]s?\s+(?:substitute|representative|deputy)\b",
)
"""A substitute named in a sentence: "X was attending as Y's substitute"."""
_RESPECTIVELY = re.compile(
    r"^(?:they|these)\s+were\s+(?:substituted|represented|replaced)\s+by\s+(?P<who>.+?),?\s+"
    r"respectively\b",
    re.IGNORECASE,
)
"""Substitutes for the senders of apologies just listed, in their order: "They were
substituted by Paran Govender, Neil Robertson and Heather Gilmour respectively"."""
_REPRESENTED_BY = re.compile(
    r"^(?!(?:They|These|He|She|It)\b)(?P<absent>(?:[A-Z][\w.’'-]*\s+){1,4}).*?\b"
    r"(?:represented|substituted|deputised)\s+by\s+"
    r"(?P<who>[^,.;]+)"
)
"""Someone absent and who came for them: "Debbie Preston unable to attend, however she
is represented by Danny Saines"."""
_NEW_MEMBERS = re.compile(
    r"\bnew\s+(?:board\s+)?members?\b[^.]*?\b(?:including|namely|:)\s+(?P<people>.+)$",
    re.IGNORECASE,
)
_STANDS_FOR = re.compile(r"(?P<who>[^,;]+?)\s+(?:for|in\s+place\s+of)\s+(?P<absent>[^,;]+)")
"""A substitute under a "Substitutes:" heading: "Cllr A for Cllr B"."""
_QUALIFIED_ATTENDANCE = re.compile(r"^(?P<qualifier>.+?)\s+in\s+attendance\b", re.IGNORECASE)
"""Whose people a list in attendance gives: "POLICE SERVICE OF NORTHERN IRELAND IN
ATTENDANCE:"."""
_LIST_LEAD_IN = re.compile(
    r"^(?=(?:\S+\s+){0,13}\S+:-?$).*?\b(?P<part>apolog(?:y|ies)|present|in\s+attendance|"
    r"attended|attending|substitut(?:e|es|ed|ing|ions?))\b[^.:]*\b(?:following|below|are|were|"
    r"from|by)(?:\s+\w+)?:-?$",
    re.IGNORECASE,
)
"""A sentence that opens a list of people with a colon: "Apologies for absence were
received from the following:", "The following were in attendance:"."""
_LEAD_IN_PARTS = {
    "apolo": "apology", "prese": "member", "in at": "attendee", "atten": "member",
    "subst": "substitute",
}  # fmt: skip
_FOOTNOTE_MARK = re.compile(r"^\(\d{1,2}\)$")
_COUNTED_POSTS = re.compile(
    r"^(?:one|two|three|four|five|six|seven|eight|nine|ten|several)\s+(?:[\w/&-]+\s+){0,3}"
    r"(?:members?|officials?|officers?|staff|representatives?|guests?|observers?)$",
    re.IGNORECASE,
)
"""Unnamed people counted, not listed: "One PSNI Staff Member", "Three Board Officials"."""
_NO_ONE = re.compile(r"^(?:none|nil|no\s+apologies|n/?a)\b", re.IGNORECASE)
_CHAIR_MARK = re.compile(
    r"\s*\((?:in\s+the\s+)?(?:vice[- ]?)?chair(?:man|woman|person)?\)|"
    r"^(?:in\s+the\s+)?(?:vice[- ]?)?chair(?:man|woman|person)?$",
    re.IGNORECASE,
)
_CHAIR_OF = re.compile(
    r"(?:co-?)?chair(?:man|woman|person)?(?:\s+of)?(?:\s+the)?\s+(?P<body>[^,()]+)|"
    r"(?P<body_first>[^,()]+?)\s+chair(?:man|woman|person)?",
    re.IGNORECASE,
)
"""A title that chairs a body it names: "Chair of the Steering Group", "Chair Safeguarding
Board for Northern Ireland"."""
_PEOPLE_COLUMNS = {
    "name": "name", "names": "name", "attendee": "name", "member": "name", "members": "name",
    "agency": "organisation", "organisation": "organisation", "organization": "organisation",
    "representing": "organisation", "partner": "organisation", "partner agency": "organisation",
    "title": "title", "role": "title", "job title": "title", "position": "title", "post": "title",
    "designation": "title", "initial": "initials", "initials": "initials",
    "attendance": "attendance", "attended": "attendance", "status": "attendance",
}  # fmt: skip
_ATTENDANCE: dict[str, str | None] = {
    "present": "member", "attended": "member", "yes": "member", "apologies": "apology",
    "apology": "apology", "apologies received": "apology", "absent": "absent", "no": "absent",
    "not present": "absent", "in attendance": "attendee", "substitute": "substitute",
    "present as substitute": "substitute", "expected": None, "": "",
}  # fmt: skip
"""The part an attendance column's word gives; None for a meeting yet to happen, "" to
take the part of the list the table stands in."""
_CODE_KEY = re.compile(
    r"(?:^|\s|,|;)(?P<code>(?-i:[A-Z]{1,3}(?:/[A-Z]{1,3})?))\s*=\s*"
    r"(?P<meaning>[A-Za-z][A-Za-z’'/ -]*?)(?=\s+(?-i:[A-Z]{1,3}(?:/[A-Z]{1,3})?)\s*=|\s*[,;.]|\s*$)"
)
"""One code of a key to the marks of an attendance grid: "P= Present", "A = Apology",
"DNA=Did not attend", "D/R=Deputise/Representative"."""
_CODE_MEANINGS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:did\s+not|not|non)\b|\babsent", re.IGNORECASE), "absent"),
    (re.compile(r"\bapolog", re.IGNORECASE), "apology"),
    (re.compile(r"\b(?:deput|represent|substitut|in\s+place)", re.IGNORECASE), "substitute"),
    (re.compile(r"\b(?:present|attend|yes)", re.IGNORECASE), "member"),
]
"""The part a key's meaning gives, the first that fits ("Did not attend" before "attend")."""
_OTHER_COLUMNS = _word_set(
    "no item items description decision decisions minutes notes discussion subject"
) | {"agenda item"}

# -- agenda items ------------------------------------------------------------------------

_BULLET = re.compile(r"^(?:[•·▪◦●○■□‣⁃*>]+|[-–—](?=\s)|\(?[a-z]\)|\(?[ivx]+\))\s*")
_ITEM = re.compile(
    r"^(?:agenda\s+)?item\s+(?:no\.?\s*)?(?P<number>\d{1,3}(?:\.\d{1,2})?[a-z]?)\b\s*"
    r"[:.\-–—)]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
_NO_ITEM = re.compile(r"^no\.?\s*(?P<number>\d{1,3})\s*[.:)\-–]\s*(?P<title>\S.*)$", re.IGNORECASE)
_CODE_ITEM = re.compile(
    r"^(?P<number>[A-Z]{2,6}\d{2}/\d{2}\.\d{1,3}|(?:[A-Z]{2,6}|(?:Note|Minute|Min|Ref)s?)\s?"
    r"\d{1,3}/\d{1,4}|[A-Z]\d{2,3}/\d{2}|[A-Z][A-Za-z]{0,5}/\d{1,4}/\d{2,4}(?:-\d{2,4})?)"
    r"(?![\w/])\s*[:.\-–/]?\s*(?:\d{1,2}\.\s+)?(?P<title>.*)$"
)
"""An item numbered by a code and year: "SSP 36/10", "CSF 14/1", "Note 01/20", "C048/23"
(its place on the agenda may follow: "C048/23 1. APOLOGIES"), by a code, a count and the
council's year: "Cou/235/09-10 / Present.", and by a code, the council's year and a count:
"CS07/08.34 Apologies ..."."""
_CROSS_REFERENCE = re.compile(r"\s*\((?:see|cf\.?)\s[^()]*\)", re.IGNORECASE)
"""A pointer to an earlier minute in a title: "Other Crime (See CS07/08.30 and 31)"."""
_MINUTE_ITEM = re.compile(
    # "97/19 DECLARATIONS OF INTEREST Cllr ...", "21/305 Public forum None.", "2403.02 Finance",
    # "23/6/87 Apologies for absence", "2401 Apologies" (a count run on over the years)
    r"^(?P<number>\d{2,4}/\d{2,4}|\d{2}/\d{1,2}/\d{1,3}|\d{4}\.\d{2}|(?!(?:19|20)\d{2}\b)\d{4})"
    r"\s+(?P<title>[A-Z].*)$"
)
"""An item numbered by the minute's own number, the year's count or the year and month
before it (and the month between them), without a code; the minute's text often runs on
after its heading."""
_DOT_ITEM = re.compile(
    r"^(?P<number>\d{1,3})(?:[.)]\s+|\.(?=[A-Z][a-z]|[A-Z]{2,}\b))(?P<title>\S.*)$"
)
"""A numbered item, its title after a space or straight after the dot ("1.Apologies",
"37.PRESENT")."""
_DOT_ALONE = re.compile(r"^(?P<number>\d{1,3})[.)]$")
_BARE_ITEM = re.compile(r"^(?P<number>\d{1,3})\s+(?P<title>[A-Z].*)$")
_ROW_NUMBER = re.compile(r"^(?:no\.?\s*)?(?P<number>\d{1,3}(?:\.\d{1,2})?)[.)]?$", re.IGNORECASE)
_ITEM_STYLES = (
    ("item", _ITEM),
    ("no", _NO_ITEM),
    ("code", _CODE_ITEM),
    ("minute", _MINUTE_ITEM),
    ("dot", _DOT_ITEM),
    ("bare", _BARE_ITEM),
)
_ATTACHMENT = re.compile(
    r"\s*(?:pdf\s+icon\s*)?(?:PDF|DOC|DOCX|XLS)\s+\d+(?:\.\d+)?\s*[KM]B\b.*$", re.IGNORECASE
)
MINUTES_LABEL = re.compile(r"^(?:minutes|decisions?)\s*:$", re.IGNORECASE)
"""The label an agenda page puts before an item's minutes or decision."""
_PRESENTER_LABEL = re.compile(
    r"\s+(?:presenters?|presented\s+by|lead(?:\s+officer)?|speakers?)\s*:\s*\S.*$",
    re.IGNORECASE,
)
"""Who presents an item, labelled after its title: "MARAC Review Update Presenter: X"."""
_PRESENTER_LABEL_NAME = re.compile(r"^\s*[^:]+:\s*")
_PRESENTED_LINE = re.compile(
    r"^(?:presenters?|presented\s+by|report\s+(?:author|presented\s+by)|speakers?)\s*:\s*"
    r"(?P<who>\S.*)$",
    re.IGNORECASE,
)
"""A line of its own naming who presents the item: "Presented By: Geraldine Gerrard"."""
_PACK_LABEL = re.compile(r"^agenda\s+item\s+\d{1,3}[a-z]?$", re.IGNORECASE)
"""The label an agenda pack prints on the minutes it carries, alone on its line: "Agenda
Item 4a" (an item of the minutes themselves takes a colon or a title: "Agenda item 1:")."""
_ITEM_LABEL = re.compile(r"^item\s+\d{1,3}[a-z]?$", re.IGNORECASE)
""""Item 10" alone on the first line: the pack's label when the minutes' own heading comes
after it, the first item when its title does."""
_LABELLED_HEADING = 3
"""Lines after a pack's label within which the minutes' heading stands."""
_ONE_ITEM_PAGE = re.compile(r"^agenda\s+item$", re.IGNORECASE)
"""The heading of a page that gives one agenda item (modern.gov's "Agenda item"), its
title on the next line."""
_ITEMS_HEADER = re.compile(r"^(?:no\.?\s+item|items?)$", re.IGNORECASE)
_NOT_A_HEADING = re.compile(
    r"\b(?:to\s+be|will|was|were|is|are|has|have|had|should|would|can|could)\b", re.IGNORECASE
)
"""Words of a sentence, which an item's title is not."""
_MAX_TITLE_WORDS = 16
_WELCOME_ITEM = re.compile(
    r"^(?:welcome|introductions?|attendance|welcome,?\s+(?:and\s+)?introductions?"
    r"(?:\s+and\s+apologies)?)\.?$",
    re.IGNORECASE,
)
"""An opening item under which the names of those present may stand unheaded, one a
line ("1. Welcome and introductions" / "PFCC Stephen Mold (SM)" / "Nicci Marzec (NM)")."""

# -- actions -----------------------------------------------------------------------------

_ACTION_MARKER = re.compile(
    r"^(?:agreed\s+)?actions?(?:\s+(?:agreed|point|required))?"
    r"(?:\s*(?:no\.?\s*)?[A-Z]?\d{1,3}(?:\.\d{1,2})*)?(?:\s+(?-i:(?P<owner>[A-Z][A-Za-z]{0,3}(?:\s*[/&,]\s*[A-Z][A-Za-z]{0,3})*)))?"
    r"\s*(?::|-|–|—)\s*(?P<text>.+)$",
    re.IGNORECASE,
)
"""An action mark, with its number ("Action 3:", "Action point A2 -") or the owner's
initials ("ACTION JM: ...") before its colon."""
_ACTIONS_HEADING = re.compile(
    r"^(?:(?:agreed|summary\s+of|schedule\s+of|outstanding|list\s+of)\s+)?actions?"
    r"(?:\s+(?:agreed|arising|points|required|log|sheet|list|tracker|register|schedule|summary|"
    r"table))?\s*:?$",
    re.IGNORECASE,
)
_ACTION_BY = re.compile(
    r"^\(?\s*action\s+by\s*[:\-–]?\s*(?P<owner>[^)]+?)\s*\)?\.?$", re.IGNORECASE
)
_OWNER_LAST = re.compile(
    r"\(\s*(?P<owner>[A-Z][^()]{0,40}?)\s*\)(?:\s+(?:by|before)\s+[^()]{1,30}?)?\.?$"
)
"""An owner in brackets at the end of an action, or before its date ("(JS) by 1 June")."""
_OWNER_LINE = re.compile(
    r"^(?:owner|lead|responsible|by\s+whom|who)\s*[:\-–]\s*(?P<owner>.+)$", re.IGNORECASE
)
_DUE_LINE = re.compile(
    r"^(?:deadline|due(?:\s+date)?|by\s+when|timescale|target\s+date)\s*[:\-–]\s*(?P<due>.+)$",
    re.IGNORECASE,
)
_TRAILING_ACTION = re.compile(
    r"(?:\(\s*action(?:\s+by)?\s*[:\-–]?\s*(?P<owner>[^)]+)\)|(?:(?<=[.!?])|\s+[-–—])\s+action(?:\s+by)?"
    r"\s*[:\-–]?\s+(?P<named>[A-Z][\w/&,’' ]{0,40}?))\.?\s*$",
    re.IGNORECASE,
)
_SHOUTED_ACTION = re.compile(r"(?<=\S)\s+ACTIONS?\s*[:\-–—]?\s+(?P<task>[A-Z].{8,300})$")
"""A task marked mid-line in capitals after what was said: "Owen to find out how the
income is used ACTION Owen to check this out"."""
_SHOUTED_MARK = re.compile(r"(?:^|(?<=\S))\s*ACTIONS?\s*[:\-–—]?\s+(?=[A-Z])")
"""Each mark of a line that marks several tasks: "... ACTION: BR to order signs. ...
ACTION: BR to price benches"."""
_OWNER_RUN_IN = re.compile(
    r"(?<=[.!?])\s+(?P<owner>(?-i:[A-Z][A-Za-z]?[A-Z][a-z]?)(?:\s*[/&]\s*(?-i:[A-Z][A-Za-z]?[A-Z][a-z]?))*)$"
)
"""The owner's initials from an action column that text extraction ran into the end of
the paragraph beside it: "... C Shaw to email when finalised. CS"; the task is the
sentence before them."""
_BRACKETED = re.compile(r"\((?P<task>[^()]{12,300})\)")
"""A task set in brackets inside the minutes' prose: "We could run 4 workshops (JD to
discuss with Action in Rural Sussex re facilitation)"."""
_ACTION_COLUMNS = {
    "action": "action", "actions": "action", "action required": "action", "task": "action",
    "action agreed": "action", "agreed action": "action", "actions agreed": "action",
    "owner": "owner", "lead": "owner", "by whom": "owner", "responsible": "owner",
    "who": "owner", "action by": "owner", "responsibility": "owner", "lead officer": "owner",
    "what": "action", "action point": "action", "action points": "action",
    "action owner": "owner", "responsible officer": "owner", "assigned to": "owner",
    "deadline": "due", "by when": "due", "due": "due", "due date": "due", "when": "due",
    "timescale": "due", "target date": "due", "date": "due", "date due": "due", "due by": "due",
    "completion date": "due", "target": "due", "timeframe": "due",
}  # fmt: skip
_TASK_COLUMNS = _word_set("description details")
"""Columns that hold the task in an action log only when an owner or date column stands
beside them ("Ref | Description | Lead | By when"); elsewhere they describe an item."""
_ITEM_COLUMNS = _word_set("item items subject minute topic") | {"agenda item"}
"""Columns of a table of items: its rows are agenda items, though it has an action
column; an action log without one numbers actions, not items."""
_TASK = re.compile(
    r"^(?P<owner>.+?)\s+(?P<how>to|will|shall|(?i:agreed)\s+to|undertook\s+to|offered\s+to|"
    r"(?:was|were)\s+(?:asked|requested|tasked|instructed)\s+to|would)\s+(?P<verb>[a-z]+)\b",
)
_INSTRUCTING = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:council|board|committee|meeting|members|panel|"
    r"partnership|group|chair(?:man|person)?)\s+(?:instructed|asked|requested|tasked)\s+"
    r"(?=(?:the\s+)?[A-Z][^.;:]{0,60}?\s+to\s+[a-z])",
    re.IGNORECASE,
)
"""A body or its chair giving someone a task: "The Council instructed the Clerk to write
to ...", the task being the Clerk's, as "The Clerk was instructed to write ..." is."""
_PASSIVE_TASK = re.compile(
    r"^(?P<subject>[^.:;]{2,60}?)\s+to\s+be\s+(?P<verb>[a-z]+(?:ed|en|wn|ne|t|up))\b"
)
_MEETING_BUSINESS = re.compile(
    r"\b(?:items?|matters?|business|interests?)\s+to\s+be\s+(?:discussed|considered|"
    r"transacted|raised|declared)\b",
    re.IGNORECASE,
)
"""The business before a meeting, in the passive ("Declarations of Interest in relation to
items to be discussed at the meeting", "a matter to be considered at that meeting"): what
is on the agenda, not work given to anyone."""
_PRONOUNS = re.compile(
    r"\b(?:we|i|you|they|it|this|these|there|our|us|was|were|is|are|has|have|had)\b",
    re.IGNORECASE,
)
_RESOLVED_ALONE = re.compile(
    r"^(?:it\s+was\s+)?(?:resolved|agreed|decided)\s*[:\-–—]?\s*(?:that)?$", re.IGNORECASE
)
_RESOLUTION = re.compile(
    r"^(?:\(?\d+\)?\s*)?(?:it\s+was\s+|(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:board|group|partnership|"
    r"committee|panel|forum|meeting|members|executive|cabinet)\s+(?:(?:un)?animously\s+)?)?"
    r"(?:resolved|agreed|decided)\s*(?::|-|–|—|that|,)\s*"
    r"(?:(?:un)?animously\s*,?\s*)?(?:\(\w+\)\s*)?"
    r"(?:that\s+)?(?P<clause>.+)$",
    re.IGNORECASE,
)
"""A resolution, the meeting's or its body's: "RESOLVED that ...", "It was agreed that ...",
"The Board agreed that ..."."""
_RESOLUTION_PART = re.compile(
    r";\s*(?:and\s+)?(?:\(\w{1,3}\)\s*)?(?:that\s+)?|,\s+and\s+(?:that\s+)?"
    r"(?=(?:[\w’'-]+\s+){1,8}?be\s+[a-z]+)",
    re.IGNORECASE,
)
"""Where one resolution's parts divide: "that A be noted; and (b) that B ...", or "that
A be noted, and B be reported to the next meeting"."""
_AGREED_WITHIN = re.compile(
    r"\b(?:it\s+was|(?:was|were)\s+(?:then\s+)?)(?:agreed|resolved|decided|(?:proposed|moved)\s+"
    r"and\s+seconded)\s+that\s+(?P<clause>.+)$",
    re.IGNORECASE,
)
"""A resolution inside a longer sentence: "... but it was agreed that a response be
provided"; or a motion put and seconded: "it was proposed and seconded that a letter of
thanks be sent"."""
_REPORT_BACK = re.compile(
    r"^(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:report|update|paper|response|briefing|"
    r"presentation|proposals?|plan|review)s?\b[^.;]*?\b(?:would|will|should|shall|is\s+to|"
    r"are\s+to)\s+be\s+(?:submitted|brought|presented|provided|circulated|given|prepared|sent|"
    r"made|taken|reported)\b",
    re.IGNORECASE,
)
"""Work promised in the passive, which counts only with the date it is due by: "A
further report would be submitted to the next meeting"."""
_RESOLUTION_TASK = re.compile(
    r"^(?P<owner>.+?)\s+(?:be\s+(?:asked|requested|instructed|authorised|authorized|tasked|"
    r"invited)\s+to|should|will|would|to)\s+(?P<verb>[a-z]+)\b"
)
_RESOLUTION_WORK = re.compile(
    r"^(?P<owner>.+?)\s+(?P<verb>(?:report|write|provide|circulate|prepare|arrange|bring|submit|"
    r"present|investigate|contact|liaise|seek|develop|produce|publish|send|share|consult|"
    r"establish|undertake|draft|explore|monitor|review|speak|ask|meet|inform|notify|obtain|"
    r"chase|forward|check|update|order|request|invite)(?:e?s)?)\b"
    r"(?!\s+(?:was|were|is|has|of)\b)"
)
"""A resolution in the subjunctive or the present that gives work: "That officers report
back in six months", "That the Clerk write to the Minister", "that the Clerk speaks to
Cllr Smith", "AGREED that the Senior Manager seeks to confirm ..."."""
_RESOLUTION_PASSIVE = re.compile(r"^(?P<subject>.+?)\s+be\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\b")
_SIGNING = re.compile(r"\bsign(?:ed)?\b.*\bminutes\b", re.IGNORECASE)
_NOTING = _word_set(
    """noted received approved agreed endorsed accepted confirmed signed adopted welcomed
    ratified supported considered acknowledged deferred circulated taken elected appointed
    re-elected re-appointed co-opted authorised authorized declined refused rejected granted
    """
)
"""Verbs of a resolution that decides, allowing or refusing what was asked ("that payment
be authorised", "that the request be declined"), and gives no one work."""
_PAGE_LINK = re.compile(
    r"^(?:skip|jump|go|back)\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|top)\b", re.I
)
"""A saved web page's links past or back over its menus, which read as "X to ..." tasks."""
_NOT_TASK_VERBS = _word_set("be have been the a an this that like continue")
"""Words after "to"/"will"/"would" that set no task: "KT would like to send best wishes",
"The Board will continue to monitor ..." (work going on, not work agreed)."""
_CONNECTIVE = re.compile(
    r"^(?:(?:consequently|therefore|accordingly|subsequently|additionally|furthermore|however|"
    r"finally|thereafter|as\s+a\s+result|in\s+addition|in\s+the\s+meantime)\s*,?\s+|"
    r"(?:following|after|further\s+to|in\s+(?:light|view)\s+of|in\s+response\s+to)\s"
    r"[^,.;]{3,120},\s+)(?=\S)",
    re.IGNORECASE,
)
"""Words joining a sentence to what came before, never part of who acts: "Consequently
officers agreed to give consideration to ...", "However, the Chair will write ...",
"Following the resignation of Councillor Forehead, the Clerk to write to her ..."."""
_UNDERTAKEN = re.compile(
    r"^(?P<owner>[^,;:]{2,40}?)\s+(?:advised|confirmed|said|stated|indicated|agreed|undertook)"
    r"\s+that\s+(?:he|she|they)\s+(?=(?:will|would)\s+[a-z])",
    re.IGNORECASE,
)
"""A task someone undertook in reported speech: "CP advised that he will invite the Chair
to the next meeting" is CP's, as "CP will invite ..." is."""
_LINK = re.compile(r"\s*\(?\bhttps?://\S+?\)?(?=\s|$)")
"""A web address in an action's line, where to do it rather than the task's words: "Board
to complete 2018 meeting doodle https://doodle.com/poll/..."."""
_AGREED_BELOW = re.compile(
    r"\b(?:the\s+following\s+(?:was|were|is|are)\s+(?:agreed|resolved)|"
    r"(?:it\s+was|members|the\s+(?:board|group|meeting))\s+agreed)\s*:-?$",
    re.IGNORECASE,
)
"""A line over a list of what the meeting agreed: "... and the following was agreed:"."""
_DELEGATED = re.compile(
    r"^delegated\s+to\s+(?:the\s+)?(?P<owner>[^,;:]{2,40}?)\s+to\s+(?P<task>[a-z].+)$",
    re.IGNORECASE,
)
_DASHED_TASK = re.compile(r"^(?P<owner>[^–—-]{2,40}?)\s+[–—-]\s+To\s+(?=[a-z])")
"""An owner set before a task after a dash: "Bharat – To upload minutes of meetings"."""
_BARE_ACTION_MARK = re.compile(
    r"^(?!(?i:actions?\s+(?:fraud|plans?|groups?|logs?|points?|trackers?|sheets?|teams?|for|"
    r"learning|on)\b))(?:ACTIONS?\s+(?=[A-Z])|Actions?\s+(?=[A-Z][\w.’'/&-]*\s+"
    r"(?:and\s+\S+\s+)?to\s))"
)
"""An action mark with nothing between it and the task's owner: "Action PF to discuss the
proposal with Pauline Sturman", "ACTION JS to circulate"; not "Action Fraud to ..." or
"Action Plan to be ...", which name a body or a document."""
_DUE = re.compile(
    rf"\b(?:due|deadline)\s*[:\-–]\s*(?P<stated>[^.;]+)|\b(?:by|before|at|for|to|until|in)\s+"
    rf"(?:the\s+(?=\d))?(?P<due>(?:the\s+)?(?:next|{_MONTH})\s+(?:\w+\s+){{0,2}}meeting|"
    rf"(?:the\s+)?end\s+of\s+(?:the\s+)?\w+(?:\s+\d{{4}})?|"
    rf"(?:{_WEEKDAY}\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?|"
    rf"{_MONTH}\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})|\b(?:by|before|until)\s+"
    r"(?P<month>(?:jan|febr)uary|march|april|june|july|august|september|october|november|"
    r"december)\b",
    re.IGNORECASE,
)
_RUN_TOGETHER_ROW = re.compile(
    r"^(?:\d{1,3}[.)]?\s+)?(?P<task>\S.+?)\s+"
    r"(?P<owner>(?-i:[A-Z][A-Za-z]?[A-Z][a-z]?)(?:\s*[/&,]\s*(?-i:[A-Z][A-Za-z]?[A-Z][a-z]?))*)\s+"
    rf"(?P<due>\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\.?"
    r"(?:\s+\d{2,4})?|ongoing|asap|tbc|immediate(?:ly)?|next\s+meeting)$",
    re.IGNORECASE,
)
"""A row of an action table read from a PDF, its cells run together: the task, the
owner's initials, the date ("1. KA to summarise the report KA 24/04/18")."""
_TO_ACTION = re.compile(r"\s[–—-]\s+(?P<owner>[^–—-]{1,40}?)\s+to\s+action(?:\s+this)?\.?$")
"""An owner put after the work a resolution gives: "to contact the school ... – AV to
action"."""
_LEADING_TO = re.compile(r"^to\s+(?=[a-z])")
_DASHED_DOER = re.compile(r"^[^.;:]{1,40}?\s+to\s+[a-z]")
"""The clause after a dash that sets a task names its doer and "to" ("– TD & AV to
inspect"), not what is to happen at the item ("Open Forum – The Council will open up the
meeting ...")."""
_JOINED_CLAUSE = re.compile(
    r"(?<![\w’'-])[a-z][a-z’'-]*,?\s+and\s+(?=\S)|(?P<dash>\s[–—]\s+(?=[A-Z]))"
)
"""Where a sentence's last clause may begin, with a subject of its own: after a word in
lower case, since "and" between capitalised words joins a name ("Democratic Services and
Governance Officer", "SBNI and DoH"); or after a dash ("Millennium Wood is in a poor state
– TD & AV to inspect")."""
_TASK_WORDS = 3
"""Fewer words than this are no task ("TD", "Noted")."""
_ROW_LINES = 3
"""Lines a run-together row's task may take."""
_INITIALS_OWNER = re.compile(r"^[A-Z][A-Za-z]{0,3}(?:\s*(?:/|&|,|and)\s*[A-Z][A-Za-z]{0,3})*$")
_MARKED_INITIALS = re.compile(r"^(?P<owner>\S+)\s+(?=[a-z])")
"""The first word after an action mark, before one in lower case: the owner when it is
initials, whatever verb follows ("ACTION HB send to AF", "ACTION: GG asked for comments to
be forwarded to her")."""
_GROUP_OWNERS = re.compile(
    r"^(?:all|(?:all\s+)?(?:the\s+)?(?-i:(?:[A-Z][\w&’'-]*\s+){0,4}?)(?:members|partners|"
    r"agencies|officers|colleagues|staff|team|representatives|leads|leaders|chairs|managers|"
    r"co-?ordinators|board|partnership|chair|"
    r"chairman|secretariat|clerk|everyone|committee|group))$",
    re.IGNORECASE,
)
"""Owners that are a group: "All partners", "the Board", "OWBC officers"."""
_DECIDING_BODY = re.compile(
    r"\b(?:board|partnership|committee|panel|group|forum|meeting|cabinet|council|executive|"
    r"members|everyone|all)$",
    re.IGNORECASE,
)
"""Owners that, agreeing to do something, decide rather than take a task: "The Board
agreed to discuss"; "Officers agreed to provide a breakdown" is a task."""
_NOT_OWNERS = re.compile(
    r"\b(?:resolved|agreed|decided|strategy|plan|report|policy|document|minutes)(?:\s+\([^)]*\))?$",
    re.IGNORECASE,
)
"""Words no one who acts ends with: "Cabinet RESOLVED to approve", "The Strategy (SCS)
would cease to be used"."""
_IMPERATIVES = _word_set(
    """invite organise organize request circulate arrange provide send update review contact
    ensure share write prepare produce present check confirm consider develop draft explore
    follow identify liaise look progress raise respond seek set speak submit add amend ask
    bring complete discuss email establish investigate issue meet monitor obtain plan publish
    report research schedule support consult feed chase clarify distribute escalate engage
    agree include keep make put refer take"""
)
"""Verbs an action written as an instruction starts with ("Invite the Fire Service to
..."): what precedes "to" there is the task, not its owner."""

# -- sentences ---------------------------------------------------------------------------

_ABBREVIATIONS = _word_set(
    "supt insp cllr cllrs sgt rev revd prof dr mr mrs ms st no nos ch det co ltd"
)
_SENTENCE_END = re.compile(
    r"[.!?]\s+(?=[A-Z(“‘\"']|\d{1,3}\.\d{1,2}\s)|:-?\s+(?=[A-Z])"
    r"|(?<=[a-z]{3})\.(?=[A-Z][a-z]+\s)"
)
"""Where a sentence ends: a stop and a capital or a paragraph's number ("... asap. 12.3 CR
has put up ..."), a colon before a capital, or a stop that a capture ran straight into the
next sentence ("... at Surrey County Council.Mike will ...")."""
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$", re.IGNORECASE)
_NUMBERED = re.compile(r"^\d{1,3}[.)]\s+")
_NUMBERING = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,2})+|\(?[a-z]\)|(?-i:[A-Z]{1,2})\d{1,3}(?:\.\d{1,2})?[.:)]?)\s+"
)
"""A paragraph's or action's number: "3.1", "(a)", "A1", "AP12:"."""
_DANGLING = re.compile(
    r"(?:[,&(\-–—]|['’]s|\b(?:and|of|for|the|to|in|at|with|cllr|councillor|mr|mrs|ms|miss|dr|"
    r"supt|insp|sgt|rev|prof)\.?)$",
    re.IGNORECASE,
)
"""How a line cut mid-phrase ends: a comma, a joining word, a possessive, an honorific."""
_SMALL_WORDS = _word_set("of and for the to in on at with by from as & a an sub")
_ATTENDANCE_LINES = 20
"""How far apart two lines of one attendance list stand at most: a chair named further on
may chair another meeting printed in the same pack. A board that lists its members under
the bodies they represent, then its officers, marks its chair ("Mr R Middlemiss in the
Chair") 15 lines below his own entry."""
_UNHEADED_PER_LINE = 2
"""Names a line of an unheaded list may hold: one, or two printed side by side ("Mrs M
Paterson Mr M Reiss")."""
_PROSE_WORD = re.compile(r"\b(?:he|she|it|they|his|her|their|has|had|have|was|were|been)\b")
"""Words of a sentence, rare in a post or an organisation: a pronoun or an auxiliary
verb, in lower case ("took the chair and welcomed his colleagues", "has resigned
from the Partnership", "it had not been possible")."""

_NEXT_SENTENCE = re.compile(r"[a-z]\.\s+(?:The|This|His|Her|Their|It|He|She|They)\b")
"""Another sentence starting inside what was read as one entry's post or organisation."""

_ENTRY_OF_ITS_OWN = re.compile(r"^[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)+\s*\([^()]+\)$")
"""A line that is a whole entry, "Name (Organisation)": the line before, though its bracket
was never closed, does not run on into it."""


@dataclass
class _Section:
    """A list of people being read: its part, and what its heading or table says."""

    role: str
    columns: list[str] = field(default_factory=list)
    """What each cell of the list's table rows holds ("name", "title", "organisation")."""
    organisation: str | None = None
    """An organisation given as a line of its own, for the names under it; of lines of
    organisations in a row, the first (the rest name its unit)."""
    organisation_line: int = 0
    honorific: str | None = None
    """The honorific a line of its own gives the names under it ("COUNCILLORS", "Bailies")."""
    misses: int = 0
    taken: int = 0
    """How many people the list's lines have given so far."""
    parts: list[str] = field(default_factory=list)
    """The part each column gives, when the table's header names parts ("Present |
    Apologies") and each column lists the people in that part."""


@dataclass(frozen=True)
class _Item:
    style: str
    number: str | None
    title: str | None
    line: int

    def key(self) -> tuple[int, ...]:
        return tuple(int(d) for d in re.findall(r"\d+", self.number or ""))


@dataclass
class _Found:
    """A person read, and the part the list they stand in gives ("" for a sentence)."""

    fact: PersonFact
    listed_as: str = ""
    attendee_if_members_apart: bool = False
    """Listed under "Attendees": a member, unless the minutes list members apart."""
    attending: bool = False
    """Listed under "Attendees" or "In attendance" within an item of business, or after
    another list of those present: those attending, not the members present."""
    section: _Section | None = None
    """The list it stands in."""


_ROLES: dict[str, PersonRole] = {
    "chair": "chair", "member": "member", "attendee": "attendee", "apology": "apology",
    "substitute": "substitute", "absent": "absent", "listed": "member", "notetaker": "attendee",
    "link": "member",
}  # fmt: skip


def read_minutes(text: Text, body: str | None = None) -> DocumentFacts:
    """The facts of a meeting's minutes; `body` names the meeting's body when the caller
    knows it better than the document's heading does."""
    reader = _MinutesReader(text)
    reader.read()
    return DocumentFacts(
        kind="minutes",
        title=reader.title,
        date=reader.date,
        body=body or reader.body,
        people=reader.people(),
        agenda_items=reader.agenda_items(),
        actions=reader.actions,
        unsure=reader.unsure,
        later_meetings=reader.later_meetings,
    )


class _MinutesReader:
    """One pass over a document's lines, gathering facts as they come; what a line means
    can hang on the lines before it (an open list, an action table's columns)."""

    def __init__(self, text: Text) -> None:
        self.text = text
        self.lines = [_without_empty_cells(line) for line in _slash_cells(list(text.lines))]
        self.title = text.title or (self.lines[0] if self.lines else None)
        self.date: str | None = None
        self.body: str | None = None
        self.later_meetings: list[MeetingFacts] = []
        self.meeting_starts: list[int] = []
        """The lines the later meetings start on, for telling whose a mention is."""
        self.found: list[_Found] = []
        self.taking_part: list[_Found] = []
        self.items: list[_Item] = []
        self.actions: list[ActionFact] = []
        self.unsure: list[Unsure] = []
        self.section: _Section | None = None
        self.people_columns: list[str] = []
        self.action_columns: dict[str, int] = {}
        self.action_log = False
        """Whether the table being read is a log of actions, whose numbered rows are no
        agenda items."""
        self.run_together = False
        """Whether the lines being read are rows of an action table whose cells have run
        together ("1. JS to send the plan JS 24/04/18"), as PDF tables come."""
        self.in_actions = False
        self.resolving = False
        self.agreeing = False
        """Whether the bullets being read list what a meeting agreed ("... and the following
        was agreed:"), its work among its approvals."""
        self.minutes_labelled = any(MINUTES_LABEL.match(line) for line in self.lines)
        """Whether each item's minutes follow a label ("Minutes:"), as on agenda pages
        that print each item's agenda text first."""
        self.describing = False
        """Whether the lines being read are an item's agenda text, before its minutes:
        what it plans ("The Director to provide a report") is no action agreed."""
        self.items_header = False
        """Whether an agenda's "No. Item" header has been read: short headings below it
        may be items whose numbers were lost."""
        self.consumed: set[int] = set()
        self.task_carried: dict[int, str] = {}
        """Lines whose opening words finish a task marked on the line before ("... ACTION:
        NB" / "to look at the roof. JH put forward ..."), by the words so taken."""
        self.unheaded: list[tuple[int, ParsedPerson, str]] = []
        self.unheaded_text = ""
        """The last entry of the unheaded list as read so far, its wrapped lines joined."""
        self.codes: dict[str, str] = {}
        """The part each mark of an attendance grid gives, as the document's key has it
        ("P= Present A= Apologies DNA=Did not attend"): an entry ending in a mark."""
        self.unheaded_end = 0
        """The line that entry ends on."""
        self.last_apologies: list[ParsedPerson] = []
        self.started = False
        """Whether the attendance or the agenda has begun: names before it may be an
        unheaded list of those present."""
        self.furniture = _page_furniture(self.lines)

    def read(self) -> None:
        self.date = self._date()
        named = self._body()
        if named is not None:
            self.body, heading = named
            self.title = self.text.title or heading
        self.later_meetings = list(self._later_meetings())
        self.meeting_starts = [meeting.line for meeting in self.later_meetings]
        for index, line in enumerate(self.lines):
            if index not in self.consumed:
                self._line(index, line)
        self._close_unheaded()
        if not (self.found or self.items or self.actions):
            first = self.lines[0] if self.lines else ""
            self.unsure.append(Unsure(1, "no attendance, agenda items or actions found", first))

    # -- heading: date and body ----------------------------------------------------------

    def _header(self) -> Iterator[str]:
        if self.text.title:
            yield self.text.title
        for line in self.lines[:_HEADER_LINES]:
            if _people_heading(_strip_bullet(line)) or _DOT_ALONE.match(line):
                return
            if _is_items_header(_cells(line)):
                return
            yield line

    def _date(self) -> str | None:
        for line in self._header():
            if _OTHER_MEETING.search(line) and not re.search(r"minutes\s+of", line, re.I):
                continue
            found = _iso_date(line)
            if found:
                return found
        return None

    def _body(self) -> tuple[str, str] | None:
        """The body whose meeting this is, and the heading line that names it: a label
        ("Meeting | X"), "Minutes of the X", "X meeting minutes", or a heading naming a
        body (a council only when nothing else is named)."""
        candidates = list(self._header())
        for line in candidates:
            label = _BODY_LABEL.match(line)
            if label and _BODY_WORDS.search(label["body"]):
                return label["body"].strip(), label["body"].strip()
        for line in candidates:
            for part in _title_parts(line):
                named = _MINUTES_OF.search(part) or _BODY_MINUTES.match(part)
                if named and _BODY_WORDS.search(named["body"]) and len(named["body"]) < 120:
                    return _without_date(named["body"]), line
        bodies = [
            (_without_date(part), line)
            for line in candidates
            for part in _title_parts(line)
            if _BODY_WORDS.search(part) and len(part.split()) <= 12 and not part.endswith(".")
        ]
        not_councils = [b for b in bodies if not re.search(r"\bcouncil\b", b[0], re.IGNORECASE)]
        return next(iter(not_councils or bodies), None)

    def _later_meetings(self) -> Iterator[MeetingFacts]:
        """The meetings a document records after its first, each from a heading of its
        own below the first's: a short line with a date other than the meeting before's,
        a body named on it or just above, and a list of people opening a few lines on.
        A date in prose ("the minutes of the meeting held on 10 December were agreed") or
        "Date of next meeting" is no meeting's heading."""
        previous = self.date
        for index in range(_HEADER_LINES, len(self.lines)):
            line = self.lines[index]
            day = _iso_date(line) if len(line.split()) <= _HEADING_WORDS else None
            if day is None or day == previous or line.rstrip().endswith("."):
                continue
            if _OTHER_MEETING.search(line) and not re.search(r"minutes\s+of", line, re.I):
                continue
            heading = self.lines[max(0, index - _MEETING_HEADING_ABOVE) : index + 1]
            named = [
                _without_date(part) for above in heading for part in _title_parts(above)
                if _BODY_WORDS.search(part) and len(part.split()) <= _HEADING_WORDS
                and not part.endswith(".")
            ]  # fmt: skip
            after = self.lines[index + 1 : index + 1 + _MEETING_PEOPLE_WITHIN]
            if not named or not any(_people_heading(_strip_bullet(a)) for a in after):
                continue
            previous = day
            yield MeetingFacts(index + 1, day, self._same_body(" ".join(named)))

    def _same_body(self, named: str) -> str | None:
        """The body a later meeting's heading names: the document's own when the heading
        names it in part ("KIRKLEES COMMUNITY SAFETY PARTNERSHIP / EXECUTIVE")."""
        if self.body is None:
            return named
        own = set(self.body.casefold().split())
        return self.body if own & set(named.casefold().split()) >= own - {"the"} else named

    # -- the walk ------------------------------------------------------------------------

    def _line(self, index: int, line: str) -> None:
        """What one line is, in the light of the lines before it; a line that runs a list
        of people on after other words ("... apologies Present: A (X), B (Y) Apologies: C")
        is read a part at a time, each part on the same line."""
        if line in self.furniture:
            return
        if " | " in line:
            cells = line.split(" | ")
            if not any(_MIDLINE_PEOPLE.search(cell) for cell in cells):
                self._line_part(index, line)
                return
            for cell in cells:  # "Date: ... | Venue: The Inn.Attendance:A, B | Apologies:,"
                self._line(index, cell.strip())
            return
        starts = [m.start() for m in _MIDLINE_PEOPLE.finditer(line)]
        if starts and _DOT_ALONE.match(line[: starts[0]].strip()):
            starts = starts[1:]  # "1. Apologies: A, B": the list's heading is the item's title
        if starts:
            for begin, end in pairwise([0, *starts, len(line)]):
                if line[begin:end].strip():
                    self._line_part(index, line[begin:end].strip())
            return
        self._line_part(index, line)

    def _line_part(self, index: int, line: str) -> None:
        number = index + 1
        cells = _minutes_apart(_cells(line))
        plain = _strip_bullet(line)
        if codes := _code_key(plain):
            self.codes = codes
            return
        if _is_items_header(cells):
            self.items_header = True
            return
        if self._table_header(cells):
            return
        if len(cells) == 1 and _run_together_people_header(plain):
            self.section = _Section(self.section.role if self.section else "listed")
            self.started = True
            return
        if len(cells) == 1 and self._run_together_row(number, plain):
            return
        if self.in_actions and len(cells) > 1 and self._unheaded_action_row(number, cells):
            return
        row_item = None if self.action_log else self._row_item(number, cells)
        heading = None if row_item else _people_heading(plain if len(cells) == 1 else cells[0])
        if not row_item and heading is None and len(cells) == 1:
            heading = _numbered_people_heading(plain)
        unnumbered = self._unnumbered_item(number, line, plain)
        if heading:
            numbered = self._numbered_heading(index, plain, heading[1]) if len(cells) == 1 else None
            opened = numbered or (unnumbered if not heading[1] else None)
            if opened is not None:
                self._start_item(opened)
            self._open_section(index, heading, cells)
            return
        item = row_item or self._item(index, plain if len(cells) == 1 else cells[0])
        if item:
            self._start_item(item)
            if presenter := _PRESENTER_LABEL.search(plain):
                self._add_listed(number, _PRESENTER_LABEL_NAME.sub("", presenter[0]), "attendee")
            if len(cells) > 1:
                self._row_contents(index, cells, 2 if row_item else 1)
            elif item.style == "minute":
                self._prose(index, plain)  # the minute's text runs on after its heading
            return
        if len(cells) == 1 and (also := _ALSO_PRESENT.match(plain)):
            self.section = None  # a sentence after the lists, not an entry of the last
            self._add_listed(number, also["people"], "attendee")
            return
        if self.section and MINUTES_LABEL.match(plain) and self.section.taken == 0:
            self.describing = False  # "Apologies for Absence" / "Minutes:" / the names
            return
        if self.section and self._section_entry(index, plain, cells):
            return
        if unnumbered:
            self._start_item(unnumbered)
            return
        self.section = None
        if not self.started and self._unheaded_entry(number, _row_entry(plain, cells)):
            return
        if not self.started and len(cells) == 1 and self._unheaded_wraps(number, plain):
            return
        self._close_unheaded()
        if len(cells) > 1 and len(cells) > self.action_columns.get("action", len(cells)):
            self._row_contents(index, cells, 0)
            return
        if presenter := _PRESENTED_LINE.match(plain):
            self._add_listed(number, presenter["who"].replace(";", ","), "attendee")
            return
        if lead_in := _LIST_LEAD_IN.match(plain):
            self.section = _Section(_LEAD_IN_PARTS[lead_in["part"].casefold()[:5]])
            self.started = True
            return
        if _WELCOMED_BELOW.search(plain):
            self.section = _Section("member" if _AS_NEW_MEMBERS.search(plain) else "attendee")
            return
        if MINUTES_LABEL.match(plain):
            self.describing = False
        else:
            self._prose(index, plain)

    def _prose(self, index: int, plain: str) -> None:
        """A line of the minutes' text: its actions, and who its sentences say took part."""
        if not self.describing:
            self._actions_in(index, plain)
        self._people_in_sentences(index, plain, join=True)

    def _numbered_heading(self, index: int, plain: str, names: str) -> _Item | None:
        """An item whose title is the heading of a list of people, its number before it:
        "1. Apologies: Jo Hart, Sam Lee", "21/305 Present Cllr Ada Lowe"."""
        label = plain[: len(plain) - len(names)] if names else plain
        item = self._item(index, label.strip().rstrip(":-–").strip())
        return item if item is not None and item.number is not None else None

    def _start_item(self, item: _Item) -> None:
        """A new item ends what the last one had open; one titled "Apologies" (or another
        list's heading) opens that list."""
        self.section = None
        self.people_columns = []
        self.action_log = False
        self.in_actions = False
        self.resolving = False
        self.agreeing = False
        self.describing = self.minutes_labelled
        self._close_unheaded()
        self.started = not (len(self.items) < 2 and _WELCOME_ITEM.match(item.title or ""))
        self.items.append(item)
        heading = _people_heading(item.title or "")
        if heading and not heading[1]:
            self.section = _Section(heading[0])

    # -- lists of people -----------------------------------------------------------------

    def _open_section(self, index: int, heading: tuple[str, str], cells: list[str]) -> None:
        role, rest = heading
        if role == "link" and self.section is not None:
            self._more_of_the_list(index, rest)
            return
        self._close_unheaded()
        self.started = True
        self.in_actions = False
        headings = [_people_heading(c) for c in cells]
        if len(cells) > 1 and all(h is not None and not h[1] for h in headings):
            self.section = _Section(role, parts=[h[0] for h in headings if h])
            return
        if len(cells) > 1:
            header = _people_header(cells[1:])
            if header:
                self.people_columns = ["", *header]
            self.section = _Section(role, columns=self.people_columns)
            if not header:
                self._row_entry(index + 1, cells, self.section)
            return
        if role == "notetaker":  # "Notes: Kay Tinson" names who took them, on its line only
            taker = _LEAD_IN.sub("", rest)
            people = [p for p in [parse_person(taker)] if p and p.name] if taker else []
            self._add_all(index + 1, people, _Section(role))
            self.section = None
            return
        self.section = _Section(role, honorific=plural_honorific(self.lines[index]))
        qualified = _QUALIFIED_ATTENDANCE.match(self.lines[index])
        if qualified and is_organisation(qualified["qualifier"]):
            self.section.organisation = qualified["qualifier"]
        inline = _PRESIDED.sub("", _LEAD_IN.sub("", rest))
        if inline:
            if _PLURAL_HEADING.match(self.lines[index]):
                inline = f"Councillors {inline}"
            line, text = self._joined(index, inline, listing=True)
            self._add_all(line, parse_people(_as_listed(text, role)), self.section)

    def _more_of_the_list(self, index: int, rest: str) -> None:
        """Those of the open list who attended another way, under a heading of their own
        ("Attendees in person" / ... / "Attending on TEAMS" / ..., "Present: ..." /
        "Zoom: Gill Wilkinson"): they keep the list's part."""
        assert self.section is not None
        inline = _LEAD_IN.sub("", rest)
        if inline:
            line, text = self._joined(index, inline, listing=True)
            self._add_all(line, parse_people(_as_listed(text, self.section.role)), self.section)

    def _section_entry(self, index: int, plain: str, cells: list[str]) -> bool:
        """Read one line of an open list; False when the line is no entry (the list ends)."""
        section = self.section
        assert section is not None
        number = index + 1
        if section.role == "chair" and section.taken:
            section.role = "member"  # "Chair" / its one name / the members after it
        if len(cells) > 1 and section.parts:
            return self._parts_row(number, cells, section)
        if len(cells) > 1 and (section.columns or not cells[0]):
            return self._row_entry(number, cells, section)
        if pairs := _side_by_side([c for c in cells if c]):
            self._add_all(number, pairs, section)
            section.taken += len(pairs)
            return True
        if _ITEMS_HEADER.match(plain) or any(_column_name(c) in _OTHER_COLUMNS for c in cells[1:]):
            return False
        represented = _REPRESENTING.match(plain)
        if represented and self._entry_follows(index):
            section.organisation, section.organisation_line = represented["body"], number
            return True  # "Representing NHS Highland (NHSH):" over the names that do
        if plain.endswith((":", ":-")) or _APOLOGIES_IN_SENTENCE.search(plain):
            return False
        text = _LEAD_IN.sub("", plain)
        if _NO_ONE.match(text) or _FOOTNOTE_MARK.match(text) or _COUNTED_POSTS.match(text):
            return True  # "(1)" marks a note on attendance; "Three Board Officials" no one
        if honorific := plural_honorific(text):
            section.honorific = honorific  # "BAILIES" / "Willie SAWERS" / "Kevin KEENAN"
            return True
        if initialled := initials_listed(text):
            self._add_all(number, initialled, section)
            section.taken += len(initialled)
            return True
        if _heading_in_capitals(text) and not self._entry_follows(index):
            return False  # "OPENING DETAILS", "WEBSITE": the list has ended at an item
        marked = self._marked_part(text)
        line, text = (number, text) if marked else self._joined(index, text, listing=True)
        text = _as_listed(text[: -len(marked[0]) - 1] if marked else text, section.role)
        people = parse_people(text) or [p for p in [parse_person(text)] if p]
        named = [p for p in people if p.name or p.title]
        if named and marked:
            for person in named:
                self._add(line, person, section, marked[1])
            section.misses = 0
            section.taken += len(named)
            return True
        if named and not _is_prose(text, named):
            self._add_all(line, named, section)
            section.misses = 0
            section.taken += len(named)
            return True
        if is_organisation(text) and len(text.split()) <= 8 and not text.endswith("."):
            if section.organisation is None or section.organisation_line != number - 1:
                section.organisation = text
            section.organisation_line = number
            return True
        if text.endswith("."):
            return False
        if (len(text.split()) <= 8 and section.misses == 0) or self._entry_follows(index):
            section.misses += 1
            self.unsure.append(Unsure(number, "in a list of people but not read as one", text))
            return True
        return False

    def _marked_part(self, text: str) -> tuple[str, str] | None:
        """The mark an entry ends in and the part the document's key gives it: "Mary
        Doyle (MD) – Chief Superintendent, GMP A" sent apologies."""
        last = text.rsplit(maxsplit=1)
        if len(last) == 2 and last[1] in self.codes:
            return last[1], self.codes[last[1]]
        return None

    def _entry_follows(self, index: int) -> bool:
        """Whether the next line read is an entry with a name, so that the line at `index`
        labels a group of the list rather than ending it, however long it is ("Members
        representing the interests of tenants and residents" / "Jo Bloggs (Tenants'
        Federation)")."""
        following = index + 1
        while following in self.consumed:
            following += 1
        if following >= len(self.lines):
            return False
        plain = _strip_bullet(self.lines[following])
        if _people_heading(plain) or any(pattern.match(plain) for _, pattern in _ITEM_STYLES):
            return False
        named = [p for p in parse_people(plain) if p.name]
        return bool(named) and not _is_prose(plain, named)

    def _parts_row(self, number: int, cells: list[str], section: _Section) -> bool:
        """A row of a table whose columns are parts ("Present | Apologies"): the people
        of each cell in its column's part; False when the row's cells do not fit."""
        if len(cells) != len(section.parts):
            return False
        for part, cell in zip(section.parts, cells, strict=True):
            self._add_all(number, parse_people(_names_run(cell)) if cell else [], _Section(part))
        return True

    def _row_entry(self, number: int, cells: list[str], section: _Section) -> bool:
        """People in a table row of a list: by its columns when the table names them, else
        as one entry, or a list when one cell holds them all."""
        labelled = not cells[0] or _people_heading(cells[0]) is not None
        values = cells[1:] if labelled else cells
        columns = section.columns[len(cells) - len(values) :] if section.columns else []
        filled = [v for v in values if v]
        if not filled:
            return True
        if "name" in columns:
            person = _table_person(values, columns)
            attendance = dict(zip(columns, values, strict=False)).get("attendance", "")
            role = _ATTENDANCE.get(attendance.casefold().strip(" ."), "")
            if person is not None and role is not None:
                self._add(number, person, section, role)
            return person is not None
        cells_apart = [parse_person(v) for v in filled]
        if len(filled) == 1:
            people = parse_people(_names_run(filled[0])) or [
                p for p in [parse_person(filled[0])] if p
            ]
        elif all(p is not None and p.name and not p.doubts for p in cells_apart):
            people = [p for p in cells_apart if p is not None]
        else:
            people = _side_by_side(filled) or [p for p in [parse_person(" | ".join(filled))] if p]
        named = [p for p in people if p.name or p.title]
        self._add_all(number, named, section)
        return bool(named)

    def _add_all(self, line: int, people: Iterable[ParsedPerson], section: _Section) -> None:
        """Keep everyone a list line names; a post without a name only when it reads as one
        post, not as a line of the list whose names went unseen."""
        for person in people:
            if person.name or (person.title and is_one_post(person.title)):
                self._add(line, person, section)

    def _add(
        self, line: int, person: ParsedPerson, section: _Section | None, role: str = ""
    ) -> None:
        role = role or (section.role if section else "member")
        if person.substitute_for or person.role_hint == "substitute":
            role = "substitute"
        elif role in {"member", "listed", "attendee"} and (
            person.role_hint == "chair" or self._chairs_this_body(person.title)
        ):
            role = "chair"
        elif person.role_hint == "attendee" and role in {"member", "listed"}:
            role = "attendee"
        organisation = person.organisation
        if organisation is None and section and section.organisation:
            organisation = section.organisation
        honorific = person.honorific or (section.honorific if section and person.name else None)
        fact = PersonFact(
            name=person.name,
            role=_ROLES[role],
            line=line,
            honorific=honorific,
            title=person.title,
            organisation=organisation,
            substitute_for=person.substitute_for,
        )
        for doubt in person.doubts:
            self.unsure.append(Unsure(line, doubt, person.name or person.title or ""))
        listed = role == "listed"
        attending = listed and (self._in_business(line) or self._after_those_present(line, section))
        self.found.append(_Found(fact, section.role if section else "", listed, attending, section))

    def _after_those_present(self, line: int, section: _Section | None) -> bool:
        """Whether another list of the same meeting has already given those present, so
        that a list headed only "In attendance" or "Attendees" gives those attending."""
        return any(
            found.section is not section
            and found.fact.role == "member"
            and self._meeting_of(found.fact.line) == self._meeting_of(line)
            for found in self.found
        )

    def _in_business(self, line: int) -> bool:
        """Whether a line stands within an item of the meeting's business, not in its
        opening lists: an item before it, of the same meeting, that is no list of people
        and no welcome."""
        return any(
            item.line <= line
            and self._meeting_of(item.line) == self._meeting_of(line)
            and not _WELCOME_ITEM.match(item.title or "")
            and _people_heading(item.title or "") is None
            for item in self.items
        )

    def _chairs_this_body(self, title: str | None) -> bool:
        """Whether a title is the chair of the body whose minutes these are, which makes
        its holder the meeting's chair: "Chair of Steering Group" in the minutes of the
        Steering Group; not the chair of another body, nor a vice-chair."""
        chaired = _CHAIR_OF.fullmatch(title or "")
        if chaired is None or self.body is None:
            return False
        named = set((chaired["body"] or chaired["body_first"]).casefold().split()) - _SMALL_WORDS
        if not named or named & {"vice", "deputy"}:
            return False
        return named <= set(self.body.casefold().split())

    def _unheaded_entry(self, number: int, plain: str) -> bool:
        """Names listed one a line before any heading, each with initials, honorific or
        organisation: the members present, in minutes that do not say so. A bracket the
        line leaves open is read closed ("(rep Nick"), its rest lost to the page."""
        entry = f"{plain})" if plain.count("(") == plain.count(")") + 1 else plain
        marked = self._marked_part(entry)
        entry = entry[: -len(marked[0]) - 1] if marked else entry
        people = parse_people(entry)
        if len(people) > 1:  # "Mrs M Paterson Mr M Reiss": two names, each by its title
            side_by_side = len(people) <= _UNHEADED_PER_LINE
            if not side_by_side or not all(p.name and p.honorific for p in people):
                return False
        else:
            person = parse_person(entry)
            if person is None or not person.name:
                return False
            people = [person]
        if not all(_stands_as_a_person(p) for p in people):
            return False
        if self._post_of_the_last(people):
            return False
        if _TAKING_PART.match(plain) or _NOT_A_HEADING.search(plain):
            return False
        role = marked[1] if marked else "member"
        self.unheaded.extend((number, person, role) for person in people)
        self.unheaded_text, self.unheaded_end = (entry if marked else plain), number
        return True

    def _post_of_the_last(self, people: list[ParsedPerson]) -> bool:
        """Whether a line read as a name run on into its organisation is more likely the
        organisation of the entry before it, a name alone ("Dr Sarah Aitken (Dr SA)" /
        "Aneurin Bevan University Health Board")."""
        if not self.unheaded:
            return False
        last = self.unheaded[-1][1]
        alone = last.title is None and last.organisation is None
        return alone and any(
            p.runs_on() and not (p.initials or p.honorific or p.role_hint) for p in people
        )

    def _unheaded_wraps(self, number: int, plain: str) -> bool:
        """Whether a line that is no entry of its own carries on the unheaded list's last
        entry, wrapped: "Terry Hicks – Assistant General Manager, West Norfolk, East of
        England" / "Ambulance Service NHS Trust (rep Anneliese Hillyer-Thake)". The entry
        read again with it must name the same one person."""
        if not self.unheaded or number != self.unheaded_end + 1 or not self.unheaded_text:
            return False
        first, person, role = self.unheaded[-1]
        if len(parse_people(self.unheaded_text)) > 1:
            return False
        bare = re.sub(r"\([^()]*\)?", "", plain).strip(" ,")
        cut = self.unheaded_text.count("(") > self.unheaded_text.count(")")
        if not (
            cut or _DANGLING.search(self.unheaded_text) or ")" in plain or is_organisation(bare)
        ):
            return False  # "Declarations of Interest" after the list is no part of an entry
        text = f"{self.unheaded_text} {plain}"
        again = parse_person(text)
        if again is None or again.name != person.name or not _stands_as_a_person(again):
            return False
        self.unheaded[-1] = (first, again, role)
        self.unheaded_text, self.unheaded_end = text, number
        return True

    def _close_unheaded(self) -> None:
        if len(self.unheaded) >= 2:
            self.started = True
            for number, person, role in self.unheaded:
                self._add(number, person, None, role)
        self.unheaded = []
        self.unheaded_text = ""

    def _people_in_sentences(self, index: int, text: str, join: bool) -> None:
        """People a sentence names: apologies, those present, substitutes, and those
        taking part (elected, presenting, declaring an interest)."""
        line = index + 1
        if join and any(p.search(text) for p in _NAMING_SENTENCES):
            line, text = self._joined(index, text)
        for sentence in _sentences(_NUMBERING.sub("", text)):
            apologies = _APOLOGIES_IN_SENTENCE.search(sentence)
            attended_by = _ATTENDED_BY.search(sentence) or _NEW_MEMBERS.search(sentence)
            stand_in = _STANDING_IN.match(sentence)
            represented = _REPRESENTED_BY.match(sentence)
            if apologies:
                senders = apologies["people"] or apologies["senders"]
                self.last_apologies = self._add_listed(line, senders, "apology")
            elif attended_by:
                self._add_listed(line, attended_by["people"], "member")
            elif not_present := _NOT_PRESENT.match(sentence):
                self._add_listed(line, not_present["people"], "absent")
            elif stand_in:
                for who, absent in _stand_in_pairs(stand_in["who"], stand_in["absent"]):
                    self._stand_in(line, who, absent)
            elif respectively := _RESPECTIVELY.match(sentence):
                self._substitutes_in_turn(line, respectively["who"])
            elif represented:
                self._stand_in(line, represented["who"], represented["absent"])
            elif not self._substitutes_of(line, sentence):
                self._taking_part(line, sentence)

    def _add_listed(self, line: int, text: str, role: str) -> list[ParsedPerson]:
        people = [p for p in parse_people(text) if p.name or p.title]
        for person in people:
            self._add(line, person, None, role)
        return people

    def _substitutes_of(self, line: int, sentence: str) -> bool:
        """Substitutes a sentence names, however many: "The Board was advised that ACC
        Mark Callaghan was attending as James Vaughan's substitute and Katharine Harvey,
        Service Director, was attending as Eugine Yafele's substitute"."""
        start = 0
        matches = list(_SUBSTITUTE_OF.finditer(sentence))
        for match in matches:
            who = _THAT.split(sentence[start : match.start()])[-1]
            self._stand_in(line, re.sub(r"^\W*(?:and\s+)?", "", who), match["absent"])
            start = match.end()
        return bool(matches)

    def _substitutes_in_turn(self, line: int, who: str) -> None:
        """ "They were substituted by A, B and C respectively": each for the sender of
        apologies just read in the same place, when the counts agree."""
        standing = [p for p in parse_people(who) if p.name]
        absent = [p.name or p.title for p in self.last_apologies]
        if len(standing) != len(absent):
            return
        for person, sender in zip(standing, absent, strict=True):
            if sender:
                self._add(line, replace(person, substitute_for=bare_name(sender)), None,
                          "substitute")  # fmt: skip

    def _stand_in(self, line: int, who: str, absent: str | None) -> None:
        """ "Cllr D Evans attended as substitute for Cllr Wilson"; "Inspector Ruth Holt
        attended in his place" (for whoever sent the apologies just read)."""
        person = parse_person(who)
        if absent is None and self.last_apologies:
            last = self.last_apologies[-1]
            absent = last.name or last.title
        if person is None or not person.name or not absent:
            return
        self._add(line, replace(person, substitute_for=bare_name(absent)), None, "substitute")

    def _taking_part(self, line: int, sentence: str) -> None:
        """Those the minutes record as taking part, named in full: kept when no list
        names them already."""
        if (speaker := _POST_SPEAKS.match(sentence)) and _officer_post(speaker["post"]):
            self.taking_part.append(
                _Found(PersonFact(None, "attendee", line, title=speaker["post"]))
            )
        for who, role, post in _parts_taken(sentence):
            if role == "attendee" and (holder := _portfolio_post(who)):
                self.taking_part.append(_Found(PersonFact(None, "attendee", line, title=holder)))
                continue
            for person in _named_in(who):
                if not (person.initials and who.startswith(person.initials)):
                    self._took_part(line, person, role, post)
        if welcomed := _WELCOMED.search(sentence):
            role = "member" if _AS_NEW_MEMBERS.search(sentence) else "attendee"
            for person in parse_people(welcomed["who"]):
                self._took_part(line, person, role, None)

    def _took_part(self, line: int, person: ParsedPerson, role: str, post: str | None) -> None:
        """Keep someone a sentence names as taking part, when named in full: a first name
        or surname alone may be anyone's."""
        if person.name is None and person.title and _officer_post(person.title):
            post = re.sub(r"^the\s+", "", person.title, flags=re.IGNORECASE)
            self.taking_part.append(_Found(PersonFact(None, _ROLES[role], line, title=post)))
            return
        if person.name is None or (person.honorific is None and len(person.name.split()) < 2):
            return
        fact = PersonFact(
            name=person.name,
            role=_ROLES[role],
            line=line,
            honorific=person.honorific,
            title=person.title or post,
            organisation=person.organisation,
        )
        self.taking_part.append(_Found(fact))

    def people(self) -> list[PersonFact]:
        """Everyone found once at each meeting: a later mention of someone already listed
        adds nothing, but that a member listed took the chair ("Mrs D Lewis (in the
        Chair)") makes them the chair; "Attendees" are members unless the minutes list
        members apart."""
        members_apart = any(f.listed_as == "member" for f in self.found)
        chairs = [f.fact for f in self.found if f.fact.role == "chair"]
        self.found = [  # a member the list then names as chair ("Chair: Cllr X presided")
            f
            for f in self.found
            if f.fact.role != "member"
            or not any(
                self._same_meeting(c, f.fact)
                and _same_person(c, f.fact)
                and abs(c.line - f.fact.line) <= _ATTENDANCE_LINES
                for c in chairs
            )
        ]
        for chairing in (t.fact for t in self.taking_part if t.fact.role == "chair"):
            for found in self.found:
                if (
                    found.fact.role == "member"
                    and self._same_meeting(chairing, found.fact)
                    and _same_person(chairing, found.fact)
                ):
                    found.fact = replace(found.fact, role="chair")
        facts: list[PersonFact] = []
        for found in [*self.found, *self._new_taking_part()]:
            fact = found.fact
            if found.attending or (found.attendee_if_members_apart and members_apart):
                fact = replace(fact, role="attendee")
            same = next(
                (i for i, f in enumerate(facts)
                 if _same_entry(f, fact) and self._same_meeting(f, fact)),
                None,
            )  # fmt: skip
            if same is None:
                facts.append(fact)
            else:
                facts[same] = _merged(facts[same], fact)
        return [fact for fact in facts if self._named_as_a_person(fact)]

    def _named_as_a_person(self, fact: PersonFact) -> bool:
        """Whether an entry's name reads as a person's; one that does not ("Western Areas",
        "Citizen Focus", an organisation run on into a list) goes to review instead."""
        if fact.name is None or fact.honorific or is_name_like(fact.name):
            return True
        self.unsure.append(
            Unsure(fact.line, "listed as a person, but not a person's name", fact.name)
        )
        return False

    def _new_taking_part(self) -> Iterator[_Found]:
        known = [f.fact for f in self.found]
        for found in self.taking_part:
            if not any(
                self._same_meeting(found.fact, other)
                and (_same_person(found.fact, other) or _holds_post(other, found.fact))
                for other in known
            ):
                known.append(found.fact)
                yield found

    def _same_meeting(self, a: PersonFact, b: PersonFact) -> bool:
        """Whether two mentions stand in the part of the text of one meeting."""
        return self._meeting_of(a.line) == self._meeting_of(b.line)

    def _meeting_of(self, line: int) -> int:
        """Which meeting of the text a line stands in (0 for the first)."""
        return bisect_right(self.meeting_starts, line)

    # -- agenda items --------------------------------------------------------------------

    def _item(self, index: int, plain: str) -> _Item | None:
        number = index + 1
        for style, pattern in _ITEM_STYLES:
            match = pattern.match(plain)
            if match is None:
                continue
            title = _item_title(match["title"])
            if style == "minute":
                title = _minute_heading(match["title"])
            if style == "code" and title:  # "Cou/236/09-10 / Apologies for absence."
                title = _CROSS_REFERENCE.sub("", _sentences(title)[0]).rstrip(".")
            if style in {"dot", "bare"} and not self._numbered_title(index, title, plain):
                continue
            if style in {"item", "code"} and not title:
                return self._title_below(index, style, match["number"].strip())
            following = self.lines[index + 1] if index + 1 < len(self.lines) else ""
            if title and _DANGLING.search(title) and _carries_on_title(following):
                self.consumed.add(index + 1)
                title = f"{title} {following}"
            return _Item(style, match["number"].strip(), title, number)
        alone = _DOT_ALONE.match(plain)
        if alone:
            return self._title_below(index, "dot", alone["number"])
        if _ONE_ITEM_PAGE.match(plain) and not self.items:
            page_item = self._title_below(index, "unnumbered", None)
            return page_item if page_item.title else None
        if _ATTACHMENT.search(plain) and _is_short_title(_item_title(plain), final_stop=True):
            return _Item("unnumbered", None, _item_title(plain), number)
        return None

    def _numbered_title(self, index: int, title: str | None, plain: str) -> bool:
        """Whether a line numbered "3." or "3" is an item's title rather than a numbered
        paragraph, resolution or task: a short heading that is no sentence (no finite
        verb, no "Members noted ..."), no clause of a resolution ("1. That ..."), not the
        start of a sentence the next line carries on in lower case, and, under an
        "Actions" or "RESOLVED" heading, no instruction ("2. Review the plan")."""
        if title is None or not _is_short_title(title) or _DAY_MONTH_YEAR.match(plain):
            return False
        words = [*title.split(), ""]
        if _task(title) is not None or _NOT_A_HEADING.search(title) or words[0] == "That":
            return False
        if len(words) > 3 and words[1].islower() and words[1].endswith("ed"):
            return False
        following = self.lines[index + 1] if index + 1 < len(self.lines) else ""
        if following[:1].islower() and not _DANGLING.search(title):
            return False
        instruction = words[0].casefold() in _IMPERATIVES and words[1].islower()
        return not ((self.in_actions or self.resolving) and instruction)

    def _unnumbered_item(self, number: int, line: str, plain: str) -> _Item | None:
        """An item title without a number, as agenda pages print them under their "No.
        Item" header when the numbers are lost, or as minutes head their items in capitals
        after the attendance ("WEBSITE", "RECRUITMENT OF CLERK"): a short heading that
        states no task and starts with no person. Kept only when no item of the document
        is numbered."""
        title = _item_title(plain)
        capitals = _heading_in_capitals(plain) and not plural_honorific(plain)  # "COUNCILLORS"
        headed = self.items_header or (bool(self.found) and capitals)
        if not headed or not title or plain != line or " | " in line:
            return None
        words = title.split()
        if len(words) > 7 or not title[:1].isupper() or words[0] == "To" or ":" in title:
            return None
        if re.search(r"[-–—,:]$", plain) or _NOT_A_HEADING.search(title) or _task(title):
            return None
        if any(w.islower() and w.endswith("ed") for w in words[1:]):
            return None
        if words[0].endswith("ed") and len(words) > 1 and words[1].islower():
            return None
        person = _first_named(title)
        if person is not None and person.name and not capitals:
            return None
        return _Item("unnumbered", None, title, number)

    def _title_below(self, index: int, style: str, number: str | None) -> _Item:
        """An item whose title is on the next line, when that line is a title."""
        following = self.lines[index + 1] if index + 1 < len(self.lines) else ""
        title = _item_title(following)
        if title and _is_short_title(title, final_stop=True) and not _starts_with_doer(title):
            self.consumed.add(index + 1)
            return _Item(style, number, title, index + 2)
        return _Item(style, number, None, index + 1)

    def _row_item(self, number: int, cells: list[str]) -> _Item | None:
        if len(cells) < 2 or not cells[1]:
            return None
        row = _ROW_NUMBER.match(cells[0])
        if row:
            return _Item("row", row["number"], _item_title(cells[1]), number)
        code = _CODE_ITEM.match(cells[0])
        if code and not code["title"]:
            return _Item("code", code["number"], _item_title(cells[1]), number)
        return None

    def agenda_items(self) -> list[AgendaFact]:
        """The items of the numbering style most items share, in rising order; items
        written without a number (but with their attachment) when none is numbered."""
        by_style: dict[str, list[_Item]] = {}
        for item in self.items:
            if item.style == "unnumbered":
                continue
            run = by_style.setdefault(item.style, [])
            if not run or item.key() > run[-1].key():
                run.append(item)
        chosen = max(by_style.values(), key=len, default=[])
        kept = {id(i) for i in chosen}
        return [
            AgendaFact(item.number, item.title, item.line)
            for item in self.items
            if id(item) in kept or (item.style == "unnumbered" and not chosen)
        ]

    # -- actions -------------------------------------------------------------------------

    def _table_header(self, cells: list[str]) -> bool:
        """A table's header row: the columns of an action table or a list of people."""
        if len(cells) < 2:
            return False
        names = [_column_name(c) for c in cells]
        actions = {_ACTION_COLUMNS[n]: i for i, n in enumerate(names) if n in _ACTION_COLUMNS}
        task = next((i for i, n in enumerate(names) if n in _TASK_COLUMNS), None)
        if "action" not in actions and actions and task is not None:
            actions["action"] = task
        dated = "due" in actions and names[actions["due"]] == "date"
        if dated and "action" in actions and actions["due"] < actions["action"]:
            del actions["due"]  # "No | Date | Action | Owner": the day it was set
        others = [n for n in names if n in _OTHER_COLUMNS]
        if "action" in actions and (len(actions) >= 2 or others):
            self.action_columns = actions
            self.action_log = not any(n in _ITEM_COLUMNS for n in names)
            self.section = None
            return True
        header = _people_header(cells)
        headed = _people_heading(cells[0]) if not header else None
        if headed and not headed[1] and self.section is not None:
            header = _people_header(["name", *cells[1:]])
            if header:  # "Board Support | Role | Initial": a part of the list, as a table
                self.section = _Section(headed[0])
        if header and self.section is None and "attendance" in header:
            self.section = _Section("listed")
        if header and self.section is not None:
            self.people_columns = header
            self.section.columns = header
            return True
        return False

    def _row_contents(self, index: int, cells: list[str], first: int) -> None:
        """The cells of a table row from `first` on: people under a heading cell
        ("Apologies" and the names beside it), actions in the action columns, sentences
        in the others."""
        number = index + 1
        heading = _people_heading(cells[1]) if first == 2 and len(cells) > 2 else None
        if heading and not heading[1]:
            listed = next((c for c in cells[2:] if c), "")
            self._add_all(number, parse_people(_names_run(listed)), _Section(heading[0]))
            return
        self._action_row(number, cells)
        action_cells = set(self.action_columns.values())
        for position, cell in enumerate(cells[first:], start=first):
            if cell and position not in action_cells:
                self._actions_in_text(number, cell)
                self._people_in_sentences(index, cell, join=False)

    def _unheaded_action_row(self, number: int, cells: list[str]) -> bool:
        """A row of a table under an actions heading ("Action Sheet") that has no header
        of its own: a number, the task, then the owner and the date in short cells."""
        rest = [c for c in cells if c]
        if not rest or not _ROW_NUMBER.match(rest[0]):
            self.in_actions = self.action_log = False
            return False
        rest = rest[1:]
        if len(rest) > 2 and _NUMERIC_DATE.fullmatch(rest[0]):
            rest = rest[1:]  # "1 | 7/11/16 | FN to set dates ... | FN": the day it was set
        if len(rest) < 2:
            return False
        task, *after = rest
        owner = next((c for c in after if _names_owner(c) and not _due(f"by {c}")), None)
        due = next((c for c in after if c is not owner and _due(f"by {c}")), None)
        if owner is None and due is None and not self.action_log:
            return False
        self.action_log = True
        for sentence in _tasks_in(task):
            named = _named_task(sentence)
            self.actions.append(ActionFact(sentence, number, named or owner, due or _due(sentence)))
        return True

    def _run_together_row(self, number: int, plain: str) -> bool:
        """A line of an action table whose cells ran together: its header ("Action Points
        Action Owner Deadline"), a row ending in the owner's initials and the date, or a
        line carrying on the row before ("document at the April meeting.")."""
        if _run_together_header(plain):
            self.run_together = True
            return True
        if not self.run_together:
            return False
        row = _RUN_TOGETHER_ROW.match(plain)
        if row:
            task = row["task"].strip()
            self.actions.append(ActionFact(task, number, row["owner"], row["due"]))
            return True
        last = self.actions[-1] if self.actions else None
        if last is not None and plain[:1].islower() and number - last.line <= _ROW_LINES:
            self.actions[-1] = replace(last, text=f"{last.text} {plain}")
            return True
        self.run_together = False
        return False

    def _action_row(self, number: int, cells: list[str]) -> None:
        """The action a row of an action table gives, with its owner and date columns."""
        columns = self.action_columns
        text = cells[columns["action"]] if columns and columns["action"] < len(cells) else ""
        if not any(c.isalpha() for c in text):
            return  # a tick or a number where the row's cells fell out of their columns

        def cell(column: str) -> str:
            position = columns.get(column, len(cells))
            return cells[position] if position < len(cells) else ""

        tasks = _tasks_in(text)
        if tasks == [text] and _task(text) is None and _is_noting(text):
            return
        for task in tasks:
            owner, due = _task(task) or (None, None)
            self.actions.append(
                ActionFact(task, number, cell("owner") or owner, cell("due") or due)
            )

    def _actions_in(self, index: int, plain: str) -> None:
        """Actions a line marks or states; lines that only give the owner or date of the
        action before them ("Action by: JS", "Deadline: June") complete it."""
        number = index + 1
        carried = self.task_carried.get(index, "")
        if carried and plain.startswith(carried):
            plain = plain[len(carried) :].strip()
            if not plain:
                return
        owner_line = _ACTION_BY.match(plain) or _OWNER_LINE.match(plain)
        due_line = _DUE_LINE.match(plain)
        if owner_line or due_line:
            if self.actions and self.actions[-1].line >= number - 2:
                last = self.actions[-1]
                self.actions[-1] = (
                    replace(last, owner=owner_line["owner"].strip())
                    if owner_line
                    else replace(last, due=due_line["due"].strip() if due_line else last.due)
                )
            return
        if _ACTIONS_HEADING.match(plain):
            self.in_actions = True
            return
        if self._owner_column(index, plain):
            return
        bare = _BARE_ACTION_MARK.match(plain)
        if bare and not _ACTION_MARKER.match(plain):
            task = plain[bare.end() :]
            if ((found := _task(task)) is not None and found[0] is not None) or _named_task(task):
                self._action(number, task, marked=True)
                return
        marker = _ACTION_MARKER.match(plain)
        if marker and index > 0 and len(marker["text"].split()) <= 4 and _is_owner(marker["text"]):
            above = _sentences(self.lines[index - 1])[-1]
            marked = _owner(marker["text"])
            owned = _task_set_by(above) or (None if _done_by(above, marked) else above)
            if owned:
                self._owned_task(ActionFact(owned, number - 1, marked, _due(owned)))
            return
        if marker and marker["owner"]:
            task = marker["text"].strip()
            self.actions.append(ActionFact(task, number, marker["owner"], _due(task)))
            return
        if marker:
            self._action(number, marker["text"], marked=True)
            return
        shouted = _SHOUTED_ACTION.search(plain)
        if shouted and (owner := _named_task(shouted["task"]) or _marked_initials(shouted["task"])):
            said = _sentences(plain[: shouted.start()].strip(" -–—"))
            tasks_marked = _SHOUTED_MARK.split(plain[shouted.start() :])[1:]
            for place, words in enumerate(tasks_marked):
                at_end = place == len(tasks_marked) - 1
                task = self._wrapped_on(index, words) if at_end else _sentences(words)[0]
                task = task.strip(" .")
                who = _named_task(task) or _marked_initials(task)
                if place == 0 and said and _named_task(said[-1]) == owner:
                    task, who = said[-1], owner  # the task, then its mark
                if who:
                    self.actions.append(ActionFact(task, number, who, _due(task)))
            return
        trailing = _TRAILING_ACTION.search(plain)
        before = plain[: trailing.start()].strip() if trailing else ""
        if trailing and before:
            owner = (trailing["owner"] or trailing["named"]).strip()
            following = self.lines[index + 1] if index + 1 < len(self.lines) else ""
            if _is_owner(owner) and following.startswith("to "):  # "... ACTION: ME" / "to identify"
                carried = _sentences(following)[0]
                task = f"{owner} {carried}".strip(" .")
                self.actions.append(ActionFact(task, number, owner, _due(task)))
                self.task_carried[index + 1] = carried
                return
            if _is_owner(owner):
                sentence = _sentences(before)[-1]
                task = _task_set_by(sentence) or sentence  # from its doer: ", Mrs Dale AGREED to"
                self.actions.append(ActionFact(task, number, owner, _due(task)))
                return
        run_in = _OWNER_RUN_IN.search(plain)
        said = _sentences(plain[: run_in.start()]) if run_in else []
        if run_in and said and len(said[-1].split()) >= _TASK_WORDS:
            if said[:-1]:
                self._actions_in_text(number, " ".join(said[:-1]))
            task = _NUMBERING.sub("", _NUMBERED.sub("", said[-1]))
            self.actions.append(ActionFact(task, number, run_in["owner"], _due(task)))
            return
        listed = _NUMBERED.match(plain) or _NUMBERING.match(plain) or plain != self.lines[index]
        if self.in_actions and listed:
            self._action(number, _NUMBERING.sub("", _NUMBERED.sub("", plain)), marked=True)
            return
        self.in_actions = False
        bullet = plain != self.lines[index]
        if self.agreeing and bullet and self._agreed_work(number, plain):
            return
        self.agreeing = _AGREED_BELOW.search(plain) is not None or (self.agreeing and bullet)
        if _RESOLVED_ALONE.match(plain):
            self.resolving = True
            return
        clause = re.match(r"^(?:\(?\w{1,3}[.)]\s*)?that\s+(?P<clause>.+)$", plain, re.I)
        if self.resolving and clause:
            self._resolution(number, clause["clause"])
            return
        self.resolving = False
        self._actions_in_text(number, self._sentence_carried_on(index, plain))

    def _agreed_work(self, number: int, plain: str) -> bool:
        """A bullet of what a meeting agreed that gives work: an instruction ("Provide
        feedback on the budgeting report"), or work delegated ("Delegated to the CEO to
        plan a schedule of policy reviews"), its delegate the owner. An approval
        ("Approved the succession plan") is none, and is left to the other rules."""
        text = _LINK.sub("", plain).strip()
        delegated = _DELEGATED.match(text)
        if delegated:
            task = delegated["task"]
            self.actions.append(ActionFact(task, number, delegated["owner"], _due(task)))
            return True
        if _task(text) is None and is_instruction(text):
            self.actions.append(ActionFact(text, number, None, _due(text)))
            return True
        return False

    def _labels_entries_below(self, index: int, following: int) -> bool:
        """Whether an unmarked line between bulleted entries labels the entries below it
        ("• Sophie Linden, Deputy Mayor" / "MOPAC" / "• Diana Luchford, CEO") rather than
        carrying on the entry above."""
        marked = [_BULLET.match(self.lines[i]) is not None for i in (index, following)]
        after = following + 1 < len(self.lines) and _BULLET.match(self.lines[following + 1])
        return marked == [True, False] and bool(after)

    def _sentence_carried_on(self, index: int, plain: str) -> str:
        """A line of prose with the end of its last sentence, when the line breaks inside it
        and the next line carries it on in lower case ("Constable Ritchie will request the
        mobile" / "speed camera on our behalf. As well as ...")."""
        if re.search(r"[.!?:;]$", plain) or index + 1 >= len(self.lines):
            return plain
        following = self.lines[index + 1]
        if not following[:1].islower():
            return plain
        return f"{plain} {_sentences(following)[0]}"

    def _wrapped_on(self, index: int, task: str) -> str:
        """A task marked mid-line, to the end of its sentence: cut where the minutes go on
        after it ("ACTION: NB to order new signs. Improvements to ..."), or carried onto
        the next line when the line breaks inside it ("ACTION: NB to determine cost of new
        wooden" / "benches and slate floor. JW raised ...")."""
        return _sentences(self._sentence_carried_on(index, task))[0]

    def _owned_task(self, task: ActionFact) -> None:
        """A task whose owner is marked under it ("... AGREED that a meeting be convened."
        / "Action: Chair"): the owner of the action already read from that sentence, or a
        new action when none was."""
        said = " ".join(task.text.split()).strip(" .")
        for i, action in enumerate(self.actions):
            read = " ".join(action.text.split()).strip(" .")
            if action.line == task.line and read and (read in said or said in read):
                self.actions[i] = replace(action, owner=task.owner)
                return
        self.actions.append(task)

    def _owner_column(self, index: int, plain: str) -> bool:
        """A line that is only the name of someone at the meeting, under a paragraph: the
        action column of a table read a cell a line ("Kay to provide a link to partners."
        / "Kay Wilson-White"), naming who takes away the tasks the paragraph sets."""
        if not any(found.fact.name == plain for found in self.found):
            return False
        start = index
        while start > 0 and index - start < _ROW_LINES and not _opens_item(self.lines[start - 1]):
            start -= 1
        paragraph = " ".join(self.lines[start:index])
        tasks = [task for s in _sentences(paragraph) if (task := _task_set_by(s))]
        for task in tasks:
            same = next(
                (i for i, a in enumerate(self.actions) if a.line > start and a.text == task),
                None,
            )
            if same is None:
                self.actions.append(ActionFact(task, index, plain, _due(task)))
            else:
                self.actions[same] = replace(self.actions[same], owner=plain)
        return bool(tasks)

    def _actions_in_text(self, number: int, text: str) -> None:
        """Resolutions that give work, and sentences that set a task ("JS to ...")."""
        whole = _RESOLUTION.match(text)
        if whole:
            self._resolution(number, whole["clause"])
            return
        for aside in _BRACKETED.finditer(text):
            task = aside["task"].strip(" .")
            found = _task(task)
            if found is not None and found[0] is not None:
                self.actions.append(ActionFact(task, number, found[0], found[1]))
                text = text.replace(aside[0], " ")
        for sentence in _sentences(_NUMBERING.sub("", _NUMBERED.sub("", text))):
            resolution = _RESOLUTION.match(sentence) or _AGREED_WITHIN.search(sentence)
            if resolution:
                self._resolution(number, resolution["clause"])
            else:
                self._action(number, sentence, marked=False)

    def _action(self, number: int, text: str, marked: bool) -> None:
        """An action in `text` (a sentence, or what follows an "Action:" mark); its owner
        may be named last, in brackets ("Report to the next meeting (JS)")."""
        text = _LINK.sub("", _CONNECTIVE.sub("", _NUMBERING.sub("", text.strip())))
        if len(text.split()) < _TASK_WORDS:
            return
        found = _task(text)
        unowned = found is None or found[0] is None
        if marked and unowned and (named := _named_task(text) or _marked_initials(text)):
            found = (named, _due(text))  # "Action – Paul and Sarah to ...", "ACTION HB send"
        if found is None and _REPORT_BACK.match(text) and _due(text):
            found = (None, _due(text))
        if found is None and not marked and (closing := _closing_task(text)):
            text, found = closing
        if found is None and not marked:
            return
        owner, due = found if found else (None, _due(text))
        named_last = _OWNER_LAST.search(text)
        if owner is None and named_last and _is_owner(named_last["owner"]):
            owner = named_last["owner"]
        self.actions.append(ActionFact(text, number, owner, due))

    def _resolution(self, number: int, clause: str) -> None:
        """A resolution is an action only when it gives someone work to do: "the Director
        be asked to report back", "a letter be sent"; not "the report be noted"."""
        for part in _RESOLUTION_PART.split(clause):
            if _SIGNING.search(part):
                continue  # the Chair authorised to sign the minutes: no work arising
            if (actioned := _TO_ACTION.search(part)) and _is_owner(actioned["owner"]):
                work = _LEADING_TO.sub("", part[: actioned.start()].strip())
                owner = _owner(actioned["owner"])
                self.actions.append(ActionFact(work, number, owner, _due(work)))
                continue
            matches = (_RESOLUTION_TASK.match(part), _RESOLUTION_WORK.match(part))
            task = next((m for m in matches if m and _is_owner(m["owner"])), None)
            if task and task["verb"] not in _NOT_TASK_VERBS:
                owner = _owner(task["owner"])
                self.actions.append(ActionFact(part.strip(), number, owner, _due(part)))
                continue
            passive = _RESOLUTION_PASSIVE.match(part)
            if passive and passive["verb"].casefold() not in _NOTING:
                self.actions.append(ActionFact(part.strip(), number, None, _due(part)))

    # -- lines ---------------------------------------------------------------------------

    def _joined(self, index: int, text: str, listing: bool = False) -> tuple[int, str]:
        """`text` with the lines that continue it (an entry or sentence wrapped over lines),
        and the line it starts on. In a list, a table's rows run together may carry on over
        many lines."""
        if listing and (rows := self._table_rows(index, text)):
            return index + 1, rows
        following = index + 1
        while (
            following < len(self.lines)
            and following - index <= (_RUN_ON_LINES if ";" in text else _WRAPPED_LINES)
            and not self._labels_entries_below(index, following)
            and _continues(text, self.lines[following])
        ):
            text = f"{text} {self.lines[following]}"
            self.consumed.add(following)
            following += 1
        return index + 1, text

    def _table_rows(self, index: int, text: str) -> str | None:
        """A table's rows run together, names and organisations with no separator, as a PDF
        of those present gives them over many lines: `text` with the lines that carry it on,
        when together they read as entries and `text` alone does not."""
        if not _cut_in_a_table(text):
            return None
        end = index + 1
        while end - index <= _RUN_ON_LINES and end < len(self.lines):
            if not _table_runs_on(self.lines[end]):
                break
            end += 1
        rows = " ".join([text, *self.lines[index + 1 : end]])
        if run_on_entries(rows) is None:
            return None
        self.consumed.update(range(index + 1, end))
        return rows


_WRAPPED_LINES = 4
"""How many lines an entry or sentence is taken to wrap over."""
_RUN_ON_LINES = 20
"""How many lines a list run on with semicolons, or a table's rows run together, may wrap
over (a PDF's paragraph of the members present)."""


def _cut_in_a_table(text: str) -> bool:
    """Whether `text` is part of a table's rows run together, cut mid-entry: names with no
    separator that cannot be read as entries on their own, the last not ended by its
    organisation ("Cllr. Brian Roberts (Chair) Mick Frankland Fire & Rescue Service (Vice",
    not "Peter Skitt Hywel Dda University Health Board")."""
    if len(run_on_names(text)) < 2 or run_on_entries(text) is not None:
        return False
    return not is_organisation(text.split()[-1])


def _table_runs_on(following: str) -> bool:
    """Whether `following` carries on a table's rows run together, names and organisations
    with no separator: "... Howard Bee Hyndburn Borough Council Helen Gradwell" /
    "Hyndburn Borough Council Rob Grigorjevs ...". A line that opens with a name is an
    entry of its own ("Bernie McNally Chair Safeguarding Board" / "Neil Anderson ..."), and
    so is a heading or an item."""
    if has_separator(following) or _stands_alone(following):
        return False
    names = run_on_names(following)
    return not names or names[0][0] > 0


def _parts_taken(sentence: str) -> list[tuple[str, str, str | None]]:
    """Who a sentence says took part, the part each had, and the post they were elected
    to: (words naming them, role, post)."""
    elected = _ELECTED.match(sentence)
    chair_named = _THE_CHAIR_NAMED.match(sentence)
    taking_part = _TAKING_PART.match(sentence)
    invited = _INVITED.search(sentence)
    proposed = _PROPOSED.search(sentence)
    presented = _PRESENTED_BY.search(sentence)
    parts: list[tuple[str, str, str | None]] = []
    if proposed:
        movers = (proposed["both"] or proposed["mover"], proposed["seconder"])
        parts += [(words, "member", None) for words in movers if words]
    if elected:
        post = elected["post"]
        role = "member" if post.casefold().startswith(("vice", "deputy")) else "chair"
        parts.append((elected["who"], role, post))
    elif chair_named:
        parts.append((chair_named["who"] or chair_named["chairing"], "chair", None))
    elif invited:
        parts.append((invited["who"], "attendee", None))
    elif presented and presented["who"]:
        parts.append((presented["who"], "attendee", None))
    elif taking_part and not proposed:
        role = "member" if taking_part["verb"] == "declared" else "attendee"
        parts.append((taking_part["who"], role, None))
    return parts


def _stand_in_pairs(who: str, absent: str | None) -> list[tuple[str, str | None]]:
    """Who stood in for whom, when a sentence pairs several with the verb said once: "A
    attended for B, C for D and E for F", "A attended on behalf of B and C on behalf of D".
    The absent part is cut only where every later piece names a pair of its own."""
    if absent is None:
        return [(who, absent)]
    first, *rest = _PAIRS_APART.split(absent)
    pairs = [_ANOTHER_PAIR.fullmatch(piece.strip(" .")) for piece in rest]
    if not rest or not all(pairs):
        return [(who, absent)]
    return [(who, first), *((p["who"], p["absent"]) for p in pairs if p)]


_PAIRS_APART = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_ANOTHER_PAIR = re.compile(
    r"(?P<who>[^,]+?)\s+(?:for|in\s+place\s+of|on\s+behalf\s+of)\s+(?P<absent>[^,]+)"
)
"""A later pair of a sentence of stand-ins, its verb left out: "C for D"."""


def _portfolio_post(who: str) -> str | None:
    """A post that presents an item without a name, when it is a portfolio's: "The Cabinet
    Member for Enforcement and Community Safety presented a report". A chair or an officer
    named by post alone is left out: the minutes list them, or they are only mentioned."""
    post = _PORTFOLIO_POST.fullmatch(who.strip(" ,"))
    return post["post"] if post else None


_CAPITALS_HEADING = re.compile(
    # "PUBLIC SESSION One member of the public ...": two words or more in capitals, then text
    r"^(?P<heading>[A-Z][A-Z’'&/-]+(?:\s+[A-Z][A-Z’'&/-]*)+)\s+(?=\S*[a-z])"
)
"""A heading in capitals before the text that follows it: "PUBLIC SESSION One member ..."."""
_CLOSING_REMARK = re.compile(r"\s+[A-Z][a-z]+(?:\s+[a-z]+){0,2}\.$")
"""A short sentence closing a minute whose heading comes first: "... None received."."""


def _minute_heading(text: str) -> str | None:
    """The heading at the front of a numbered minute whose text runs on after it: a run in
    capitals ("DECLARATIONS OF INTEREST Cllr ..."), the words before an honorific and name
    ("Present Cllr Jo Hart (JH), ..."), or the line without a short closing remark
    ("Public open session None received.")."""
    capitals = _CAPITALS_HEADING.match(text)
    if capitals:
        return capitals["heading"]
    words = text.split()
    for start in range(1, len(words) - 1):
        rest = " ".join(words[start:])
        named = words[start + 1][:1].isupper()  # "Cllr Jo Hart", not "Councillor update"
        if has_honorific(rest) and named and not has_honorific(words[start - 1]):
            return " ".join(words[:start])
    return _item_title(_CLOSING_REMARK.sub("", text))


def _officer_post(post: str) -> bool:
    """Whether words naming someone by post alone name an officer's post: one post, in the
    capitals of a title, that says what it is the post of ("Chief Officer (Housing)",
    "Director of Place", "Youth Offending Team (YOT) Manager"); not a chair, whom
    the minutes name, nor a councillor's portfolio ("Cabinet Member for Health"), nor a post
    cut short to refer back to its holder ("the Cabinet Member", "the Leader")."""
    post = re.sub(r"^the\s+", "", post.strip(" ,"), flags=re.IGNORECASE)
    says_of_what = bool(re.search(r"\s(?:of|for)\s", post)) or "(" in post or len(post.split()) >= 3
    return (
        says_of_what
        and is_job_title(post)
        and is_one_post(post)
        and not re.search(r"\bchair", post, re.IGNORECASE)
        and not _PORTFOLIO_POST.fullmatch(post)
    )


def _holds_post(listed: PersonFact, post: PersonFact) -> bool:
    """Whether someone already found holds the post another mention names alone, perhaps
    without the place it is for ("Westshire Police and Crime Commissioner" holds "the
    Police and Crime Commissioner")."""
    if post.name is not None or not listed.title:
        return False
    held = _key(replace(listed, name=None))
    return held == _key(post) or held.endswith(f" {_key(post)}")


def _named_in(who: str) -> list[ParsedPerson]:
    """The people words before a verb name: one ("Cllr X"), or several joined by "and"
    ("The Director, Mr A Cotton and the Manager, Mr A Wilson"), each perhaps given post
    first and name after a comma. An "and" inside a post ("Housing and Communities")
    joins no two people: a cut is made only where both sides name someone."""
    who = who.strip(" ,")
    if _PLURAL_HEADING.match(who):  # "Councillors Dunbar and Jean Davies": each a councillor
        return [p for p in parse_people(who) if p.name]
    for joiner in re.finditer(r"\s+and\s+", who):
        first = _one_named(who[: joiner.start()])
        rest = _named_in(who[joiner.end() :]) if first is not None else []
        if first is not None and rest:
            return [first, *rest]
    person = _one_named(who)
    return [person] if person is not None else []


def _one_named(text: str) -> ParsedPerson | None:
    person = _post_then_name(text) or _first_named(text)
    if person is None or not person.name or " and " in person.name:
        return None
    return person


def _post_then_name(text: str) -> ParsedPerson | None:
    """ "The Director for Housing, Mr Andrew Cotton": the person after the post."""
    post, comma, rest = text.strip(" ,").rpartition(", ")
    post = re.sub(r"^the\s+", "", post, flags=re.IGNORECASE)
    if not comma or not is_job_title(post):
        return _first_named(text) if comma else None
    person = parse_person(rest)
    if person is None or not person.name or person.title or not person.honorific:
        return None
    return replace(person, title=post)


def _stands_as_a_person(person: ParsedPerson) -> bool:
    """Whether an entry of a list no heading introduces reads as a person: with initials,
    an honorific, a part in the meeting, or an organisation set apart from the name; a
    document's own title lines run a place into a body ("Hesters Way Community Resource
    Centre", "SAWTRY INFANT SCHOOL") and would pass as a name with its organisation."""
    set_apart = person.organisation is not None and not person.runs_on()
    return bool(
        person.initials
        or person.honorific
        or person.role_hint
        or set_apart
        or _given_name_then_post(person)
    )


def _given_name_then_post(person: ParsedPerson) -> bool:
    """Whether an entry run on without a separator is a given name and surname followed
    by an organisation or a post ("Alice Walsh NHS Gloucestershire", "Jim Barwick Chief
    Executive of Leeds GP Confederation"); a title line's place ("Hesters Way Community
    Resource Centre") starts with no given name."""
    first = (person.name or "").split()[:1]
    if not first or not is_given_name(first[0]):
        return False
    return (person.organisation is not None and is_organisation(person.organisation)) or (
        person.title is not None and is_job_title(person.title)
    )


def _run_together_header(line: str) -> bool:
    """Whether a line is an action table's header with its cells run together: every
    word belongs to a column's name, and there is a column for the task and one for its
    owner or date."""
    kinds = _run_together_columns(line, _ACTION_COLUMNS)
    return len(kinds) >= 2 and "action" in kinds and bool({"owner", "due"} & set(kinds))


def _run_together_people_header(line: str) -> bool:
    """Whether a line is a people table's header with its cells run together, as a PDF
    table reads ("Name Title & Organisation Present Apology"): a name column and another."""
    columns = {**_PEOPLE_COLUMNS, **{word: "attendance" for word in _ATTENDANCE if word}}
    kinds = _run_together_columns(line.replace("&", " "), columns)
    return "name" in kinds and len(kinds) >= 2


def _run_together_columns(line: str, columns: dict[str, str]) -> list[str]:
    """What each run of words of `line` names as a column, when every word is part of a
    column's name; empty when some word is not."""
    words = _column_name(line).split()
    kinds: list[str] = []
    position = 0
    while position < len(words):
        for size in (3, 2, 1):
            name = " ".join(words[position : position + size])
            if len(words) - position >= size and name in columns:
                kinds.append(columns[name])
                position += size
                break
        else:
            return []
    return kinds


def _first_named(text: str) -> ParsedPerson | None:
    """The person a clause is about: named after any "that" that reports it, up to the
    first word in lower case ("To note that Mrs. D. Taylor CC remains ... she is
    appointed" -> Mrs. D. Taylor)."""
    clause = re.sub(r"^that\s+", "", _THAT.split(text)[-1].strip(" ,"), flags=re.IGNORECASE)
    person = parse_person(clause)
    if person is not None and person.name:
        return person
    named = re.match(r"^(?:[A-Z(][^\s]*\s*)+", clause)
    return parse_person(named.group()) if named else None


def _page_furniture(lines: list[str]) -> set[str]:
    """Lines a page prints around the text, which may fall inside a list or sentence:
    page numbers, and short lines with a number that every page repeats ("DPP
    17.08.2004"); and the label of the agenda pack the minutes were printed in, which
    the document opens with and each page may repeat ("Agenda Item 4a"): the item the
    minutes are of a later meeting's agenda, not one of theirs."""
    repeated = Counter(lines)
    furniture = {
        line
        for line in lines
        if _PAGE_NUMBER.match(line)
        or (
            repeated[line] > 1
            and len(line.split()) <= 6
            and re.search(r"\d", line)
            and not any(pattern.match(line) for _, pattern in _ITEM_STYLES)
            and not _DOT_ALONE.match(line)
        )
    }
    if lines and _PACK_LABEL.match(lines[0]):
        furniture.add(lines[0])
    headed = any(_MINUTES_OF.search(h) for h in lines[1 : 1 + _LABELLED_HEADING])
    if headed and _ITEM_LABEL.match(lines[0]):
        furniture.add(lines[0])  # "Item 10", "Health Partnership", "Minutes of Meeting held"
    return furniture


def _code_key(line: str) -> dict[str, str]:
    """The marks a key line defines and the part each gives, when it defines two or more
    of them and is nothing else: "P= Present A= Apologies DNA=Did not attend D/R=Deputise/
    Representative", "Key: Y = Attend, N = Did Not Attend, A = Apology"."""
    keyed = list(_CODE_KEY.finditer(line))
    rest = _CODE_KEY.sub(" ", line)
    if len(keyed) < 2 or re.sub(r"(?i)\bkey\b|[\s:,;.]", "", rest):
        return {}
    codes: dict[str, str] = {}
    for key in keyed:
        part = next((p for pattern, p in _CODE_MEANINGS if pattern.search(key["meaning"])), None)
        if part:
            for code in key["code"].split("/"):
                codes.setdefault(code, part)
            codes[key["code"]] = part
    return codes if len(codes) >= 2 else {}


def _continues(text: str, following: str) -> bool:
    """Whether `following` carries on `text`: it was cut mid-list, mid-bracket or
    mid-sentence, and the next line is no heading or item of its own."""
    if _stands_alone(following) or " | " in following:
        return False
    if text.count("(") > text.count(")") and not _ENTRY_OF_ITS_OWN.match(following):
        return True
    if ";" in text and not re.search(r"[.;:]$", text):
        return True  # a list run on with semicolons, wrapped: "... South Ayrshire" / "Council; ..."
    if _DANGLING.search(text):
        return True
    if _completes_name(text, following):
        return True
    if following[:1].islower() and not re.search(r"[.:;!?)]$", text):
        return True
    fragment = len(following.split()) <= 3 and not re.search(r"[.)]$", text)
    if fragment and is_organisation(following) and parse_person(following) is None:
        return True
    return _lists_after(text) and not re.search(r"[.:;!?]$", text)


def _stands_alone(line: str) -> bool:
    """Whether a line is a heading, an item or a note of its own, which carries on nothing
    before it."""
    if _people_heading(line) or _DOT_ALONE.match(line) or plural_honorific(line):
        return True
    if len(line.split()) == 1 and _heading_in_capitals(line):
        return True  # "WEBSITE": a heading, not an acronym
    if _COUNTED_POSTS.match(line) or _FOOTNOTE_MARK.match(line):
        return True
    if _ITEM.match(line) or (_BARE_ITEM.match(line) and _is_short_title(line)):
        return True
    if _CODE_ITEM.match(line) or _MINUTE_ITEM.match(line):
        return True  # "... work commitment" / "21/306 Declarations of interest"
    numbered = _DOT_ITEM.match(line)  # "Geoff Woodall, Cllr Powell," / "3. Matters arising"
    return numbered is not None and _is_short_title(numbered["title"])


def _lists_after(text: str) -> bool:
    """Whether `text` leads into a list with "from" or "on behalf of" ("Apologies were
    received from"), which may wrap onto the next line; not an entry that names someone's
    organisation after "from" ("Cllr A Smith from Reading Borough Council") and not a
    note in brackets ("(from 11.20am)")."""
    unbracketed = re.sub(r"\([^()]*\)?", " ", text)
    listing = re.search(r"\b(?:from|behalf\s+of)\b", unbracketed, re.IGNORECASE)
    if listing is None:
        return False
    before = parse_person(unbracketed[: listing.start()])
    return before is None or before.name is None


def _completes_name(text: str, following: str) -> bool:
    """Whether `following` opens with the surname of a name cut after its first name
    ("Cllr John" / "Brown", "Councillors: Nic" / "Brown (NB), John Lewis (JL), ..."): one
    capitalised word, alone or before the entry's brackets or comma, that, joined on, makes
    the entry one name. Cut after a given name alone, the entry needs no honorific."""
    opening = re.match(r"(?P<surname>[A-Z][a-z’'-]+)(?:\s*[(,]|$)", following)
    if opening is None:
        return False
    last = re.split(r"[,;:]", text)[-1].strip()
    if len(words := last.split()) > 1 and plural_honorific(words[0]):
        last = " ".join(words[1:])  # "Councillors Nic": the list's honorific, then the name
    person = parse_person(last)
    if person is None and is_given_name(last):
        name = last  # "Nic", cut from its surname
    elif _one_name_with_honorific(person):
        assert person is not None and person.name is not None
        name = person.name
    else:
        return False
    whole = parse_person(f"{last} {opening['surname']}")
    return whole is not None and whole.name == f"{name} {opening['surname']}"


def _one_name_with_honorific(person: ParsedPerson | None) -> bool:
    """Whether an entry is one word of a name after an honorific, and nothing else
    ("Cllr John")."""
    if person is None or person.honorific is None or not person.name:
        return False
    return " " not in person.name and not (person.title or person.organisation)


_ABSENCE_REASON = re.compile(
    r"\s*(?:[,:;]|\s[-–—])\s*(?:(?:due|owing)\s+to|because\s+of|on\s+account\s+of|"
    r"(?:other\s+|prior\s+|work\s+|personal\s+|family\s+)(?:council\s+)?(?:business|"
    r"commitments?|engagements?|reasons)|illness|unwell|ill\s+health|holiday|annual\s+leave|"
    r"on\s+leave)\b[^()]*$",
    re.IGNORECASE,
)
"""Why someone sent apologies, after their name: "Councillor Devon, due to other Council
business", "Cllr J Ponsford (JP) – work commitment"."""


def _as_listed(text: str, role: str) -> str:
    """An entry as its list means it: under "Substitutes", "Cllr A for Cllr B" is Cllr A
    substituting for Cllr B; under "Apologies", the reason after a name is no part of it."""
    if role == "apology":
        named = _ABSENCE_REASON.sub("", text)
        bare = re.sub(r"\([^)]*\)", "", named).split()
        if all(not word.islower() or word in _SMALL_WORDS for word in bare):
            return named  # not "PC Jo Bloggs apologised that, due to ..."
        return text
    if role != "substitute":
        return text
    return _STANDS_FOR.sub(r"\g<who> (substituting for \g<absent>)", text)


def _people_heading(text: str) -> tuple[str, str] | None:
    """A heading that opens a list of people: its part, and what follows it on the line.
    A heading may be letter-spaced ("P R E S E N T:-"), or followed by its translation
    after a slash, as Welsh councils give it."""
    text = _LETTER_SPACED.sub(lambda spaced: spaced[0].replace(" ", ""), text)
    for pattern, role in _HEADING:
        match = pattern.match(text)
        if match is not None:
            return role, (match["rest"] or "").strip()
    headed = _COLUMNS_AFTER.match(text)
    if headed and headed["heading"] != text and (found := _people_heading(headed["heading"])):
        return found[0], ""
    english, translated, _ = text.partition(" / ")
    if translated and (found := _people_heading(english)) and not found[1]:
        return found  # "Apologies for Absence / Ymddiheuriadau am absenoldeb"
    bare = _HEADING_BEFORE_NAME.match(text)
    if bare and _opens_with_name(bare["heading"], bare["rest"]):
        found = _people_heading(bare["heading"])
        return (found[0], bare["rest"]) if found else None
    return None


def _numbered_people_heading(text: str) -> tuple[str, str] | None:
    """The heading of a list of people that is a numbered item's title, the names on its
    line after it: "1. Apologies: Jo Hart (WDC), Sam Lee (Police)"."""
    numbered = _DOT_ITEM.match(text) or _BARE_ITEM.match(text)
    listed = _people_heading(numbered["title"]) if numbered else None
    return listed if listed is not None and listed[1] else None


_HEADING_BEFORE_NAME = re.compile(
    r"^(?:\d{1,3}/\d{1,4}\s+)?(?P<heading>(?:also\s+)?(?:present|in\s+attendance)|"
    r"apolog(?:y|ies)|absent|substitutes?)\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
"""One of the plain attendance headings with the first name straight after it, no colon
between: "PRESENT Provost Derek Stewart (Chair)", "IN ATTENDANCE Keir Bloomer, Chief
Executive", and after the minute number a parish council gives it, "19/447 Present Cllr Brian
Aird (BA), Cllr Peter Chandler (PC)"."""


def _opens_with_name(heading: str, rest: str) -> bool:
    """Whether the words after a heading with no colon start a list of people rather than a
    sentence ("Present were ...", "APOLOGIES for absence were received"): they open with an
    honorific, or the heading is in capitals and a name follows it."""
    if has_honorific(rest) or plural_honorific(rest.split(maxsplit=1)[0]):
        return True  # "Present Cllr Jo Hart", "Present Cllr's. Ms. J Barnes, H. Bradley"
    first = parse_person(_SEGMENT_END.split(rest, maxsplit=1)[0])
    name = first.name if first is not None else None
    return heading.isupper() and name is not None and is_name_like(name)


_SEGMENT_END = re.compile(r"\s*[,;(]")


_COLUMNS_AFTER = re.compile(
    r"^(?P<heading>[^:.,;]{3,60}?)(?:\s+(?:representing|organi[sz]ation|agency|role|title|"
    r"position|initials?|post))+\s*$",
    re.IGNORECASE,
)
"""A people heading with its table's column names run on, as a PDF reads a header row:
"POLICE ATTENDING REPRESENTING", "APOLOGIES REPRESENTING"."""


def _side_by_side(cells: list[str]) -> list[ParsedPerson]:
    """A row of a list printed in two columns of "Name | Organisation" pairs ("Philip Smith
    | Hesters Way Partnership | Lloyd Kilford | Resident"): one person a pair, when every
    pair starts with a name; else none."""
    if len(cells) < 4 or len(cells) % 2:
        return []
    pairs = [parse_person(f"{cells[i]} | {cells[i + 1]}") for i in range(0, len(cells), 2)]
    named = [p for p in pairs if p is not None and p.name]
    return named if len(named) == len(pairs) else []


def _people_header(cells: list[str]) -> list[str]:
    """What each cell of a people table holds, when `cells` are its header ("Name |
    Organisation | Role"); empty when they are not."""
    columns = [_PEOPLE_COLUMNS.get(_column_name(c), "") for c in cells]
    return columns if "name" in columns and len([c for c in columns if c]) >= 2 else []


def _table_person(values: list[str], columns: list[str]) -> ParsedPerson | None:
    """A person from a table row whose columns are known; a "Chair" or "Member" in any
    cell is the person's part, not their title or organisation."""
    by_column = {c: v for c, v in zip(columns, values, strict=False) if c and v}
    name = by_column.get("name")
    if not name:
        return None
    unsaid = ("attendance", "initials")
    said = [v for c, v in zip(columns, values, strict=False) if v and c not in unsaid]
    whole = parse_person(" | ".join(said))
    person = whole if whole is not None and whole.name else parse_person(name)
    if person is None or not person.name:
        return None
    title = _CHAIR_MARK.sub("", by_column.get("title", "")).strip() or None
    if title and title.casefold() == "member":
        title = None
    organisation = _CHAIR_MARK.sub("", by_column.get("organisation", "")).strip() or None
    return replace(
        person,
        initials=by_column.get("initials") or person.initials,
        title=title if "title" in by_column else person.title,
        organisation=organisation if "organisation" in by_column else person.organisation,
        doubts=tuple(d for d in person.doubts if "organisation" not in by_column),
    )


def _is_items_header(cells: list[str]) -> bool:
    """The header of an agenda's items: "No. Item", "No. | Item", "Items"."""
    return bool(_ITEMS_HEADER.match(" ".join(_column_name(c) for c in cells if c)))


_SLASH_ROWS = 3
"""How many lines running on, each with " / ", make a table whose cells a text capture
set off with slashes."""


def _slash_cells(lines: list[str]) -> list[str]:
    """The lines with " / " read as " | " when the document sets its table cells off with
    slashes, as text captures of Word tables come ("JR / Update on Resettlement. /
    28.6.12", "Jon House / Chief Executive, Cardiff Council"): it has no " | " of its own
    and a run of rows each with " / "."""
    if any("|" in line for line in lines):
        return lines
    run = longest = 0
    for line in lines:
        run = run + 1 if " / " in line else 0
        longest = max(longest, run)
    if longest < _SLASH_ROWS:
        return lines
    return [line.replace(" / ", " | ") for line in lines]


def _row_entry(plain: str, cells: list[str]) -> str:
    """A line as one entry of a list of people: a table's row of a name and its post or
    organisation ("Mr Keith Cox | Board Secretary") as the entry "Mr Keith Cox, Board
    Secretary" that a list would print."""
    return ", ".join(cell for cell in cells if cell) if len(cells) > 1 else plain


def _without_empty_cells(line: str) -> str:
    """A row whose cells after the first are empty is its first cell: a page's table of
    members printed a name a row, "Willie SAWERS |", with a row of its own for the bar
    alone ("|")."""
    cells = _cells(line)
    return cells[0] if len(cells) > 1 and not any(cells[1:]) else line


def _cells(line: str) -> list[str]:
    """A table row's cells (a line without " | " is one cell)."""
    return [c.strip() for c in re.split(r"(?<!\S)\|(?!\S)", line)]


def _strip_bullet(line: str) -> str:
    return _BULLET.sub("", line).strip()


def _column_name(cell: str) -> str:
    return re.sub(r"\(s\)|[?:.*]", "", cell).strip().casefold()


def _names_run(text: str) -> str:
    """Names a table cell gives one a paragraph, run together once its paragraphs are
    joined ("B Jones P Davis J George"): a comma before each initial that starts a name."""
    if "," in text or not re.fullmatch(r"(?:(?:[A-Z]\.?\s+)+[A-Z][\w'’-]+\s*){2,}", text):
        return text
    return re.sub(r"(?<=[a-z’'])\s+(?=[A-Z]\.?\s)", ", ", text)


def _is_prose(text: str, people: list[ParsedPerson]) -> bool:
    """A sentence, though its first words parse as a name ("Alan Smith welcomed all"):
    lower-case words that are no part of a name, title or organisation, or a post or
    organisation that goes on as a sentence ("Mr Gordon Macleod took the chair and
    welcomed his colleagues to the meeting. The Group ...")."""
    if any(_reads_on_as_a_sentence(part) for p in people for part in (p.title, p.organisation)):
        return True
    words = re.findall(r"[A-Za-z’']+", re.sub(r"\([^)]*\)", "", text))
    named = " ".join(" ".join(filter(None, (p.name, p.title, p.organisation))) for p in people)
    named_words = set(named.split())
    lower = [w for w in words if w.islower() and w not in named_words and w not in _SMALL_WORDS]
    return len(lower) >= 2 and len(lower) > len(words) / 4


def _reads_on_as_a_sentence(part: str | None) -> bool:
    """Whether what was read as a post or organisation goes on as a sentence: it holds
    the start of another sentence, or two pronouns or auxiliary verbs."""
    if part is None:
        return False
    return bool(_NEXT_SENTENCE.search(part)) or len(_PROSE_WORD.findall(part)) >= 2


def _title_parts(line: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"\s+[-–—|]\s+|\s*\|\s*", line) if p.strip()]
    return [p for p in parts if not _AGENDA_AND_MINUTES.match(p)]


def _without_date(text: str) -> str:
    date = rf",?\s+(?:{_WEEKDAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}.*$"
    text = re.sub(date, "", text, flags=re.IGNORECASE)
    text = re.sub(rf"\s+(?:{_WEEKDAY}|{_MONTH}\s+\d{{4}}).*$", "", text, flags=re.IGNORECASE)
    return text.strip(" ,-–—:")


def _iso_date(text: str) -> str | None:
    """The first whole date in `text` ("17th August 2004", "17.08.2004"), ISO; a year
    outside 1900-2199 is a number, not a meeting's date."""
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _NUMERIC_DATE):
        for match in pattern.finditer(text):
            if pattern is _DAY_MONTH_YEAR:
                day, month = int(match[1]), _MONTHS.get(match[2].casefold()[:3], 0)
            elif pattern is _MONTH_DAY_YEAR:
                day, month = int(match[2]), _MONTHS.get(match[1].casefold()[:3], 0)
            else:
                day, month = int(match[1]), int(match[2])
            year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
            if not 1900 <= year < 2200 or not 1 <= month <= 12:
                continue
            if 1 <= day <= calendar.monthrange(year, month)[1]:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _minutes_apart(cells: list[str]) -> list[str]:
    """A row whose title cell runs on into the item's minutes ("2. | Apologies for absence
    Minutes: Apologies were received from ..."), with the minutes a cell of their own."""
    if len(cells) < 2 or not _ROW_NUMBER.match(cells[0]):
        return cells
    title, marked, minutes = cells[1].partition(" Minutes: ")
    return [cells[0], title, minutes, *cells[2:]] if marked and title else cells


def _item_title(text: str) -> str | None:
    title = _PRESENTER_LABEL.sub("", _ATTACHMENT.sub("", text)).strip(" :-–—")
    return title or None


def _is_short_title(title: str | None, final_stop: bool = False) -> bool:
    """Whether a numbered line's words are an item's title rather than a numbered
    paragraph: few words, a capital first, and (unless the number is sure to be an
    item's) no full stop at the end."""
    if not title or not (title[:1].isupper() or title[:1].isdigit()):
        return False
    if len(title.split()) > _MAX_TITLE_WORDS or " | " in title:
        return False
    return final_stop or not title.endswith(".")


def _carries_on_title(following: str) -> bool:
    """Whether the line after a title cut mid-phrase ("... and") is the rest of it, not
    the sentence of the minute under it ("Co-option of Councillor" / "No one had applied.")."""
    words = following.split()
    return (
        0 < len(words) <= _MAX_TITLE_WORDS
        and " | " not in following
        and not _NOT_A_HEADING.search(following)
        and not any(pattern.match(following) for _, pattern in _ITEM_STYLES)
    )


def _starts_with_doer(text: str) -> bool:
    """ "AB welcomed everyone ..." reports what was said; it is not a title."""
    words = text.split()
    initials = bool(re.fullmatch(r"[A-Z][A-Za-z]{1,3}", words[0])) and (
        sum(c.isupper() for c in words[0]) >= 2
    )
    return len(words) > 2 and initials and words[1].islower()


def _sentences(text: str) -> list[str]:
    """`text` cut into sentences; a stop after an initial ("S.") or an abbreviated
    honorific ("Supt. Jones") ends none."""
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].split()
        last = before[-1].casefold() if before else ""
        if text[match.start()] == "." and (len(last) == 1 or last in _ABBREVIATIONS):
            continue
        sentences.append(text[start : match.start() + 1])
        start = match.end()
    sentences.append(text[start:])
    return [s.strip() for s in sentences if s.strip()]


def _in_capitals(line: str) -> bool:
    """Whether a line is written in capitals, with words of letters in it."""
    return line.isupper() and re.search(r"[A-Z]{3}", line) is not None


def _heading_in_capitals(line: str) -> bool:
    """Whether a line in capitals heads an item ("OPENING DETAILS", "WEBSITE") rather than
    naming a person ("JOHN SMITH") or an organisation ("NHS", "WEST YORKSHIRE POLICE"): it
    is common words, which neither a name nor an acronym is."""
    return _in_capitals(line) and reads_as_words(line) and not has_organisation_word(line)


def _task(text: str) -> tuple[str | None, str | None] | None:
    """Owner and due date of a sentence that sets a task ("JS to circulate the plan by
    June", "Website - budget to be set up"), or None when it sets none. A body agreeing
    to do something itself ("The Board agreed to discuss ...") is a decision, not a task,
    and a web page's link past its menus ("Skip to main content") is none."""
    text = _CONNECTIVE.sub("", _NUMBERING.sub("", text.strip()))
    if _PAGE_LINK.match(text):
        return None
    text = _DASHED_TASK.sub(r"\g<owner> to ", _INSTRUCTING.sub("", text))
    text = _UNDERTAKEN.sub(r"\g<owner> ", text)
    task = _TASK.match(text)
    if task and task["verb"] not in _NOT_TASK_VERBS and _is_owner(task["owner"]):
        owner = _owner(task["owner"])
        initials = _INITIALS_OWNER.match(owner) and not has_organisation_word(owner)
        deciding = _DECIDING_BODY.search(owner) or (is_organisation(owner) and not initials)
        if not (deciding and task["how"].casefold().startswith("agreed")):
            return owner, _due(text)
    passive = _PASSIVE_TASK.match(text)
    subject = passive["subject"] if passive else ""
    if subject[:1].isupper() and not _PRONOUNS.search(subject):
        return None if _MEETING_BUSINESS.search(text) else (None, _due(text))
    return None


def _closing_task(sentence: str) -> tuple[str, tuple[str | None, str | None]] | None:
    """The task the last clause of a sentence sets, naming its doer anew after "and",
    when the sentence first reports something else ("A Member asked where the hotspots
    were and officers agreed to provide a map"): that clause alone is the action."""
    for joint in _JOINED_CLAUSE.finditer(sentence):
        if _TO_ACTION.match(sentence, joint.start()):
            continue  # "– AV to action": an owner for the work before it, no work of its own
        clause = sentence[joint.end() :]
        before = sentence[: joint.start()]
        if joint["dash"] and (
            before.count("(") > before.count(")") or not _DASHED_DOER.match(clause)
        ):
            continue  # a dash within brackets, or one before what a body will do at the item
        found = _task(clause)
        if found is not None and found[0] is not None:
            return clause, found
    return None


def _task_set_by(sentence: str) -> str | None:
    """The task a sentence sets, for an owner written apart from it (an action column's
    owner under the paragraph, "Actions: Chair"): the sentence, when it sets one or is an
    instruction ("consider potential resource implications"); the clause from its doer on,
    when the sentence opens with why ("As Fiona was absent Rebecca will contact her ...");
    None when it only reports what was said or done."""
    plain = _strip_bullet(sentence)
    first = plain.split()[0].casefold() if plain else ""
    if _task(plain) is not None or _named_task(plain) or first in _IMPERATIVES:
        return sentence
    for doer in re.finditer(r"(?<=\s)(?=[A-Z])", plain):
        if plain[: doer.start()].split()[-1].casefold() in _SMALL_WORDS:
            continue  # an object ("working with Torbay to produce"), not who acts
        clause = plain[doer.start() :]
        found = _task(clause)
        if _named_task(clause) or (found is not None and found[0] is not None):
            return clause
    return None


def _opens_item(line: str) -> bool:
    """Whether a line starts an item or a numbered paragraph ("3. Youth shelter", "1.2"):
    the paragraph above an owner ends there."""
    return bool(_ROW_NUMBER.match(line)) or any(p.match(line) for _, p in _ITEM_STYLES)


def _done_by(sentence: str, owner: str) -> bool:
    """Whether a sentence reports what the owner marked under it did there and then ("The
    Chair welcomed everyone ..." / "Actions: Chair"): an action column that names whoever
    led each item, a record rather than work taken away."""
    return bool(re.match(rf"(?:the\s+)?{re.escape(owner)}\s+[a-z]+ed\b", sentence, re.I))


def _tasks_in(text: str) -> list[str]:
    """The sentences of an action cell that set tasks, or the whole cell when none does
    on its own (an instruction: "Circulate the announcement")."""
    return [s for s in _sentences(text) if _task(s) is not None or _named_task(s)] or [text]


def _named_task(sentence: str) -> str | None:
    """Who a sentence of an action sheet sets a task for, first names alone included
    ("Carol to review the subgroups", "Members are asked to feed back")."""
    task = _TASK.match(_NUMBERING.sub("", sentence.strip()))
    if task is None or task["verb"] in _NOT_TASK_VERBS:
        return None
    owner = _owner(task["owner"])
    return owner if _names_owner(owner) or _GROUP_OWNERS.match(owner) else None


def _marked_initials(task: str) -> str | None:
    """The initials a marked task opens with, when its first word is initials: two
    capitals at least, so that a word starting a sentence ("The", "Noted") is none."""
    first = _MARKED_INITIALS.match(task)
    if first is None or sum(c.isupper() for c in first["owner"]) < 2:
        return None
    return first["owner"] if _INITIALS_OWNER.match(first["owner"]) else None


def _is_noting(text: str) -> bool:
    """A resolution that only notes, agrees or accepts: "The minutes were agreed", or a
    table cell that says so alone ("Accepted as correct.", "Noted")."""
    noting = "|".join(_NOTING)
    said = re.search(rf"\b(?:were|was|be)\s+(?:{noting})\b", text, re.I)
    return bool(said or re.fullmatch(rf"(?:{noting})(?:\s+as\s+[^.]+)?\.?", text.strip(), re.I))


def _is_owner(text: str) -> bool:
    """Whether words before "to"/"will" name who is to act: initials ("DO", "JS/AB"),
    people ("Rob Sowden", "Cllr Smith and Jo Robison", "Kay"), a post ("the Democratic Support
    Officer"), an organisation ("Sussex Police") or a group ("All partners")."""
    owner = _owner(text)
    if not owner or len(owner.split()) > 14 or owner.split()[0].casefold() in _IMPERATIVES:
        return False
    if _NOT_OWNERS.search(text.strip()):
        return False
    shared = re.split(r"\s*/\s*|\s+(?:and|&)\s+", owner)
    if len(shared) > 1 and all(_is_owner(part) for part in shared):
        return True  # owners who share the task: "Jonathan Picken/Alex Walters", "Jeff and Tanya"
    if _INITIALS_OWNER.match(owner) and sum(c.isupper() for c in owner) >= 2:
        return True
    if _GROUP_OWNERS.match(owner):
        return True
    bare = re.sub(r"^(?:the|all)\s+", "", owner, flags=re.IGNORECASE)
    capitalised = all(w[:1].isupper() or w in _SMALL_WORDS for w in bare.split())
    if bare != owner and capitalised and (is_job_title(bare) or is_organisation(bare)):
        return True
    if not owner[:1].isupper():
        return False
    if len(owner) > 2 and owner.isalpha() and owner[1:].islower() and is_name_like(owner):
        return True  # a first name alone, as informal minutes give it: "Bharat – To upload"
    people = parse_people(owner)
    if people and all(p.name or p.title for p in people):
        words = re.findall(r"[A-Za-z’']+", re.sub(r"\([^)]*\)", "", owner))
        return all(w[:1].isupper() or w in {"and", "of", "for", "the"} for w in words)
    return capitalised and is_organisation(owner)


def _names_owner(cell: str) -> bool:
    """Whether a short cell beside a task names who does it: an owner as `_is_owner` has
    it, or first names alone ("Carol", "Jo/Lorraine"), as action sheets write them."""
    if _is_owner(cell):
        return True
    names = [n for n in re.split(r"\s*(?:/|&|,|\band\b)\s*", cell.strip()) if n]
    return 0 < len(names) <= 4 and all(re.fullmatch(r"[A-Z][a-z’'-]+", n) for n in names)


def _owner(text: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", text.strip()).strip(" ,:-–—")


def _due(text: str) -> str | None:
    """The date a task is due by, as written: the last one the sentence gives."""
    matches = list(_DUE.finditer(text))
    if not matches:
        return None
    last = matches[-1]
    return (last["stated"] or last["due"] or last["month"]).strip().rstrip(".")


def _same_entry(a: PersonFact, b: PersonFact) -> bool:
    return a.role == b.role and _key(a) == _key(b)


def _same_person(a: PersonFact, b: PersonFact) -> bool:
    """Whether two mentions name one person: the same name, or the same surname when
    one of them gives no more than that and initials ("Councillor Smith", "M Smith")."""
    if not a.name or not b.name:
        return False
    if _key(a) == _key(b):
        return True
    shorter, longer = sorted((a.name, b.name), key=lambda n: len(n.split()))
    given = shorter.split()[:-1]
    if all(len(g.rstrip(".")) == 1 for g in given):
        return surname(shorter).casefold() == surname(longer).casefold()
    return False


def _key(fact: PersonFact) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", (fact.name or fact.title or "").casefold()))


def _merged(first: PersonFact, later: PersonFact) -> PersonFact:
    return replace(
        first,
        honorific=first.honorific or later.honorific,
        title=first.title or later.title,
        organisation=first.organisation or later.organisation,
    )
