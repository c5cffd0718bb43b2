"""Whether a commitment's words are work: something to be done, which needs someone to
lead it, rather than a topic, a heading or a note of a meeting's own arrangements.

An action is written as a task, opening with what is to be done ("Develop the plan",
"Circulate the report"), with the doing of it ("Identifying and supporting repeat victims",
"Development of web-based training"), or saying who is to do it ("Council to open talks",
"Rob will meet the board", "that a letter be sent"). Whether a word is a verb, and in which
form, is looked up in an English lexicon rather than guessed from its place: "Apologies",
"Declarations of interest" and "Minutes of the last meeting" open with no verb, so they are
not tasks. A word that is both ("Review", "Update", "Police") is a verb only when what
follows starts its object ("Review the plan", not "Review of the plan", "Police Update" or
"Welcome, introductions").

Measured on the real documents of other councils (tests/test_work_rule.py): 312 of 351
actions and deliverables read as work and 22 of 464 agenda titles (parish councils word
their items "To receive ...", which is the meeting's own business); the first rule, which
took any opening word but an article for a verb, read 241 of 261 and 369 of 374.
"""

from __future__ import annotations

import re
from functools import cache

from lemminflect import getAllLemmas

WORK_RULE = (
    "An action counts as work, and so needs a lead, when its words say something is to be "
    "done (it opens with a verb in its plain form, as tasks are written, or with the doing "
    "of it: 'Identifying repeat victims', 'Development of training', or says who is to do "
    "it: 'Council to open talks', 'Rob will meet the board') and it is not a note of a "
    "meeting's own arrangements (when or where a meeting or workshop is held, what a coming "
    "meeting or the body itself will receive, an agenda's 'To receive ...' or its "
    "procedure, papers circulated to members, minutes agreed, "
    "someone to be told of a request, or that something was noted). Whether a word is a "
    "verb is looked up in an English lexicon, so 'Apologies received' and 'Declarations of "
    "interest' are not tasks."
)
"""The NO_LEAD rule in words, for the report and the README; `is_work` is the rule."""

_NOT_A_VERB = (
    r"(?:a|an|the|this|that|these|those|its|their|our|next|first|second|third|fourth|final"
    r"|further|another|each|every|all|no|any|some|date|dates|\d\S*)"
)
"""Words a meeting's arrangements open with before the meeting they are about: articles,
determiners, ordinals, dates ("Second workshop in February")."""

_MEETING = r"(?:meeting|workshop|session|seminar|away\s?day|conference)s?"
_BODY = r"(?:board|executive|group|sub-group|committee|partnership|panel|forum|members)"
"""Words that name the body a meeting belongs to, when it is the one to receive something."""
_WHEN = (
    r"(?:in|on|at|by|during|from|for|of|the|early|late|mid|next|this|week|month|year|\w+day"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|spring|summer|autumn|winter|\d+\S*|[,:/.()-])"
)
_ARRANGEMENTS = tuple(
    re.compile(pattern, re.IGNORECASE | re.DOTALL)
    for pattern in (
        # a meeting and when it is held: "Second workshop in February", "Date of next meeting"
        rf"^\W*(?:(?:date|dates|time|venue)\s+(?:of|for)\s+)?(?:the\s+)?(?:{_NOT_A_VERB}\s+)*"
        rf"{_MEETING}(?:\s+(?:to\s+be\s+|will\s+be\s+|is\s+|was\s+)?(?:held|arranged|planned"
        rf"|scheduled|booked|organised|confirmed))?(?:\s*{_WHEN})*\W*$",
        # what a coming meeting will receive: "Receive the report at the March meeting"
        r".*\b(?:receive|received|bring|brought|come|return|consider|considered|table|tabled)\b"
        rf".*\b(?:at|to)\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:\S+\s+){{0,2}}{_MEETING}\b.*",
        # what the body itself will receive: "Executive to receive updates on ..."
        rf"^\W*(?:the\s+)?(?:\S+\s+){{0,3}}{_BODY}\s+to\s+(?:receive|consider|note)\b.*",
        # papers circulated to members
        r".*\b(?:circulate|circulated|distribute|distributed|send|sent|email|emailed)\b.*"
        r"\bto\s+(?:all\s+)?(?:members|attendees|those\s+present)\b.*",
        # a note that something was noted: "Minutes noted", "For information"
        r"(?:^\W*(?:to\s+)?note\b.*|.*\bnoted\W*|.*\bfor\s+(?:information|noting)\W*)",
        # the minutes of a meeting agreed: "Minutes of the last meeting agreed as a true record"
        r"^\W*(?:the\s+)?minutes\b.*\b(?:agreed|approved|accepted|signed)\b.*",
        r"^\W*(?:to\s+)?(?:approve|agree|confirm|take|sign|accept)\s+(?:the\s+)?(?:draft\s+)?"
        r"minutes\b.*",
        # what the meeting itself is to receive or consider, as an agenda words its items:
        # "To receive any apologies for absence", "To consider references from other Committees"
        r"^\W*to\s+receive\b.*|^\W*to\s+consider\s+(?:any\s+)?(?:references?|reports?|"
        r"items?|matters?|correspondence|questions?)\b.*",
        # the meeting's own procedure: "Suspension of council procedure rules", "To suspend
        # the meeting to hold a public session"
        r"^\W*(?:to\s+)?(?:suspension\s+of|suspend)\s+(?:the\s+)?(?:council\s+)?(?:meeting|"
        r"procedure\s+rules|standing\s+orders)\b.*",
        # someone to be told of something: "Helena Walker to be notified of the request"
        r".*\bto\s+be\s+(?:notified|informed|advised|told|made\s+aware)\s+of\b.*",
        # the meeting's own business: "Appointment of Vice-Chair", "Declaration of interests",
        # "Confirmation of the minutes", "Approval of 31 August Minutes"
        r"^\W*(?:appointment|election|confirmation|agreement|approval|declarations?|disclosures?)"
        r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:(?:vice|deputy)[- ]?)?(?:chair\w*|minutes|"
        r"agenda|interests?|voting\s+members)\b.*",
    )
)
"""A note of a meeting's own arrangements, however it is worded."""

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_OPENING = re.compile(r"^\W*(?:\d+[.)]?\s+)?(?:to\s+)?", re.IGNORECASE)
"""What comes before a task's first word: a bullet, a number, "To" ("To develop ...")."""
_NOUN_TAKES = frozenset({"of", "on", "from", "and", "&", "for", "about", "re", "regarding"})
"""Words that follow a noun rather than a verb at the start of a heading: "Review of",
"Update on", "Welcome and introductions", "Request for priorities"."""
_OBJECT_OPENS = frozenset(
    {
        "the", "a", "an", "all", "any", "each", "every", "this", "that", "these", "those",
        "their", "its", "our", "his", "her", "my", "your", "them", "him", "it", "us", "up",
        "out", "back", "forward", "further", "with", "into", "how", "what", "whether", "when",
        "who", "where",
    }
)  # fmt: skip
"""Words that open a verb's object or finish the verb ("Chase up", "Feed back")."""
_DOER_THEN_VERB = re.compile(
    r"(?:\b(?:to|will|shall|must|should|would|are\s+to|is\s+to)|['’]ll)(?:\s+be)?"
    r"\s+(?P<verb>[a-z][a-z'’-]*)|\bbe\s+(?P<done>[a-z][a-z'’-]*)",
    re.IGNORECASE,
)
"""Who is to do it, then what: "Council to open talks", "Rob Sowden will meet", "Report
to be produced"."""


