"""People as minutes, attendance lists and plans write them, one entry or a whole list.

An entry puts the same few parts in many orders: an initials prefix (the short form the
minutes then use: "JS - Jane Smith"), an honorific or rank ("Cllr.", "Ch Supt", "Very
Reverend Dr"), the name as written ("S P Porter", "Alex O'Keefe", "C BAKER-LONGSHAW"), then
a title and an organisation after a dash, comma or bar or in brackets, and the person's part
in the meeting in brackets ("Chair", "substituting for Ch Supt Khan"). A post may stand
without a name ("Committee Secretary").

Parts are told apart by their words, since writers separate them with the same commas: a
title has a job word at its head ("Partnership Manager", "Head of Community Safety"), an
organisation has an organisation word ("Police", "Council", "NHS", "Trust") or is an
acronym ("WSCC", "Arun DC"). A part with neither is placed where writers usually put it and
the guess is named in `doubts`, for review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import Literal

import gender_guesser.detector
from nameparser import HumanName
from wordfreq import zipf_frequency


def _word_set(words: str) -> frozenset[str]:
    """A set of words written as one string, a space between each."""
    return frozenset(words.split())


RoleHint = Literal["chair", "vice-chair", "substitute", "attendee"]

_RANKS = (
    "pc", "dc", "pcso", "sgt", "sergeant", "ds", "insp", "inspector", "di", "ci", "ch insp",
    "chief insp", "chief inspector", "dci", "supt", "superintendent", "det supt", "ch supt",
    "c/supt", "chief supt", "chief superintendent", "dcs", "acc", "assistant chief constable",
    "dcc", "deputy chief constable", "chief constable", "commander", "cmdr", "crew manager",
    "watch manager", "station manager", "group manager", "area manager", "chief fire officer",
    "deputy chief fire officer", "assistant chief fire officer", "cc", "pcc", "dpcc", "pfcc",
)  # fmt: skip
"""Police ranks ("CC" a chief constable), commissioners' posts ("PCC", "DPCC", "PFCC") and,
from fire and rescue services, the ranks they give before a name."""
_RANK_MODIFIERS = ("acting", "temporary", "detective", "a/", "t/", "det")
_COURTESY = (
    "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "rev", "revd",
    "reverend", "very reverend", "very rev", "right reverend", "rt revd", "rt rev", "the rev",
    "canon", "father", "sir", "dame", "lord", "lady", "baroness", "baron", "rt hon",
    "cllr", "councillor", "county councillor", "county cllr", "c cllr", "c.cllr",
    "district councillor", "borough councillor", "city councillor", "alderman", "magistrate",
    "provost", "lord provost", "depute provost", "depute lord provost", "bailie",
)  # fmt: skip
"""Courtesy titles, councillors' styles and, from Scottish councils, the civic titles written
before a councillor's name ("Provost Derek Stewart", "Depute Lord Provost", "Bailie")."""
_COURTESY_TITLES = _word_set("mr mrs ms miss mx dr")
_PLURAL = {
    "cllrs": "Cllr", "councillors": "Councillor", "messrs": "Mr", "drs": "Dr", "bailies": "Bailie",
    "cllr's": "Cllr", "cllr’s": "Cllr",  # the plural as many parish minutes write it
}  # fmt: skip


def _honorific_forms() -> frozenset[str]:
    forms = set(_COURTESY) | set(_RANKS) | set(_PLURAL)
    for rank in _RANKS:
        for modifier in _RANK_MODIFIERS:
            joiner = "" if modifier.endswith("/") else " "
            forms.add(f"{modifier}{joiner}{rank}")
    return frozenset(forms)


_HONORIFICS = _honorific_forms()
_LONGEST_HONORIFIC = max(len(h.split()) for h in _HONORIFICS)
_UPPER_RANKS = frozenset(r.upper() for r in _RANKS if r.isalpha() and len(r) <= 4)

_JOB_WORDS = _word_set(
    """manager officer director head chair chairman chairwoman chairperson vice-chair co-chair
    vice-chairman secretary clerk commander lead leader coordinator co-ordinator adviser
    advisor analyst nominee representative rep member commissioner executive inspector
    superintendent constable sergeant consultant worker practitioner nurse doctor gp
    administrator supervisor assistant deputy principal mayor holder solicitor accountant
    specialist planner engineer president governor trustee minister advocate champion
    clinician psychologist therapist caseworker controller councillor treasurer auditor
    officer-in-charge facilitator organiser organizer ceo cfo dpo mp mep magistrate resident
    convener convenor provost
    """
)
_ORGANISATION_WORDS = _word_set(
    """council councils police policing constabulary fire rescue ambulance nhs icb ccg trust
    alliance probation service services authority partnership partnerships board office team unit
    forum housing homes department directorate commission agency association
    charity hospital hospitals university college school schools academy group network
    foundation society centre chamber ltd limited plc cic company co healthwatch health healthcare
    prison prisons government ministry support voluntary sector cvs secretariat
    """
)
# Words no name is made of, besides job and organisation words. April, May, June, July and
# August are first names as well as months ("June Graham"), so they are not among them.
_NOT_NAME_WORDS = _word_set(
    """the of and for to in on at with by from a an or as all any none no not meeting
    minutes agenda item items apologies apology present attendance attendees attending
    absent welcome introductions matters arising declarations interest interests report
    update action actions chair vice notes note date time venue place contact email tel
    safety community communities crime disorder safeguarding strategic plan strategy
    january february march september october november december
    monday tuesday wednesday thursday friday saturday sunday teams zoom virtual online
    room district county borough city town parish region area division cabinet portfolio
    senior interim joint abuse violence violent behaviour justice youth domestic serious
    review performance priorities priority funding budget assessment exploitation slavery
    drugs alcohol knife hate offending reoffending homelessness substance misuse prevention
    prevent children adults families family scrutiny annual quarterly terms reference
    business other update updates presentation social care adult work clinical quality
    nursing patient patients operations development commissioning policy planning resources
    finance governance engagement improvement transformation public learning education
    skills employment environment environmental economic regeneration neighbourhood
    neighbourhoods wellbeing welfare intelligence analysis insight risk compliance legal
    democratic corporate customer digital estates licensing enforcement protection
    regulatory designate elect command greater
    """
)
_NAME_PARTICLES = _word_set("de da di del della van von der den du le la bin al st")
_ROLE_HINTS: dict[str, RoleHint] = {
    "substitute": "substitute", "sub": "substitute", "substitute member": "substitute",
    "chair": "chair", "chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
    "in the chair": "chair", "chairing": "chair", "chair of the meeting": "chair",
    "chair for the meeting": "chair", "chair for this meeting": "chair",
    "interim chair": "chair", "acting chair": "chair",
    "vice-chair": "vice-chair", "vice chair": "vice-chair", "vice-chairman": "vice-chair",
    "vice chairman": "vice-chair", "vice-chairperson": "vice-chair", "deputy chair": "vice-chair",
    "vice-chairwoman": "vice-chair",
    "notetaker": "attendee", "note taker": "attendee", "note-taker": "attendee",
    "minute taker": "attendee", "minute-taker": "attendee", "minutes taker": "attendee",
    "observer": "attendee", "guest": "attendee", "minutes": "attendee", "clerk": "attendee",
    "parish clerk": "attendee", "town clerk": "attendee", "clerk to the council": "attendee",
}  # fmt: skip
"""The parts an entry's bracket gives: the chair, a substitute, and those who attend to
serve the meeting rather than sit on the body (its clerk, whoever takes the minutes)."""
_TITLED_HINTS = frozenset({"vice-chair", "attendee"})
"""Parts that are also the person's title ("Vice-Chairman", "notetaker")."""

