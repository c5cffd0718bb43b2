"""What the documents support but do not state in so many words, recorded as derived: a
decision recorded as approved approves the plan it concerns, on behalf of the body that
took it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from neo4j import Driver

from graph.settings import Neo4jSettings
from tests.conftest import KIRKLEES, load_dataset
from usecases.graph_store import GraphStore

PLAN = "plan/communities-partnership-plan-2022-27"
APPROVALS = f"""{{ plan(id: "{PLAN}") {{
  approvedBy {{ id }}
  relations(types: [APPROVES]) {{ derived basis {{ id }} from {{ id }} sources {{ quote }} }}
}} }}"""


def approvals(settings: Neo4jSettings) -> dict[str, Any]:
    data = GraphStore(settings).answer(APPROVALS).data
    assert data is not None
    plan: dict[str, Any] = data["plan"]
    return plan


def test_an_approved_decision_approves_the_plan_it_concerns(
    driver: Driver, database: str, settings: Neo4jSettings, tmp_path: Path
) -> None:
    """Without the relation Kirklees states by hand, the cabinet's decision, "Recommendations
    Approved", still says who approved the plan: derived, with the decision as its basis."""
    copy = tmp_path / "kirklees"
    shutil.copytree(KIRKLEES, copy)
    decision = copy / "s3-cabinet-decision.yaml"
    stated = re.compile(
        rf"  - type: APPROVES\n    from: body/cabinet\n    to: {PLAN}\n(?:    .*\n)+"
    )
    text, removed = stated.subn("", decision.read_text())
    assert removed == 1
    decision.write_text(text)
    load_dataset(driver, database, copy)
    plan = approvals(settings)
    assert {"id": "body/cabinet"} in plan["approvedBy"]
    (relation,) = [r for r in plan["relations"] if r["from"] == {"id": "body/cabinet"}]
    assert relation["derived"] is True
    assert relation["basis"] == {"id": "decision/cabinet-communities-partnership-plan-2022"}
    assert relation["from"] == {"id": "body/cabinet"}
    assert any("Recommendations Approved" in s["quote"] for s in relation["sources"])


def test_a_stated_approval_is_not_derived_again(
    driver: Driver, database: str, settings: Neo4jSettings
) -> None:
    load_dataset(driver, database, KIRKLEES)
    plan = approvals(settings)
    assert {"id": "body/cabinet"} in plan["approvedBy"]
    assert plan["relations"] and all(
        r["derived"] is False and r["basis"] is None for r in plan["relations"]
    )


SEATS = """{
  sharedMembers(asOf: "2016-03-18") { id }
  person(name: "Masood Ahmed") {
    roles { kind derived body { id } basis { kind derived body { id } organisation { id } }
            sources { quote } }
  }
}"""


def test_a_seat_held_on_behalf_of_a_panel_is_a_seat_on_that_panel(
    driver: Driver, database: str, settings: Neo4jSettings
) -> None:
    """Two councillors sit on the CSP Executive for the West Yorkshire Police and Crime
    Panel, the organisation hosting the Police and Crime Panel: each then sits on the Panel
    too, derived, with the Executive seat as its basis and its quote, and so holds seats on
    two bodies."""
    load_dataset(driver, database, KIRKLEES)
    data = GraphStore(settings).answer(SEATS).data
    assert data is not None
    assert {"id": "person/masood-ahmed"} in data["sharedMembers"]
    roles = data["person"]["roles"]
    derived = [r for r in roles if r["derived"]]
    assert derived  # one for each member list of the Executive that names him so
    for seat in derived:
        assert seat["kind"] == "MEMBER"
        assert seat["body"] == {"id": "body/police-and-crime-panel"}
        basis = seat["basis"]
        assert basis["body"] == {"id": "body/csp-executive"} and basis["derived"] is False
        assert basis["organisation"] == {"id": "organisation/west-yorkshire-police-and-crime-panel"}
        assert any("Police and Crime Panel" in s["quote"] for s in seat["sources"])
    stated = [r for r in roles if not r["derived"]]
    assert stated and all(r["body"] != {"id": "body/police-and-crime-panel"} for r in stated)
