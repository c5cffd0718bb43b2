"""The council outcome page extractor against the seed pages and a synthetic page."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract import Records
from loaders.extract.council_page import extract_council_page
from loaders.timescale import parse_timescale
from tests.extracted import check

DOCUMENTS = Path(__file__).parent.parent / "data" / "kirklees" / "documents"
S0 = DOCUMENTS / "000_04b195f73faacbf7.txt"
S2 = DOCUMENTS / "002_dfbcccd4c5c048e2.txt"
FIXTURE = Path(__file__).parent / "fixtures" / "council_page.txt"


def by_id(records: Records) -> dict[str, dict[str, object]]:
    return {str(item["id"]): item for items in records.values() for item in items if "id" in item}


def of_kind(records: Records, kind: str) -> list[dict[str, object]]:
    return [item for item in records["commitments"] if item["kind"] == kind]


def holders(records: Records) -> list[str]:
    """Portfolio holders' names in priority order."""
    names = {item["id"]: item["name"] for item in records["people"]}
    relations = [r for r in records["relations"] if r["type"] == "PORTFOLIO_HOLDER_FOR"]
    return [str(names[r["from"]]) for r in relations]


@pytest.fixture(scope="module")
def s0() -> Records:
    records = extract_council_page(S0, "document/s0")
    check(records, S0, "document/s0")
    return records


@pytest.fixture(scope="module")
def s2() -> Records:
    records = extract_council_page(S2, "document/s2")
    check(records, S2, "document/s2")
    return records


def test_s0_plan_and_priorities(s0: Records) -> None:
    (plan,) = s0["plans"]
    assert plan["name"] == (
        "People in Kirklees live in cohesive communities, feel safe and are protected from harm"
    )
    assert plan["kind"] == "outcome"
    assert plan["id"] == "plan/people-in-kirklees-live-in-cohesive-communities"
    priorities = of_kind(s0, "priority")
    assert [p["ref"] for p in priorities] == ["1", "2", "3", "4"]
    assert [p["name"] for p in priorities] == [
        "Tenant safety",
        "Support our communities to live well together by developing an Inclusive "
        "Communities Framework",
        "Work alongside the voluntary and community sector",
        "Make our community buildings more inclusive",
    ]
    assert all(p["plan"] == plan["id"] and "parent" not in p for p in priorities)
    assert len(of_kind(s0, "objective")) == 3


def test_s0_portfolio_holders(s0: Records) -> None:
    assert holders(s0) == ["Cathy Scott", "Carole Pattison", "Cathy Scott", "Paul Davies"]
    assert [p["id"] for p in s0["people"]] == [
        "person/cathy-scott",
        "person/carole-pattison",
        "person/paul-davies",
    ]
    assert {p["honorific"] for p in s0["people"]} == {"Councillor"}


def test_s0_actions_and_deliverables(s0: Records) -> None:
    records = by_id(s0)
    actions = of_kind(s0, "action")
    assert len(actions) == 4
    assert actions[0]["name"] == (
        "Tenant safety: agree and implement tower block replacement/renewal and "
        "refurbishment programme"
    )
    assert all(records[str(a["parent"])]["kind"] == "priority" for a in actions)
    deliverables = of_kind(s0, "deliverable")
    assert [d.get("due") for d in deliverables] == [
        "March 2022",
        "Let contract - January 2022. Deliver interim fire safety measures - March 2022",
        "April 2022",
        "November 2022",
        None,
        "Winter 2021",
        "Winter 2021 to Spring 2022",
        "September 2022",
    ]
    # Priority 3's lead bullet ("... by:") holds the two dated sub-deliverables.
    lead, first, second = deliverables[4:7]
    assert records[str(lead["parent"])]["kind"] == "action"
    assert first["parent"] == second["parent"] == lead["id"]
    assert first["name"] == "Promoting our co-created statement of shared values"


def test_s0_tracking_measures(s0: Records) -> None:
    assert [i["name"] for i in s0["indicators"]] == [
        "Proportion of adults who say people get on well together",
        "Proportion of people who say they feel safe",
        "Recorded crime",
    ]
    measured = [r for r in s0["relations"] if r["type"] == "MEASURED_BY"]
    assert [r["to"] for r in measured] == [i["id"] for i in s0["indicators"]]
    assert {r["from"] for r in measured} == {s0["plans"][0]["id"]}


def test_s2(s2: Records) -> None:
    assert s2["plans"][0]["name"] == "We make our places what they are"
    assert len(of_kind(s2, "priority")) == 5
    assert len(of_kind(s2, "objective")) == 4
    assert holders(s2) == ["Cathy Scott"] * 4 + ["Paul Davies"]
    # The page tracks progress by narrative, not by named measures.
    assert "indicators" not in s2
    dues = [d.get("due") for d in of_kind(s2, "deliverable")]
    assert "Autumn-Winter 2021" in dues
    assert dues.count("Ongoing") == dues.count("In progress") == 1
    assert dues[-2:] == ["June 2022 and ongoing", "April 2022 and ongoing"]


def test_dues_parse_unless_they_name_no_period(s0: Records, s2: Records) -> None:
    for records in (s0, s2):
        for deliverable in of_kind(records, "deliverable"):
            due = deliverable.get("due")
            if isinstance(due, str) and due not in ("Ongoing", "In progress"):
                assert parse_timescale(due) is not None, due


def test_cathy_scott_holds_six_priorities_across_both_pages(s0: Records, s2: Records) -> None:
    relations = [
        r
        for records in (s0, s2)
        for r in records["relations"]
        if r["type"] == "PORTFOLIO_HOLDER_FOR" and r["from"] == "person/cathy-scott"
    ]
    assert len({r["to"] for r in relations}) == 6


def test_ids_are_stable_across_runs(s0: Records) -> None:
    assert extract_council_page(S0, "document/s0") == s0


def test_synthetic_page() -> None:
    records = extract_council_page(FIXTURE, "document/fixture")
    check(records, FIXTURE, "document/fixture")
    plan = records["plans"][0]
    assert plan["name"] == "Everyone in Exampletown gets around safely"
    # The image caption above the introduction is not taken for the description.
    assert str(plan["description"]).startswith("We want our streets")
    assert [a["name"] for a in of_kind(records, "objective")] == [
        "Fewer people hurt on our roads",
        "More children walking to school",
    ]
    (first_action, _) = of_kind(records, "action")
    assert first_action["name"] == "Make our streets safer by redesigning junctions near schools"
    assert first_action["sources"] == [
        {
            "document": "document/fixture",
            "lines": "18-19",
            "quote": "Make our streets safer by redesigning junctions near schools.",
        }
    ]
    deliverables = {str(d["name"]): d for d in of_kind(records, "deliverable")}
    campaign = deliverables["Run a road safety campaign with partners by"]
    assert "due" not in campaign
    assert deliverables["Training volunteers"]["parent"] == campaign["id"]
    assert deliverables["Holding school assemblies"]["due"] == "In progress"
    assert deliverables["Publish a bus improvement plan"]["due"] == "June 2022 and ongoing"
    # "Cllr" and "Councillor" name one person, who appears once.
    assert holders(records) == ["Ann Example", "Ann Example", "Bob Sample"]
    assert [p["name"] for p in records["people"]] == ["Ann Example", "Bob Sample"]
    # Narrative tracking bullets are not measures.
    assert [i["name"] for i in records["indicators"]] == [
        "Number of people killed or seriously injured"
    ]
