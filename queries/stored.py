"""Findings kept in the graph: worked out once when the graph changes, read back as stored.

The graph changes only when a dataset is loaded, yet the findings of the whole graph take
seconds to work out at national scale, and Neo4j takes a second or two to plan their
Cypher for each new shape of request. So after each load commits, the findings of the graph
(for every date, `asOf` null) are worked out in a transaction of their own, once for the
public and once for officers, and kept as `:Finding` nodes; a question without a date
reads them back in the order and shape the full question gives. A question about a date
still works the findings out for that date. So too the seats each person holds, which
sharedMembers counts (`:SeatsHeld`).

A `:FindingsState` node records which rules the stored findings were worked out by, and
after which load of each dataset: when the rules change (a new release), or a load stopped
before its findings were worked out, the app works them out again before it answers.

Each working out is a generation, written beside the one readers use and switched to in one
small transaction, and the old one is deleted after, in batches. Deleting the old findings
in the transaction that worked out the new ones made every rule read through those
deletions: at a million nodes that refresh took 15 minutes, for rules that take two."""

from __future__ import annotations

import hashlib

from neo4j import Driver, ManagedTransaction, Session

from queries import findings
from queries.cypher import anywhere, evidence_sources, label_of, seats_held, sources

RULES = {"overlaps": findings.OVERLAPS, "gaps": findings.GAPS}
"""Each kind of stored findings, by the Cypher that works them out."""

LOADS = (
    "COLLECT { MATCH (g:LoadGuard) RETURN g.dataset + '@' + toString(g.version) "
    "ORDER BY g.dataset }"
)
"""Each dataset's load version, as the load guards hold them."""

BEGIN = f"""
MERGE (state:FindingsState {{id: 'findings'}})
SET state.begun = coalesce(state.begun, 0) + 1
RETURN state.begun AS generation, {LOADS} AS loads
"""
"""Numbers a new generation, and notes the loads it works the findings out after: a later
generation has seen every load an earlier one saw."""

PENDING = {"Finding": "PendingFinding", "SeatsHeld": "PendingSeatsHeld"}
"""The label each kept node is written under until its generation is switched to, by the
label readers find it under after."""

KEEP = f"""
UNWIND range(0, size(value) - 1) AS seq
WITH value[seq] AS f, seq
CREATE (n:{PENDING["Finding"]} {{
  generation: $generation, rules: $rules, officer: $officer, seq: seq, kind: f.kind,
  explanation: f.explanation, dataset: f.subject.dataset,
  src_document: [s IN f.sources | coalesce(s.document.id, '')],
  src_lines: [s IN f.sources | s.lines], src_quote: [s IN f.sources | s.quote],
  body_ids: [b IN f.bodies | b.id],
  body_kinds: [b IN f.bodies | {label_of("b")}]
}})
WITH n, f, f.subject AS subject
CREATE (n)-[:ABOUT]->(subject)
WITH n, f
CALL (n, f) {{
  UNWIND range(0, size(f.bodies) - 1) AS at
  WITH n, at, f.bodies[at] AS body
  CREATE (n)-[:NAMES {{at: at}}]->(body)
}}
"""
"""Keeps the findings in `value`, in their order; a source's document by its id; the
bodies each names by relationship, and by their ids and kinds (KEPT_BODY_IDS)."""

KEEP_SEATS = f"""{seats_held(anywhere, "null")}
CREATE (:{PENDING["SeatsHeld"]} {{generation: $generation, officer: $officer,
  dataset: p.dataset, bodies: bodies, name: p.name, person: p.id}})-[:OF]->(p)
"""
"""Keeps how many bodies each person holds a seat on, as sharedMembers counts them for
every day: one area's shared members, counted when asked, took 75 ms at a million nodes."""

LOCK = "MATCH (state:FindingsState {id: 'findings'}) SET state.switching = $generation"
"""Taken before the current generation is read, so that two switches take turns."""

CURRENT = "MATCH (state:FindingsState {id: 'findings'}) RETURN coalesce(state.generation, 0)"

SWITCH = [
    "MATCH (old:Finding|SeatsHeld) REMOVE old:Finding:SeatsHeld SET old:Superseded",
    *(
        f"MATCH (new:{pending} {{generation: $generation}}) REMOVE new:{pending} SET new:{label}"
        for label, pending in PENDING.items()
    ),
    "MATCH (state:FindingsState {id: 'findings'}) SET state.generation = $generation, "
    "state.fingerprint = $fingerprint, state.loads = $loads, state.refreshed = datetime()",
]
"""Readers' findings and seats are superseded and a generation's pending ones take their
place, in one transaction: a reader sees one generation or the other, whole."""

