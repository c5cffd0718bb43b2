"""Count what actually crosses the wire: the Bolt RUN messages the driver sends. The driver
logs each one at DEBUG on "neo4j.io"; listening there measures round trips without
wrapping or replacing the driver."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

BOLT_LOG = logging.getLogger("neo4j.io")


class _RunListener(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.queries: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "C: RUN " in message:
            self.queries.append(message.split("C: RUN ", 1)[1])


@contextmanager
def bolt_runs() -> Iterator[list[str]]:
    """Within the block, collect the queries sent, one entry per Bolt RUN."""
    listener = _RunListener()
    level = BOLT_LOG.level
    BOLT_LOG.addHandler(listener)
    BOLT_LOG.setLevel(logging.DEBUG)
    try:
        yield listener.queries
    finally:
        BOLT_LOG.removeHandler(listener)
        BOLT_LOG.setLevel(level)
