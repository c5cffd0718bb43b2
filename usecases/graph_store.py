"""`GraphStore`: the graph as its users see it, whatever front end they come through."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from graphql import ExecutionResult
from neo4j import AsyncDriver, AsyncGraphDatabase, Driver

from graph.connection import driver_options, open_driver
from graph.migrations import migrate
from graph.settings import Neo4jSettings
from graph.write import Diff, Progress, load
from loaders.dataset import Dataset
from loaders.project import project
from queries import stored
from schema.declare import Context
from schema.graphql import schema

Row = dict[str, Any]


class GraphStore:
    """One Neo4j database, with the use cases over it. The synchronous driver serves loads;
    questions are asked on an asynchronous one, opened in the event loop that asks."""

    def __init__(
        self, settings: Neo4jSettings, *, driver: Driver | None = None, timeout: float | None = None
    ) -> None:
        self.settings = settings
        self.timeout = timeout
        self._driver = driver
        self._owns_driver = driver is None
        self._migrated = False

    @property
    def driver(self) -> Driver:
        if self._driver is None:
            self._driver = open_driver(self.settings)
        return self._driver

    def close(self) -> None:
        """Close the driver the store opened; one it was given stays its owner's."""
        if self._driver is not None and self._owns_driver:
            self._driver.close()
            self._driver = None

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def migrate(self) -> None:
        """Bring the schema to the latest migration, and the stored findings to the current
        rules (once per store)."""
        if not self._migrated:
            migrate(self.driver, self.settings.database)
            stored.ensure_current(self.driver, self.settings.database)
            self._migrated = True

    def load(
        self,
        dataset: Dataset,
        *,
        dry_run: bool = False,
        max_delete_fraction: float = 0.25,
        progress: Progress | None = None,
        findings: bool = True,
    ) -> Diff:
        """Project and write a validated dataset in one transaction (all or nothing), after
        migrating; then, unless `findings` is false (a caller loading several datasets works
        them out once after the last), work out the stored findings of the graph it leaves.
        LoadRefused, writing nothing, when it would delete more than the fraction allowed
        (DeletionGuard) or create records under ids other datasets hold (IdsTaken)."""
        self.migrate()
        rows = project(dataset)
        diff = load(
            self.driver,
            self.settings.database,
            dataset.info.name,
            dataset.info.title,
            rows.nodes,
            list(rows.edges.values()),
            dry_run=dry_run,
            max_delete_fraction=max_delete_fraction,
            progress=progress,
        )
        if findings and diff.changed and not dry_run:
            self.refresh_findings()
        return diff

    def refresh_findings(self) -> None:
        """Work out and keep the findings of the graph as it stands (queries/stored.py), in
        transactions of their own: at 100k nodes they took 250 s worked out inside a load's
        transaction, through its uncommitted writes, and 32 s apart."""
        stored.refresh(self.driver, self.settings.database)

    @asynccontextmanager
    async def asking(self) -> AsyncIterator[AsyncDriver]:
        """An asynchronous driver for questions, in the event loop that asks them, checked to
        reach Neo4j first: an unreachable server is the driver's own error, not a question's
        masked failure."""
        async with AsyncGraphDatabase.driver(
            self.settings.uri, **driver_options(self.settings)
        ) as driver:
            await driver.verify_connectivity()
            yield driver

    async def ask(
        self,
        document: str,
        variables: Row | None = None,
        *,
        officer: bool = False,
        operation_name: str | None = None,
        driver: AsyncDriver | None = None,
    ) -> ExecutionResult:
        """Answer a GraphQL document as the API does, for an officer or for anyone."""
        if driver is not None:
            return await self._execute(driver, document, variables, officer, operation_name)
        async with self.asking() as opened:
            return await self._execute(opened, document, variables, officer, operation_name)

    def answer(
        self, document: str, variables: Row | None = None, **options: Any
    ) -> ExecutionResult:
        """`ask`, for callers outside an event loop."""
        return asyncio.run(self.ask(document, variables, **options))

    async def _execute(
        self,
        driver: AsyncDriver,
        document: str,
        variables: Row | None,
        officer: bool,
        operation_name: str | None,
    ) -> ExecutionResult:
        context = Context(driver, self.settings.database, officer, self.timeout)
        result = await schema.execute(
            document, variables, context_value=context, operation_name=operation_name
        )
        return result  # type: ignore[return-value]
