"""Loads are atomic, idempotent, guarded against mass deletion, and every fact has a source."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from neo4j import Driver
from neo4j.exceptions import Neo4jError

from graph.names import fold
from graph.rows import NodeRow, SourceRef
from graph.write import DeletionGuard, load
from loaders.dataset import read_dataset
from loaders.project import project
from tests.conftest import FIXTURES, KIRKLEES, load_dataset


def _snapshot(driver: Driver, database: str) -> tuple[int, int, list[str]]:
    records, _, _ = driver.execute_query(
        "MATCH (n:Record) WITH count(n) AS nodes, collect(n.hash) AS hashes "
        "OPTIONAL MATCH (:Record)-[r]->(:Record) RETURN nodes, count(r) AS rels, hashes",
        database_=database,
    )
    return records[0]["nodes"], records[0]["rels"], sorted(records[0]["hashes"])


def test_first_load_creates_and_second_changes_nothing(driver: Driver, database: str) -> None:
    first = load_dataset(driver, database, FIXTURES / "mini")
    assert first.nodes.created == 14 and first.relations.created > 10
    before = _snapshot(driver, database)
    second = load_dataset(driver, database, FIXTURES / "mini")
    assert not second.changed
    assert second.nodes.unchanged == first.nodes.created
    assert second.relations.unchanged == first.relations.created
    assert _snapshot(driver, database) == before


def test_reload_reports_updates_and_removals(driver: Driver, database: str, tmp_path: Path) -> None:
    load_dataset(driver, database, FIXTURES / "mini")
    changed = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", changed)
    data = changed / "data.yaml"
    text = data.read_text().replace(
        "name: Domestic Abuse Board",
        "name: Domestic Abuse Partnership Board\n    aliases: [Domestic Abuse Board]",
    )
    cut = text.index("  - type: LEADS")
    data.write_text(text[:cut])
    diff = load_dataset(driver, database, changed)
    assert (diff.nodes.updated, diff.relations.removed) == (1, 1)
    records, _, _ = driver.execute_query(
        "MATCH (b:Body {id: 'body/domestic-abuse-board'}) RETURN b.name AS name, "
        "COUNT { (:Person)-[:LEADS]->() } AS leads", database_=database)  # fmt: skip
    assert records[0]["name"] == "Domestic Abuse Partnership Board"
    assert records[0]["leads"] == 0


def test_dry_run_writes_nothing(driver: Driver, database: str) -> None:
    diff = load_dataset(driver, database, FIXTURES / "mini", dry_run=True)
    assert diff.nodes.created == 14
    assert "+ body/domestic-abuse-board" in diff.changes
    assert _snapshot(driver, database)[0] == 0


def test_mass_deletion_is_refused_and_nothing_written(
    driver: Driver, database: str, tmp_path: Path
) -> None:
    load_dataset(driver, database, FIXTURES / "mini")
    before = _snapshot(driver, database)
    shrunk = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", shrunk)
    data = shrunk / "data.yaml"
    text = data.read_text()
    data.write_text(text[: text.index("bodies:")])
    with pytest.raises(DeletionGuard, match="more than the allowed 25%"):
        load_dataset(driver, database, shrunk)
    assert _snapshot(driver, database) == before


def test_a_failed_load_leaves_the_previous_graph(driver: Driver, database: str) -> None:
    load_dataset(driver, database, FIXTURES / "mini")
    before = _snapshot(driver, database)
    dataset = read_dataset(FIXTURES / "mini")
    rows = project(dataset)
    poisoned = NodeRow("body/poison", ["Entity", "Body"], {"name": "x", "bad": {"nested": 1}},
                       [SourceRef("document/minutes", "1", "Riverside")])  # fmt: skip
    nodes = [node for node in rows.nodes if node.id != "body/adult-safeguarding"] + [poisoned]
    with pytest.raises((Neo4jError, TypeError)):
        load(driver, database, "mini", "mini", nodes, list(rows.edges.values()))
    assert _snapshot(driver, database) == before


def test_kirklees_loads_and_reloads_without_changes(driver: Driver, database: str) -> None:
    first = load_dataset(driver, database, KIRKLEES)
    assert first.nodes.created > 400
    second = load_dataset(driver, database, KIRKLEES)
    assert not second.changed


def test_every_kirklees_node_and_relation_has_a_source_that_checks_out(
    driver: Driver, database: str
) -> None:
    """Checked from the graph alone: the documents' text travels with the facts."""
    load_dataset(driver, database, KIRKLEES)
    texts, _, _ = driver.execute_query(
        "MATCH (d:Document) RETURN d.id AS id, d.officer_text AS text", database_=database
    )
    documents = {record["id"]: record["text"].splitlines() for record in texts}
    assert len(documents) == 5
    records, _, _ = driver.execute_query(
        "MATCH (n:Record) WHERE NOT n:Document "
        "RETURN n.id AS id, n.src_document AS docs, n.src_lines AS lines, "
        "coalesce(n.officer_src_quote, n.src_quote) AS quotes "
        "UNION ALL MATCH (:Record)-[r]->(:Record) "
        "RETURN r.rid AS id, r.src_document AS docs, r.src_lines AS lines, "
        "coalesce(r.officer_src_quote, r.src_quote) AS quotes",
        database_=database,
    )
    assert len(records) > 1000
    unsourced = [r["id"] for r in records if not r["docs"]]
    assert unsourced == []
    wrong = []
    for record in records:
        for document, lines, quote in zip(
            record["docs"], record["lines"], record["quotes"], strict=True
        ):
            first, _, last = lines.partition("-")
            text = " ".join(documents[document][int(first) - 1 : int(last or first)])
            if fold(quote) not in fold(text):
                wrong.append((record["id"], document, lines))
    assert wrong == []


