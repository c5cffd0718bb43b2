"""The load test: many callers at once against the API over HTTP, heavy and light mixed.

CLIENTS clients ask questions back to back for BENCH_LOAD_SECONDS (60 by default). Of them,
HEAVY_CLIENTS ask the whole-graph questions in turn, as reports and analysts do; the others
ask lookups by id and by name and ownership, as services do, of records picked at random
over the whole synthetic dataset. Lookups take their ids as variables, so each document is
compiled once and every answer is a different record's. A heavy question must not hold up
the lookups: their p99 is the figure to watch, beside the count of 5xx answers and the API
process's resident memory, sampled throughout, which should stay flat.

Latencies are measured at the client, from sending a request to reading its last byte.
The clients ask again as soon as they are answered, so that at saturation a light request
waits about CLIENTS / throughput whatever the server does: the client's own CPU time and the
machine's load average (one minute, at start and end) are reported beside the figures.
"""

from __future__ import annotations

import asyncio
import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx
import orjson

from loaders.synth import AREAS, PEOPLE

CLIENTS = 32
HEAVY_CLIENTS = 4
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "60"))
MEMORY_EVERY = 0.5
"""Seconds between samples of the API's resident memory."""

Row = dict[str, Any]


@dataclass(frozen=True)
class Records:
    """Picks ids and names of the synthetic dataset (loaders/synth.py) at random."""

    partnerships: int
    years: int
    rng: random.Random

    def number(self) -> int:
        return self.rng.randrange(self.partnerships)

    def prefix(self) -> str:
        return f"p{self.number():05d}"

    def organisation(self) -> str:
        return f"organisation/{self.prefix()}-{self.rng.choice(('council', 'police', 'health'))}"

    def workstream(self) -> str:
        area = self.rng.choice(AREAS)
        return f"workstream/{self.prefix()}-{area.lower().replace(' ', '-')}"


Variables = Callable[[Records], Row]
Mix = list[tuple[str, str, Variables | None]]
"""The questions a client asks in turn: name, document, and how to pick its variables."""

HEAVY: dict[str, str] = {
    "governanceOverlaps": '{ governanceOverlaps(asOf: "2018-01-01") '
    "{ kind subject { id } bodies { id } } }",
    "governanceGaps": '{ governanceGaps(asOf: "2018-01-01") { kind subject { id } } }',
    "sharedMembers": '{ sharedMembers(asOf: "2018-01-01") '
    "{ id name roles { kind body { name } } } }",
}
"""Whole-graph questions: they grow with the graph."""

LIGHT: dict[str, tuple[str, Variables]] = {
    "organisationById": (
        "query ($id: ID!) { organisation(id: $id) { name kind people { name } } }",
        lambda r: {"id": r.organisation()},
    ),
    "personById": (
        "query ($id: ID!) { person(id: $id) "
        "{ name roles { kind body { name } } bodies { name } } }",
        lambda r: {"id": f"person/{r.prefix()}-{r.rng.randrange(PEOPLE)}"},
    ),
    "personByName": (
        "query ($name: String!) { person(name: $name) { id organisation { name } } }",
        lambda r: {"name": f"Person {r.number()}-{r.rng.randrange(PEOPLE)}"},
    ),
    "bodyByName": (
        "query ($name: String!) { body(name: $name) "
        '{ id reportsTo { id } roles(asOf: "2018-01-01") { person { name } } } }',
        lambda r: {"name": f"District {r.number()} Partnership Executive"},
    ),
    "workstreamById": (
        "query ($id: ID!) { workstream(id: $id) { name governedBy { id } plans { id } } }",
        lambda r: {"id": r.workstream()},
    ),
    "planById": (
        "query ($id: ID!) { plan(id: $id) { name owners { id } commitments { id dueBy } } }",
        lambda r: {"id": f"plan/{r.prefix()}-{2015 + r.rng.randrange(r.years)}"},
    ),
    "node": (
        "query ($id: ID!) { node(id: $id) { id name } }",
        lambda r: {"id": r.organisation()},
    ),
    "ownership": (
        "query ($id: ID!) { ownership(id: $id) "
        "{ owners { id } governors { id } leads { id } oversightChain { id } } }",
        lambda r: {"id": r.workstream()},
    ),
}
"""Lookups of one record and what is near it: they should not grow with the graph."""