_CHAIR_TITLE = re.compile(
    r"^(?:independent|joint|co-?|panel|board|partnership|committee|group|forum)"
    r"(?:\s+(?-i:[A-Z]{2,6}))?[- ]?chair(?:man|woman|person)?$",
    re.IGNORECASE,
)
"""A title that says its holder chairs ("Independent Chair", "Panel Chair"); "Joint Chair
of the X Partnership" chairs another body."""
_POST_BEFORE_NAME = re.compile(
    # "Chairperson Jo Bloggs (JB)", "The Clerk (Mr J Smith)"
    r"^(?:the\s+)?(?P<post>(?:deputy\s+|assistant\s+)?(?:clerk|secretary|treasurer)|"
    r"(?:vice[- ])?chair(?:man|woman|person)?)(?:\s*\((?P<bracketed>[^()]+)\)|"
    r"\s+(?P<named>(?-i:[A-Z]).+))$",
    re.IGNORECASE,
)
"""A post a list gives before its holder's name, the name after it or in brackets."""
_BULLET = re.compile(r"^(?:[•·▪◦●○■□‣⁃*>]+|[-–—](?=\s))\s*")
_DASH_INITIALS = re.compile(r"^(?P<initials>[A-Z][A-Za-z]{1,4})\s*[-–—:]\s*(?=\S)")
_SUBSTITUTE = re.compile(
    r"^(?:(?:who\s+)?(?:was\s+)?(?:substituting|substitute|sub|deputising|deputy|standing\s+in|"
    r"attending|attended|present)\s+)?(?:as\s+substitute\s+)?(?:for|in\s+place\s+of|on\s+behalf\s+of|"
    r"representing|rep\.?)\s+(?P<absent>.+)$",
    re.IGNORECASE,
)
_TRAILING_SUBSTITUTE = re.compile(
    r"[,\s]+(?:(?:substituting|deputising|sub|standing\s+in)\s+for|(?:attending\s+)?on\s+"
    r"behalf\s+of|attending\s+for)\s+(?P<absent>[^,()]+)$",
    re.IGNORECASE,
)
"""Whom someone stands in for, after what else is said of them: "Jo Bell, substituting for
Ann Lee", "(Housing Services, SBC attending on behalf of Paul Dobson)"."""
_STAND_IN = re.compile(
    r"^(?P<stand_in>.+?)\s+(?:(?:attended|was\s+present|present|attending)\s+"
    r"(?:as\s+(?:a\s+|the\s+)?substitute|in\s+(?:his|her|their)\s+(?:absence|place)|"
    r"on\s+(?:his|her|their)\s+behalf)|substituted|deputised)$|"
    r"^(?:(?:substituted|represented|replaced|deputised)\s+by|representative:?|"
    r"substitute:?(?!\s+for\b))\s+(?P<named_by>.+)$",
    re.IGNORECASE,
)
_DASHED_STAND_IN = re.compile(
    r"^(?P<absent>.+?)\s+[-–—]\s+(?P<stand_in>.+?)\s+(?:substituted|substituting|deputised|"
    r"deputising|attended(?:\s+as\s+(?:a\s+|the\s+)?substitute|\s+in\s+(?:his|her|their)\s+"
    r"(?:place|absence))?)\.?$",
    re.IGNORECASE,
)
"""An apology and who came instead, after a dash: "Stephen McDonnell - Joan Hancox
substituted"."""
_BRACKET_INITIALS = re.compile(
    r"^(?P<initials>[A-Z][A-Za-z]{1,3})(?:\s*[-–—,:]\s*|\s+(?=for\b))(?P<rest>.+)$"
)
"""Initials before the part in a bracket: "(DH - Chair)", "(SB for Chris Frost)"."""
_FOR_ITEMS = re.compile(
    r"^(?:present\s+|attending\s+|attended\s+)?(?:for|at)\s+(?:agenda\s+)?items?\s+[\w.]+"
    r"(?:\s*(?:,|&|and|-|to)\s*[\w.]+)*$",
    re.IGNORECASE,
)
"""Attendance for some items only ("for item 5"): someone in attendance, not a member."""
_SUBSTITUTION = re.compile(
    r"^(?:with\s+)?(?:the\s+)?substitution\s+of\s+(?P<stand_in>.+?)\s+for\s+(?P<absent>.+)$",
    re.IGNORECASE,
)
_FROM_ORGANISATION = re.compile(
    r"^(?P<who>.+?)\s+(?:from|representing)\s+(?:the\s+)?(?P<organisation>.+)$"
)
_NAME_SEPARATOR = re.compile(r"\s+[-–—]\s*|\s*[-–—]\s+|\s*,\s*|\s*\|\s*|\s+/\s+|\s*\(|:\s+")
_SEGMENT_SEPARATOR = re.compile(r"\s*[,;|]\s*|\s+[-–—]\s+")
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:(?:and|&)\s+)?")
_AND = re.compile(r"\s+(?:and|&)\s+")
_AFTER_A_PLACE = re.compile(
    r"(?:(?:borough|district|county|city|parish|town)\s+council|constabulary)\b", re.IGNORECASE
)
"""The words of an organisation that follow the place it is named after, never a name:
"(Christchurch) Borough Council", "(Hertfordshire) Constabulary"."""
_SMALL_WORDS = _word_set("of and for the to in on at with by from a an &")
_HEAD_END = re.compile(r"\s+(?:of|for|to|at|in|with|on|within)\s+")
"""Where the head of a title ends: "Head | of Community Safety"."""
_WORD = re.compile(r"[^\W\d_]+(?:['’.\-/][^\W\d_]+)*\.?")

RUN_TOGETHER = "name and what follows it run together"
"""The doubt of an entry whose name runs on into its post or organisation with nothing
between them ("Hesters Way Community Resource Centre"), so where the name ends is a guess."""


@dataclass(frozen=True)
class ParsedPerson:
    """One person (or a post without a name) as an entry gives them, every part as written.

    `role_hint` is the part in the meeting the entry itself states ("(Chair)"); the list an
    entry stands in gives the rest of its role. `initials` is the prefix minutes use for
    the person later ("JS" of "JS - Jane Smith"). `doubts` name what was guessed."""

    name: str | None
    honorific: str | None = None
    title: str | None = None
    organisation: str | None = None
    role_hint: RoleHint | None = None
    substitute_for: str | None = None
    initials: str | None = None
    doubts: tuple[str, ...] = ()

    def runs_on(self) -> bool:
        """Whether the name ran on into what follows it, unseparated, so that where it
        ends was guessed."""
        return any(doubt.startswith(RUN_TOGETHER) for doubt in self.doubts)


def parse_person(entry: str) -> ParsedPerson | None:
    """One entry: "Cllr Jane Smith (Chair)", "DCI John Brown, West Yorkshire Police",
    "JS - Jane Smith, Head of Community Safety, Kirklees Council", "Committee Secretary".

    None when the entry names no person and no post (an organisation alone, a sentence)."""
    text = _clean(entry)
    if not text:
        return None
    post_first = _POST_BEFORE_NAME.match(text)
    holder = parse_person(post_first["bracketed"] or post_first["named"]) if post_first else None
    if post_first and holder is not None and holder.name and holder.title is None:
        post = post_first["post"]
        post_part = _ROLE_HINTS.get(post.casefold())
        return replace(holder, title=post, role_hint=holder.role_hint or post_part)
    label, text = _take_label(text)
    part = _take_meeting_part(text)
    text, role_hint, substitute_for = part.text, part.role_hint, part.substitute_for
    initials, text = _take_initials(text)
    initials = initials or part.initials
    honorific, text = _take_honorific(text)
    if not text:
        return None
    separator = _first_top_level(_NAME_SEPARATOR, text)
    name_part = (text[: separator.start()] if separator else text).strip()
    tail = text[separator.start() :].lstrip(" -–—,|:/") if separator else ""
    doubts: list[str] = []
    name, rest = _split_name(name_part, honorific is not None)
    if name is None and _initialled(name_part, tail):
        name = name_part
    if name is None and honorific is None and _names_post(name_part):
        named_after = parse_person(tail) if is_organisation(name_part) and tail else None
        if named_after is not None and named_after.name and not named_after.organisation:
            return replace(named_after, organisation=name_part)
        tail = text
    elif name is None:
        return None
    else:
        if rest:
            tail = f"{rest}{' ' if tail.startswith('(') else ', '}{tail}" if tail else rest
            doubts.append(f"{RUN_TOGETHER}: {name_part!r}")
        if _AND.search(name):
            doubts.append(f"may be two people: {name!r}")
        initials, tail = _take_bracketed_initials(initials, name, tail)
        initials, tail = _take_initials_after(initials, name, tail)
    segments = _segments(tail)
    if _chairs_another(segments):
        segments = [f"{segments[0]}, {segments[1]}", *segments[2:]]
    hints = [s for s in segments if s.casefold() in _ROLE_HINTS]
    if hints and role_hint is None:
        role_hint = _ROLE_HINTS[hints[0].casefold()]
    segments = [s for s in segments if s.casefold() not in _ROLE_HINTS]
    if role_hint is None and any(_CHAIR_TITLE.match(s) for s in segments):
        role_hint = "chair"
    title, organisation, guessed = _title_and_organisation(segments)
    if organisation is None and label and is_organisation(label):
        organisation = label
    if guessed:
        doubts.append(f"organisation guessed: {organisation!r}")
    if title is None:
        title = next((h for h in hints if _ROLE_HINTS[h.casefold()] in _TITLED_HINTS), None)
    if name is None and title is None:
        return None
    return ParsedPerson(
        name=name,
        honorific=honorific,
        title=title,
        organisation=organisation,
        role_hint=role_hint,
        substitute_for=substitute_for,
        initials=initials,
        doubts=tuple(doubts),
    )


