"""Idempotent, atomic loads: diff against what the dataset has in the graph, write only the change.

The whole load (read of the current state, deletions, upserts, the dataset marker) is one
transaction, so a reader sees the old graph or the new one, never half of a load, and a load
that fails part way leaves the previous graph as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver, Transaction

from graph.rows import EdgeRow, NodeRow, Props

BATCH = 2000

CREATE_NODES = """
UNWIND $rows AS row
CREATE (n:$(['Record'] + row.labels))
SET n = row.props
"""

UPDATE_NODES = """
UNWIND $rows AS row
MATCH (n:Record {id: row.id})
WITH n, row, [label IN labels(n) WHERE label <> 'Record' AND NOT label IN row.labels] AS stale
SET n = row.props
SET n:$(row.labels)
REMOVE n:$(stale)
"""

CREATE_EDGES = """
UNWIND $rows AS row
MATCH (a:Record {id: row.source})
MATCH (b:Record {id: row.target})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
"""

UPDATE_EDGES = """
UNWIND $rows AS row
MATCH (:Record {id: row.source})-[r {rid: row.props.rid}]->(:Record {id: row.target})
SET r = row.props
"""
"""The diff knows which rows are new: those are created outright, as fast as Neo4j creates,
and only rows that changed are matched and updated."""

DELETE_EDGES = """
UNWIND $rows AS row
MATCH (:Record {id: row.source})-[r]->(:Record {id: row.target})
WHERE r.rid = row.rid
DELETE r
"""

DELETE_NODES = """
UNWIND $ids AS id
MATCH (n:Record {id: id})
DETACH DELETE n
"""

CURRENT_NODES = """
MATCH (n:Record {dataset: $dataset}) RETURN collect([n.id, n.hash]) AS rows
"""

CURRENT_EDGES = """
MATCH (:Record {dataset: $dataset})-[r]->()
WHERE r.dataset = $dataset
RETURN collect([r.rid, r.hash]) AS rows
"""
"""What the graph holds of a dataset, each as one list: one record, not one per row, is what
makes reloading unchanged data cheap. A relationship's endpoints are in its rid."""

MARK_DATASET = """
MERGE (d:Dataset {name: $dataset})
SET d.title = $title, d.loaded_at = datetime(), d.nodes = $nodes, d.relations = $relations
"""


COMMIT_BEGINS = """
MERGE (g:LoadGuard {dataset: $dataset}) SET g.committing_since = datetime()
"""

COMMIT_ENDS = """
MERGE (g:LoadGuard {dataset: $dataset})
SET g.committing_since = null, g.version = coalesce(g.version, 0) + 1
"""
"""A load's commit is bracketed by these, each its own transaction. Neo4j applies a commit
record by record, so a question running across it could read part old, part new; questions
read the guards before and after and ask again when a commit may have run in between (see
queries/questions.py). The guard is a node of its own: the load's transaction holds locks on
the dataset's nodes until it commits."""


TAKEN_IDS = """
UNWIND $ids AS id
MATCH (n:Record {id: id})
WITH id, n.dataset AS owner ORDER BY id
RETURN collect([id, owner])[..$shown] AS shown, count(*) AS taken
"""
"""Of the ids a load would create, those another dataset's records hold (any record the
dataset itself holds would be an update, not a creation)."""


class LoadRefused(Exception):
    """A load the graph must not take; nothing was written."""


class DeletionGuard(LoadRefused):
    """A load would remove more of the graph than allowed."""


class IdsTaken(LoadRefused):
    """A load would create records whose ids another dataset's records hold: an id names one
    record across every area, and Neo4j would refuse the write halfway with a constraint's
    message."""


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.removed)


@dataclass
class Diff:
    """What a load changes, per kind of row."""

    nodes: Counts = field(default_factory=Counts)
    relations: Counts = field(default_factory=Counts)
    node_creates: list[tuple[NodeRow, str]] = field(default_factory=list)
    node_updates: list[tuple[NodeRow, str]] = field(default_factory=list)
    edge_creates: list[tuple[EdgeRow, str]] = field(default_factory=list)
    edge_updates: list[tuple[EdgeRow, str]] = field(default_factory=list)
    """Rows and their hashes, not their stored properties: those are made again batch by
    batch as they are written, so a million-row load does not hold a second copy of the
    dataset, and the hash is not computed twice."""
    node_removals: list[str] = field(default_factory=list)
    edge_removals: list[Props] = field(default_factory=list)
    existing_nodes: int = 0
    changes: list[str] = field(default_factory=list)
    """One line per change, for --dry-run."""

    @property
    def changed(self) -> bool:
        return self.nodes.changed or self.relations.changed


Progress = Callable[[int, int], None]


