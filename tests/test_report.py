"""The governance review of the Kirklees graph: what it finds, that it stands alone in a
browser with the network cut off, and that the exports round-trip."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import networkx as nx
import pytest
from neo4j import Driver
from PIL import Image

from graph.settings import Neo4jSettings
from tests.support import neo4j_environment, offline_page

GOVGRAPH = [sys.executable, "-m", "govgraph.cli"]
SECTIONS = [
    "summary", "oversight-map", "overlaps", "gaps", "duplication", "shared-members",
    "timescales", "sources",
]  # fmt: skip


def govgraph(settings: Neo4jSettings, *args: str) -> str:
    environment = neo4j_environment(settings)
    done = subprocess.run([*GOVGRAPH, *args], env=environment, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def review(kirklees: Neo4jSettings, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("review")
    assert "index.html" in govgraph(kirklees, "report", "--out", str(out))
    return out


def table(review: Path, name: str) -> list[dict[str, str]]:
    with (review / name).open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def rows_about(rows: list[dict[str, str]], subject: str) -> dict[str, dict[str, str]]:
    return {row["kind"]: row for row in rows if row["subject id"] == subject}


def test_the_review_shows_the_kirklees_overlaps_with_their_quotes(review: Path) -> None:
    overlaps = table(review, "overlaps.csv")
    for area in ("workstream/domestic-abuse", "workstream/forced-marriage"):
        split = rows_about(overlaps, area)["OWNERSHIP_GOVERNANCE_SPLIT"]
        assert split["bodies"] == "Safer Kirklees; Adults Safeguarding Board"
        assert (
            "Under CSP Governance although strategy owned by Adult Safeguarding"
            in (split["sources"])
        )
    prevent = rows_about(overlaps, "workstream/prevent")["MULTIPLE_REPORTING"]
    assert prevent["explanation"].startswith("Prevent reports to 4 bodies")
    assert "two way reporting structure" in prevent["sources"]
    strategy = rows_about(overlaps, "plan/da-strategy-2015-18")["MULTIPLE_REPORTING"]
    assert "reported to or scrutinised by 9 bodies" in strategy["explanation"]
    assert "Health and Wellbeing Board" in strategy["bodies"]


def test_the_review_shows_the_kirklees_gaps(review: Path) -> None:
    gaps = table(review, "gaps.csv")
    fgm = rows_about(gaps, "workstream/female-genital-mutilation")
    assert {"NO_STRATEGY", "NO_GROUP", "NO_INDICATORS"} <= set(fgm)
    assert "There are no performance measures in place" in fgm["NO_INDICATORS"]["sources"]
    for area in ("workstream/hate-crime", "workstream/road-safety"):
        assert "NO_INDICATORS" in rows_about(gaps, area)


def test_the_review_shows_graham_turner_chairing_two_bodies(review: Path) -> None:
    chairs = [
        row["body"]
        for row in table(review, "shared_members.csv")
        if row["person id"] == "person/graham-turner" and row["role"] == "chair"
    ]
    assert sorted(chairs) == [
        "Kirklees Community Safety Partnership Executive",
        "Strategic Delivery Group",
    ]


def test_duplication_and_timescales_tables(review: Path) -> None:
    several = {row["workstream id"]: row for row in table(review, "duplication.csv")}
    assert "Adults Safeguarding Board" in several["workstream/domestic-abuse"]["bodies"]
    pairs = table(review, "near_duplicates.csv")
    assert all(float(pair["similarity"]) >= 0.5 for pair in pairs)
    assert all(pair["first plan"] != pair["second plan"] for pair in pairs)
    assert any("Inclusive Communities Framework" in pair["first"] for pair in pairs)
    passed = table(review, "timescales_passed.csv")
    assert passed and all(row["due by"] for row in passed)
    summary = {row["what"]: int(row["count"]) for row in table(review, "summary.csv")}
    assert summary["OWNERSHIP_GOVERNANCE_SPLIT"] == 2 and summary["Body"] > 30


def test_the_review_renders_offline_with_its_pictures(review: Path) -> None:
    def local_file(url: str) -> bool:
        return urlparse(url).scheme == "file"

    with offline_page(local_file, 1300, 1000) as (page, requested):
        page.goto((review / "index.html").as_uri())
        present = [s for s in SECTIONS if page.locator(f"section#{s} h2").count() == 1]
        pictures = {}
        for section in ("oversight-map", "shared-members"):
            picture = page.locator(f"#{section} svg").first
            pictures[section] = (picture.bounding_box(), picture.screenshot())
        drawn_nodes = page.locator("#oversight-map svg g.node").count()
        anchors = page.eval_on_selector_all(
            "a[href^='#']", "links => links.map(a => a.getAttribute('href').slice(1))"
        )
        missing = page.evaluate("ids => ids.filter(id => !document.getElementById(id))", anchors)
        unsourced = page.eval_on_selector_all(
            "#overlaps tr:has(td), #gaps tr:has(td)",
            "rows => rows.filter(r => !r.querySelector('ul.sources a')).length",
        )
        page.screenshot(path=str(review / "review.png"))
    assert present == SECTIONS
    assert requested == []
    for section, (box, png) in pictures.items():
        assert box is not None and box["width"] > 150 and box["height"] > 150, section
        colours = Image.open(io.BytesIO(png)).convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is not None and len(colours) > 20, f"{section} looks blank"
    assert drawn_nodes > 20
    assert anchors and missing == []
    assert unsourced == 0


def test_graphml_export_round_trips_node_and_edge_counts(
    kirklees: Neo4jSettings, session_driver: Driver, tmp_path: Path
) -> None:
    out = tmp_path / "kirklees.graphml"
    govgraph(kirklees, "export", "--format", "graphml", "--out", str(out))
    graph = nx.read_graphml(out, force_multigraph=True)
    records, _, _ = session_driver.execute_query(
        "MATCH (n:Record) WHERE NOT coalesce(n.restricted, false) "
        "OPTIONAL MATCH (n)-[r]->(m:Record) WHERE NOT coalesce(m.restricted, false) "
        "RETURN count(DISTINCT n) AS nodes, count(r) AS relationships",
        database_=kirklees.database,
    )
    assert graph.number_of_nodes() == records[0]["nodes"]
    assert graph.number_of_edges() == records[0]["relationships"]
    node = graph.nodes["body/csp-executive"]
    assert node["name"] == "Kirklees Community Safety Partnership Executive"
    assert json.loads(node["sources"])[0]["quote"]  # sources kept
    assert "meeting/csp-executive-2015-12-10/item-9" not in graph  # restricted stays out


def test_jsonl_and_csv_exports_keep_ids_and_sources(
    kirklees: Neo4jSettings, tmp_path: Path
) -> None:
    govgraph(kirklees, "export", "--format", "jsonl", "--out", str(tmp_path / "g.jsonl"))
    lines = [json.loads(line) for line in (tmp_path / "g.jsonl").read_text().splitlines()]
    kinds = {line["kind"] for line in lines}
    assert kinds == {"node", "relationship"}
    governs = [
        line for line in lines
        if line["kind"] == "relationship" and line["type"] == "GOVERNS"
        and line["target"] == "workstream/domestic-abuse"
    ]  # fmt: skip
    assert governs and governs[0]["properties"]["sources"][0]["quote"]
    govgraph(kirklees, "export", "--format", "csv", "--out", str(tmp_path / "csv"))
    nodes = list(csv.DictReader((tmp_path / "csv" / "nodes.csv").open(encoding="utf-8")))
    assert len(nodes) == sum(1 for line in lines if line["kind"] == "node")
    assert os.path.getsize(tmp_path / "csv" / "relationships.csv") > 0
