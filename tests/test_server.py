"""The managed server: provisioned from Maven, started, restarted with its data, stopped."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest
from neo4j import GraphDatabase

from graph.server import NEO4J_VERSION, ManagedServer, ServerError, provision, without_stack_frames


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ManagedServer]:
    managed = ManagedServer(tmp_path_factory.mktemp("managed") / "neo4j")
    yield managed
    managed.stop()


def _count_marks(server: ManagedServer) -> int:
    info = server.running()
    assert info is not None
    with GraphDatabase.driver(info.uri, auth=(info.user, server.password())) as driver:
        records, _, _ = driver.execute_query("MATCH (m:LifecycleMark) RETURN count(m) AS n")
        return int(records[0]["n"])


def test_provision_caches_the_server_jars() -> None:
    lib = provision()
    assert (lib / f"neo4j-{NEO4J_VERSION}.jar").is_file()
    assert provision() == lib  # the second call finds the cache and fetches nothing


def test_start_serves_bolt_with_a_generated_password(server: ManagedServer) -> None:
    info = server.start()
    assert info.uri.startswith("bolt://127.0.0.1:")
    with GraphDatabase.driver(info.uri, auth=(info.user, server.password())) as driver:
        driver.execute_query("CREATE (:LifecycleMark)")
    assert _count_marks(server) == 1
    mode = stat.S_IMODE(server.password_file.stat().st_mode)
    assert mode == 0o600


def test_config_is_for_a_laptop(server: ManagedServer) -> None:
    config = (server.home / "conf" / "neo4j.conf").read_text()
    assert "server.default_listen_address=127.0.0.1" in config
    assert "server.http.enabled=false" in config
    assert "dbms.usage_report.enabled=false" in config
    assert "dbms.security.auth_enabled=true" in config


def test_second_start_reuses_the_running_server(server: ManagedServer) -> None:
    first = server.start()
    assert server.start() == first


def test_restart_keeps_the_data(server: ManagedServer) -> None:
    before = server.start()
    assert server.stop() is True
    assert server.running() is None
    after = server.start()
    assert after.pid != before.pid
    assert _count_marks(server) == 1


def test_stop_leaves_no_process(server: ManagedServer) -> None:
    pid = server.start().pid
    assert server.stop() is True
    assert not Path(f"/proc/{pid}").exists() or _is_zombie(pid)
    assert server.running() is None
    assert server.stop() is False


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except OSError:
        return True


def test_wrong_password_is_refused(server: ManagedServer) -> None:
    info = server.start()
    with (
        GraphDatabase.driver(info.uri, auth=(info.user, "not-the-password")) as driver,
        pytest.raises(Exception, match=r"(?i)unauthori|authentication"),
    ):
        driver.verify_connectivity()
    assert os.path.exists(server.password_file)


def test_a_home_whose_data_is_gone_starts_afresh_with_a_password_that_works(
    server: ManagedServer,
) -> None:
    """The password file outlives the data it was set on (data removed, or written elsewhere
    as a relative home once did): a new store must take a password again, or nothing could
    connect to it."""
    server.start()
    server.stop()
    shutil.rmtree(server.home / "data")
    server.start()
    assert _count_marks(server) == 0


@contextmanager
def careless_umask() -> Iterator[None]:
    """The umask most machines have (0022), whatever this one's: what the server writes must
    be private because the server makes it so, not because the machine happens to."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def _open_to_others(home: Path) -> list[str]:
    """Everything in the home that group or others may read, write or enter."""
    found = []
    for path in [home, *home.rglob("*")]:
        mode = path.lstat().st_mode
        if not stat.S_ISLNK(mode) and stat.S_IMODE(mode) & 0o077:
            found.append(f"{oct(stat.S_IMODE(mode))} {path.relative_to(home)}")
    return found


def _write_contact_details(server: ManagedServer) -> None:
    info = server.running()
    assert info is not None
    with GraphDatabase.driver(info.uri, auth=(info.user, server.password())) as driver:
        driver.execute_query("CREATE (:LifecycleContact {email: 'someone@example.org'})")


def test_the_home_is_private_to_its_owner_even_where_an_older_version_left_it_open(
    server: ManagedServer,
) -> None:
    with careless_umask():
        server.start()
        _write_contact_details(server)
        assert _open_to_others(server.home) == []
        server.stop()
        for path in [server.home, *server.home.rglob("*")]:  # as versions before this one left it
            path.chmod(0o755 if path.is_dir() else 0o644)
        server.start()
        _write_contact_details(server)
        assert _open_to_others(server.home) == []
        server.stop()  # the checkpoint at shutdown writes the store files again
    assert _open_to_others(server.home) == []


def _port(server: ManagedServer) -> int:
    info = server.running()
    assert info is not None
    port = urlparse(info.uri).port
    assert port is not None
    return port


def test_after_a_crash_the_server_comes_back_on_its_port(server: ManagedServer) -> None:
    server.start()
    before = _port(server)
    info = server.running()
    assert info is not None
    os.kill(info.pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while server.running() is not None:  # until the kill has landed: start would reuse it
        assert time.monotonic() < deadline, "the killed server still runs"
        time.sleep(0.1)
    server.start()
    assert _port(server) == before


def test_a_pid_left_in_server_json_that_now_belongs_to_another_process_is_not_stopped(
    tmp_path: Path,
) -> None:
    """After a crash or a reboot, the pid server.json names may have gone to another process
    of the same user: neither `running` nor `stop` (which `start` calls first) may take it
    for the server."""
    stranger = subprocess.Popen(["sleep", "60"])
    server = ManagedServer(tmp_path / "neo4j")
    server.home.mkdir()
    recorded = {"pid": stranger.pid, "uri": "bolt://127.0.0.1:9", "user": "neo4j",
                "version": NEO4J_VERSION, "home": str(server.home)}  # fmt: skip
    try:
        server.info_file.write_text(json.dumps(recorded))
        assert server.running() is None
        assert server.stop() is False
        assert stranger.poll() is None
    finally:
        stranger.kill()
        stranger.wait()


@pytest.mark.parametrize(
    ("variable", "size"),
    [
        ("GOVGRAPH_NEO4J_HEAP", "lots"),
        ("GOVGRAPH_NEO4J_PAGECACHE", "1.5GiB"),
        ("GOVGRAPH_NEO4J_HEAP", "0"),
    ],
)
def test_a_memory_size_neither_the_jvm_nor_neo4j_reads_is_refused_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str, size: str
) -> None:
    monkeypatch.setenv(variable, size)
    server = ManagedServer(tmp_path / "neo4j")
    with pytest.raises(ServerError) as refused:
        server.start()
    assert str(refused.value).startswith(f"{variable}: {size!r} is not a size")
    assert not (server.home / "conf" / "neo4j.conf").exists()
    assert server.recorded() is None


def test_what_java_prints_is_shown_without_its_stack_frames() -> None:
    printed = (
        "java.lang.IllegalArgumentException: 'lots' is not a valid size\n"
        "\tat org.neo4j.configuration.Config.evaluateSetting(Config.java:869)\n"
        "\tat picocli.CommandLine.execute(CommandLine.java:2078)\n"
        "Caused by: java.lang.IllegalArgumentException: 'lots' is not a valid size\n"
        "\tat org.neo4j.configuration.SettingImpl.parse(SettingImpl.java:79)\n"
        "\t... 17 more\n"
    )
    assert without_stack_frames(printed) == (
        "java.lang.IllegalArgumentException: 'lots' is not a valid size\n"
        "Caused by: java.lang.IllegalArgumentException: 'lots' is not a valid size"
    )
