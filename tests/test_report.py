"""The governance review of the Kirklees graph: what it finds, that it stands alone in a
browser with the network cut off, that it prints as a board can read it, and that the
exports round-trip."""

from __future__ import annotations

import csv
import ctypes
import html
import io
import json
import math
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from urllib.parse import urlparse

import networkx as nx
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from neo4j import Driver
from PIL import Image

from graph.settings import Neo4jSettings
from report.duplication import THRESHOLD
from report.kinds import KINDS
from tests.support import CHROMIUM, neo4j_environment, offline_page

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


def test_every_finding_carries_its_kind_in_plain_words(review: Path) -> None:
    findings = table(review, "overlaps.csv") + table(review, "gaps.csv")
    assert findings
    for row in findings:
        kind = KINDS[row["kind"]]
        assert (row["severity"], row["label"]) == (kind.severity.value, kind.label)


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


def test_the_review_marks_a_seat_inferred_from_whom_a_member_sits_for(review: Path) -> None:
    """Councillor Masood Ahmed sits on the Executive for the West Yorkshire Police and Crime
    Panel; his seat on the Panel is inferred, and the table says so."""
    seats = {
        (row["body"], row["derived"])
        for row in table(review, "shared_members.csv")
        if row["person id"] == "person/masood-ahmed"
    }
    assert ("Police and Crime Panel", "True") in seats
    assert ("Kirklees Community Safety Partnership Executive", "False") in seats
    page = (review / "index.html").read_text(encoding="utf-8")
    assert "(inferred: sits for the body's host)" in page


def test_duplication_and_timescales_tables(review: Path) -> None:
    several = {row["workstream id"]: row for row in table(review, "duplication.csv")}
    assert "Adults Safeguarding Board" in several["workstream/domestic-abuse"]["bodies"]
    pairs = table(review, "near_duplicates.csv")
    assert all(float(pair["similarity"]) >= THRESHOLD for pair in pairs)
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
        picture = page.locator("#oversight-map .picture svg").first
        box, png = picture.bounding_box(), picture.screenshot()
        heatmaps = page.locator("#shared-members svg.heatmap").count()
        columns = page.eval_on_selector_all(
            "#duplication table.pair th", "cells => cells.map(c => c.getBoundingClientRect().width)"
        )
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
    assert box is not None and box["width"] > 150 and box["height"] > 150
    colours = Image.open(io.BytesIO(png)).convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 20, "the oversight map looks blank"
    assert heatmaps == (1 if len(pairs_sharing_members(review)) > 1 else 0)
    similarity, first, second = columns
    assert similarity < 0.1 * sum(columns) and abs(first - second) < 2
    assert anchors and missing == []
    assert unsourced == 0


def pairs_sharing_members(review: Path) -> set[frozenset[str]]:
    """The pairs of bodies some person holds a seat on both of, from the CSV."""
    seats: dict[str, set[str]] = {}
    for row in table(review, "shared_members.csv"):
        seats.setdefault(row["person id"], set()).add(row["body"])
    return {frozenset(pair) for bodies in seats.values() for pair in combinations(bodies, 2)}


