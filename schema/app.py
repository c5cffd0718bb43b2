"""The ASGI application: GraphQL and its explorer at /graphql, liveness at /healthz,
readiness at /readyz.

The app starts even when Neo4j does not answer; it applies migrations as soon as Neo4j does,
and /readyz says why it is not ready until then.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Mapping
from typing import Any

import orjson
from neo4j import AsyncDriver, AsyncGraphDatabase
from neo4j.exceptions import Neo4jError, ServiceUnavailable
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from strawberry.asgi import GraphQL

from graph.connection import driver_options, judge_readiness, open_driver
from graph.migrations import migrate
from graph.settings import Neo4jSettings
from queries.health import readiness_facts
from schema import explorer
from schema.graphql import Context, schema
from schema.http import BearerTokens, BodyLimit, JsonBodies, RequestIds

log = logging.getLogger("govgraph")

RETRY_SECONDS = 2.0
"""How long to wait between migration attempts, and the driver's retry budget for managed
transactions, while Neo4j does not answer: seconds, not the driver's default half minute.
(Questions are auto-commit reads with a retry of their own: queries/questions.py.)"""
QUERY_TIMEOUT = 10.0


class GovGraphQL(GraphQL[Context, None]):
    def __init__(self, driver: AsyncDriver, database: str, query_timeout: float) -> None:
        super().__init__(schema)
        self.driver = driver
        self.database = database
        self.query_timeout = query_timeout

    async def get_context(self, request: Any, response: Any) -> Context:
        officer = bool(request.scope.get("state", {}).get("officer", False))
        return Context(self.driver, self.database, officer, self.query_timeout)

    async def render_graphql_ide(self, request: Request) -> Response:
        return explorer.page()

    def encode_json(self, data: object) -> bytes:
        """Answers run to hundreds of kilobytes (a body's roles over ten years): orjson."""
        return orjson.dumps(data)


def create_app(
    settings: Neo4jSettings,
    *,
    tokens: Mapping[str, str] | None = None,
    query_timeout: float = QUERY_TIMEOUT,
) -> Starlette:
    """The app over `settings`' Neo4j; `tokens` maps bearer tokens to roles; every question
    is a Neo4j transaction limited to `query_timeout` seconds."""
    driver = AsyncGraphDatabase.driver(
        settings.uri, **driver_options(settings), max_transaction_retry_time=RETRY_SECONDS
    )
    state: dict[str, bool] = {"migrated": False}

    async def apply_migrations_when_reachable() -> None:
        while not state["migrated"]:
            try:
                await asyncio.to_thread(_migrate, settings)
                state["migrated"] = True
            except (ServiceUnavailable, Neo4jError, OSError) as error:
                log.warning("neo4j not ready for migrations: %s", str(error).splitlines()[0])
                await asyncio.sleep(RETRY_SECONDS)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        task = asyncio.create_task(apply_migrations_when_reachable())
        try:
            yield
        finally:
            task.cancel()
            await driver.close()

    async def healthz(request: Request) -> Response:
        return PlainTextResponse("ok\n")

    async def readyz(request: Request) -> Response:
        try:
            schema_version, datasets = await readiness_facts(driver, settings.database)
            reason = judge_readiness(schema_version, datasets)
        except (ServiceUnavailable, Neo4jError, OSError) as error:
            reason = f"neo4j unreachable: {str(error).splitlines()[0]}"
        if reason is None:
            return PlainTextResponse("ready\n")
        return PlainTextResponse(reason + "\n", status_code=503)

    return Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route(
                "/graphql",
                GovGraphQL(driver, settings.database, query_timeout),
                methods=["GET", "POST"],
            ),
            Route("/explorer/{name}", explorer.asset),
        ],
        lifespan=lifespan,
        middleware=[
            Middleware(RequestIds),
            Middleware(BodyLimit),
            Middleware(JsonBodies),
            Middleware(BearerTokens, tokens=tokens or {}),
        ],
    )


def _migrate(settings: Neo4jSettings) -> None:
    with open_driver(settings) as driver:
        driver.verify_connectivity()  # fails at once; queries would retry for half a minute
        migrate(driver, settings.database)