def parse_people(text: str) -> list[ParsedPerson]:
    """Everyone a run-on list names: "Jane Humphreys (In the Chair), Cllr Jim Beall, Mike
    Batty (SBC); Joanne Hodgkinson, Chris Coombs (Cleveland Police Authority)", "Councillors
    Aslam, Jackson and Richardson from Blaby District Council", "Mr D Blacklock (Ms H Horne
    attended as substitute)", "Blaby District Council: James Edmondston, Rebecca Holcroft".

    Commas separate people and also a person's title and organisation, so a part that does
    not start a person belongs to the person before it. An organisation in brackets at the
    end of a semicolon-separated group, or after "from", belongs to every name of its group
    that has none of its own; a plural honorific ("Councillors") to every name it leads."""
    groups = _top_level_split(re.compile(r"\s*;\s*(?:and\s+)?"), _clean(text))
    if len(groups) == 1 and _is_courtesy(groups[0]):
        groups = _side_by_side(groups[0])  # "Mrs M Paterson Mr M Reiss"
    if len(groups) == 1 and (entries := run_on_entries(groups[0])):
        return [p for entry in entries if (p := parse_person(entry))]  # each one person
    return [p for group in groups for p in _substituted(group, grouped=len(groups) > 1)]


_RUN_ON_LEAST = 3
"""How many names a stretch of text must hold, with no separator between its entries, to
be read as a table's rows run together: two could be one entry's name and a name in its
post, unless each opens with an honorific ("Westby Councillor Rhona Tait Eastby Councillor
Mark Ames")."""
_SEPARATOR = re.compile(r"[,;|•]")


def has_separator(text: str) -> bool:
    """Whether the text marks where one entry of a list ends: a comma, semicolon, bar or
    bullet."""
    return _SEPARATOR.search(text) is not None


def run_on_entries(text: str) -> list[str] | None:
    """A list whose entries run on without separators, as a table's rows come out of a PDF
    or a page capture, cut into entries at its names: "Howard Bee Hyndburn Borough Council
    Helen Gradwell Hyndburn Borough Council ..." (each name before its organisation) or
    "Bolton Councillor David Greenhalgh Manchester Councillor Richard Leese" (each after
    it). A name is a given name (gender-guesser's table), an initial or not, and a surname,
    with its honorific; one in brackets ("(representing Nigel Fenton)") belongs to its
    entry. Which side an entry's organisation stands on is read from the ends: a text that
    opens with a name has each one's after it, a text that ends with one has each one's
    before it. None when the text has a separator, too few names, names joined by "and",
    or other words at both ends, for the other readings to take."""
    words = text.split()
    names = run_on_names(text)
    joined = any(start and words[start - 1] in ("and", "&") for start, _ in names)
    titled = all(_take_honorific(" ".join(words[start:end]))[0] for start, end in names)
    if len(names) < _RUN_ON_LEAST - titled or joined:  # "A (X) - B and C substituting"
        return None
    if names[0][0] == 0:
        ends = [start for start, _ in names[1:]] + [len(words)]
        return [
            _entry(words[start:end], words[end:next_start])
            for (start, end), next_start in zip(names, ends, strict=True)
        ]
    if names[-1][1] == len(words):
        return _organisations_first(words, names)
    return None


def _organisations_first(words: list[str], names: list[tuple[int, int]]) -> list[str]:
    """Entries whose organisation comes before the name: "Bolton Councillor David
    Greenhalgh (Chair) Bury Councillor ...". A note in brackets follows the name it is
    about, so the words up to a closing bracket belong to the entry before; before the
    first name they are an entry of their own, a post listed without a name ("Greater
    Manchester Mayor (In the Chair)")."""
    entries: list[str] = []
    previous_end = 0
    for start, end in names:
        before = words[previous_end:start]
        closing = max((i + 1 for i, word in enumerate(before) if ")" in word), default=0)
        if closing and entries:
            entries[-1] += " " + " ".join(before[:closing])
        elif closing:
            entries.append(" ".join(before[:closing]))
        entries.append(_entry(words[start:end], before[closing:]))
        previous_end = end
    return entries


def run_on_names(text: str) -> list[tuple[int, int]]:
    """Where the names of a text with no separator start and end, in words (none when it
    has a separator): two or more are a list run on, which may carry on over the lines
    after it."""
    return [] if has_separator(text) else list(_names_in_run(text.split()))


def _entry(name: list[str], rest: list[str]) -> str:
    return " ".join(name) + (", " + " ".join(rest) if rest else "")


def _names_in_run(words: list[str]) -> Iterable[tuple[int, int]]:
    """Where each name outside brackets starts (its honorific included) and ends."""
    depth = 0
    index = 0
    while index < len(words):
        word = words[index]
        end = _name_end(words, index) if depth == 0 else None
        if end is not None:
            yield _honorific_start(words, index), end
            index = end
            continue
        depth = max(depth + word.count("(") - word.count(")"), 0)
        index += 1


def _name_end(words: list[str], index: int) -> int | None:
    """The end of a name starting at `index` with a given name: "Brian Roberts", "Derek J
    Scott"."""
    if not is_given_name(words[index]):
        return None
    end = index + 1
    if end < len(words) and _is_initial(words[end]):
        end += 1
    if end < len(words) and _is_name_word(words[end]) and not _is_non_name(words[end]):
        return end + 1 if len(words[end].rstrip(".")) > 1 else None
    return None


def is_given_name(word: str) -> bool:
    """Whether a word is a given name in gender-guesser's table ("Helen", "Nic"), written
    as a name is, and no word such names are also used as ("Will", "May")."""
    bare = word.rstrip(".")
    if len(bare) < 2 or not bare[0].isupper() or not bare[1:].islower():
        return False
    return not _is_non_name(bare) and _given_names().get_gender(bare) != "unknown"


def _is_initial(word: str) -> bool:
    """Whether a word is one initial, with or without its stop: "J", "J."."""
    return re.fullmatch(r"[A-Z]\.?", word) is not None


def _honorific_start(words: list[str], index: int) -> int:
    """Where the honorific before the name at `index` starts, or `index` when none."""
    for size in range(min(_LONGEST_HONORIFIC, index), 0, -1):
        honorific, rest = _take_honorific(" ".join([*words[index - size : index], "X"]))
        if honorific and rest == "X":
            return index - size
    return index


_INITIALS_ENTRY = re.compile(
    r"^(?P<initials>(?-i:[A-Z]{2,4}|[A-Z] [A-Z](?: [A-Z])?))(?:\s*\((?P<part>[^()]*)\))?$"
)


def initials_listed(text: str) -> list[ParsedPerson]:
    """The people of a list that names each by initials alone, as some minutes do under
    "Present" and "Apologies": "KT (Chair), CJ, P B, STH (minutes), MD (for MS), SK"; the
    initials stand as the name. Empty unless every entry is initials, three or more."""
    entries = [e for e in _LIST_SEPARATOR.split(text.strip().rstrip(".")) if e]
    matches = [_INITIALS_ENTRY.match(e.strip()) for e in entries]
    if len(entries) < 3 or not all(matches):
        return []
    people = []
    for match in matches:
        assert match is not None
        part = _take_meeting_part(f"x ({match['part']})") if match["part"] else None
        stands_for = _SUBSTITUTE.match(match["part"] or "")
        people.append(
            ParsedPerson(
                name=match["initials"],
                role_hint=part.role_hint if part else None,
                substitute_for=(part.substitute_for if part else None)
                or (stands_for["absent"] if stands_for else None),
            )
        )
    return people


_SUBSTITUTING = re.compile(
    r"^(?P<absent>.+?)\s+[–—-]\s+(?P<who>.+?)\s+(?:substituting|deputising|attending\s+"
    r"(?:in\s+(?:his|her|their)\s+place|instead))\.?$",
    re.IGNORECASE,
)
"""An apology with the ones who came instead after a dash: "Stephen Ward (Catapult) – Zahid
Latif and Kasia Averall substituting"."""