@dataclass
class Tally:
    """What the clients saw: each answer's latency by question; the requests that got no
    answer (a 5xx, another status, GraphQL errors, a broken connection), 5xx counted apart."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    server_errors: int = 0
    failed: int = 0
    examples: list[str] = field(default_factory=list)

    def answered(self, name: str, seconds: float) -> None:
        self.latencies.setdefault(name, []).append(seconds)

    def failure(self, what: str) -> None:
        """Counted; the first few kept to say what went wrong."""
        self.failed += 1
        if len(self.examples) < 3:
            self.examples.append(what)


def load_test(url: str, pid: int, partnerships: int, years: int) -> dict[str, Any]:
    """Run the load test against the API at `url` (served by process `pid`) over the
    synthetic dataset of `partnerships` partnerships and `years` years."""
    return asyncio.run(_load_test(url, pid, Records(partnerships, years, random.Random(14))))


async def _load_test(url: str, pid: int, records: Records) -> dict[str, Any]:
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(limits=limits, timeout=300) as client:
        await _check_every_question(client, url, records)
        tally = Tally()
        memory: list[tuple[float, int]] = []
        cpu_before, own_cpu_before = cpu_seconds(pid), time.process_time()
        machine_load = os.getloadavg()[0]
        started = time.monotonic()
        stop = started + SECONDS
        sampler = asyncio.create_task(_sample_memory(pid, started, memory))
        heavy: Mix = [(name, text, None) for name, text in HEAVY.items()]
        light: Mix = [(name, text, variables) for name, (text, variables) in LIGHT.items()]
        mixes = [heavy if index < HEAVY_CLIENTS else light for index in range(CLIENTS)]
        await asyncio.gather(
            *(
                _client(client, url, mix, index, stop, records, tally)
                for index, mix in enumerate(mixes)
            )
        )
        elapsed = time.monotonic() - started
        cpu = cpu_seconds(pid) - cpu_before
        own_cpu = time.process_time() - own_cpu_before
        sampler.cancel()
        memory.append((elapsed, resident_bytes(pid)))
    measured = _report(tally, elapsed, cpu, memory)
    measured["client_cpu_ms_per_request"] = round(1000 * own_cpu / max(measured["requests"], 1), 2)
    measured["load_average"] = {"start": machine_load, "end": os.getloadavg()[0]}
    return measured


async def _check_every_question(client: httpx.AsyncClient, url: str, records: Records) -> None:
    """Each question once, off the clock: it must answer, and a lookup must find its record
    (the ids above follow loaders/synth.py)."""
    for name, text in HEAVY.items():
        body = await _ask(client, url, text, None)
        assert body.get("data") and not body.get("errors"), (name, body)
    for name, (text, variables) in LIGHT.items():
        asked = variables(records)
        body = await _ask(client, url, text, asked)
        assert not body.get("errors") and all(body["data"].values()), (name, asked, body)


async def _ask(client: httpx.AsyncClient, url: str, text: str, variables: Row | None) -> Row:
    response = await client.post(url, json={"query": text, "variables": variables})
    response.raise_for_status()
    body: Row = orjson.loads(response.content)
    return body


async def _client(
    client: httpx.AsyncClient,
    url: str,
    mix: Mix,
    index: int,
    stop: float,
    records: Records,
    tally: Tally,
) -> None:
    """One caller: asks the questions of its mix in turn, each as soon as the last is
    answered, until `stop`. Clients start at different places in the mix."""
    own = replace(records, rng=random.Random(index))
    turn = index
    while time.monotonic() < stop:
        name, text, variables = mix[turn % len(mix)]
        turn += 1
        payload = {"query": text, "variables": variables(own) if variables else None}
        started = time.perf_counter()
        try:
            response = await client.post(url, json=payload)
        except httpx.HTTPError as error:
            tally.failure(f"{name}: {type(error).__name__} {error}")
            continue
        seconds = time.perf_counter() - started
        if response.status_code >= 500:
            tally.server_errors += 1
            tally.failure(f"{name}: HTTP {response.status_code}")
            continue
        errors = response.status_code != 200 or orjson.loads(response.content).get("errors")
        if errors:
            tally.failure(f"{name}: HTTP {response.status_code} {str(errors)[:200]}")
            continue
        tally.answered(name, seconds)


async def _sample_memory(pid: int, started: float, memory: list[tuple[float, int]]) -> None:
    while True:
        memory.append((time.monotonic() - started, resident_bytes(pid)))
        await asyncio.sleep(MEMORY_EVERY)


def _report(
    tally: Tally, elapsed: float, cpu: float, memory: list[tuple[float, int]]
) -> dict[str, Any]:
    light = [s for name in LIGHT for s in tally.latencies.get(name, [])]
    heavy = [s for name in HEAVY for s in tally.latencies.get(name, [])]
    answered = len(light) + len(heavy)
    middle = min(memory, key=lambda sample: abs(sample[0] - elapsed / 2))
    return {
        "clients": CLIENTS,
        "heavy_clients": HEAVY_CLIENTS,
        "seconds": round(elapsed, 1),
        "requests": answered,
        "requests_per_s": round(answered / elapsed, 1),
        "light": {"requests": len(light), **_percentiles(light, 50, 95, 99)},
        "heavy": {"requests": len(heavy), **_percentiles(heavy, 50, 99)},
        "status_5xx": tally.server_errors,
        "failed": tally.failed,
        "first_failures": tally.examples,
        "api_rss_mb": {
            "start": _mb(memory[0][1]),
            "middle": _mb(middle[1]),
            "end": _mb(memory[-1][1]),
            "peak": _mb(max(rss for _, rss in memory)),
        },
        "server_cpu_ms_per_request": round(1000 * cpu / max(answered, 1), 2),
        "by_question": {
            name: {"requests": len(samples), **_percentiles(samples, 50, 99)}
            for name, samples in tally.latencies.items()
        },
    }


def _percentiles(samples: list[float], *ranks: int) -> dict[str, float | None]:
    """Nearest-rank percentiles in milliseconds (None when nothing was answered)."""
    ordered = sorted(samples)
    return {
        f"p{rank}_ms": (
            round(1000 * ordered[min(len(ordered) - 1, rank * len(ordered) // 100)], 2)
            if ordered
            else None
        )
        for rank in ranks
    }


def _mb(size: int) -> float:
    return round(size / 2**20, 1)


def resident_bytes(pid: int) -> int:
    """The process's resident set size, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process has used, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
