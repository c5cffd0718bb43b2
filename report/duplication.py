"""Cross-board duplication: areas of work handled by several bodies or plans, and
commitments in different plans worded so alike that they may be the same work."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass
from itertools import combinations, repeat
from typing import Any

Row = dict[str, Any]

THRESHOLD = 0.33
"""Least similarity (`similarity`) for two commitments to be shown as near-duplicates.

Chosen on labelled pairs, the held-out ones aside. On the pairs of the real plans of other
councils (tests/fixtures/findings_eval/corpus_pairs.yaml, the tuned plans) 0.33 keeps
precision at 85% with recall at 54%; 0.30 would reach 58% recall at 84% precision, 0.45
87% at 41%. On Kirklees and Eastbrook (labels.yaml) the pairs labelled duplicates score
0.43 and over (the Inclusive Communities Framework in the council's outcome page and the
Partnership Plan), and none labelled otherwise is shown: Kirklees' most alike, 0.35,
loses to the closer match in its plan, and Eastbrook's are one plan's lines or one
mention."""

LEAST_SHARED = 2
"""Fewest subject words (not plan words, not field topics) two titles must share: a title
of two words ("Tenant safety") is otherwise as alike as can be to any line on tenants."""

MOST_BESIDE_ONE = 3
"""Most subject words a title may have to be paired on the one word of a title that has only
one: "Re-offending" is the work of "Reduce re-offending (adults)", but one word in common
says little of a line on a dozen other things."""

SYNONYMS = (
    (r"people who cause (?:harm|abuse|domestic abuse)|perpetrators?", "perpetrator"),
    (r"violence against women (?:and|&) girls|vawg", "vawg"),
    (r"domestic (?:abuse|violence)|da", "domestic_abuse"),
    (r"anti-?social behaviour|asb", "asb"),
    (r"child sexual exploitation|cse", "cse"),
    (r"domestic homicide reviews?|dhrs?", "dhr"),
    (r"female genital mutilation|fgm", "fgm"),
    (r"independent domestic (?:violence|abuse) advis[eo]rs?|idvas?", "idva"),
    (r"multi-agency risk assessment conferences?|maracs?", "marac"),
    (r"organised crime groups?|ocgs?", "ocg"),
    (r"violence reduction units?|vru", "vru"),
    (r"modern(?: day)? slavery", "modern_slavery"),
    (r"voluntary and community sector|third sector|vcs", "voluntary_sector"),
    (r"knives|knife", "knife"),
    (r"children and young people|young people|youth|young", "young_people"),
    (r"lessons|learning", "lesson"),
)
"""The field's names for one thing, each read as one word: an abbreviation and its words
(DA and domestic abuse, ASB and anti-social behaviour, CSE, DHR, VAWG), and the sector's
plain-language names (people who cause harm for perpetrators)."""

TOPICS = frozenset(
    [
        "vawg",
        "domestic_abuse",
        "asb",
        "cse",
        "fgm",
        "modern_slavery",
        "hate",
        "crime",
        "violence",
        "exploitation",
    ]
)
"""Fields of work: two lines in one field share a topic, not necessarily the work."""

STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "across",
        "after",
        "all",
        "also",
        "among",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "both",
        "but",
        "by",
        "can",
        "could",
        "for",
        "from",
        "has",
        "have",
        "in",
        "including",
        "into",
        "is",
        "it",
        "its",
        "more",
        "not",
        "of",
        "on",
        "or",
        "our",
        "so",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "under",
        "using",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "will",
        "with",
        "within",
        "would",
    ]
)
"""Words that carry no subject."""

PLAN_WORDS = frozenset(
    [
        "action",
        "approach",
        "area",
        "community",
        "continue",
        "deliver",
        "develop",
        "effective",
        "ensure",
        "help",
        "improve",
        "increase",
        "local",
        "need",
        "partner",
        "agency",
        "people",
        "place",
        "plan",
        "promote",
        "provide",
        "public",
        "raise",
        "awareness",
        "reduce",
        "response",
        "review",
        "safe",
        "safety",
        "service",
        "staff",
        "strategy",
        "support",
        "tackle",
        "training",
        "train",
        "victim",
        "work",
        "young_people",
        "programme",
        "opportunity",
        "engage",
        "engagement",
        "citizen",
        "council",
        "lead",
        "leadership",
        "oversight",
        "term",
        "reference",
        "prevent",
        "prevention",
        "early",
        "intervention",
        "intervene",
        "partnership",
        "provision",
        "access",
        "quality",
        "high",
        "capacity",
        "priority",
        "theme",
        "strategic",
        "commitment",
        "objective",
        "outcome",
        "aim",
        "protect",
        "protection",
        "keep",
        "build",
        "level",
        "number",
        "commit",
    ]
)
"""Words every plan uses whatever its subject: verbs of intent, audiences, ways of working
(prevention, early intervention, partnership, provision, access), measures (level, number,
quality), the words of plans themselves (priority, theme, objective)."""

COMMON_WEIGHT = 0.25
"""What a plan word or a field topic counts for against a subject word: titles that share
only these share a frame or a field, not the work ("raise awareness of domestic abuse among
young people" against "support victims of domestic abuse in rural areas")."""


@dataclass(frozen=True)
class Pair:
    similarity: float
    first: Row
    second: Row


def _stem(word: str) -> str:
    """A word without its plural, verb or noun ending, so that "engaged" and "engagement" meet
    "engage", and "inclusion" meets "inclusive"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for ending in ("ation", "ment", "ing", "ion", "ive", "ed", "s"):
        if word.endswith(ending) and not word.endswith(("ss", "us", "is")) and len(word) > 4:
            word = word[: -len(ending)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


COMMON = frozenset(_stem(word) for word in PLAN_WORDS | TOPICS)

FIELD_WORDS = {
    "violence against women": ("vawg", "domestic_abuse", "fgm", "idva", "marac", "dhr", "stalking"),
    "anti-social behaviour": ("asb",),
    "hate crime": ("hate",),
    "modern slavery": ("modern_slavery", "trafficking"),
    "exploitation": ("cse", "exploitation"),
    "substance misuse": ("drug", "alcohol"),
    "road safety": ("road", "ksi"),
    "reoffending": ("reoffending",),
}
"""Fields of work, each by the words that name it: two lines each in a field, and in no
field together, are about different work ("reports of domestic abuse" against "reports of
ASB incidents"), however many other words they share."""

FIELDS = {_stem(word): field for field, words in FIELD_WORDS.items() for word in words}


def terms(title: str) -> list[str]:
    """A title's content words, each of the field's names as one word ("re-offending" too),
    endings taken off; numbers are no content."""
    text = re.sub(r"\bre-(?=[a-z])", "re", title.casefold().replace("’", "'"))
    for pattern, word in SYNONYMS:
        text = re.sub(rf"\b(?:{pattern})\b", f" {word} ", text)
    words = re.findall(r"[a-z0-9_]*[a-z_][a-z0-9_]*", text)
    return [_stem(word) for word in words if word not in STOP_WORDS and len(word) > 2]


def weighted_vectors(titles: list[str]) -> list[dict[str, float]]:
    """TF-IDF vectors of the titles, unit length, with IDF over the titles themselves
    (smoothed, so a word every title has still counts a little) and plan words and topics
    at `COMMON_WEIGHT`. Titles that are the same share one vector."""
    bags = {title: Counter(terms(title)) for title in dict.fromkeys(titles)}
    documents = Counter(word for title in titles for word in bags[title])
    count = len(titles)
    vectors = {}
    for title, bag in bags.items():
        vector = {
            word: times
            * (math.log((1 + count) / (1 + documents[word])) + 1)
            * (COMMON_WEIGHT if word in COMMON else 1.0)
            for word, times in bag.items()
        }
        length = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        vectors[title] = {word: value / length for word, value in vector.items()}
    return [vectors[title] for title in titles]


def similarity(first: dict[str, float], second: dict[str, float]) -> float:
    """How alike two titles are, from their `weighted_vectors`: the cosine, from 0 (nothing
    in common) to 1 (the same words), or 0 when their subject words do not meet
    (`about_the_same`) or they name different fields (`in_other_fields`)."""
    if not about_the_same(first.keys() - COMMON, second.keys() - COMMON):
        return 0.0
    if in_other_fields(first.keys(), second.keys()):
        return 0.0
    return sum(first[word] * second[word] for word in first.keys() & second.keys())


def about_the_same(first: Set[str], second: Set[str]) -> bool:
    """Whether two titles' subject words let them be about the same work: they share
    `LEAST_SHARED`, or one title has a single subject word and the other has it and says
    little more (`MOST_BESIDE_ONE`), as "Re-offending" and "Reducing adult reoffending"."""
    shared = len(first & second)
    if shared >= LEAST_SHARED:
        return True
    return (
        shared == 1
        and min(len(first), len(second)) == 1
        and max(len(first), len(second)) <= MOST_BESIDE_ONE
    )


def in_other_fields(first: Set[str], second: Set[str]) -> bool:
    """Whether two titles each name a field of work (`FIELDS`) and none in common."""
    ours, theirs = ({FIELDS[word] for word in words if word in FIELDS} for words in (first, second))
    return bool(ours and theirs and not ours & theirs)


def near_duplicates(commitments: list[Row], threshold: float = THRESHOLD) -> list[Pair]:
    """Pairs of commitments that may be the same work, most alike first: from different plans
    (an action plan counts as its strategy) that were in force together, stated in different
    places (one bullet split into several records is one mention), at least `threshold` alike,
    and each the other's closest match in the other's plan (so that one bullet split into a
    priority, an action and a deliverable pairs once).

    Titles are compared, not commitments: plans repeat their lines year on year, so the
    pairs alike enough are found among distinct titles and only then among the commitments
    that bear them."""
    titles = [commitment["name"] for commitment in commitments]
    vectors = weighted_vectors(titles)
    bearers: dict[str, list[int]] = defaultdict(list)
    for index, title in enumerate(titles):
        bearers[title].append(index)
    borne = list(bearers.values())
    title_vectors = [vectors[indexes[0]] for indexes in borne]
    plans = [_plan(commitment) for commitment in commitments]
    periods = [_period(commitment) for commitment in commitments]
    mentions = [_mentions(commitment) for commitment in commitments]
    scored = []
    for first, second in _alike(title_vectors):
        score = similarity(title_vectors[first], title_vectors[second])
        if score < threshold:
            continue
        pairs = (
            combinations(borne[first], 2)
            if first == second
            else ((min(i, j), max(i, j)) for i in borne[first] for j in borne[second])
        )
        for i, j in pairs:
            if (
                plans[i] != plans[j]
                and _overlapping(periods[i], periods[j])
                and not mentions[i] & mentions[j]
            ):
                scored.append((score, i, j))
    closest: dict[tuple[int, str | None], float] = {}
    for score, i, j in scored:
        for one, other in ((i, j), (j, i)):
            place = (one, plans[other])
            closest[place] = max(closest.get(place, 0.0), score)
    kept = [
        (score, i, j)
        for score, i, j in scored
        if score == closest[(i, plans[j])] == closest[(j, plans[i])]
    ]
    kept.sort(key=lambda pair: (-round(pair[0], 2), pair[1], pair[2]))
    return [Pair(round(score, 2), commitments[i], commitments[j]) for score, i, j in kept]


def _alike(vectors: list[dict[str, float]]) -> Iterator[tuple[int, int]]:
    """The pairs of titles that may be alike, by their `vectors`: two whose subject words may
    be `about_the_same`, and a title with itself when it has a subject word (two plans may
    say the same line)."""
    subject_words = [vector.keys() - COMMON for vector in vectors]
    yield from _sharing_enough(subject_words)
    yield from _sharing_the_one(subject_words)
    for number, words in enumerate(subject_words):
        if words:
            yield number, number


def _sharing_enough(subject_words: Sequence[Set[str]]) -> list[tuple[int, int]]:
    """The pairs of titles that share `LEAST_SHARED` subject words or more, found through an
    index of words rather than by comparing every title with every other.

    Each title is indexed under its rarer subject words only, all but the `LEAST_SHARED` - 1
    commonest: two titles that share that many words share one of those. A word thousands of
    titles share would otherwise pair each of them with every other, tens of millions of
    pairs for one area of a national graph."""
    holders = Counter(word for words in subject_words for word in words)
    indexed: dict[str, list[int]] = defaultdict(list)
    pairs: set[tuple[int, int]] = set()
    for index, words in enumerate(subject_words):
        rarest = sorted(words, key=lambda word: (holders[word], word))
        for word in rarest[: len(rarest) - LEAST_SHARED + 1]:
            pairs.update(zip(indexed[word], repeat(index)))
            indexed[word].append(index)
    return sorted(
        (first, second)
        for first, second in pairs
        if len(subject_words[first] & subject_words[second]) >= LEAST_SHARED
    )


def _sharing_the_one(subject_words: Sequence[Set[str]]) -> Iterator[tuple[int, int]]:
    """The pairs of distinct titles where one has a single subject word and the other has it
    among at most `MOST_BESIDE_ONE`: only short titles are indexed."""
    short: dict[str, list[int]] = defaultdict(list)
    for index, words in enumerate(subject_words):
        if len(words) <= MOST_BESIDE_ONE:
            for word in words:
                short[word].append(index)
    for index, words in enumerate(subject_words):
        if len(words) == 1:
            for other in short[next(iter(words))]:
                if other > index or (other < index and len(subject_words[other]) > 1):
                    yield min(index, other), max(index, other)


Period = tuple[str | None, str | None]


def _overlapping(first: Period, second: Period) -> bool:
    """Whether two commitments' plans overlap in time, by the periods the rows carry (a
    plan's own, else its strategy's); a plan with no stated period may overlap anything."""
    (first_from, first_to), (second_from, second_to) = first, second
    if first_to and second_from and second_from > first_to:
        return False
    return not (second_to and first_from and first_from > second_to)


def _period(commitment: Row) -> Period:
    plan = commitment.get("plan") or {}
    strategy = plan.get("partOf") or {}
    return (
        plan.get("periodFrom") or strategy.get("periodFrom"),
        plan.get("periodTo") or strategy.get("periodTo"),
    )


def _mentions(commitment: Row) -> set[tuple[str, str]]:
    """Where in the documents a commitment is stated, as (document, lines)."""
    return {
        (str((source.get("document") or {}).get("id")), str(source.get("lines")))
        for source in commitment.get("sources") or []
    }


def handled_by_several(workstreams: list[Row]) -> list[Row]:
    """Areas of work that more than one body governs, owns a strategy for or delivers, or
    that more than one plan covers."""
    several = []
    for workstream in workstreams:
        bodies = {
            body["id"]: body
            for key in ("governedBy", "strategyOwners", "groups")
            for body in workstream[key]
        }
        if len(bodies) > 1 or len(workstream["plans"]) > 1:
            several.append({**workstream, "bodies": list(bodies.values())})
    return several


def _plan(commitment: Row) -> str | None:
    plan = commitment.get("plan")
    if not plan:
        return None
    return str((plan.get("partOf") or plan)["id"])
