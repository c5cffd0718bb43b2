"""`make bench`: govgraph measured against Neo4j itself, side by side in one run.

For each scale (BENCH_PARTNERSHIPS, comma-separated; each partnership over ten years is about
a thousand nodes), on a managed Neo4j of the benchmark's own:
  load     `GraphStore.load` (projection and writing, as `govgraph load` runs them) against a
           raw `UNWIND $rows CREATE` of the same rows, and a reload of unchanged data;
  latency  every contract question through HTTP GraphQL against the same Cypher through the
           driver directly, and against @neo4j/graphql (bench/peer) on the same Neo4j, whose
           answers are checked equal to ours before anything is timed (p50, p95);
  trips    Bolt queries per GraphQL request;
  unseen   the first request of each question in a shape the server has not been asked
           before, over its warm p50: the cost of compiling it, and of Neo4j planning it
           when its Cypher text is new;
and at the largest scale, throughput at concurrency 16, ours and the peer's, with each
server's CPU time per request, and the load test of bench/load.py (32 clients, heavy and
light questions mixed, for BENCH_LOAD_SECONDS).
Results go to bench/results.json; the last lines are the summary.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx
from graphql import (
    FieldNode,
    GraphQLEnumType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLScalarType,
    InlineFragmentNode,
    NameNode,
    OperationDefinitionNode,
    OperationType,
    SelectionNode,
    SelectionSetNode,
    build_schema,
    get_named_type,
    is_required_argument,
    parse,
    print_ast,
)
from neo4j import READ_ACCESS, AsyncGraphDatabase, Query

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import cpu_seconds, load_test  # noqa: E402
from bench.peer.compare import QUESTIONS as PEER_QUESTIONS  # noqa: E402
from bench.peer.compare import compare  # noqa: E402
from govgraph.bulk import bulk  # noqa: E402
from graph.connection import driver_options  # noqa: E402
from graph.server import ManagedServer, free_port  # noqa: E402
from graph.settings import Neo4jSettings, from_managed  # noqa: E402
from graph.trace import bolt_runs  # noqa: E402
from loaders.dataset import Dataset, read_dataset  # noqa: E402
from loaders.project import project  # noqa: E402
from loaders.synth import synthesize, synthesize_regions  # noqa: E402
from queries.findings import GAPS, OVERLAPS  # noqa: E402
from queries.questions import recorded  # noqa: E402
from report.collect import collect  # noqa: E402
from report.render import write_report  # noqa: E402
from schema.graphql import schema  # noqa: E402
from usecases.graph_store import GraphStore  # noqa: E402

WORK = ROOT / "bench" / "work"
RESULTS = ROOT / "bench" / "results.json"
BATCH = 2000
REGION = int(os.environ.get("BENCH_AREA_PARTNERSHIPS", "100"))
"""Partnerships per dataset at national scale (see `_synthetic`): 100 by default, so that a
million nodes load as ten transactions; 1 lays the country out as reviewers meet it, one
partnership's papers to an area (slower to load: one transaction each)."""
YEARS = 10

QUESTIONS = {name: texts["ours"] for name, texts in PEER_QUESTIONS.items()}
PEER = {name: texts["peer"] for name, texts in PEER_QUESTIONS.items()}
GLOBAL = {
    "governanceOverlaps", "governanceGaps", "sharedMembers",
    "governanceOverlaps, every date", "governanceGaps, every date",
}  # fmt: skip
"""Questions about the whole graph: they grow with it, and get fewer repetitions. Without
a date, ours reads the findings each load keeps (queries/stored.py) and the peer works
them out by the same rules."""


