"""A name shared by several entities is an error that names them all, not a guess."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from neo4j import Driver
from starlette.testclient import TestClient

from graph.settings import Neo4jSettings
from schema.app import create_app
from tests.conftest import FIXTURES, load_dataset


def test_an_ambiguous_name_lists_the_candidates(
    driver: Driver, database: str, settings: Neo4jSettings, tmp_path: Path
) -> None:
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    data = yaml.safe_load((root / "data.yaml").read_text())
    executive = next(b for b in data["bodies"] if b["id"] == "body/riverside-csp-executive")
    data["bodies"].append(
        {
            **executive,
            "id": "body/riverside-executive-board",
            "name": "Executive Board",
            "aliases": ["Executive"],
        }
    )
    (root / "data.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    load_dataset(driver, database, root)

    with TestClient(create_app(settings)) as client:
        response = client.post("/graphql", json={"query": '{ body(name: "executive") { id } }'})
    body = response.json()
    assert body["data"] == {"body": None}
    (error,) = body["errors"]
    assert error["extensions"]["candidates"] == [
        "body/riverside-csp-executive",
        "body/riverside-executive-board",
    ]
    assert error["message"] == (
        "'executive' matches several entities: "
        "body/riverside-csp-executive, body/riverside-executive-board"
    )
