"""Every request is answered from one compiled query (schema/compile.py); the resolvers that
really run, field by field (schema/declare.py), are the reference. Both answer every explorer
example, every contract question and generated queries over the Kirklees graph, for the
public and for officers, and must agree exactly."""

from __future__ import annotations

import asyncio
import datetime
from typing import Any, cast

import pytest
from graphql import ExecutionResult
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import nodes, queries
from neo4j import AsyncGraphDatabase
from starlette.testclient import TestClient

from graph.connection import driver_options
from graph.settings import Neo4jSettings
from queries.questions import preludes_planned_ahead, recorded
from schema.answer import TOO_COSTLY
from schema.app import create_app
from schema.declare import Context
from schema.explorer import EXAMPLES
from schema.graphql import answers, reference_schema, schema
from tests.support import wait_until_ready
from tests.test_api import CONTRACT_QUESTIONS

Row = dict[str, Any]


def both(settings: Neo4jSettings, query: str, *, officer: bool) -> tuple[ExecutionResult, ...]:
    """The compiled answer and the reference answer to one query."""

    async def run() -> tuple[ExecutionResult, ...]:
        driver = AsyncGraphDatabase.driver(settings.uri, **driver_options(settings))
        try:
            context = Context(driver, settings.database, officer, 30.0)
            answered = [
                await s.execute(query, context_value=context) for s in (schema, reference_schema)
            ]
            return tuple(cast(ExecutionResult, result) for result in answered)
        finally:
            await driver.close()

    return asyncio.run(run())


def codes(result: ExecutionResult) -> set[str]:
    return {str((e.extensions or {}).get("code")) for e in result.errors or []}


def assert_same(settings: Neo4jSettings, query: str, *, officer: bool) -> ExecutionResult:
    compiled, reference = both(settings, query, officer=officer)
    assert codes(compiled) == codes(reference), (query, compiled.errors, reference.errors)
    if not compiled.errors:
        assert compiled.data == reference.data, query
    return compiled


ASKED = {
    **EXAMPLES,
    **{f"contract: {k}": v for k, v in CONTRACT_QUESTIONS.items()},
    "one area, paged": """{ governanceGaps(area: "kirklees", first: 5) { kind subject { id } }
                            sharedMembers(area: "kirklees", first: 2) { id } }""",
    "a page": """{ governanceOverlapsPage(first: 2, after: "1") {
                     totalCount pageInfo { endCursor hasNextPage }
                     nodes { kind subject { id } bodies(first: 2) { id } } }
                   overduePage(asOf: "2016-03-18", first: 3, area: "kirklees") {
                     totalCount nodes { id leads { id } } } }""",
}


@pytest.mark.parametrize("officer", [False, True], ids=["public", "officer"])
@pytest.mark.parametrize("title", sorted(ASKED))
def test_examples_and_contract_questions_agree(
    kirklees: Neo4jSettings, title: str, officer: bool
) -> None:
    result = assert_same(kirklees, ASKED[title], officer=officer)
    assert not result.errors, result.errors
    assert result.data and any(value for value in result.data.values()), "answers something"


def test_aliases_fragments_directives_and_variables_agree(kirklees: Neo4jSettings) -> None:
    query = """
    query ($yes: Boolean = true) {
      second: body(id: "body/csp-executive") { ...Seats n: name }
      first: body(id: "body/csp-executive") { name @include(if: $yes) kind @skip(if: $yes) }
      __typename
      hits: search(text: "domestic abuse", first: 5) {
        __typename id
        ... on Plan { period: periodText owners(first: 2) { id } }
        ... on Workstream { parts(first: null) { id } }
      }
      gaps: governanceGaps(first: null) { kind }
    }
    fragment Seats on Body { roles(kinds: [CHAIR, MEMBER], asOf: "2016-01-15", first: 3) {
      kind from person { __typename name } } }
    """
    # `first: null` is the default, for a list below the root and at the root alike
    result = assert_same(kirklees, query, officer=False)
    assert result.data is not None
    assert list(result.data) == ["second", "first", "__typename", "hits", "gaps"]
    assert result.data["gaps"]
    assert list(result.data["second"]) == ["roles", "n"]
    assert result.data["first"] == {"name": "Kirklees Community Safety Partnership Executive"}
    assert len(result.data["second"]["roles"]) == 3


