"""`make bench`: govgraph measured against Neo4j itself, side by side in one run.

For each scale (BENCH_PARTNERSHIPS, comma-separated; each partnership over ten years is about
a thousand nodes), on a managed Neo4j of the benchmark's own:
  load     govgraph's writer against a raw `UNWIND $rows CREATE` of the same rows, and a
           reload of unchanged data;
  latency  every contract question through HTTP GraphQL against the same Cypher through the
           driver directly, and against @neo4j/graphql (bench/peer) on the same Neo4j, whose
           answers are checked equal to ours before anything is timed (p50, p95);
  trips    Bolt queries per GraphQL request;
and at the largest scale, throughput at concurrency 16, ours and the peer's, with each
server's CPU time per request.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from neo4j import READ_ACCESS, AsyncGraphDatabase, Driver, Query

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.peer.compare import QUESTIONS as PEER_QUESTIONS  # noqa: E402
from bench.peer.compare import compare  # noqa: E402
from govgraph.bulk import bulk  # noqa: E402
from graph.connection import driver_options, open_driver  # noqa: E402
from graph.migrations import migrate  # noqa: E402
from graph.rows import EdgeRow, NodeRow  # noqa: E402
from graph.server import ManagedServer, free_port  # noqa: E402
from graph.settings import Neo4jSettings, from_managed  # noqa: E402
from graph.trace import bolt_runs  # noqa: E402
from graph.write import load  # noqa: E402
from loaders.dataset import read_dataset  # noqa: E402
from loaders.project import project  # noqa: E402
from loaders.synth import synthesize, synthesize_regions  # noqa: E402
from queries.questions import recorded  # noqa: E402
from schema.graphql import Context, schema  # noqa: E402

WORK = ROOT / "bench" / "work"
RESULTS = ROOT / "bench" / "results.json"
BATCH = 2000
REGION = 100
"""Partnerships per dataset at national scale (see `_synthetic`)."""

QUESTIONS = {name: texts["ours"] for name, texts in PEER_QUESTIONS.items()}
PEER = {name: texts["peer"] for name, texts in PEER_QUESTIONS.items()}
GLOBAL = {"governanceOverlaps", "governanceGaps", "sharedMembers"}
"""Questions about the whole graph: they grow with it, and get fewer repetitions."""


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
    finally:
        server.stop()
    RESULTS.write_text(json.dumps(results, indent=2, default=str) + "\n")
    _summary(results)
    return 0


def _scale(server: ManagedServer, partnerships: int) -> tuple[dict[str, Any], Neo4jSettings]:
    datasets = _synthetic(partnerships)
    with bulk():  # as `govgraph load` reads and writes
        started = time.perf_counter()
        prepared = [_prepared(path) for path in datasets]
        prepare = time.perf_counter() - started
        settings = _fresh_store(server)
        with open_driver(settings) as driver:
            raw = sum(_raw_create(driver, settings.database, rows) for rows in prepared)
        settings = _fresh_store(server)
        with open_driver(settings) as driver:
            first = sum(_load(driver, settings.database, rows) for rows in prepared)
            again = sum(_load(driver, settings.database, rows) for rows in prepared)
    nodes = sum(len(rows.nodes) for rows in prepared)
    edges = sum(len(rows.edges) for rows in prepared)
    scale: dict[str, Any] = {
        "partnerships": partnerships,
        "datasets": len(datasets),
        "nodes": nodes,
        "relationships": edges,
        "read_and_project_s": round(prepare, 1),
        "raw_create_s": round(raw, 1),
        "load_s": round(first, 1),
        "reload_unchanged_s": round(again, 1),
        "raw_records_per_s": round((nodes + edges) / raw),
        "load_records_per_s": round((nodes + edges) / first),
        "load_of_raw": round(raw / first, 2),
        "reload_speedup": round(first / again, 1),
    }
    print(json.dumps(scale), flush=True)
    scale["questions"] = _latencies(settings)
    return scale, settings


def _synthetic(partnerships: int) -> list[Path]:
    """The scale's datasets: one up to REGION partnerships, otherwise one per REGION, as
    areas publish their own papers. Each loads as one transaction, and one transaction of a
    whole country (3.6M records) needs more memory than Neo4j has on this machine."""
    regions = -(-partnerships // REGION)
    if regions == 1:
        out = WORK / f"synth-{partnerships}"
        if not out.exists():
            synthesize(out, partnerships, years=10)
        return [out]
    out = WORK / f"synth-{partnerships}-in-{regions}"
    if not out.exists():
        synthesize_regions(out, partnerships, 10, regions)
    return sorted(out.glob("region-*"))


@dataclass
class Prepared:
    dataset: str
    title: str
    nodes: list[NodeRow]
    edges: list[EdgeRow]


def _prepared(path: Path) -> Prepared:
    """Read, validate and project; the dataset itself is let go before anything is timed."""
    dataset = read_dataset(path)
    rows = project(dataset)
    return Prepared(dataset.info.name, dataset.info.title, rows.nodes, list(rows.edges.values()))


def _fresh_store(server: ManagedServer) -> Neo4jSettings:
    """An empty database, migrated: stopping Neo4j and removing its store takes seconds where
    deleting a million nodes takes minutes."""
    server.stop()
    for folder in ("databases", "transactions"):
        shutil.rmtree(server.home / "data" / folder, ignore_errors=True)
    settings = from_managed(server, start=True)
    with open_driver(settings) as driver:
        migrate(driver, settings.database)
    return settings


def _load(driver: Driver, database: str, rows: Prepared) -> float:
    """Seconds `govgraph load` takes to write one projected dataset (one transaction)."""
    started = time.perf_counter()
    load(driver, database, rows.dataset, rows.title, rows.nodes, rows.edges)
    return time.perf_counter() - started


def _raw_create(driver: Driver, database: str, prepared: Prepared) -> float:
    """The practical limit: the same stored rows, created blind, batch by batch. Only the
    writes are timed; each batch's rows are built off the clock."""
    node_query = "UNWIND $rows AS row CREATE (n:$(row.labels)) SET n = row.props"
    edge_query = (
        "UNWIND $rows AS row MATCH (a:Record {id: row.source}) "
        "MATCH (b:Record {id: row.target}) CREATE (a)-[r:$(row.type)]->(b) SET r = row.props"
    )
    dataset, nodes, edges = prepared.dataset, prepared.nodes, prepared.edges
    writing = 0.0

    def write(query: str, rows: list[dict[str, Any]]) -> float:
        started = time.perf_counter()
        driver.execute_query(query, rows=rows, database_=database)
        return time.perf_counter() - started

    for start in range(0, len(nodes), BATCH):
        rows = [
            {"labels": ["Record", *n.labels], "props": n.stored(dataset)}
            for n in nodes[start : start + BATCH]
        ]
        writing += write(node_query, rows)
    for start in range(0, len(edges), BATCH):
        rows = [
            {"type": e.type, "source": e.source, "target": e.target, "props": e.stored(dataset)}
            for e in edges[start : start + BATCH]
        ]
        writing += write(edge_query, rows)
    return writing


