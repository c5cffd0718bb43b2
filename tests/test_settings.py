"""Where the graph lives: environment first, then the managed server."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.server import ManagedServer, ServerError
from graph.settings import from_environment, from_managed, resolve


def test_environment_settings_win() -> None:
    environ = {"NEO4J_URI": "neo4j://cluster.example:7687", "NEO4J_USER": "reader",
               "NEO4J_PASSWORD": "pw", "NEO4J_DATABASE": "governance"}  # fmt: skip
    settings = resolve(environ)
    assert (settings.uri, settings.user, settings.password, settings.database) == (
        "neo4j://cluster.example:7687", "reader", "pw", "governance")  # fmt: skip
    assert settings.origin == "environment"


def test_environment_defaults_user_and_database() -> None:
    settings = from_environment({"NEO4J_URI": "bolt://localhost:7687"})
    assert settings is not None
    assert (settings.user, settings.database) == ("neo4j", "neo4j")


def test_no_uri_means_no_environment_settings() -> None:
    assert from_environment({"NEO4J_USER": "someone"}) is None


def test_without_environment_the_managed_server_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVGRAPH_HOME", str(tmp_path))
    with pytest.raises(ServerError, match="no managed Neo4j runs"):
        resolve({})


def test_managed_settings_carry_the_generated_password(tmp_path: Path) -> None:
    server = ManagedServer(tmp_path / "neo4j")
    with pytest.raises(ServerError, match="govgraph db start"):
        from_managed(server, start=False)


def test_a_relative_server_home_is_made_absolute() -> None:
    """Neo4j would read the config's relative data directory against its own home."""
    assert ManagedServer(Path("relative/neo4j")).home == Path.cwd() / "relative" / "neo4j"
