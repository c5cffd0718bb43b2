"""What every HTTP request goes through before GraphQL: a request id (returned as a header
and written on the structured log line), the headers that tell a browser what the app's pages
may do, cross-origin access for named origins only, a limit on the body, the bearer token,
and GraphQL parameters readable before the GraphQL view reads them."""

from __future__ import annotations

import contextvars
import ipaddress
import json
import logging
import re
import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import orjson
from starlette.datastructures import Headers, QueryParams
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.public import mask_contacts
from schema.access import OFFICER, Unauthorized, role_of

MAX_BODY = 64 * 1024
MAX_NESTING = 32
"""How deep JSON in a request may nest. GraphQL variables here are flat; the GraphQL view
parses JSON by recursion, so a document nested a thousand deep would fail inside it."""
GRAPHQL_PATH = "/graphql"
BAD_REQUEST = "BAD_REQUEST"
REQUEST_ID = "x-request-id"
SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
ORIGIN = re.compile(r"https?://(\[[0-9a-f:.]+\]|[a-z0-9-]+(\.[a-z0-9-]+)*)(:[0-9]{1,5})?")
"""An origin as a browser sends it in the Origin header (lower case, no path)."""

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:",  # GraphiQL's stylesheet carries its fonts inline
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
access_log = logging.getLogger("govgraph.access")


