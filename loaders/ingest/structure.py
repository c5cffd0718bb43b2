"""Partnership structures as relations: who reports to, is accountable to, sits under, is
overseen or chaired by, owns, delivers for or governs whom, in the words that say so.

Councils describe structures in prose ("a Board answerable to the County Durham
Partnership"), in lists under a lead-in ("The following groups report to the Board:") and
in slide or chart text. A relation is read where a phrase states it: the body on the near
side is the nearest body named before the phrase in the same sentence (or the body the
sentence, section or document is about), the far side is the body or bodies ("A, B and C")
named just after it. A body is a noun phrase ending in a word that names one (Board,
Partnership, Group, Council, an acronym...), so "the framework consists of" or "made up of
senior representatives" state no relation. "The Board", "the Partnership" and "it" are
resolved to the body the document or section is about when the text names it; otherwise
they are kept as written and reported as unsure.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from itertools import pairwise
from typing import Literal

from loaders.ingest.facts import DocumentFacts, RelationFact, RelationKind, Unsure
from loaders.ingest.people import is_job_title, is_organisation, parse_person
from loaders.ingest.text import Text


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


BODY_WORDS = _words(
    "partnership board group subgroup sub-group committee subcommittee sub-committee "
    "executive panel forum council cabinet team network authority police constabulary "
    "service trust brigade commissioner ccg agency unit body alliance assembly office "
    "department directorate hub system company commission plan strategy"
)
"""Words a body's name (or a plan's: plans are owned, overseen and delivered) ends in."""
PLAN_WORDS = frozenset({"plan", "strategy"})

_DETERMINERS = _words(
    "the a an each every all any its their our his her this these those both either "
    "such other another no some your my following various several many"
)
_PREPOSITIONS = _words(
    "to for from with by on in at into onto under over within through via across about as "
    "between among amongst against after before during since until upon without beneath "
    "below above behind beyond towards toward per than"
)
_CONJUNCTIONS = _words("or but nor while whilst whereas which who whom whose if when where")
_PRONOUNS = _words("it it's they them he she we us you i itself themselves")
_AUXILIARIES = _words(
    "is are was were be been being will shall would should can could may might must has "
    "have had do does did not also only then there here so very more most well click "
    "please etc e.g i.e"
)
_VERBS = _words(
    "hold holds oversee oversees review reviews monitor monitors manage manages develop "
    "develops deliver delivers provide provides lead leads led support supports ensure "
    "ensures agree agrees agreed own owns set sets chair chairs report reports reported sit "
    "sits consist consists comprise comprises include includes made make makes taken take "
    "takes prepare prepares implement implements scrutinise scrutinises scrutinize challenge "
    "share consult assess reduce meet meets receive receives approve approves establish "
    "coordinate co-ordinate work works act acts become becomes form forms drive drives "
    "commission commissions discharge discharges consider considers note notes endorse "
    "endorses request requests recommend recommends publish set out need needs bring brings "
    "together"
)
_FUNCTION_WORDS = _PREPOSITIONS | _CONJUNCTIONS | _AUXILIARIES | {"of", "and", "&", "that"}
_NAME_ING = _words(
    "safeguarding offending policing housing wellbeing well-being commissioning planning "
    "solving training funding licensing parenting building learning steering"
)
"""Lower-case words in -ing that belong to body names ("safeguarding adults board");
other -ing words ("setting", "providing") end a name."""
_PRONOUN_SUBJECTS = frozenset({"it", "it's", "they", "this", "these"})
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]*[A-Z0-9]s?")
_ACRONYM_PAREN = r"\([A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3}\)"
"""An acronym in brackets after a name, read with it: "(CSP)", "(SOC Group)"."""
_TOKEN = re.compile(rf"{_ACRONYM_PAREN}|[A-Za-z0-9](?:[\w'’&/-]*[\w’])?|[^\w\s]")
_ABBREVIATIONS = _words(
    "cllr supt insp sgt dr mr mrs ms st no nos co ltd vs e.g i.e etc cf approx dept"
)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"“‘'(]?[A-Z0-9•·])")
_LIST_MARKER = re.compile(
    r"^(?:[•·◦▪▫■□●○‣⁃*–—\-o▶►➢➤✓✔❖]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]+\))\s+"
)
_DANGLING = re.compile(r"\b(?:of|and|the|to|for|a|an|in|on|by|with|&|or)$|[,–-]$", re.I)
_TERMINAL = re.compile(r"[.!?:;]$|:\s*[-–—]$")
_FULL_LINE = 0.75
"""A PDF line at least this share of the document's longest line ran on to the next."""
_SHORTEST_FULL_LINE = 60
"""Characters a line across a page holds at least: in a PDF of headings and short list
items, the longest line is no measure of the page's width."""
_MAX_GAP = 8
"""Words allowed between a relation's phrase and the body after it ("oversee the
development and delivery of the Partnership Plan")."""
_LONGEST_SENTENCE = 1000
"""Characters read as one sentence at most: real sentences are shorter, a page of text
without full stops is not read in time that grows with its square."""
_HEADING_WORDS = 12
_LIST_ITEM_WORDS = 16


# Passages --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Passage:
    """Lines read as one stretch of text: a paragraph that a PDF broke into lines, or one
    line. `starts[i]` is where line `numbers[i]` begins in `text`."""

    text: str
    numbers: tuple[int, ...]
    starts: tuple[int, ...]

    @property
    def first(self) -> int:
        return self.numbers[0]

    def line_at(self, offset: int) -> int:
        line = self.numbers[0]
        for number, start in zip(self.numbers, self.starts, strict=True):
            if start > offset:
                break
            line = number
        return line


def wrapped_lines(text: Text) -> frozenset[int]:
    """Lines that continue on the next line: those ending mid-phrase ("... Terms of"),
    and, in a PDF, those filling the width of the page without closing punctuation (or
    followed by a line in lower case)."""
    longest = max((len(line) for line in text.lines), default=0)
    wrapped: set[int] = set()
    for number, (line, following) in enumerate(pairwise(text.lines), start=1):
        if _TERMINAL.search(line) or _LIST_MARKER.match(following) or following.endswith(":"):
            continue
        if _starts_anew(line, following) or _CELL in line:
            continue
        fills_width = (
            len(line) >= max(_FULL_LINE * longest, _SHORTEST_FULL_LINE) or following[:1].islower()
        )
        if _DANGLING.search(line) or (text.format == "pdf" and fills_width):
            wrapped.add(number)
    return frozenset(wrapped)


_CELL = " | "
"""What stands between a table row's cells; a row is a line of its own."""


def _starts_anew(line: str, following: str) -> bool:
    """Whether the next line starts something of its own although the line before runs to
    the page's edge: a heading or label in capitals ("OBJECTIVE ACTION TIMESCALE"), a coded
    item ("CC1.1 ..."), or an item opening as the line before did ("To improve ..." after
    "To reduce ...")."""
    first, opening = line.split()[0], following.split()[0]
    capitals = len(opening) >= 3 and opening.isupper() and opening.isalpha()
    coded = bool(_ITEM_CODE.fullmatch(opening))
    return capitals or coded or (opening[0].isupper() and opening == first)


_ITEM_CODE = re.compile(r"[A-Z]{0,3}\d{1,2}(?:\.\d{1,2})+[a-z]?|[A-Z]{1,3}\d{1,2}[a-z]?")
"""An item's code opening a line: "CC1.1", "C1.1.1", "2.3"."""


def passages(text: Text, start: int = 1, end: int | None = None) -> list[Passage]:
    """Lines `start` to `end` gathered into passages."""
    last = min(end or len(text.lines), len(text.lines))
    wrapped = wrapped_lines(text)
    found: list[Passage] = []
    number = start
    while number <= last:
        numbers, starts, parts, offset = [number], [0], [text.line(number)], 0
        while numbers[-1] in wrapped and numbers[-1] < last:
            offset += len(parts[-1]) + 1
            numbers.append(numbers[-1] + 1)
            starts.append(offset)
            parts.append(text.line(numbers[-1]))
        found.append(Passage(" ".join(parts), tuple(numbers), tuple(starts)))
        number = numbers[-1] + 1
    return found


