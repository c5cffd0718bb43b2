"""Files written whole or not at all: the report, the exports and ingested datasets.

A review or an export of a large graph takes minutes to gather; a destination that cannot
take it is refused before that, by name, and a failure while writing (a full disk, Neo4j
gone mid-stream) leaves whatever was there before untouched and nothing half-written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class CannotWrite(Exception):
    """A destination that cannot take what is to be written there, and why, in one line."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: cannot write there: {reason}")


def writable_directory(path: Path) -> None:
    """Raise CannotWrite unless `path` is a directory, or one that can be made, we may write."""
    if path.exists() and not path.is_dir():
        raise CannotWrite(path, "it is a file, not a directory")
    _creatable(path, path)


def writable_file(path: Path) -> None:
    """Raise CannotWrite unless a file can be written (or replaced) at `path`."""
    if path.is_dir():
        raise CannotWrite(path, "it is a directory; give a file name")
    if path.exists() and not os.access(path, os.W_OK):
        raise CannotWrite(path, "permission denied")
    _creatable(path.parent, path)


def _creatable(directory: Path, destination: Path) -> None:
    """The nearest existing directory at or above `directory` must be one we may write in."""
    existing = directory.absolute()
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise CannotWrite(destination, f"{existing} is a file, not a directory")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise CannotWrite(destination, f"permission denied in {existing}")


@contextmanager
def replacing_files(directory: Path) -> Iterator[Path]:
    """A staging directory whose files, once the block ends without an error, replace their
    namesakes in `directory`, each by one rename on the same file system (a namesake that is
    a link is replaced where it points); other files there are left alone. On an error
    nothing in `directory` changes, and a directory made for the purpose is removed again."""
    writable_directory(directory)
    directory = directory.resolve()  # a link to the output directory: write where it points
    made = _make_directories(directory)
    staged = Path(tempfile.mkdtemp(prefix=".govgraph-writing-", dir=directory))
    try:
        yield staged
        written = sorted(staged.iterdir())
        for file in written:  # checked for all before any is replaced
            if (directory / file.name).resolve().is_dir():
                raise CannotWrite(directory / file.name, "it is a directory; give a file name")
        for file in written:
            os.replace(file, (directory / file.name).resolve())
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        for made_directory in made:
            if not any(made_directory.iterdir()):
                made_directory.rmdir()
        raise
    shutil.rmtree(staged, ignore_errors=True)


def _make_directories(directory: Path) -> list[Path]:
    """Make `directory` and any missing parents; return those made, the deepest first."""
    missing = []
    current = directory.absolute()
    while not current.exists():
        missing.append(current)
        current = current.parent
    directory.mkdir(parents=True, exist_ok=True)
    return missing
