"""A dataset may come from anyone: hostile ones are refused quickly, one clear problem each.

Every case below is a copy of the mini dataset with one thing made hostile: a path that
leads out of the dataset, an alias bomb, a file or field too large, bytes that are not
UTF-8, YAML the safe loader cannot type. `govgraph validate` must name the file and line
at fault within seconds, with no traceback, and `govgraph load` must write nothing.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from neo4j import Driver

from govgraph.cli import main
from graph.settings import Neo4jSettings
from tests.conftest import FIXTURES
from tests.support import neo4j_environment

MINUTES = (FIXTURES / "mini" / "documents" / "minutes.txt").read_text()
MIB = 2**20


@dataclass(frozen=True)
class Hostile:
    """A hostile dataset and the one problem it must be refused with."""

    root: Path
    file: Path
    line: int
    says: str


def _mini(tmp_path: Path) -> Path:
    root = tmp_path / "dataset"
    shutil.copytree(FIXTURES / "mini", root)
    return root


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text()
    assert old in text, old
    file.write_text(text.replace(old, new, 1))


def _line(file: Path, fragment: str) -> int:
    lines = file.read_text().splitlines()
    return next(number for number, line in enumerate(lines, 1) if fragment in line)


def _secret(tmp_path: Path) -> Path:
    """A file outside the dataset that passes for its minutes, so today's quotes check out."""
    secret = tmp_path / "secret.txt"
    secret.write_text(MINUTES + "SECRET: not part of any dataset\n")
    return secret.resolve()


