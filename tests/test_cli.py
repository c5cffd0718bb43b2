"""The command line as a newcomer meets it: validation output, and serve stopping cleanly."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from graph.server import free_port
from tests.conftest import FIXTURES, environment_without_neo4j

GOVGRAPH = [sys.executable, "-m", "govgraph.cli"]


def test_validate_exits_non_zero_and_names_file_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", broken)
    data = broken / "data.yaml"
    data.write_text(data.read_text().replace("to: CSP Executive", "to: Nobody At All", 1))
    done = subprocess.run([*GOVGRAPH, "validate", str(broken)], capture_output=True, text=True)
    assert done.returncode == 1
    assert f"{data}:" in done.stderr and "'Nobody At All' matches no record" in done.stderr
    assert "nothing was loaded" in done.stderr


def test_validate_accepts_a_good_dataset() -> None:
    done = subprocess.run([*GOVGRAPH, "validate", str(FIXTURES / "mini")], capture_output=True,
                          text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "valid, 17 records" in done.stdout


def test_serve_starts_neo4j_and_sigterm_stops_everything(tmp_path: Path) -> None:
    """What `make run` does: start Neo4j, load, serve; on SIGTERM nothing is left running,
    even when an impatient second SIGTERM arrives while Neo4j is stopping."""
    port = free_port()
    environment = {**environment_without_neo4j(), "GOVGRAPH_HOME": str(tmp_path)}
    serve = subprocess.Popen(
        [*GOVGRAPH, "serve", "--port", str(port), "--load", str(FIXTURES / "mini")],
        env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        status = _wait_ready(port, seconds=240)
        info = json.loads((tmp_path / "neo4j" / "server.json").read_text())
    finally:
        serve.send_signal(signal.SIGTERM)
        time.sleep(1)
        serve.send_signal(signal.SIGTERM)
        output, _ = serve.communicate(timeout=120)
    assert status == 200, output
    assert serve.returncode == 0, output
    assert "stopped the Neo4j server this command started" in output
    assert not _alive(info["pid"])


def _wait_ready(port: int, seconds: float) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as reply:
                return int(reply.status)
        except OSError:
            time.sleep(0.5)
    return 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


def test_an_unreachable_neo4j_is_one_clear_line_never_a_traceback(tmp_path: Path) -> None:
    environment = {
        **environment_without_neo4j(),
        "NEO4J_URI": "bolt://127.0.0.1:9",
        "NEO4J_PASSWORD": "x",
    }
    for command in (
        ["load", str(FIXTURES / "mini")],
        ["report", "--out", str(tmp_path / "review")],
        ["export", "--format", "jsonl", "--out", str(tmp_path / "graph.jsonl")],
    ):
        done = subprocess.run(
            [*GOVGRAPH, *command], capture_output=True, text=True, env=environment, timeout=120
        )
        assert done.returncode == 1, (command, done.stderr)
        assert "Traceback" not in done.stderr, (command, done.stderr)
        last = done.stderr.strip().splitlines()[-1]
        assert last.startswith("govgraph") and "127.0.0.1:9" in last, (command, done.stderr)
        assert not (tmp_path / "review").exists() and not (tmp_path / "graph.jsonl").exists()
