"""Profile one benchmark question in the real HTTP server, with py-spy.

    NEO4J_URI=... NEO4J_USER=... NEO4J_PASSWORD=... \\
        .venv/bin/python bench/profile.py QUESTION [SECONDS [CHECKOUT]]

Serves the API as `make bench` does (from CHECKOUT, another working tree of this repository,
when given: a change's before and after), asks QUESTION (a name in bench/questions.json) from one
client for SECONDS while py-spy samples the server (not while it waits), and writes
bench/profiles/QUESTION[-CHECKOUT].folded, the stacks (for speedscope or flamegraph.pl),
and .txt: the request rate, then where the samples fall, by layer (inclusive) and by
function (own time).
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import QUESTIONS, serve_api, stop_server  # noqa: E402
from graph.settings import from_environment  # noqa: E402

PROFILES = ROOT / "bench" / "profiles"
LAYERS = {
    "uvicorn and starlette (HTTP)": ("uvicorn/", "starlette/", "httptools"),
    "strawberry request handling": ("strawberry/http/", "strawberry/asgi/"),
    "graphql-core execution": ("graphql/execution/",),
    "graphql-core parse and validation": ("graphql/language/", "graphql/validation/"),
    "request compiling and answer building": ("schema/answer.py", "schema/compile.py"),
    "neo4j driver": ("neo4j/",),
}
"""Frames by the file they run in; a sample counts once per layer found on its stack."""


def main(question: str, seconds: float, code: Path) -> int:
    settings = from_environment()
    if settings is None:
        sys.exit("set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD")
    PROFILES.mkdir(exist_ok=True)
    url, server = serve_api(settings, code)
    name = question if code == ROOT else f"{question}-{code.name}"
    raw = PROFILES / f"{name}.folded"
    try:
        spy = subprocess.Popen(
            [str(Path(sys.executable).parent / "py-spy"), "record", "--pid", str(server.pid),
             "--duration", str(int(seconds)), "--rate", "500", "--nonblocking", "--format", "raw",
             "--output", str(raw)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        asked, started = 0, time.monotonic()
        with httpx.Client(timeout=120) as client:
            while spy.poll() is None:
                client.post(url, json={"query": QUESTIONS[question]}).raise_for_status()
                asked += 1
        rate = asked / (time.monotonic() - started)
    finally:
        stop_server(server)
    report = _summary(question, rate, _read_folded(raw))
    (PROFILES / f"{name}.txt").write_text(report)
    print(report)
    return 0


def _read_folded(file: Path) -> Counter[tuple[str, ...]]:
    """py-spy's raw output: one `frame;frame;frame count` line per distinct stack."""
    stacks: Counter[tuple[str, ...]] = Counter()
    for line in file.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        stacks[tuple(stack.split(";"))] += int(count)
    return stacks


def _summary(question: str, rate: float, stacks: Counter[tuple[str, ...]]) -> str:
    total = sum(stacks.values())
    layers: Counter[str] = Counter()
    own: Counter[str] = Counter()
    for stack, count in stacks.items():
        for layer, markers in LAYERS.items():
            if any(marker in frame for frame in stack for marker in markers):
                layers[layer] += count
        own[stack[-1]] += count
    lines = [
        f"{question}: {rate:.0f} requests/s from one client; {total} samples of the server busy",
        "",
        "by layer (inclusive):",
        *(f"  {n / total:6.1%}  {layer}" for layer, n in layers.most_common()),
        "",
        "by function (own time), top 25:",
        *(f"  {n / total:6.1%}  {frame}" for frame, n in own.most_common(25)),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3, 4) or sys.argv[1] not in QUESTIONS:
        sys.exit(__doc__)
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    sys.exit(main(sys.argv[1], seconds, Path(sys.argv[3]).resolve() if len(sys.argv) > 3 else ROOT))