def _elsewhere(tmp_path: Path) -> Path:
    """A documents folder outside the dataset, holding a secret."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "minutes.txt").write_text(MINUTES + "SECRET: not part of any dataset\n")
    return elsewhere.resolve()


def _describe_adult_safeguarding(root: Path, length: int) -> Path:
    """Give a body no other record names a description of `length` characters."""
    data = root / "data.yaml"
    description = "    description: " + "x" * length + "\n"
    _edit(data, "    name: Adult Safeguarding\n", "    name: Adult Safeguarding\n" + description)
    return data


def document_up_and_out(tmp_path: Path) -> Hostile:
    root, secret = _mini(tmp_path), _secret(tmp_path)
    data = root / "data.yaml"
    _edit(data, "file: minutes.txt", "file: ../../secret.txt")
    says = f"file: '../../secret.txt' leads to {secret}, outside"
    return Hostile(root, data, _line(data, "file: ../../secret.txt"), says)


def document_absolute(tmp_path: Path) -> Hostile:
    root, secret = _mini(tmp_path), _secret(tmp_path)
    data = root / "data.yaml"
    _edit(data, "file: minutes.txt", f"file: {secret}")
    return Hostile(
        root, data, _line(data, "file: /"), f"file: '{secret}' leads to {secret}, outside"
    )


def document_linked_out(tmp_path: Path) -> Hostile:
    root, secret = _mini(tmp_path), _secret(tmp_path)
    minutes = root / "documents" / "minutes.txt"
    minutes.unlink()
    minutes.symlink_to(secret)
    data = root / "data.yaml"
    says = f"file: 'minutes.txt' leads to {secret}, outside"
    return Hostile(root, data, _line(data, "file: minutes.txt"), says)


def yaml_linked_out(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    outside = tmp_path / "outside.yaml"
    outside.write_text("notes: []\n")
    (root / "extra.yaml").symlink_to(outside)
    return Hostile(root, root / "extra.yaml", 1, f"file: leads to {outside.resolve()}, outside")


def documents_dir_up_and_out(tmp_path: Path) -> Hostile:
    root, elsewhere = _mini(tmp_path), _elsewhere(tmp_path)
    info = root / "dataset.yaml"
    info.write_text(info.read_text() + "  documents_dir: ../elsewhere\n")
    says = f"dataset.documents_dir: '../elsewhere' leads to {elsewhere}, outside"
    return Hostile(root, info, _line(info, "documents_dir"), says)


def documents_dir_absolute(tmp_path: Path) -> Hostile:
    root, elsewhere = _mini(tmp_path), _elsewhere(tmp_path)
    info = root / "dataset.yaml"
    info.write_text(info.read_text() + f"  documents_dir: {elsewhere}\n")
    says = f"dataset.documents_dir: '{elsewhere}' leads to {elsewhere}, outside"
    return Hostile(root, info, _line(info, "documents_dir"), says)


def documents_linked_out(tmp_path: Path) -> Hostile:
    root, elsewhere = _mini(tmp_path), _elsewhere(tmp_path)
    shutil.rmtree(root / "documents")
    (root / "documents").symlink_to(elsewhere)
    says = f"dataset.documents_dir: 'documents' leads to {elsewhere}, outside"
    return Hostile(root, root / "dataset.yaml", 1, says)


def yaml_link_loop(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    (root / "loop.yaml").symlink_to(root / "loop.yaml")
    return Hostile(root, root / "loop.yaml", 1, "file: is a loop of links")


def yaml_directory(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    (root / "folder.yaml").mkdir()
    return Hostile(root, root / "folder.yaml", 1, "file: not a regular file")


def alias_bomb(tmp_path: Path) -> Hostile:
    """Billion laughs: nine levels of nine aliases, 10^9 strings from under a kilobyte."""
    root = _mini(tmp_path)
    lines = ["a: &a [" + ", ".join(["lol"] * 9) + "]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    bomb = root / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n")
    # e is the first level whose repeats pass 100,000 nodes in all
    return Hostile(root, bomb, _line(bomb, "&e "), "yaml: aliases repeat the value anchored here")


def alias_loop(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    (root / "loop.yaml").write_text("notes:\n  - &note [*note]\n")
    return Hostile(root, root / "loop.yaml", 2, "yaml: an alias inside the value anchored here")


def yaml_over_limit(tmp_path: Path) -> Hostile:
    """A 50 MB description: it loaded, and five GraphQL aliases of it made 250 MB."""
    root = _mini(tmp_path)
    data = _describe_adult_safeguarding(root, 50_000_000)
    return Hostile(root, data, 1, "file: larger than the limit of 20 MiB")


def document_over_limit(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    minutes = root / "documents" / "minutes.txt"
    minutes.write_text(MINUTES + "More minutes follow.\n" * (21 * MIB // 21))
    return Hostile(root, minutes, 1, "file: larger than the limit of 20 MiB")


def name_over_limit(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    data = root / "data.yaml"
    _edit(data, "name: Adult Safeguarding", "name: Adult Safeguarding" + " and more" * 40)
    line = _line(data, "name: Adult Safeguarding")
    return Hostile(root, data, line, "name: String should have at most 300 characters")


def description_over_limit(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    data = _describe_adult_safeguarding(root, 10_001)
    says = "description: String should have at most 10000 characters"
    return Hostile(root, data, _line(data, "description: "), says)


def quote_over_limit(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    data = root / "data.yaml"
    _edit(data, "Adult Safeguarding}", "Adult Safeguarding" + "!" * 5000 + "}")
    says = "sources.0.quote: String should have at most 5000 characters"
    return Hostile(root, data, _line(data, "Adult Safeguarding!"), says)


def yaml_not_utf8(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    data = root / "data.yaml"
    line = _line(data, "name: Adult Safeguarding")
    raw = data.read_bytes().replace(b"name: Adult Safeguarding", b"name: Adult Safeguard\xffing")
    data.write_bytes(raw)
    says = f"file: not valid UTF-8 (byte 0xff at offset {raw.index(0xFF)})"
    return Hostile(root, data, line, says)


def document_not_utf8(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    minutes = root / "documents" / "minutes.txt"
    line = _line(minutes, "Cara Demo")
    raw = MINUTES.encode().replace(b"Cara Demo", b"Cara D\xe9mo")
    minutes.write_bytes(raw)
    says = f"file: not valid UTF-8 (byte 0xe9 at offset {raw.index(0xE9)})"
    return Hostile(root, minutes, line, says)


def binary_junk(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    (root / "junk.yaml").write_bytes(bytes(range(256)) * 4)
    return Hostile(root, root / "junk.yaml", 2, "file: not valid UTF-8 (byte 0x80 at offset 128)")


def control_characters(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    (root / "junk.yaml").write_bytes(b"notes: []\n\x00\x01\x02")
    return Hostile(root, root / "junk.yaml", 2, "yaml: character U+0000 is not allowed in YAML")


def empty_file(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    (root / "empty.yaml").write_text("")
    return Hostile(root, root / "empty.yaml", 1, "file: empty; expected a mapping of section")


def not_a_mapping(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    (root / "list.yaml").write_text("- notes\n- roles\n")
    return Hostile(root, root / "list.yaml", 1, "file: expected a mapping of section: [records]")


def dataset_yaml_not_a_mapping(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    (root / "dataset.yaml").write_text("- mini\n")
    says = "dataset: expected dataset: {name, title, documents_dir}"
    return Hostile(root, root / "dataset.yaml", 1, says)


def syntax_error(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    (root / "broken.yaml").write_text("notes: []\nroles: [unclosed\n")
    return Hostile(root, root / "broken.yaml", 3, "yaml: invalid YAML")


def unsupported_tag(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    (root / "tagged.yaml").write_text("notes: []\nroles: !!python/object:os.system x\n")
    return Hostile(root, root / "tagged.yaml", 2, "yaml: unsupported tag !!python/object:os.system")


def list_as_key(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    (root / "keys.yaml").write_text("notes: []\n? [roles, notes]\n: []\n")
    return Hostile(root, root / "keys.yaml", 2, "yaml: a key must be a plain value")


def huge_number(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    (root / "number.yaml").write_text("notes: " + "9" * 5000 + "\n")
    return Hostile(root, root / "number.yaml", 1, "yaml: '9999999999")


def deep_nesting(tmp_path: Path) -> Hostile:
    root = _mini(tmp_path)
    (root / "deep.yaml").write_text("notes: " + "[" * 900 + "]" * 900 + "\n")
    return Hostile(root, root / "deep.yaml", 1, "yaml: nested deeper than 32 levels")


CASES: list[Callable[[Path], Hostile]] = [
    document_up_and_out,
    document_absolute,
    document_linked_out,
    yaml_linked_out,
    documents_dir_up_and_out,
    documents_dir_absolute,
    documents_linked_out,
    yaml_link_loop,
    yaml_directory,
    alias_bomb,
    alias_loop,
    yaml_over_limit,
    document_over_limit,
    name_over_limit,
    description_over_limit,
    quote_over_limit,
    yaml_not_utf8,
    document_not_utf8,
    binary_junk,
    control_characters,
    empty_file,
    not_a_mapping,
    dataset_yaml_not_a_mapping,
    syntax_error,
    unsupported_tag,
    list_as_key,
    huge_number,
    deep_nesting,
]
hostile = pytest.mark.parametrize("make", CASES, ids=[case.__name__ for case in CASES])


@hostile
def test_validate_names_the_one_problem_quickly(
    make: Callable[[Path], Hostile], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = make(tmp_path)
    started = time.monotonic()
    status = main(["validate", str(case.root)])
    elapsed = time.monotonic() - started
    problems = capsys.readouterr().err.splitlines()[:-1]  # the last line sums them up
    assert status == 1
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{case.file}:{case.line}: "), problems[0][:300]
    assert case.says in problems[0], problems[0][:300]
    assert elapsed < 5, f"took {elapsed:.1f} s"


@hostile
def test_load_writes_nothing(
    make: Callable[[Path], Hostile],
    tmp_path: Path,
    driver: Driver,
    loading_here: Neo4jSettings,
    capsys: pytest.CaptureFixture[str],
) -> None:
    case = make(tmp_path)
    settings = loading_here
    before = _everything(driver, settings.database)
    assert main(["load", str(case.root)]) == 1
    assert "nothing was loaded" in capsys.readouterr().err
    assert _everything(driver, settings.database) == before


@pytest.fixture
def loading_here(monkeypatch: pytest.MonkeyPatch, settings: Neo4jSettings) -> Neo4jSettings:
    """The tests' Neo4j, into which `main` in this process loads."""
    for name, value in neo4j_environment(settings).items():
        if name.startswith("NEO4J_"):
            monkeypatch.setenv(name, value)
    return settings