def main() -> int:
    chosen = os.environ.get("BENCH_PARTNERSHIPS", "10,100,1000")
    scales = [int(n) for n in chosen.split(",") if n.strip()]
    # A load is one transaction, of at most a region (360k records; its transaction state
    # fits the 70% of the heap Neo4j allows); the page cache holds the 1M-node store.
    os.environ.setdefault("GOVGRAPH_NEO4J_HEAP", "4g")
    os.environ.setdefault("GOVGRAPH_NEO4J_PAGECACHE", "4g")
    WORK.mkdir(parents=True, exist_ok=True)
    server = ManagedServer(WORK / "neo4j")
    results: dict[str, Any] = {"machine": _machine(), "scales": []}
    results["ingest"] = _ingest_pack()
    if not scales:
        print(json.dumps(results["ingest"], indent=2))
        return 0
    try:
        for partnerships in scales:
            print(f"== {partnerships} partnerships", flush=True)
            scale, settings = _scale(server, partnerships)
            results["scales"].append(scale)
        results["throughput"] = _throughput(settings)
        results["load_test"] = _load_test(settings, partnerships)
    finally:
        server.stop()
    RESULTS.write_text(json.dumps(results, indent=2, default=str) + "\n")
    _summary(results)
    return 0


def _scale(server: ManagedServer, partnerships: int) -> tuple[dict[str, Any], Neo4jSettings]:
    paths = _synthetic(partnerships)
    with bulk():  # as `govgraph load` reads and writes
        started = time.perf_counter()
        datasets = [read_dataset(path) for path in paths]
        reading = time.perf_counter() - started
        with GraphStore(_fresh_store(server)) as store:
            raw = [_raw_create(store, dataset) for dataset in datasets]
        settings = _fresh_store(server)
        with GraphStore(settings) as store:
            first = sum(_load(store, dataset) for dataset in datasets)
            findings = _findings(store)
            again = sum(_load(store, dataset) for dataset in datasets)
    del datasets
    nodes = sum(created.nodes for created in raw)
    edges = sum(created.edges for created in raw)
    writing = sum(created.writing_s for created in raw)
    projecting = sum(created.projecting_s for created in raw)
    scale: dict[str, Any] = {
        "partnerships": partnerships,
        "datasets": len(paths),
        "nodes": nodes,
        "relationships": edges,
        "reading_s": round(reading, 1),
        "projecting_s": round(projecting, 1),
        "raw_create_s": round(writing, 1),
        "load_s": round(first, 1),
        "stored_findings_s": round(findings, 1),
        "reload_unchanged_s": round(again, 1),
        "raw_records_per_s": round((nodes + edges) / writing),
        "load_records_per_s": round((nodes + edges) / first),
        # Like for like: the raw creation is timed without the projection, which the load
        # does itself (the same `project`, timed in the raw creation as projecting_s).
        "load_of_raw": round(writing / (first - projecting), 2),
        "whole_load_of_raw": round(writing / first, 2),
        "reload_speedup": round(first / again, 1),
    }
    print(json.dumps(scale), flush=True)
    scale["questions"], scale["unseen_shapes"] = _latencies(settings)
    scale["one_area"] = _one_area(settings, read_dataset(paths[0]).info.name)
    return scale, settings


ONE_AREA = {
    "governanceOverlaps": "governanceOverlaps(first: 10000{area}) {{ kind subject {{ id }} bodies {{ id }} }}",
    "governanceGaps": "governanceGaps(first: 10000{area}) {{ kind subject {{ id }} }}",
    "sharedMembers": "sharedMembers(first: 10000{area}) {{ id name }}",
    "governanceOverlaps, dated": (
        'governanceOverlaps(first: 10000, asOf: "2018-01-01"{area}) {{ kind subject {{ id }} }}'
    ),
    "governanceGaps, dated": (
        'governanceGaps(first: 10000, asOf: "2018-01-01"{area}) {{ kind subject {{ id }} }}'
    ),
}
"""The national questions of one area, every item of its list, beside the same of the whole
graph: without a date (the findings each load keeps), and the findings of a day, worked out
for the area alone."""


