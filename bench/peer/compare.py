"""Check that the peer answers each benchmark question as our API does.

    .venv/bin/python -m bench.peer.compare OURS_URL PEER_URL

Each question in bench/questions.json is asked of both. The two schemas wrap answers
differently (a lookup is a list there, a fulltext hit an edge, nothing found is null here
and [] there), so answers are compared as multisets of their non-null leaves,
`(field, value)`, in which ids, names, dates and quotes all count; stored kinds ("apology")
are compared with our enum names ("APOLOGY"). `make bench` runs the same check before it
times anything: a latency ratio means nothing between different answers.

A list question (`"list": true`) is timed on its first 10,000 items on both sides
(`first: 10000`), but checked whole: ours a page at a time through its `...Page` twin,
the peer's without `first`. At a million nodes a date's gaps number more than one page.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
from graphql import FieldNode, OperationDefinitionNode, parse, print_ast

QUESTIONS: dict[str, dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parent.parent / "questions.json").read_text()
)
"""Question name -> {"ours": our GraphQL, "peer": the same question in the peer's schema,
and "list": true for a list timed on its first page}."""

Leaf = tuple[str, Any]


def leaves(value: Any, field: str = "") -> list[Leaf]:
    """Every non-null scalar in the answer with the field it came from, in document order."""
    if value is None:
        return []
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in leaves(item, key)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in leaves(item, field)]
    if field == "kind" and isinstance(value, str):
        value = value.upper().replace(" ", "_")  # our enums name the stored words
    return [(field, value)]


def _data(client: httpx.Client, url: str, query: str, variables: dict[str, Any]) -> Any:
    reply = client.post(url, json={"query": query, "variables": variables})
    reply.raise_for_status()
    body = reply.json()
    if body.get("errors"):
        raise RuntimeError(json.dumps(body["errors"])[:500])
    return body["data"]


def _field(query: str) -> tuple[FieldNode, str]:
    """The question's one field, and its selection as text."""
    operation = parse(query).definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    field = operation.selection_set.selections[0]
    assert isinstance(field, FieldNode) and field.selection_set is not None
    return field, print_ast(field.selection_set)


def _asked(field: FieldNode, name: str, extra: str = "", *, first: bool = True) -> str:
    """The field asked as `name` with its arguments (less `first` when not wanted) and
    `extra` after them."""
    given = [print_ast(a) for a in field.arguments or () if first or a.name.value != "first"]
    arguments = ", ".join([*given, extra] if extra else given)
    return f"{name}({arguments})" if arguments else name


def ask(client: httpx.Client, url: str, query: str) -> list[Leaf]:
    return leaves(_data(client, url, query, {}))


def ask_whole(client: httpx.Client, url: str, query: str) -> list[Leaf]:
    """Our list, every item: asked through its `...Page` twin from the first page to the
    last, with the same arguments and the same selection."""
    field, selection = _field(query)
    page_field = _asked(field, field.name.value + "Page", "after: $after")
    paged = (
        f"query ($after: String) {{ page: {page_field} "
        f"{{ pageInfo {{ endCursor hasNextPage }} nodes {selection} }} }}"
    )
    found: list[Leaf] = []
    after = None
    while True:
        page = _data(client, url, paged, {"after": after})["page"]
        found += leaves(page["nodes"])
        if not page["pageInfo"]["hasNextPage"]:
            return found
        after = page["pageInfo"]["endCursor"]


def ask_peer_whole(client: httpx.Client, url: str, query: str) -> list[Leaf]:
    """The peer's list, every item: the question without its `first`."""
    field, selection = _field(query)
    whole = _asked(field, field.name.value, first=False)
    return ask(client, url, f"{{ {whole} {selection} }}")


def difference(ours: list[Leaf], peer: list[Leaf]) -> str | None:
    """None when both answers hold the same values; otherwise what differs."""
    mine, theirs = Counter(ours), Counter(peer)
    if mine == theirs:
        return None
    only_ours = list((mine - theirs).elements())
    only_peer = list((theirs - mine).elements())
    return (
        f"only ours {only_ours[:5]} ({len(only_ours)}); "
        f"only peer {only_peer[:5]} ({len(only_peer)})"
    )


def compare(client: httpx.Client, ours_url: str, peer_url: str, name: str) -> str | None:
    """Ask one question of both; None when they agree."""
    texts = QUESTIONS[name]
    try:
        if texts.get("list"):
            return difference(
                ask_whole(client, ours_url, texts["ours"]),
                ask_peer_whole(client, peer_url, texts["peer"]),
            )
        return difference(
            ask(client, ours_url, texts["ours"]), ask(client, peer_url, texts["peer"])
        )
    except (httpx.HTTPError, RuntimeError) as error:
        return f"error {error}"


def main(ours_url: str, peer_url: str) -> int:
    failed = False
    with httpx.Client(timeout=120) as client:
        for name in QUESTIONS:
            problem = compare(client, ours_url, peer_url, name)
            failed |= problem is not None
            print(f"{name:20} {'same' if problem is None else 'DIFFERENT: ' + problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
