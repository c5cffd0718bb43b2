"""`govgraph ingest`: other councils' documents in, a dataset that validates and loads out;
the same file twice changes nothing; bad input is a clear line and nothing written."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
import yaml
from neo4j import Driver
from starlette.testclient import TestClient

from govgraph.cli import main
from graph.settings import Neo4jSettings
from schema.app import create_app
from tests.conftest import load_dataset
from tests.ingest_corpus import CORPUS
from tests.support import wait_until_ready

MINUTES = CORPUS / "arun-minutes-2024-07" / "source.txt"  # Windows-1252 text
MINUTES_HTML = CORPUS / "stockton-on-tees-minutes-2010-08" / "source.html"
MINUTES_DOCX = CORPUS / "trafford-minutes-2009-06" / "source.docx"
PLAN = CORPUS / "lichfield-plan-2021-00" / "source.html"
STRUCTURE = CORPUS / "county-durham-structure-2011-00" / "source.txt"
STRATEGY_PDF = CORPUS / "cheshire-west-strategy-2016-00" / "source.pdf"
EVERY_KIND = [MINUTES, MINUTES_HTML, MINUTES_DOCX, PLAN, STRUCTURE, STRATEGY_PDF]


def tree(root: Path) -> dict[str, str]:
    """Every file under `root` and its checksum: what "nothing changed" compares."""
    if not root.exists():
        return {}
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def ingest(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main(["ingest", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out, err


def test_documents_of_every_kind_and_format_become_a_dataset_that_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    into = tmp_path / "partnership"
    status, out, err = ingest(capsys, *EVERY_KIND, "--into", into, "--area", "Test area")
    assert status == 0, err
    assert "minutes (" in out and "plan (" in out and "governance (" in out
    assert "attendees" in out or "members" in out
    assert main(["validate", str(into)]) == 0
    info = yaml.safe_load((into / "dataset.yaml").read_text())["dataset"]
    assert info["title"] == "Test area"
    texts = sorted(p.name for p in (into / "documents").iterdir())
    assert len(texts) == len(EVERY_KIND)
    documents = [
        record
        for path in into.glob("*.yaml")
        for record in (yaml.safe_load(path.read_text()) or {}).get("documents", [])
    ]
    assert {d["original"] for d in documents} == {p.name for p in EVERY_KIND}
    assert all(len(d["checksum"]) == 64 for d in documents)
    plans = [
        record
        for path in into.glob("*.yaml")
        for record in (yaml.safe_load(path.read_text()) or {}).get("plans", [])
    ]
    lichfield = next(p for p in plans if "2021" in p["name"])
    assert (lichfield["period_from"].year, lichfield["period_to"].year) == (2021, 2022)


def test_the_same_files_again_change_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    into = tmp_path / "partnership"
    assert ingest(capsys, MINUTES, PLAN, "--into", into)[0] == 0
    before = tree(into)
    status, out, _ = ingest(capsys, MINUTES, PLAN, "--into", into)
    assert status == 0
    assert out.count("unchanged") == 2
    assert tree(into) == before


def test_a_second_document_adds_to_the_dataset_and_names_resolve_across_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    into = tmp_path / "arun"
    first = CORPUS / "arun-minutes-2023-01" / "source.html"
    assert ingest(capsys, first, "--into", into)[0] == 0
    assert ingest(capsys, MINUTES, "--into", into)[0] == 0
    entities = yaml.safe_load((into / "entities.yaml").read_text())
    bodies = [b["name"] for b in entities["bodies"]]
    assert len(bodies) == len(set(bodies))  # the partnership once, though both minutes name it
    seen_twice = [p for p in entities["people"] if len({s["document"] for s in p["sources"]}) > 1]
    assert seen_twice, "someone at both Arun meetings should be one person"
    names = [p["name"].casefold() for p in entities["people"]]
    assert len(names) == len(set(names))  # nobody twice under the same name
    assert main(["validate", str(into)]) == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (bytes(range(256)) * 40, "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "png image"),
    ],
    ids=["empty", "binary", "png"],
)
def test_unreadable_files_are_one_clear_line_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    into = tmp_path / "partnership"
    assert ingest(capsys, MINUTES, "--into", into)[0] == 0
    before = tree(into)
    junk = tmp_path / "junk.txt"
    junk.write_bytes(content)
    status, _, err = ingest(capsys, PLAN, junk, "--into", into)
    assert status == 1
    assert "Traceback" not in err
    assert any(str(junk) in line and expected in line.casefold() for line in err.splitlines())
    assert err.strip().endswith("nothing was written")
    assert tree(into) == before  # the good plan was not written either


def test_a_wrong_kind_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    into = tmp_path / "partnership"
    status, _, err = ingest(capsys, STRUCTURE, "--into", into, "--kind", "minutes")
    assert status == 1
    assert "read as minutes" in err and "--kind" in err
    assert not into.exists()


def test_body_given_names_the_minutes_body(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    into = tmp_path / "partnership"
    status, _, err = ingest(capsys, MINUTES, "--into", into, "--body", "Safer Test Partnership")
    assert status == 0, err
    bodies = yaml.safe_load((into / "entities.yaml").read_text())["bodies"]
    assert "Safer Test Partnership" in [b["name"] for b in bodies]
    assert not any("kirklees" in b["name"].casefold() for b in bodies)


def test_an_ingested_dataset_loads_and_answers_who_attended(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    driver: Driver,
    database: str,
    settings: Neo4jSettings,
) -> None:
    into = tmp_path / "partnership"
    assert ingest(capsys, MINUTES_HTML, "--into", into)[0] == 0
    load_dataset(driver, database, into)
    meeting = next(
        m
        for path in into.glob("*.yaml")
        for m in (yaml.safe_load(path.read_text()) or {}).get("meetings", [])
    )
    with TestClient(create_app(settings)) as client:
        wait_until_ready(client)
        query = (
            f'{{ node(id: "{meeting["id"]}") {{ ... on Meeting {{ body {{ name }} '
            "attendees { name } roles { kind person { name } sources { lines quote } } } } }"
        )
        answer = client.post("/graphql", json={"query": query}).json()
    node = answer["data"]["node"]
    assert node["body"]["name"]
    assert len(node["roles"]) >= 5
    assert all(role["sources"][0]["quote"] for role in node["roles"])


def eastbrook_minutes(folder: Path, *actions: str) -> Path:
    """Minutes written for these tests whose chair is named, with `actions` under an item."""
    minutes = folder / "minutes.txt"
    lines = [
        "Safer Eastbrook Partnership Board",
        "Minutes of the meeting held on Thursday 6 February 2025",
        "",
        "Present:",
        "Councillor Ruth Bell (Chair) - Eastbrook Council",
        "Omar Haddad - Eastbrook Police",
        "Lena Fischer - Probation Service",
        "",
        "1. Community safety plan",
        *actions,
    ]
    minutes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return minutes


def test_work_given_to_the_chair_is_the_meetings_chairs_and_a_post_is_no_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "The Chair to write ..." is led by whoever the minutes name as chair; where they name
    no chair, and for another post ("The Clerk"), no person is made up: the doubt goes to
    review.yaml."""
    minutes = eastbrook_minutes(
        tmp_path,
        "ACTION: The Chair to write to partners about the plan.",
        "ACTION: The Clerk to circulate the minutes.",
    )
    into = tmp_path / "eastbrook"
    assert ingest(capsys, minutes, "--into", into)[0] == 0
    records = yaml.safe_load(next(p for p in into.glob("*.yaml")
                                  if p.name.startswith("safer-eastbrook")).read_text())  # fmt: skip
    leads = [r["from"] for r in records["relations"] if r["type"] == "LEADS"]
    assert leads == ["person/ruth-bell"]
    people = yaml.safe_load((into / "entities.yaml").read_text())["people"]
    assert not [p["name"] for p in people if p["name"].startswith("The ")]
    review = yaml.safe_load((into / "review.yaml").read_text())["review"]
    assert any(r["text"] == "The Clerk" for r in review)