def sentences(passage: str) -> list[tuple[int, int]]:
    """Start and end of each sentence (or ";"-clause), by offset; a full stop after a
    known abbreviation ("Cllr.", "Supt.") or an initial ends none."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _SENTENCE_END.finditer(passage):
        before = passage[begin : match.start()].split()
        last_word = before[-1].rstrip(".").casefold() if before else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        if passage[match.start() - 1] == ";" and ":" in passage[begin : match.start()]:
            continue  # "consist of: A Group; B Board; ...": a list's items, one sentence
        spans.append((begin, match.start()))
        begin = match.end()
    if begin < len(passage):
        spans.append((begin, len(passage)))
    return [piece for span in spans for piece in _bounded(passage, *span)]


def _bounded(passage: str, begin: int, end: int) -> Iterator[tuple[int, int]]:
    """A run-on "sentence" (a page's text with no full stops) in pieces cut at commas or
    spaces, so that reading it takes time in proportion to its length."""
    while end - begin > _LONGEST_SENTENCE:
        limit = begin + _LONGEST_SENTENCE
        cut = max(passage.rfind(", ", begin, limit), passage.rfind(" ", begin, limit))
        cut = cut if cut > begin else limit
        yield begin, cut
        begin = cut
    yield begin, end


# Phrases ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int

    @property
    def word(self) -> str:
        return self.text.casefold().replace("’", "'")

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_paren(self) -> bool:
        """An acronym in brackets; other brackets are tokens of their own."""
        return self.text.startswith("(") and len(self.text) > 1


def _tokens(text: str) -> list[_Token]:
    return [_Token(m[0], m.start(), m.end()) for m in _TOKEN.finditer(text)]


@dataclass(frozen=True)
class Phrase:
    """A run of name words in a sentence; `body` when it ends in a word naming a body."""

    text: str
    start: int
    end: int
    first: int
    """How many words come before it in the sentence (numbers aside): a sentence's subject
    comes first."""
    body: bool
    head: str | None
    whole_end: int
    """End of all its name words, past the body word: "Police Inspector" for a chair."""
    bracketed: bool = False
    """Inside brackets: an aside ("(formerly the safer cleaner partnership)")."""

    @property
    def generic(self) -> bool:
        """ "the Board", "the partnership": a body named only by what it is."""
        return self.body and len(_kind_alone(self.text).split()) == 1 and not is_acronym(self.text)


def _kind_alone(name: str) -> str:
    """A name with "sub" joined to the body word it qualifies: "the sub group" names a
    body by its kind alone, as "the subgroup" does."""
    return re.sub(r"^sub[\s-]+(?=[a-z])", "sub", name, flags=re.IGNORECASE)


def is_acronym(word: str) -> bool:
    return bool(_ACRONYM.fullmatch(word)) and sum(c.isalpha() for c in word) >= 2


def head_word(word: str, shouting: bool = False) -> str | None:
    """The body word `word` is ("groups" -> "group"), or the acronym itself."""
    if is_acronym(word) and not shouting and len(word) <= 8:
        return word
    plain = re.sub(r"['’]s$", "", word.casefold())
    for candidate in (plain, plain[:-1] if plain.endswith("s") else plain):
        if candidate in BODY_WORDS:
            return candidate
    return None


def _stops(token: _Token, at_start: bool) -> bool:
    """Whether `token` cannot be part of a name."""
    word = token.word
    if word in _DETERMINERS or word in _PRONOUNS or word in _PREPOSITIONS:
        return True
    if word in _CONJUNCTIONS or word in _AUXILIARIES or word == "that":
        return True
    lower = token.text[0].islower()
    if word in _VERBS and (lower or at_start):
        return True
    return lower and ((word.endswith("ing") and word not in _NAME_ING) or word.endswith("ed"))


_NOT_NAMED_ON = _words(
    "role chair chairman vice head member purpose terms part section appendix annex report "
    "review work progress update summary membership one each rest end start meeting record "
    "copy list number notes agenda details statement sub-body sub-group subgroup sub-committee "
    "sub-panel committee"
)
"""Capitalised words that "of" or "in" do not carry into a name: "Chair of the Board",
"Minutes of the Partnership" are not names of bodies."""


def _names_go_on(word: _Token) -> bool:
    """Whether "of" or "in" after `word` continues a name: "City of York Council", "Office
    of the Police and Crime Commissioner", "Safe in the City Partnership"."""
    plural = word.word.endswith("s") and not head_word(word.text)
    return word.text[0].isupper() and not plural and word.word not in _NOT_NAMED_ON


_TITLE_PAIRS = frozenset({("police", "crime")})
"""Words joined by "and" inside the statutory titles every force area uses: "North Wales
Police and Crime Panel", "Humberside Police and Crime Commissioner" are one name each."""


def _joins(previous: list[_Token], items: Sequence[_Token], index: int) -> int:
    """How many tokens from `index` ("of the", "in the", "and", "&") join a name to the
    words after it: "Office of the Police and Crime Commissioner", "Crime and Disorder
    Reduction Partnership"; not "Minutes of the Partnership", "the Council and the PCT" or
    "Thematic Groups and Local ...". 0 when they do not."""
    word = items[index].word
    after = items[index + 1 : index + 3]
    if word in ("of", "in"):
        before_of = previous[-1]
        if _names_go_on(before_of) and after:
            if after[0].text[0].isupper() and after[0].is_word:
                return 1
            if after[0].word == "the" and len(after) > 1 and after[1].text[0].isupper():
                return 2
        return 0
    if word in ("and", "&") and after and after[0].is_word:
        if (previous[-1].word, after[0].word) in _TITLE_PAIRS:
            return 1
        if after[0].word in _DETERMINERS or _stops(after[0], False):
            return 0
        single = len(previous) == 1
        if (previous[-1].is_paren or head_word(previous[-1].text)) and not single:
            return 0
        return 1
    return 0


def phrases(sentence: str, offset: int = 0, shouting: bool | None = None) -> list[Phrase]:
    """Every name in `sentence`, with offsets shifted by `offset`."""
    return [_shifted(p, offset) if offset else p for p in _phrases(sentence, shouting)]


def _shifted(phrase: Phrase, offset: int) -> Phrase:
    return replace(
        phrase,
        start=phrase.start + offset,
        end=phrase.end + offset,
        whole_end=phrase.whole_end + offset,
    )


@lru_cache(maxsize=16384)
def _phrases(sentence: str, shouting: bool | None) -> tuple[Phrase, ...]:
    """Phrases are read once per sentence however many relation phrases it holds."""
    found: list[Phrase] = []
    items = _tokens(sentence)
    if shouting is None:
        words = [t.text for t in items if t.is_word and t.text[0].isalpha()]
        shouting = sum(w.isupper() for w in words) > len(words) / 2
    run: list[_Token] = []
    first = 0
    index = 0
    depth = 0

    def close() -> None:
        if run:
            found.append(_phrase(sentence, run, first, shouting, bracketed=depth > 0))
            run.clear()

    words_before = [0]
    for token in items:
        words_before.append(words_before[-1] + token.text[0].isalpha())
    while index < len(items):
        token = items[index]
        if token.text in "()":
            close()
            depth = max(0, depth + (1 if token.text == "(" else -1))
        elif token.is_paren:
            if run and head_word(run[-1].text, shouting):
                run.append(token)
            else:
                close()
        elif not token.is_word or token.word in ("of", "and") or _stops(token, index == 0):
            if (
                run
                and token.word in ("of", "in", "and", "&")
                and (step := _joins(run, items, index))
            ):
                run.extend(items[index : index + step])
                index += step
                continue
            close()
        else:
            if not run:
                first = words_before[index]
            run.append(token)
        index += 1
    close()
    return tuple(phrase for phrase in found if phrase.text)


def _phrase(
    sentence: str, run: list[_Token], first: int, shouting: bool, bracketed: bool
) -> Phrase:
    """The run cut after its last body word (and an acronym in brackets after it)."""
    heads = [i for i, t in enumerate(run) if not t.is_paren and head_word(t.text, shouting)]
    last = heads[-1] if heads else len(run) - 1
    if last + 1 < len(run) and run[last + 1].is_paren:
        last += 1
    while last > 0 and run[last].word in ("of", "and", "&", "the"):
        last -= 1
    kept = run[: last + 1]
    described = _describing_words(kept)
    kept, first = kept[described:], first + described
    whole = len(run) - 1
    while whole > last and run[whole].word in ("of", "and", "&", "the"):
        whole -= 1
    text = sentence[kept[0].start : kept[-1].end]
    head = head_word(run[heads[-1]].text, shouting) if heads else None
    lone_lower = (
        len(kept) == 1
        and kept[0].text[0].islower()
        and not _after_determiner(sentence, kept[0].start)
    )
    modifier = _MODIFIES.match(sentence, kept[-1].end) is not None
    return Phrase(
        text=text,
        start=kept[0].start,
        end=kept[-1].end,
        first=first,
        body=bool(heads) and not lone_lower and not modifier,
        head=head,
        whole_end=run[whole].end,
        bracketed=bracketed,
    )


def _describing_words(run: list[_Token]) -> int:
    """How many words in lower case open a run before a name of two capitalised words or
    more that they only describe: "a high level Strategic Group" is the Strategic Group.
    Not a count ("seven Portfolio Advisory Boards"), whose groups are counted, nor a
    possessive ("the council's Chief Executive"), nor a word before a single name ("the
    wider CSP")."""
    count = 0
    while count < len(run) and run[count].is_word and run[count].text[0].islower():
        word = run[count].word
        if word in _COUNTS or word.endswith(("'s", "’s")) or word.isdigit():
            return 0
        count += 1
    named = [t for t in run[count:] if t.is_word and t.text[0].isupper()]
    return count if count and len(named) >= 2 else 0


_MODIFIES = re.compile(r"\s+working\b")
"""A body word before "working" says how people work ("effective partnership working"),
not which body."""


def _after_determiner(sentence: str, start: int) -> bool:
    before = sentence[:start].split()
    return bool(before) and before[-1].casefold() in _DETERMINERS


# Relations -------------------------------------------------------------------------------

Side = Literal["left", "right", "mid"]


@dataclass(frozen=True)
class Trigger:
    """Words that state a relation, and which side of them names the source and target.
    "mid" is the `mid` group of the pattern ("hold <mid> to account")."""

    pattern: re.Pattern[str]
    type: RelationKind
    source: Side
    target: Side
    people: Side | None = None
    """The side that may name a person or post rather than a body (a chair, a leader)."""
    members: bool = False
    """Whether the right side lists members ("made up of representatives of ..., sub-group
    chairs and the Independent Chair"): posts and people as well as bodies."""
    adjacent: bool = False
    """Whether the phrase states a relation only right after the body it is about ("the
    Board includes experts"); "includes" elsewhere lists topics ("which includes burglary",
    "What this includes:")."""


def _trigger(
    pattern: str,
    type: RelationKind,
    source: Side,
    target: Side,
    people: Side | None = None,
    members: bool = False,
    adjacent: bool = False,
) -> Trigger:
    return Trigger(re.compile(pattern, re.I), type, source, target, people, members, adjacent)


_ADVERB = r"(?:\s+(?:directly|formally|quarterly|annually|regularly|jointly|back|also|"
_ADVERB += r"ultimately|initially|through\s+its\s+chair|in\s+turn))*"
_REPORTED_AND_WHEN = (
    r"(?:\s+(?:on\s+)?(?:(?:its|their|the)\s+)?"
    r"(?:progress|performance|activit(?:y|ies)|work|findings|outcomes|achievements))?"
    r"(?:\s+(?:twice|once|three\s+times|four\s+times)\s+(?:a\s+)?year(?:ly)?"
    r"|\s+every\s+[\w-]+\s+(?:weeks|months)|\s+(?:on\s+)?an?\s+[\w-]+\s+basis)?"
)
"""What is reported, and how often, between "report" and "to": "reports on progress twice
yearly to the Board", "will report progress to the Partnership"."""
_LISTED = r"(?:,?\s+(?:and\s+)?(?!oversight\b)[\w-]+){0,4}"
"""Further things provided, as in "strategic leadership, direction and support to"."""
TRIGGERS: tuple[Trigger, ...] = (
    _trigger(
        rf"\breport(?:s|ed|ing)?{_REPORTED_AND_WHEN}{_ADVERB}\s+(?:in\s*)?to\b",
        "reports_to", "left", "right",
    ),
    _trigger(
        r"\b(?:provides?|submits?|makes?|sends?|presents?)\s+(?:\w+\s+){0,2}reports?\s+to\b",
        "reports_to", "left", "right",
    ),
    _trigger(r"\bfeeds?\s+(?:in)?to\b", "reports_to", "left", "right"),
    _trigger(
        r"\breceives?\s+(?:\w+\s+){0,3}(?:reports?|updates?|minutes)\s+(?:(?:on|at)\s+(?:\w+\s+){1,3})?"
        r"from\b",
        "reports_to", "right", "left",
    ),
    _trigger(r"\bescalat(?:e|es|ed|ing)\s+(?:\w+\s+)?to\b", "reports_to", "left", "right"),
    _trigger(
        rf"\b(?:accountable|answerable|responsible|accountability){_ADVERB}\s+to\b",
        "accountable_to", "left", "right",
    ),
    _trigger(r"\bheld\s+(?:to\s+account|accountable)\s+by\b", "accountable_to", "left", "right"),
    _trigger(  # "... holding the Commissioner to account through the Police and Crime Panel"
        r"\bhold(?:s|ing)?\s+(?P<mid>[^.;:]{1,160}?)\s+to\s+account\s+(?:through|via)\b",
        "accountable_to", "mid", "right", "mid",
    ),
    _trigger(
        r"\bhold(?:s|ing)?\s+(?P<mid>[^.;:]{1,160}?)\s+to\s+account\b(?!\s+(?:through|via)\b)",
        "accountable_to", "mid", "left", "mid",
    ),
    _trigger(
        r"\b(?:is|are|as|acts?\s+as)\s+(?:a|an|the|one\s+of\s+the)\s+(?:(?!joint\b)\w+\s+)?"
        r"(?:sub[- ]?groups?|sub[- ]?committees?|committees?|sub-?panels?|sub-?bod(?:y|ies)|"
        r"working\s+groups?|"
        r"theme\s+groups?|thematic\s+groups?|task\s+(?:and|&)\s+finish\s+groups?)\s+(?:of|to|for)\b",
        "part_of", "left", "right",
    ),
    _trigger(  # "The Panel is a joint committee of A, B and C": its members, not its parents
        r"\b(?:is|are|as|will\s+be)\s+(?:a|an|the)\s+(?:formal\s+|statutory\s+)?joint\s+"
        r"(?:committee|board|panel)\s+of\b",
        "part_of", "right", "left", members=True,
    ),
    _trigger(r"\bsit(?:s|ting)?\s+(?:under|within|beneath|below)\b", "part_of", "left", "right"),
    _trigger(
        r"\b(?:is|are|forms?|forming)\s+(?:a\s+|one\s+of\s+the\s+)?(?:[\w-]+\s+)?"
        r"(?:part|parts|tri-parts|components?)\s+of\b",
        "part_of", "left", "right",
    ),
    _trigger(r"\b(?:make|makes|making)\s+up\b", "part_of", "left", "right", members=False),
    _trigger(
        r"\b(?:is|are)\s+(?:also\s+|all\s+|each\s+)?represented\s+(?:on|at)\b",
        "part_of", "left", "right",
    ),
    _trigger(
        r"(?:^|(?<=[,;]\s))under\s+(?P<mid>[^,.;:]{1,80}?)\s+(?:sits?|are|is)\b",
        "part_of", "right", "mid",
    ),
    _trigger(
        r"(?<!\bto\sbe\s)\b(?:(?:consist(?:s|ed|ing)?|comprised|composed|made\s+up|constituting)\s+of|"
        r"comprises?(?:\s+of)?|comprising|membership\s+(?:includes|comprises)|"
        r"(?<!\bto\s)(?<!\bwhich\s)(?:brings?|bringing)\s+together)\b",
        "part_of", "right", "left", members=True,
    ),  # "brings together" as a body's own sentence says whom it is made of; not "to bring
    # together" (a purpose) nor "which brings together" (a body a plan names in passing)
    _trigger(r"\binclude[sd]\b", "part_of", "right", "left", members=True, adjacent=True),
    _trigger(  # "The board is a statutory strategic partnership established under ... including"
        r"\b(?:is|are)\s+an?\s+(?:[\w-]+\s+){0,3}(?:partnership|board|body|forum|group)\b"
        r"[^.;:]{0,120}?\bincluding\b",
        "part_of", "right", "left", members=True,
    ),
    _trigger(
        r"\bhas\s+(?:also\s+)?an?\s+(?=(?:[A-Z][\w&'’-]*\s+){0,5}?(?-i:Board|Group|"
        r"Committee|Sub-?[Gg]roup|Panel|Forum|Executive|Network|Team|Unit|Hub|Assembly)\b)",
        "part_of", "right", "left",
    ),  # "Each PCSP also has a Policing Committee", "The Partnership has an Executive"; not
    # "must by law have a Board" nor "to have a Board", a duty
    _trigger(
        r"\bha(?:s|ve)\s+(?:(?:the\s+following|\w+)\s+)?(?:sub[- ]?groups|sub[- ]?committees|"
        r"theme\s+groups|thematic\s+groups|working\s+groups|delivery\s+groups)"
        r"(?:\s*:|,?\s+(?:namely|which\s+are))",
        "part_of", "right", "left", members=True,
    ),
    _trigger(
        r"\b(?:overseen|scrutini[sz]ed|supervised|monitored|reviewed)\s+(?:\w+\s+)?(?:by|through)\b|"
        r"\bunder\s+the\s+oversight\s+of\b",
        "overseen_by", "left", "right",
    ),
    _trigger(
        r"\b(?:oversee(?:s|ing)?|scrutini[sz](?:e|es|ing)|monitors?|oversight\s+of"
        r"(?:\s+the\s+work\s+(?:of|across))?(?:\s+both)?|"
        r"responsible\s+for\s+ensuring\s+(?:the\s+)?(?:delivery|implementation)\s+of)\b",
        "overseen_by", "right", "left",
    ),
    _trigger(
        r"\bprovides?\s+(?:[\w-]+,?\s+(?:and\s+)?){0,4}oversight(?:,?\s+(?:and\s+)?[\w-]+){0,4}"
        r"\s+(?:to|of|for)\b",
        "overseen_by", "right", "left",
    ),
    _trigger(
        rf"\bprovid(?:es?|ing)\s+(?:(?:strategic|executive|overall|clear)\s+(?:and\s+)?){{0,3}}"
        rf"(?:leadership|governance|direction){_LISTED}\s+(?:to|for|of)\b",
        "governs", "left", "right",
    ),
    _trigger(r"\b(?:co-?)?chaired\s+(?:\w+\s+)?by\b", "chaired_by", "left", "right", "right"),
    _trigger(
        r"(?<!vice\s)(?<!vice-)(?<!deputy\s)\b(?:independent\s+)?chair(?:man|person|woman)?\s+of\s+"
        r"(?P<mid>[^,.;:]{2,80}?)\s+is\b",
        "chaired_by", "mid", "right", "right",
    ),
    _trigger(
        r"\b(?:is|was|are|were)\s+(?:confirmed|appointed|elected)\s+as\s+(?:the\s+)?"
        r"(?:independent\s+)?chair(?:man|person|woman)?\s+of\b",
        "chaired_by", "right", "left", "left",
    ),
    _trigger(  # "the Council's Chief Executive as Chair of NWCSP"; not "will remain as chair of"
        r"(?<!remain\s)(?<!remains\s)(?<!serve\s)(?<!serves\s)(?<!act\s)(?<!acts\s)(?<!continue\s)"
        r"\bas\s+(?:the\s+)?(?:independent\s+)?chair(?:man|person|woman)?\s+of\b",
        "chaired_by", "right", "left", "left",
    ),
    _trigger(
        r"\b(?:(?:is|are)\s+)?(?:the\s+)?owners?\s+of\b", "owns", "left", "right",
    ),
    _trigger(r"\bowned\s+by\b", "owns", "right", "left"),
    _trigger(
        r"\bha(?:s|ve)(?=\s+(?:(?:a|an|its|their)\s+)?"
        r"(?:(?!(?:to|of|for|duty|role|set|put|\w+ed)\b)[\w/-]+\s+){0,3}?(?:strateg(?:y|ies)|plans?)\b)",
        "owns", "left", "right",
    ),  # "The Partnership has a three year strategy", "The sub-groups have business plans": a
    # body holding its own plan; not "has a duty to produce a plan" nor "have set out a plan"
    _trigger(
        r"\b(?:owns?|owning|is\s+the\s+owner\s+of|takes?\s+ownership\s+of)\b",
        "owns", "left", "right",
    ),
    _trigger(
        r"\bon\s+behalf\s+of\b|\bdelivery\s+(?:arm|vehicle|mechanism)\s+(?:of|for)\b|"
        r"\bdelegated\s+(?:to\s+(?:it|them)\s+)?by\b",
        "delivers_for", "left", "right",
    ),
    _trigger(
        r"\b(?:discharg(?:e|es|ing)|fulfil(?:s|ls|ling)?|dispens(?:e|es|ing))\s+(?:the\s+)?"
        r"(?:\w+\s+)?(?:duties|duty|responsibilities|functions)\s+of\b",
        "delivers_for", "left", "right", "right",
    ),
    _trigger(
        r"\b(?:delivered|implemented|carried\s+out)\s+(?:\w+\s+)?(?:through|by|via)\b|"
        r"\b(?:carries\s+out|delivers|does|undertakes)\s+(?:its|their)\s+(?:\w+\s+)?work\s+"
        r"(?:through|via)\b|"
        r"\bworks?\s+through\b",
        "delivers_for", "right", "left",
    ),
    _trigger(r"\b(?:led|governed)\s+(?:\w+\s+)?by\b", "governs", "right", "left", "right"),
    _trigger(r"\bgoverns\b", "governs", "left", "right"),
    _trigger(
        r"\b(?:is|are)\s+the\s+(?:overall\s+|main\s+|principal\s+)?decision[- ]making\s+"
        r"bod(?:y|ies)\s+(?:of|for)\b",
        "governs", "left", "right",
    ),
    _trigger(
        r"\bdriv(?:e|es|ing)\s+(?:forward\s+)?the\s+(?:\w+\s+)?work\s+of\b",
        "governs", "left", "right",
    ),
)  # fmt: skip

_CHAIR_IN_LIST = re.compile(r"^(?P<who>.+?)\s*\((?:Co-?)?Chair(?:man|person|woman)?\)", re.I)
_CHAIR_LINE = re.compile(r"^(?:Co-?)?Chair(?:man|person|woman)?\s*[:–-]\s*(?P<who>\S.*)$", re.I)
_MEMBERSHIP = re.compile(r"\bmembership\b|(?:^|\s)members\s*:?$", re.I)
"""A membership list's heading; not "Members present", which lists a meeting's attendance."""
_SUB_GROUPS = re.compile(
    r"\b(?:sub[- ]?groups?|sub[- ]?committees?|theme\s+groups?|thematic\s+groups?|"
    r"working\s+groups?|task\s+(?:and|&)\s+finish\s+groups?|delivery\s+groups?)\b",
    re.I,
)
_COORDINATED = re.compile(r"\s*(?:,\s*(?:and\s+)?|(?:and|&|or)\s+(?:to\s+)?)(?:(?:the|a|an)\s+)?")
"""What stands between names listed together: "A, B and C", "to A and to B"."""
_GAP_BARRIERS = (_PREPOSITIONS - {"by"}) | _CONJUNCTIONS | {"that", "to"}


@dataclass(frozen=True)
class _End:
    """One end of a relation as found: its words, and whether the text named it or it
    stands for a body the sentence, section or document is about."""

    name: str
    start: int
    end: int
    generic: bool = False
    article: str = ""
    """"the " when the text names it so: "the Council" is named by its article."""


@dataclass
class _Context:
    """What a run of lines is about, as far as it has been read."""

    subject: str | None
    """The body the whole text is about."""
    section: str | None = None
    """The body the current section is about, from its heading."""
    last_subject: str | None = None
    """The body the previous sentence was about, for "It" and "They"."""
    last_subjects: tuple[str, ...] = ()
    """The bodies the previous sentence opened with, listed together ("A and B will
    support the Board."), for "They" and "These groups" opening the next."""
    passage_subject: str | None = None
    """The body an earlier sentence of the same paragraph opened with, for a sentence
    that leaves its subject unsaid ("CSCJB – formed to ... Accountable to the CSPs")."""
    known: tuple[str, ...] = ()
    """Bodies the text names in full, for resolving "the Board"."""
    acronyms: dict[str, str] = field(default_factory=dict)
    """Acronyms the text defines, for naming "DAB" as the body it stands for."""
    first_named: dict[str, int] = field(default_factory=dict)
    """The line that first names each known body: "the Board" may mean one named before
    it, not one the text goes on to name."""
    reading: int = 0
    """The line being read."""
    called: dict[str, str] = field(default_factory=dict)
    """The name the text gives a body of each kind ("Our partnership is called 'Safer
    Anytown'"): "the partnership" is that body."""

    resolved: dict[tuple[str, str | None, str | None, str | None, int], str] = field(
        default_factory=dict
    )
    """"Board" as resolved in each section, read once."""

    @cached_property
    def known_keys(self) -> frozenset[str]:
        return frozenset(name.casefold() for name in self.known)


def relations_in(
    text: Text, start: int = 1, end: int | None = None, subject: str | None = None
) -> list[RelationFact]:
    """Relations stated in lines `start` to `end`. `subject` is the body the lines are
    about: "the Board" resolves to it (or to a body named in the text that contains it)
    and a sentence with no body before its relation phrase ("Progress will be reported to
    the Board", a terms-of-reference item "Own the Action Plan") is about it."""
    chunks = passages(text, start, end)
    acronyms = acronyms_in(text)
    named = _named_bodies(chunks)
    context = _Context(
        subject=subject or None, known=tuple(named), first_named=named, acronyms=acronyms
    )
    found: list[RelationFact] = []
    lead_in: _LeadIn | None = None
    headed: _LeadIn | None = None
    in_list = False
    membership: str | None = None
    duties = False
    columns: dict[int, RelationKind] = {}
    for index, passage in enumerate(chunks):
        context.reading = passage.first
        context.called.update(_names_given(passage.text))
        following = chunks[index + 1] if index + 1 < len(chunks) else None
        cells = passage.text.split(_CELL) if _CELL in passage.text else []
        if columns and cells:
            found.extend(_from_row(cells, columns, passage, context))
        columns = _relation_columns(cells) or (columns if cells else {})
        heading = _heading_body(passage, following, acronyms, context)
        if heading:
            context.section = heading
            context.last_subject = heading
        item = _is_list_item(passage.text, text.format)
        labelled = _labelled_members(passage, context, membership)
        found.extend(labelled)
        if _MEMBERSHIP.search(passage.text) and _is_heading(passage.text):
            membership = heading or _about(context)
        elif not item and not labelled:
            membership = None
        if posted := _chair_post(chunks, index):
            found.append(posted)
        chaired = membership or (lead_in.body if lead_in and lead_in.members and item else None)
        if _CHAIR_LINE.match(passage.text) and not chaired:
            chaired = context.section  # "Chair: Cllr Jo Smith" under the group's heading
        if chaired and (chair := _chair(passage)):
            found.append(_fact(chaired, "chaired_by", chair[0], chair[1], passage.first))
            if membership:
                continue
        group = _headed_group(passage, following)
        if lead_in and group and lead_in.mark is None and _parts_listed(lead_in):
            headed, lead_in, in_list = lead_in, None, False
        if headed and group and lead_in is None and not in_list:
            quote = f"{headed.line} {passage.text}"
            found.append(_fact(group, headed.type, headed.body, quote, passage.first))
        elif (
            headed
            and _is_heading(passage.text)
            and not _LIST_MARKER.match(passage.text)
            and not _leads_in(passage, following, text.format)
        ):
            headed = None  # the next section, not a group's paragraph nor a list in it
        if lead_in and item and _heads_prose(passage, following):
            lead_in = None  # "Governance" over the paragraph after a list: no item
        if lead_in and item and _same_style(lead_in, passage.text):
            found.extend(_from_lead_in(lead_in, passage))
        elif (
            lead_in
            and _group_heading(passage.text, following)
            and not (passage.text.endswith(":") and _lead_in(passage, context))
        ):
            pass  # "Statutory authorities", "By invite:" head a group of the list's items
        else:
            leads = _leads_in(passage, following, text.format)
            if leads and _membership_heading(passage.text):
                leads = _heads_members(passage, chunks[index - 1] if index else None, in_list)
            lead_in = _lead_in(passage, context) if leads else None
        duties = duties and _is_duty(passage.text)
        found.extend(_inline_members(passage, context))
        stated = _in_passage(passage, context, duties)
        if lead_in and lead_in.line in passage.text and _kind_listed_below(passage.text):
            # the list below names "the responsible authorities" the line speaks of
            stated = (r for r in stated if not _plural_kind(r.source))
        found.extend(stated)
        duties = duties or bool(_DUTIES.search(passage.text))
        in_list = item or _leads_in(passage, following, text.format)
    return _unique(found)


_COLUMNS: tuple[tuple[re.Pattern[str], RelationKind], ...] = (
    (
        re.compile(r"reports?\s+(?:in)?to|reporting\s+(?:in)?to|reporting\s+line", re.I),
        "reports_to",
    ),
    (re.compile(r"accountable\s+to|accountability", re.I), "accountable_to"),
    (re.compile(r"(?:co-?)?chair(?:ed\s+by|man|person|s)?", re.I), "chaired_by"),
    (re.compile(r"overseen\s+by|oversight(?:\s+body)?", re.I), "overseen_by"),
    (re.compile(r"part\s+of|sits?\s+under|parent(?:\s+(?:body|group|board))?", re.I), "part_of"),
)
"""Column headings of a table of groups that name how each row's group relates to the
body its cell names: "Group | Chair | Reports to"."""


def _relation_columns(cells: Sequence[str]) -> dict[int, RelationKind]:
    """The columns of a table's heading row that state relations, when its first column
    names the groups (no relation heading of its own)."""
    kinds: dict[int, RelationKind] = {}
    for position, cell in enumerate(cells):
        for label, kind in _COLUMNS:
            if label.fullmatch(cell.strip(" :*")):
                kinds[position] = kind
    return kinds if kinds and 0 not in kinds else {}


def _from_row(
    cells: Sequence[str], columns: dict[int, RelationKind], passage: Passage, context: _Context
) -> Iterator[RelationFact]:
    """A table row's relations: its first cell's group to what each relation column names
    ("Anti-Social Behaviour Group | Inspector Smith | Safer Sutton Partnership Board")."""
    source = _item_name(cells[0])
    if not source:
        return
    for position, kind in columns.items():
        cell = cells[position].strip() if position < len(cells) else ""
        for target in _cell_names(cell, people=kind == "chaired_by"):
            resolved = _resolve_phrase(target, context, avoid=source)
            yield _fact(source, kind, resolved, passage.text, passage.first)


def _cell_names(cell: str, people: bool) -> list[str]:
    """The bodies a cell names ("Board", "Safer Sutton Partnership Board and Health and
    Wellbeing Board"), or the person or post it gives; a blank or "n/a" names none."""
    if not re.search(r"[A-Za-z]{2}", cell) or re.fullmatch(r"n/?a|none|tbc|-+", cell, re.I):
        return []
    if people:
        return [cell] if len(cell.split()) <= _HEADING_WORDS else []
    bodies = [p.text for p in phrases(cell) if p.body and not _plural_generic(p.text)]
    if bodies:
        return bodies
    return [cell] if len(cell.split()) <= _MEMBER_WORDS else []


_DUTIES = re.compile(r"\b(?:to|will|shall)\s*:$", re.I)
"""A lead-in to duties: "Responsibilities of this group are to:", "The Board will:"."""


def _is_duty(line: str) -> bool:
    """An item of a list of duties: marked, or opening with a verb ("develop, implement
    and monitor ...", "Oversee ...")."""
    words = _LIST_MARKER.sub("", line).split()
    if not words or len(words) > _DUTY_WORDS:
        return False
    first = words[0].strip(",;").casefold()
    return bool(_LIST_MARKER.match(line)) or words[0][0].islower() or first in _VERBS


_DUTY_WORDS = 40


def _unique(relations: Iterable[RelationFact]) -> list[RelationFact]:
    seen: set[tuple[str, str, str]] = set()
    kept: list[RelationFact] = []
    for fact in relations:
        key = (fact.source.casefold(), fact.type, fact.target.casefold())
        named = all(re.search(r"[^\W_]", end) for end in (fact.source, fact.target))
        if named and key not in seen and fact.source.casefold() != fact.target.casefold():
            seen.add(key)
            kept.append(fact)
    return kept


def _fact(source: str, type: RelationKind, target: str, quote: str, line: int) -> RelationFact:
    return RelationFact(source=source, type=type, target=target, quote=quote, line=line)


def _named_bodies(chunks: Sequence[Passage]) -> dict[str, int]:
    """Every body the lines name in full, in order, each once, with the line that first
    names it."""
    names: dict[str, int] = {}
    for passage in chunks:
        for begin, end in sentences(passage.text):
            for phrase in phrases(passage.text[begin:end]):
                if phrase.body and not phrase.generic:
                    names.setdefault(phrase.text, passage.line_at(begin))
    return names


def acronyms_in(text: Text) -> dict[str, str]:
    """Acronyms the text defines, "Safer Waverley Partnership (SWP)", 'West Berkshire
    Domestic Abuse Board ("DAB")': {"SWP": "Safer Waverley Partnership"}; the name is the
    run of words before the brackets whose initials spell the acronym, with the capitalised
    words before them ("West Berkshire")."""
    found: dict[str, str] = {}
    for line in text.lines:
        for match in _DEFINED.finditer(line):
            acronym = match["acronym"]
            words = line[: match.start()].split()
            letters = [c for c in acronym.upper() if c.isalpha()]
            for size in range(len(letters), len(letters) + 5):
                chosen = words[-size:]
                initials = [w[0].upper() for w in chosen if w.casefold() not in _SMALL_WORDS]
                if len(chosen) == size and initials == letters:
                    before = words[:-size]
                    while before and before[-1][0].isupper() and before[-1] not in ("The", "A"):
                        chosen.insert(0, before.pop())
                    found.setdefault(acronym, " ".join(chosen).strip(",;"))
                    break
    return found


_DEFINED = re.compile(r"\([\"“']?(?P<acronym>[A-Z][A-Za-z]{1,7})[\"”']?\)")
_SMALL_WORDS = _words("of and & the for in on to")


def _is_heading(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= _HEADING_WORDS and not re.search(r"[.!?;,]$", line)


def _is_list_item(line: str, format: str) -> bool:
    """A bulleted or numbered line, or (where lists lose their bullets: HTML, Word, PDF) a
    short line that is no sentence and no lead-in."""
    if _LIST_MARKER.match(line):
        return True
    if format == "text":
        return _names_alone(line)
    return len(line.split()) <= _LIST_ITEM_WORDS and not line.endswith((".", ":"))


def _names_alone(line: str) -> bool:
    """Whether a line of a text capture is a name and nothing more, an item of a list
    whose bullets the capture lost ("Thames Valley Police", "Her Majesty's Prison
    Service"): a few words, each of weight capitalised, no sentence's end; an aside in
    brackets aside ("Heddlu Gwent Police (Chief Constable chairs the Group)")."""
    words = re.sub(r"\s*\([^()]*\)", "", line).split()
    if not 0 < len(words) <= _ITEM_NAME_WORDS or line.endswith((".", ":", ";", ",")):
        return False
    weighty = [w for w in words if w.casefold() not in _SMALL_WORDS]
    return bool(weighty) and all(w[:1].isupper() or w[:1] in "(&" for w in weighty)


def _heading_body(
    passage: Passage,
    following: Passage | None,
    acronyms: dict[str, str],
    context: _Context,
) -> str | None:
    """The body a heading names ("The role of the Safe Durham Partnership Board", "3. Role
    of the Board", "Statutory officer group", "SWP Executive Membership:"), when the
    heading opens prose, a list of duties or the line naming its chair; chart boxes and
    list items are short lines too, but followed by more of the same."""
    line = _SECTION_NUMBER.sub("", passage.text)
    if not _is_heading(line.rstrip(":")) or _LIST_MARKER.match(line) or _opened(line):
        return None
    if any(trigger.pattern.search(line) for trigger in TRIGGERS):
        return None
    over_its_chair = following and _CHAIR_LINE.match(following.text)
    if not (line.endswith(":") or (following and _opened(following.text)) or over_its_chair):
        return None
    bodies = [p for p in phrases(line.rstrip(":")) if p.body]
    if not bodies or not _mostly(bodies[0].text, line) or not _names_body(bodies[0], line):
        return None
    if _POSSESSED_PARTS.match(bodies[0].text):
        return None  # "The Partnership's sub-groups are:" opens a list of parts
    if bodies[0].generic:
        resolved = _resolve_phrase(bodies[0].text, context)
        return None if resolved == bodies[0].text else resolved
    return _expand(bodies[0].text, acronyms, context)


_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[A-Z])")


def _opened(following: str) -> bool:
    """Whether a line reads as what a heading opens: prose, or a duty ("To oversee ...")."""
    words = following.split()
    duty = len(words) > 1 and words[0] == "To" and words[1][:1].islower()
    return len(words) > _HEADING_WORDS or following.endswith(".") or duty


_ABOUT_A_BODY = _words(
    "membership members structure structures arrangements governance terms of reference"
)


def _names_body(phrase: Phrase, line: str) -> bool:
    """Whether a heading names the body rather than using its word in another sense:
    "SWP Executive Membership", not "Executive Summary"."""
    trailing = re.findall(r"[\w'’-]+", line[phrase.end : phrase.whole_end])
    return all(word.casefold() in _ABOUT_A_BODY for word in trailing)


def _mostly(name: str, line: str) -> bool:
    """Whether `name` is most of what `line` says: "The role of the Safe Durham Partnership
    Board" is about the Board; a download link naming the partnership is not."""
    content = [w for w in re.findall(r"[\w'’-]+", line) if w.casefold() not in _FUNCTION_WORDS
               and w.casefold() not in _DETERMINERS]  # fmt: skip
    return len(name.split()) * 2 >= len(content)


def _expand(name: str, acronyms: dict[str, str], context: _Context) -> str:
    """ "SWP Executive" as "Safer Waverley Partnership Executive" when the text names it
    so; a bare acronym stays as written."""
    words = name.split()
    spelled = " ".join(acronyms.get(word, word) for word in words)
    if len(words) > 1 and spelled.casefold() in context.known_keys:
        return spelled
    return name


def _chair(passage: Passage) -> tuple[str, str] | None:
    """A chair in a membership list: "Supt Operations (Chair) Surrey Police"."""
    match = _CHAIR_IN_LIST.match(_LIST_MARKER.sub("", passage.text)) or _CHAIR_LINE.match(
        passage.text
    )
    if match is None:
        return None
    who = re.split(r" \| |,", match["who"])[0].strip(" –-")
    return (who, match[0]) if who else None


_CHAIR_POST = re.compile(
    r"^(?:Independent\s+|Co-?)?Chair(?:man|person|woman)?\s+(?:of|for)\s+(?:the\s+)?"
    r"(?P<body>[A-Z][^.,:;()]{1,80})$"
)
"""A chair's post on a line of its own, over or under its holder's name: "Chair of
Griffon Area Partnership" (the name on the next line), "Cllr Jo Smith / Leader of the
Council / Chair of the Partnership" (a signature)."""
_POSTS_ABOVE = 2
"""How many lines above a chair's post its holder's name may stand, other posts between."""


def _name_line(text: str) -> bool:
    """Whether a line is a person's name and nothing else: "Cllr Ken Hudson"."""
    person = parse_person(text)
    return bool(
        person and person.name and not person.title and not person.organisation
        and len(text.split()) <= _NAME_LINE_WORDS
    )  # fmt: skip


_NAME_LINE_WORDS = 5


def _chair_post(chunks: Sequence[Passage], index: int) -> RelationFact | None:
    """The chair a post line names: the body of "Chair of <body>" is chaired by the person
    on the next line, else by the one named just above it, past the holder's other posts."""
    post = _CHAIR_POST.match(chunks[index].text)
    if post is None or not _names_a_body(post["body"]):
        return None
    holder = None
    if index + 1 < len(chunks) and _name_line(chunks[index + 1].text):
        holder = chunks[index + 1].text
    else:
        for earlier in reversed(chunks[max(0, index - _POSTS_ABOVE) : index]):
            if _name_line(earlier.text):
                holder = earlier.text
                break
            if not is_job_title(earlier.text):
                break
    if holder is None:
        return None
    return _fact(post["body"], "chaired_by", holder, post[0], chunks[index].first)


@dataclass
class _LeadIn:
    """A line ending in ":" (or left open for the list to finish) that says how the list
    after it relates to a body: its items are parts of the body ("The Board has the
    following sub-groups:") or the missing end of the relation the line states ("The
    following groups report to the Board:")."""

    line: str
    body: str
    type: RelationKind
    items_are_sources: bool
    mark: str | None = None
    """How the first item was marked ("•", "1.", "" for none): the others are alike."""
    members: bool = False
    """Whether the items are a body's members, each named in full."""
    heading_only: bool = False
    """Whether a heading alone leads the list ("Membership"): an item is then a member only
    when it names a body, an organisation or a post, as a contents list's entries after a
    "Membership" entry do not."""


_UNFINISHED = re.compile(
    r"\b(?:of|include|includes|included|including|are|is|comprises?|comprising|following"
    r"|representatives\s+from)$",
    re.I,
)
"""A sentence left open for the list below to finish: "The members of the group consists of",
"The partnership is structured in the following"."""
_STRUCTURE_LEAD = re.compile(
    r"\b(?:structured|organised|organized|arranged)\s+(?:as\s+follows|in\s+the\s+following)\b"
    r"|\bthe\s+following\s+(?:arrangements|structures?|groups|boards|bodies|forums)\b",
    re.I,
)
"""A lead-in to the groups a body is made of: "The partnership is structured in the
following", "The Partnership has put in place the following arrangements:"."""


def _leads_in(passage: Passage, following: Passage | None, layout: str) -> bool:
    """Whether a line introduces the list after it: it ends in a colon, or it is a sentence
    the list's first item finishes, or it trails off into the list ("The partners
    include...", "The composition of the Group is: -")."""
    if _COLON_END.search(passage.text):
        return True
    if _membership_heading(passage.text):
        return (
            following is not None
            and _is_list_item(following.text, layout)
            and not _membership_heading(following.text)
        )
    if passage.text.endswith(("...", "…", ";")) and _MEMBERS_LEAD.search(passage.text):
        return following is not None and _is_list_item(following.text, layout)
    if following is None or not _is_list_item(following.text, layout):
        return False
    if _UNFINISHED.search(passage.text):
        return True
    if _is_list_item(passage.text, layout):
        return False
    return _kind_listed_below(passage.text) or bool(_COUNTED_MEMBERS_LEAD.match(passage.text))


_COLON_END = re.compile(r":\s*[-–—]?$")
"""A line's closing colon, with the dash some put after it ("are:-", "is: -")."""
_RELATIVE_HOLDER = re.compile(
    r"\b(?:a|an|the|its|their|our)\s+(?P<holder>(?:[\w-]+\s+){0,4}?[\w-]+)\s*,?\s+"
    r"(?:which|that|who)\s+$",
    re.I,
)


def _relative_holder(before: str) -> str | None:
    """The body a relative clause about its members hangs from, named in lower case as
    often as not: "the VRP has convened an executive oversight group which includes
    representatives from:" lists the group's members, not the VRP's."""
    match = _RELATIVE_HOLDER.search(before)
    if match is None or head_word(match["holder"].split()[-1]) is None:
        return None
    return match["holder"]


_MEMBERSHIP_HEADING = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:[\w&'’-]+\s+){0,4}(?:membership|members)$", re.I
)
"""A heading over a body's members and nothing else: "Membership", "4. Membership", "Board
Membership", "Voting Members"."""


def _membership_heading(line: str) -> bool:
    """Whether a line is a heading of members alone, its list below it with no lead-in
    sentence, as terms of reference set them out."""
    return _MEMBERSHIP_HEADING.match(line.strip()) is not None


def _heads_members(heading: Passage, previous: Passage | None, in_list: bool) -> bool:
    """Whether a heading of members heads the list below it, rather than being one entry
    of a contents list ("Preamble", "Membership", "Chairman and Quorum"): it is numbered
    ("4. Membership" after the last section's list), or no list runs into it, or it is
    under another heading of members ("Membership", then "Voting Members")."""
    return (
        not in_list
        or bool(_LIST_MARKER.match(heading.text))
        or (previous is not None and _membership_heading(previous.text))
    )


def _kind_listed_below(line: str) -> bool:
    """Whether a line says a body is made of a kind of body, and a list follows: "The
    Executive: Which comprises of the responsible authorities as defined in the Act", the
    authorities listed below it."""
    match, trigger = _first_trigger(line)
    if match is None or trigger is None or not trigger.members:
        return False
    after = phrases(line[match.end() :])
    return bool(after) and _plural_kind(after[0].text)


def _plural_kind(name: str) -> bool:
    """Whether a name is a kind of body in the plural, in lower case, not one body: "the
    responsible authorities", "statutory partners"."""
    return name.islower() and _names_several(name)


def _lead_in(passage: Passage, context: _Context) -> _LeadIn | None:
    """What a line ending in ":" says of the list after it, when its last sentence names a
    relation with one end left for the items, or sub-groups; the body is the one it names,
    else the one the section is about."""
    spans = sentences(passage.text)
    line = passage.text[spans[-1][0] : spans[-1][1]] if spans else passage.text
    named = [
        p for p in phrases(line) if p.body and not _plural_generic(p.text)
        and not _SUB_GROUPS.fullmatch(p.text) and not _plural_kind(p.text)
    ]  # fmt: skip
    match, trigger = _first_trigger(line)
    if (tail := _MEMBERS_TAIL.search(line)) and (trigger is None or trigger.type != "part_of"):
        subjects = [p for p in phrases(line[: tail.start()]) if p.body and p.first <= 2]
        holder = _relative_holder(line[: tail.start()]) or (
            _resolve_phrase(subjects[0].text, context) if subjects else _about(context)
        )
        return _LeadIn(line, holder, "part_of", True, members=True) if holder else None
    if _COUNTED_MEMBERS_LEAD.match(line) and any(p.body and not p.generic for p in named):
        body = _membership_body(context, line)
        return _LeadIn(line, body, "part_of", True, members=True) if body else None
    if trigger is not None and match is not None:
        before = [p for p in named if p.end <= match.start()]
        after = [p for p in named if p.start >= match.end()]
        if before and after:
            return None
        items_side: Side = "left" if after else "right"
        chosen = after[0] if after else before[-1] if before else None
        body = _resolve_phrase(chosen.text, context) if chosen else _about(context)
        if body is None:
            return None
        return _LeadIn(line, body, trigger.type, trigger.source == items_side)
    if _SUB_GROUPS.search(line) or _STRUCTURE_LEAD.search(line):
        body = _resolve_phrase(_holder(named[-1].text), context) if named else _about(context)
        return _LeadIn(line, body, "part_of", True) if body else None
    if _membership_heading(line):  # "Voting Members" names no group of that name
        bodies = [p for p in named if not p.generic and not _MEMBERSHIP_WORDS.search(p.text)]
        body = _resolve_phrase(bodies[0].text, context) if bodies else _about(context)
        return (
            _LeadIn(line, body, "part_of", True, members=True, heading_only=True) if body else None
        )
    if _MEMBERS_LEAD.search(line) or (
        _THESE_LEAD.search(line) and _MEMBERSHIP_WORDS.search(passage.text)
    ):
        body = _membership_body(context, passage.text)
        return _LeadIn(line, body, "part_of", True, members=True) if body else None
    return None


_MEMBERSHIP_WORDS = re.compile(r"\b(?:members?|membership|partners)\b", re.I)
_MEMBERS_LEAD = re.compile(
    r"\b(?:members?|membership|partners|agencies|organisations|organizations|composition)\b"
    r"[^.;:]{0,60}?"
    r"\b(?:include|includes|included|are|is|comprises?|(?:is|are)\s+made\s+up\s+of|"
    r"consists?\s+of|(?:is|are)\s+drawn\s+from)(?:\s+(?:these|the\s+following)(?:\s+[\w-]+){0,3})?"
    r"\s*(?::|;|\.\.\.|…)?(?:\s*[-–—])?$"
    r"|^the\s+following\b[^.;:]*\b(?:members?|membership)\b(?![’'])[^.;:]*:?$"
    r"|\b(?:includes|comprises|brings\s+together)\s+representatives\s+(?:from|of)"
    r"(?:\s+the\s+following(?:\s+[\w-]+)?)?\s*:?$"
    r"|\bha(?:s|ve)\s+(?:\w+\s+)?representation\s+(?:from|of)\s*[:;]?$",
    re.I,
)
"""A lead-in to a body's members: "In Falkirk, Community Planning Partners include:",
"Membership is made up of:", "The composition of the LRF Group is: -", "The following
organisations are invited to be members of the Board:", "The partners include..."
(trailing off), "The Safer Anytown Partnership includes representatives from:",
"Membership of the Partnership also includes these other organisations:", "The other
agencies integral to the partnership include:". Members' consideration ("The following
information was highlighted for Members’ consideration:") is no membership."""
_MEMBERS_TAIL = re.compile(
    r"\b(?:includes?|including|has|with)\s+(?:its\s+)?(?:membership|members|representatives?)\b"
    r"[^.;:]{0,80}?\b(?:including|from|of)\s*:$",
    re.I,
)
"""A line that says other things of a body before it comes to its members, listed below:
"This meeting is chaired by the Commissioner and includes membership at a senior level
from all partners, including:"."""
_COUNTED_MEMBERS_LEAD = re.compile(
    r"^(?:there\s+are\s+)?(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"\s+(?:[\w-]+\s+){0,2}(?:partners|members|organisations|agencies|authorities)\b",
    re.I,
)
"""Members counted, then listed below: "There are six statutory partners responsible for
... within the Anytown Community Safety Partnership, ...", its partners under it."""
_THESE_LEAD = re.compile(r"^(?:these|they)\s+(?:include|are)\s*:", re.I)
"""A lead-in that points back: "The core membership ... includes all Responsible
Authorities. These include:"."""


def _membership_body(context: _Context, *texts: str) -> str | None:
    """The body whose members a lead-in lists: the first the texts name in full, in the
    order given, else the first they name by its kind alone ("members of the Board") as
    that resolves, else the one the section or text is about."""
    every = [p for text in texts for p in phrases(text)]
    found = [
        p
        for p in every
        if p.body and not _plural_generic(p.text) and not _MEMBERSHIP_WORDS.search(p.text)
    ]
    named = [p for p in found if not p.generic] or found
    if not named:
        uncounted = (_uncounted(p.text) for p in every)
        if collective := next((name for name in uncounted if _collective_name(name)), None):
            return collective
    if named:
        name = named[0].text
        spelled = context.acronyms.get(name)
        return f"{spelled} ({name})" if spelled else _resolve_phrase(name, context)
    return _about(context) or context.last_subject


def _collective_name(name: str) -> bool:
    """Whether a name of members' kind is a group's own name, its last words capitalised:
    "The three Lead Safeguarding Partners are:" lists the Lead Safeguarding Partners, and
    "The statutory Safeguarding Partners are ..." the statutory Safeguarding Partners, where
    "The partners are:" lists the members of the body the text is about."""
    words = name.split()
    named = len(words) > 1 and all(word[:1].isupper() for word in words[-2:])
    return named and bool(_MEMBERSHIP_WORDS.search(words[-1]))


def _uncounted(name: str) -> str:
    """A name without the count before it: "Lead Safeguarding Partners" of "three Lead
    Safeguarding Partners"."""
    first, _, rest = name.partition(" ")
    return rest if rest and (first.casefold() in _COUNTS or first.isdigit()) else name


def _split_members(part: str) -> list[str]:
    """Names joined by "and" in a list's part, split only after a whole name
    ("Community Rehabilitation Company and Birmingham and Solihull Clinical Commissioning
    Group" is two), its acronym in brackets included ("Fire & Rescue Service (FRS) and the
    Hospital"), or before "the" ("Natural England and the Duchy of Cornwall"), and not
    inside a force area's statutory title ("Office of the Police and Crime Commissioner"
    is one)."""
    for joint in re.finditer(r"\s+and\s+(?=[A-Z]|the\s)", part):
        left = part[: joint.start()]
        last = left.split()[-1].strip("()") if left.split() else ""
        following = part[joint.end() :].split(maxsplit=1)[:1]
        if (last.casefold(), *(word.casefold() for word in following)) in _TITLE_PAIRS:
            continue
        if left.count("(") > left.count(")"):
            continue  # "PACT (Police and Community Together)": the "and" of a bracket
        if head_word(last) or is_acronym(last) or part[joint.end() :].startswith("the "):
            return [left, *_split_members(part[joint.end() :])]
    return [part]


def _inline_members(passage: Passage, context: _Context) -> Iterator[RelationFact]:
    """Members listed on the lead-in's own line, as a PDF runs them on: "These include:
    Birmingham City Council; Birmingham Children's Trust; ... and West Midlands Police"."""
    text = passage.text
    for lead in _INLINE_MEMBERS.finditer(text):
        starts = re.search(r"(?:^|[.:]\s*)(?:(?:the|our)\s+)?$", text[: lead.start()], re.I)
        possessed = _POSSESSED_BY_NAME.search(text[: lead.start()])
        if not (starts or possessed or lead["membership"] or lead["represented"]):
            continue  # "members are" not at the start of a sentence, nor a body's own
        before = text[: lead.start()]
        if lead["these"] and not _MEMBERSHIP_WORDS.search(before):
            continue
        lead_words = "" if lead["these"] else text[lead.start() : lead.end()]
        body = _membership_body(context, lead_words, *_naming_the_holder(text, lead.start()))
        if body is None:
            continue
        listed = _LIST_STOP.split(text[lead.end() :], maxsplit=1)[0]
        quote = text[lead.start() : lead.end() + len(listed)]
        for name in _members_named(listed):
            at = text.find(name, lead.end())
            yield _fact(name, "part_of", body, quote, passage.line_at(max(at, 0)))


def _members_named(listed: str) -> list[str]:
    """The members a list run on in a sentence names, split at its semicolons or else its
    commas and at "and" between whole names: the bodies, and the proper names among them
    ("Natural England" beside "Wiltshire Council")."""
    separator = ";" if ";" in listed else ","
    listed = _JOINED_WITH.sub(separator, listed)
    names = [
        re.sub(r"^(?:the|and)\s+", "", name.strip(" ,."), flags=re.I)
        for part in listed.split(separator)
        for name in _split_members(_EXAMPLES.sub("", part.strip()))
    ]
    bodies = [bool(name) and (_names_a_body(name) or is_organisation(name)) for name in names]
    return [
        name
        for name, named_as_body in zip(names, bodies, strict=True)
        if named_as_body or (any(bodies) and _proper_name(name))
    ]


_LABELLED_LIST = re.compile(
    r"^(?P<label>[A-Z][^:,]{2,100}?)(?<!\bsuch\sas)(?<!\bincluding)(?<!\binclude)(?<!\bincludes)"
    r":\s+(?P<listed>\S.*)$"
)
"""A label, a phrase with no comma, and the list after its colon; not a sentence that
comes to its examples ("... many other partners such as: Schools, ...")."""
_LABEL_OF_MEMBERS = re.compile(
    r"\b(?:members?|partners|organisations|agencies|authorities|representatives)\b", re.I
)


def _labelled_members(
    passage: Passage, context: _Context, membership: str | None
) -> list[RelationFact]:
    """Members a line lists after a label that says what they are, under a heading of
    members ("Partners with a statutory duty to facilitate community planning: Orkney
    Islands Council, NHS Orkney, ...", "Local and co-opted partners: Voluntary Action
    Orkney, ...") or after a label that names both the members and their body ("Members
    of the Board: ..."). Two names at least, one of them a body: a label over one name is
    a post's line ("Chair: Jo Smith"), and one that names no body ("Lead member:",
    "Members/Officers Involved:") heads people, not members of a body."""
    labelled = _LABELLED_LIST.match(passage.text)
    if labelled is None:
        return []
    label = labelled["label"]
    names_body = any(p.body and not _MEMBERSHIP_WORDS.search(p.text) for p in phrases(label))
    if not (membership or (_LABEL_OF_MEMBERS.search(label) and names_body)):
        return []  # "Lead member: Councillor Jo Smith, Leader of the Council": a post's line
    listed = _LIST_STOP.split(labelled["listed"], maxsplit=1)[0]
    names = _members_named(listed)
    body = membership or _membership_body(context, label)
    if len(names) < 2 or body is None:
        return []
    quote = passage.text[: labelled.start("listed") + len(listed)]
    return [
        _fact(name, "part_of", body, quote, passage.line_at(max(passage.text.find(name), 0)))
        for name in names
    ]


def _proper_name(name: str) -> bool:
    """Whether words are a proper name, every word but the small ones capitalised ("Natural
    England", "Duchy of Cornwall"): among organisations a list names as members, one is a
    member though no word of it says it is an organisation."""
    words = name.split()
    return (
        0 < len(words) <= _PROPER_NAME_WORDS
        and all(word[0].isupper() or word in _SMALL_WORDS for word in words)
        and words[0][0].isupper()
    )


_PROPER_NAME_WORDS = 6


def _naming_the_holder(text: str, lead: int) -> tuple[str, ...]:
    """The text before a members lead-in that names whose members they are: its own
    sentence when a name possesses the lead ("The Partnership's membership included ..."),
    else all that came before. After "its" or "their" in a sentence that does not open with
    a body, the holder is the one the previous sentence names ("..., the Anytown Partnership
    undertakes this role. Co-ordinated by the Council, its membership includes ..."), not a
    body in the aside the sentence opens with."""
    starts = [begin for begin, _ in sentences(text) if begin <= lead]
    opening = starts[-1] if starts else 0
    own = text[opening:lead]
    opens_with_body = any(p.body and p.first <= _SUBJECT_WORDS for p in phrases(own))
    if _POSSESSIVE_END.search(own) and not opens_with_body:
        earlier = [begin for begin in starts if begin < opening]
        return (text[earlier[-1] : opening],) if earlier else ()
    if _POSSESSED_BY_NAME.search(own):
        return (own,)
    return (text[:lead],)


_POSSESSIVE_END = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+)?$", re.I)
"""A lead-in's body given by a pronoun: "its membership", "their wider membership"."""
_POSSESSED_BY_NAME = re.compile(r"\w['’]s?\s+(?:[\w-]+\s+)?$")
"""A lead-in's body named just before it: "The Partnership's diverse membership"."""
_JOINED_WITH = re.compile(r"\s+(?:together\s+with|along\s+with|as\s+well\s+as)\s+", re.I)
"""Words that add more members to a run-on list, as a comma does: "A and B together with
other partners including C"."""


