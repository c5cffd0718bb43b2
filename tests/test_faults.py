"""Outages and concurrency: the API rides out Neo4j being down, a load killed half way
leaves nothing half-written, and questions asked during a load never mix old and new."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest
from neo4j import Driver
from starlette.testclient import TestClient

from graph.connection import open_driver
from graph.migrations import migrate
from graph.server import ManagedServer
from graph.settings import Neo4jSettings, from_managed
from schema.app import create_app
from tests.bulk import write_bulk_dataset
from tests.conftest import FIXTURES, load_dataset
from tests.support import COLD_START_SECONDS, neo4j_environment, serving, wait_until_ready

MANY = 5000
"""Members in the dataset a load is killed in: enough that its transaction lasts seconds."""

MEMBERS = """{ body(id: "body/bulk-board") {
  roles(kinds: [MEMBER], first: 1000) { person { name } } } }"""


def editions(answer: dict[str, object]) -> set[str]:
    """Which editions of the bulk dataset the answer's names come from."""
    roles = answer["data"]["body"]["roles"]  # type: ignore[index]
    return {role["person"]["name"].rsplit(" ", 1)[1] for role in roles}


@pytest.fixture
def served(settings: Neo4jSettings, driver: Driver) -> Iterator[str]:
    with serving(create_app(settings)) as url:
        yield f"{url}/graphql"


def test_questions_during_a_load_see_the_old_graph_or_the_new_never_a_mix(
    served: str, driver: Driver, database: str, tmp_path: Path
) -> None:
    members = 1000
    old = write_bulk_dataset(tmp_path / "a", members, "A")
    new = write_bulk_dataset(tmp_path / "b", members, "B")
    load_dataset(driver, database, old)
    answers: list[tuple[int, set[str], int]] = []
    loading = threading.Event()
    loaded = threading.Event()

    def ask_repeatedly() -> None:
        with httpx.Client(timeout=60) as client:
            while not loaded.is_set():
                response = client.post(served, json={"query": MEMBERS})
                body = response.json()
                if "errors" in body:
                    answers.append((response.status_code, {str(body["errors"])}, 0))
                    continue
                roles = body["data"]["body"]["roles"]
                answers.append((response.status_code, editions(body), len(roles)))
                loading.set()

    clients = [threading.Thread(target=ask_repeatedly) for _ in range(16)]
    for client in clients:
        client.start()
    loading.wait(timeout=60)
    load_dataset(driver, database, new)
    time.sleep(1.0)  # let the clients see the new graph too
    loaded.set()
    for client in clients:
        client.join(timeout=60)
    seen = {frozenset(found) for _, found, _ in answers}
    assert all(status == 200 for status, _, _ in answers)
    odd = {(count, frozenset(found)) for _, found, count in answers if count != members}
    assert not odd, odd
    assert seen == {frozenset({"A"}), frozenset({"B"})}, seen


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[ManagedServer]:
    """A managed Neo4j of this test's own, to stop, kill and restart."""
    server = ManagedServer(tmp_path / "neo4j")
    try:
        yield server
    finally:
        server.stop()


def _port(settings: Neo4jSettings) -> int:
    port = urlparse(settings.uri).port
    assert port is not None
    return port


def test_the_api_starts_while_neo4j_is_down_and_recovers_when_it_returns(
    own_server: ManagedServer,
) -> None:
    settings = from_managed(own_server, start=True)
    with open_driver(settings) as driver:
        migrate(driver, settings.database)
        load_dataset(driver, settings.database, FIXTURES / "mini")
    own_server.stop()
    with TestClient(create_app(settings)) as client:
        down = client.get("/readyz")
        assert down.status_code == 503 and down.text.startswith("neo4j unreachable")
        question = client.post("/graphql", json={"query": '{ node(id: "x") { id } }'})
        assert question.status_code == 200 and question.json()["errors"]
        own_server.start(port=_port(settings))
        wait_until_ready(client, COLD_START_SECONDS)
        answer = client.post(
            "/graphql", json={"query": '{ body(name: "Domestic Abuse Board") { id } }'}
        )
    assert answer.json() == {"data": {"body": {"id": "body/domestic-abuse-board"}}}