def load(
    driver: Driver,
    database: str,
    dataset: str,
    title: str,
    nodes: Sequence[NodeRow],
    edges: Sequence[EdgeRow],
    *,
    dry_run: bool = False,
    max_delete_fraction: float = 0.25,
    progress: Progress | None = None,
) -> Diff:
    """Bring the dataset's part of the graph to exactly `nodes` and `edges`; return the diff."""
    with driver.session(database=database) as session:
        transaction = session.begin_transaction()
        try:
            diff = _diff(transaction, dataset, nodes, edges)
            _refuse_taken_ids(transaction, dataset, diff)
            removed = diff.nodes.removed
            if diff.existing_nodes and removed / diff.existing_nodes > max_delete_fraction:
                raise DeletionGuard(
                    f"the load would remove {removed} of {diff.existing_nodes} nodes of "
                    f"{dataset!r}, more than the allowed {max_delete_fraction:.0%}; "
                    "check the source, or raise --max-delete"
                )
            if dry_run or not diff.changed:
                transaction.rollback()
                return diff
            _write(transaction, dataset, diff, progress)
            transaction.run(
                MARK_DATASET, dataset=dataset, title=title, nodes=len(nodes), relations=len(edges)
            ).consume()
            driver.execute_query(COMMIT_BEGINS, dataset=dataset, database_=database)
            try:
                transaction.commit()
            finally:
                driver.execute_query(COMMIT_ENDS, dataset=dataset, database_=database)
            return diff
        finally:
            if not transaction.closed():
                transaction.close()


def _diff(
    transaction: Transaction, dataset: str, nodes: Sequence[NodeRow], edges: Sequence[EdgeRow]
) -> Diff:
    diff = Diff()
    current_nodes: dict[str, str] = dict(
        transaction.run(CURRENT_NODES, dataset=dataset).single(strict=True)["rows"]
    )
    current_edges: dict[str, str] = dict(
        transaction.run(CURRENT_EDGES, dataset=dataset).single(strict=True)["rows"]
    )
    diff.existing_nodes = len(current_nodes)
    wanted_nodes: set[str] = set()
    for node in nodes:
        stored = node.stored(dataset)
        wanted_nodes.add(node.id)
        current_hash = current_nodes.get(node.id)
        if _classify(diff.nodes, diff.changes, node.id, current_hash, stored["hash"]):
            into = diff.node_creates if current_hash is None else diff.node_updates
            into.append((node, stored["hash"]))
    wanted_edges: set[str] = set()
    for edge in edges:
        stored = edge.stored(dataset)
        wanted_edges.add(edge.rid)
        current_hash = current_edges.get(edge.rid)
        if _classify(diff.relations, diff.changes, edge.rid, current_hash, stored["hash"]):
            into_edges = diff.edge_creates if current_hash is None else diff.edge_updates
            into_edges.append((edge, stored["hash"]))
    for key in current_nodes.keys() - wanted_nodes:
        diff.node_removals.append(key)
        diff.changes.append(f"- node {key}")
    for key in current_edges.keys() - wanted_edges:
        _, source, target = key.split("|")
        diff.edge_removals.append({"rid": key, "source": source, "target": target})
        diff.changes.append(f"- relation {key}")
    diff.nodes.removed = len(diff.node_removals)
    diff.relations.removed = len(diff.edge_removals)
    return diff


def _refuse_taken_ids(transaction: Transaction, dataset: str, diff: Diff, shown: int = 5) -> None:
    ids = [node.id for node, _ in diff.node_creates]
    if not ids:
        return
    found = transaction.run(TAKEN_IDS, ids=ids, shown=shown).single(strict=True)
    if found["taken"]:
        named = "; ".join(f"{record_id!r} of {owner!r}" for record_id, owner in found["shown"])
        more = found["taken"] - len(found["shown"])
        raise IdsTaken(
            f"{found['taken']} record id(s) of {dataset!r} belong to other datasets already "
            f"loaded: {named}{f' and {more} more' if more else ''}; an id names one record "
            "across every area, so give these records ids of their own"
        )


def _classify(
    counts: Counts, changes: list[str], key: str, current_hash: str | None, new_hash: str
) -> bool:
    """Count a row as created, updated or unchanged; True when it must be written."""
    if current_hash == new_hash:
        counts.unchanged += 1
        return False
    if current_hash is None:
        counts.created += 1
        changes.append(f"+ {key}")
    else:
        counts.updated += 1
        changes.append(f"~ {key}")
    return True


def _write(transaction: Transaction, dataset: str, diff: Diff, progress: Progress | None) -> None:
    def node(entry: tuple[NodeRow, str]) -> Props:
        row, known_hash = entry
        return {"id": row.id, "labels": row.labels, "props": row.stored(dataset, known_hash)}

    def edge(entry: tuple[EdgeRow, str]) -> Props:
        row, known_hash = entry
        props = row.stored(dataset, known_hash)
        return {"type": row.type, "source": row.source, "target": row.target, "props": props}

    def same(value: Any) -> Any:
        return value

    steps: list[tuple[str, str, Sequence[Any], Callable[[Any], Any]]] = [
        (DELETE_EDGES, "rows", diff.edge_removals, same),
        (DELETE_NODES, "ids", diff.node_removals, same),
        (UPDATE_NODES, "rows", diff.node_updates, node),
        (CREATE_NODES, "rows", diff.node_creates, node),
        (UPDATE_EDGES, "rows", diff.edge_updates, edge),
        (CREATE_EDGES, "rows", diff.edge_creates, edge),
    ]
    total = sum(len(rows) for _, _, rows, _ in steps)
    done = 0
    for query, parameter, rows, parameters_of in steps:
        for batch in _batches(rows):
            transaction.run(query, {parameter: [parameters_of(row) for row in batch]}).consume()
            done += len(batch)
            if progress:
                progress(done, total)


def _batches(rows: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]