def _latencies(settings: Neo4jSettings) -> dict[str, Any]:
    compiled, trips = asyncio.run(_compile_all(settings))
    url, server = serve_api(settings)
    peer_url, peer = _serve_peer(settings)
    measured: dict[str, Any] = {}
    try:
        with httpx.Client(timeout=300) as client:
            for name, query in QUESTIONS.items():
                problem = compare(client, url, peer_url, name)
                if problem:
                    raise RuntimeError(f"{name}: the peer answers differently: {problem}")
                repeat = 5 if name in GLOBAL else 30
                http = _sample(repeat, lambda q=query: _post(client, url, q))
                theirs = _sample(repeat, lambda q=PEER[name]: _post(client, peer_url, q))
                text, parameters = compiled[name]
                cypher = asyncio.run(_driver_samples(settings, text, parameters, repeat))
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
    finally:
        stop_server(server)
        stop_server(peer)
    return measured


async def _compile_all(settings: Neo4jSettings) -> tuple[dict[str, Any], dict[str, int]]:
    """The Cypher each question runs (in-process, recorded), and its Bolt round trips."""
    driver = AsyncGraphDatabase.driver(settings.uri, **driver_options(settings))
    compiled: dict[str, Any] = {}
    trips: dict[str, int] = {}
    try:
        for name, query in QUESTIONS.items():
            with recorded() as queries, bolt_runs() as runs:
                result = await schema.execute(query, context_value=Context(driver, "neo4j"))
            assert not result.errors, (name, result.errors)
            compiled[name] = queries[0]
            trips[name] = len(runs)
    finally:
        await driver.close()
    return compiled, trips


async def _driver_samples(
    settings: Neo4jSettings, text: str, parameters: dict[str, Any], repeat: int
) -> list[float]:
    driver = AsyncGraphDatabase.driver(settings.uri, **driver_options(settings))
    samples = []
    try:
        for _ in range(repeat + 2):
            started = time.perf_counter()
            async with driver.session(default_access_mode=READ_ACCESS) as session:
                result = await session.run(Query(text), parameters)  # as the API reads
                records = [record async for record in result]
            samples.append(time.perf_counter() - started)
            assert records, text
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
        ours = _load_test(url, server.pid, [QUESTIONS[name] for name in local])
    finally:
        stop_server(server)
    url, peer = _serve_peer(settings)
    try:
        theirs = _load_test(url, peer.pid, [PEER[name] for name in local])
    finally:
        stop_server(peer)
    return {"concurrency": 16, "ours": ours, "peer": theirs}


def _load_test(url: str, pid: int, mix: list[str], seconds: float = 20.0) -> dict[str, Any]:
    done = [0] * 16
    stop = time.monotonic() + seconds
    cpu_before = _cpu_seconds(pid)

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
    cpu = _cpu_seconds(pid) - cpu_before
    requests = sum(done)
    return {
        "requests": requests,
        "requests_per_s": round(requests / seconds, 1),
        "server_cpu_ms_per_request": round(1000 * cpu / max(requests, 1), 2),
    }


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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
    print(f"load records/s: {largest['load_records_per_s']} ({largest['load_of_raw']:.2f} of raw)")
    peer = max(q["peer_p50_ratio"] for q in largest["questions"].values())
    print(f"peer p50 ratio ours/@neo4j/graphql: {peer:.2f}")
    pack = results["ingest"]
    print(f"ingest {pack['pages']}-page PDF pack: {pack['ingest_s']} s (target 10 s)")


if __name__ == "__main__":
    sys.exit(main())
