"""The explorer renders and answers in a real browser with the network cut off: everything
it needs comes from the app itself."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
import uvicorn
from playwright.sync_api import Route, sync_playwright

from graph.server import free_port
from graph.settings import Neo4jSettings
from schema.app import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def served(kirklees: Neo4jSettings) -> Iterator[str]:
    """The app on a real port, as a browser needs it."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(kirklees), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_explorer_renders_and_runs_a_query_offline(served: str, tmp_path: Path) -> None:
    if CHROMIUM is None:
        raise pytest.UsageError("the explorer test needs Debian's chromium: run `make test`")
    blocked: list[str] = []

    def only_this_server(route: Route) -> None:
        if urlparse(route.request.url).netloc == urlparse(served).netloc:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort("internetdisconnected")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", only_this_server)
        page.goto(f"{served}/graphql")
        page.wait_for_selector(".graphiql-container", timeout=30_000)
        assert "Which board oversees a workstream?" in page.inner_text(".graphiql-editor")
        page.click(".graphiql-execute-button")
        result = page.locator(".graphiql-response")
        result.get_by_text('"Safer Kirklees"').first.wait_for(timeout=30_000)
        answer = result.inner_text()
        page.screenshot(path=str(tmp_path / "explorer.png"))
        browser.close()
    assert '"governedBy"' in answer and '"Safer Kirklees"' in answer
    assert blocked == []
