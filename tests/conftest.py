"""A real Neo4j for the whole session, found the way the product finds one.

Order: NEO4J_URI and friends if set; else a throwaway managed server (Java and Maven, the
jars cached outside the repo); else a testcontainers Neo4j when a Docker engine answers.
When none is possible the run fails with the reason: it never skips.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from neo4j import Driver

from graph.connection import open_driver, server_version
from graph.migrations import migrate
from graph.server import ManagedServer, ServerError
from graph.settings import Neo4jSettings, from_environment, from_managed
from graph.write import Diff
from loaders.dataset import read_dataset
from queries import questions
from usecases.graph_store import GraphStore

ROOT = Path(__file__).resolve().parent.parent
KIRKLEES = ROOT / "data" / "kirklees"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


class Neo4jForTests:
    def __init__(self) -> None:
        self.settings: Neo4jSettings | None = None
        self.version = "?"
        self._server: ManagedServer | None = None
        self._home: str | None = None
        self._container: object | None = None

    def start(self) -> None:
        reasons: list[str] = []
        self.settings = from_environment()
        if self.settings is None and shutil.which("java") and shutil.which("mvn"):
            self._home = tempfile.mkdtemp(prefix="govgraph-test-neo4j-")
            self._server = ManagedServer(Path(self._home))
            try:
                self.settings = from_managed(self._server, start=True)
            except ServerError as error:
                reasons.append(f"managed server: {error}")
        elif self.settings is None:
            reasons.append("managed server: java and mvn are needed on PATH")
        if self.settings is None:
            self.settings = self._container_settings(reasons)
        if self.settings is None:
            raise pytest.UsageError(
                "no Neo4j for the tests: set NEO4J_URI, or install Java 17+ and Maven, "
                "or run a Docker engine. Tried: " + "; ".join(reasons)
            )
        if os.environ.get("GOVGRAPH_TEST_ROUTING") and self.settings.uri.startswith("bolt://"):
            # The way a cluster is reached: the driver asks for a routing table and sends
            # reads to the servers it names for reading (`make test-routing`).
            routed = "neo4j://" + self.settings.uri.removeprefix("bolt://")
            self.settings = dataclasses.replace(self.settings, uri=routed)
        with open_driver(self.settings) as driver:
            self.version = server_version(driver, self.settings.database)
            warm_planner(driver, self.settings.database)

    def _container_settings(self, reasons: list[str]) -> Neo4jSettings | None:
        try:
            from testcontainers.neo4j import Neo4jContainer

            container = Neo4jContainer("neo4j:5.26").start()
        except Exception as error:  # any failure to reach Docker means "not possible here"
            reasons.append(f"testcontainers: {str(error).splitlines()[0][:200]}")
            return None
        self._container = container
        return Neo4jSettings(
            container.get_connection_url(), "neo4j", container.password, "neo4j", "container"
        )

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
        if self._home is not None:
            shutil.rmtree(self._home, ignore_errors=True)
        if self._container is not None:
            self._container.stop()  # type: ignore[attr-defined]


def warm_planner(driver: Driver, database: str) -> None:
    """Plan every root question twice, and the findings of a date as the app does before
    it says it is ready (questions.plan_ahead), before any test asks one: a JVM that has just
    started planned the findings in 8-20 s, against 1.3 s warm, past the API's 10 s limit on
    a busy machine. (Explained without parameters, a root question is planned, never kept:
    this warms the planner.)"""
    for _ in range(2):
        for question in questions.ROOTS:
            driver.execute_query("EXPLAIN " + question.as_records(), database_=database)
        questions.plan_ahead(driver, database)


NEO4J = Neo4jForTests()


def _interrupted(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"stopped by signal {signum}")


def pytest_sessionstart(session: pytest.Session) -> None:
    """Start the tests' Neo4j. A run stopped from outside (`timeout`, a cancelled job) gets
    SIGTERM, which would end Python without `pytest_sessionfinish`, and the managed server,
    a process of its own, would run on: nine of them (1 GB each) were once found left on a
    2-core machine. SIGTERM is taken as an interrupt, after which pytest still finishes the
    session and stops the server."""
    if not hasattr(session.config, "workerinput"):
        signal.signal(signal.SIGTERM, _interrupted)
        NEO4J.start()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    NEO4J.stop()


def pytest_report_header(config: pytest.Config) -> str:
    where = NEO4J.settings.uri if NEO4J.settings else "none"
    origin = NEO4J.settings.origin if NEO4J.settings else "none"
    return f"neo4j server: {NEO4J.version} at {where} ({origin})"


@pytest.fixture(scope="session")
def settings() -> Neo4jSettings:
    assert NEO4J.settings is not None
    return NEO4J.settings


@pytest.fixture(scope="session")
def session_driver(settings: Neo4jSettings) -> Iterator[Driver]:
    with open_driver(settings) as driver:
        yield driver


@pytest.fixture
def driver(session_driver: Driver, settings: Neo4jSettings) -> Driver:
    """A driver on a clean, migrated graph: every test starts from nothing."""
    session_driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.database)
    migrate(session_driver, settings.database)
    return session_driver


def load_dataset(
    driver: Driver, database: str, root: Path, *, dry_run: bool = False,
    max_delete_fraction: float = 0.25,
) -> Diff:  # fmt: skip
    """Validate, project and load a dataset directory, as `govgraph load` does."""
    assert NEO4J.settings is not None and database == NEO4J.settings.database
    store = GraphStore(NEO4J.settings, driver=driver)
    return store.load(read_dataset(root), dry_run=dry_run, max_delete_fraction=max_delete_fraction)


@pytest.fixture(scope="module")
def kirklees(session_driver: Driver, settings: Neo4jSettings) -> Neo4jSettings:
    """The Kirklees graph, loaded once for a module of tests that only read it."""
    session_driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.database)
    migrate(session_driver, settings.database)
    load_dataset(session_driver, settings.database, KIRKLEES)
    return settings


@pytest.fixture
def database(settings: Neo4jSettings) -> str:
    return settings.database


def environment_without_neo4j() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
