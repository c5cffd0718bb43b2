"""The ingest use case: files in, one dataset directory out, every file or none.

Each file is read, its kind detected (or taken from the caller), its facts extracted, and
its records added to a draft of the dataset; only when every file went through and the
whole dataset validates is anything written. A problem with one file is reported with the
others, one line each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from loaders.files import writable_directory
from loaders.ingest.classify import Classification, classify
from loaders.ingest.decision import read_decision
from loaders.ingest.decisions import Applied
from loaders.ingest.facts import DocumentFacts, DocumentKind
from loaders.ingest.minutes import read_minutes
from loaders.ingest.plans import read_plan
from loaders.ingest.read import read
from loaders.ingest.structure import read_structure
from loaders.ingest.text import Text, UnreadableDocument
from loaders.ingest.write import Draft, IngestFailed, Outcome

KINDS: tuple[DocumentKind, ...] = ("minutes", "plan", "governance", "decision")

EXTRACTORS: dict[DocumentKind, Callable[[Text], DocumentFacts]] = {
    "minutes": read_minutes,
    "plan": read_plan,
    "governance": read_structure,
    "decision": read_decision,
}

WHAT_EACH_KIND_HOLDS: dict[DocumentKind, tuple[str, Callable[[DocumentFacts], bool]]] = {
    "minutes": ("no attendance or agenda", lambda f: bool(f.people or f.agenda_items)),
    "plan": ("no priorities, objectives, actions or deliverables", lambda f: bool(f.priorities)),
    "governance": ("no relations between bodies", lambda f: bool(f.relations)),
    "decision": (
        "no decision, actions or people",
        lambda f: bool(f.actions or f.priorities or f.people or f.relations),
    ),
}
"""What a document of each kind must yield to be taken for one: minutes without anyone
attending or any agenda are not minutes, whatever else they say."""


@dataclass(frozen=True)
class Ingested:
    """One file's part in an ingest: what it was taken for and why, and what it added."""

    path: Path
    kind: DocumentKind
    why: str
    outcome: Outcome


@dataclass(frozen=True)
class Ingestion:
    """What an ingest did: each file's part, and what the reviewer's decisions changed."""

    documents: list[Ingested]
    decided: Applied


def ingest(
    paths: Sequence[Path],
    into: Path,
    *,
    kind: DocumentKind | None = None,
    body: str | None = None,
    area: str | None = None,
) -> Ingestion:
    """Add the documents at `paths` to the dataset at `into` (made when it is none), and
    apply the reviewer's decisions (decisions.yaml) to the whole of it."""
    writable_directory(into)
    draft = Draft(into, area)
    done: list[Ingested] = []
    problems: list[str] = []
    for path in paths:
        try:
            done.append(_one(draft, path, kind, body))
        except (UnreadableDocument, IngestFailed) as problem:
            problems.append(f"{path}: {problem}" if isinstance(problem, UnreadableDocument)
                            else str(problem))  # fmt: skip
    if problems:
        raise IngestFailed([*problems, f"{into}: nothing was written"])
    if any(not item.outcome.unchanged for item in done) or not draft.decisions.empty:
        draft.commit()
    return Ingestion(done, draft.decided)


READ_AS_ENOUGH: dict[DocumentKind, tuple[str, int, Callable[[DocumentFacts], list[Any]]]] = {
    "minutes": ("people listed at a meeting", 5, lambda f: f.people),
    "plan": ("priorities, objectives or actions", 4, lambda f: f.priorities),
    "governance": ("relations between bodies", 3, lambda f: f.relations),
}
"""What a document must yield, read as a kind, to be taken for one when its headings and
phrases do not tell: few documents of another kind yield five people at a meeting, four
priorities or three relations between bodies."""


@lru_cache(maxsize=len(KINDS))
def _read_as(kind: DocumentKind, text: Text) -> DocumentFacts:
    """A document's facts read as one kind: a document `detect` had to read as each kind is
    not read again once its kind is chosen. (Callers make new facts, never change these.)"""
    return EXTRACTORS[kind](text)


def detect(text: Text) -> Classification:
    """The kind of a document: by its cues, else, when they are too few or two kinds' cues
    weigh the same, by what reading it as each kind (or each of the two) yields, if exactly
    one yields enough. A tie with a kind that cannot be read that way (a decision) stays
    undecided: only one side of it could be weighed."""
    classification = classify(text)
    if classification.kind is not None:
        return classification
    candidates = classification.tied or tuple(READ_AS_ENOUGH)
    if not all(kind in READ_AS_ENOUGH for kind in candidates):
        return classification
    yielding = []
    for kind in candidates:
        what, enough, facts_of = READ_AS_ENOUGH[kind]
        found = facts_of(_read_as(kind, text))
        if len(found) >= enough:
            yielding.append((kind, f"{len(found)} {what}, the first at line {found[0].line}"))
    if len(yielding) != 1:
        return classification
    kind, evidence = yielding[0]
    if classification.tied:
        first, second = classification.tied
        why = f"{first} and {second} are equally likely by their cues"
    else:
        why = "no heading or phrase says so"
    return Classification(kind, f"{kind}: {why}, but read as {kind} it gives {evidence}")


def _one(draft: Draft, path: Path, kind: DocumentKind | None, body: str | None) -> Ingested:
    text = read(path)
    if kind is None:
        classification = detect(text)
        if classification.kind is None:
            raise IngestFailed(
                [f"{path}: could not tell what kind of document this is "
                 f"({classification.reason}); give --kind"]
            )  # fmt: skip
        chosen, why = classification.kind, classification.reason
    else:
        chosen, why = kind, "as --kind says"
    facts = _read_as(chosen, text)
    if body:
        facts = replace(facts, body=body)
    missing, holds = WHAT_EACH_KIND_HOLDS[chosen]
    if not holds(facts):
        raise IngestFailed(
            [f"{path}: read as {chosen}, but found {missing}; "
             "is it that kind of document? (--kind)"]
        )  # fmt: skip
    return Ingested(path, chosen, why, draft.add(text, facts, facts.day()))
