"""Liveness and readiness, and the explorer answering over HTTP."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import httpx
import pytest
from neo4j import Driver
from starlette.testclient import TestClient

from govgraph.cli import main
from graph.settings import Neo4jSettings
from schema import app as app_module
from schema.app import create_app
from tests.conftest import FIXTURES
from tests.support import UNREACHABLE


def _load_mini(settings: Neo4jSettings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", settings.uri)
    monkeypatch.setenv("NEO4J_USER", settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", settings.password)
    monkeypatch.setenv("NEO4J_DATABASE", settings.database)
    assert main(["load", str(FIXTURES / "mini")]) == 0


def test_healthz_answers_while_neo4j_is_down() -> None:
    with TestClient(create_app(UNREACHABLE)) as client:
        assert client.get("/healthz").status_code == 200


def test_readyz_gives_the_reason_while_neo4j_is_down() -> None:
    with TestClient(create_app(UNREACHABLE)) as client:
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.text.startswith("neo4j unreachable")
    assert response.text.count("\n") == 1


def test_readyz_waits_for_data(driver: Driver, settings: Neo4jSettings) -> None:
    with TestClient(create_app(settings)) as client:
        response = _poll(client, lambda r: "no dataset" in r.text)
    assert response.status_code == 503
    assert response.text == "no dataset loaded\n"


def test_readyz_is_ready_once_data_is_loaded(
    driver: Driver, settings: Neo4jSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _load_mini(settings, monkeypatch)
    with TestClient(create_app(settings)) as client:
        response = _poll(client, lambda r: r.status_code == 200)
    assert response.status_code == 200


def test_readyz_waits_until_this_server_has_checked_the_migrations(
    driver: Driver, settings: Neo4jSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process migrated and loaded the graph, but this app's own migration task has
    not yet run: it is about to talk to Neo4j, so the app is not ready yet (once it says it
    is, nothing but questions talks to Neo4j)."""
    _load_mini(settings, monkeypatch)
    release = threading.Event()
    migrate = app_module._migrate

    def held_back(settings: Neo4jSettings) -> None:
        release.wait(timeout=30)
        migrate(settings)

    monkeypatch.setattr(app_module, "_migrate", held_back)
    with TestClient(create_app(settings)) as client:
        try:
            before = client.get("/readyz")
        finally:
            release.set()
        after = _poll(client, lambda r: r.status_code == 200)
    assert before.status_code == 503
    assert before.text == "migrations not yet checked by this server\n"
    assert after.status_code == 200


def test_readyz_reports_a_schema_behind(driver: Driver, settings: Neo4jSettings) -> None:
    driver.execute_query("MATCH (m:Migration) WHERE m.version > 1 DELETE m",
                         database_=settings.database)  # fmt: skip
    app = create_app(settings)
    with TestClient(app) as client:
        first = client.get("/readyz")
    assert first.status_code == 503


def test_graphql_answers_over_http(
    driver: Driver, settings: Neo4jSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _load_mini(settings, monkeypatch)
    query = """{ body(name: "csp executive") { id oversightChain { id } }
                 board: body(id: "body/domestic-abuse-board") { reportsTo { id name } }
                 search(text: "domestic abuse") { id } }"""
    with TestClient(create_app(settings)) as client:
        response = client.post("/graphql", json={"query": query})
        page = client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["body"] == {"id": "body/riverside-csp-executive", "oversightChain": []}
    assert data["board"]["reportsTo"] == [
        {"id": "body/riverside-csp-executive",
         "name": "Riverside Community Safety Partnership Executive"}
    ]  # fmt: skip
    assert [hit["id"] for hit in data["search"]] == [
        "workstream/domestic-abuse",  # the exact name first
        "body/domestic-abuse-board",
    ]
    assert page.status_code == 200 and "graphiql" in page.text.lower()


def _poll(
    client: TestClient, done: Callable[[httpx.Response], bool], seconds: float = 20.0
) -> httpx.Response:
    """Readiness may lag start-up by a migration; ask until `done` or time runs out."""
    deadline = time.monotonic() + seconds
    response: httpx.Response = client.get("/readyz")
    while not done(response) and time.monotonic() < deadline:
        time.sleep(0.2)
        response = client.get("/readyz")
    return response