def drawn_map(review: Path) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The oversight map as drawn: its nodes (id: name) and its lines (from id, to id)."""
    page = (review / "index.html").read_text(encoding="utf-8")
    section = page[page.index('<section id="oversight-map">') :]
    section = section[: section.index("</section>")]
    nodes = {
        html.unescape(node): " ".join(
            html.unescape(line) for line in re.findall(r"<text[^>]*>([^<]*)</text>", drawing)
        )
        for node, drawing in re.findall(
            r'class="node">\s*<title>([^<]*)</title>(.*?)</g>', section, re.DOTALL
        )
    }
    ends = [
        html.unescape(line).partition("->")
        for line in re.findall(r'class="edge">\s*<title>([^<]*)</title>', section)
    ]
    return nodes, [(source, target) for source, _, target in ends]


def test_the_oversight_map_draws_what_the_overlaps_are_about_and_nothing_else(
    review: Path,
) -> None:
    nodes, lines = drawn_map(review)
    names = set(nodes.values())
    about: set[str] = set()
    for finding in table(review, "overlaps.csv"):
        bodies = finding["bodies"].split("; ")
        assert finding["subject id"] in nodes and set(bodies) <= names, finding["explanation"]
        about |= {finding["subject"], *bodies}
        joined = {end for line in lines if finding["subject id"] in line for end in line}
        assert len(joined - {finding["subject id"]}) >= len(bodies), finding["explanation"]
    for node, name in nodes.items():
        neighbours = {nodes[end] for line in lines if node in line for end in line}
        assert name in about or neighbours & about, f"{name} is about no overlap"


MM = 72 / 25.4
NARROWEST_MARGIN = 12 * MM
"""The stylesheet's narrowest page margin; the running title and page number sit outside it."""


@dataclass(frozen=True)
class PrintedPage:
    """A page of the review as Chromium prints it: its size in points, its text inside the
    margins, and the printed size in points of each letter there."""

    width: float
    height: float
    text: str
    points: list[float]


@pytest.fixture(scope="module")
def printed(review: Path) -> list[PrintedPage]:
    """The review printed to PDF by Chromium headless, as a board member would print it."""
    if CHROMIUM is None:
        raise pytest.UsageError("printing the review needs Debian's chromium: run `make test`")
    pdf = review / "review.pdf"
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", f"--print-to-pdf={pdf}",
         (review / "index.html").as_uri()],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0 and pdf.exists(), done.stderr[-2000:]
    return [_read(page) for page in pdfium.PdfDocument(pdf)]


def _read(page: pdfium.PdfPage) -> PrintedPage:
    width, height = page.get_size()
    letters = page.get_textpage()
    matrix = pdfium_raw.FS_MATRIX()
    points = []
    for index in range(letters.count_chars()):
        _, bottom, _, top = letters.get_charbox(index)
        letter = chr(pdfium_raw.FPDFText_GetUnicode(letters.raw, index))
        if letter.isspace() or bottom < NARROWEST_MARGIN or top > height - NARROWEST_MARGIN:
            continue
        pdfium_raw.FPDFText_GetMatrix(letters.raw, index, ctypes.byref(matrix))
        size = pdfium_raw.FPDFText_GetFontSize(letters.raw, index)
        points.append(size * math.hypot(matrix.c, matrix.d))  # the size as scaled onto the page
    text = letters.get_text_bounded(0, NARROWEST_MARGIN, width, height - NARROWEST_MARGIN)
    return PrintedPage(width, height, " ".join(text.split()), points)


def test_the_review_prints_on_a4_with_a_one_page_executive_summary(
    printed: list[PrintedPage],
) -> None:
    assert all(sorted((round(p.width), round(p.height))) == [595, 842] for p in printed)
    summary = printed[0]
    assert summary.height > summary.width
    assert summary.text.startswith("Governance review") and "Executive summary" in summary.text
    for kind in KINDS.values():  # the table of kinds closes the summary
        assert kind.label in summary.text, kind.label
    assert "Oversight map" not in summary.text


def test_the_oversight_map_prints_landscape_with_its_words_at_9_points_or_more(
    review: Path, printed: list[PrintedPage]
) -> None:
    landscape = [page for page in printed if page.width > page.height]
    assert landscape and landscape[0].text.startswith("2. Oversight map")
    assert printed.index(landscape[0]) == 1
    drawn = " ".join(page.text for page in landscape)
    for finding in table(review, "overlaps.csv"):
        assert finding["subject"] in drawn
    assert min(point for page in landscape for point in page.points) >= 9


def test_the_sources_appendix_starts_its_own_printed_page(printed: list[PrintedPage]) -> None:
    starting = [page for page in printed if "Every quote the rows above cite" in page.text]
    assert len(starting) == 1 and starting[0].text.startswith("Sources Every quote")


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