def _everything(driver: Driver, database: str) -> tuple[int, int]:
    records, _, _ = driver.execute_query(
        "MATCH (n) RETURN count(n) AS nodes, COUNT { ()-[]->() } AS relations", database_=database
    )
    return records[0]["nodes"], records[0]["relations"]


def test_links_and_aliases_that_stay_inside_are_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What the rules allow: links within the dataset, and aliases that repeat a little."""
    root = _mini(tmp_path)
    (root / "documents" / "copy.txt").symlink_to(root / "documents" / "minutes.txt")
    _edit(root / "data.yaml", "file: minutes.txt", "file: copy.txt")
    (root / "parts").mkdir()
    (root / "parts" / "more.yaml").write_text(
        "workstreams:\n"
        "  - id: workstream/abuse\n    name: Abuse\n    sources: &minutes-6\n"
        "      - {document: document/minutes, lines: '6', quote: Domestic abuse}\n"
        "  - id: workstream/governance\n    name: Governance\n    sources: *minutes-6\n"
    )
    (root / "more.yaml").symlink_to(root / "parts" / "more.yaml")
    assert main(["validate", str(root)]) == 0, capsys.readouterr().err


RECORD_ID = re.compile(r"\b(body|commitment|document|meeting|organisation|person|workstream)/")


def _areas(tmp_path: Path, count: int) -> list[Path]:
    """`count` copies of the mini dataset, each an area of its own name and record ids."""
    roots = []
    for number in range(count):
        root = tmp_path / f"area-{number}"
        shutil.copytree(FIXTURES / "mini", root)
        _edit(root / "dataset.yaml", "name: mini", f"name: area-{number}")
        data = root / "data.yaml"
        data.write_text(RECORD_ID.sub(rf"\1/area-{number}-", data.read_text()))
        roots.append(root)
    return roots


def test_several_datasets_load_only_when_every_one_is_valid_and_each_invalid_one_is_named(
    tmp_path: Path,
    driver: Driver,
    loading_here: Neo4jSettings,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Datasets are read one at a time, first to validate and then to load, so a load of a
    thousand areas holds one in memory rather than all; no area is written while any is
    invalid, and every invalid one is reported, not only the first."""
    settings = loading_here
    areas = _areas(tmp_path, 4)
    for broken in (areas[1], areas[3]):
        _edit(broken / "data.yaml", "to: CSP Executive", "to: Nobody At All")
    before = _everything(driver, settings.database)
    assert main(["load", *map(str, areas)]) == 1
    said = capsys.readouterr().err
    assert _everything(driver, settings.database) == before
    for broken in (areas[1], areas[3]):
        assert f"{broken / 'data.yaml'}:" in said and f"{broken}: 1 problem(s)" in said, said
    for valid in (areas[0], areas[2]):
        assert str(valid) not in said, said
    assert "2 of 4 datasets are invalid, 0 clash(es); none was loaded" in said, said

    for fixed in (areas[1], areas[3]):
        _edit(fixed / "data.yaml", "to: Nobody At All", "to: CSP Executive")
    assert main(["load", *map(str, areas)]) == 0
    loaded, _, _ = driver.execute_query(
        "MATCH (n:Record) RETURN n.dataset AS area, count(*) AS records ORDER BY area",
        database_=settings.database,
    )
    assert [(row["area"], row["records"]) for row in loaded] == [
        (f"area-{number}", loaded[0]["records"]) for number in range(4)
    ]