_LIST_STOP = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)\.(?:\s+(?=[A-Z])|$)")
"""The end of a list run on in a sentence: a full stop, not a semicolon, nor the stop of
"e.g.", "i.e." or "etc."."""
_MEMBER_KINDS = r"(?:members|partners|organisations|agencies|responsible\s+authorities)"
_INLINE_MEMBERS = re.compile(
    r"\b(?<!['’])(?:(?P<these>these|they)\s+(?:include|are)"
    rf"|(?:[\w-]+\s+){{0,3}}{_MEMBER_KINDS}"
    r"(?:\s+(?:for|of|(?:represented\s+|sitting\s+)?on|joining)\s+[^.;:]{1,80}?)?\s+"
    r"(?:are|were|include|included)"
    r"(?=\s*:?\s+(?:the\s+)?(?-i:[A-Z]))"
    r"|(?P<represented>ha(?:s|ve)\s+(?:\w+\s+)?representation\s+(?:from|of)"
    r"(?=\s*:?\s+(?:the\s+)?(?-i:[A-Z])))"
    r"|(?P<membership>membership)(?:\s+of\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,4}?)?\s+"
    r"(?:includes?|included|comprises?|comprised|consist(?:s|ed)\s+of|(?:is|was)\s+made\s+up\s+of))"
    r"\s*:?\s+",
    re.I,
)
"""A lead-in to members run on in its sentence, as a page or a minute writes it: "These
include: ...", "Three partners work together ... They are A, B and C", "Its members are
...", "Statutory partners included ...", "membership of the board includes ...", "The
responsible authorities for the Partnership are ...", "These organisations are ..." (a
name next, not "are invited to")."""
_EXAMPLES = re.compile(r"^.*?\b(?:e\.g\.|for\s+example|such\s+as|including)\s+", re.I)
"""Words before the members a list part names by example: "organisations operating in the
Vale e.g. South Wales Police"."""