def _substituted(group: str, grouped: bool) -> list[ParsedPerson]:
    """A group's people, and those standing in for its one absentee after a dash."""
    standing = _SUBSTITUTING.match(group)
    if standing is None:
        return _parse_group(group, grouped)
    absent = _parse_group(standing["absent"], grouped)
    if len(absent) != 1 or not absent[0].name:
        return _parse_group(group, grouped)
    stand_ins = [
        replace(p, role_hint="substitute", substitute_for=absent[0].name)
        for p in _parse_group(standing["who"], grouped)
        if p.name
    ]
    return [*absent, *stand_ins]


_NEXT_COURTESY = re.compile(r"\s+(?=(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+[A-Z])")


def _side_by_side(text: str) -> list[str]:
    """Names printed side by side without commas, each opening with a courtesy title ("Mrs
    M Paterson Mr M Reiss"): cut where one starts straight after a surname, not after "and"
    or a comma."""
    cuts = [
        (match.start(), match.end())
        for match in _NEXT_COURTESY.finditer(text)
        if (last := text[: match.start()].split()[-1:]) and last[0][0].isupper()
        and last[0][-1].isalpha()
    ]  # fmt: skip
    starts = [0, *(end for _, end in cuts)]
    ends = [*(start for start, _ in cuts), len(text)]
    return [text[start:end] for start, end in zip(starts, ends, strict=True)]


@lru_cache(maxsize=1)
def _given_names() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)


_COMMON_WORD = 3.6
"""Zipf frequency (wordfreq) from which an English word is common: "Western", "Physical",
"Information" (a given name as rare as "Abi" stays below it)."""


def is_name_like(name: str) -> bool:
    """Whether a name without honorific reads as a person's: its first word is a given name
    (gender-guesser's table of names from many countries), an initial, or at least no
    common English word; so "Western Areas", "Physical Disabilities" and "WEST
    HUNTINGDONSHIRE" are not people, while "Menghi Mulchandani" and "JOHN SMITH" are."""
    words = name.split()
    if not words:
        return False
    first = words[0].strip(".,")
    if len(first.rstrip(".")) <= 2 or "-" in first:
        return True
    if _given_names().get_gender(first) != "unknown":
        return True
    return zipf_frequency(first, "en") < _COMMON_WORD


_PLAIN_WORD = 3.0
"""How common (Zipf) each word of a line must be for the line to be read as words rather
than a name: "leaflet" is 3.1, while surnames such as "Mulchandani" are far below."""


def reads_as_words(text: str) -> bool:
    """Whether a line is plain words, not a name: its first word is no given name and
    every word is a common English one ("LEAFLET PRODUCTION", not "JOHN SMITH" or
    "ANNE MULCHANDANI")."""
    words = _WORD.findall(text)
    if not words or _given_names().get_gender(words[0]) != "unknown":
        return False
    return all(zipf_frequency(word, "en") >= _PLAIN_WORD for word in words)


def is_job_title(text: str) -> bool:
    """Whether the words are a post: a job word at their head, before "of"/"for" ("Head of
    Community Safety", "Cabinet Member for Communities", "Partnership Manager"), written
    as a title is, in capitals but for its job word ("Tim Goodson took the Chair" is no
    post)."""
    head = _HEAD_END.split(_strip_brackets(text).strip(), maxsplit=1)[0]
    words = [w.rstrip(".") for w in _WORD.findall(head)]
    titled = all(w[:1].isupper() or w in _JOB_WORDS or w in _SMALL_WORDS for w in words)
    return head[:1].isupper() and titled and any(w.casefold() in _JOB_WORDS for w in words)


def is_organisation(text: str) -> bool:
    """Whether the words name an organisation: an organisation word ("Police", "Council",
    "NHS", "Trust", "Probation") or an acronym ("WSCC", "Arun DC", "NHS/SBC")."""
    words = _WORD.findall(_strip_brackets(text))
    if not words:
        return False
    if has_organisation_word(text):
        return True
    every_word_capitals = all(w.isupper() for w in words)
    if every_word_capitals and len(words) > 1:
        return False
    return any(_is_acronym(w) for w in words)


def has_organisation_word(text: str) -> bool:
    """Whether the words hold one that organisations are named by ("Police", "Council")."""
    words = _WORD.findall(_strip_brackets(text))
    return any(w.casefold().rstrip(".") in _ORGANISATION_WORDS for w in words)


def surname(name: str) -> str:
    """The family name, for telling "Councillor Smith" and "Mandy Smith" are one person."""
    return str(HumanName(name).last or name.split()[-1])


def bare_name(text: str) -> str:
    """Who a substitute stands in for, as a name without honorific ("Councillor Bill" ->
    "Bill"), or the post as written ("the Chief Constable" -> "Chief Constable")."""
    cleaned = re.sub(r"^the\s+", "", _clean(text), flags=re.IGNORECASE)
    person = parse_person(cleaned)
    if person is not None and person.name:
        return person.name
    return cleaned


def _parse_group(group: str, grouped: bool) -> list[ParsedPerson]:
    labelled = _split_labels(group)
    if len(labelled) > 1 or labelled[0].organisation is not None:
        found: list[ParsedPerson] = []
        for part in labelled:
            for person in _parse_group(part.names, grouped):
                if part.organisation and not person.organisation:
                    person = replace(person, organisation=part.organisation)
                if person.name and person.name == part.glued:
                    doubt = f"name and organisation run together: {part.glued!r}"
                    person = replace(person, doubts=(*person.doubts, doubt))
                found.append(person)
        return found
    entries: list[_Entry] = []
    plural: str | None = None
    run = 0
    for segment, after_and in _list_segments(group):
        substitution = _SUBSTITUTION.match(segment)
        if substitution:
            entries.append(_Entry(substitution["stand_in"], plural, absent=substitution["absent"]))
            continue
        plural_match = _plural_honorific(segment)
        if plural_match:
            plural, segment = plural_match
            run += 1
        elif has_honorific(segment) and not _is_courtesy(segment):
            plural = None
        starts = _starts_person(segment, plural is not None)
        previous_is_title = bool(entries) and entries[-1].ends_with_title()
        continues_title = previous_is_title and _is_bare_name(segment) and not after_and
        if entries and (not starts or continues_title):
            entries[-1].text += f", {segment}"
        elif starts or is_job_title(segment):
            entries.append(_Entry(segment, plural, run if plural else 0))
    parsed = [(entry, *entry.parse()) for entry in entries]
    run_organisations = {entry.run: org for entry, _, org in parsed if entry.run and org}
    people: list[ParsedPerson] = []
    for entry, persons, _ in parsed:
        shared = run_organisations.get(entry.run)
        people.extend(
            replace(p, organisation=shared)
            if shared and not p.organisation and not p.substitute_for
            else p
            for p in persons
        )
    return _share_organisations(people) if grouped else people


@dataclass
class _Entry:
    """One person's stretch of a list while it is being gathered."""

    text: str
    plural: str | None = None
    run: int = 0
    """Which run of names a plural honorific leads ("Councillors A, B and C from X") the
    entry is in; 0 for none. An organisation given "from" belongs to the whole run."""
    absent: str | None = None

    def ends_with_title(self) -> bool:
        """Whether the entry so far ends with a title, which a following part may go on
        ("Partnership Manager, West Division"); a title closed in brackets goes on no
        further, so a name after it is the next person's ("Jo Bloggs (Chair, Westby
        Forum), Sam Hart")."""
        if self.text.endswith(")"):
            return False
        person = parse_person(self.text)
        return person is not None and person.title is not None and person.organisation is None

    def parse(self) -> tuple[list[ParsedPerson], str | None]:
        """The entry's person (and who stood in for them), and an organisation it gives
        after "from"."""
        text, stand_in = self._stand_in()
        whom = text
        from_organisation = None
        found = _FROM_ORGANISATION.match(text)
        if found and is_organisation(found["organisation"]) and "(" not in found["who"]:
            whom, from_organisation = found["who"], found["organisation"]
        if self.plural and (not has_honorific(whom) or _is_courtesy(whom)):
            whom = f"{self.plural} {whom}"
        person = parse_person(whom)
        if person is None:
            return [], None
        if from_organisation:
            from_organisation = from_organisation.rstrip(".")
            person = replace(person, organisation=person.organisation or from_organisation)
        if self.absent:
            person = replace(person, substitute_for=bare_name(self.absent))
        people = [person]
        if stand_in is not None:
            absent = person.name or person.title
            people.append(replace(stand_in, substitute_for=absent))
        return people, from_organisation

    def _stand_in(self) -> tuple[str, ParsedPerson | None]:
        """ "Mr D Blacklock (Ms H Horne attended as substitute)", "Cllr A (substituted by
        Cllr B)", "Cllr A (Substitute Cllr B)": the person, and who came in their place."""
        for bracket in re.finditer(r"\(([^()]*)\)", self.text):
            came = _STAND_IN.match(bracket[1].strip())
            if came:
                without = (self.text[: bracket.start()] + self.text[bracket.end() :]).strip()
                return without, parse_person(came["stand_in"] or came["named_by"])
        dashed = _DASHED_STAND_IN.match(self.text)
        if dashed:
            return dashed["absent"], parse_person(dashed["stand_in"])
        return self.text, None


