"""The findings' rules, each shown on Kirklees or on Northvale (tests/fixtures/findings), a
small partnership written so that each rule has a case it must keep and one it must drop:
a review of one day reads only what was in force that day, an action without a lead is a
gap only when it is work, scrutiny by one line of accountability is not scrutiny twice, and
a kind of finding with nothing to show says it was checked."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from starlette.testclient import TestClient

from graph.settings import Neo4jSettings
from queries.findings import GAPS_CHECKED
from schema.app import create_app
from tests.conftest import FIXTURES, load_dataset
from tests.support import neo4j_environment, wait_until_ready

NORTHVALE = FIXTURES / "findings"

LATER_PLANS = {
    "plan/communities-partnership-plan-2022-27": "Kirklees Communities Partnership Plan",
    "plan/outcome-safe-communities": "People in Kirklees live in cohesive communities",
    "plan/outcome-places": "We make our places what they are",
    "plan/kirklees-community-safety-plan": "Kirklees Community Safety Plan",
}
"""Kirklees plans of 2021-22 (the 2022-27 plan and the outcome pages of its time), by id
and by the words of their names."""

FINDING = "kind subject { id } bodies { id } explanation"


@pytest.fixture(scope="module")
def graph(kirklees: Neo4jSettings, session_driver: Driver) -> Neo4jSettings:
    """Kirklees and Northvale side by side (a load replaces only its own dataset)."""
    load_dataset(session_driver, kirklees.database, NORTHVALE)
    return kirklees


@pytest.fixture(scope="module")
def client(graph: Neo4jSettings) -> Iterator[TestClient]:
    with TestClient(create_app(graph)) as client:
        wait_until_ready(client)
        yield client


def ask(client: TestClient, query: str) -> dict[str, Any]:
    body = client.post("/graphql", json={"query": query}).json()
    assert "errors" not in body, body["errors"]
    return body["data"]  # type: ignore[no-any-return]


def review(settings: Neo4jSettings, out: Path, *args: str) -> Path:
    done = subprocess.run(
        [sys.executable, "-m", "govgraph.cli", "report", "--out", str(out), *args],
        env=neo4j_environment(settings),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return out


def about(found: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {f["subject"]["id"]: f for f in found if f["kind"] == kind}


def mentions_a_later_plan(text: str) -> list[str]:
    return [
        plan
        for plan, name in LATER_PLANS.items()
        if plan in text or re.search(re.escape(name), text, re.IGNORECASE)
    ]


def test_a_review_as_of_2016_shows_no_plan_of_2021_or_later_anywhere(
    graph: Neo4jSettings, tmp_path: Path
) -> None:
    out = review(graph, tmp_path, "--as-of", "2016-03-18")
    for page in sorted(out.iterdir()):
        assert mentions_a_later_plan(page.read_text(encoding="utf-8")) == [], page.name
    with (out / "summary.csv").open(encoding="utf-8") as file:
        counts = {row["what"]: int(row["count"]) for row in csv.DictReader(file)}
    with (out / "duplication.csv").open(encoding="utf-8") as file:
        several = {row["workstream id"] for row in csv.DictReader(file)}
    assert counts["Plan"] < 20  # of 30 over all dates
    assert "workstream/domestic-abuse" in several  # what was in force is still shown


def test_the_api_as_of_2016_finds_nothing_in_a_later_plan(client: TestClient) -> None:
    data = ask(
        client,
        f"""{{ governanceGaps(asOf: "2016-03-18") {{ {FINDING} }}
               governanceOverlaps(asOf: "2016-03-18") {{ {FINDING} }} }}""",
    )
    found = data["governanceGaps"] + data["governanceOverlaps"]
    assert [f for f in found if mentions_a_later_plan(str(f))] == []
    # Areas of work first named in 2022 were not ungoverned in 2016: they were not named.
    assert "workstream/water-safety" not in about(data["governanceGaps"], "NO_GOVERNANCE")
    # What held in 2016 still shows.
    assert "plan/fgm-strategy" in about(data["governanceGaps"], "NO_OWNER")

    # The outcome pages state no period and no date of publication; their actions' timescales
    # (Autumn 2021 to Summer 2022) place them, so a review of their own time keeps them.
    def outcome_page_actions(as_of: str) -> set[str]:
        listed = ask(client, f'{{ commitments(asOf: "{as_of}") {{ id }} }}')["commitments"]
        return {c["id"] for c in listed if c["id"].startswith("commitment/s2-")}

    assert outcome_page_actions("2016-03-18") == set()
    assert "commitment/s2-p1-action" in outcome_page_actions("2022-06-01")


def test_no_owner_is_found_only_for_a_plan_with_work_nobody_answers_for(
    client: TestClient,
) -> None:
    gaps = about(ask(client, f"{{ governanceGaps {{ {FINDING} }} }}")["governanceGaps"], "NO_OWNER")
    # Each action of the council's outcome page names its portfolio holder.
    assert "plan/outcome-places" not in gaps
    # The Partnership Plan, which the Board owns, commits to refreshing this strategy.
    assert "plan/kirklees-reducing-re-offending-strategy" not in gaps
    # Gold and Silver hear about the Prevent Plan; nobody owns it.
    assert "plan/prevent-plan" in gaps


def test_no_lead_is_found_only_for_work_not_for_a_meetings_own_arrangements(
    client: TestClient,
) -> None:
    gaps = about(ask(client, f"{{ governanceGaps {{ {FINDING} }} }}")["governanceGaps"], "NO_LEAD")
    northvale = {subject for subject in gaps if subject.startswith("commitment/northvale-")}
    assert northvale == {
        "commitment/northvale-referral-pathway",
        "commitment/northvale-police-talks",
    }
    assert "commitment/csp-exec-2015-12-10-second-workshop" not in gaps
    assert "commitment/csp-exec-2015-12-10-da-report-march-2016" not in gaps
    assert "commitment/csp-exec-2015-12-10-district-committees-presentation" in gaps


def test_multiple_reporting_needs_bodies_in_separate_lines_of_accountability(
    client: TestClient,
) -> None:
    overlaps = ask(client, f"{{ governanceOverlaps {{ {FINDING} }} }}")["governanceOverlaps"]
    reporting = about(overlaps, "MULTIPLE_REPORTING")
    # A sub-group and the board it reports to (through another) are one line.
    assert "plan/northvale-night-time-economy-plan" not in reporting
    assert "body/northvale-outreach-team" not in reporting
    # Two bodies neither of which reports to the other are two lines, however many more
    # bodies of those lines take part.
    street = reporting["plan/northvale-street-safety-plan"]
    assert {b["id"] for b in street["bodies"]} == {
        "body/northvale-housing-board",
        "body/northvale-community-safety-board",
        "body/northvale-youth-panel",
    }
    lines = street["explanation"].partition(", in 2 separate lines under ")[2]
    assert sorted(lines.rstrip(".").split("; ")) == ["Community Safety Board", "Housing Board"]
    assert "body/northvale-street-team" in reporting


def test_a_kind_with_no_findings_is_reported_as_checked(
    graph: Neo4jSettings, tmp_path: Path
) -> None:
    out = review(graph, tmp_path, "--as-of", "2016-03-18")
    html = (out / "index.html").read_text(encoding="utf-8")
    gaps = html[html.index('<section id="gaps">') : html.index('<section id="duplication">')]
    assert GAPS_CHECKED["NO_GOVERNANCE"] + "." in gaps
    with (out / "summary.csv").open(encoding="utf-8") as file:
        counts = {row["what"]: row["count"] for row in csv.DictReader(file)}
    assert counts["NO_GOVERNANCE"] == "0"


def test_a_date_given_as_a_variable_is_applied_after_the_same_document_was_asked_without(
    client: TestClient,
) -> None:
    """Services send one document with variables: the findings for a day must not be the
    findings for every date compiled for the same document a moment before."""
    document = (
        "query($day: Date) { governanceGaps(asOf: $day, first: 1000) { kind subject { id } } }"
    )

    def gaps(day: str | None, text: str = document) -> list[Any]:
        body = client.post("/graphql", json={"query": text, "variables": {"day": day}}).json()
        assert "errors" not in body, body["errors"]
        return body["data"]["governanceGaps"]  # type: ignore[no-any-return]

    every_date = gaps(None)
    in_2016 = gaps("2016-03-18")
    assert in_2016 == gaps("2016-03-18", document + " # asked afresh")
    assert in_2016 != every_date
    assert [g for g in in_2016 if mentions_a_later_plan(str(g))] == []
