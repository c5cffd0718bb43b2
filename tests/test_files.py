"""Files written whole or not at all (loaders/files.py), on the real file system."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.files import CannotWrite, replacing_files, writable_directory, writable_file


def test_files_written_replace_their_namesakes_and_leave_the_rest(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("last review")
    (tmp_path / "notes.txt").write_text("the officer's own notes")
    with replacing_files(tmp_path) as staged:
        (staged / "index.html").write_text("this review")
        (staged / "gaps.csv").write_text("kind\n")
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == {
        "index.html": "this review",
        "gaps.csv": "kind\n",
        "notes.txt": "the officer's own notes",
    }


def test_a_failure_while_writing_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("last review")
    with pytest.raises(RuntimeError), replacing_files(tmp_path) as staged:
        (staged / "index.html").write_text("half a rev")
        raise RuntimeError("the disk filled")
    assert [(p.name, p.read_text()) for p in tmp_path.iterdir()] == [("index.html", "last review")]


def test_a_failure_removes_the_directories_made_to_hold_the_output(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), replacing_files(tmp_path / "reviews" / "2026") as staged:
        (staged / "index.html").write_text("half")
        raise RuntimeError("Neo4j went away")
    assert list(tmp_path.iterdir()) == []


def test_destinations_that_cannot_take_the_output_say_why(tmp_path: Path) -> None:
    taken = tmp_path / "taken"
    taken.write_text("")
    refused = {
        "directory at a file": (writable_directory, taken, "it is a file, not a directory"),
        "file at a directory": (writable_file, tmp_path, "it is a directory; give a file name"),
        "under a file": (writable_file, taken / "x.jsonl", f"{taken} is a file, not a directory"),
    }
    for case, (check, path, reason) in refused.items():
        with pytest.raises(CannotWrite) as error:
            check(path)
        assert str(error.value) == f"{path}: cannot write there: {reason}", case
    writable_directory(tmp_path / "new" / "deeper")
    writable_file(tmp_path / "new" / "graph.jsonl")
    assert list(tmp_path.iterdir()) == [taken]


def test_a_namesake_that_is_a_directory_stops_the_writing_before_any_file_is_replaced(
    tmp_path: Path,
) -> None:
    (tmp_path / "nodes.csv").write_text("last")
    (tmp_path / "relationships.csv").mkdir()
    with pytest.raises(CannotWrite), replacing_files(tmp_path) as staged:
        (staged / "nodes.csv").write_text("this")
        (staged / "relationships.csv").write_text("this")
    assert (tmp_path / "nodes.csv").read_text() == "last"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nodes.csv", "relationships.csv"]


def test_links_are_written_through_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "graph.jsonl").write_text("last")
    (tmp_path / "graph.jsonl").symlink_to(real / "graph.jsonl")
    (tmp_path / "reviews").symlink_to(real, target_is_directory=True)
    with replacing_files(tmp_path) as staged:
        (staged / "graph.jsonl").write_text("this")
    with replacing_files(tmp_path / "reviews") as staged:
        (staged / "index.html").write_text("review")
    assert (tmp_path / "graph.jsonl").is_symlink() and (tmp_path / "reviews").is_symlink()
    assert (real / "graph.jsonl").read_text() == "this"
    assert (real / "index.html").read_text() == "review"
