"""Where the graph lives: an explicitly configured Neo4j first, the managed local server second."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from graph.server import ManagedServer, ServerError, default_home


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str
    user: str
    password: str
    database: str
    origin: str
    """How the settings were found: "environment", "managed" or "container"."""
    home: Path | None = None
    """A managed server's home, where its server.json says where it listens now (it may come
    back from a stop, a crash or a reboot on another port); None for any other Neo4j."""

    def describe(self) -> str:
        return f"{self.uri} (database {self.database}, {self.origin})"


def from_environment(environ: Mapping[str, str] | None = None) -> Neo4jSettings | None:
    """Settings from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE, if a URI is set."""
    environ = os.environ if environ is None else environ
    uri = environ.get("NEO4J_URI")
    if not uri:
        return None
    return Neo4jSettings(
        uri=uri,
        user=environ.get("NEO4J_USER", "neo4j"),
        password=environ.get("NEO4J_PASSWORD", ""),
        database=environ.get("NEO4J_DATABASE", "neo4j"),
        origin="environment",
    )


def from_managed(server: ManagedServer, *, start: bool) -> Neo4jSettings:
    """Settings for a managed server, started first when `start` is true."""
    info = server.start() if start else server.running()
    if info is None:
        raise ServerError(
            f"no managed Neo4j runs in {server.home}; run `govgraph db start` or set NEO4J_URI"
        )
    return Neo4jSettings(info.uri, info.user, server.password(), "neo4j", "managed", server.home)


def relocated(settings: Neo4jSettings) -> Neo4jSettings | None:
    """Settings for where a managed server listens now, when that is not where `settings`
    point; None when it has not moved, is not started, or is not a managed server."""
    if settings.home is None:
        return None
    server = ManagedServer(settings.home)
    info = server.recorded()
    if info is None or info.uri == settings.uri:
        return None
    try:
        password = server.password()  # a home whose data was removed has a new one
    except OSError:
        return None
    return replace(settings, uri=info.uri, password=password)


def resolve(environ: Mapping[str, str] | None = None, *, start: bool = False) -> Neo4jSettings:
    """The configured Neo4j if there is one, otherwise the managed server in the default home."""
    return from_environment(environ) or from_managed(ManagedServer(default_home()), start=start)