SWEEP = f"""
CALL () {{
  MATCH (old:Superseded) RETURN old
  UNION
  MATCH (state:FindingsState {{id: 'findings'}})
  MATCH (old:{"|".join(PENDING.values())}) WHERE old.generation < state.generation
  RETURN old
}}
CALL (old) {{ DETACH DELETE old }} IN TRANSACTIONS OF 1000 ROWS
"""
"""Deletes the superseded generations, and the pending nodes of any generation older than the
current one (one switched to too late, or never finished), in batches; a generation still
being written is newer and is left alone."""

STATE = f"""
OPTIONAL MATCH (state:FindingsState {{id: 'findings'}})
RETURN state.fingerprint AS rules, coalesce(state.loads = {LOADS}, false) AS loads_seen
"""
"""Which rules the stored findings follow, and whether they were worked out after the last
load of every dataset (a load whose findings were never worked out, its process stopped
between the two transactions, leaves them behind)."""


def stored(rules: str, *, one_area: bool = False) -> str:
    """Cypher binding `value` to the kept findings of `rules` for the caller, in the order
    the full question gives them; `one_area`: only those about the area `$area` names. Each
    is a map of its kind, explanation and area, and its node under NODE, from which what it
    names and quotes is read only for a caller who asks for it (KEPT): the quotes of one
    national area's overlaps took 0.3 s to gather."""
    area = ", dataset: $area" if one_area else ""
    return f"""
    CALL () {{
      MATCH (n:Finding {{rules: '{rules}', officer: $officer{area}}})
      RETURN n ORDER BY n.seq
    }}
    WITH collect({{kind: n.kind, explanation: n.explanation, dataset: n.dataset, {NODE}: n}})
      AS value
    """


def kept_seats(*, one_area: bool = False) -> str:
    """Cypher binding `value` to the people who hold seats on at least `$minBodies` bodies,
    most first, as the caller may see them and as the last load counted them; `one_area`:
    those of the area `$area` names."""
    area = ", dataset: $area" if one_area else ""
    return f"""
    CALL () {{
      MATCH (held:SeatsHeld {{officer: $officer{area}}})-[:OF]->(p)
      WHERE held.bodies >= $minBodies
      RETURN p ORDER BY held.bodies DESC, held.name, held.person
    }}
    WITH collect(p) AS value
    """


NODE = "kept"
"""The key under which a kept finding's map holds its `:Finding` node; a finding worked out
for a date has none."""

KEPT = {
    "subject": (
        f"COLLECT {{ WITH %(v)s.{NODE} AS finding MATCH (finding)-[:ABOUT]->(subject) "
        "RETURN subject }[0]"
    ),
    "bodies": (
        f"COLLECT {{ WITH %(v)s.{NODE} AS finding MATCH (finding)-[at:NAMES]->(body) "
        "RETURN body ORDER BY at.at }"
    ),
    "sources": sources(f"%(v)s.{NODE}"),
}
"""Cypher over a kept finding's map, `%(v)s`: what it is about, the bodies it names and its
sources, in the shape a finding of a date holds them."""

KEPT_BODY_IDS = (
    f"[kept IN [[%(v)s.{NODE}.body_kinds, %(v)s.{NODE}.body_ids]] WHERE kept[1] IS NOT NULL | "
    "[at IN range(0, size(kept[1]) - 1) | [kept[0][at], kept[1][at]]]][0]"
)
"""Cypher over a finding's map: each body a kept finding names as [its kind, its id], in
order, read from the finding's node alone (null for a finding of a date): one national
area's overlaps name 16,000 bodies, and reading each body took most of their time."""


def plain(name: str, *, one_area: bool = False) -> str:
    """Cypher: the findings of the kind `name`, as plain values naming their records by id
    and their evidence by element id, for a query of its own whose answer `GIVEN` reads
    back (questions.Question.prelude); `one_area`: those of the area `$area` names. The
    evidence goes by reference: its quotes, tens of thousands at national scale, would
    otherwise travel out and back."""
    rules = findings.EVIDENCED_IN_AREA if one_area else findings.EVIDENCED
    return f"""{rules[name]}
    WITH [f IN value | {{kind: f.kind, explanation: f.explanation, subject: f.subject.id,
      bodies: [b IN f.bodies | b.id],
      evidence: [e IN f.evidence | {{id: elementId(e), node: e IS :: NODE}}]
    }}] AS value
    """


