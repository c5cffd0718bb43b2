"""The explorer renders and answers in a real browser with the network cut off: everything
it needs comes from the app itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from graph.settings import Neo4jSettings
from schema.app import create_app
from tests.support import offline_page, serving


@pytest.fixture(scope="module")
def served(kirklees: Neo4jSettings) -> Iterator[str]:
    """The app on a real port, as a browser needs it."""
    with serving(create_app(kirklees)) as url:
        yield url


def test_explorer_renders_and_runs_a_query_offline(served: str, tmp_path: Path) -> None:
    def this_server(url: str) -> bool:
        return urlparse(url).netloc == urlparse(served).netloc

    with offline_page(this_server, 1400, 900) as (page, refused):
        page.goto(f"{served}/graphql")
        page.wait_for_selector(".graphiql-container", timeout=30_000)
        assert "Which board oversees a workstream?" in page.inner_text(".graphiql-editor")
        page.click(".graphiql-execute-button")
        result = page.locator(".graphiql-response")
        result.get_by_text('"Safer Kirklees"').first.wait_for(timeout=30_000)
        answer = result.inner_text()
        page.screenshot(path=str(tmp_path / "explorer.png"))
    assert '"governedBy"' in answer and '"Safer Kirklees"' in answer
    assert refused == []