def test_datasets_loaded_together_may_not_share_a_name_or_a_record_id(
    tmp_path: Path,
    driver: Driver,
    loading_here: Neo4jSettings,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The second of two areas with one id would fail at its write, after the first was
    written, and a name twice would have the second replace the first: both are refused
    before anything is written, each at its file and line."""
    settings = loading_here
    first, second, third = _areas(tmp_path, 3)
    _edit(second / "data.yaml", "id: person/area-1-bob-sample", "id: person/area-0-bob-sample")
    _edit(third / "dataset.yaml", "name: area-2", "name: area-0")
    before = _everything(driver, settings.database)
    assert main(["load", str(first), str(second), str(third)]) == 1
    said = capsys.readouterr().err
    assert _everything(driver, settings.database) == before
    bob = _line(second / "data.yaml", "id: person/area-0-bob-sample")
    clash = f"{second / 'data.yaml'}:{bob}: id: 'person/area-0-bob-sample' is a record of 'area-0'"
    assert clash in said, said
    named = _line(third / "dataset.yaml", "name: area-0")
    twice = f"{third / 'dataset.yaml'}:{named}: dataset.name: 'area-0' names the dataset at"
    assert f"{twice} {first / 'dataset.yaml'}:" in said, said
    assert "0 of 3 datasets are invalid, 2 clash(es); none was loaded" in said, said

    assert main(["load", str(first)]) == 0  # the second, loaded after it, finds the id taken
    capsys.readouterr()
    loaded = _everything(driver, settings.database)
    assert main(["load", str(second)]) == 1
    said = capsys.readouterr().err
    assert _everything(driver, settings.database) == loaded
    assert (
        "govgraph: 1 record id(s) of 'area-1' belong to other datasets already loaded: "
        "'person/area-0-bob-sample' of 'area-0'; an id names one record across every area"
    ) in said, said
    assert "Traceback" not in said and "nothing was written" in said, said
