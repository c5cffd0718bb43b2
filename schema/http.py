"""What every HTTP request goes through before GraphQL: a request id (returned as a header
and written on the structured log line), a limit on the body, and the bearer token."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import time
import uuid
from collections.abc import Mapping
from typing import Any

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from schema.access import OFFICER, Unauthorized, role_of

MAX_BODY = 64 * 1024
REQUEST_ID = "x-request-id"
SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
access_log = logging.getLogger("govgraph.access")


class JsonLogFormatter(logging.Formatter):
    """One JSON object per line, with the request id of the request being served."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "request_id": getattr(record, "request_id", request_id.get()),
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
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
    message = f"request body over {limit // 1024} KiB"
    return JSONResponse({"errors": [{"message": message}]}, status_code=413)


class JsonBodies:
    """GraphQL over HTTP takes POST bodies as JSON; any other media type gets 415."""

    ACCEPTED = ("application/json", "application/graphql-response+json")

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            media = Headers(scope=scope).get("content-type", "").split(";")[0].strip().lower()
            if media not in self.ACCEPTED:
                message = "send the request as application/json"
                response = JSONResponse({"errors": [{"message": message}]}, status_code=415)
                await response(scope, receive, send)
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