def test_a_list_nested_past_the_budget_is_refused_before_it_runs(kirklees: Neo4jSettings) -> None:
    """The question that once ran for 21 s and returned 40 MB: lists within lists."""
    query = """{ organisation(name: "Kirklees Council") { people { roles { body { roles {
                 person { roles { body { id } } } } } } } } }"""
    compiled = asyncio.run(_compiled(kirklees, query))
    assert compiled.data is None
    (error,) = compiled.errors or []
    assert (error.extensions or {})["code"] == TOO_COSTLY
    assert (error.extensions or {})["cost"] > 100_000_000


async def _compiled(settings: Neo4jSettings, query: str) -> ExecutionResult:
    driver = AsyncGraphDatabase.driver(settings.uri, **driver_options(settings))
    try:
        context = Context(driver, settings.database)
        return await schema.execute(query, context_value=context)  # type: ignore[return-value]
    finally:
        await driver.close()


def test_the_same_fields_in_another_order_compile_to_the_same_cypher(
    kirklees: Neo4jSettings,
) -> None:
    """Neo4j plans each query text once: a field order or aliases it has not seen must not
    cost a plan."""
    texts = []
    for fields in (
        "id name kind reportsTo { id name }",
        "reportsTo { name id } kind name id",
        "up: reportsTo { label: name id } type: kind n: name id",
    ):
        query = f'{{ body(id: "body/csp-executive") {{ {fields} }} }}'
        asyncio.run(_compiled(kirklees, query))
        texts.append(next(reversed(answers.plans.values())).text)
    assert texts[0] == texts[1] == texts[2]


@pytest.mark.parametrize("officer", [False, True], ids=["public", "officer"])
def test_plain_fields_never_change_the_cypher(kirklees: Neo4jSettings, officer: bool) -> None:
    """Fields that read one property (ids, names, dates, kinds, aliases, contact details)
    are named in a parameter, not in the text: a request that selects other ones of them
    asks Neo4j a query it has planned (the same fields for every type of a list, or some
    for each type). The answers still agree with the reference, for the
    public and for officers, contact details included."""
    shapes = [
        (
            'body(id: "body/csp-executive")',
            ["id", "name kind frequency", "aliases description id"],
            "reportsTo { id } roles { kind title from person { name } }",
            ["reportsTo { name } roles { to from person { email phone id } }"],
        ),
        (
            'ownership(id: "workstream/domestic-abuse")',
            ["__typename"],
            "owners { id } sources { quote }",
            ["owners { name aliases } sources { lines quote }"],
        ),
        (  # fields of each type its own: a list for each type, chosen by its name
            'ownership(id: "workstream/domestic-abuse")',
            ["__typename"],
            "owners { ... on Body { kind } ... on Plan { periodFrom status } }",
            ["owners { ... on Body { name frequency } ... on Plan { id } }"],
        ),
    ]  # fmt: skip
    for root, heads, first, others in shapes:
        asked = set()
        for head in heads:
            for selection in (first, *others):
                query = f"{{ {root} {{ {head} {selection} }} }}"
                with recorded() as queries_asked:
                    result = assert_same(kirklees, query, officer=officer)
                assert result.data and result.data[root.split("(")[0]], query
                (text, parameters), *_ = queries_asked  # compiled, then the reference's
                # Neo4j keeps a plan for a text and the types of its parameters.
                asked.add((text, frozenset((k, type(v).__name__) for k, v in parameters.items())))
        assert len(asked) == 1, root


def test_the_findings_of_a_date_are_worked_out_in_one_text_whatever_is_selected(
    kirklees: Neo4jSettings,
) -> None:
    """Working the findings of a date out takes Neo4j seconds to plan; a request selecting
    fields it has not seen must not plan them again, only the light query reading them back.
    Both come out as the findings worked out whole."""
    preludes, readings = set(), set()
    for fields in ("kind subject { id }", "explanation bodies { name } sources { lines }"):
        for root in ("governanceOverlaps", "governanceGaps"):
            query = f'{{ {root}(asOf: "2016-03-18") {{ {fields} }} }}'
            with recorded() as asked:
                assert_same(kirklees, query, officer=False)
            (prelude, _), (reading, _), (reference, _), _ = asked  # compiled, then reference
            assert reference == prelude
            preludes.add(prelude)
            readings.add(reading)
            assert "MATCH path" in prelude and "MATCH path" not in reading
    assert len(preludes) == 2 and len(readings) == 4