_POSSESSED_PARTS = re.compile(rf"^(?P<holder>.+?)['’]s?\s+(?:{_SUB_GROUPS.pattern})$", re.I)


def _holder(name: str) -> str:
    """The body whose parts a name lists: "Partnership" of "Partnership's sub-groups"."""
    possessed = _POSSESSED_PARTS.match(name)
    return possessed["holder"] if possessed else name


def _about(context: _Context) -> str | None:
    return context.section or context.subject


def _first_trigger(line: str) -> tuple[re.Match[str] | None, Trigger | None]:
    for trigger in TRIGGERS:
        if trigger.adjacent:
            continue
        if match := trigger.pattern.search(line):
            return match, trigger
    return None, None


_PROSE_WORDS = 20


def _heads_prose(passage: Passage, following: Passage | None) -> bool:
    """Whether an unmarked short line is the heading of the paragraph after it."""
    return (
        following is not None
        and not _LIST_MARKER.match(passage.text)
        and len(following.text.split()) > _PROSE_WORDS
        and following.text.endswith(".")
    )


def _same_style(lead_in: _LeadIn, item: str) -> bool:
    """Whether `item` is marked as the list's first item was, counting aside: "6. Meetings"
    after unnumbered items is the next section, not another item."""
    marker = _LIST_MARKER.match(item)
    counted = re.sub(r"^(\(?)[a-z]+(?=[.)])", r"\1a", marker[0].strip()) if marker else ""
    mark = re.sub(r"\d+", "1", counted)  # "b)" is marked as "a)" was, "2." as "1."
    if lead_in.mark is None:
        lead_in.mark = mark
    return lead_in.mark == mark


