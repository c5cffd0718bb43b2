"""Opening a driver, and the checks that say whether a graph is ready to answer questions."""

from __future__ import annotations

from typing import Any

from neo4j import Driver, GraphDatabase

from graph.migrations import LATEST
from graph.settings import Neo4jSettings


def driver_options(settings: Neo4jSettings) -> dict[str, Any]:
    """What every driver, sync or async, is opened with."""
    return {
        "auth": (settings.user, settings.password),
        "notifications_min_severity": "OFF",
        "connection_acquisition_timeout": 10.0,
    }


def open_driver(settings: Neo4jSettings) -> Driver:
    return GraphDatabase.driver(settings.uri, **driver_options(settings))


def judge_readiness(schema: int | None, datasets: list[str]) -> str | None:
    """None when the schema is current and data is loaded; otherwise the reason, in one line."""
    if schema != LATEST:
        return f"schema at migration {schema or 0}, expected {LATEST}"
    if not datasets:
        return "no dataset loaded"
    return None


def server_version(driver: Driver, database: str) -> str:
    records, _, _ = driver.execute_query(
        "CALL dbms.components() YIELD versions RETURN versions[0] AS version",
        database_=database,
        routing_="r",
    )
    version: str = records[0]["version"]
    return version
