"""The public view holds on every way out: the API (every field, by introspection), the
review report's HTML and CSV, each export format and the log, for anonymous, service and
officer callers, over a dataset whose restricted records (a body, a meeting, a seat, a
commitment, a private item and the people known only from it) and contact details (in odd
spellings, declared or not) are each marked with words that must never reach the public.
And it is the view the documents promise: the public reads the graph as if its restricted
records did not exist."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import AsyncGraphDatabase, Driver
from starlette.testclient import TestClient

from graph.connection import driver_options
from graph.migrations import migrate
from graph.settings import Neo4jSettings
from report.collect import collect
from report.export import FORMATS, export
from report.render import write_report
from schema.app import create_app
from schema.http import JsonLogFormatter
from tests.conftest import FIXTURES, load_dataset
from tests.support import (
    TYPE_QUERY,
    all_fields,
    every_field_query,
    wait_until_ready,
    with_pages,
)
from usecases.graph_store import GraphStore

HARBOURSIDE = FIXTURES / "restricted"
OFFICER_TOKEN = "officer-token-0123456789abcdef"
SERVICE_TOKEN = "service-token-0123456789abcdef"
CALLERS = {
    "anonymous": {},
    "service": {"Authorization": f"Bearer {SERVICE_TOKEN}"},
    "officer": {"Authorization": f"Bearer {OFFICER_TOKEN}"},
}

SECRET_WORDS = (
    "kestrel", "osprey", "heron", "plover", "wren", "ivy marsh", "gus hale", "fay quill",
    "dana.moss", "pat.lowe", "harbour.gov.uk", "harbour-police.example",
)  # fmt: skip
SECRET_NUMBERS = ("1632960123", "7700900461")
"""The words of every restricted record and the digits of every phone number, however
they are spaced or punctuated."""

ROOTS = with_pages(
    {
        "node": 'node(id: "meeting/csp-board-2022-01-12")',
        "search": 'search(text: "harbourside", first: 100)',
        "organisation": 'organisation(id: "organisation/harbourside-council")',
        "person": 'person(id: "person/eli-ward")',
        "body": 'body(id: "body/csp-board")',
        "workstream": 'workstream(id: "workstream/youth-violence")',
        "plan": 'plan(id: "plan/night-time-economy-plan")',
        "governanceOverlaps": "governanceOverlaps",
        "governanceGaps": "governanceGaps",
        "sharedMembers": "sharedMembers(minBodies: 1)",
        "overdue": 'overdue(asOf: "2030-01-01")',
        "commitments": "commitments",
        "ownership": 'ownership(id: "commitment/nte-2-3")',
    }
)

NEIGHBOURS_OF_RESTRICTED = {
    "body/csp-board": "Body",
    "body/youth-violence-group": "Body",
    "person/eli-ward": "Person",
    "person/jo-bright": "Person",
    "person/dana-moss": "Person",
    "person/pat-lowe": "Person",
    "organisation/harbourside-council": "Organisation",
    "workstream/youth-violence": "Workstream",
    "plan/community-safety-plan": "Plan",
    "plan/night-time-economy-plan": "Plan",
    "commitment/nte-2-2": "Commitment",
    "commitment/nte-2-3": "Commitment",
    "meeting/csp-board-2022-01-12": "Meeting",
}
"""Every public record with a restricted record or a contact detail next to it: each is
asked for with every field of its type."""


def leaks(text: str) -> list[str]:
    folded = " ".join(text.casefold().split())
    digits = re.sub(r"\D", "", text)
    return [w for w in SECRET_WORDS if w in folded] + [n for n in SECRET_NUMBERS if n in digits]


@pytest.fixture(scope="module")
def harbourside(session_driver: Driver, settings: Neo4jSettings) -> Neo4jSettings:
    _reload(session_driver, settings)
    return settings


def _reload(driver: Driver, settings: Neo4jSettings) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.database)
    migrate(driver, settings.database)
    load_dataset(driver, settings.database, HARBOURSIDE)


@pytest.fixture(scope="module")
def client(harbourside: Neo4jSettings) -> Iterator[TestClient]:
    tokens = {OFFICER_TOKEN: "officer", SERVICE_TOKEN: "service"}
    with TestClient(create_app(harbourside, tokens=tokens)) as client:
        wait_until_ready(client)
        yield client


def ask(client: TestClient, query: str, caller: str = "anonymous") -> Any:
    response = client.post("/graphql", json={"query": query}, headers=CALLERS[caller])
    assert response.status_code == 200, response.text
    answer = response.json()
    assert "errors" not in answer, (query, answer["errors"])
    return answer["data"]


def api_answers(client: TestClient, caller: str) -> dict[str, Any]:
    """Every field of every type, and every field of each record next to a restricted one."""
    introspection = ask(client, TYPE_QUERY)["__schema"]
    types = {t["name"]: t for t in introspection["types"]}
    queries = [query for _, query in every_field_query(introspection, ROOTS)]
    queries += [
        f'{{ node(id: "{id}") {{ ... on {kind} {all_fields(types, kind)} }} }}'
        for id, kind in NEIGHBOURS_OF_RESTRICTED.items()
    ]
    queries += [
        '{ governanceOverlaps(asOf: "2022-06-01") { kind explanation bodies { name } } }',
        '{ governanceGaps(asOf: "2022-06-01") { kind explanation bodies { name } } }',
        "{ sharedMembers(minBodies: 2) { name roles { title body { name } } } }",
    ]
    return {query: ask(client, query, caller) for query in queries}


def files_written(settings: Neo4jSettings, out: Path, *, officer: bool) -> dict[str, str]:
    """The review report (HTML and CSV) and every export format, as text by file name."""

    async def write() -> None:
        driver = AsyncGraphDatabase.driver(settings.uri, **driver_options(settings))
        try:
            write_report(await collect(GraphStore(settings), None), out / "review")
            for form in FORMATS:
                await export(driver, settings.database, form, out / form, restricted=officer)
        finally:
            await driver.close()

    asyncio.run(write())
    return {
        str(path.relative_to(out)): path.read_text(encoding="utf-8")
        for path in sorted(out.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("caller", ["anonymous", "service"])
def test_no_restricted_word_or_contact_detail_reaches_a_public_caller_through_the_api(
    client: TestClient, caller: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        answers = api_answers(client, caller)
    assert len(answers) > 30
    found = {query: leaks(json.dumps(answer)) for query, answer in answers.items()}
    assert {query: words for query, words in found.items() if words} == {}
    log = "\n".join(JsonLogFormatter().format(record) for record in caplog.records)
    assert leaks(log) == []


def test_officers_read_what_the_public_may_not(client: TestClient) -> None:
    """The same walk as an officer finds every secret: the walk reaches them all."""
    text = json.dumps(api_answers(client, "officer"))
    assert set(leaks(text)) == {*SECRET_WORDS, *SECRET_NUMBERS} - {"ivy marsh"}
    # Ivy Marsh is linked to nothing; she is there by id
    assert ask(client, '{ node(id: "person/ivy-marsh") { name } }', "officer")["node"]


def test_the_report_and_every_export_show_the_public_view_only(
    harbourside: Neo4jSettings, tmp_path: Path
) -> None:
    public = files_written(harbourside, tmp_path / "public", officer=False)
    assert {"review/index.html", "review/overlaps.csv", "graphml", "jsonl"} <= set(public)
    assert {name: leaks(text) for name, text in public.items() if leaks(text)} == {}
    exported = json.loads(public["jsonl"].splitlines()[0])["properties"]
    assert not {"hash", "lookup_keys", "search_text", "text"} & set(exported)
    with_restricted = files_written(harbourside, tmp_path / "officer", officer=True)
    assert {"kestrel", "dana.moss", "1632960123"} <= set(leaks(with_restricted["jsonl"]))


def test_what_the_public_reads_of_each_restricted_thing(client: TestClient) -> None:
    """Spelled out: seats, governors, duplicates, leads, descriptions and contact details."""

    def both(query: str) -> tuple[Any, Any]:
        return ask(client, query), ask(client, query, "officer")

    public, officer = both("{ sharedMembers(minBodies: 2) { id } }")
    assert public["sharedMembers"] == []  # Eli Ward's second seat is on the restricted panel
    assert {"id": "person/eli-ward"} in officer["sharedMembers"]

    public, officer = both("{ governanceOverlaps { kind subject { id } bodies { id } } }")
    governors = {"kind": "MULTIPLE_GOVERNORS", "subject": {"id": "workstream/youth-violence"}}
    assert not [f for f in public["governanceOverlaps"] if f.items() >= governors.items()]
    assert [f for f in officer["governanceOverlaps"] if f.items() >= governors.items()]

    gap = {"kind": "NO_LEAD", "subject": {"id": "commitment/nte-2-3"}}
    public, officer = both("{ governanceGaps { kind subject { id } } }")
    assert gap in public["governanceGaps"]  # its only lead is known from restricted lines
    assert gap not in officer["governanceGaps"]

    public, officer = both(
        '{ person(id: "person/jo-bright") { description } '
        'dana: person(id: "person/dana-moss") { email phone sources { quote } } }'
    )
    assert public["person"]["description"] == (
        "Presented the [withheld: restricted item] update to the Board; call [withheld]."
    )
    assert officer["person"]["description"].startswith("Presented the Plover case review")
    assert public["dana"]["email"] is None and public["dana"]["phone"] is None
    assert public["dana"]["sources"] == [
        {"quote": "Contact: Dana Moss, Partnership Manager, [withheld], telephone [withheld]"}
    ]
    assert officer["dana"]["email"] == "Dana.Moss@harbour.gov.uk"

    public, officer = both(
        '{ body(id: "body/csp-board") { roles { title } } '
        'meeting: node(id: "meeting/csp-board-2022-01-12") '
        "{ ... on Meeting { agenda { number } } } }"
    )
    assert "Wren chair" not in [r["title"] for r in public["body"]["roles"]]
    assert "Wren chair" in [r["title"] for r in officer["body"]["roles"]]
    assert public["meeting"]["agenda"] == [{"number": "7"}]


def test_the_public_reads_the_graph_as_if_its_restricted_records_did_not_exist(
    client: TestClient, harbourside: Neo4jSettings, session_driver: Driver, tmp_path: Path
) -> None:
    """Every public answer, report and export is the same once the restricted records are
    deleted: nothing the public reads depends on them (not a count, not a gap)."""
    try:
        before_answers = api_answers(client, "anonymous")
        before_files = files_written(harbourside, tmp_path / "before", officer=False)
        deleted = session_driver.execute_query(
            "MATCH (n:Record) WHERE n.restricted DETACH DELETE n RETURN count(*) AS deleted",
            database_=harbourside.database,
        ).records[0]["deleted"]
        # the panel, the Osprey meeting and its action, the Heron commitment, the private item,
        # the three people known only from restricted lines, five roles and the note
        assert deleted == 14
        after_answers = api_answers(client, "anonymous")
        after_files = files_written(harbourside, tmp_path / "after", officer=False)
    finally:
        _reload(session_driver, harbourside)
    assert _unordered(after_answers) == _unordered(before_answers)
    assert after_files == before_files


def _unordered(value: Any) -> Any:
    """Lists compared as multisets: search ranks by index statistics, which any deletion
    changes, while what is found must not."""
    if isinstance(value, dict):
        return {key: _unordered(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted((_unordered(item) for item in value), key=json.dumps)
    return value


def test_the_log_masks_contact_details_in_messages_and_tracebacks() -> None:
    try:
        raise ValueError("could not write to dana.moss@harbour.gov.uk or ring 01632 960123")
    except ValueError:
        record = logging.LogRecord(
            "govgraph", logging.ERROR, __file__, 1, "asked by %s", ("Pat.Lowe@x.example.uk",),
            sys.exc_info(),
        )  # fmt: skip
    line = JsonLogFormatter().format(record)
    assert "ValueError" in line and "[withheld]" in line
    assert leaks(line) == []