_GROUP_HEADING_WORDS = 4


def _group_heading(line: str, following: Passage | None) -> bool:
    """Whether a line inside a list heads a group of its items ("Statutory authorities" /
    "- Dacorum Borough Council", "By invite:"): a few words, unmarked, before a marked
    item."""
    words = line.split()
    return (
        0 < len(words) <= _GROUP_HEADING_WORDS
        and not _LIST_MARKER.match(line)
        and not re.search(r"[.;,]$", line)
        and following is not None
        and bool(_LIST_MARKER.match(following.text))
    )


def _parts_listed(lead_in: _LeadIn) -> bool:
    """Whether a lead-in's items are groups standing in its relation to its body ("The SAB
    is supported by five subgroups:", "The following groups report to the Board:"), not
    members."""
    return lead_in.items_are_sources and not lead_in.members


_NAMED_BEFORE_COLON = re.compile(r"^(?P<name>[^:]{2,80}?):\s+\S")
"""A group named before what is said of it: "Executive Group: this group develops ..."."""


def _prose(text: str) -> bool:
    """Whether a line is prose: long, a sentence, or more than one ("The highest level is
    the Group. This includes")."""
    return _opened(text) or bool(re.search(r"[.!?]\s+\S", text))


def _headed_group(passage: Passage, following: Passage | None) -> str | None:
    """The group a line names when it heads what is said of it: a name alone on its line
    over a paragraph ("The Chairs Group", "b) The Leadership Group"), or a name before a
    colon ("Stakeholders Group: this group has ..."). A lead-in's groups may each come so,
    their descriptions between them."""
    text = _LIST_MARKER.sub("", passage.text).strip()
    labelled = _NAMED_BEFORE_COLON.match(text)
    if labelled:
        name = labelled["name"]
    elif following is not None and _prose(following.text) and not _TERMINAL.search(text):
        name = text
    else:
        return None
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    words = name.split()
    if not 0 < len(words) <= _ITEM_NAME_WORDS or not name[0].isupper() or "," in name:
        return None
    return name if _names_a_body(name) else None


def _from_lead_in(lead_in: _LeadIn, item: Passage) -> list[RelationFact]:
    """The relation a list item stands in, quoted with its lead-in."""
    unmarked = _LIST_MARKER.sub("", item.text).strip()
    if _MEMBERS_LEAD.search(unmarked):
        return []  # "In addition, we have representation from;": more members, not one
    name = _item_name(item.text)
    whole = unmarked.strip(" .;,")
    short = len(whole.split()) <= _ITEM_NAME_WORDS
    if lead_in.members and short and not _CLAUSE.search(_ACRONYM_AFTER.sub("", whole)):
        name = whole  # a member named in full: "CVS Falkirk and District"
    elif (
        lead_in.members
        and (first := whole.split(",")[0])[:1].isupper()
        and len(first.split()) <= _ITEM_NAME_WORDS
        and not _CLAUSE.search(first)
        and is_organisation(first)
    ):
        name = first  # the member, then who comes for it: "NHS West Midlands, Medical Director"
    if not name:
        return []
    if lead_in.heading_only and not (
        _names_a_body(name) or is_organisation(name) or is_job_title(name)
    ):
        return []  # "Membership", "Chairman and Quorum": a contents list's entries
    if lead_in.type not in _LISTS_POSTS and not _names_a_body(name):
        return []  # "We oversee: Continuous improvement, ...": topics, not bodies
    quote = f"{lead_in.line} {item.text}"
    if lead_in.items_are_sources:
        return [_fact(name, lead_in.type, lead_in.body, quote, item.first)]
    return [_fact(lead_in.body, lead_in.type, name, quote, item.first)]


_LISTS_POSTS: frozenset[RelationKind] = frozenset({"part_of", "chaired_by", "governs"})
"""Relations whose list items may be posts, people or kinds of member ("Police",
"Director of Public Health"), not only bodies."""


def _names_a_body(name: str) -> bool:
    last = (re.sub(r"\s*\([^()]*\)$", "", name).split() or [name])[-1]
    return head_word(last) is not None or is_acronym(last)


def _item_name(item: str) -> str | None:
    """The name a list item gives: its words before any dash, colon or bracket ("Domestic
    Abuse Group – chaired by ...") when they are a short name ending in a body's word,
    all of it ("Multi-agency strategic and commissioning groups", not "groups"); else its
    first body, else those words."""
    plain = _FORMERLY.sub("", _LIST_MARKER.sub("", item)).strip()
    name = re.split(r"\s+[–—-]\s+|:|\((?![A-Z][\w&-]*\))", plain, maxsplit=1)[0]
    name = name.strip(" .;,")
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
    words = name.split()
    if 0 < len(words) <= _ITEM_NAME_WORDS and head_word(words[-1]) and "," not in name:
        return name  # the item is a name: "Consultative forums and groups"
    bodies = [p for p in phrases(plain) if p.body and not p.generic]
    if bodies:
        return bodies[0].text
    return name if 0 < len(words) <= _HEADING_WORDS else None


_ITEM_NAME_WORDS = 8
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][\w&-]*\)$")
"""A member's acronym after its name, no clause: "Council for Voluntary Service (CVS)"."""
_CLAUSE = re.compile(r"[,:(–—]|\s-\s")
_FORMERLY = re.compile(r",?\s+\(?(?:formerly|previously|now)\b[^)]*\)?$", re.I)
"""A name's earlier or later one, after it: "SASH formerly YOTs"."""


def _in_passage(passage: Passage, context: _Context, duty: bool = False) -> Iterator[RelationFact]:
    """Every relation phrase of every sentence, read; each sentence's subject is kept for
    an "It" or "They" opening the next."""
    context.passage_subject = None
    for begin, finish in sentences(passage.text):
        sentence = passage.text[begin:finish]
        found = phrases(sentence, begin)
        for trigger in TRIGGERS:
            for match in trigger.pattern.finditer(sentence):
                yield from _read(passage, sentence, begin, found, trigger, match, context, duty)
        yield from _on_own_behalf(passage, sentence, begin, found, context)
        yield from _chair_beside_name(passage, sentence, begin, found, context)
        subjects = [p for p in found if p.body and p.first <= 2]
        if subjects:
            context.last_subject = _resolve_phrase(subjects[0].text, context)
            context.passage_subject = context.last_subject
            listed = _listed_with(sentence, begin, found, subjects[0])
            context.last_subjects = tuple(_resolve_phrase(p.text, context) for p in listed)


_OWN_BEHALF = re.compile(r"\bon\s+(?:its|their)\s+behalf\b", re.I)
"""A body set up to act for the sentence's subject: "... to undertake tasks on their
behalf"."""