def test_kirklees_roles_answer_who_chaired_and_who_sat(driver: Driver, database: str) -> None:
    load_dataset(driver, database, KIRKLEES)
    query = """
    MATCH (p:Person)-[:HOLDS]->(r:Role)-[:IN]->(:Body {id: 'body/csp-executive'})
    WHERE r.kind IN $kinds AND r.listed_on <= $on
      AND (r.superseded_on IS NULL OR $on < r.superseded_on)
    RETURN collect(DISTINCT p.name) AS names
    """
    chair_2015 = driver.execute_query(query, kinds=["chair"], on=dt.date(2015, 12, 10),
                                      database_=database).records[0]["names"]  # fmt: skip
    members_2016 = driver.execute_query(query, kinds=["member"], on=dt.date(2016, 3, 18),
                                        database_=database).records[0]["names"]  # fmt: skip
    chair_2016 = driver.execute_query(query, kinds=["chair"], on=dt.date(2016, 3, 18),
                                      database_=database).records[0]["names"]  # fmt: skip
    assert chair_2015 == ["Graham Turner"]
    assert len(members_2016) == 18 and "Gini Whitehead" in members_2016
    assert chair_2016 == []  # the March 2016 list marks no chair


def test_kirklees_da_board_reports_to_the_csp_executive(driver: Driver, database: str) -> None:
    load_dataset(driver, database, KIRKLEES)
    records, _, _ = driver.execute_query(
        "MATCH (:Body {id: 'body/domestic-abuse-partnership-board'})-[r:REPORTS_TO]->(b) "
        "RETURN b.id AS id, r.src_quote AS quotes", database_=database)  # fmt: skip
    assert [r["id"] for r in records] == ["body/csp-executive"]
    assert any("progress reports" in quote for quote in records[0]["quotes"])


def test_restricted_items_are_marked(driver: Driver, database: str) -> None:
    load_dataset(driver, database, KIRKLEES)
    records, _, _ = driver.execute_query(
        "MATCH (a:AgendaItem {restricted: true}) RETURN a.name AS name, a.restriction AS why "
        "UNION ALL MATCH (p:Person) WHERE p.officer_email IS NOT NULL "
        "RETURN p.name AS name, 'contact details' AS why", database_=database)  # fmt: skip
    names = {r["name"] for r in records}
    assert any("Domestic Homicide Review" in name for name in names)
    assert "Alexia Gray" in names
