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


@contextmanager
def replacing_directory(root: Path) -> Iterator[Path]:
    """A copy of the directory `root` (or a new, empty one) beside it, which takes its
    place, by renames, once the block ends without an error; on an error it is removed and
    `root` is as it was. For a whole that must change together, files removed included: an
    ingested dataset. `root` is taken where it really is ("..", ".", a link), and a process
    standing inside it is moved into the new one, whose path it is."""
    root = root.resolve()
    root.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{root.name}.writing-", dir=root.parent))
    try:
        if root.exists():
            shutil.copytree(root, staged, dirs_exist_ok=True, symlinks=True)
        else:  # mkdtemp makes it its owner's alone; a new directory is made as mkdir would
            umask = os.umask(0)
            os.umask(umask)
            staged.chmod(0o777 & ~umask)
        yield staged
        inside = Path.cwd().is_relative_to(root)
        if root.exists():
            old = root.with_name(f".{root.name}.replaced")
            shutil.rmtree(old, ignore_errors=True)
            root.rename(old)
            staged.rename(root)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staged.rename(root)
        if inside:
            os.chdir(root)
    finally:
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