def _on_own_behalf(
    passage: Passage, sentence: str, begin: int, found: Sequence[Phrase], context: _Context
) -> Iterator[RelationFact]:
    """The body a sentence's subject sets up or uses to act "on its behalf" delivers for
    that subject: "In addition to the main Boards, the SAB and the SCB have created
    subgroups to undertake specific tasks on their behalf" (past an opening phrase of
    its own, "In addition to the main Boards,")."""
    match = _OWN_BEHALF.search(sentence)
    if match is None:
        return
    at = begin + match.start()
    kinds = [p for p in found if p.end <= at and head_word(p.text.split()[-1])]
    if not kinds:
        return
    doer = kinds[-1]
    words = sentence.split(maxsplit=1)
    opening = (
        _OPENING_PHRASE.match(sentence) if words and words[0].casefold() in _PREPOSITIONS else None
    )
    start = begin + (opening.end() if opening else 0)
    subject = next((p for p in found if p.body and start <= p.start and p.end < doer.start), None)
    if subject is None or subject.first > _SUBJECT_WORDS + (
        len(opening[0].split()) if opening else 0
    ):
        return
    quote = passage.text[subject.start : begin + match.end()]
    for name in _split_members(subject.text):
        target = _resolve_phrase(name, context)
        yield _fact(doer.text, "delivers_for", target, quote, passage.line_at(subject.start))


_CHAIR_TITLE = (
    r"(?<!Vice )(?<!Vice-)(?<!Deputy )(?:the\s+)?(?:Independent\s+|Joint\s+)?"
    r"Chair(?:man|person|woman)?"
)
"""A chair's title as a name's apposition gives it, capitalised: not "Vice Chair"."""
_CHAIR_HOLDER = r"(?P<person>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})"
"""The two to four capitalised words of a person's name, an honorific among them."""
_PERSON_THEN_CHAIR = re.compile(rf"{_CHAIR_HOLDER}\s*[,(]\s*{_CHAIR_TITLE}(?:\s+of\s|\s*,\s*)")
"""Jo Smith, the Independent Chair of the Board / Cllr Jo Smith (Chair, Safer Borough
Partnership: the body follows."""
_CHAIR_OF_THEN_PERSON = re.compile(
    rf"\b{_CHAIR_TITLE}\s+of\s+(?P<body>[^,;:()]{{2,80}}?),\s+{_CHAIR_HOLDER}"
)
"""Chair of the Policing Board, Jo Smith: the body follows "of"."""
_BODY_THEN_CHAIR = re.compile(rf"(?<=\S)\s+{_CHAIR_TITLE},\s+{_CHAIR_HOLDER}")
"""PCSP Chair, Alderman Jo Smith: the body is named just before the title."""
_PERSON_POSTS_THEN_CHAIR = re.compile(
    rf"{_CHAIR_HOLDER}(?P<posts>(?:,\s+[^,;:()]{{2,60}}?){{1,4}}),\s+{_CHAIR_TITLE}\s+of\s"
)
"""Superintendent Jo Smith, Area Commander, Anyshire Police, Chair of the Partnership: the
person's posts stand between their name and the body's chair."""
_PERSON_MADE_CHAIR = re.compile(
    rf"{_CHAIR_HOLDER}(?:,\s+|,?\s+"
    r"(?:(?:is|was|has\s+been|will\s+be)\s+(?:re-?)?(?:confirmed|appointed|elected)"
    r"|will\s+(?:remain|continue|stay\s+on)|remains|continues|stays\s+on)\s+)"
    r"as\s+(?:the\s+)?(?:[Ii]ndependent\s+)?[Cc]hair(?:man|person|woman)?\s+of\s"
)
"""Cllr Jo Smith was re-elected as chair of the partnership / Jo Smith, will remain as Chair
of the Board / N Symonds, as Chairman of the Panel, said: a minute or a news report naming
who chairs a body (not "as vice-chair")."""
_HOLDER_CHAIRS = re.compile(
    r"(?P<person>[A-Z][\w'’.-]*(?:\s+(?:of|for|and|&|[A-Z][\w'’.-]*)){0,5}?)\s+"
    r"(?:(?:currently|also|now|jointly)\s+)?(?-i:(?:co-)?chairs)\s+(?=(?:the|this|both|our)\s)"
)
"""The Director of Policing chairs the Programme Board / The PCC Jo Smith currently chairs
the LCJB: the holder, a person or a post, then the verb; the body follows."""


def _chair_beside_name(
    passage: Passage, sentence: str, begin: int, found: Sequence[Phrase], context: _Context
) -> Iterator[RelationFact]:
    """A body's chair named beside their title, as annual reports, news, minutes and
    membership lines give one: "Jo Smith, Chair of the Partnership", "Chair of the Board, Jo
    Smith", "PCSP Chair, Jo Smith", "Jo Smith (Chair, Safer Borough Partnership)", "Jo Smith,
    Area Commander, Chair of the Partnership", "Jo Smith was elected as chair of the Board",
    "The Chief Constable chairs the Group" (a post, where a verb says so)."""
    layouts = (
        _PERSON_THEN_CHAIR,
        _CHAIR_OF_THEN_PERSON,
        _BODY_THEN_CHAIR,
        _PERSON_POSTS_THEN_CHAIR,
        _PERSON_MADE_CHAIR,
        _HOLDER_CHAIRS,
    )
    for layout in layouts:
        for match in layout.finditer(sentence):
            holder = _chair_holder(match["person"], posts=layout is _HOLDER_CHAIRS)
            if holder is None:
                continue
            if "posts" in layout.groupindex and any(
                _names_person(post) for post in match["posts"].split(",")
            ):
                continue  # "Jo Smith, Tom Hale, Chair of the Board": Tom Hale chairs it
            at = begin + match.start()
            if layout is _BODY_THEN_CHAIR:
                body = next((p for p in found if p.body and p.end == at), None)
                ends = [_named_end(sentence, begin, body)] if body else []
            else:
                named_from = match.start("body") if "body" in layout.groupindex else match.end()
                ends = _right(sentence, begin, found, begin + named_from, people=False)
            if not ends:
                continue
            first = min(at, ends[0].start)
            last = max(begin + match.end(), ends[0].end)
            quote = passage.text[first:last].strip(" ,(")
            yield _fact(
                _resolve(ends[0], context), "chaired_by", holder, quote, passage.line_at(first)
            )


def _chair_holder(words: str, posts: bool) -> str | None:
    """Who the words before or beside a chair's title name: a person's name, or, where a
    verb says they chair ("The Chief Constable chairs the Group"), a post; not a body."""
    post = re.sub(r"^the\s+", "", words, flags=re.I)
    if posts and is_job_title(post):
        return post  # "The Police and Crime Commissioner chairs ...", a post a body word ends
    if _names_a_body(words):
        return None
    person = parse_person(words)
    return person.name if person is not None and person.name else None


def _names_person(words: str) -> bool:
    """Whether words name a person, not a post ("Area Commander") nor a body."""
    person = parse_person(words.strip())
    return person is not None and bool(person.name) and not _names_a_body(words)


_OPENING_PHRASE = re.compile(r"^[^,]{1,80},\s+")
"""A sentence's opening phrase before its subject: "In addition to the main Boards, "."""
_SUBJECT_WORDS = 2
"""Words a sentence's subject may stand after, its article and the like."""


def _read(
    passage: Passage,
    sentence: str,
    begin: int,
    found: Sequence[Phrase],
    trigger: Trigger,
    match: re.Match[str],
    context: _Context,
    duty: bool,
) -> Iterator[RelationFact]:
    """The relation one phrase states, between each source and each target it names.
    `duty`: the sentence is an item of a list of duties, its subject the section's."""
    at, until = begin + match.start(), begin + match.end()
    if _NEGATED.search(sentence[: match.start()]):
        return  # "is not governed by statute", "not accountable to, nor a part of"
    sides: dict[Side, list[_End]] = {}
    if "mid" in (trigger.source, trigger.target):
        mid_start, mid_end = begin + match.start("mid"), begin + match.end("mid")
        inside = [
            p
            for p in found
            if mid_start <= p.start
            and p.end <= mid_end
            and (
                p.body
                or (trigger.people == "mid" and p.text[0].isupper())
                or (
                    trigger.type == "accountable_to"
                    and _held_kind(p.text)
                    and not _OTHERS.search(sentence[: p.start - begin])
                )
            )
        ]
        sides["mid"] = [
            _end(sentence, begin, p, trigger.people == "mid")
            for p in _listed(inside, sentence, begin)
        ]
    prefix = sentence[: at - begin]
    if trigger.members and prefix.count("(") > prefix.count(")"):
        return
    if trigger.members:
        sides["right"] = _members(sentence, begin, until)
        if sides["right"] and _INTRODUCES_LIST.match(sentence, sides["right"][-1].end - begin):
            # "made up of representatives from the responsible authorities, which are:"
            sides["right"] = [end for end in sides["right"] if not end.name[0].islower()]
    else:
        sides["right"] = _right(sentence, begin, found, until, trigger.people == "right")
        if not sides["right"] and trigger.people == "right":
            sides["right"] = _post_named(sentence, begin, until)
    sides["left"] = (
        _standing_for(sentence, begin, _left(sentence, begin, found, at, context), context)
        or _fallback(sentence, begin, at, trigger, context, duty)
        or _field_led(sentence, begin, at, trigger)
    )
    if trigger.adjacent and not (
        _right_before(sides["left"], at, found)
        or (_SUBJECT_GOES_ON.search(sentence[: at - begin]) and _names_first(sides["right"]))
    ):
        return
    if trigger.members and any(
        head_word(end.name.split()[-1]) in PLAN_WORDS or _described(end, sentence, begin)
        for end in sides["left"]
    ):
        return  # a plan "comprises" its chapters and priorities, not members
    stated_from = min([at, *(end.start for ends in sides.values() for end in ends)])
    stated = max([until, *(end.end for ends in sides.values() for end in ends)])
    for side, ends in sides.items():
        sides[side] = [named for end in ends for named in _named_after(passage, end, stated)]
    sources, targets = sides.get(trigger.source, []), sides.get(trigger.target, [])
    for source in sources:
        for target in targets:
            if any(
                _plural_generic(end.name)
                and not (trigger.type == "accountable_to" and _held_kind(end.name))
                for end in (source, target)
            ):
                continue
            first = min(source.start, target.start, stated_from)
            last = max(source.end, target.end, until)
            quote = passage.text[max(first, begin) : last]
            source_name, target_name = _resolve(source, context), _resolve(target, context)
            if source_name == target_name:
                source_name = _resolve(source, context, avoid=target_name)
                target_name = _resolve(target, context, avoid=source_name)
            yield _fact(
                source_name, trigger.type, target_name, quote, passage.line_at(max(first, begin))
            )


def _named_after(passage: Passage, end: _End, stated: int) -> list[_End]:
    """The bodies a count of them stands for ("five groups", "two further groups", "six
    Locality Partnerships"), when the words after the relation name them: after a colon
    or a dash ("... report to the Board: A, B and C", "- these are A and B"), or in the
    next sentence ("These five groups are: A; B; C"). Otherwise the end itself."""
    written = passage.text[end.start : end.end]
    if not (_ends_in_bodies(written) and (_COUNTED.match(written) or _plural_generic(end.name))):
        return [end]
    naming = _THESE_ARE.match(passage.text, stated)
    return (_members(passage.text, 0, naming.end()) if naming else None) or [end]


_THESE_ARE = re.compile(
    r"\s*(?=:\s)|(?:\s*[–—]\s*|\s+-\s+)(?:(?i:these)\s+are\b)?"
    r"|\.\s+(?i:these)\s+(?:[\w-]+\s+){0,3}?are\b"
)
"""What comes between a relation stated of a count of bodies and the names of those
bodies."""


_NEGATED = re.compile(r"\b(?:not|nor|never)\s+(?:(?:yet|be|been|directly|formally)\s+)?$", re.I)
"""Words that deny the relation after them."""


_LED_FIELD = re.compile(
    r"(?P<field>[A-Z][\w&’'-]*(?:\s+[\w&’'-]+){0,5}?)\s+(?:(?:is|are)(?:\s+jointly)?|[-–—])\s+$"
)
"""A field of work or a theme opening a sentence or line before "led by", named without a
body's word: "Community Planning in Falkirk is led by ...", "Poverty - led by ..."."""


_SUBJECT_GOES_ON = re.compile(r"^(?:it|they)\s+$|,\s+which\s+[^,;]{1,80}?\s+and\s+$", re.I)
"""Words before "includes" that carry the sentence's subject to it, though not named just
before: "It includes ...", "The partnership, which is led by the council and includes ..."."""


def _names_first(ends: Sequence[_End]) -> bool:
    """Whether a list opens with a name, as members named after "It includes" do; not
    "news, reports and minutes"."""
    return bool(ends) and ends[0].name[:1].isupper()


def _field_led(sentence: str, begin: int, at: int, trigger: Trigger) -> list[_End]:
    """What a body leads when the text names no body before "led by": the work or theme
    the sentence opens with. A possessive ("Cumberland's is led by") stands for a body
    left unsaid, not for a field."""
    if trigger.type != "governs" or trigger.source != "right":
        return []
    opening = _LED_FIELD.fullmatch(sentence[: at - begin])
    if opening is None or opening["field"].endswith(("'s", "’s")):
        return []
    start = begin + opening.start("field")
    return [_End(opening["field"], start, begin + opening.end("field"), generic=False)]


def _described(end: _End, sentence: str, begin: int) -> bool:
    """Whether an end describes a body in lower case ("the town's Community Safety
    Partnership", "a statutory committee", "They" for "local council") rather than names
    it as "the community safety partnership" does; members listed for a description
    belong to a name the sentence gives elsewhere."""
    first = end.name.split()[0]
    named = _POINTED_AT.search(sentence[: end.start - begin])
    return end.name[0].islower() and (not named or first.endswith(("'s", "’s")))


_INTRODUCES_LIST = re.compile(
    r"[’'”\"]?(?:,?\s*(?:these|which|they)\s+(?:are|include))?\s*[:;]\s*$", re.I
)
"""The end of a sentence that introduces a list: the members it describes in lower case
("representatives from the 'responsible authorities'") are those the list names."""


def _listed(inside: Sequence[Phrase], sentence: str, begin: int) -> list[Phrase]:
    """The first name between a phrase's words and those listed with it: "hold the ASB
    Group, the Reoffending Board and the Drugs Group to account" holds three; "hold
    partners, including the Council, to account" holds one."""
    listed = list(inside[:1])
    for phrase in inside[1:]:
        if not _COORDINATED.fullmatch(sentence[listed[-1].end - begin : phrase.start - begin]):
            break
        listed.append(phrase)
    return listed


def _right_before(ends: Sequence[_End], at: int, found: Sequence[Phrase]) -> bool:
    """Whether the near end is a body named just before the phrase, and no plan."""
    named = {(p.start, p.end): p for p in found}
    return bool(ends) and all(
        (phrase := named.get((end.start, end.end))) is not None
        and phrase.head not in PLAN_WORDS
        and at - end.end <= 1
        for end in ends[-1:]
    )


def _right(
    sentence: str, begin: int, found: Sequence[Phrase], after: int, people: bool
) -> list[_End]:
    """The body (or bodies, "A, B and C") named just after a relation phrase; the words
    between may be an object's own words ("the development and delivery of") but no new
    clause ("on", "for", a comma)."""
    ends: list[_End] = []
    person = False
    cursor = after
    first = bisect_left([p.start for p in found], after)
    for phrase in found[first:]:
        gap = sentence[cursor - begin : phrase.start - begin]
        acceptable = phrase.body or (people and phrase.text[0].isupper())
        if ends:
            if not _COORDINATED.fullmatch(gap) or (person and _APPOSITION.fullmatch(gap)):
                break  # "chaired by Jo Smith, Director of Public Health": one chair
            if not acceptable:
                break
        elif not _crossable(gap):
            break
        if acceptable:
            ends.append(_end(sentence, begin, phrase, people))
            person = not phrase.body
        cursor = ends[-1].end if ends else phrase.end
    return ends


