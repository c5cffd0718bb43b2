"""What several test modules need: the API on a real port, a browser with the network cut
off, the environment that points a `govgraph` subprocess at a Neo4j, and readiness."""

from __future__ import annotations

import shutil
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import uvicorn
from playwright.sync_api import Page, Route, sync_playwright
from starlette.applications import Starlette
from starlette.testclient import TestClient

from graph.server import free_port
from graph.settings import Neo4jSettings
from schema.app import server_options
from schema.graphql import LISTS
from tests.conftest import environment_without_neo4j

UNREACHABLE = Neo4jSettings("bolt://127.0.0.1:9", "neo4j", "x", "neo4j", "environment")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def serving(app: Starlette) -> Iterator[str]:
    """The app under uvicorn on a free loopback port; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, **server_options("127.0.0.1", port, log_level="warning"))
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def offline_page(
    allowed: Callable[[str], bool], width: int, height: int
) -> Iterator[tuple[Page, list[str]]]:
    """A Debian Chromium page that may fetch only URLs `allowed` accepts; yields the page
    and the list of URLs it tried and was refused."""
    if CHROMIUM is None:
        raise pytest.UsageError("browser tests need Debian's chromium: run `make test`")
    refused: list[str] = []

    def route(request: Route) -> None:
        if allowed(request.request.url):
            request.continue_()
        else:
            refused.append(request.request.url)
            request.abort("internetdisconnected")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", route)
            yield page, refused
        finally:
            browser.close()


def neo4j_environment(settings: Neo4jSettings) -> dict[str, str]:
    """The environment for a `govgraph` subprocess that must use this Neo4j."""
    return {
        **environment_without_neo4j(),
        "NEO4J_URI": settings.uri,
        "NEO4J_USER": settings.user,
        "NEO4J_PASSWORD": settings.password,
        "NEO4J_DATABASE": settings.database,
    }


COLD_START_SECONDS = 120.0
"""How long an app on a Neo4j just started may take to be ready. Before ready it plans the
findings of a date (queries.questions.plan_ahead), which a cold JVM took 13 to 30 s to do on
a quiet two-core machine, one app alone; two apps, or a busy machine, take longer."""


def wait_until_ready(client: TestClient, seconds: float = 30.0) -> None:
    """Until /readyz says ready: migrations are applied and data is loaded, so from here on
    nothing but questions talks to Neo4j. A Neo4j whose planner is warm (the session's) is
    ready within `seconds`; one just started needs COLD_START_SECONDS."""
    deadline = time.monotonic() + seconds
    while client.get("/readyz").status_code != 200:
        assert time.monotonic() < deadline, client.get("/readyz").text
        time.sleep(0.1)


TYPE_QUERY = """{ __schema { queryType { name } types { name kind
  possibleTypes { name }
  fields { name type { ...Named } args { name type { ...Named } defaultValue } } } } }
fragment Named on __Type { kind name ofType { kind name ofType { kind name ofType { name } } } }"""


def _named(type_ref: dict[str, Any]) -> str:
    while type_ref.get("ofType"):
        type_ref = type_ref["ofType"]
    return str(type_ref["name"])


Types = dict[str, dict[str, Any]]


def scalars(types: Types, type_name: str) -> str:
    """The scalar fields of a type; for an interface, its own (each concrete type's fields
    are reached by a path of their own, which keeps fragments from clashing)."""
    names = [
        f["name"] for f in types[type_name]["fields"]
        if types[_named(f["type"])]["kind"] in ("SCALAR", "ENUM")
    ]  # fmt: skip
    return "{ __typename " + " ".join(names) + " }"


def all_fields(types: Types, type_name: str) -> str:
    """Every field of a type, objects below by their scalars."""
    parts = []
    for field in types[type_name]["fields"]:
        target = types[_named(field["type"])]
        below = scalars(types, target["name"]) if target["kind"] in ("OBJECT", "INTERFACE") else ""
        parts.append(f"{field['name']} {below}")
    return "{ " + " ".join(parts) + " }"


def with_pages(roots: dict[str, str]) -> dict[str, str]:
    """The root calls, and each long list's page root asking for the whole list."""
    pages = {}
    for name in LISTS:
        arguments = roots[name].removeprefix(name).strip("()")
        pages[f"{name}Page"] = f"{name}Page({arguments + ', ' if arguments else ''}first: 10000)"
    return {**roots, **pages}


def every_field_query(
    introspection: dict[str, Any], roots: dict[str, str]
) -> Iterator[tuple[str, str]]:
    """Queries that together select every field of every type reachable from the roots:
    each root's own type from that root, and every other type once, by the shortest path
    from the first root that reaches it (objects below by their scalars). Each query is
    new to Neo4j's plan cache, so asking each type from every root would take minutes.
    `roots` gives each root field's call, arguments included."""
    types = {t["name"]: t for t in introspection["types"]}
    query_type = types[introspection["queryType"]["name"]]

    asked: set[str] = set()
    for root in query_type["fields"]:
        call = roots[root["name"]]
        start = _named(root["type"])
        paths: dict[str, list[str]] = {}
        queue: deque[tuple[str, list[str]]] = deque([(start, [])])
        while queue:
            type_name, path = queue.popleft()
            kind = types[type_name]
            for concrete in [types[t["name"]] for t in kind["possibleTypes"] or []] or [kind]:
                step = path + ([f"... on {concrete['name']}"] if concrete is not kind else [])
                if concrete["name"] in paths:
                    continue
                paths[concrete["name"]] = step
                for field in concrete["fields"]:
                    target = types[_named(field["type"])]
                    if target["kind"] in ("OBJECT", "INTERFACE") and target["name"] not in paths:
                        queue.append((target["name"], [*step, field["name"]]))
        for type_name, path in paths.items():
            beyond_root = any(not step.startswith("... on") for step in path)
            if type_name in asked and beyond_root:
                continue
            asked.add(type_name)
            body = all_fields(types, type_name)
            for wrapper in reversed(path):
                body = f"{{ {wrapper} {body} }}"
            yield root["name"], f"{{ {call} {body} }}"