class JsonLogFormatter(logging.Formatter):
    """One JSON object per line, with the request id of the request being served. Logs are a
    way out too: contact details in a message or a traceback are masked (graph/public.py)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "request_id": getattr(record, "request_id", request_id.get()),
            "message": mask_contacts(record.getMessage()),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["error"] = mask_contacts(self.formatException(record.exc_info))
        return json.dumps(entry, default=str)


class RequestIds:
    """Give every request an id (the caller's, if it sent a sane one), return it as
    X-Request-ID, and log one line per request with it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        offered = Headers(scope=scope).get(REQUEST_ID, "")
        rid = offered if SAFE_ID.match(offered) else uuid.uuid4().hex
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            access_log.info(
                "request",
                extra={
                    "request_id": rid,
                    "fields": {
                        "method": scope["method"],
                        "path": scope["path"],
                        "status": status,
                        "ms": round((time.perf_counter() - started) * 1000, 1),
                    },
                },
            )
            request_id.reset(token)


def refusal(status: int, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """A request the server will not run, answered in the shape GraphQL clients read errors in."""
    error = {"message": message, "extensions": {"code": BAD_REQUEST}}
    return JSONResponse({"errors": [error]}, status_code=status, headers=headers)


class SecurityHeaders:
    """Tell the browser that every response is what its Content-Type says, that pages run
    only the app's own scripts and styles and may not be framed, and that no referrer leaves
    with a link: the explorer is the only page, and it needs nothing else."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class CorsOriginsInvalid(ValueError):
    pass


def parse_cors_origins(text: str | None) -> tuple[str, ...]:
    """GOVGRAPH_CORS_ORIGINS: comma-separated origins whose pages may call the API."""
    return checked_origins(entry.strip() for entry in (text or "").split(",") if entry.strip())


def checked_origins(origins: Iterable[str]) -> tuple[str, ...]:
    """Exact origins, scheme and host in lower case as browsers send them; every problem is
    reported at once. `*` is refused: tokens travel in the Authorization header, and which
    sites' pages may send them is a decision to write down, one origin at a time."""
    accepted: list[str] = []
    problems: list[str] = []
    for origin in origins:
        if origin == "*":
            problems.append(
                "'*' is refused: tokens travel in the Authorization header, so name each "
                "origin whose pages may send them"
            )
        elif not ORIGIN.fullmatch(origin.lower()):
            problems.append(f"{origin!r} is not an origin: scheme://host[:port], nothing after")
        else:
            accepted.append(origin.lower())
    if problems:
        raise CorsOriginsInvalid("GOVGRAPH_CORS_ORIGINS: " + "; ".join(problems))
    return tuple(accepted)


def cross_origin(origins: Sequence[str]) -> list[Middleware]:
    """Pages on `origins` may ask questions (GET and POST, with Content-Type and Authorization);
    pages elsewhere get no Access-Control header. With no origins there is no CORS at all,
    and a preflight is an OPTIONS request like any other (405)."""
    allowed = checked_origins(origins)
    if not allowed:
        return []
    return [
        Middleware(
            CORSMiddleware,
            allow_origins=allowed,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "Authorization"],
        )
    ]


def is_loopback(host: str) -> bool:
    """Whether a server listening on `host` can be reached from this machine only."""
    name = host.strip().removeprefix("[").removesuffix("]").rstrip(".").lower()
    if name == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False  # a host name other than localhost may resolve to anything
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Refuse request bodies over `limit` bytes with 413, whether or not they say their size."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.limit:
            await _too_large(self.limit)(scope, receive, send)
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLarge
            return message

        async def noting_start(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, noting_start)
        except _TooLarge:
            if not started:
                await _too_large(self.limit)(scope, receive, send)


def _too_large(limit: int) -> JSONResponse:
    return refusal(413, f"request body over {limit // 1024} KiB")


class JsonBodies:
    """GraphQL over HTTP takes POST bodies as JSON; any other media type gets 415."""

    ACCEPTED = ("application/json", "application/graphql-response+json")

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            media = Headers(scope=scope).get("content-type", "").split(";")[0].strip().lower()
            if media not in self.ACCEPTED:
                await refusal(415, "send the request as application/json")(scope, receive, send)
                return
        await self.app(scope, receive, send)


class BearerTokens:
    """Resolve the caller's role from `Authorization: Bearer <token>`; an unknown or
    malformed credential is refused with 401 before anything is read."""

    def __init__(self, app: ASGIApp, tokens: Mapping[str, str]) -> None:
        self.app = app
        self.tokens = dict(tokens)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            role = role_of(Headers(scope=scope).get("authorization"), self.tokens)
        except Unauthorized:
            response = JSONResponse(
                {"errors": [{"message": "unknown or malformed bearer token"}]},
                status_code=401,
                headers={"WWW-Authenticate": 'Bearer realm="govgraph"'},
            )
            await response(scope, receive, send)
            return
        scope.setdefault("state", {})["officer"] = role == OFFICER
        await self.app(scope, receive, send)


class ReadableParameters:
    """Read the JSON of a GraphQL request before the GraphQL view does, and refuse with 400
    what it could not read cleanly: a POST body that is not UTF-8, not JSON, or not one JSON
    object, and JSON nested deeper than MAX_NESTING, in the body or in the `variables` and
    `extensions` of a GET. Runs inside BodyLimit, which bounds what is read here (uvicorn
    itself refuses a request line over 64 KiB)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != GRAPHQL_PATH:
            await self.app(scope, receive, send)
            return
        if scope["method"] == "POST":
            body = await _whole_body(receive)
            if body is None:
                return  # the caller went away; there is no one to answer
            problem = _body_problem(body)
            receive = _replaying(body, receive)
        else:
            problem = _query_string_problem(scope["query_string"])
        if problem is not None:
            await refusal(400, problem)(scope, receive, send)
            return
        await self.app(scope, receive, send)


async def _whole_body(receive: Receive) -> bytes | None:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replaying(body: bytes, receive: Receive) -> Receive:
    """`receive` for the app inside: the body already read, then whatever comes next."""
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if replayed:
            return await receive()
        replayed = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


JSON_KINDS = {
    type(None): "null",
    bool: "true or false",
    str: "a string",
    list: "an array (batches of requests are not accepted)",
}


def _body_problem(body: bytes) -> str | None:
    try:
        text = body.decode()
    except UnicodeDecodeError:
        return "the request body is not UTF-8"
    problem, value = _read_json(text, "the request body")
    if problem is None and not isinstance(value, dict):
        kind = JSON_KINDS.get(type(value), "a number")
        problem = f'send one request as a JSON object, {{"query": ...}}; this body is {kind}'
    return problem


def _query_string_problem(query_string: bytes) -> str | None:
    parameters = QueryParams(query_string)
    for name in ("variables", "extensions"):
        if parameters.get(name):
            problem, _ = _read_json(parameters[name], f"the {name} parameter")
            if problem is not None:
                return problem
    return None


def _read_json(text: str, what: str) -> tuple[str | None, object]:
    """The problem with JSON `text` (None if there is none) and its value. orjson reports
    nesting too deep for it (over 1024) as an error instead of recursing."""
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        return f"{what} is not valid JSON: {error}", None
    if _nested_deeper_than(value, MAX_NESTING):
        return f"{what} nests JSON more than {MAX_NESTING} levels deep", None
    return None, value


def _nested_deeper_than(value: object, limit: int) -> bool:
    """Level by level rather than by recursion, which is what deep nesting defeats."""
    level = [value]
    for _ in range(limit + 1):
        containers = [item for item in level if isinstance(item, dict | list)]
        if not containers:
            return False
        level = [
            child
            for container in containers
            for child in (container.values() if isinstance(container, dict) else container)
        ]
    return True


class JsonRefusals:
    """GraphQL clients read errors from a JSON body. The GraphQL view refuses some requests
    in plain text (no query, an unknown operation name, a mutation over GET), and the router
    a method other than GET or POST: on the GraphQL path those refusals are sent again as
    JSON errors, with their status and other headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != GRAPHQL_PATH:
            await self.app(scope, receive, send)
            return
        held: Message | None = None
        held_body: list[bytes] = []

        async def send_as_json(message: Message) -> None:
            nonlocal held
            if message["type"] == "http.response.start" and _plain_refusal(message):
                held = message
            elif message["type"] == "http.response.body" and held is not None:
                held_body.append(message.get("body", b""))
                if not message.get("more_body", False):
                    kept = {
                        key.decode("latin-1"): value.decode("latin-1")
                        for key, value in held.get("headers", [])
                        if key.lower() not in (b"content-type", b"content-length")
                    }
                    reason = b"".join(held_body).decode(errors="replace").strip()
                    await refusal(held["status"], reason, kept)(scope, receive, send)
            else:
                await send(message)

        await self.app(scope, receive, send_as_json)


def _plain_refusal(start: Message) -> bool:
    content_type = Headers(raw=start.get("headers", [])).get("content-type", "")
    return 400 <= start["status"] < 500 and content_type.startswith("text/plain")
