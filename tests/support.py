"""What several test modules need: the API on a real port, a browser with the network cut
off, the environment that points a `govgraph` subprocess at a Neo4j, and readiness."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
import uvicorn
from playwright.sync_api import Page, Route, sync_playwright
from starlette.applications import Starlette
from starlette.testclient import TestClient

from graph.server import free_port
from graph.settings import Neo4jSettings
from tests.conftest import environment_without_neo4j

UNREACHABLE = Neo4jSettings("bolt://127.0.0.1:9", "neo4j", "x", "neo4j", "environment")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def serving(app: Starlette) -> Iterator[str]:
    """The app under uvicorn on a free loopback port; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
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


def wait_until_ready(client: TestClient, seconds: float = 30.0) -> None:
    """Until /readyz says ready: migrations are applied and data is loaded, so from here on
    nothing but questions talks to Neo4j."""
    deadline = time.monotonic() + seconds
    while client.get("/readyz").status_code != 200:
        assert time.monotonic() < deadline, client.get("/readyz").text
        time.sleep(0.1)
