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

import pytest

from govgraph import cli
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


def test_a_destination_that_cannot_take_the_output_is_refused_by_name_before_any_work(
    tmp_path: Path,
) -> None:
    """Checked before Neo4j is asked anything (it is unreachable here), so a review or an
    export of a large graph is not gathered for minutes only to be refused."""
    environment = {
        **environment_without_neo4j(),
        "NEO4J_URI": "bolt://127.0.0.1:9",
        "NEO4J_PASSWORD": "x",
    }
    taken = tmp_path / "taken"
    taken.write_text("someone's file\n")
    document = FIXTURES / "documents" / "arun-plan-2016-07" / "source.pdf"
    a_file, a_directory = "it is a file, not a directory", "it is a directory; give a file name"
    under_a_file = f"{taken} is a file, not a directory"
    for command, named, reason in (
        (["report", "--out", str(taken)], taken, a_file),
        (["report", "--out", str(taken / "review")], taken / "review", under_a_file),
        (["export", "--format", "csv", "--out", str(taken)], taken, a_file),
        (["export", "--format", "jsonl", "--out", str(tmp_path)], tmp_path, a_directory),
        (["export", "--format", "graphml", "--out", str(taken / "g.xml")], taken / "g.xml",
         under_a_file),
        (["ingest", str(document), "--into", str(taken)], taken, a_file),
    ):  # fmt: skip
        done = subprocess.run(
            [*GOVGRAPH, *command], capture_output=True, text=True, env=environment, timeout=120
        )
        assert done.returncode == 1, (command, done.stderr)
        assert done.stderr.strip().splitlines() == [
            f"govgraph: {named}: cannot write there: {reason}"
        ], command
    assert taken.read_text() == "someone's file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_an_export_that_fails_midway_leaves_the_last_one_whole(tmp_path: Path) -> None:
    environment = {
        **environment_without_neo4j(),
        "NEO4J_URI": "bolt://127.0.0.1:9",
        "NEO4J_PASSWORD": "x",
    }
    last = {tmp_path / "graph.jsonl": "last week's export\n",
            tmp_path / "csv" / "nodes.csv": "id,labels\n"}  # fmt: skip
    for path, text in last.items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text)
    for form, out in (("jsonl", tmp_path / "graph.jsonl"), ("csv", tmp_path / "csv")):
        done = subprocess.run(
            [*GOVGRAPH, "export", "--format", form, "--out", str(out)],
            capture_output=True, text=True, env=environment, timeout=120,
        )  # fmt: skip
        assert done.returncode == 1 and "127.0.0.1:9" in done.stderr, done.stderr
    assert {path: path.read_text() for path in last} == last
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == [
        "csv",
        "csv/nodes.csv",
        "graph.jsonl",
    ]


@pytest.mark.parametrize(
    ("command", "refused"),
    [
        (["load", "--max-delete", "nan", "data/kirklees"], "--max-delete: expected a fraction"),
        (["load", "--max-delete", "-0.1", "data/kirklees"], "--max-delete: expected a fraction"),
        (["load", "--max-delete", "1.5", "data/kirklees"], "--max-delete: expected a fraction"),
        (["synth", "--partnerships", "0", "--out", "x"], "--partnerships: expected a whole"),
        (["synth", "--partnerships", "-3", "--out", "x"], "--partnerships: expected a whole"),
        (["synth", "--partnerships", "2", "--years", "0", "--out", "x"], "--years: expected"),
        (["synth", "--partnerships", "2", "--regions", "0", "--out", "x"], "--regions: expected"),
    ],
)
def test_numbers_a_command_cannot_use_are_refused_by_name(
    command: list[str], refused: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Before, `--max-delete nan` turned off the guard against a load removing too much and
    `--partnerships -3` wrote an empty dataset and said it succeeded."""
    with pytest.raises(SystemExit) as stopped:
        cli.main([part if part != "x" else str(tmp_path / "out") for part in command])
    assert stopped.value.code == 2
    assert refused in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
