"""The bench's check that the peer answers alike reads a list whole, a page at a time:
at a million nodes a date's gaps outnumber one page, and a check of the first page
against the peer's whole list stopped the run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from bench.peer.compare import ask, ask_whole
from graph.settings import Neo4jSettings
from schema.app import create_app
from tests.support import wait_until_ready


@pytest.fixture(scope="module")
def client(kirklees: Neo4jSettings) -> Iterator[TestClient]:
    with TestClient(create_app(kirklees)) as client:
        wait_until_ready(client)
        yield client


PAGE = 2
"""Items a page: each item below has two values, so a list of more than four values is read
in several pages."""


@pytest.mark.parametrize(
    "field",
    [
        "governanceGaps(first: {first}) {{ kind subject {{ id }} }}",
        'governanceOverlaps(first: {first}, asOf: "2016-03-18") {{ kind subject {{ id }} }}',
        "sharedMembers(first: {first}) {{ id name }}",
    ],
)
def test_a_list_read_page_by_page_is_the_whole_list_in_order(
    client: TestClient, field: str
) -> None:
    whole = ask(client, "/graphql", "{ " + field.format(first=10000) + " }")
    paged = ask_whole(client, "/graphql", "{ " + field.format(first=PAGE) + " }")
    assert len(whole) > PAGE * 2, "too short a list to take several pages"
    assert paged == whole
