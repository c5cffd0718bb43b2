"""decisions.yaml: a reviewer's answers to what ingestion could not settle, applied to the
whole dataset at every ingest, documents ingested before included, and never lost when a
document is read again."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from govgraph.cli import main
from loaders.dataset import read_dataset
from loaders.records import Organisation, Person, Role

MARCH = """Safer Northvale Partnership Board
Minutes of the meeting held on Tuesday 4 March 2025 at Northvale Town Hall

Present:
Councillor Priya Shah (Chair) - Northvale Council
Peter Shah - Northvale Police
Dana Okafor - Northvale

1. Welcome and introductions
ACTION: Dana Okafor to circulate the draft strategy by 30 April 2025.
"""

JUNE = """Safer Northvale Partnership Board
Minutes of the meeting held on Tuesday 3 June 2025 at Northvale Town Hall

Present:
Cllr Shah (Chair) - Northvale Council
Dana Okafor - Probation Service

1. Serious violence duty
ACTION: The Chair to write to the Home Office about funding.
"""

DECISIONS = """same:
  - [Councillor Priya Shah, Shah]
no_one:
  - Northvale
"""


@pytest.fixture
def minutes(tmp_path: Path) -> list[Path]:
    files = [tmp_path / "march.txt", tmp_path / "june.txt"]
    for file, text in zip(files, (MARCH, JUNE), strict=True):
        file.write_text(text, encoding="utf-8")
    return files


def ingest(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main(["ingest", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out, err


def doubts(root: Path) -> list[dict[str, str]]:
    """review.yaml's entries; none when there is no review.yaml."""
    review = root / "review.yaml"
    return yaml.safe_load(review.read_text())["review"] if review.exists() else []


def people(root: Path) -> dict[str, Person]:
    return {i.record.id: i.record for i in read_dataset(root).of("people")
            if isinstance(i.record, Person)}  # fmt: skip


def organisations(root: Path) -> set[str]:
    return {i.record.name for i in read_dataset(root).of("organisations")
            if isinstance(i.record, Organisation)}  # fmt: skip


