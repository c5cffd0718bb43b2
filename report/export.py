"""The whole graph for Gephi, Kumu or a spreadsheet, ids and sources kept: GraphML, JSON
lines, or two CSV files. Without `restricted`, exactly what an anonymous API caller reads:
every record and property goes through the public view (graph/public.py)."""

from __future__ import annotations

import csv
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import networkx as nx
from neo4j import AsyncDriver

from graph.public import exported
from loaders.files import replacing_files, writable_directory, writable_file
from queries.overview import EXPORT_NODES, EXPORT_RELATIONSHIPS, stream

Row = dict[str, Any]

FORMATS = ("graphml", "jsonl", "csv")


async def export(
    driver: AsyncDriver, database: str, form: str, out: Path, *, restricted: bool = False
) -> tuple[int, int]:
    """Write the graph to `out` (a file; a directory for csv); return (nodes, relationships).
    Written whole or not at all: an export that fails midway leaves the last one as it was."""
    nodes = _viewed(stream(driver, database, EXPORT_NODES, officer=restricted), restricted)
    relationships = _viewed(
        stream(driver, database, EXPORT_RELATIONSHIPS, officer=restricted), restricted
    )
    writers = {"graphml": _graphml, "jsonl": _jsonl, "csv": _csv}
    directory, name = (out, None) if form == "csv" else (out.parent, out.name)
    with replacing_files(directory) as staged:
        return await writers[form](nodes, relationships, staged / name if name else staged)


def writable(form: str, out: Path) -> None:
    """Raise CannotWrite when `out` cannot take an export of `form`, before one is gathered."""
    (writable_directory if form == "csv" else writable_file)(out)


async def _graphml(
    nodes: AsyncIterator[Row], relationships: AsyncIterator[Row], out: Path
) -> tuple[int, int]:
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    async for node in nodes:
        graph.add_node(node["id"], labels=";".join(node["labels"]), **_scalars(node["properties"]))
    async for rel in relationships:
        graph.add_edge(rel["source"], rel["target"], type=rel["type"],
                       **_scalars(rel["properties"]))  # fmt: skip
    nx.write_graphml(graph, out)
    return graph.number_of_nodes(), graph.number_of_edges()


async def _jsonl(
    nodes: AsyncIterator[Row], relationships: AsyncIterator[Row], out: Path
) -> tuple[int, int]:
    counts = [0, 0]
    with out.open("w", encoding="utf-8") as file:
        async for node in nodes:
            file.write(json.dumps({"kind": "node", **node}, ensure_ascii=False) + "\n")
            counts[0] += 1
        async for rel in relationships:
            file.write(json.dumps({"kind": "relationship", **rel}, ensure_ascii=False) + "\n")
            counts[1] += 1
    return counts[0], counts[1]


async def _csv(
    nodes: AsyncIterator[Row], relationships: AsyncIterator[Row], out: Path
) -> tuple[int, int]:
    counts = [0, 0]
    with (out / "nodes.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["id", "labels", "name", "properties"])
        async for node in nodes:
            properties = node["properties"]
            writer.writerow([node["id"], ";".join(node["labels"]), properties.get("name", ""),
                             json.dumps(properties, ensure_ascii=False)])  # fmt: skip
            counts[0] += 1
    with (out / "relationships.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["source", "type", "target", "properties"])
        async for rel in relationships:
            writer.writerow([rel["source"], rel["type"], rel["target"],
                             json.dumps(rel["properties"], ensure_ascii=False)])  # fmt: skip
            counts[1] += 1
    return counts[0], counts[1]


async def _viewed(rows: AsyncIterator[Row], officer: bool) -> AsyncIterator[Row]:
    """Each record's properties as the caller may read them, dates and times as ISO text
    so that every format can hold them."""
    async for row in rows:
        row["properties"] = exported(row["properties"], officer=officer)
        yield {key: _plain(value) for key, value in row.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def _scalars(properties: Row) -> Row:
    """GraphML holds scalars only: lists (aliases, sources) become JSON text."""
    return {
        key: json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value
        for key, value in properties.items()
        if value is not None
    }
