"""Opening a driver, and the checks that say whether a graph is ready to answer questions."""

from __future__ import annotations

import logging
from typing import Any

from neo4j import AsyncDriver, AsyncGraphDatabase, Driver, GraphDatabase

from graph.migrations import LATEST
from graph.settings import Neo4jSettings, relocated

log = logging.getLogger("govgraph")


def driver_options(settings: Neo4jSettings) -> dict[str, Any]:
    """What every driver, sync or async, is opened with."""
    return {
        "auth": (settings.user, settings.password),
        "notifications_min_severity": "OFF",
        "connection_acquisition_timeout": 10.0,
    }


def open_driver(settings: Neo4jSettings) -> Driver:
    return GraphDatabase.driver(settings.uri, **driver_options(settings))


class ServerLink:
    """The async driver a long-running app asks through, and the settings it was opened
    with. A managed server can come back from a stop, a crash or a reboot on another port
    (when its own was taken meanwhile); after a failure the app calls `follow`, which moves
    the driver to wherever the server listens now."""

    def __init__(self, settings: Neo4jSettings, *, max_transaction_retry_time: float) -> None:
        self.settings = settings
        self._retry_time = max_transaction_retry_time
        self.driver = self._open(settings)

    def _open(self, settings: Neo4jSettings) -> AsyncDriver:
        return AsyncGraphDatabase.driver(
            settings.uri, **driver_options(settings), max_transaction_retry_time=self._retry_time
        )

    async def follow(self) -> None:
        """When the managed server now listens elsewhere, open a driver there and close the
        old one, whose connections lead nowhere. Requests that fail together each call this:
        the first moves the driver (before it awaits anything), the others find it moved."""
        moved = relocated(self.settings)
        if moved is None:
            return
        log.warning("neo4j moved from %s to %s; following it", self.settings.uri, moved.uri)
        stale = self.driver
        self.settings, self.driver = moved, self._open(moved)
        await stale.close()

    async def close(self) -> None:
        await self.driver.close()


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