def test_without_decisions_an_ambiguous_name_and_a_place_are_recorded_apart_for_review(
    tmp_path: Path, minutes: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    into = tmp_path / "northvale"
    assert ingest(capsys, *minutes, "--into", into)[0] == 0
    assert {"Priya Shah", "Peter Shah", "Shah"} <= {p.name for p in people(into).values()}
    assert "Northvale" in organisations(into)
    assert any("'Shah' may be any of person/priya-shah, person/peter-shah" in r["reason"]
               for r in doubts(into))  # fmt: skip


def test_decisions_merge_and_remove_across_documents_ingested_before(
    tmp_path: Path, minutes: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    into = tmp_path / "northvale"
    assert ingest(capsys, *minutes, "--into", into)[0] == 0
    (into / "decisions.yaml").write_text(DECISIONS)

    status, out, err = ingest(capsys, *minutes, "--into", into)

    assert status == 0, err
    assert "1 records merged into others, 1 removed" in out
    dataset = read_dataset(into)  # it validates: every reference points at a record kept
    found = people(into)
    shah = found["person/priya-shah"]
    assert shah.name == "Councillor Priya Shah" and "Shah" in shah.aliases
    assert {s.document for s in shah.sources} == {
        "document/safer-northvale-partnership-board",
        "document/safer-northvale-partnership-board-2",
    }
    assert "person/shah" not in found and "Northvale" not in organisations(into)
    chairs = [
        dataset.ref(item, "person")
        for item in dataset.of("roles")
        if isinstance(item.record, Role) and item.record.kind.value == "chair"
    ]
    assert chairs == ["person/priya-shah", "person/priya-shah"]  # March's and June's
    text = "\n".join(p.read_text() for p in into.glob("*.yaml") if p.name != "decisions.yaml")
    assert "organisation/northvale\n" not in text and "person/shah\n" not in text
    # Dana Okafor's seat stays; only the place her entry named, which was no one, is gone.
    assert "person/dana-okafor" in text
    # The doubt the decision answers is no longer listed for review.
    assert not any("'Shah' may be any of" in r["reason"] for r in doubts(into))


def test_decisions_survive_reingesting_and_change_nothing_the_second_time(
    tmp_path: Path, minutes: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    into = tmp_path / "northvale"
    into.mkdir()
    (into / "decisions.yaml").write_text(DECISIONS)
    assert ingest(capsys, *minutes, "--into", into)[0] == 0
    first = {p.name: p.read_bytes() for p in into.rglob("*") if p.is_file()}
    june = minutes[1]
    june.write_text(JUNE.replace("about funding", "about funding for 2026"), encoding="utf-8")
    assert ingest(capsys, june, "--into", into)[0] == 0  # a new version of June's minutes
    assert "person/shah" not in people(into) and "Northvale" not in organisations(into)
    june.write_text(JUNE, encoding="utf-8")
    assert ingest(capsys, june, "--into", into)[0] == 0
    assert ingest(capsys, *minutes, "--into", into)[0] == 0
    assert {p.name: p.read_bytes() for p in into.rglob("*") if p.is_file()} == first


@pytest.mark.parametrize(
    ("decisions", "problem"),
    [
        ("same:\n  - [Only One Name]\n", "decisions.yaml:2: same: a list of two names or more"),
        ("same:\n  - [A, B]\nnobody: [C]\n", "decisions.yaml:3: nobody: Extra inputs"),
        ("no_one: The Chair\n", "decisions.yaml:1: no_one: Input should be a valid list"),
        ("same: [\n", "decisions.yaml:2: invalid YAML"),
    ],
)
def test_decisions_that_cannot_be_read_are_refused_with_file_and_line_and_nothing_written(
    tmp_path: Path,
    minutes: list[Path],
    capsys: pytest.CaptureFixture[str],
    decisions: str,
    problem: str,
) -> None:
    into = tmp_path / "northvale"
    into.mkdir()
    (into / "decisions.yaml").write_text(decisions)
    status, out, err = ingest(capsys, *minutes, "--into", into)
    assert status == 1 and out == ""
    assert problem in err, err
    assert sorted(p.name for p in into.iterdir()) == ["decisions.yaml"]


@pytest.mark.parametrize(
    "decisions",
    [
        "same:\n  - [Councillor Priya Shah, Shah]\nno_one:\n  - Shah\n",  # merged, then no one
        "same:\n  - [Councillor Priya Shah, Shah]\n  - [Peter Shah, Priya Shah]\n",  # a chain
        "same:\n  - [Councillor Priya Shah, Shah, Northvale]\n",  # a person and a place
    ],
)
def test_decisions_that_meet_each_other_leave_a_dataset_that_validates(
    tmp_path: Path, minutes: list[Path], capsys: pytest.CaptureFixture[str], decisions: str
) -> None:
    into = tmp_path / "northvale"
    into.mkdir()
    (into / "decisions.yaml").write_text(decisions)
    status, _, err = ingest(capsys, *minutes, "--into", into)
    assert status == 0, err
    read_dataset(into)  # every reference points at a record kept
    place = yaml.safe_load((into / "entities.yaml").read_text())["organisations"]
    northvale = next(o for o in place if o["name"] == "Northvale")
    assert "aliases" not in northvale  # a person's names are not given to a place


def test_a_chain_of_decisions_ends_in_one_record(
    tmp_path: Path, minutes: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    into = tmp_path / "northvale"
    into.mkdir()
    (into / "decisions.yaml").write_text(
        "same:\n  - [Councillor Priya Shah, Shah]\n  - [Peter Shah, Priya Shah]\n"
    )
    assert ingest(capsys, *minutes, "--into", into)[0] == 0
    shahs = [p for p in people(into).values() if "Shah" in p.name]
    assert [p.name for p in shahs] == ["Peter Shah"]
    assert {"Priya Shah", "Shah"} <= set(shahs[0].aliases)


def test_a_decision_that_other_records_need_is_refused_naming_the_decisions(
    tmp_path: Path, minutes: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """The meetings are the body's: saying the body is no one cannot stand, and the
    problem says which decision removed what."""
    into = tmp_path / "northvale"
    assert ingest(capsys, *minutes, "--into", into)[0] == 0
    before = {p.name: p.read_bytes() for p in into.rglob("*") if p.is_file()}
    (into / "decisions.yaml").write_text("no_one:\n  - Safer Northvale Partnership Board\n")
    status, _, err = ingest(capsys, *minutes, "--into", into)
    assert status == 1
    assert f"{into.resolve() / 'decisions.yaml'}: the decisions merged or removed body/" in err
    assert err.strip().splitlines()[-1] == f"{into.resolve()}: nothing was written"
    after = {p.name: p.read_bytes() for p in into.rglob("*") if p.is_file()}
    assert {k: v for k, v in after.items() if k != "decisions.yaml"} == before


def test_only_the_doubts_a_decision_answers_leave_review(
    tmp_path: Path, minutes: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    into = tmp_path / "northvale"
    assert ingest(capsys, *minutes, "--into", into)[0] == 0
    before = doubts(into)
    assert before
    (into / "decisions.yaml").write_text("same:\n  - [Dana Okafor, D. Okafor]\n")
    assert ingest(capsys, *minutes, "--into", into)[0] == 0
    assert doubts(into) == before


def test_review_is_left_out_once_nothing_is_left_to_review(
    tmp_path: Path, minutes: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A new version of a document takes its doubts with it; a review.yaml of none is not
    kept (before, the last doubts stayed listed)."""
    march, june = minutes
    into = tmp_path / "northvale"
    assert ingest(capsys, march, june, "--into", into)[0] == 0
    assert any("'Shah' may be any of" in r["reason"] for r in doubts(into))
    june.write_text(JUNE.replace("Cllr Shah (Chair)", "Councillor Priya Shah (Chair)"))
    march.write_text(MARCH.replace("Dana Okafor - Northvale", "Dana Okafor - Probation Service"))
    assert ingest(capsys, march, june, "--into", into)[0] == 0
    assert not (into / "review.yaml").exists()
