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
before its findings were worked out, the app works them out again before it answers."""

from __future__ import annotations

import hashlib

from neo4j import Driver, ManagedTransaction, Transaction

from queries import findings
from queries.cypher import anywhere, evidence_sources, label_of, seats_held, sources

RULES = {"overlaps": findings.OVERLAPS, "gaps": findings.GAPS}
"""Each kind of stored findings, by the Cypher that works them out."""

LOADS = (
    "COLLECT { MATCH (g:LoadGuard) RETURN g.dataset + '@' + toString(g.version) "
    "ORDER BY g.dataset }"
)
"""Each dataset's load version, as the load guards hold them."""

CLAIM = f"""
MERGE (state:FindingsState {{id: 'findings'}})
SET state.fingerprint = $fingerprint, state.refreshed = datetime(), state.loads = {LOADS}
"""
"""Written first: the lock on the state node orders two loads that refresh at once, so the
second works the findings out from what the first committed."""

FORGET = "MATCH (old:Finding|SeatsHeld) DETACH DELETE old"

KEEP = f"""
UNWIND range(0, size(value) - 1) AS seq
WITH value[seq] AS f, seq
CREATE (n:Finding {{
  rules: $rules, officer: $officer, seq: seq, kind: f.kind, explanation: f.explanation,
  dataset: f.subject.dataset,
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
CREATE (:SeatsHeld {{officer: $officer, dataset: p.dataset, bodies: bodies, name: p.name,
  person: p.id}})-[:OF]->(p)
"""
"""Keeps how many bodies each person holds a seat on, as sharedMembers counts them for
every day: one area's shared members, counted when asked, took 75 ms at a million nodes."""

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


def refresh(transaction: Transaction | ManagedTransaction) -> None:
    """Work out and keep the findings and seats of the graph as this transaction sees it."""
    transaction.run(CLAIM, fingerprint=FINGERPRINT).consume()
    transaction.run(FORGET).consume()
    for officer in (False, True):
        for name, rules in RULES.items():
            transaction.run(
                f"CALL () {{ {rules} RETURN value }}\n{KEEP}",
                rules=name,
                officer=officer,
                asOf=None,
            ).consume()
        transaction.run(KEEP_SEATS, officer=officer).consume()


def ensure_current(driver: Driver, database: str) -> bool:
    """Work the stored findings out again when they were worked out by other rules, before
    a later load, or never; whether they had to be."""
    records, _, _ = driver.execute_query(STATE, database_=database)
    if records and records[0]["rules"] == FINGERPRINT and records[0]["loads_seen"]:
        return False
    with driver.session(database=database) as session:
        session.execute_write(refresh)
    return True
