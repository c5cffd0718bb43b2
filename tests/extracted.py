"""Checks every extractor test makes of what it emits."""

from __future__ import annotations

from pathlib import Path

import yaml

from graph.names import fold
from loaders.extract import Records
from loaders.records import SECTIONS


def _sources(value: object) -> list[dict[str, str]]:
    """Every `sources` item inside a record, at any depth (agenda items have their own)."""
    if isinstance(value, dict):
        if {"document", "lines", "quote"} <= value.keys():
            return [value]
        return [found for item in value.values() for found in _sources(item)]
    if isinstance(value, list):
        return [found for item in value for found in _sources(item)]
    return []


def check(records: Records, path: Path, document: str) -> None:
    """Each record validates; each quote is in its lines; ids are unique; YAML stays plain."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for section, items in records.items():
        ids = [item["id"] for item in items if "id" in item]
        assert len(ids) == len(set(ids)), section
        for record in items:
            SECTIONS[section].model_validate(record)
            for source in _sources(record):
                first, _, last = source["lines"].partition("-")
                cited = fold(" ".join(lines[int(first) - 1 : int(last or first)]))
                assert source["document"] == document
                assert fold(source["quote"]) in cited, source
    dumped = yaml.safe_dump(records, allow_unicode=True)
    assert "&id" not in dumped
    assert yaml.safe_load(dumped) == records
