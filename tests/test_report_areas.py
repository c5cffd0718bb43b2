"""The review of one area of a graph that holds several, and a review whose lists run to
many pages: read a page at a time, nothing is cut short."""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path

import pytest
from neo4j import Driver

import report.collect
import report.render
from graph.migrations import migrate
from graph.settings import Neo4jSettings
from loaders.synth import synthesize_regions
from report.collect import Review, collect
from tests.conftest import load_dataset
from tests.support import neo4j_environment
from tests.test_report import GOVGRAPH, govgraph, table
from usecases.graph_store import GraphStore


@pytest.fixture(scope="module")
def areas(
    session_driver: Driver, settings: Neo4jSettings, tmp_path_factory: pytest.TempPathFactory
) -> Neo4jSettings:
    """Two synthetic partnerships, each loaded as an area of its own."""
    data = tmp_path_factory.mktemp("areas")
    session_driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.database)
    migrate(session_driver, settings.database)
    for region in synthesize_regions(data, partnerships=2, years=2, regions=2):
        load_dataset(session_driver, settings.database, region)
    return settings


def partnerships(rows: list[dict[str, str]], column: str) -> set[str]:
    """The synthetic partnerships (p00000, p00001) that the ids in a column belong to."""
    return {row[column].split("/")[1].split("-")[0] for row in rows}


def test_the_review_of_one_area_shows_that_area_alone(areas: Neo4jSettings, tmp_path: Path) -> None:
    whole, one = tmp_path / "whole", tmp_path / "one"
    govgraph(areas, "report", "--out", str(whole))
    govgraph(areas, "report", "--out", str(one), "--area", "synthetic-01")
    for name, column in (("gaps.csv", "subject id"), ("overlaps.csv", "subject id"),
                         ("duplication.csv", "workstream id")):  # fmt: skip
        assert partnerships(table(whole, name), column) == {"p00000", "p00001"}, name
        assert partnerships(table(one, name), column) == {"p00001"}, name
    page = (one / "index.html").read_text(encoding="utf-8")
    assert "synthetic-01" in page and "synthetic-00" not in page


def test_a_review_read_a_page_at_a_time_is_the_review_read_whole(
    areas: Neo4jSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def review() -> Review:
        return asyncio.run(collect(GraphStore(areas), None))

    whole = review()
    assert min(len(whole.gaps), len(whole.commitments), len(whole.shared)) > 4
    monkeypatch.setattr(report.collect, "PAGE", 4)
    assert review() == whole


def test_an_area_not_loaded_is_one_clear_line(areas: Neo4jSettings, tmp_path: Path) -> None:
    done = subprocess.run(
        [*GOVGRAPH, "report", "--out", str(tmp_path), "--area", "nowhere"],
        env=neo4j_environment(areas),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "govgraph report: the questions failed: no area (dataset) named 'nowhere' is loaded"
    ]
    assert not (tmp_path / "index.html").exists()


def test_the_page_shows_the_most_alike_pairs_and_the_csv_every_pair(
    areas: Neo4jSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Plans written to one template pair by the thousand: the page shows the most alike
    and says how many there are; near_duplicates.csv keeps every one."""
    review = asyncio.run(collect(GraphStore(areas), None))
    monkeypatch.setattr(report.render, "SHOWN_PAIRS", 3)
    report.render.write_report(review, tmp_path)
    pairs = table(tmp_path, "near_duplicates.csv")
    assert len(pairs) > 3
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    shown = page.split('<table class="pair">', 1)[1].split("</table>", 1)[0]
    assert shown.count("<tr><td>") == 3
    assert f"The 3 most alike of {len(pairs)} pairs are shown" in page
    similarities = [float(pair["similarity"]) for pair in pairs]
    assert similarities == sorted(similarities, reverse=True)
