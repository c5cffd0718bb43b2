"""Accountability questions asked over HTTP of the loaded Kirklees graph, each answered by
one Bolt round trip, with the quotes that show the answer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import Driver
from starlette.testclient import TestClient

from graph.settings import Neo4jSettings
from graph.trace import bolt_runs, bolt_sent
from schema.app import create_app
from tests.conftest import KIRKLEES
from tests.support import wait_until_ready

MINUTES = KIRKLEES / "documents" / "004_504219d2993149f0.txt"


@pytest.fixture(scope="module")
def client(kirklees: Neo4jSettings) -> Iterator[TestClient]:
    with TestClient(create_app(kirklees)) as client:
        wait_until_ready(client)
        yield client


def ask(client: TestClient, query: str, **variables: Any) -> dict[str, Any]:
    """POST a query; fail on any error or on more than one Bolt round trip, and one more
    for a question whose costly part is worked out apart (the findings of a date)."""
    with bolt_runs() as runs:
        response = client.post("/graphql", json={"query": query, "variables": variables})
    body = response.json()
    assert response.status_code == 200, body
    assert "errors" not in body, body["errors"]
    roots = len(body["data"])
    preludes = [run for run in runs if PRELUDE.match(run)]
    assert len(runs) - len(preludes) <= 1, f"{len(runs)} Bolt queries for {roots} root fields"
    assert len(preludes) <= roots
    return body["data"]  # type: ignore[no-any-return]


PRELUDE = re.compile(r"""['"]// govgraph: \w+Prelude\b""")


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


def quotes(finding: dict[str, Any]) -> str:
    return " | ".join(source["quote"] for source in finding["sources"])


def findings_about(found: list[dict[str, Any]], subject: str) -> dict[str, dict[str, Any]]:
    return {f["kind"]: f for f in found if f["subject"]["id"] == subject}


FINDING = "kind subject { id } bodies { id } explanation sources { document { id } lines quote }"


def test_domestic_abuse_is_governed_by_the_csp_and_its_strategy_owned_by_adult_safeguarding(
    client: TestClient,
) -> None:
    data = ask(client, f"{{ governanceOverlaps {{ {FINDING} }} }}")
    split = findings_about(data["governanceOverlaps"], "workstream/domestic-abuse")
    finding = split["OWNERSHIP_GOVERNANCE_SPLIT"]
    assert ids(finding["bodies"]) == ["body/safer-kirklees", "body/adult-safeguarding-board"]
    assert "Under CSP Governance although strategy owned by Adult Safeguarding" in quotes(finding)
    assert {s["document"]["id"] for s in finding["sources"]} == {
        "document/s4-csp-executive-2016-03-18"
    }
    forced = findings_about(data["governanceOverlaps"], "workstream/forced-marriage")
    assert "OWNERSHIP_GOVERNANCE_SPLIT" in forced


def test_prevent_reports_several_ways_and_the_da_strategy_to_many_bodies(
    client: TestClient,
) -> None:
    data = ask(client, f"{{ governanceOverlaps {{ {FINDING} }} }}")
    prevent = findings_about(data["governanceOverlaps"], "workstream/prevent")
    assert set(ids(prevent["MULTIPLE_REPORTING"]["bodies"])) == {
        "organisation/home-office",
        "body/prevent-gold-group",
        "body/prevent-silver-group",
        "body/safer-kirklees",
    }
    strategy = findings_about(data["governanceOverlaps"], "plan/da-strategy-2015-18")
    reported = ids(strategy["MULTIPLE_REPORTING"]["bodies"])
    assert len(reported) == 9 and "body/health-and-wellbeing-board" in reported


def test_fgm_has_no_strategy_no_group_and_no_indicators(client: TestClient) -> None:
    data = ask(
        client,
        f"""{{ governanceGaps {{ {FINDING} }}
              workstream(name: "female genital mutilation") {{
                id groups {{ id }} indicators {{ id }} plans {{ id status }} }} }}""",
    )
    gaps = findings_about(data["governanceGaps"], "workstream/female-genital-mutilation")
    assert {"NO_STRATEGY", "NO_GROUP", "NO_INDICATORS"} <= set(gaps)
    assert "only proposed: FGM Strategy" in gaps["NO_STRATEGY"]["explanation"]
    assert "need to develop a Strategy (and implementation group)" in quotes(gaps["NO_STRATEGY"])
    fgm = data["workstream"]
    assert fgm["groups"] == [] and fgm["indicators"] == []
    assert {"id": "plan/fgm-strategy", "status": "proposed"} in fgm["plans"]


def test_hate_crime_and_road_safety_have_no_indicators(client: TestClient) -> None:
    data = ask(client, f'{{ governanceGaps(asOf: "2016-03-18") {{ {FINDING} }} }}')
    no_indicators = {
        f["subject"]["id"] for f in data["governanceGaps"] if f["kind"] == "NO_INDICATORS"
    }
    assert {"workstream/hate-crime", "workstream/road-safety"} <= no_indicators
    assert "workstream/domestic-abuse" not in no_indicators


def test_graham_turner_chairs_the_csp_executive_and_the_strategic_delivery_group(
    client: TestClient,
) -> None:
    data = ask(
        client,
        """{ person(name: "Councillor Graham Turner") {
               id roles(kinds: [CHAIR]) { kind body { id } from sources { quote } } }
             sharedMembers(asOf: "2016-03-01") { id } }""",
    )
    chairs = data["person"]["roles"]
    assert sorted(role["body"]["id"] for role in chairs) == [
        "body/csp-executive",
        "body/strategic-delivery-group",
    ]
    assert all(role["sources"] for role in chairs)
    assert "person/graham-turner" in ids(data["sharedMembers"])


def test_roles_as_of_follow_the_dated_member_lists(client: TestClient) -> None:
    query = """query ($day: Date) { body(id: "body/csp-executive") {
                 roles(asOf: $day, kinds: [CHAIR, MEMBER]) { kind person { id } } } }"""
    december = ask(client, query, day="2016-01-15")["body"]["roles"]
    assert {"kind": "CHAIR", "person": {"id": "person/graham-turner"}} in december
    march = ask(client, query, day="2016-03-18")["body"]["roles"]
    assert [r for r in march if r["kind"] == "CHAIR"] == []
    assert len([r for r in march if r["kind"] == "MEMBER"]) == 18


def test_the_da_partnership_board_reports_to_the_csp_executive(client: TestClient) -> None:
    data = ask(
        client,
        """{ body(name: "Domestic Abuse Partnership Board") {
               id reportsTo { id } oversightChain { id }
               relations(types: [REPORTS_TO]) { from { id } to { id } sources { quote } } } }""",
    )
    board = data["body"]
    assert ids(board["reportsTo"]) == ["body/csp-executive"]
    assert ids(board["oversightChain"]) == ["body/csp-executive"]
    (relation,) = board["relations"]
    assert relation["to"]["id"] == "body/csp-executive" and relation["sources"]


def test_who_attended_and_who_sent_apologies_on_10_december_2015(client: TestClient) -> None:
    data = ask(
        client,
        """{ node(id: "meeting/csp-executive-2015-12-10") {
               ... on Meeting { date body { id } attendees { name } apologies { name } } } }""",
    )
    meeting = data["node"]
    assert meeting["date"] == "2015-12-10" and meeting["body"]["id"] == "body/csp-executive"
    lines = MINUTES.read_text().splitlines()[187:198]  # "Apologies:" is line 187
    sent = sorted(" ".join(line.replace("Councillor ", "").split()[:2]) for line in lines)
    assert len(sent) == 11
    assert sorted(p["name"] for p in meeting["apologies"]) == sent
    attended = {p["name"] for p in meeting["attendees"]}
    assert len(attended) == 20
    assert {"Graham Turner", "Steve Cotter", "Mark Burns-Williamson"} <= attended
    assert not attended & set(sent)


def test_lookup_by_name_ignores_case_and_honorifics_and_misses_give_null(
    client: TestClient,
) -> None:
    data = ask(
        client,
        """{ a: person(name: "Cllr Ahmed") { id honorific }
             b: body(name: "safer kirklees") { id }
             c: body(name: "No Such Board") { id }
             d: node(id: "body/no-such-board") { id }
             e: plan(name: "FGM Strategy") { id status } }""",
    )
    assert data["a"] == {"id": "person/masood-ahmed", "honorific": "Councillor"}
    assert data["b"] == {"id": "body/safer-kirklees"}
    assert data["c"] is None and data["d"] is None
    assert data["e"] == {"id": "plan/fgm-strategy", "status": "proposed"}


def test_overdue_lists_what_was_due_before_the_date(client: TestClient) -> None:
    data = ask(
        client, '{ overdue(asOf: "2015-11-01") { id ref dueBy rag leads { id } plan { id } } }'
    )
    overdue = data["overdue"]
    assert overdue, "the DA action plan had actions due in September and October 2015"
    assert all(c["dueBy"] < "2015-11-01" for c in overdue)
    assert [c["dueBy"] for c in overdue] == sorted(c["dueBy"] for c in overdue)
    by_ref = {c["ref"]: c for c in overdue}
    assert ids(by_ref["1"]["leads"]) == ["body/data-task-group"]
    assert "8" not in by_ref  # due December 2015


def test_ownership_of_an_action_names_owner_governor_leads_and_chain(
    client: TestClient,
) -> None:
    data = ask(
        client,
        """{ ownership(id: "commitment/da-action-4") {
               subject { id } owners { id } governors { id } leads { id } oversightChain { id }
               sources { quote } } }""",
    )
    ownership = data["ownership"]
    assert ids(ownership["owners"]) == ["body/adult-safeguarding-board"]
    assert ids(ownership["governors"]) == ["body/safer-kirklees"]
    assert set(ids(ownership["leads"])) == {
        "body/domestic-abuse-partnership-board",
        "organisation/pennine-domestic-violence-group",
    }
    assert ownership["sources"]


def test_search_puts_the_exact_name_first(client: TestClient) -> None:
    data = ask(client, '{ search(text: "prevent", first: 5) { __typename id } }')
    assert data["search"][0] == {"__typename": "Workstream", "id": "workstream/prevent"}


def test_search_ranks_a_name_made_of_the_words_above_text_that_mentions_them(
    client: TestClient,
) -> None:
    data = ask(client, '{ search(text: "domestic abuse", first: 3) { id } }')
    # the exact name, then the bodies named by the words, not the long commitments that
    # mention them ("Accurate data and intelligence regarding ... domestic abuse ...")
    assert ids(data["search"]) == [
        "workstream/domestic-abuse",
        "body/domestic-abuse-partnership-board",
        "body/domestic-abuse-forum",
    ]


def test_a_shorter_search_is_the_start_of_a_longer_one(client: TestClient) -> None:
    for text in ("kirklees", "domestic abuse", "plan"):
        few, many = (f'search(text: "{text}", first: {n}) {{ id }}' for n in (3, 30))
        data = ask(client, f"{{ few: {few} many: {many} }}")
        assert len(data["many"]) > len(data["few"]) == 3
        assert ids(data["few"]) == ids(data["many"])[:3]


def test_the_restricted_agenda_item_is_not_public(
    client: TestClient, session_driver: Driver, kirklees: Neo4jSettings
) -> None:
    meeting = "meeting/csp-executive-2015-12-10"
    records, _, _ = session_driver.execute_query(
        "MATCH (i:AgendaItem {restricted: true})-[:ITEM_OF]->(:Meeting {id: $meeting}) "
        "RETURN i.title AS title",
        meeting=meeting,
        database_=kirklees.database,
    )
    assert [r["title"] for r in records] == ["Domestic Homicide Review"]  # in the graph
    data = ask(client, f'{{ node(id: "{meeting}") {{ ... on Meeting {{ agenda {{ title }} }} }} }}')
    titles = [item["title"] for item in data["node"]["agenda"]]
    assert "Exclusion of the Public" in titles and "Domestic Homicide Review" not in titles
    hidden = ask(client, f'{{ node(id: "{meeting}/item-9") {{ id }} }}')
    assert hidden["node"] is None


def test_bad_arguments_are_clear_errors_coded_for_services(client: TestClient) -> None:
    query = '{ body { id } search(text: "x", first: 500) { id } }'
    response = client.post("/graphql", json={"query": query})
    errors = {error["message"]: error["extensions"] for error in response.json()["errors"]}
    assert errors == {
        "give exactly one of id and name": {"code": "BAD_USER_INPUT"},
        "first must be between 1 and 100": {"code": "BAD_USER_INPUT"},
    }


PAGED_LISTS = {
    "governanceOverlaps": "kind subject { id } bodies { id }",
    "governanceGaps": "kind subject { id } bodies { id }",
    "sharedMembers": "id",
    "overdue": "id",
    "commitments": "id",
}
"""Each long root list and what a page of it is asked for."""


@pytest.mark.parametrize("name", sorted(PAGED_LISTS))
def test_a_list_read_page_by_page_is_the_whole_list_with_its_total(
    client: TestClient, name: str
) -> None:
    fields = PAGED_LISTS[name]
    dated = 'asOf: "2016-03-18" ' if name == "overdue" else ""
    whole = ask(client, f"{{ {name}({dated}first: 10000) {{ {fields} }} }}")[name]
    assert len(whole) > 3, "a list long enough to need pages"
    arguments = f"{dated}first: 3"
    read: list[Any] = []
    after = None
    while True:
        cursor = "" if after is None else f' after: "{after}"'
        page = ask(
            client,
            f"""{{ {name}Page({arguments}{cursor}) {{
                   totalCount pageInfo {{ endCursor hasNextPage }} nodes {{ {fields} }} }} }}""",
        )[f"{name}Page"]
        assert page["totalCount"] == len(whole)
        assert len(page["nodes"]) <= 3
        read += page["nodes"]
        assert page["pageInfo"]["hasNextPage"] == (len(read) < len(whole))
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert read == whole
    past_the_end = ask(
        client,
        f'{{ {name}Page({arguments} after: "{len(whole)}") {{ totalCount '
        "pageInfo { endCursor hasNextPage } nodes { __typename } } }",
    )[f"{name}Page"]
    assert past_the_end == {
        "totalCount": len(whole),
        "pageInfo": {"endCursor": None, "hasNextPage": False},
        "nodes": [],
    }


def test_a_cursor_no_page_gave_is_a_coded_error(client: TestClient) -> None:
    for after in ("-1", "abc", "1e3", "9" * 12, ""):
        query = f'{{ governanceGapsPage(after: "{after}") {{ totalCount }} }}'
        body = client.post("/graphql", json={"query": query}).json()
        assert body["data"] is None
        assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"], after


def test_one_field_on_several_types_of_one_selection(client: TestClient) -> None:
    query = """{ plan: node(id: "plan/fgm-strategy") { ... on Body { kind } ... on Plan { kind } }
                 body: node(id: "body/csp-executive") { ... on Body { kind } ... on Plan { kind } }
               }"""
    data = ask(client, query)
    assert data == {"plan": {"kind": "STRATEGY"}, "body": {"kind": "EXECUTIVE"}}


CONTRACT_QUESTIONS = {
    "node": """{ node(id: "body/csp-executive") {
                   id ... on Body { roles { person { bodies { id } } } } } }""",
    "search": '{ search(text: "safeguarding") { id sources { document { title } } } }',
    "organisation": """{ organisation(name: "Home Office") {
                           kind people { roles { body { id } } } } }""",
    "person": """{ person(name: "Graham Turner") {
                     roles { body { meetings { attendees { id } } } }
                     leads { id } portfolio { id } bodies { id } } }""",
    "body": """{ body(id: "body/safer-kirklees") {
                   governs { governedBy { id } oversightChain { id } }
                   owns { id } meetings { id } leads { id } reportsTo { id } } }""",
    "workstream": """{ workstream(name: "Prevent") {
                         governedBy { id } strategyOwners { id } groups { roles { id: kind } }
                         oversightChain { id } plans { commitments { leads { id } } }
                         indicators { id } } }""",
    "plan": """{ plan(id: "plan/da-strategy-2015-18") {
                   owners { id } approvedBy { id } overseenBy { id }
                   workstreams { indicators { id } }
                   commitments { leads { id } portfolioHolders { id } plan { id } } } }""",
    "governanceOverlaps": """{ governanceOverlaps {
                                 kind subject { id ... on Workstream { groups { id } } }
                                 bodies { id } sources { document { id } } } }""",
    "governanceGaps": "{ governanceGaps { kind subject { id } bodies { id } sources { quote } } }",
    "sharedMembers": "{ sharedMembers { id roles { body { id } } bodies { id } } }",
    "overdue": """{ overdue(asOf: "2016-03-18") {
                      id leads { id } portfolioHolders { id } plan { owners { id } } } }""",
    "commitments": """{ commitments(asOf: "2016-03-18") {
                          id plan { id owners { id } } leads { id } sources { quote } } }""",
    "ownership": """{ ownership(id: "workstream/domestic-abuse") {
                        subject { id } owners { id } governors { id } leads { id }
                        oversightChain { id } sources { quote } } }""",
}


@pytest.mark.parametrize("field", sorted(CONTRACT_QUESTIONS))
def test_each_contract_question_is_one_round_trip(client: TestClient, field: str) -> None:
    with bolt_runs() as runs:
        response = client.post("/graphql", json={"query": CONTRACT_QUESTIONS[field]})
    body = response.json()
    assert "errors" not in body, body.get("errors")
    assert body["data"][field] not in (None, [])
    assert len(runs) == 1, runs
    assert re.match(f"""['"]// govgraph: {field}""", runs[0]), runs[0][:80]


def test_a_question_is_one_network_round_trip_with_no_begin_or_commit(
    client: TestClient,
) -> None:
    """An auto-commit read: RUN and PULL go out together; a managed transaction would add
    BEGIN, and a COMMIT the caller waits for."""
    with bolt_sent("BEGIN") as begins, bolt_sent("COMMIT") as commits, bolt_runs() as runs:
        response = client.post("/graphql", json={"query": CONTRACT_QUESTIONS["ownership"]})
    assert "errors" not in response.json()
    assert (len(runs), begins, commits) == (1, [], [])
