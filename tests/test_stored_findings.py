"""The findings each load keeps are the findings the full question works out: the same
ones, in the same order, with the same bodies, words and sources, for the public and for
officers; a later load and a release with other rules keep them current."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver
from neo4j.graph import Node

from govgraph.cli import main
from graph.settings import Neo4jSettings
from loaders.dataset import read_dataset
from queries import findings, questions, stored
from tests.conftest import FIXTURES, KIRKLEES, load_dataset
from usecases.graph_store import GraphStore

DATASETS = [
    KIRKLEES,
    FIXTURES / "findings_eval" / "eastbrook",
    FIXTURES / "findings_eval" / "westmere",
]


def plain(value: Any) -> Any:
    """A finding as data: each node by its id, so that two answers compare."""
    if isinstance(value, Node):
        return value.get("id")
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


_FIELDS = ", ".join(
    f"{name}: CASE WHEN f.{stored.NODE} IS NULL THEN f.{name} ELSE {kept.replace('%(v)s', 'f')} END"
    for name, kept in stored.KEPT.items()
)
WHOLE = f"[f IN value | {{kind: f.kind, explanation: f.explanation, {_FIELDS}}}]"
"""Each finding bound to `value` whole: a kept one read from its node as the API reads it
(schema.declare.part), one worked out as it is."""


def answer(driver: Driver, database: str, cypher: str, officer: bool) -> list[Any]:
    records, _, _ = driver.execute_query(
        f"CALL () {{ {cypher} RETURN value }} RETURN {WHOLE} AS value",
        officer=officer,
        asOf=None,
        database_=database,
    )
    found: list[Any] = plain(records[0]["value"])
    for finding in found:  # the full question gathers evidence in no set order
        finding["sources"].sort(key=lambda s: (str(s["document"]), s["lines"], s["quote"]))
    return found


@pytest.mark.parametrize("officer", [False, True], ids=["public", "officer"])
def test_stored_findings_are_the_worked_out_ones(
    driver: Driver, database: str, officer: bool
) -> None:
    for root in DATASETS:
        load_dataset(driver, database, root)
    for name, rules in stored.RULES.items():
        worked_out = answer(driver, database, rules, officer)
        kept = answer(driver, database, stored.stored(name), officer)
        assert worked_out, f"no {name} to compare"
        assert len(kept) == len(worked_out), name
        for mine, theirs in zip(kept, worked_out, strict=True):
            for key in theirs:
                assert mine[key] == theirs[key], (name, key, theirs["explanation"])


def test_findings_of_restricted_records_are_kept_apart_from_the_public(
    driver: Driver, database: str
) -> None:
    load_dataset(driver, database, KIRKLEES)
    public = answer(driver, database, stored.stored("gaps"), officer=False)
    officers = answer(driver, database, stored.stored("gaps"), officer=True)
    assert len(officers) >= len(public)
    assert public == answer(driver, database, findings.GAPS, officer=False)


def test_a_later_load_and_other_rules_bring_the_stored_findings_up_to_date(
    driver: Driver, database: str, settings: Neo4jSettings
) -> None:
    load_dataset(driver, database, KIRKLEES)
    before = answer(driver, database, stored.stored("overlaps"), officer=True)
    load_dataset(driver, database, DATASETS[1])
    after = answer(driver, database, stored.stored("overlaps"), officer=True)
    assert after == answer(driver, database, findings.OVERLAPS, officer=True)
    assert len(after) > len(before)

    driver.execute_query(
        "MATCH (s:FindingsState) SET s.fingerprint = 'older rules' "
        "WITH s MATCH (f:Finding) DETACH DELETE f",
        database_=database,
    )
    assert answer(driver, database, stored.stored("overlaps"), officer=True) == []
    assert stored.ensure_current(driver, database)
    assert answer(driver, database, stored.stored("overlaps"), officer=True) == after
    assert not stored.ensure_current(driver, database)

    GraphStore(settings, driver=driver).load(read_dataset(DATASETS[2]), findings=False)
    assert stored.ensure_current(driver, database)  # a load whose findings never ran
    assert answer(driver, database, stored.stored("overlaps"), officer=True) == answer(
        driver, database, findings.OVERLAPS, officer=True
    )


def test_loading_several_datasets_keeps_the_findings_of_them_all(
    driver: Driver, settings: Neo4jSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in (("NEO4J_URI", settings.uri), ("NEO4J_USER", settings.user),
                        ("NEO4J_PASSWORD", settings.password),
                        ("NEO4J_DATABASE", settings.database)):  # fmt: skip
        monkeypatch.setenv(name, value)
    assert main(["load", *map(str, DATASETS)]) == 0
    for name, rules in stored.RULES.items():
        kept = answer(driver, settings.database, stored.stored(name), officer=True)
        assert kept == answer(driver, settings.database, rules, officer=True), name


def people(driver: Driver, database: str, cypher: str, **parameters: Any) -> list[str]:
    records, _, _ = driver.execute_query(
        f"CALL () {{ {cypher} RETURN value }} RETURN [p IN value | p.id] AS ids",
        parameters,
        database_=database,
    )
    ids: list[str] = records[0]["ids"]
    return ids


@pytest.mark.parametrize("officer", [False, True], ids=["public", "officer"])
def test_the_seats_each_load_keeps_are_those_sharedmembers_counts(
    driver: Driver, database: str, officer: bool
) -> None:
    for root in DATASETS:
        load_dataset(driver, database, root)
    for area in (None, "kirklees"):
        for least in (1, 2, 3):
            asked = {"officer": officer, "minBodies": least, "area": area, "asOf": None}
            counted, kept = questions.SHARED_MEMBERS, questions.KEPT_SHARED_MEMBERS
            if area is not None:
                counted, kept = questions.in_one_area(counted), questions.in_one_area(kept)
            worked_out = people(driver, database, counted.head, **asked)
            assert people(driver, database, kept.head, **asked) == worked_out, (area, least)
            if least == 2:
                assert worked_out, f"nobody of {area or 'every area'} sits on two bodies"


def kept_nodes(driver: Driver, database: str) -> dict[str, int]:
    """How many nodes of findings and seats there are, by label and generation."""
    records, _, _ = driver.execute_query(
        "MATCH (n:Finding|SeatsHeld|PendingFinding|PendingSeatsHeld|Superseded) "
        "RETURN labels(n)[0] + '@' + toString(n.generation) AS kept, count(*) AS nodes",
        database_=database,
    )
    return {record["kept"]: record["nodes"] for record in records}


def generation_of_readers(driver: Driver, database: str) -> int:
    records, _, _ = driver.execute_query(stored.CURRENT, database_=database)
    generation: int = records[0][0]
    return generation


def test_readers_keep_the_last_generation_until_the_next_is_switched_to(
    driver: Driver, database: str, settings: Neo4jSettings
) -> None:
    load_dataset(driver, database, KIRKLEES)
    before = answer(driver, database, stored.stored("overlaps"), officer=True)
    first = generation_of_readers(driver, database)
    GraphStore(settings, driver=driver).load(read_dataset(DATASETS[1]), findings=False)
    worked_out = answer(driver, database, findings.OVERLAPS, officer=True)
    assert worked_out != before

    with driver.session(database=database) as session:
        generation, loads = session.execute_write(stored.begin)
        stored.work_out(session, generation)
        assert answer(driver, database, stored.stored("overlaps"), officer=True) == before
        assert session.execute_write(stored.switch, generation, loads)
        assert answer(driver, database, stored.stored("overlaps"), officer=True) == worked_out
        assert {kept.split("@")[1] for kept in kept_nodes(driver, database)} == {
            str(first),
            str(generation),
        }
        session.run(stored.SWEEP).consume()
    left = kept_nodes(driver, database)
    assert set(left) == {f"Finding@{generation}", f"SeatsHeld@{generation}"}, left
    assert not stored.ensure_current(driver, database)


def test_a_generation_finished_after_a_newer_one_is_not_switched_to(
    driver: Driver, database: str, settings: Neo4jSettings
) -> None:
    load_dataset(driver, database, KIRKLEES)
    with driver.session(database=database) as session:
        older, older_loads = session.execute_write(stored.begin)
        GraphStore(settings, driver=driver).load(read_dataset(DATASETS[1]), findings=False)
        newer, newer_loads = session.execute_write(stored.begin)
        assert newer > older and newer_loads != older_loads
        stored.work_out(session, newer)
        assert session.execute_write(stored.switch, newer, newer_loads)
        stored.work_out(session, older)
        assert not session.execute_write(stored.switch, older, older_loads)
        session.run(stored.SWEEP).consume()
    assert generation_of_readers(driver, database) == newer
    assert set(kept_nodes(driver, database)) == {f"Finding@{newer}", f"SeatsHeld@{newer}"}
    assert answer(driver, database, stored.stored("overlaps"), officer=True) == answer(
        driver, database, findings.OVERLAPS, officer=True
    )
    assert not stored.ensure_current(driver, database)


def test_a_generation_never_finished_is_swept_by_the_next(driver: Driver, database: str) -> None:
    load_dataset(driver, database, KIRKLEES)
    with driver.session(database=database) as session:
        abandoned, _ = session.execute_write(stored.begin)
        session.execute_write(stored.keep, abandoned, "overlaps", True)
    assert f"PendingFinding@{abandoned}" in kept_nodes(driver, database)
    assert stored.refresh(driver, database)
    current = generation_of_readers(driver, database)
    assert current > abandoned
    assert set(kept_nodes(driver, database)) == {f"Finding@{current}", f"SeatsHeld@{current}"}