@pytest.mark.parametrize("officer", [False, True], ids=["public", "officer"])
def test_the_ids_of_the_bodies_a_kept_finding_names_are_read_from_the_finding(
    kirklees: Neo4jSettings, officer: bool
) -> None:
    """A national area's overlaps name 16,000 bodies; asked for their ids alone, they are
    read from the finding's node, not body by body, and the answer is the one the bodies
    themselves give. Asked for more than ids, or for a date, the bodies are read."""
    read_from_finding = {
        "bodies { id }": True,
        "bodies(first: 2) { __typename id }": True,
        "bodies { id name }": False,
        "bodies { ... on Plan { id } }": False,
    }
    for selection, kept_ids in read_from_finding.items():
        query = f"{{ governanceOverlaps {{ kind {selection} }} }}"
        with recorded() as asked:
            result = assert_same(kirklees, query, officer=officer)
        assert result.data and any(f["bodies"] for f in result.data["governanceOverlaps"])
        (compiled, _), _ = asked  # compiled, then reference
        assert ("body_ids" in compiled) == kept_ids, (query, compiled)
        dated = assert_same(kirklees, query.replace("Overlaps", 'Overlaps(asOf: "2016-03-18")'),
                            officer=officer)  # fmt: skip
        assert dated.data and any(f["bodies"] for f in dated.data["governanceOverlaps"])


def test_every_request_for_the_findings_of_a_date_asks_a_prelude_planned_ahead(
    kirklees: Neo4jSettings,
) -> None:
    """The app has Neo4j plan the findings of a date before it says it is ready
    (questions.plan_ahead). Neo4j keeps a plan for a query's text and the names and types of
    its parameters; a request of any shape, page, area or caller must ask a prelude planned
    ahead in all three, or it pays seconds of planning inside its time limit."""

    def signature(text: str, parameters: Row) -> tuple[str, frozenset[tuple[str, str]]]:
        return text, frozenset((name, type(v).__name__) for name, v in parameters.items())

    ahead = {signature(p.text, p.parameters) for p in preludes_planned_ahead()}
    assert len(ahead) == 4  # the overlaps and the gaps, for the whole graph and for one area
    asked = set()
    for query, officer in [
        ('{ governanceGaps(asOf: "2016-03-18") { kind } }', False),
        ('{ governanceOverlaps(asOf: "2021-01-01", area: "kirklees") { subject { id } } }', True),
        (
            """{ governanceGapsPage(asOf: "2016-03-18", first: 2, after: "1", area: "kirklees") {
               totalCount nodes { kind } }
             governanceOverlapsPage(asOf: "2016-03-18") { nodes { explanation } } }""",
            False,
        ),
    ]:
        with recorded() as queries_asked:
            assert not assert_same(kirklees, query, officer=officer).errors
        preludes = [signature(*q) for q in queries_asked if q[0].split("\n")[0].endswith("Prelude")]
        assert preludes, query
        asked.update(preludes)
    assert asked <= ahead, asked - ahead


IDS = st.sampled_from(
    ["body/csp-executive", "workstream/domestic-abuse", "plan/da-strategy-2015-18",
     "person/graham-turner", "commitment/da-action-4", "meeting/csp-executive-2015-12-10"]
).map(nodes.String)  # fmt: skip
DATES = st.dates(datetime.date(2014, 1, 1), datetime.date(2023, 1, 1)).map(
    lambda day: nodes.String(day.isoformat())
)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    query=queries(
        schema.as_str(),
        fields=["node", "body", "workstream", "plan", "person", "ownership"],
        custom_scalars={"Date": DATES, "ID": IDS},
    ),
    officer=st.booleans(),
)
def test_generated_queries_agree(kirklees: Neo4jSettings, query: Any, officer: bool) -> None:
    text = str(query)
    compiled, reference = both(kirklees, text, officer=officer)
    assume(TOO_COSTLY not in codes(compiled))
    assert codes(compiled) == codes(reference), (text, compiled.errors, reference.errors)
    if not compiled.errors:
        assert compiled.data == reference.data, text


def test_an_answer_past_the_byte_limit_is_an_error_never_sent_in_part(
    kirklees: Neo4jSettings,
) -> None:
    with TestClient(create_app(kirklees, max_response_bytes=2048)) as client:
        wait_until_ready(client)
        small = client.post("/graphql", json={"query": '{ node(id: "body/cabinet") { id } }'})
        assert small.json() == {"data": {"node": {"id": "body/cabinet"}}}
        wordy = "{ governanceGaps { explanation sources { quote } } }"
        big = client.post("/graphql", json={"query": wordy})
    assert big.status_code == 200 and len(big.content) < 2048
    (error,) = big.json()["errors"]
    assert error["extensions"] == {"code": "TOO_LARGE"} and big.json()["data"] is None