def _share_organisations(people: list[ParsedPerson]) -> list[ParsedPerson]:
    """Give an organisation to the names of a group written before it, for lists that
    group by organisation ("A, B (Org); C (Org2)", "Councillors A and B from Org")."""
    shared: list[ParsedPerson] = []
    waiting: list[ParsedPerson] = []
    for person in people:
        if person.organisation:
            shared.extend(replace(p, organisation=person.organisation) for p in waiting)
            waiting = []
            shared.append(person)
        elif person.title or person.substitute_for:
            shared.extend(waiting)
            waiting = []
            shared.append(person)
        else:
            waiting.append(person)
    return shared + waiting


@dataclass(frozen=True)
class _Labelled:
    """Names a list gives under an organisation label ("Blaby District Council: ...")."""

    organisation: str | None
    names: str
    glued: str | None = None
    """A name taken back from the next label, written against it without a break."""


def _split_labels(group: str) -> list[_Labelled]:
    """ "Blaby District Council: James Edmondston, Rebecca Holcroft" -> each organisation
    label and the names it leads."""
    labels = [m for m in re.finditer(r"([^:;,]+):\s+", group) if is_organisation(m[1])]
    if not labels:
        return [_Labelled(None, group)]
    parts: list[_Labelled] = []
    before = group[: labels[0].start()].strip(" ,")
    if before:
        parts.append(_Labelled(None, before))
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(group)
        names = group[label.end() : end].strip(" ,")
        glued = _unglue_label(labels[index + 1][1])[0] if index + 1 < len(labels) else None
        if glued:
            names = f"{names} and {glued}"
        parts.append(_Labelled(_unglue_label(label[1])[1], names, glued))
    return parts


def _unglue_label(label: str) -> tuple[str | None, str]:
    """A label written straight after the last name of the list before it, its line break
    lost ("... and Sarah Pennelli Hinckley & Bosworth Borough Council:"): the name (its
    first two words) and the organisation."""
    text = label.strip()
    conjunction = re.match(r"(?:and|&)\s+", text)
    if conjunction is None:
        return None, text
    words = text[conjunction.end() :].split()
    if len(words) > 2 and _starts_person(" ".join(words[:2]), plural=False):
        return " ".join(words[:2]), " ".join(words[2:])
    return None, text


def _list_segments(group: str) -> list[tuple[str, bool]]:
    """A group cut at commas, and at "and" or after a bracket where what follows starts a
    person ("Abbi Scott (AS) Keith Shipman (KS)": a comma lost); each part with whether
    "and" led it, which makes it a person of its own."""
    segments: list[tuple[str, bool]] = []
    plural = False
    depths = _depths(group)
    commas = [m for m in _LIST_SEPARATOR.finditer(group) if depths[m.start()] == 0]
    starts = [0, *(m.end() for m in commas)]
    ends = [*(m.start() for m in commas), len(group)]
    led_by_and = [False, *("and" in m.group() for m in commas)]
    spans = [group[start:end] for start, end in zip(starts, ends, strict=True)]
    for span_parts, after_and in zip(_list_parts(spans), led_by_and, strict=True):
        for index, part in enumerate(span_parts):
            pieces = _top_level_split(_AND, part)
            joiners = [m.group() for m in _AND.finditer(part) if _depths(part)[m.start()] == 0]
            current, current_after_and = pieces[0], after_and and index == 0
            plural = plural or _plural_honorific(current) is not None
            for joiner, piece in zip(joiners, pieces[1:], strict=False):
                if _ampersand_in_post(joiner, current, piece):
                    current = f"{current}{joiner}{piece}"
                elif _starts_person(piece, plural) or _SUBSTITUTION.match(piece):
                    segments.append((current, current_after_and))
                    current, current_after_and = piece, True
                else:
                    current = f"{current}{joiner}{piece}"
            segments.append((current, current_after_and))
    return [(s.strip(" ."), after) for s, after in segments if s.strip(" .")]


def _ampersand_in_post(joiner: str, before: str, after: str) -> bool:
    """Whether an "&" goes on the post or organisation a person's entry ends with
    ("Cornwall Councillor – Par & St Blazey Gate", "Chair, Westby PLG & NHW") rather
    than joining a second person: lists write "&" inside the names of wards, services and
    bodies, and join people with "and" or a comma, or give the next person an honorific."""
    if joiner.strip() != "&" or has_honorific(after):
        return False
    _, text = _take_honorific(_take_initials(_clean(before))[1])
    separator = _first_top_level(_NAME_SEPARATOR, text)
    return separator is not None and bool(text[separator.end() :].strip())


_GLUED_INITIALS = re.compile(r"(?:[A-Z]\.?\s?){1,3}[A-Z][a-z’'-]+\b")
"""A name by its initials and surname: "G Miles", "M J Walker", "R.G. Hannam"."""


_ENDING_WORDS = 4
"""How many words before a person who runs on are read as the organisation or post that
ends there: "Hertfordshire County Council", "Co-opted member"."""
_GLUED_LEAST = 2
"""How many people a list must run straight on from an organisation or post before it is
read as a table printed without its commas: one such join is as likely a post that
reads on into a name."""


def _list_parts(spans: list[str]) -> list[list[str]]:
    """Each comma-separated span of a list cut into the people it holds: after brackets
    that end one person (`_split_after_brackets`), and also where people run on without
    commas (`_split_glued_people`) when `_GLUED_LEAST` do so across the list."""
    bracketed = [_split_after_brackets(span) for span in spans]
    glued = [[cut for part in parts for cut in _split_glued_people(part)] for parts in bracketed]
    joins = sum(len(cut) - len(uncut) for cut, uncut in zip(glued, bracketed, strict=True))
    return glued if joins >= _GLUED_LEAST else bracketed


def _split_glued_people(part: str) -> list[str]:
    """A part cut where the next person starts straight after an organisation or a post
    ends, the comma between them lost: a table of names and organisations printed as one
    run ("East Herts District Council Cllr Mrs A Brewster", "Co-opted member Cllr R
    Smith", "Hertfordshire Police Authority G Miles"). The next person opens with an
    honorific, or (after an organisation) with initials and a surname."""
    words = part.split()
    cuts: list[int] = []
    for index in range(1, len(words)):
        last = words[index - 1]
        if not last[-1:].isalpha() or _is_honorific(last):
            continue  # "Councillor Reverend Sam Ovens": honorifics run on
        after = " ".join(words[index : index + _LONGEST_HONORIFIC + 2])  # enough to tell
        honorific, rest = _take_honorific(after)
        titled = honorific is not None and len(rest.split()) > 1 and rest[:1].isupper()
        initialled = _GLUED_INITIALS.match(after) is not None
        if not (titled or initialled):
            continue  # no one starts here: the words before need no reading
        run = _words_since_name(words[max(index - _ENDING_WORDS, 0) : index])
        ending = [" ".join(run[-size:]) for size in range(1, len(run) + 1)]
        posted = any(is_organisation(end) or is_job_title(end) for end in ending)
        organised = any(has_organisation_word(end) for end in ending)
        if (titled and posted) or (initialled and organised):
            cuts.append(index)
    bounds = [0, *cuts, len(words)]
    return [" ".join(words[start:end]) for start, end in pairwise(bounds)]


def _words_since_name(words: list[str]) -> list[str]:
    """The words at the end of `words` after the last honorific or initial: the post or
    organisation that follows a name, where one may end before the next person."""
    since = len(words)
    while since > 0 and not (_is_initial(words[since - 1]) or _is_honorific(words[since - 1])):
        since -= 1
    return words[since:]


def _is_honorific(word: str) -> bool:
    """Whether one word is an honorific or rank ("Cllr", "Reverend", "Supt.")."""
    return _take_honorific(f"{word} X")[0] is not None