_APPOSITION = re.compile(r"\s*,\s*")
"""A comma alone after a person: what follows says who they are, not a second one."""

_MEMBER_LIST_END = re.compile(
    r"[;:]|(?<!\bi)(?<!\be)(?<!\bi\.e)(?<!\be\.g)\.|\((?=[a-z])"
    r"|(?<!\bsuch)\s+(?:who|which|that|to|with|as|in\s+order|because|representing)\s+"
    r"|,\s+(?:who|which)\b|\s+[-–—]\s+(?=[a-z])"
)
"""Where a list of members ends: at a clause ("who ...", "to ...", not the "as" of "such as",
which names examples of the list's members), at a full stop (not those of "e.g." and
"i.e."), or at the dash that closes an aside back into its sentence ("Board – comprising A,
B and C - have given ...")."""
_MEMBER_WORDS = 12


def _members(sentence: str, begin: int, after: int) -> list[_End]:
    """The members a "made up of" or "comprises" phrase lists, up to the end of its
    clause: "representatives of the statutory safeguarding partners, sub-group chairs and
    the Independent Chair and Scrutineer" is three. A list ends at a part that is no name
    ("..., commissions independent scrutiny")."""
    offset = after - begin
    if following := _FOLLOWING_KIND.match(sentence[offset:]):
        offset += following.end("kind")
    colon = _COLON.match(sentence[offset:])
    offset += len(colon[0]) if colon else 0
    counted = _COUNTED_MEMBERS.match(sentence[offset:])
    semicolons = _SEMICOLON_LIST.match(sentence[offset:]) if colon else None
    if counted:  # "the three statutory partners (Local Authority, Police and CCG)"
        offset += counted.start("members")
    if semicolons:  # "consist of: Child Exploitation Group; Early Help Board; ..."
        offset += semicolons.start("members")
        parts = semicolons["members"].split(";")
    else:
        listed = counted["members"] if counted else sentence[offset:]
        clause = _MEMBER_LIST_END.split(listed, maxsplit=1)[0]
        clause = _SECTORS.sub(lambda sectors: sectors[0].replace(",", _SECTOR_COMMA), clause)
        parts = _EXAMPLES_FOLLOW.sub(",", clause).split(",")
        parts = [part.replace(_SECTOR_COMMA, ",") for part in parts]
    ends: list[_End] = []
    position = offset
    for part in parts:
        pieces = [part] if semicolons else _split_last(part)
        for piece in pieces:
            if len(pieces) > 1 and not piece.strip():
                continue  # the comma before "and" ends the part before it: ", and the police"
            start = sentence.index(piece, position) if piece else position
            position = start + len(piece)
            if kind := _KIND_BEFORE_DASH.match(piece):  # the kind's names follow the dash
                piece, start = piece[kind.end() :], start + kind.end()
            name = _MEMBER_OPENING.sub("", piece).strip()
            words = name.split()
            if not words or len(words) > _MEMBER_WORDS or _stops(_Token(words[0], 0, 0), True):
                return ends
            if words[-1].casefold() in ("from", "of"):
                return ends  # "includes representatives from", the list below
            if head_word(words[-1]) in PLAN_WORDS:
                return ends  # "the plans and strategies of the partnerships": no members
            at = begin + start + piece.index(name)
            if name.islower() and (article := _DEFINITE.search(piece[: piece.index(name)])):
                name, at = f"{article[0]}{name}", begin + start + article.start()
            ends.append(_End(name, at, at + len(name)))
    return ends


_COUNTED_MEMBERS = re.compile(
    r"\s*(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"[^()]{1,60}?\((?=[A-Z])(?P<members>[^()]*?(?:,|\s(?:and|&)\s)[^()]*)\)",
)
"""Members counted, then named in brackets: "the three statutory partners (Local
Authority, Police and CCG)"; the names in brackets are the members. A bracket that names
no list ("three Community Safety Partnerships (CSPs)") is an acronym."""
_FOLLOWING_KIND = re.compile(r"(?P<kind>\s*the\s+following(?:\s+[a-z-]+){1,3}?)\s*[;:]\s", re.I)
"""The kind of the members named after it: "made up of the following statutory bodies;
the Police, the County & District Councils, ..."."""
_COLON = re.compile(r"\s*[:;](?=\s)")
"""A colon (or a semicolon put for one) between "consists of" and the members it lists."""
_SEMICOLON_LIST = re.compile(r"\s*(?P<members>[^;.:()]+(?:;[^;.:()]+)+)")
"""Members listed between semicolons after a colon: "The Priority Subgroups
consist of: Child Exploitation Group; Early Help Improvement Board; ..."; a part's "and"
joins the words of one name ("Emotional Wellbeing and Mental Health Group")."""
_KIND_BEFORE_DASH = re.compile(r"\s*[a-z][^,–—]*?\s+[–—]\s+(?=[A-Z])")
"""A kind of member its names follow after a dash, in a list: "10 Elected Members and
representatives from designated agencies – Youth Justice Agency, Probation Board, ..."
lists the agencies, not "representatives from designated agencies"."""
_EXAMPLES_FOLLOW = re.compile(
    r",?\s+(?:including|such\s+as|e\.g\.|i\.e\.|for\s+example)[\s,]+", re.I
)
"""Members named as examples of those before them, or as what those before them are, go on
the list: "representatives from responsible authorities such as police, local authorities,
...", "... responsible authorities, i.e. local authorities, police, fire, ..."."""
_SECTOR_WORDS = r"(?:public|private|voluntary|community|statutory|third|independent|faith)"
_SECTORS = re.compile(rf"\b{_SECTOR_WORDS}(?:,\s*{_SECTOR_WORDS})+,?\s+(?:and|&)\s+", re.I)
"""Sectors listed before the one noun they share: "public, private, community and
voluntary sector organisations" is one member, not four."""
_SECTOR_COMMA = "\x00"
"""Stands for a comma between sectors while a list is split at its other commas."""
_POINTED_AT = re.compile(r"\b(?:the|this|that|these|those)\s+$", re.I)
"""Words that point to a body known from the text, before a name in lower case."""
_DEFINITE = re.compile(r"\bthe\s+$", re.I)
"""A member in lower case keeps its "the": "the council", "the police" name one body."""
_MEMBER_OPENING = re.compile(
    r"^\s*(?:(?:of|and|both|all|the|a|an)\s+)*"
    r"(?:(?:senior\s+)?(?:representatives|representation)\s+(?:from|of)\s+(?:the\s+)?"
    r"(?=(?-i:[A-Z])))?",
    re.I,
)
"""Words before a member's name: articles, and "representatives (or representation) from"
a named body, who stand for it ("made up of representatives from Merseyside Police, ...");
before a kind in lower case ("representatives from local authorities") they stay."""


def _opens_with_acronym(text: str) -> bool:
    words = text.split()
    return bool(words) and is_acronym(words[0])


def _split_last(part: str) -> list[str]:
    """The last part of a list holds two names joined by "and" where the first ends a
    name ("sub-group chairs and the Independent Chair and Scrutineer", "Police and CCG");
    "Crime and Disorder Reduction Partnership", a force area's statutory title and a post's
    portfolio are one."""
    for match in re.finditer(r"\s+and\s+", part):
        left, right = part[: match.start()], part[match.end() :]
        last = left.split()[-1] if left.split() else ""
        if (last.casefold(), *(word.casefold() for word in right.split()[:1])) in _TITLE_PAIRS:
            continue  # "the Police and Crime Commissioner" is one
        if _PORTFOLIO_FOR.search(left):
            continue  # "the Portfolio Holder for Environmental Services and Community Safety"
        if (
            re.match(r"(?:the|a|an)\s", right, re.I)
            or last.endswith((")", "s"))
            or (head_word(last) and (len(left.split()) > 1 or _opens_with_acronym(right)))
        ):
            return [left, right]
    return [part]


_PORTFOLIO_FOR = re.compile(r"\b(?:holder|member|lead|spokesperson|champion)\s+for\s", re.I)
"""A post for a portfolio, whose words run to the end of the list's part."""


_POST_GOES_ON = re.compile(r"(?:\s+(?:of|for)(?:\s+the)?)?(?:\s+[A-Z][\w'’-]*)+")


_PORTFOLIO_HOLDER = re.compile(r"\b(?:member|lead|holder|spokesperson|champion)$", re.I)
_PORTFOLIO = re.compile(
    r"\s+for\s+[\w'’-]+(?:(?:,\s*|\s+)[\w'’-]+)*?(?=[.;:()]|$|"
    r"\s+and\s+(?:its|their|is|are|has|have|will|was|also)\b|,\s+(?:who|which)\b)"
)
_PORTFOLIO_WORDS = 10


_POST = re.compile(
    r"\s+(?:the|an?)\s+(?P<post>(?:[a-z][\w'’-]*\s+){0,3}(?:director|officer|person|member|"
    r"scrutineer|manager|head|lead|representative|councillor|partner|holder|chair|"
    r"chief\s+executive|commander|superintendent|inspector|commissioner)s?)\b"
)


def _post_named(sentence: str, begin: int, after: int) -> list[_End]:
    """A post in lower case right after "chaired by" or "led by", with its portfolio:
    "chaired by the strategic director for children, adults and families", "led by an
    independent person"."""
    match = _POST.match(sentence, after - begin)
    if match is None:
        return []
    end = match.end("post")
    portfolio = _PORTFOLIO.match(sentence, end)
    if portfolio and len(portfolio[0].split()) <= _PORTFOLIO_WORDS:
        end = portfolio.end()
    start = match.start("post")
    return [_End(sentence[start:end], begin + start, begin + end)]


def _portfolio(sentence: str, start: int, end: int) -> int:
    """How many characters after a post name its portfolio in lower case: "the council's
    cabinet member for communities, equalities and public protection"."""
    if not _PORTFOLIO_HOLDER.search(sentence[start:end]):
        return 0
    found = _PORTFOLIO.match(sentence, end)
    if found is None or len(found[0].split()) > _PORTFOLIO_WORDS:
        return 0
    return len(found[0])


def _end(sentence: str, begin: int, phrase: Phrase, person: bool) -> _End:
    """A phrase as a relation's end; a person or post keeps all its words ("the Police
    Inspector", "Cabinet Member for Communities"), not just those up to a body word."""
    named = _named_end(sentence, begin, phrase)
    if not person:
        return named
    end = phrase.whole_end
    if more := _POST_GOES_ON.match(sentence, end - begin):
        end = begin + more.end()
    end += _portfolio(sentence, phrase.start - begin, end - begin)
    words = sentence[phrase.start - begin : end - begin]
    return replace(named, name=words, end=end, generic=named.generic and words == phrase.text)


def _named_end(sentence: str, begin: int, phrase: Phrase) -> _End:
    """A phrase as an end, with the "the" that makes "the Council" a name, and without a
    count before it ("the 3 CSPs" are the CSPs)."""
    before = sentence[: phrase.start - begin].split()
    article = "the " if before and before[-1].casefold() == "the" else ""
    name = _COUNTED.sub("", phrase.text)
    if name.islower():
        name = phrase.text  # "four delivery groups" stays a count of a kind of body
    return _End(name, phrase.start, phrase.end, phrase.generic, article)


_COUNTS = _words("two three four five six seven eight nine ten eleven twelve several various")
_COUNTED = re.compile(rf"^(?:\d{{1,2}}|{'|'.join(sorted(_COUNTS))})\s+(?=\S)", re.I)


_HELD_KINDS = _words("partners agencies organisations organizations providers")
"""Whom a body holds to account by their kind alone: "hold partners to account", "holding
agencies to account" name the parties held, though not one body."""


_OTHERS = re.compile(r"\b(?:other|each)\s+$", re.I)
"""What comes before a kind that names no one in particular: "other organisations"."""


def _held_kind(name: str) -> bool:
    return name.islower() and name.split()[-1] in _HELD_KINDS


def _plural_generic(name: str) -> bool:
    """ "groups", "four delivery groups": a kind of body, or a count of them, not one; a
    list after the line names them."""
    words = name.split()
    counted = len(words) > 1 and words[0].casefold() in _COUNTS
    return _ends_in_bodies(name) and name.islower() and (len(words) == 1 or counted)


def _ends_in_bodies(name: str) -> bool:
    """Whether a name's last word is a body's word in the plural: "groups", "CSPs"."""
    words = name.split()
    return bool(words) and words[-1].endswith("s") and bool(head_word(words[-1]))


def _crossable(gap: str) -> bool:
    """Whether the words between a relation phrase and a body can be the body's own ("the
    development and delivery of"); a label's colon or a table's bar may come first
    ("Reports to: the Board", "Accountable to | Board")."""
    words = re.findall(r"[\w'’-]+|[^\w\s]", re.sub(r"^\s*[:|–-]", "", gap))
    if len(words) > _MAX_GAP:
        return False
    return not any(not w[0].isalnum() or w.casefold() in _GAP_BARRIERS for w in words)


def _left(
    sentence: str, begin: int, found: Sequence[Phrase], before: int, context: _Context
) -> list[_End]:
    """The nearest body named before a relation phrase in its sentence, passing over a
    verb's object ("The group reviews the Plan and reports to ..." is about the group),
    with the bodies listed with it ("The Thematic Groups and L-MAPS report to ...")."""
    last = bisect_right([p.end for p in found], before)
    prefix = sentence[: before - begin]
    aside = prefix.count("(") > prefix.count(")")
    dashed = [(begin + m.start(), begin + m.end()) for m in _DASHED_ASIDE.finditer(prefix)]
    candidates = [
        p
        for p in found[max(0, last - _NEAREST) : last]
        if p.end <= before
        and p.body
        and (aside or not p.bracketed)
        and not any(start <= p.start and p.end <= end for start, end in dashed)
    ]
    for position in range(len(candidates) - 1, -1, -1):
        phrase = candidates[position]
        gap = sentence[phrase.end - begin : before - begin]
        if _NEW_CLAUSE.search(gap):
            return []
        if _COORDINATED_PREDICATE.search(gap):
            # the predicate's subject opens the sentence, or is left unsaid (a duty's)
            return _subject(sentence, begin, candidates, context)
        relative = _WHICH.fullmatch(gap)  # "... is the System, which consists of"
        if not relative and _is_object(_before(sentence, phrase.start - begin)):
            continue
        ends = [_named_end(sentence, begin, phrase)]
        for earlier in reversed(candidates[:position]):
            gap = sentence[earlier.end - begin : ends[0].start - begin]
            if not _COORDINATED.fullmatch(gap):
                break
            ends.insert(0, _named_end(sentence, begin, earlier))
        return ends
    return []


_WHICH = re.compile(r",?\s*which\s+", re.I)
"""The words between a name and a relation its relative clause states of it."""
_DASHED_ASIDE = re.compile(r"\s[–—-]\s[^–—]{1,160}?\s[–—-](?=\s)")
"""An aside between dashes, like one in brackets: "The Board (TDAB) – formerly the
Violence Against Women Board (SVAWB) – is a subgroup of" is about the Board."""
_NEAREST = 40
"""Names looked back over for a relation's near side; a sentence's subject is closer."""


def _before(sentence: str, offset: int) -> str:
    """The few words before `offset`: enough to tell a verb's object from a subject."""
    return sentence[max(0, offset - 60) : offset]


