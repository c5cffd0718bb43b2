"""The API against a managed Neo4j that goes away: restarted on another port, or frozen with
connections open. The server is this module's own, in a temporary home, so that stopping or
freezing it leaves the session's server alone."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import TypeVar
from urllib.parse import urlparse

import pytest
from starlette.testclient import TestClient

from graph.connection import open_driver
from graph.migrations import migrate
from graph.server import ManagedServer
from graph.settings import Neo4jSettings, from_managed
from queries.questions import ANSWER_GRACE
from schema.app import READINESS_SECONDS, create_app
from tests.conftest import FIXTURES, load_dataset
from tests.support import COLD_START_SECONDS, wait_until_ready

QUESTION = {"query": '{ body(name: "Domestic Abuse Board") { id } }'}
ANSWER = {"data": {"body": {"id": "body/domestic-abuse-board"}}}
QUERY_TIMEOUT = 3.0
SLACK = 1.5
"""What a busy machine may add to a bound before the test calls it broken."""

T = TypeVar("T")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ManagedServer]:
    """A server of this module's own, with the mini dataset loaded."""
    managed = ManagedServer(tmp_path_factory.mktemp("recovery") / "neo4j")
    try:
        settings = from_managed(managed, start=True)
        with open_driver(settings) as driver:
            migrate(driver, settings.database)
            load_dataset(driver, settings.database, FIXTURES / "mini")
        yield managed
    finally:
        managed.stop()


def _port(settings: Neo4jSettings) -> int:
    port = urlparse(settings.uri).port
    assert port is not None
    return port


def _until(attempt: Callable[[], T], done: Callable[[T], bool], seconds: float) -> T:
    """Attempt until `done` says so or `seconds` pass; the last attempt's result."""
    deadline = time.monotonic() + seconds
    result = attempt()
    while not done(result) and time.monotonic() < deadline:
        time.sleep(0.25)
        result = attempt()
    return result


def test_the_api_finds_the_server_again_when_it_comes_back_on_another_port(
    server: ManagedServer,
) -> None:
    """Its port was taken while it was down, so it comes back elsewhere. One app is only
    asked questions afterwards and another only probed, so each way finds it on its own."""
    settings = from_managed(server, start=True)
    asked = create_app(settings, query_timeout=QUERY_TIMEOUT)
    probed = create_app(settings, query_timeout=QUERY_TIMEOUT)
    with TestClient(asked) as questions, TestClient(probed) as probes:
        wait_until_ready(questions, COLD_START_SECONDS)  # the module's server has just started
        wait_until_ready(probes, COLD_START_SECONDS)
        assert questions.post("/graphql", json=QUESTION).json() == ANSWER
        server.stop()
        with socket.socket() as squatter:  # listens, and never answers
            squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            squatter.bind(("127.0.0.1", _port(settings)))
            squatter.listen()
            moved = from_managed(server, start=True)
            answer = _until(
                lambda: questions.post("/graphql", json=QUESTION).json(),
                lambda answer: answer == ANSWER,
                seconds=30,
            )
            ready = _until(
                lambda: probes.get("/readyz"), lambda r: r.status_code == 200, seconds=30
            )
            probed_answer = probes.post("/graphql", json=QUESTION).json()
    assert _port(moved) != _port(settings)
    assert answer == ANSWER
    assert ready.status_code == 200, ready.text
    assert probed_answer == ANSWER


def test_a_frozen_server_costs_a_caller_the_time_limit_and_no_more(
    server: ManagedServer,
) -> None:
    settings = from_managed(server, start=True)
    with TestClient(create_app(settings, query_timeout=QUERY_TIMEOUT)) as client:
        wait_until_ready(client, COLD_START_SECONDS)  # a server restarted by the test before
        assert client.post("/graphql", json=QUESTION).json() == ANSWER  # a connection waits
        info = server.running()
        assert info is not None
        os.kill(info.pid, signal.SIGSTOP)
        thaw = threading.Timer(20.0, os.kill, (info.pid, signal.SIGCONT))
        thaw.start()  # should the API hang regardless, the test still ends
        try:
            started = time.monotonic()
            frozen = client.post("/graphql", json=QUESTION)
            asked_for = time.monotonic() - started
            started = time.monotonic()
            probe = client.get("/readyz")
            probed_for = time.monotonic() - started
        finally:
            thaw.cancel()
            os.kill(info.pid, signal.SIGCONT)
        answers = [client.post("/graphql", json=QUESTION).json() for _ in range(5)]
    assert "errors" in frozen.json(), (frozen.json(), f"answered after {asked_for:.1f} s")
    (error,) = frozen.json()["errors"]
    assert error["extensions"] == {"code": "TIMEOUT"}, error
    assert asked_for < QUERY_TIMEOUT + ANSWER_GRACE + SLACK
    assert probe.status_code == 503 and probe.text.startswith("neo4j unreachable"), probe.text
    assert probed_for < READINESS_SECONDS + SLACK
    assert answers == [ANSWER] * 5  # no connection came back to the pool with a stale answer
