"""The review of a graph larger than Kirklees, from the synthetic partnerships: the oversight
map split over pictures that each print legibly, and the shared-members heatmap, which
Kirklees (one pair of bodies sharing a chair) has too little to show."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pytest
from neo4j import Driver

from graph.migrations import migrate
from graph.settings import Neo4jSettings
from loaders.synth import synthesize
from report.pictures import LEAST_PRINTED_POINTS, NODE_POINTS
from tests.conftest import load_dataset
from tests.test_report import drawn_map, govgraph, pairs_sharing_members, table


@pytest.fixture(scope="module")
def review(
    session_driver: Driver, settings: Neo4jSettings, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    data = tmp_path_factory.mktemp("synthetic")
    synthesize(data, partnerships=2, years=2)
    session_driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.database)
    migrate(session_driver, settings.database)
    load_dataset(session_driver, settings.database, data)
    out = tmp_path_factory.mktemp("review")
    govgraph(settings, "report", "--out", str(out))
    return out


def test_many_overlaps_are_drawn_over_several_legible_pictures(review: Path) -> None:
    page = (review / "index.html").read_text(encoding="utf-8")
    scales = [
        float(scale) for scale in re.findall(r'class="graph" transform="scale\(([\d.]+)', page)
    ]
    assert len(scales) > 1, "this graph was expected to need more than one picture"
    # Graphviz writes each picture's scale to two places: the worst case must still print 9 pt
    assert all((scale - 0.005) * NODE_POINTS >= LEAST_PRINTED_POINTS for scale in scales)
    nodes, _ = drawn_map(review)
    assert {finding["subject id"] for finding in table(review, "overlaps.csv")} <= set(nodes)


def test_the_heatmap_shows_when_several_pairs_of_bodies_share_members(review: Path) -> None:
    pairs = pairs_sharing_members(review)
    assert len(pairs) > 1, "the synthetic partnerships were expected to share members"
    page = (review / "index.html").read_text(encoding="utf-8")
    heatmap = page[page.index('class="heatmap"') :]
    heatmap = heatmap[: heatmap.index("</svg>")]
    for pair in pairs:
        first, second = sorted(pair)
        assert f"<title>{escape(first)} and {escape(second)}: " in heatmap
