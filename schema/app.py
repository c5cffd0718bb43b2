"""The ASGI application: GraphQL and its explorer at /graphql, liveness at /healthz,
readiness at /readyz.

The app starts even when Neo4j does not answer; it applies migrations as soon as Neo4j does,
and /readyz says why it is not ready until then. A managed Neo4j that comes back from a stop,
a crash or a reboot on another port is found again (graph/connection.py, ServerLink).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

import orjson
from neo4j.exceptions import DriverError, Neo4jError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from graph.connection import ServerLink, judge_readiness, open_driver
from graph.migrations import migrate
from graph.settings import Neo4jSettings
from queries import questions, stored
from queries.health import readiness_facts
from schema import explorer
from schema.declare import Context
from schema.graphql import schema
from schema.http import (
    BearerTokens,
    BodyLimit,
    JsonBodies,
    JsonRefusals,
    ReadableParameters,
    RequestIds,
    SecurityHeaders,
    cross_origin,
)

log = logging.getLogger("govgraph")

RETRY_SECONDS = 2.0
"""How long to wait between migration attempts, and the driver's retry budget for managed
transactions, while Neo4j does not answer: seconds, not the driver's default half minute.
(Questions are auto-commit reads with a retry of their own: queries/questions.py.)"""
QUERY_TIMEOUT = 10.0
TOO_LARGE = "TOO_LARGE"

READINESS_SECONDS = 2.0
"""How long /readyz waits for Neo4j: a frozen or cut-off server reads as not ready at once,
rather than holding the load balancer's probe."""

NEO4J_FAILURES = (DriverError, Neo4jError, OSError)
"""Everything the driver raises when Neo4j is down, frozen, moved or refusing us."""


MAX_RESPONSE_BYTES = 32 * 2**20
"""The largest answer sent. The cost limit (schema/answer.py) keeps answers far below it;
this is the last bound, on bytes, should a record's own text be huge."""


class GovGraphQL(GraphQL[Context, None]):
    def __init__(
        self, link: ServerLink, query_timeout: float, max_response_bytes: int = MAX_RESPONSE_BYTES
    ) -> None:
        super().__init__(schema)
        self.link = link
        self.query_timeout = query_timeout
        self.max_response_bytes = max_response_bytes

    async def get_context(self, request: Any, response: Any) -> Context:
        officer = bool(request.scope.get("state", {}).get("officer", False))
        database = self.link.settings.database
        return Context(self.link.driver, database, officer, self.query_timeout)

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        """A failed answer may mean the managed server came back on another port: look, so
        that the next question finds it. Only failures pay for the look (a small file read)."""
        if result.errors:
            await self.link.follow()
        return await super().process_result(request, result)

    async def render_graphql_ide(self, request: Request) -> Response:
        return explorer.page()

    def encode_json(self, data: object) -> bytes:
        """Answers run to hundreds of kilobytes (a body's roles over ten years): orjson. One
        past `max_response_bytes` is replaced by a coded error, never sent in part."""
        encoded = orjson.dumps(data)
        if len(encoded) <= self.max_response_bytes:
            return encoded
        message = (
            f"the answer is {len(encoded):,} bytes, more than the {self.max_response_bytes:,} "
            "allowed: ask for less (smaller `first`, fewer fields)"
        )
        return orjson.dumps(
            {"data": None, "errors": [{"message": message, "extensions": {"code": TOO_LARGE}}]}
        )


def create_app(
    settings: Neo4jSettings,
    *,
    tokens: Mapping[str, str] | None = None,
    query_timeout: float = QUERY_TIMEOUT,
    cors_origins: Sequence[str] = (),
    max_response_bytes: int = MAX_RESPONSE_BYTES,
) -> Starlette:
    """The app over `settings`' Neo4j; `tokens` maps bearer tokens to roles; every question
    is a Neo4j transaction limited to `query_timeout` seconds, and no answer is longer than
    `max_response_bytes`."""
    link = ServerLink(settings, max_transaction_retry_time=RETRY_SECONDS)
    state: dict[str, bool] = {"migrated": False}

    async def apply_migrations_when_reachable() -> None:
        while not state["migrated"]:
            try:
                await asyncio.to_thread(_migrate, link.settings)
                state["migrated"] = True
            except NEO4J_FAILURES as error:
                log.warning("neo4j not ready for migrations: %s", _first_line(error))
                await link.follow()
                await asyncio.sleep(RETRY_SECONDS)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        task = asyncio.create_task(apply_migrations_when_reachable())
        try:
            yield
        finally:
            task.cancel()
            await link.close()

    async def healthz(request: Request) -> Response:
        return PlainTextResponse("ok\n")

    async def why_not_ready() -> str | None:
        """None when ready. Ready also means this app has checked the migrations itself:
        until then its migration task may still talk to Neo4j, and once ready nothing but
        questions does."""
        try:
            async with asyncio.timeout(READINESS_SECONDS):
                schema_version, datasets = await readiness_facts(
                    link.driver, link.settings.database
                )
        except TimeoutError:
            await link.follow()
            return f"neo4j unreachable: no answer within {READINESS_SECONDS:g} s"
        except NEO4J_FAILURES as error:
            await link.follow()
            return f"neo4j unreachable: {_first_line(error)}"
        reason = judge_readiness(schema_version, datasets)
        if reason is None and not state["migrated"]:
            return "migrations not yet checked by this server"
        return reason

    async def readyz(request: Request) -> Response:
        reason = await why_not_ready()
        if reason is None:
            return PlainTextResponse("ready\n")
        return PlainTextResponse(reason + "\n", status_code=503)

    return Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route(
                "/graphql",
                GovGraphQL(link, query_timeout, max_response_bytes),
                methods=["GET", "POST"],
            ),
            Route("/explorer/{name}", explorer.asset),
        ],
        lifespan=lifespan,
        middleware=[
            Middleware(RequestIds),
            Middleware(SecurityHeaders),
            *cross_origin(cors_origins),
            Middleware(BodyLimit),
            Middleware(JsonBodies),
            Middleware(BearerTokens, tokens=tokens or {}),
            Middleware(ReadableParameters),
            Middleware(JsonRefusals),
        ],
    )


KEEP_ALIVE_SECONDS = 75
"""How long an idle keep-alive connection stays open. A client or balancer keeps idle
connections in a pool to reuse, and one the server closes at the moment it reuses it gets
a reset (a 502 behind a balancer, a failed request to httpx): so the API keeps them longer
than the pools in front of it do (60 s for AWS's balancers and nginx's upstreams, 5 s for
httpx), as nginx does itself (75 s). uvicorn's own default is 5 s."""


def server_options(
    host: str, port: int, *, keep_alive: int = KEEP_ALIVE_SECONDS, **options: Any
) -> dict[str, Any]:
    """uvicorn's settings for serving the app, for `govgraph serve` and the tests alike."""
    return {"host": host, "port": port, "timeout_keep_alive": keep_alive, **options}


def _first_line(error: Exception) -> str:
    return (str(error).splitlines() or [type(error).__name__])[0]


def _migrate(settings: Neo4jSettings) -> None:
    """The schema's migrations, the stored findings brought to this release's rules, and the
    questions planned (questions.plan_ahead): all before the app says it is ready."""
    with open_driver(settings) as driver:
        driver.verify_connectivity()  # fails at once; queries would retry for half a minute
        migrate(driver, settings.database)
        if stored.ensure_current(driver, settings.database):
            log.info("stored findings worked out again for this release's rules")
        questions.plan_ahead(driver, settings.database)
