"""The synthetic data the benchmark runs on is valid canonical data, the same every time,
and shaped like Kirklees: its planted overlaps and gaps are found."""

from __future__ import annotations

from pathlib import Path

from neo4j import Driver

from graph.settings import Neo4jSettings
from loaders.dataset import Dataset, read_dataset
from loaders.records import Commitment
from loaders.synth import synthesize, synthesize_regions
from queries.questions import recorded
from tests.conftest import load_dataset
from usecases.graph_store import GraphStore

FINDINGS = """{ overlaps: governanceOverlaps { kind subject { id } bodies { id } }
  gaps: governanceGaps { kind subject { id } } }"""


def test_the_same_seed_writes_the_same_valid_dataset(tmp_path: Path) -> None:
    first = synthesize(tmp_path / "a", partnerships=2, years=2, seed=7)
    second = synthesize(tmp_path / "b", partnerships=2, years=2, seed=7)
    assert first == second
    for name in ("p00000.yaml", "p00001.yaml", "documents/p00001.txt"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert len(read_dataset(tmp_path / "a").records) == first


def test_the_planted_overlaps_and_gaps_are_found(
    driver: Driver, database: str, settings: Neo4jSettings, tmp_path: Path
) -> None:
    synthesize(tmp_path / "synth", partnerships=2, years=2)
    load_dataset(driver, database, tmp_path / "synth")

    answered = GraphStore(settings).answer(FINDINGS).data
    assert answered is not None
    findings = answered["overlaps"] + answered["gaps"]
    found = {(f["kind"], f["subject"]["id"]) for f in findings}
    assert ("OWNERSHIP_GOVERNANCE_SPLIT", "workstream/p00000-domestic-abuse") in found
    assert ("MULTIPLE_REPORTING", "plan/p00000-domestic-abuse-strategy") in found
    assert ("NO_GROUP", "workstream/p00000-domestic-abuse") in found
    assert ("NO_STRATEGY", "workstream/p00000-prevent") in found
    assert ("NO_INDICATORS", "workstream/p00000-hate-crime") in found
    assert ("NO_LEAD", "commitment/p00000-2015-6") in found
    assert ("NO_GROUP", "workstream/p00000-prevent") not in found


def test_word_for_word_duplicates_are_sought_within_an_area_not_across_areas(
    driver: Driver, database: str, settings: Neo4jSettings, tmp_path: Path
) -> None:
    """Every partnership words its actions alike ("Deliver action 1 on Prevent for 2016"); loaded as
    two areas, no plan of one is a duplicate of a plan of the other."""
    regions = synthesize_regions(tmp_path / "areas", partnerships=2, years=2, regions=2)
    wordings = [
        {
            item.record.name
            for item in read_dataset(region).records
            if isinstance(item.record, Commitment)
        }
        for region in regions
    ]
    assert wordings[0] & wordings[1]  # the same words in both areas
    for region in regions:
        load_dataset(driver, database, region)
    answered = GraphStore(settings).answer(FINDINGS).data
    assert answered is not None
    duplicates = [f for f in answered["overlaps"] if f["kind"] == "DUPLICATE_COMMITMENT"]
    areas = [{body["id"].split("/")[1].split("-")[0] for body in f["bodies"]} for f in duplicates]
    assert all(len(partnerships) == 1 for partnerships in areas), areas


def test_regions_split_the_same_partnerships_into_datasets(tmp_path: Path) -> None:
    """A national picture in areas: the same records as one dataset, each area loadable."""
    synthesize(tmp_path / "whole", partnerships=3, years=2)
    regions = synthesize_regions(tmp_path / "areas", partnerships=3, years=2, regions=2)
    assert [path.name for path in regions] == ["region-00", "region-01"]
    whole = read_dataset(tmp_path / "whole")
    parts = [read_dataset(path) for path in regions]
    assert {p.info.name for p in parts} == {"synthetic-00", "synthetic-01"}

    def records(*datasets: Dataset) -> list[str]:
        return sorted(item.record.model_dump_json() for d in datasets for item in d.records)

    assert records(*parts) == records(whole)


def test_findings_members_and_commitments_are_asked_for_one_area(
    driver: Driver, database: str, settings: Neo4jSettings, tmp_path: Path
) -> None:
    """A reviewer for one partnership asks for hers: each area's answers, together, are the
    whole country's, and no item of one area turns up in another's. The findings of a date
    are worked out from the area's own records, and must be the same as the country's
    sifted."""
    regions = synthesize_regions(tmp_path / "areas", partnerships=2, years=2, regions=2)
    names = [read_dataset(region).info.name for region in regions]
    for region in regions:
        load_dataset(driver, database, region)
    finding = "kind subject { id } bodies { id } explanation sources { document { id } lines }"
    dated = 'asOf: "2016-06-01", '
    fields = [
        ("governanceOverlaps", "", finding),
        ("governanceGaps", "", finding),
        ("governanceOverlaps", dated, finding),
        ("governanceGaps", dated, finding),
        ("sharedMembers", "", "id"),
        ("commitments", "", "id"),
        ("overdue", 'asOf: "2030-01-01", ', "id"),
    ]
    for field, arguments, selection in fields:
        first = 300 if selection == finding else 10000  # within the cost allowed
        query = (
            "{ "
            + " ".join(
                f"{alias}: {field}({arguments}first: {first}{area}) {{ {selection} }}"
                for alias, area in [
                    ("all", ""),
                    *((f"a{i}", f', area: "{name}"') for i, name in enumerate(names)),
                ]
            )
            + " }"
        )
        with recorded() as asked:
            answered = GraphStore(settings).answer(query)
        data = answered.data
        assert data is not None, (query, answered.errors)
        if arguments == dated:  # worked out for the area alone
            assert any("InAreaPrelude" in text and ".dataset = $area" in text for text, _ in asked)
        found = [sorted(map(str, data[f"a{i}"])) for i in range(len(names))]
        assert all(found), (field, arguments, "each area has some")
        every = sorted(map(str, data["all"]))
        assert len(every) < first, (field, arguments, "the whole list, not a page of it")
        assert sorted(item for items in found for item in items) == every, (field, arguments)
        for i in range(len(names)):  # in the whole list's order
            own = list(map(str, data[f"a{i}"]))
            assert [item for item in map(str, data["all"]) if item in own] == own, field