def test_a_dataset_named_by_dot_dotdot_or_a_link_is_ingested_where_it_really_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, `--into ../here` from inside `here` moved the dataset away, `--into .` ended
    in an unexpected error, and `--into` a link replaced the link with a directory."""
    real = tmp_path / "northvale"
    real.mkdir()
    monkeypatch.chdir(real)
    assert ingest(capsys, MINUTES, "--into", ".")[0] == 0
    assert ingest(capsys, PLAN, "--into", "../northvale")[0] == 0
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    assert ingest(capsys, STRUCTURE, "--into", tmp_path / "link")[0] == 0
    assert (tmp_path / "link").is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "northvale"]
    assert main(["validate", str(real)]) == 0
    assert "valid" in capsys.readouterr().out
    dataset = yaml.safe_load((real / "dataset.yaml").read_text())["dataset"]
    assert dataset["name"] == "northvale"
    fresh = tmp_path / "fresh"  # made by ingest: as mkdir would make it, not its owner's alone
    assert ingest(capsys, MINUTES, "--into", fresh)[0] == 0
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o777 & ~umask


def test_posts_given_work_are_no_one_unless_their_holder_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    minutes = eastbrook_minutes(
        tmp_path,
        "ACTION: Vice-Chair to meet the youth panel.",
        "ACTION: Deputy Chair to review the risk register.",
        "ACTION: Chair of the Board to sign the agreement.",
        "ACTION: Chairman to thank the speakers.",
    )
    into = tmp_path / "eastbrook"
    assert ingest(capsys, minutes, "--into", into)[0] == 0
    entities = yaml.safe_load((into / "entities.yaml").read_text())
    names = [e["name"] for section in entities.values() for e in section]
    assert not [n for n in names if "chair" in n.casefold()], names
    text = "\n".join(p.read_text() for p in into.glob("safer-eastbrook*.yaml"))
    assert text.count("from: person/ruth-bell") == 1  # the Chairman's thanks
    review = yaml.safe_load((into / "review.yaml").read_text())["review"]
    assert {r["text"] for r in review} >= {"Vice-Chair", "Deputy Chair", "Chair of the Board"}