def _split_after_brackets(part: str) -> list[str]:
    """A part cut after each bracket that ends one person and is followed by another.
    After a person's initials ("Jane Smith (JS)") the words that follow are their
    organisation ("Lorraine Forrester (LF) Transport Scotland"), unless they carry
    initials of their own: then they are the next person, a comma lost. A part in the
    meeting after the initials stays with them ("Fraser Nixon (FN) – Chair Margaret Walker
    (MW)")."""
    pieces: list[str] = []
    start = 0
    depths = _depths(part)
    for close in _AFTER_A_BRACKET.finditer(part):
        following = part[close.end() :]
        if depths[close.start()] != 1 or not _starts_person(following, plural=False):
            continue
        opened = part.rfind("(", start, close.start())
        initialled = _is_initials(part[opened + 1 : close.start()])
        if (initialled or close["part"]) and not _own_initials(following):
            continue
        pieces.append(part[start : close.end("part") if close["part"] else close.start() + 1])
        start = close.end()
    return [*pieces, part[start:]]


_AFTER_A_BRACKET = re.compile(
    r"\)(?:\s*[-–—]\s*(?P<part>(?:Vice[- ])?Chair(?:man|woman|person)?))?\s+(?=[A-Z])"
)
"""A bracket's close where another person may start, after a part in the meeting or not."""


_INITIALS_IN_BRACKETS = re.compile(
    r"^(?P<name>[^()]+?)\s*\(\s*(?P<initials>[A-Z][A-Za-z]{1,4})(?=\s*(?:\)|[-–—,:]|for\b))"
)
"""A name and the initials a bracket after it starts with: "Keith Shipman (KS - for item 5)"."""


def _is_initials(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Za-z]{1,4}", text.strip())) and (
        sum(c.isupper() for c in text) >= 2
    )


def _fits_initials(initials: str, name: str) -> bool:
    """Whether initials are the name's: its first and last capitals start its first and
    last capitalised words or parts ("DHo" for Denise Hobbs, "MHW" for Matt
    Harwood-White)."""
    capitals = [c for c in initials if c.isupper()]
    name_initials = [p[0] for p in re.split(r"[\s-]+", name) if p[:1].isupper()]
    return (
        bool(name_initials)
        and capitals[0] == name_initials[0]
        and (capitals[-1] == name_initials[-1])
    )


def _own_initials(text: str) -> bool:
    """Whether `text` starts with a name followed by bracketed initials that fit it."""
    bracket = _INITIALS_IN_BRACKETS.match(text)
    return (
        bracket is not None
        and _is_initials(bracket["initials"])
        and _fits_initials(bracket["initials"], bracket["name"])
    )


def _starts_person(segment: str, plural: bool) -> bool:
    text = _clean(segment)
    if _plural_honorific(text):
        return True
    _, text = _take_initials(text)
    honorific, text = _take_honorific(text)
    if honorific is not None:
        return bool(text)
    separator = _first_top_level(_NAME_SEPARATOR, text)
    name_part = (text[: separator.start()] if separator else text).strip()
    name_part = _FROM_ORGANISATION.sub(r"\g<who>", name_part)
    words = name_part.split()
    if plural and len(words) == 1:
        return _is_name_word(words[0]) and not _is_non_name(words[0])
    name, rest = _split_name(name_part, has_honorific=False)
    tail = text[separator.start() :].lstrip(" -–—,|:/") if separator else ""
    return (name is not None and not rest) or _initialled(name_part, tail)


def _is_bare_name(segment: str) -> bool:
    return not has_honorific(segment) and _starts_person(segment, plural=False)


def has_honorific(segment: str) -> bool:
    """Whether the words open with an honorific or rank ("Cllr", "Provost", "DCI")."""
    _, text = _take_initials(_clean(segment))
    return _take_honorific(text)[0] is not None


def _chairs_another(segments: list[str]) -> bool:
    """Whether "Chairman" after a name is the post the person holds in the organisation
    named next ("Mr Edgar Balfour, Chairman, Orkney Enterprise Ltd"), not the meeting's
    chair, whom minutes mark apart ("(Chair)", "in the Chair")."""
    return (
        len(segments) >= 2
        and segments[0].casefold() in ("chair", "chairman", "chairwoman", "chairperson")
        and is_organisation(segments[1])
    )


def _is_courtesy(segment: str) -> bool:
    """Whether the segment's honorific is a courtesy title, which a councillor keeps
    beside their own ("Councillors Mrs Anderson and Mrs Heslop")."""
    honorific = _take_honorific(_clean(segment))[0]
    return honorific is not None and honorific.casefold().rstrip(".") in _COURTESY_TITLES


def _plural_honorific(segment: str) -> tuple[str, str] | None:
    """The honorific a plural leads its names with ("Councillors A, B and C"), its colon
    aside ("Councillors: A, B"), and the names."""
    words = segment.split(maxsplit=1)
    plural = words[0].casefold().rstrip(".:") if words else ""
    if len(words) == 2 and plural in _PLURAL:
        return _PLURAL[plural], words[1]
    return None


_GLUED_POST = re.compile(
    r"(?<=[a-z])(?=(?:Co-Chair|Vice-Chair|Chair|Chairman|Chairwoman|Chairperson|Convener|"
    r"Convenor|Chief|Director|Head|Manager|Officer|Deputy|Assistant|Senior|Cabinet|Executive|"
    r"Interim|Acting|Councillor|Leader|Clerk|Secretary|Treasurer|Commander|Superintendent|"
    r"Inspector|Representative|Coordinator|Co-ordinator)\b)"
)
"""A name run into the post after it, as a page prints a lost line break: "Jane
MischenkoCo-Chair", "Sarah ForbesChief Clinical Information Officer"."""


_GLUED_WORDS = re.compile(r"\b(?!Fitz[A-Z])(?P<left>[A-Z][a-z’'-]*[a-z]{3})(?=[A-Z][a-z]{2,})")
"""A name run into any capitalised word after it, a post or an organisation, as a page
saved as text prints a table's lost cell border: "Jenna DitchburnAdmin Officer", "Mandy
BriggsTeesside Magistrates Court", "Stephen YoungCleveland Police". The name's last word
has three lower-case letters or more before the capital, so "McLurg", "MacKenzie",
"O'Neill" and "FitzGerald" stay whole."""


_REASON = re.compile(r"\s+(?:due|owing)\s+to\b[^(),;]*|\s+because\s+of\b[^(),;]*", re.IGNORECASE)
"""Why someone sent apologies, which names no one: "Cllr Mote due to a prior Mayoral duty"."""


def _clean(text: str) -> str:
    text = _GLUED_POST.sub(" ", " ".join(text.split()))
    text = _REASON.sub("", text)
    text = _GLUED_WORDS.sub(lambda m: f"{m['left']} ", text)
    text = _BULLET.sub("", text)
    return text.strip(" ,;.") if not text.endswith(")") else text.strip(" ,;")


@dataclass(frozen=True)
class _MeetingPart:
    """What an entry's brackets say of the person's part in the meeting, and the entry
    left to parse."""

    text: str
    role_hint: RoleHint | None = None
    substitute_for: str | None = None
    initials: str | None = None


_IN_THE_CHAIR = re.compile(r"(?<=\S)\s+in\s+the\s+chair\.?$", re.IGNORECASE)
"""The chair marked after the name without brackets, on the entry's own line: "Mr R
Middlemiss in the Chair"."""


def _take_meeting_part(text: str) -> _MeetingPart:
    """Brackets that give the part in the meeting rather than a title or organisation:
    "(Chair)", "(In the Chair)" (or "in the Chair" closing the entry), "(substituting for
    Ch Supt Khan)", "(sub for Y)", "(for item 5)", with or without the person's initials
    first ("(DH - Chair)"). A "(Vice-Chair)" or "(notetaker)" stays, to be read as the
    person's title too."""
    part = _MeetingPart(text)
    for bracket in reversed(list(re.finditer(r"\(([^()]*)\)", part.text))):
        content = bracket[1].strip().rstrip(".")
        lead = _BRACKET_INITIALS.match(content)
        initials = None
        if lead and sum(c.isupper() for c in lead["initials"]) >= 2 and _gives_part(lead["rest"]):
            initials, content = lead["initials"], lead["rest"]
        hint = "attendee" if _FOR_ITEMS.match(content) else _ROLE_HINTS.get(content.casefold())
        substitute = _SUBSTITUTE.match(content)
        replacement = ""
        if hint in _TITLED_HINTS and not _FOR_ITEMS.match(content):
            replacement = f"({content})"
        elif hint:
            part = replace(part, role_hint=hint)
        elif re.match(r"also\s+rep(?:resenting\b|\.|\s)", content, re.IGNORECASE):
            pass
        elif substitute and _stands_in_for(substitute["absent"]):
            part = replace(part, substitute_for=bare_name(substitute["absent"]))
        elif (after := _TRAILING_SUBSTITUTE.search(content)) and _stands_in_for(after["absent"]):
            part = replace(part, substitute_for=bare_name(after["absent"]))
            replacement = f"({content[: after.start()]})"
        else:
            continue
        remaining = part.text[: bracket.start()] + replacement + part.text[bracket.end() :]
        part = replace(part, text=remaining.strip(), initials=part.initials or initials)
    chairing = _IN_THE_CHAIR.search(part.text)
    if chairing and part.role_hint is None:
        part = replace(part, text=part.text[: chairing.start()], role_hint="chair")
    trailing = _TRAILING_SUBSTITUTE.search(part.text)
    if trailing and part.substitute_for is None and _stands_in_for(trailing["absent"]):
        part = replace(
            part, text=part.text[: trailing.start()], substitute_for=bare_name(trailing["absent"])
        )
    return replace(part, text=" ".join(part.text.split()))


