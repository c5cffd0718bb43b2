"""Count what actually crosses the wire: the Bolt messages (RUN, BEGIN, COMMIT...) the driver
sends. The driver logs each one at DEBUG on "neo4j.io"; listening there measures round trips
without wrapping or replacing the driver."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

BOLT_LOG = logging.getLogger("neo4j.io")


class _Listener(logging.Handler):
    def __init__(self, message: str) -> None:
        super().__init__(logging.DEBUG)
        self.marker = f"C: {message}"
        self.sent: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if self.marker in text:
            self.sent.append(text.split(self.marker, 1)[1].lstrip())


@contextmanager
def bolt_sent(message: str) -> Iterator[list[str]]:
    """Within the block, collect each Bolt `message` (RUN, BEGIN, COMMIT...) the driver
    sends, as the text logged after its name."""
    listener = _Listener(message)
    level = BOLT_LOG.level
    BOLT_LOG.addHandler(listener)
    BOLT_LOG.setLevel(logging.DEBUG)
    try:
        yield listener.sent
    finally:
        BOLT_LOG.removeHandler(listener)
        BOLT_LOG.setLevel(level)


def bolt_runs() -> AbstractContextManager[list[str]]:
    """Within the block, collect the queries sent, one entry per Bolt RUN."""
    return bolt_sent("RUN ")
