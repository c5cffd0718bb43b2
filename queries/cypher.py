"""Cypher fragments every question shares: what a caller may see, when a role or relation
holds, and how sources are read back. Templates use `%(v)s` for the value in hand and
`%(name)s` for arguments, which the compiler replaces with query parameters."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from graph.model import SEAT_KINDS
from graph.public import quote, visible, visible_path


def words(kinds: Iterable[str]) -> str:
    """A Cypher list literal of fixed words (never caller input)."""
    return "[" + ", ".join(f"'{kind}'" for kind in kinds) + "]"


def holds_on(role: str, day: str) -> str:
    """A role holds on `day` within its dates; one known only from a dated list holds from
    that list until a later list for the same body supersedes it. No day: every role."""
    return (
        f"({day} IS NULL OR CASE WHEN {role}.listed_on IS NOT NULL "
        f"THEN {role}.listed_on <= {day} AND ({role}.superseded_on IS NULL "
        f"OR {day} < {role}.superseded_on) "
        f"ELSE ({role}.start IS NULL OR {role}.start <= {day}) "
        f"AND ({role}.end IS NULL OR {day} <= {role}.end) END)"
    )


def label_of(variable: str) -> str:
    """Cypher: the kind of record in `variable`, by its own label."""
    return f"[l IN labels({variable}) WHERE NOT l IN ['Record', 'Entity']][0]"


def seats_held(area: Callable[[str], str], day: str) -> str:
    """Cypher: each person of the area (`anywhere` or `of_one_area`) who holds a seat on a
    body on `day` (chair, deputy chair or member; every seat when the day is null), with
    `bodies`, how many bodies, as the caller may see them. sharedMembers asks it for a day,
    and each load keeps its answer for every day (queries/stored.py)."""
    return f"""
    MATCH (p:Person{area("p")})-[:HOLDS]->(r:Role)-[:IN]->(b:Body)
    WHERE r.kind IN {words(SEAT_KINDS)}
      AND {holds_on("r", day)} AND {visible("r")} AND {visible("p")} AND {visible("b")}
    WITH p, count(DISTINCT b) AS bodies
    """


def current(item: str, day: str) -> str:
    """A relation, plan or body in force on `day`, by whichever dates it has."""
    begins = f"coalesce({item}.start, {item}.period_from, {item}.established)"
    ends = f"coalesce({item}.end, {item}.period_to, {item}.ended)"
    return (
        f"({day} IS NULL OR (({begins}) IS NULL OR {begins} <= {day}) "
        f"AND (({ends}) IS NULL OR {day} <= {ends}))"
    )


def sources(item: str) -> str:
    """The sources of a node or relationship as maps {document, lines, quote}, each quote as
    the caller may read it (graph/public.py)."""
    return (
        f"[i IN range(0, size(coalesce({item}.src_document, [])) - 1) | "
        f"{{document: COLLECT {{ MATCH (d:Record {{id: {item}.src_document[i]}}) RETURN d }}[0], "
        f"lines: {item}.src_lines[i], quote: {quote(item, 'i')}}}]"
    )


def evidence_sources(items: str) -> str:
    """The sources of every node or relationship in a list, each once."""
    return f"reduce(found = [], e IN {items} | found + [s IN {sources('e')} WHERE NOT s IN found])"


def distinct(items: str) -> str:
    """A list without repeats, first occurrence kept (Cypher lists keep order, sets do not)."""
    return f"reduce(kept = [], e IN {items} | CASE WHEN e IN kept THEN kept ELSE kept + e END)"


def linked(pattern: str, *, where: str = "", order: str = "x.name, x.id") -> str:
    """Every visible `x` the pattern reaches from `%(v)s`, without repeats, in order."""
    condition = " AND ".join(c for c in (visible("x"), where) if c)
    return f"COLLECT {{ MATCH {pattern} WHERE {condition} RETURN DISTINCT x ORDER BY {order} }}"


def linked_any(*branches: str, order: str = "x.name, x.id") -> str:
    """Like `linked`, for several patterns (each a `MATCH ... RETURN x` branch)."""
    union = " UNION ".join(branches)
    return (
        f"COLLECT {{ CALL (%(v)s) {{ {union} }} WITH DISTINCT x WHERE {visible('x')} "
        f"RETURN x ORDER BY {order} }}"
    )


def upward(starts: str) -> str:
    """Everything above the given (start, distance) rows by REPORTS_TO, nearest first, once
    each. `starts` is a `MATCH ... RETURN g, d` subquery body over `%(v)s`. (Repeats are
    dropped after ordering: Neo4j allows no aggregation in a subquery inside a list.)"""
    nearest_first = (
        f"COLLECT {{ CALL (%(v)s) {{ {starts} }} "
        "MATCH path = (g)-[:REPORTS_TO]->*(x) "
        f"WHERE x <> %(v)s AND {visible_path('path')} "
        "RETURN x ORDER BY d + length(path), x.name, x.id }"
    )
    return distinct(nearest_first)


def names(items: str) -> str:
    """The names in a list of nodes, joined with '; ' for an explanation."""
    return (
        f"reduce(text = '', e IN {items} | "
        f"text + CASE WHEN text = '' THEN '' ELSE '; ' END + e.name)"
    )


def anywhere(node: str) -> str:
    """Nothing added to a node pattern: the records of every area."""
    return ""


def of_one_area(node: str) -> str:
    """What a node pattern adds for the records of the area `$area` names, found through the
    index on `Record.dataset`. A condition, not labels: a rule's pattern may join labels
    with `|`, and Neo4j refuses one clause that joins labels with both `|` and `:`."""
    return f" WHERE {node}:Record AND {node}.dataset = $area"