def _stands_in_for(absent: str) -> bool:
    """Whether the words after "for" in a bracket name whom the person stands in for: a
    person, or a post though its name holds an organisation's word ("(for Head of Legal
    Services)"); not the organisation they come for ("(for Barnsley Council)")."""
    return is_job_title(absent) or not is_organisation(absent)


def _gives_part(text: str) -> bool:
    """Whether a bracket's words (after initials) give a part in the meeting."""
    return bool(text.casefold() in _ROLE_HINTS or _FOR_ITEMS.match(text) or _SUBSTITUTE.match(text))


def _take_bracketed_initials(initials: str | None, name: str, tail: str) -> tuple[str | None, str]:
    """Initials some minutes give in brackets after the name ("Jane Smith (JS)"), with the
    honorific repeated or not ("Sarah Aitken (Dr SA)", "Sean Morgan (Cllr SM)")."""
    bracket = re.match(
        r"^\(\s*(?:(?P<honorific>[A-Za-z]+\.?)\s+)?([A-Z][A-Za-z]{1,4})\s*\)\s*[-–—,|:]?\s*", tail
    )
    if bracket is None or sum(c.isupper() for c in bracket[2]) < 2:
        return initials, tail
    if bracket["honorific"] and not _is_honorific(bracket["honorific"]):
        return initials, tail
    if _fits_initials(bracket[2], name):
        return initials or bracket[2], tail[bracket.end() :]
    return initials, tail


_INITIALS_AFTER = re.compile(r"^(?P<initials>[A-Z][A-Z’']{1,3})(?:\s*[-–—,]\s*|\s+(?=\()|$)")
"""Initials after the name and a dash, before the post or organisation: "Jo Purser - JP
(Reading BC)", "Jo Purser - JP - Reading BC"."""


def _take_initials_after(initials: str | None, name: str, tail: str) -> tuple[str | None, str]:
    """Initials a list gives after the name's dash, when they are the name's ("JP" of Jo
    Purser); capitals that are not ("Ben Mckenna – TS", "Leah Swain – RAY - Rural Action
    Yorkshire") are an organisation's."""
    after = _INITIALS_AFTER.match(tail)
    if after is None or initials or not _fits_initials(after["initials"], name):
        return initials, tail
    return after["initials"], tail[after.end() :]


def _take_initials(text: str) -> tuple[str | None, str]:
    """The short form some minutes put before each name: "AB - Cllr. Alan Butcher",
    "CR Carrie Reynolds", "LB Sgt. Baileff". Without a dash, the letters must fit the name
    that follows, so "CI Will Keating-Jones" keeps its rank and "JG McMichael" its name."""
    dashed = _DASH_INITIALS.match(text)
    if dashed and sum(c.isupper() for c in dashed["initials"]) >= 2:
        rest = text[dashed.end() :]
        if _take_honorific(rest)[0] or _name_words(rest):
            return dashed["initials"], rest
    first, _, rest = text.partition(" ")
    if not rest or len(first) > 5 or sum(c.isupper() for c in first) < 2 or not first.isalpha():
        return None, text
    if first.casefold() in _HONORIFICS and (first.upper() in _UPPER_RANKS or text.isupper()):
        return None, text
    honorific, after = _take_honorific(rest)
    words = _name_words(after)
    if not words or (honorific is None and len(words) < 2):
        return None, text
    name_initials = [w[0].upper() for w in words]
    capitals = [c for c in first if c.isupper()]
    if capitals[0] in name_initials[:1] or capitals[-1] == name_initials[-1]:
        return first, rest
    return None, text


_SENTENCE_OPENERS = _word_set("that the this these those and also then when while as if")
"""Words a sentence opens with, which no column's label does ("That Mr Bannister be ...")."""


def _take_label(text: str) -> tuple[str | None, str]:
    """A table's left column run into its row, before the honorific that opens the name:
    "Panel Cllr E Butler - ...", "Other Representatives Cllr G Denton - ...". Up to three
    capitalised words that are no given name or honorific, before a name that opens with a
    given name or an initial ("Local Area Commander Exeter" is a post); None when there
    are none."""
    words = text.split()
    if _take_honorific(text)[0] is not None:
        return None, text  # "Depute Lord Provost Bill Campbell" opens with its honorific
    for size in range(1, min(4, len(words) - 1)):
        label = words[:size]
        if not all(w.istitle() and w.isalpha() and not is_given_name(w) for w in label):
            return None, text
        if label[0].casefold() in _SENTENCE_OPENERS:
            return None, text
        honorific, rest = _take_honorific(" ".join(words[size:]))
        first = rest.split()[0] if rest else ""
        if honorific and (is_given_name(first) or _is_initial(first)):
            return " ".join(label), " ".join(words[size:])
    return None, text


_RANK_ACRONYMS = frozenset(
    rank
    for rank in _RANKS
    if rank.isalpha() and len(rank) <= 4 and rank not in ("sgt", "insp", "supt", "cmdr")
)
"""Ranks written as their initials ("DI", "PC", "CC"), which are capitals: "Di Roberts" is
a woman called Di, not a detective inspector."""


def _name_not_rank(words: list[str]) -> bool:
    """Whether a rank's initials are written as a first name is, in lower case after the
    first letter ("Di"), and so are the name."""
    word = words[0] if len(words) == 1 else ""
    return word.casefold() in _RANK_ACRONYMS and word[1:].islower()


def _take_honorific(text: str) -> tuple[str | None, str]:
    """The honorific or rank at the start, as written, and the rest. Honorifics chain
    ("Very Reverend Dr", "Acting Supt."); a leading "the" before one is dropped."""
    words = text.split()
    if words and words[0].casefold() == "the" and len(words) > 2:
        honorific, rest = _take_honorific(" ".join(words[1:]))
        if honorific:
            return honorific, rest
        return None, text
    taken: list[str] = []
    while words:
        for size in range(min(_LONGEST_HONORIFIC, len(words) - 1), 0, -1):
            form = " ".join(words[:size]).casefold().replace(". ", " ").rstrip(".")
            if re.fullmatch(r"(?:[a-z]\.){2,4}", form + "."):
                form = form.replace(".", "")  # "D.C.I." as "DCI", "P.C." as "PC"
            if form in _HONORIFICS and form not in _PLURAL and not _name_not_rank(words[:size]):
                taken.extend(words[:size])
                words = words[size:]
                break
        else:
            break
    if not taken:
        return None, text
    return " ".join(taken), " ".join(words)


_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,4}")
"""Initials run together with their stops: "J.A.", "F.P.F."."""