GIVEN = f"""
    CALL () {{
      UNWIND range(0, size($found) - 1) AS seq
      WITH seq, $found[seq] AS f
      MATCH (subject:Record {{id: f.subject}})
      RETURN f, subject ORDER BY seq
    }}
    WITH f, subject, [e IN f.evidence | CASE WHEN e.node
      THEN COLLECT {{ MATCH (n) WHERE elementId(n) = e.id RETURN n }}[0]
      ELSE COLLECT {{ MATCH ()-[r]->() WHERE elementId(r) = e.id RETURN r }}[0] END] AS evidence
    WITH collect({{
      kind: f.kind, subject: subject, explanation: f.explanation,
      bodies: [id IN f.bodies | COLLECT {{ MATCH (body:Record {{id: id}}) RETURN body }}[0]],
      sources: {evidence_sources("evidence")}
    }}) AS value
    """
"""Cypher binding `value` to the findings given as `$found` (`plain`), in their order and
in the shape the full question gives them, the quotes of their evidence as the caller may
read them. The prelude and this query read the same load guards (questions.ask), so the
records they name are the same."""


_KEPT_SHAPES = "\n".join([*RULES.values(), KEEP, KEEP_SEATS])
FINGERPRINT = hashlib.sha256(_KEPT_SHAPES.encode()).hexdigest()[:16]
"""The fingerprint of the rules and of what is kept of each finding and of seats: stored
findings worked out by other rules, or kept in another shape, are stale."""


def refresh(driver: Driver, database: str) -> bool:
    """Work out and keep the findings and seats of the graph as it stands, as a generation
    of their own, and switch readers to it unless a newer one is there first; whether it
    was switched to. Each kind of finding for each view is a transaction of its own, so no
    rule reads through another's writes."""
    with driver.session(database=database) as session:
        generation, loads = session.execute_write(begin)
        work_out(session, generation)
        switched = session.execute_write(switch, generation, loads)
        session.run(SWEEP).consume()
    return switched


def work_out(session: Session, generation: int) -> None:
    """Work out and keep every kind of finding, and the seats, for both views, pending in
    `generation`."""
    for officer in (False, True):
        for name in RULES:
            session.execute_write(keep, generation, name, officer)
        session.execute_write(keep_seats, generation, officer)


def begin(transaction: ManagedTransaction) -> tuple[int, list[str]]:
    """A new generation's number, and the loads its findings follow."""
    record = transaction.run(BEGIN).single(strict=True)
    return record["generation"], record["loads"]


def keep(transaction: ManagedTransaction, generation: int, rules: str, officer: bool) -> None:
    """Work out and keep, pending in `generation`, the findings the rules named `rules` give
    the view (officer or public)."""
    transaction.run(
        f"CALL () {{ {RULES[rules]} RETURN value }}\n{KEEP}",
        generation=generation,
        rules=rules,
        officer=officer,
        asOf=None,
    ).consume()


def keep_seats(transaction: ManagedTransaction, generation: int, officer: bool) -> None:
    """Count and keep, pending in `generation`, the seats each person holds in the view."""
    transaction.run(KEEP_SEATS, generation=generation, officer=officer).consume()


def switch(transaction: ManagedTransaction, generation: int, loads: list[str]) -> bool:
    """Make `generation` the one readers see, unless a newer one already is (it saw every
    load this one did); whether it did."""
    transaction.run(LOCK, generation=generation).consume()
    if transaction.run(CURRENT).single(strict=True)[0] > generation:
        return False
    for cypher in SWITCH:
        transaction.run(
            cypher, generation=generation, fingerprint=FINGERPRINT, loads=loads
        ).consume()
    return True


def ensure_current(driver: Driver, database: str) -> bool:
    """Work the stored findings out again when they were worked out by other rules, before
    a later load, or never; whether they had to be."""
    records, _, _ = driver.execute_query(STATE, database_=database)
    if records and records[0]["rules"] == FINGERPRINT and records[0]["loads_seen"]:
        return False
    refresh(driver, database)
    return True