def _one_area(settings: Neo4jSettings, area: str) -> dict[str, Any]:
    """p50 over HTTP of each question for one area and for the whole graph, and the seconds
    the review of that one area takes to gather and write."""
    url, server = serve_api(settings)
    measured: dict[str, Any] = {"area": area}
    try:
        with httpx.Client(timeout=300) as client:
            for name, field in ONE_AREA.items():
                for scope, argument in (("area", f', area: "{area}"'), ("whole", "")):
                    query = "{ " + field.format(area=argument) + " }"
                    samples = _sample(10, lambda q=query: _post(client, url, q))
                    measured[f"{name} {scope} p50_ms"] = _ms(statistics.median(samples))
    finally:
        stop_server(server)
    started = time.perf_counter()
    review = asyncio.run(collect(GraphStore(settings), None, area))
    write_report(review, WORK / "review-of-one-area")
    measured["review_s"] = round(time.perf_counter() - started, 1)
    print(f"  one area: {measured}", flush=True)
    return measured


def _synthetic(partnerships: int) -> list[Path]:
    """The scale's datasets: one up to REGION partnerships, otherwise one per REGION, as
    areas publish their own papers. Each loads as one transaction, and one transaction of a
    whole country (3.6M records) needs more memory than Neo4j has on this machine."""
    regions = -(-partnerships // REGION)
    if regions == 1:
        out = WORK / f"synth-{partnerships}"
        if not out.exists():
            synthesize(out, partnerships, years=YEARS)
        return [out]
    out = WORK / f"synth-{partnerships}-in-{regions}"
    if not out.exists():
        synthesize_regions(out, partnerships, YEARS, regions)
    return sorted(out.glob("region-*"))


def _fresh_store(server: ManagedServer) -> Neo4jSettings:
    """An empty database, migrated: stopping Neo4j and removing its store takes seconds where
    deleting a million nodes takes minutes."""
    server.stop()
    for folder in ("databases", "transactions"):
        shutil.rmtree(server.home / "data" / folder, ignore_errors=True)
    settings = from_managed(server, start=True)
    with GraphStore(settings) as store:
        store.migrate()
    return settings


def _load(store: GraphStore, dataset: Dataset) -> float:
    """Seconds `govgraph load` takes to load one read dataset: projected and written in one
    transaction (the stored findings, worked out once after every dataset, apart)."""
    started = time.perf_counter()
    store.load(dataset, findings=False)
    return time.perf_counter() - started


def _findings(store: GraphStore) -> float:
    """Seconds `govgraph load` then takes to work out the findings it keeps."""
    started = time.perf_counter()
    store.refresh_findings()
    return time.perf_counter() - started


@dataclass(frozen=True)
class RawCreate:
    """What the blind creation of one dataset's rows wrote, and the seconds it took."""

    nodes: int
    edges: int
    projecting_s: float
    writing_s: float


def _raw_create(store: GraphStore, dataset: Dataset) -> RawCreate:
    """The practical limit: the rows `GraphStore.load` would store, created blind, batch by
    batch. Only the writes are timed; the projection is timed apart, and each batch's rows
    are built off the clock. The rows are let go before the next dataset."""
    started = time.perf_counter()
    projected = project(dataset)
    projecting = time.perf_counter() - started
    node_query = "UNWIND $rows AS row CREATE (n:$(row.labels)) SET n = row.props"
    edge_query = (
        "UNWIND $rows AS row MATCH (a:Record {id: row.source}) "
        "MATCH (b:Record {id: row.target}) CREATE (a)-[r:$(row.type)]->(b) SET r = row.props"
    )
    name, nodes, edges = dataset.info.name, projected.nodes, list(projected.edges.values())
    writing = 0.0

    def write(query: str, rows: list[dict[str, Any]]) -> float:
        started = time.perf_counter()
        store.driver.execute_query(query, rows=rows, database_=store.settings.database)
        return time.perf_counter() - started

    for start in range(0, len(nodes), BATCH):
        rows = [
            {"labels": ["Record", *n.labels], "props": n.stored(name)}
            for n in nodes[start : start + BATCH]
        ]
        writing += write(node_query, rows)
    for start in range(0, len(edges), BATCH):
        rows = [
            {"type": e.type, "source": e.source, "target": e.target, "props": e.stored(name)}
            for e in edges[start : start + BATCH]
        ]
        writing += write(edge_query, rows)
    return RawCreate(len(nodes), len(edges), projecting, writing)


def _latencies(settings: Neo4jSettings) -> tuple[dict[str, Any], dict[str, Any]]:
    """Each question's latencies, and the first requests of its unseen shapes."""
    compiled, trips = asyncio.run(_recorded(settings, QUESTIONS))
    url, server = serve_api(settings)
    peer_url, peer = _serve_peer(settings)
    measured: dict[str, Any] = {}
    unseen: dict[str, dict[str, Any]] = {}
    variants = {name: _unseen_variants(query) for name, query in QUESTIONS.items()}
    try:
        with httpx.Client(timeout=300) as client:
            for name, query in QUESTIONS.items():
                problem = compare(client, url, peer_url, name)
                if problem:
                    raise RuntimeError(f"{name}: the peer answers differently: {problem}")
                repeat = 5 if name in GLOBAL else 30
                http = _sample(repeat, lambda q=query: _post(client, url, q))
                theirs = _sample(repeat, lambda q=PEER[name]: _post(client, peer_url, q))
                cypher = asyncio.run(_driver_samples(settings, compiled[name], repeat))
                measured[name] = {
                    "http_p50_ms": _ms(statistics.median(http)),
                    "http_p95_ms": _ms(_p95(http)),
                    "cypher_p50_ms": _ms(statistics.median(cypher)),
                    "cypher_p95_ms": _ms(_p95(cypher)),
                    "peer_p50_ms": _ms(statistics.median(theirs)),
                    "peer_p95_ms": _ms(_p95(theirs)),
                    "p50_ratio": round(statistics.median(http) / statistics.median(cypher), 2),
                    "peer_p50_ratio": round(statistics.median(http) / statistics.median(theirs), 2),
                    "bolt_queries_per_request": trips[name],
                }
                print(f"  {name}: {measured[name]}", flush=True)
                unseen[name] = _first_requests(client, url, variants[name], http)
    finally:
        stop_server(server)
        stop_server(peer)
    asked = {
        f"{name} {kind}": documents[0]
        for name in variants
        for kind, documents in variants[name].items()
    }
    cypher_of, _ = asyncio.run(_recorded(settings, asked))  # after the first requests were timed
    for name, shapes in unseen.items():
        for kind, entry in shapes.items():
            entry["new_cypher"] = _texts(cypher_of[f"{name} {kind}"]) != _texts(compiled[name])
        print(f"  unseen {name}: {shapes}", flush=True)
    return measured, unseen


Queries = list[tuple[str, dict[str, Any]]]


async def _recorded(
    settings: Neo4jSettings, documents: dict[str, str]
) -> tuple[dict[str, Queries], dict[str, int]]:
    """The queries each document runs (Cypher and parameters, a prelude's answer among those
    of the query that reads it), asked in-process as the API asks, and its Bolt round
    trips."""
    store = GraphStore(settings)
    compiled: dict[str, Queries] = {}
    trips: dict[str, int] = {}
    async with store.asking() as driver:
        for name, document in documents.items():
            with recorded() as queries, bolt_runs() as runs:
                result = await store.ask(document, driver=driver)
            assert not result.errors, (name, result.errors)
            compiled[name] = queries
            trips[name] = len(runs)
    return compiled, trips


UNSEEN_REPEAT = 3
"""Reorderings timed for each question (each a document of its own), and warm requests of
a new field set for the warm p50 it is compared with."""


def _first_requests(
    client: httpx.Client, url: str, variants: dict[str, list[str]], warm: list[float]
) -> dict[str, Any]:
    """Each kind of variant's first request (the median, when there are several), over the
    warm p50 of the same answer: the original question's (`warm`) for a reordering or a
    renaming, its own for a new field set."""
    timed: dict[str, Any] = {}
    for kind, texts in variants.items():
        firsts = []
        for text in texts:
            started = time.perf_counter()
            _post(client, url, text)
            firsts.append(time.perf_counter() - started)
        first = statistics.median(firsts)
        if kind in ("new_fields", "new_records"):
            (text,) = texts
            p50 = statistics.median(_sample(UNSEEN_REPEAT, lambda t=text: _post(client, url, t)))
        else:
            p50 = statistics.median(warm)
        timed[kind] = {
            "first_ms": _ms(first),
            "warm_p50_ms": _ms(p50),
            "overhead_ms": _ms(first - p50),
        }
    return timed


SDL = build_schema(schema.as_str())
"""The served schema's types, for choosing the fields of a new shape."""


def _unseen_variants(query: str) -> dict[str, list[str]]:
    """A question in shapes the server has not been asked, each under an operation name of
    its own (so never a document it has compiled):
      reordered   every selection in reverse order: the same canonical Cypher text, so only
                  our compiling is new, Neo4j's plan cache hits (UNSEEN_REPEAT documents);
      renamed     reordered, and the first response key of every selection of several
                  fields renamed to sort last: the values come in another order, a new Cypher
                  text for Neo4j to plan (the same text when no selection has two fields);
      new_fields  a field set never asked: one scalar field more, in the shallowest
                  selection that has one to add: a plain field (an id, a name, a date)
                  is a parameter, so this is the same Cypher text;
      new_records one field of records more (asking their id), in the shallowest selection
                  that has one: a new Cypher text for Neo4j to plan."""
    (operation,) = parse(query).definitions
    assert isinstance(operation, OperationDefinitionNode) and SDL.query_type is not None
    reordered = _reversed(operation.selection_set)
    widened = _widened(operation.selection_set, SDL.query_type)
    deepened = _widened(operation.selection_set, SDL.query_type, records=True)
    assert widened is not None and deepened is not None, query
    return {
        "reordered": [_operation(f"Reordered{n}", reordered) for n in range(UNSEEN_REPEAT)],
        "renamed": [_operation("Renamed", _renamed(reordered))],
        "new_fields": [_operation("NewFields", widened)],
        "new_records": [_operation("NewRecords", deepened)],
    }


def _operation(name: str, selections: SelectionSetNode) -> str:
    return print_ast(
        OperationDefinitionNode(
            operation=OperationType.QUERY,
            name=NameNode(value=name),
            variable_definitions=(),
            directives=(),
            selection_set=selections,
        )
    )


def _reversed(selections: SelectionSetNode) -> SelectionSetNode:
    return replace(
        selections,
        selections=tuple(_below(s, _reversed) for s in reversed(selections.selections)),
    )


def _renamed(selections: SelectionSetNode) -> SelectionSetNode:
    inner = [_below(s, _renamed) for s in selections.selections]
    fields = [s for s in inner if isinstance(s, FieldNode)]
    if len(fields) > 1:
        first = min(fields, key=_key)
        inner[inner.index(first)] = replace(first, alias=NameNode(value=f"zz{_key(first)}"))
    return replace(selections, selections=tuple(inner))


def _widened(
    selections: SelectionSetNode,
    parent: GraphQLObjectType | GraphQLInterfaceType,
    records: bool = False,
) -> SelectionSetNode | None:
    """The selections with one scalar field of `parent` more (with `records`, one field of
    records below the root, asking their id or first scalar), here or below; None when
    there is none to add."""
    asked = {s.name.value for s in selections.selections if isinstance(s, FieldNode)}
    for name, definition in parent.fields.items():
        if name in asked or any(is_required_argument(a) for a in definition.args.values()):
            continue
        named = get_named_type(definition.type)
        if not records and isinstance(named, GraphQLScalarType | GraphQLEnumType):
            added = FieldNode(name=NameNode(value=name), arguments=(), directives=())
            return replace(selections, selections=(*selections.selections, added))
        if (
            records
            and parent is not SDL.query_type
            and isinstance(named, GraphQLObjectType | GraphQLInterfaceType)
        ):
            scalars = [
                field
                for field, below in named.fields.items()
                if isinstance(get_named_type(below.type), GraphQLScalarType | GraphQLEnumType)
            ]
            inner = FieldNode(
                name=NameNode(value="id" if "id" in scalars else scalars[0]),
                arguments=(),
                directives=(),
            )
            added = FieldNode(
                name=NameNode(value=name),
                arguments=(),
                directives=(),
                selection_set=SelectionSetNode(selections=(inner,)),
            )
            return replace(selections, selections=(*selections.selections, added))
    for index, selection in enumerate(selections.selections):
        if isinstance(selection, FieldNode) and selection.selection_set is not None:
            below = get_named_type(parent.fields[selection.name.value].type)
        elif isinstance(selection, InlineFragmentNode) and selection.type_condition is not None:
            below = SDL.type_map[selection.type_condition.name.value]
        else:
            continue
        assert isinstance(below, GraphQLObjectType | GraphQLInterfaceType)
        assert selection.selection_set is not None
        widened = _widened(selection.selection_set, below, records)
        if widened is not None:
            changed = list(selections.selections)
            changed[index] = replace(selection, selection_set=widened)
            return replace(selections, selections=tuple(changed))
    return None


def _below(
    selection: SelectionNode, change: Callable[[SelectionSetNode], SelectionSetNode]
) -> SelectionNode:
    """The selection with `change` made to the selections within it, when it has some."""
    if isinstance(selection, FieldNode | InlineFragmentNode) and selection.selection_set:
        return replace(selection, selection_set=change(selection.selection_set))
    return selection


def _key(field: FieldNode) -> str:
    return (field.alias or field.name).value


def _texts(queries: Queries) -> list[str]:
    return [text for text, _ in queries]


async def _driver_samples(settings: Neo4jSettings, queries: Queries, repeat: int) -> list[float]:
    """The time of a request's own queries through the driver, one after another, each an
    auto-commit read as the API makes: a question that runs a prelude is timed with it."""
    driver = AsyncGraphDatabase.driver(settings.uri, **driver_options(settings))
    samples = []
    try:
        for _ in range(repeat + 2):
            started = time.perf_counter()
            for text, parameters in queries:
                async with driver.session(default_access_mode=READ_ACCESS) as session:
                    result = await session.run(Query(text), parameters)  # as the API reads
                    records = [record async for record in result]
                assert records, text
            samples.append(time.perf_counter() - started)
    finally:
        await driver.close()
    return samples[2:]  # the first runs warm the plan cache, as the HTTP warm-up does


def _sample(repeat: int, work: Any) -> list[float]:
    for _ in range(2):
        work()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return samples


def _post(client: httpx.Client, url: str, query: str) -> None:
    response = client.post(url, json={"query": query})
    assert response.status_code == 200 and "errors" not in response.json(), response.text[:300]


def serve_api(settings: Neo4jSettings, code: Path = ROOT) -> tuple[str, subprocess.Popen[bytes]]:
    """The API served from the checkout at `code` (bench/profile.py compares two)."""
    port = free_port()
    environment = {
        **os.environ,
        "NEO4J_URI": settings.uri,
        "NEO4J_USER": settings.user,
        "NEO4J_PASSWORD": settings.password,
        "GOVGRAPH_QUERY_TIMEOUT": "300",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "govgraph.cli", "serve", "--port", str(port)],
        cwd=code,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz").status_code == 200:
                return f"http://127.0.0.1:{port}/graphql", server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    stop_server(server)
    raise RuntimeError("the API did not become ready")


PEER_FINDINGS = """
UNWIND value[..coalesce($first, size(value))] AS f
WITH f, f.subject AS subject
RETURN {kind: f.kind, subject: subject {.id, .name}, bodies: [b IN f.bodies | b {.id, .name}],
  explanation: f.explanation, sources: [s IN f.sources | {
    document: [d IN [s.document] | d {.id, .title}][0], lines: s.lines, quote: s.quote}]}
  AS finding
"""


def peer_type_defs() -> str:
    """The peer's schema with the findings' Cypher filled in from queries/findings.py, for an
    anonymous caller: both sides answer by the same rules, and only the GraphQL layers differ."""
    text = (ROOT / "bench" / "peer" / "typeDefs.graphql").read_text()
    for name, rules in (("governanceOverlaps", OVERLAPS), ("governanceGaps", GAPS)):
        statement = rules.replace("$officer", "false") + PEER_FINDINGS
        text = text.replace("{{" + name + "}}", statement)
    return text


def _serve_peer(settings: Neo4jSettings) -> tuple[str, subprocess.Popen[bytes]]:
    """@neo4j/graphql on the same Neo4j (bench/peer); it prints "ready" when listening."""
    port = free_port()
    environment = {
        **os.environ,
        "NEO4J_URI": settings.uri,
        "NEO4J_USER": settings.user,
        "NEO4J_PASSWORD": settings.password,
        "PORT": str(port),
    }
    type_defs = WORK / "peer-typeDefs.graphql"
    type_defs.parent.mkdir(parents=True, exist_ok=True)
    type_defs.write_text(peer_type_defs())
    environment["PEER_TYPEDEFS"] = str(type_defs)
    peer = subprocess.Popen(
        ["node", str(ROOT / "bench" / "peer" / "server.mjs")],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert peer.stdout is not None
    if peer.stdout.readline().strip() != b"ready":
        stop_server(peer)
        raise RuntimeError("the @neo4j/graphql peer did not start; run `make bench` once more")
    return f"http://127.0.0.1:{port}/graphql", peer


def stop_server(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    server.wait(timeout=60)


def _throughput(settings: Neo4jSettings) -> dict[str, Any]:
    """Requests per second at concurrency 16 over the lookups, ours and the peer's in turn,
    with each server's CPU time per request."""
    local = [name for name in QUESTIONS if name not in GLOBAL]
    url, server = serve_api(settings)
    try:
        ours = _at_concurrency_16(url, server.pid, [QUESTIONS[name] for name in local])
    finally:
        stop_server(server)
    url, peer = _serve_peer(settings)
    try:
        theirs = _at_concurrency_16(url, peer.pid, [PEER[name] for name in local])
    finally:
        stop_server(peer)
    return {"concurrency": 16, "ours": ours, "peer": theirs}


def _at_concurrency_16(url: str, pid: int, mix: list[str], seconds: float = 20.0) -> dict[str, Any]:
    done = [0] * 16
    stop = time.monotonic() + seconds
    cpu_before = cpu_seconds(pid)

    def client(index: int) -> None:
        with httpx.Client(timeout=120) as http:
            while time.monotonic() < stop:
                _post(http, url, mix[(index + done[index]) % len(mix)])
                done[index] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cpu = cpu_seconds(pid) - cpu_before
    requests = sum(done)
    return {
        "requests": requests,
        "requests_per_s": round(requests / seconds, 1),
        "server_cpu_ms_per_request": round(1000 * cpu / max(requests, 1), 2),
    }


def _load_test(settings: Neo4jSettings, partnerships: int) -> dict[str, Any]:
    """bench/load.py against a freshly served API over the largest scale's data."""
    url, server = serve_api(settings)
    try:
        measured = load_test(url, server.pid, partnerships, YEARS)
    finally:
        stop_server(server)
    print(f"load test: {json.dumps(measured)}", flush=True)
    return measured


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


PACK_PAGES = 100
PACK_SOURCE = ROOT / "tests" / "fixtures" / "documents" / "stockton-on-tees-minutes-2010-08"


def _ingest_pack() -> dict[str, Any]:
    """`govgraph ingest` of a 100-page PDF meeting pack (real minutes, repeated), timed as
    a whole command against reading the PDF alone, each the median of three runs."""
    from bench.documents import minutes_pack
    from loaders.ingest.read import read

    pack = WORK / "pack.pdf"
    pack.write_bytes(minutes_pack(read(PACK_SOURCE / "source.html").lines, PACK_PAGES))
    ingest_runs, read_runs = [], []
    for run in range(3):
        into = WORK / f"ingested-{run}"
        shutil.rmtree(into, ignore_errors=True)
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "govgraph.cli", "ingest", str(pack), "--into", str(into),
             "--kind", "minutes"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        ingest_runs.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"ingest of the pack failed: {done.stderr}")
        started = time.perf_counter()
        read(pack)
        read_runs.append(time.perf_counter() - started)
    seconds = statistics.median(ingest_runs)
    reading = statistics.median(read_runs)
    print(
        f"ingest of a {PACK_PAGES}-page PDF pack: {seconds:.2f} s (reading alone {reading:.2f} s)"
    )
    return {"pages": PACK_PAGES, "ingest_s": round(seconds, 2), "read_s": round(reading, 2),
            "ingest_over_read": round(seconds / reading, 1)}  # fmt: skip


def _machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "neo4j_heap": os.environ["GOVGRAPH_NEO4J_HEAP"],
        "neo4j_pagecache": os.environ["GOVGRAPH_NEO4J_PAGECACHE"],
        "java": shutil.which("java"),
    }


def _summary(results: dict[str, Any]) -> None:
    largest = results["scales"][-1]
    names = list(QUESTIONS)
    for label, key in [
        ("ours", "http_p50_ms"),
        ("cypher", "cypher_p50_ms"),
        ("peer", "peer_p50_ms"),
    ]:
        print(f"growth, p50 ms ({label}):")
        print("  nodes      " + " ".join(f"{n[:10]:>10}" for n in names))
        for scale in results["scales"]:
            cells = " ".join(f"{scale['questions'][n][key]:>10}" for n in names)
            print(f"  {scale['nodes']:>9}  {cells}")
    throughput = results["throughput"]
    print(f"throughput at 16: ours {throughput['ours']}, peer {throughput['peer']}")
    worst = max(q["p50_ratio"] for q in largest["questions"].values())
    print(f"worst p50 ratio graphql/cypher: {worst:.2f}")
    print(
        f"load records/s: {largest['load_records_per_s']} (the writer {largest['load_of_raw']:.2f}"
        f" of raw; with the projection, {largest['whole_load_of_raw']:.2f})"
    )
    peer = max(q["peer_p50_ratio"] for q in largest["questions"].values())
    print(f"peer p50 ratio ours/@neo4j/graphql: {peer:.2f}")
    pack = results["ingest"]
    print(f"ingest {pack['pages']}-page PDF pack: {pack['ingest_s']} s (target 10 s)")
    _unseen_summary(largest)
    _one_area_summary(largest)
    _load_summary(results["load_test"])


def _one_area_summary(scale: dict[str, Any]) -> None:
    area = scale["one_area"]
    print(
        f"one area ({area['area']}) at {scale['nodes']} nodes, p50 ms, area / whole graph "
        "(targets 50 / 1000):"
    )
    for name in ONE_AREA:
        print(f"  {name:<28}{area[f'{name} area p50_ms']:>10} / {area[f'{name} whole p50_ms']}")
    print(f"  the review of the area written in {area['review_s']} s (target 30)")


def _unseen_summary(scale: dict[str, Any]) -> None:
    print(
        f"unseen shapes at {scale['nodes']} nodes: first request over warm p50, ms "
        "(target 50; * a Cypher text new to Neo4j):"
    )
    kinds = ("reordered", "renamed", "new_fields", "new_records")
    print(f"  {'question':<20}" + "".join(f"{kind:>12}" for kind in kinds))
    for name, shapes in scale["unseen_shapes"].items():
        cells = "".join(
            f"{shapes[kind]['overhead_ms']:>11}{'*' if shapes[kind]['new_cypher'] else ' '}"
            for kind in kinds
        )
        print(f"  {name:<20}{cells}")


def _load_summary(load: dict[str, Any]) -> None:
    light, heavy, memory = load["light"], load["heavy"], load["api_rss_mb"]
    print(
        f"load test, {load['clients']} clients ({load['heavy_clients']} heavy) for "
        f"{load['seconds']} s: {load['requests_per_s']} requests/s, "
        f"{load['status_5xx']} 5xx (target 0), {load['failed']} failed"
    )
    print(
        f"  light p50 {light['p50_ms']} p95 {light['p95_ms']} p99 {light['p99_ms']} ms "
        f"(target p99 100); heavy p50 {heavy['p50_ms']} p99 {heavy['p99_ms']} ms"
    )
    print(
        f"  API memory MB: start {memory['start']}, middle {memory['middle']}, "
        f"end {memory['end']}, peak {memory['peak']}; "
        f"CPU {load['server_cpu_ms_per_request']} ms per request"
    )


if __name__ == "__main__":
    sys.exit(main())