def _split_name(name_part: str, has_honorific: bool) -> tuple[str | None, str]:
    """The name at the start of `name_part`, and a title or organisation written after it
    without a separator ("Jane Smith Head of Community Safety", "Andy Frost West Yorkshire
    Police", as table rows read from a PDF come). The name is taken as short as it can be,
    two words (initials aside), so that an organisation named after a place keeps it; four
    words or more with no initial among them are a name and what follows it ("Julie
    Stokoe Nova Training"). After an honorific the name may be one word, when the next
    is the place an organisation is named after ("Cllr Davis Christchurch Borough
    Council"). None when `name_part` starts with no name."""
    words = name_part.split()
    capitals = all(w.isupper() for w in words)
    count = 0
    while count < len(words) and _is_name_word(words[count]) and not _is_non_name(words[count]):
        dotted = _DOTTED_INITIALS.fullmatch(words[count]) is not None  # "J.A. Lomas"
        acronym = not capitals and not dotted and _is_acronym(words[count])
        surname = acronym and _surname_in_capitals(words[:count], words[count])
        if acronym and not surname and (count > 0 or len(words[count]) > 2):
            break
        count += 1
    minimum = 1 if has_honorific else 2
    if count < minimum:
        return None, ""
    for end in range(min(2, count), min(count + 1, len(words))):
        if end < minimum or len(words[end - 1].rstrip(".")) == 1:
            continue
        if _DOTTED_INITIALS.fullmatch(words[end - 1]):
            continue
        rest = " ".join(words[end:])
        if _AFTER_A_PLACE.match(rest) and end > minimum:
            end -= 1
            rest = " ".join(words[end:])
        if is_job_title(rest) or (is_organisation(rest) and (" " in rest or _is_acronym(rest))):
            return " ".join(words[:end]), rest
    if count < len(words):
        return None, ""
    if count >= 4 and all(len(w.rstrip(".")) > 1 and w[0].isupper() for w in words):
        return " ".join(words[:2]), " ".join(words[2:])
    return name_part, ""


def plural_honorific(text: str) -> str | None:
    """The honorific a line holding only its plural gives the names listed under it:
    "COUNCILLORS" is "Councillor", "Bailies" "Bailie"."""
    return _PLURAL.get(text.strip(" :").rstrip(".").casefold())


def _surname_in_capitals(before: list[str], word: str) -> bool:
    """Whether `word`, in capitals after the words `before`, is the surname, as Scottish
    minutes write it ("Bill CAMPBELL", "Derek J SCOTT"), not an organisation's acronym
    ("Hugh Hamill PBNI" has its surname before it): a word of three letters or more with a
    vowel after its first letter, after a given name gender-guesser knows and initials."""
    letters = word.rstrip(".,")
    spoken = len(letters) >= 3 and re.search(r"[AEIOUY]", letters[1:]) is not None
    initials = all(_is_initial(w) for w in before[1:])
    return spoken and bool(before) and is_given_name(before[0]) and initials


def is_one_post(title: str) -> bool:
    """Whether a post read without a name is one post, as a list gives a post whose holder
    it does not name ("Committee Secretary", "Chief Officer (Housing)"). A line of a list
    run together reads as one long post when the names in it went unseen: a person inside
    it after their honorific ("Head of Finance Attendance: Mrs Penn, Town Planner",
    "Westby Councillor Ann Jones Eastby Councillor ..."), a given name at its head ("Greta
    Holm Youth Justice Manager"), or several posts one after another ("Director of Place,
    Head of Leisure, Parks Manager")."""
    words = _strip_brackets(title).split()
    for start in range(1, len(words)):
        honorific, rest = _take_honorific(" ".join(words[start:]))
        if honorific and rest[:1].isupper() and is_name_like(rest):
            return False
    first = words[0] if words else ""
    if not first.isupper() and _given_names().get_gender(first) != "unknown":
        return False
    posts = [s for s in _top_level_split(_SEGMENT_SEPARATOR, title) if is_job_title(s)]
    return len(posts) < 2


def _initialled(name_part: str, tail: str) -> bool:
    """Whether `name_part` is a name by the initials in brackets after it, though a word
    of it could be a title's ("Graeme Senior (GS)")."""
    words = name_part.split()
    return (
        2 <= len(words) <= 3
        and all(_is_name_word(w) for w in words)
        and not any(w.casefold() in _JOB_WORDS | _ORGANISATION_WORDS for w in words)
        and _take_bracketed_initials(None, name_part, tail)[0] is not None
    )


def _names_post(text: str) -> bool:
    """Whether words that are no name are a post (or a post with its organisation)."""
    return is_job_title(text) or is_organisation(text)


def _name_words(text: str) -> list[str]:
    """The words of the name `text` starts with, up to its first separator."""
    separator = _first_top_level(_NAME_SEPARATOR, text)
    words = (text[: separator.start()] if separator else text).split()
    taken = []
    for word in words:
        if not _is_name_word(word) or _is_non_name(word):
            break
        taken.append(word)
    return taken


def _is_name_word(word: str) -> bool:
    if word.casefold() in _NAME_PARTICLES:
        return True
    bare = word.rstrip(".")
    if not bare or not bare[0].isupper():
        return False
    return all(c.isalpha() or c in "'’-." for c in bare)


def _is_non_name(word: str) -> bool:
    folded = word.casefold().rstrip(".")
    if len(folded) == 1:
        return False
    return folded in _NOT_NAME_WORDS or folded in _ORGANISATION_WORDS or folded in _JOB_WORDS


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 8 and all(c.isupper() for c in letters)


def _segments(tail: str) -> list[str]:
    """A tail cut into its parts: "Partnership Manager, West Division, Sussex Police";
    "(Head of Housing Services, PCC)"; "Head of Service (Kirklees Council)"; "Fire & Rescue
    Service (Vice Chair of Steering Group)"; "Independent Chair WSCB", an organisation's
    acronym straight after a title."""
    tail = tail.strip(" ,;|-–—")
    if not tail:
        return []
    if tail.startswith("("):
        close = _matching_bracket(tail, 0)
        return _segments(tail[1:close]) + _segments(tail[close + 1 :])
    segments: list[str] = []
    for part in _top_level_split(_SEGMENT_SEPARATOR, tail):
        part = part.strip(" .")
        bracketed = re.fullmatch(r"(.*?)\s*\((.*)\)", part)
        acronym = re.fullmatch(r"(.*\s(\S+))\s+([A-Z][A-Z&/]{1,7})", part)
        if bracketed and is_job_title(bracketed[1]) and not is_job_title(bracketed[2]):
            segments.extend([bracketed[1], *_segments(bracketed[2])])
        elif bracketed and is_organisation(bracketed[1]) and is_job_title(bracketed[2]):
            segments.extend([bracketed[2], bracketed[1]])  # "Fire Service (Vice Chair)"
        elif acronym and acronym[2].casefold() in _JOB_WORDS and not part.isupper():
            segments.extend([acronym[1], acronym[3]])
        elif part:
            segments.append(part)
    return segments


def _title_and_organisation(segments: list[str]) -> tuple[str | None, str | None, bool]:
    """Title and organisation of a tail's parts, and whether the organisation is a guess.
    The organisation runs from the first organisation part after the last title part to
    the end ("Partnership Manager, West Division, Sussex Police"; "National Probation
    Service - Kirklees and Wakefield"); a part with neither a job nor an organisation word
    stands for the organisation when it comes last after a title, or alone."""
    if not segments:
        return None, None, False
    kinds = [
        "title" if is_job_title(s) else "organisation" if is_organisation(s) else "other"
        for s in segments
    ]
    last_title = max((i for i, k in enumerate(kinds) if k == "title"), default=-1)
    start = next((i for i, k in enumerate(kinds) if k == "organisation" and i > last_title), None)
    if start is not None:
        return _join(segments[:start]), _join(segments[start:]), False
    if "organisation" in kinds:
        titles = [s for s, k in zip(segments, kinds, strict=True) if k != "organisation"]
        bodies = [s for s, k in zip(segments, kinds, strict=True) if k == "organisation"]
        return _join(titles), _join(bodies), False
    if kinds[-1] == "other" and (len(segments) == 1 or "title" in kinds):
        return _join(segments[:-1]), segments[-1], True
    return _join(segments), None, False


def _join(parts: Iterable[str]) -> str | None:
    joined = ", ".join(parts)
    return joined or None


def _strip_brackets(text: str) -> str:
    return re.sub(r"\([^()]*\)", " ", text)


def _matching_bracket(text: str, start: int) -> int:
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    return len(text)


def _depths(text: str) -> list[int]:
    depth, depths = 0, []
    for char in text:
        if char == "(":
            depth += 1
        depths.append(depth)
        if char == ")":
            depth = max(depth - 1, 0)
    return depths


def _top_level_split(separator: re.Pattern[str], text: str) -> list[str]:
    """`text` cut at `separator` where it stands outside brackets."""
    depths = _depths(text)
    parts, start = [], 0
    for match in separator.finditer(text):
        if match.start() < len(depths) and depths[match.start()] == 0 and match.start() >= start:
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return parts


def _first_top_level(separator: re.Pattern[str], text: str) -> re.Match[str] | None:
    depths = _depths(text)
    for match in separator.finditer(text):
        if match.start() > 0 and (
            match.group().lstrip().startswith("(") or depths[match.start()] == 0
        ):
            return match
    return None