@cache
def _forms(word: str) -> dict[str, tuple[str, ...]]:
    return dict(getAllLemmas(word.casefold()))


def _plain_verb(word: str) -> bool:
    """Whether a word is a verb in its plain form ("develop", not "developing")."""
    return word.casefold() in _forms(word).get("VERB", ())


def _verb(word: str) -> bool:
    """Whether a word is some form of a verb ("produced", "develop")."""
    return "VERB" in _forms(word)


def _names_an_act(word: str, following: str) -> bool:
    """Whether a word names the doing of something, as a deliverable is written
    ("Development of web-based training", "Delivery of the plan"): a singular noun made
    from a verb, with "of" after it."""
    plain = word.casefold()
    if following.casefold() != "of" or "NOUN" not in _forms(plain) or plain.endswith("s"):
        return False
    for suffix in ("ment", "ation", "ition", "tion", "sion", "al", "y", "ance", "ence"):
        stem = plain.removesuffix(suffix)
        if stem != plain and any(_plain_verb(verb) for verb in (stem, f"{stem}e", stem[:-1])):
            return True
    return False


def _gerund(word: str) -> bool:
    forms = _forms(word)
    return word.casefold().endswith("ing") and "VERB" in forms and "NOUN" not in forms


def _opening_word(text: str) -> tuple[str, re.Match[str] | None]:
    """The words after a number or "to" that may open them, and the first of them."""
    rest = text[_OPENING.match(text).end() :]  # type: ignore[union-attr]
    return rest, _WORD.match(rest)


def _opens_with_a_verb(text: str) -> bool:
    """Whether the words open with a verb in its plain form, as a task does. A word that
    may also be a noun ("Review", "Police", "Update") is a verb only when what follows it
    starts its object ("Review the plan", "Update members on", "Chase up costings"), not a
    heading's next word ("Police Update", "Welcome, introductions")."""
    rest, first = _opening_word(text)
    if first is None:
        return False
    after = rest[first.end() :]
    following = _WORD.match(after.lstrip())
    if _gerund(first[0]) or (following and _names_an_act(first[0], following[0])):
        return True
    if not _plain_verb(first[0]):
        return False
    if set(_forms(first[0])) == {"VERB"} or first[0].islower():
        return True  # only a verb, or a verb opening a sentence in lower case
    if following is None or not after[:1].isspace():
        return False  # "Welcome, introductions", "Welcome/Apologies", "Update"
    word = following[0]
    if word.casefold() in _NOUN_TAKES:
        return False
    if word.casefold() in _OBJECT_OPENS or (word.islower() and not rest.isupper()):
        return True
    return word[0].isupper() and not _forms(word)  # a name: "Update Bexley VAWG Strategy"


def _says_who_does_it(text: str) -> bool:
    for match in _DOER_THEN_VERB.finditer(text):
        if match["done"]:  # "that a letter of thanks be sent"
            if _verb(match["done"]) and not _plain_verb(match["done"]):
                return True
        elif _plain_verb(match["verb"]) or (" be " in match[0] and _verb(match["verb"])):
            return True
    return False


def _is_arrangement(text: str) -> bool:
    """Whether the words note a meeting's own arrangements rather than work."""
    return any(pattern.fullmatch(text.strip()) for pattern in _ARRANGEMENTS)


def is_instruction(text: str) -> bool:
    """Whether the words are an instruction: they open with a verb in its plain form
    ("Provide feedback on the report"), not with the name of an act ("Approval of the
    MOU") nor a gerund, which a list of what was agreed also holds."""
    first = _opening_word(text)[1]
    return first is not None and _plain_verb(first[0]) and _opens_with_a_verb(text)


def is_work(text: str) -> bool:
    """WORK_RULE: the words say something is to be done and note no arrangements."""
    words = text.strip()
    return (_opens_with_a_verb(words) or _says_who_does_it(words)) and not _is_arrangement(words)