_NEW_CLAUSE = re.compile(r"\b(?:it|they|he|she|because|although)\b", re.I)
"""Words that open a clause of its own between a body and a relation phrase: "CR declared
an interest as it was submitted on behalf of Arun DC" is not about CR. ("Which" and "who"
are about the name before them.)"""
_COPULAS = _words("is are was were be been becomes become remains")
_COORDINATED_PREDICATE = re.compile(
    r"(?:\band\s+(?:(?:its|their)\s+membership|[a-z]+)?|,\s+(?:its|their)(?:\s+membership)?)\s*$"
)
"""A relation phrase right after "and" (and a verb) shares the sentence's subject: "Theme
groups deliver the plan on behalf of the Board and are overseen by the Executive", "It is
chaired by the Chief Executive and comprises ...", "... and its membership includes"; so
does a membership after an opening aside: "Co-ordinated by the Council, its membership"."""


def _subject(
    sentence: str, begin: int, candidates: Sequence[Phrase], context: _Context
) -> list[_End]:
    """The body a sentence opens with, or the one "It" stands for; none otherwise."""
    opening = [p for p in candidates if p.first <= 2 and not p.bracketed]
    if opening:
        return [_named_end(sentence, begin, opening[0])]
    return _pronoun_subject(sentence, begin, context)


def _standing_for(sentence: str, begin: int, ends: list[_End], context: _Context) -> list[_End]:
    """The near side of a relation as read, unless it is only the words "These groups"
    opening the sentence: then the bodies the sentence before listed together."""
    plural = _PLURAL_OPENING.match(sentence)
    opening = plural is not None and all(end.end <= begin + plural.end() for end in ends)
    named = context.last_subjects
    several = len(named) > 1 or (len(named) == 1 and _names_several(named[0]))
    if not (plural and ends and opening and several):
        return ends
    return [_End(name, begin, begin + plural.end()) for name in named]


def _names_several(name: str) -> bool:
    """Whether a name is of several bodies of a kind, its last word a body word in the
    plural: "Community Justice Delivery Groups", "the responsible authorities"."""
    last = name.split()[-1] if name.split() else ""
    singular = re.sub(r"ies$", "y", last) if last.endswith("ies") else last[:-1]
    return last.endswith("s") and bool(head_word(singular))


def _pronoun_subject(sentence: str, begin: int, context: _Context) -> list[_End]:
    """The bodies "It", "They" or "These groups" opening a sentence stand for: the
    previous sentence's subject, or all the bodies it opened with when the word is
    plural."""
    plural = _PLURAL_OPENING.match(sentence)
    if plural and len(context.last_subjects) > 1:
        return [_End(name, begin, begin + plural.end()) for name in context.last_subjects]
    words = sentence.split(maxsplit=1)
    pronoun = bool(words) and words[0].casefold().replace("’", "'") in _PRONOUN_SUBJECTS
    if pronoun and context.last_subject:
        return [_End(context.last_subject, begin, begin + len(words[0]))]
    return []


_PLURAL_OPENING = re.compile(
    r"(?:they|(?:these|those|the)\s+(?-i:(?:[a-z][\w-]*\s+){0,2}(?:groups|boards|bodies|"
    r"partnerships|sub-?groups|committees|forums|panels|networks|teams)))\b",
    re.I,
)
"""A sentence opening with the bodies the previous one named: "They", "These groups",
"The five delivery groups"; not a name ("The Priority Subgroups consist of")."""


def _listed_with(sentence: str, begin: int, found: Sequence[Phrase], first: Phrase) -> list[Phrase]:
    """The bodies named together at the opening of a sentence: "A, B and C will ...",
    "Three Delivery Groups along with a Diversion Group and a Reintegration Group will
    ..."."""
    listed = [first]
    for phrase in found[found.index(first) + 1 :]:
        gap = sentence[listed[-1].end - begin : phrase.start - begin]
        if not phrase.body or not (_COORDINATED.fullmatch(gap) or _ALONG_WITH.fullmatch(gap)):
            break
        listed.append(phrase)
    return listed


_ALONG_WITH = re.compile(r"\s*,?\s*(?:along|together)\s+with\s+(?:(?:the|a|an)\s+)?", re.I)
"""Words that list one more body with the ones before it: "A along with a B"."""


def _is_object(before: str) -> bool:
    """Whether a name after these words is not what the sentence is about: a verb's
    object (the last word before it, past any article, is a verb: "reviews", "approved")
    or what the subject is ("X is the strategic body ...")."""
    words = [w for w in re.findall(r"[\w'’-]+", before) if w.casefold() not in _DETERMINERS]
    if not words:
        return False
    last = words[-1].casefold()
    if last in _COPULAS:  # "there are five groups that ...": what there is, the subject
        return len(words) < 2 or words[-2].casefold() != "there"
    verb = last in _VERBS or last.endswith(("ed", "es"))
    return words[-1][0].islower() and verb and last not in _FUNCTION_WORDS


_REPORTED = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\s+)?(?:the\s+)?(?:progress|performance|updates?|reports?|"
    r"monitoring|delivery|outcomes?|minutes|achievements?)\b",
    re.I,
)
"""What a body reports: "Progress on delivery ... will be reported quarterly to ..."."""
_ITEM_OPENERS = _words("to and also will shall must should")
"""Words before the relation phrase of a terms-of-reference item ("To oversee the Plan")."""


def _fallback(
    sentence: str, begin: int, before: int, trigger: Trigger, context: _Context, duty: bool
) -> list[_End]:
    """Who a sentence with no body before its relation phrase is about: the previous
    sentence's subject after "It" or "They"; the section's or the text's subject when the
    phrase opens the sentence or a duty ("Own the Action Plan", "develop, implement and
    monitor the Business Plan") or says what is reported ("Progress will be reported to
    the Board"). Otherwise what comes before is something other than a body ("The
    framework consists of") and no relation is read; nor is a list of members without a
    body named to hold them."""
    if pronoun := _pronoun_subject(sentence, begin, context):
        return pronoun
    words_before = re.findall(r"[A-Za-z][\w'’-]*", sentence[: before - begin])
    opens = all(word.casefold() in _ITEM_OPENERS for word in words_before)
    reported = trigger.type == "reports_to" and bool(_REPORTED.match(sentence))
    if trigger.members or not (opens or duty or reported):
        return []
    unsaid = not words_before and not duty
    chosen = (unsaid and context.passage_subject) or context.section or context.subject
    return [_End(chosen, begin, begin, generic=False)] if chosen else []


def _resolve(end: _End, context: _Context, avoid: str | None = None) -> str:
    """An end as the body it names: "the Board" resolved, an acronym the text defines
    with the name it stands for ("West Berkshire Domestic Abuse Board (DAB)")."""
    if end.generic:
        resolved = _resolve_phrase(end.name, context, avoid)
        if resolved == end.name and head_word(end.name) in _ONE_OF_A_KIND:
            return f"{end.article}{end.name}"
        return resolved
    if spelled := context.acronyms.get(end.name):
        return f"{spelled} ({end.name})"
    if spelled := _spelled_out(end.name, context):
        return f"{spelled} ({end.name})"
    return end.name


_UNDEFINED_ACRONYM = re.compile(r"(?P<letters>[A-Z][A-Z&]{1,7})(?P<plural>s?)")


def _spelled_out(name: str, context: _Context) -> str | None:
    """The body an acronym the text never defines stands for, when the text names exactly
    one body whose initials spell it, a place's name before them aside: "DALPB" for the
    Domestic Abuse Local Partnership Board, "CSPs" for Community Safety Partnerships."""
    acronym = _UNDEFINED_ACRONYM.fullmatch(name)
    if acronym is None:
        return None
    letters = acronym["letters"].replace("&", "")
    spelled = {
        known
        for known in context.known
        if _initials(known).endswith(letters)
        and len(_initials(known)) - len(letters) <= _PLACE_WORDS
        and known.endswith("s") == bool(acronym["plural"])
    }
    return spelled.pop() if len(spelled) == 1 else None


_PLACE_WORDS = 2
"""Words of a place an acronym may leave out: "DALPB" for the Town Domestic Abuse Local
Partnership Board."""


def _initials(name: str) -> str:
    words = re.sub(r"\s*\([^()]*\)", "", name).split()
    return "".join(w[0] for w in words if w.casefold() not in _SMALL_WORDS and w[0].isalpha())


_ONE_OF_A_KIND = frozenset({"council", "cabinet"})
"""Bodies a council's text names by their kind alone: "the Council" is a name, as
written, where "the Board" is a body left unsaid."""


_GIVEN_WORD = r"[A-Z][\w&-]*(?:['’]s)?"
_CALLED = re.compile(
    r"\b(?:is|are)\s+(?:called|known\s+as)\s+(?:the\s+)?[‘'\"“]?"
    rf"(?P<name>{_GIVEN_WORD}(?:\s+(?:(?:of|and|&|for|the)\s+)?{_GIVEN_WORD})*)"
)
"""A body named by what it is called: "Our partnership is called 'Safer Anytown'", "The
Community Safety Partnership in Anytown is called the Safer Anytown Partnership"."""


def _names_given(line: str) -> dict[str, str]:
    """The name a line says a body of a kind is called, by that kind ("partnership"): the
    last body named before "is called" is the one named."""
    given: dict[str, str] = {}
    for match in _CALLED.finditer(line):
        named = [p for p in phrases(line[: match.start()]) if p.body and p.head]
        if named and named[-1].head and not is_acronym(named[-1].head):
            given[named[-1].head] = match["name"]
    return given


def _resolve_phrase(name: str, context: _Context, avoid: str | None = None) -> str:
    """ "Board" as the body the section or text is about, or a body the text names that
    contains that body's name ("Safe Durham Partnership Board" for a text about the Safe
    Durham Partnership), or the body of that kind the sentence before was about ("The
    Community Safety Forum ... The Forum is chaired by"); unchanged when nothing fits.
    `avoid` is the relation's other end: a body is not related to itself."""
    words = _kind_alone(name).split()
    head = head_word(words[-1])
    if head is None or len(words) > 1:
        return name
    key = (name, context.section, context.last_subject, avoid, context.reading)
    if key not in context.resolved:
        context.resolved[key] = _resolved(name, head, context, avoid)
    return context.resolved[key]


def _resolved(name: str, head: str, context: _Context, avoid: str | None) -> str:
    def fits(candidate: str | None) -> bool:
        return (
            bool(candidate)
            and candidate != avoid
            and head in _heads_of(candidate or "")
            and _plural(candidate or "") == _plural(name)
        )

    if (given := context.called.get(head)) and given != avoid:
        return given
    for candidate in (context.section, context.subject):
        if fits(candidate):
            return candidate or name
    for about in (context.section, context.subject):
        if not about:
            continue
        for known in context.known:
            if about.casefold() in known.casefold() and fits(known):
                return known
    if fits(context.last_subject) and context.last_subject:
        return context.last_subject
    if head in _ONE_OF_A_KIND:
        return name
    named_before = [
        known
        for known in context.known
        if fits(known) and context.first_named.get(known, 0) < context.reading
    ]
    if one := _only_one_of_its_kind(named_before):
        return one
    if head in _ANY_KIND and not named_before:
        return next((b for b in (context.section, context.subject) if b and b != avoid), name)
    return name


_ANY_KIND = frozenset({"group", "body"})
"""Words that name a body of any kind: "the group" on a partnership's page, no group named
before it, is the partnership."""


def _only_one_of_its_kind(candidates: list[str]) -> str | None:
    """The one body of a kind the text names, when every other name of that kind only
    qualifies it ("Strategic Safe Durham Partnership Board" around "Safe Durham
    Partnership Board"): "the Board" can mean no other."""
    if not candidates:
        return None
    shortest = min(candidates, key=len)
    within = all(shortest.casefold() in c.casefold() for c in candidates)
    return shortest if within else None


def _plural(name: str) -> bool:
    """Whether a name's body word is plural: "the group" is not "Community Operating
    Groups"."""
    words = re.sub(r"\s*\([^()]*\)", "", name).split()
    last = words[-1].casefold() if words else ""
    return last.endswith("s") and head_word(last) == last[:-1]


@lru_cache(maxsize=4096)
def _heads_of(name: str) -> frozenset[str]:
    """The body words a name answers to: a sub-group is also "the group" its own text
    speaks of, a sub-committee "the committee"; a place's body by an acronym ("Thames
    Valley LCJB") is also "the LCJB"."""
    words = name.split()
    heads = {h for w in words if (h := head_word(w)) and not is_acronym(h)}
    if len(words) > 1 and is_acronym(words[-1]) and head_word(words[-1]):
        heads.add(words[-1])
    return frozenset(heads | {re.sub(r"^sub-?", "", h) for h in heads})


def unsure_about(relations: Iterable[RelationFact]) -> list[Unsure]:
    """Relations with an end still named only as "Board" or "Partnership": the text did
    not say which body it means."""
    doubts: list[Unsure] = []
    for fact in relations:
        for end in (fact.source, fact.target):
            words = end.split()
            if (
                len(words) == 1
                and head_word(end) not in (None, "council", "cabinet")
                and not is_acronym(end)
            ):
                doubts.append(
                    Unsure(fact.line, f"which body {end!r} means is not stated", fact.quote)
                )
    return doubts


# Documents -------------------------------------------------------------------------------


_OPENING_HEADINGS = 3
"""A document names what it is about in its first headings; later short lines are lists."""


GOVERNING_HEADS = _words(
    "partnership board group subgroup sub-group committee subcommittee sub-committee "
    "executive panel forum network alliance assembly cabinet"
)
"""The words that end the name of a body that governs shared work, as a partnership's
documents describe one, rather than of an organisation that takes part (a council, a
police force, the NHS)."""


def document_body(text: Text) -> str | None:
    """The body a document is about: a partnership, board or group before any organisation
    (a council's page describes the partnership it hosts); the one its own title names (a
    web page's title names the partnership whose site it is), else one its opening headings
    name, else one its prose names (those only in its lists are its members and parts),
    else one it names; of several, the one the text names most often as whole words,
    a proper name ("Safeguarding Board") before words in lower case ("operational board")."""
    whole = "\n".join(text.lines)
    openings = [
        line for line in text.lines[:10] if _is_heading(line) and not _LIST_MARKER.match(line)
    ]
    openings = openings[:_OPENING_HEADINGS]
    prose = [line for line in text.lines if not _is_list_item(line, text.format)]
    named = [
        _bodies_named(lines)
        for lines in ([text.title] if text.title else [], openings, prose, text.lines)
    ]
    for governing in (True, False):
        for candidates in named:
            fitting = [c for c in candidates if _governs(c) == governing]
            if fitting:
                return max(fitting, key=lambda name: (_times_named(name, whole), name[0].isupper()))
    return None


def _governs(name: str) -> bool:
    return name.split()[-1].casefold() in GOVERNING_HEADS


def _times_named(name: str, text: str) -> int:
    """How often `text` names `name` as whole words, in any case ("NI" is not in "union")."""
    return len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE))


def _bodies_named(lines: Iterable[str]) -> list[str]:
    """Bodies (not plans) the lines name in full, without an acronym in brackets."""
    names: dict[str, None] = {}
    for line in lines:
        for phrase in phrases(re.sub(r"^\d+\s*\|\s*", "", line)):
            if phrase.body and not phrase.generic and phrase.head not in PLAN_WORDS:
                names.setdefault(re.sub(r"\s*\([^()]*\)$", "", phrase.text))
    return list(names)


def read_structure(text: Text) -> DocumentFacts:
    """The relations a structure description or terms of reference states."""
    body = document_body(text)
    relations = relations_in(text, subject=body)
    headings = [
        p.text for p in passages(text) if _is_heading(p.text) and not _LIST_MARKER.match(p.text)
    ]
    named = [line for line in headings if body and body.casefold() in line.casefold()]
    title = next(iter(named or headings), text.title)
    return DocumentFacts(
        kind="governance",
        title=title,
        body=body,
        relations=relations,
        unsure=unsure_about(relations),
    )