def _snapshot(driver: Driver, database: str) -> tuple[int, str]:
    records, _, _ = driver.execute_query(
        "MATCH (n:Record {dataset: 'bulk'}) WITH n ORDER BY n.id "
        "RETURN count(n) AS nodes, reduce(all = '', h IN collect(n.hash) | all + h) AS hashes",
        database_=database,
    )
    return records[0]["nodes"], records[0]["hashes"]


def _wait_for_the_load_to_write(
    driver: Driver, database: str, loader: subprocess.Popen[str]
) -> None:
    """Until the loader's transaction has written for a while (it is the only other one)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and loader.poll() is None:
        records, _, _ = driver.execute_query(
            "SHOW TRANSACTIONS YIELD currentQuery, elapsedTime "
            "WHERE NOT currentQuery STARTS WITH 'SHOW' "
            "RETURN max(elapsedTime.milliseconds) AS ms",
            database_=database,
        )
        if (records[0]["ms"] or 0) > 1000:
            return
        time.sleep(0.05)
    pytest.fail("the load ended, or never wrote, before it could be interrupted")


def test_a_load_killed_half_way_leaves_the_old_graph_and_a_rerun_converges(
    own_server: ManagedServer, tmp_path: Path
) -> None:
    settings = from_managed(own_server, start=True)
    old = write_bulk_dataset(tmp_path / "a", MANY, "A")
    new = write_bulk_dataset(tmp_path / "b", MANY, "B")
    environment = neo4j_environment(settings)
    command = [sys.executable, "-m", "govgraph.cli", "load", str(new)]
    with open_driver(settings) as driver:
        migrate(driver, settings.database)
        load_dataset(driver, settings.database, old)
        before = _snapshot(driver, settings.database)
        loader = subprocess.Popen(
            command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        _wait_for_the_load_to_write(driver, settings.database, loader)
        info = own_server.running()
        assert info is not None
        os.kill(info.pid, signal.SIGKILL)
    output, _ = loader.communicate(timeout=120)
    assert loader.returncode != 0, output

    own_server.stop()  # clears what the killed server left behind
    settings = from_managed(own_server, start=True)
    with open_driver(settings) as driver:
        assert _snapshot(driver, settings.database) == before, "the killed load left a trace"
        environment["NEO4J_URI"] = settings.uri
        rerun = subprocess.run(command, env=environment, capture_output=True, text=True)
        assert rerun.returncode == 0, rerun.stderr
        after = _snapshot(driver, settings.database)
        again = load_dataset(driver, settings.database, new)
        records, _, _ = driver.execute_query(
            "MATCH (p:Person {dataset: 'bulk'}) RETURN count(p) AS people, "
            "sum(CASE WHEN p.name ENDS WITH ' B' THEN 1 ELSE 0 END) AS edition_b",
            database_=settings.database,
        )
    assert after[0] == before[0] and after != before
    assert not again.changed
    assert records[0]["people"] == records[0]["edition_b"] == MANY


def test_a_dataset_too_big_for_one_transaction_is_refused_with_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dataset loads in one transaction. When Neo4j's transaction memory cannot hold it
    (24,000 records in a 256 MB heap here; 120,000 in a 2 GB one), the command says so and
    what to do, in one line, and nothing is written."""
    monkeypatch.setenv("GOVGRAPH_NEO4J_HEAP", "256m")
    server = ManagedServer(tmp_path / "neo4j")
    try:
        settings = from_managed(server, start=True)
        synthetic = tmp_path / "synthetic"
        made = subprocess.run(
            [sys.executable, "-m", "govgraph.cli", "synth", "--partnerships", "20",
             "--out", str(synthetic)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert made.returncode == 0, made.stderr
        done = subprocess.run(
            [sys.executable, "-m", "govgraph.cli", "load", str(synthetic)],
            env=neo4j_environment(settings), capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        with open_driver(settings) as driver:
            records, _, _ = driver.execute_query(
                "MATCH (n:Record) RETURN count(n) AS records", database_=settings.database
            )
    finally:
        server.stop()
    assert done.returncode == 1, done.stderr
    said = done.stderr.strip().splitlines()
    assert "Traceback" not in done.stderr, done.stderr
    assert said[-1].startswith("govgraph: Neo4j ran out of memory for one transaction ("), said
    assert "GOVGRAPH_NEO4J_HEAP" in said[-1] and "split the dataset" in said[-1], said
    assert records[0]["records"] == 0
