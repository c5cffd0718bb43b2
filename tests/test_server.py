"""The managed server: provisioned from Maven, started, restarted with its data, stopped."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from graph.server import NEO4J_VERSION, ManagedServer, provision


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
