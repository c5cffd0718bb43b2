"""The real-document corpus (tests/fixtures/documents) and how extraction is scored on it.

Each folder holds one council document and the facts written out by hand from it. A fact
found counts when it matches an expected fact of its kind one to one: people by name (or
post) and part; agenda items by title (or number); actions by their words and owner;
priorities by their words, timescale, lead and portfolio holder; relations by both ends
and type, an acronym matching the name it stands for when that name gives it in brackets
("SAB" and "Safeguarding Adults Board (SAB)"). Words match when they are nearly the same
(punctuation, case and small slips aside), since a reader and an extractor cut a sentence
at slightly different places.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from loaders.ingest.facts import (
    ActionFact,
    AgendaFact,
    DocumentFacts,
    DocumentKind,
    PersonFact,
    PriorityFact,
    RelationFact,
)

CORPUS = Path(__file__).resolve().parent / "fixtures" / "documents"
KINDS: dict[str, DocumentKind] = {
    "minutes": "minutes",
    "plan": "plan",
    "strategy": "plan",
    "structure": "governance",
    "decision": "decision",
}
FACT_KINDS = ("people", "agenda_items", "actions", "priorities", "relations")


@dataclass(frozen=True)
class Fixture:
    folder: str
    council: str
    kind: DocumentKind
    format: str
    split: str

    @property
    def path(self) -> Path:
        folder = CORPUS / self.folder
        return next(folder.glob("source.*"))

    def expected(self) -> DocumentFacts:
        facts = yaml.safe_load((CORPUS / self.folder / "facts.yaml").read_text("utf-8"))
        document = facts.get("document") or {}

        def line(entry: dict[str, Any]) -> int:
            return int(entry.get("line") or entry.get("page") or entry.get("paragraph") or 0)

        return DocumentFacts(
            kind=KINDS[facts["kind"]],
            title=document.get("title"),
            date=document.get("date"),
            body=document.get("body"),
            people=[
                PersonFact(
                    p["name"],
                    p["role"],
                    line(p),
                    p.get("honorific"),
                    p.get("title"),
                    p.get("organisation"),
                    p.get("substitute_for"),
                )
                for p in facts.get("people", [])
            ],
            agenda_items=[
                AgendaFact(a.get("number"), a.get("title"), line(a))
                for a in facts.get("agenda_items", [])
            ],
            actions=[
                ActionFact(a["text"], line(a), a.get("owner"), a.get("due"))
                for a in facts.get("actions", [])
            ],
            priorities=[
                PriorityFact(
                    p["text"],
                    p["kind"],
                    line(p),
                    p.get("timescale"),
                    p.get("lead"),
                    p.get("portfolio_holder"),
                )
                for p in facts.get("priorities", [])
            ],
            relations=[
                RelationFact(r["from"], r["type"], r["to"], r["quote"], line(r))
                for r in facts.get("relations", [])
            ],
        )


def fixtures(split: str | None = None) -> list[Fixture]:
    """The corpus, or one split of it ("tuning" or "heldout")."""
    manifest = yaml.safe_load((CORPUS / "MANIFEST.yaml").read_text("utf-8"))
    every = [
        Fixture(d["folder"], d["council"], KINDS[d["kind"]], d["format"], d["split"])
        for d in manifest["documents"]
    ]
    return [f for f in every if split is None or f.split == split]


def words(text: str | None) -> str:
    """Text as compared: lower case, letters and digits, single spaces."""
    return " ".join(re.findall(r"[a-z0-9]+", (text or "").casefold()))


def similar(a: str | None, b: str | None, threshold: float = 85.0) -> bool:
    """Nearly the same words. Sentences cut at another place still match, but a few
    words do not match a much longer text that contains them ("Partnership" is not
    "Safe Durham Partnership")."""
    if not a or not b:
        return not a and not b
    first, second = words(a), words(b)
    shorter, longer = sorted((len(first.split()), len(second.split())))
    if shorter < 0.6 * longer:
        return False
    return fuzz.token_set_ratio(first, second) >= threshold


def same_body(a: str | None, b: str | None) -> bool:
    """Whether `b`, as found, names the body `a` as expected does: nearly the same name,
    or one the acronym the other spells out and gives in brackets ("SAB" is "Safeguarding
    Adults Board (SAB)", as a reader takes it). A qualifier in brackets names no one else:
    "Jo Smith (NHS Devon)" is "Jo Smith". A body the reader wrote down by its kind alone,
    as the text names it ("the partnership"), is the body of that kind the extractor names
    in full ("Rochdale Safer Communities Partnership", "Bedfordshire Police and Crime Panel
    (PCP)" for "The Panel", "Heart of the South West Joint Committee" for "joint committee",
    a kind of two or three words in lower case, where the name found ends in them
    capitalised); not the other way round. A leading "the" names no other body: "the
    Police" is "Police"."""
    a, b = _without_article(a), _without_article(b)
    spelled = re.compile(r".+\s\((?P<acronym>[^()]+)\)")
    for short, full in ((a, b), (b, a)):
        long_form = spelled.fullmatch(full or "")
        if short and long_form and words(short) == words(long_form["acronym"]):
            return True
    in_full = re.sub(r"\s*\([^()]*\)$", "", b or "")  # its acronym aside
    found = words(in_full).split()
    kind = words(a).split()
    one_word = re.fullmatch(r"[a-z]+", a or "", re.IGNORECASE)  # "the Panel", "the partnership"
    several = re.fullmatch(r"[a-z]+(?:\s+[a-z]+){1,2}", a or "") and all(
        word[:1].isupper() for word in in_full.split()[-len(kind) :]
    )  # "joint committee" for a name that ends "Joint Committee"
    if (one_word or several) and len(found) > len(kind) and found[-len(kind) :] == kind:
        return True
    qualified = re.compile(r"(?P<name>.+?)\s+\([^()]+\)")
    for short, full in ((a, b), (b, a)):
        named = qualified.fullmatch(full or "")
        if short and named and similar(short, named["name"], 80):
            return True
    return similar(a, b, 80)


def person_name(fact: PersonFact) -> str:
    return words(fact.name or fact.title)


_OWNER_LEADS = re.compile(r"(?:(?:is|are|will|would|agreed|agrees)\s)?to\s|(?:will|would|shall)\s")
"""What follows an owner who leads the task's words: "IJ to ...", "Kay is to ...", "HB will
...", "HB will to ..."."""


def task(text: str | None, owner: str | None) -> str:
    """An action's words without its owner in front ("IJ to attend" owned by IJ is
    "attend"). The owner is matched on its own; councils and readers differ on whether the
    task's words repeat it (of 125 tuning actions with an owner, 53 do), and a short task
    otherwise misses for the owner's words alone."""
    said = words(text)
    names = words(owner).split()
    for lead in (" ".join(names), names[0] if names else ""):
        if lead and said.startswith(lead + " "):
            rest = said[len(lead) + 1 :]
            connector = _OWNER_LEADS.match(rest + " ")
            if connector:
                return rest[connector.end() :].strip()
    return said


def _without_article(owner: str | None) -> str | None:
    """A name without a leading "the": "the Clerk" and "Clerk" are one owner, "the Police"
    and "Police" one body, and readers and documents differ on the article."""
    return re.sub(r"^the\s+", "", owner, flags=re.IGNORECASE) if owner else owner


MATCHERS: dict[str, Callable[[Any, Any], bool]] = {
    "people": lambda e, f: e.role == f.role and similar(person_name(e), person_name(f), 90),
    "agenda_items": lambda e, f: (
        similar(e.title, f.title) if e.title else words(e.number) == words(f.number)
    ),
    "actions": lambda e, f: (
        similar(task(e.text, e.owner), task(f.text, f.owner), 75)
        and similar(_without_article(e.owner), _without_article(f.owner))
    ),
    "priorities": lambda e, f: (
        similar(e.text, f.text, 80)
        and similar(e.timescale, f.timescale)
        and similar(e.lead, f.lead)
        and similar(e.portfolio_holder, f.portfolio_holder)
    ),
    "relations": lambda e, f: (
        e.type == f.type and same_body(e.source, f.source) and same_body(e.target, f.target)
    ),
}


@dataclass
class Score:
    """Counts for one kind of fact over some documents."""

    found: int = 0
    expected: int = 0
    matched: int = 0
    missed: list[str] = field(default_factory=list, repr=False)
    wrong: list[str] = field(default_factory=list, repr=False)
    """Kept out of the repr: a failed assertion shows the repr, and held-out facts are never
    shown."""

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    def add(self, folder: str, expected: Sequence[Any], found: Sequence[Any], kind: str) -> None:
        matches = MATCHERS[kind]
        unmatched = list(found)
        for fact in expected:
            partner = next((f for f in unmatched if matches(fact, f)), None)
            if partner is None:
                self.missed.append(f"{folder}: {fact}")
            else:
                unmatched.remove(partner)
                self.matched += 1
        self.wrong.extend(f"{folder}: {fact}" for fact in unmatched)
        self.expected += len(expected)
        self.found += len(found)


def score(
    pairs: Iterable[tuple[Fixture, DocumentFacts]],
) -> dict[str, Score]:
    """Precision and recall of every kind of fact over (fixture, extracted facts) pairs."""
    scores = {kind: Score() for kind in FACT_KINDS}
    for fixture, found in pairs:
        expected = fixture.expected()
        for kind in FACT_KINDS:
            scores[kind].add(fixture.folder, getattr(expected, kind), getattr(found, kind), kind)
    return scores


def table(scores: dict[str, Score]) -> str:
    rows = [f"{'facts':<14}{'expected':>9}{'found':>7}{'matched':>8}{'recall':>8}{'precision':>10}"]
    for kind, s in scores.items():
        rows.append(
            f"{kind:<14}{s.expected:>9}{s.found:>7}{s.matched:>8}"
            f"{s.recall:>8.0%}{s.precision:>10.0%}"
        )
    return "\n".join(rows)
