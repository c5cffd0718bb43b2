"""Kirklees through the same door: `govgraph ingest` of the five Kirklees documents set
beside the hand-written data/kirklees, fact kind by fact kind. What the hand-written
dataset holds beyond this (notes, alias decisions, the meeting the pack's minutes belong
to, outcome pages' RAG ratings) is judgement extraction does not make; the README gives the
figures."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from loaders.dataset import Dataset, read_dataset
from loaders.ingest.minutes import read_minutes
from loaders.ingest.pipeline import ingest
from loaders.ingest.read import read
from loaders.ingest.resolve import person_key
from loaders.records import Commitment, Document, Meeting, Person, Role
from tests.conftest import KIRKLEES
from tests.ingest_corpus import fixtures, similar

FLOORS = {
    "people at meetings": 0.90,
    "agenda items": 0.55,
    "actions agreed": 0.35,
    "plan commitments": 0.55,
}
"""The share of hand-written facts of each kind that ingestion reproduces (recall)."""


def attendance(dataset: Dataset) -> set[tuple[str, str, str]]:
    """(person, part, day) for everyone listed at a meeting or on a dated member list: the
    day tells the meeting an agenda pack's own front page lists from the one whose minutes
    it carries."""
    people = {i.record.id: i.record for i in dataset.of("people") if isinstance(i.record, Person)}
    days = {
        i.record.id: i.record.date for i in dataset.of("meetings") if isinstance(i.record, Meeting)
    }
    found: set[tuple[str, str, str]] = set()
    for item in dataset.of("roles"):
        role = item.record
        assert isinstance(role, Role)
        day = days.get(dataset.ref(item, "meeting")) if role.meeting else role.listed_on
        if day and role.kind.value in ("chair", "member", "attendee", "apology"):
            person = people.get(dataset.ref(item, "person")) if role.person else None
            if person is not None:
                found.add((person_key(person.name), role.kind.value, str(day)))
    return found


def agenda(dataset: Dataset) -> list[str]:
    return [
        agenda.title
        for item in dataset.of("meetings")
        if isinstance(item.record, Meeting)
        for agenda in item.record.agenda
    ]


def commitments(dataset: Dataset, *, agreed: bool) -> list[str]:
    return [
        item.record.name
        for item in dataset.of("commitments")
        if isinstance(item.record, Commitment)
        and (item.record.kind.value == "action agreed") == agreed
    ]


def recall(expected: Iterable[str], found: Iterable[str]) -> tuple[int, int, float]:
    """How many expected texts have a nearly identical partner among those found."""
    remaining = list(found)
    matched = 0
    expected = list(expected)
    for text in expected:
        partner = next((f for f in remaining if similar(text, f, 80)), None)
        if partner is not None:
            remaining.remove(partner)
            matched += 1
    return matched, len(expected), matched / len(expected) if expected else 1.0


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dataset, Dataset]:
    into = tmp_path_factory.mktemp("kirklees") / "ingested"
    files = sorted((KIRKLEES / "documents").glob("*.txt"))
    assert len(files) == 5
    ingest(files, into, area="Kirklees")
    return read_dataset(KIRKLEES), read_dataset(into)


def test_ingest_reproduces_what_the_hand_written_kirklees_dataset_holds(
    both: tuple[Dataset, Dataset], capsys: pytest.CaptureFixture[str]
) -> None:
    written, ingested = both
    people = attendance(written)
    found_people = attendance(ingested)
    measured = {
        "people at meetings": (
            len(people & found_people),
            len(people),
            len(people & found_people) / len(people),
        ),
        "agenda items": recall(agenda(written), agenda(ingested)),
        "actions agreed": recall(
            commitments(written, agreed=True), commitments(ingested, agreed=True)
        ),
        "plan commitments": recall(
            commitments(written, agreed=False), commitments(ingested, agreed=False)
        ),
    }
    with capsys.disabled():
        print("\nKirklees, ingested against hand-written:")
        for kind, (matched, total, share) in measured.items():
            print(f"  {kind:<20}{matched:>4} of {total:<4}{share:>6.0%}")
    for kind, floor in FLOORS.items():
        assert measured[kind][2] >= floor, kind


def test_every_ingested_kirklees_fact_cites_its_document_and_line(
    both: tuple[Dataset, Dataset],
) -> None:
    """read_dataset has checked each quote against its lines; here, that every record has
    one and the documents kept are the five given."""
    _, ingested = both
    documents = [d.record for d in ingested.of("documents") if isinstance(d.record, Document)]
    assert len(documents) == 5
    assert all((ingested.root / "documents" / d.file).exists() for d in documents)
    unsourced = [i for i in ingested.records if not getattr(i.record, "sources", [1])]
    assert unsourced == []


def test_an_agenda_pack_keeps_the_minutes_it_carries_at_their_own_meeting(
    both: tuple[Dataset, Dataset],
) -> None:
    """The pack for 18 March 2016 lists the Executive's members on its front page and
    carries the minutes of 10 December 2015: who attended and who sent apologies then
    belongs to December's meeting, not to the meeting the pack is for."""
    _, ingested = both
    dates = {
        i.record.date.isoformat() for i in ingested.of("meetings") if isinstance(i.record, Meeting)
    }
    assert {"2016-03-18", "2015-12-10"} <= dates
    listed = attendance(ingested)
    assert ("tony cooke", "apology", "2015-12-10") in listed
    assert ("graham turner", "chair", "2015-12-10") in listed
    assert ("graham turner", "member", "2016-03-18") in listed
    march = {part for _, part, day in listed if day == "2016-03-18"}
    assert march == {"member"}


def test_no_single_meeting_of_the_corpus_is_read_as_several() -> None:
    """A later date with a body's name above it opens a meeting only when a list of people
    follows: dates in prose, "Date of next meeting" and report dates open none."""
    split = [
        f.folder
        for f in fixtures("tuning")
        if f.kind == "minutes" and read_minutes(read(f.path)).later_meetings
    ]
    assert split == []
