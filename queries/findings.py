"""Where governance overlaps and where it is missing: one definition of each finding, used by
the API, the review report and the benchmark.

Every finding names its subject, the bodies (or plans) involved, a one-sentence
explanation, and the nodes and relationships whose sources show it. `$asOf` limits every
relation, plan and body to those in force on that day; null means all.

Every record a finding rests on must be one the caller may see (graph/public.py): for the
public, findings are those of the graph without its restricted records, so a gap whose only
filler is restricted reads as a gap, worded as any other, and says nothing of what is hidden.
"""

from __future__ import annotations

from graph.public import visible, visible_path
from queries.cypher import ANSWERABLE_KINDS, current, evidence_sources, names, words

AS_OF = "$asOf"

ANSWERABLE_ROLES = words(ANSWERABLE_KINDS)

TOP_PLAN = "(plan)-[:PART_OF]->*(top:Plan) WHERE NOT EXISTS { (top)-[:PART_OF]->(:Plan) }"
"""The outermost plan a plan belongs to: an action plan counts as part of its strategy."""

OVERLAP_BRANCHES = [
    # A workstream governed by one body while a strategy covering it is owned by another:
    # "Under CSP Governance although strategy owned by Adult Safeguarding".
    f"""
    MATCH path = (g:Entity)-[gv:GOVERNS]->(w:Workstream)<-[ad:ADDRESSES]-(p:Plan)
                 <-[ow:OWNS]-(o:Entity)
    WHERE g <> o AND {current("gv", AS_OF)} AND {current("ow", AS_OF)} AND {current("p", AS_OF)}
      AND {visible_path("path")}
    RETURN 'OWNERSHIP_GOVERNANCE_SPLIT' AS kind, w AS subject, [g, o] AS bodies,
      w.name + ' is governed by ' + g.name + ', but ' + p.name + ', which covers it, is owned by '
      + o.name + '.' AS explanation, [gv, ow, ad] AS evidence
    """,
    f"""
    MATCH path = (g:Entity)-[gv:GOVERNS]->(p:Plan)<-[ow:OWNS]-(o:Entity)
    WHERE g <> o AND {current("gv", AS_OF)} AND {current("ow", AS_OF)} AND {current("p", AS_OF)}
      AND {visible_path("path")}
    RETURN 'OWNERSHIP_GOVERNANCE_SPLIT' AS kind, p AS subject, [g, o] AS bodies,
      p.name + ' is governed by ' + g.name + ', but owned by ' + o.name + '.' AS explanation,
      [gv, ow] AS evidence
    """,
    f"""
    MATCH path = (g:Entity)-[gv:GOVERNS]->(s:Entity)
    WHERE {current("gv", AS_OF)} AND {visible_path("path")}
    WITH s, collect(DISTINCT g) AS governors, collect(gv) AS evidence
    WHERE size(governors) > 1
    RETURN 'MULTIPLE_GOVERNORS' AS kind, s AS subject, governors AS bodies,
      s.name + ' is governed by ' + toString(size(governors)) + ' bodies: '
      + {names("governors")} + '.' AS explanation, evidence
    """,
    # "so themes are not getting challenged and scrutinised twice"
    f"""
    MATCH path = (b:Entity)-[r:RECEIVES_REPORTS|SCRUTINISES]->(s:Plan)
    WHERE {current("r", AS_OF)} AND {current("s", AS_OF)} AND {visible_path("path")}
    WITH s, collect(DISTINCT b) AS bodies, collect(r) AS evidence WHERE size(bodies) > 1
    RETURN 'MULTIPLE_REPORTING' AS kind, s AS subject, bodies,
      s.name + ' is reported to or scrutinised by ' + toString(size(bodies)) + ' bodies: '
      + {names("bodies")} + '.' AS explanation, evidence
    """,
    f"""
    MATCH path = (s:Entity)-[r:REPORTS_TO]->(b:Entity)
    WHERE {current("r", AS_OF)} AND {visible_path("path")}
    WITH s, collect(DISTINCT b) AS bodies, collect(r) AS evidence WHERE size(bodies) > 1
    RETURN 'MULTIPLE_REPORTING' AS kind, s AS subject, bodies,
      s.name + ' reports to ' + toString(size(bodies)) + ' bodies: ' + {names("bodies")} + '.'
      AS explanation, evidence
    """,
    # The same area of work committed to in several plans in force at the same time (by
    # their periods, or else the dates of the documents that show them); an action plan
    # counts as its strategy, and a plan-wide theme does not count as a commitment.
    f"""
    MATCH path = (w:Workstream)<-[a:ADDRESSES|CONTRIBUTES_TO]-(c:Plan|Commitment)
    WHERE {current("a", AS_OF)} AND {visible_path("path")}
    CALL (c) {{
      MATCH (c:Plan) RETURN c AS plan
      UNION MATCH (c)-[:PART_OF]->*(:Commitment)-[:IN_PLAN]->(plan:Plan) RETURN plan
    }}
    MATCH {TOP_PLAN} AND {current("top", AS_OF)}
    WITH w, top, collect(a) AS ties
    WITH w, collect({{plan: top, ties: ties}}) AS uses
    UNWIND uses AS one UNWIND uses AS other
    WITH w, one, other,
      coalesce(one.plan.period_from, one.plan.known_from) AS one_from,
      coalesce(one.plan.period_to, one.plan.known_to) AS one_to,
      coalesce(other.plan.period_from, other.plan.known_from) AS other_from,
      coalesce(other.plan.period_to, other.plan.known_to) AS other_to
    WHERE one.plan.id < other.plan.id
      AND (one_to IS NULL OR other_from IS NULL OR other_from <= one_to)
      AND (other_to IS NULL OR one_from IS NULL OR one_from <= other_to)
    UNWIND [one, other] AS use
    WITH w, collect(DISTINCT use) AS uses
    WITH w, [u IN uses | u.plan] AS plans,
      reduce(gathered = [], u IN uses | gathered + u.ties) AS ties
    RETURN 'DUPLICATE_COMMITMENT' AS kind, w AS subject, plans AS bodies,
      w.name + ' is committed to in ' + toString(size(plans)) + ' plans at once: '
      + {names("plans")} + '.' AS explanation, ties AS evidence
    """,
    # The same commitment, word for word, in several plans of one area (dataset): two
    # councils both promising "training for staff" is not duplication between boards.
    f"""
    MATCH path = (c:Commitment)-[:IN_PLAN]->(p:Plan) WHERE {visible_path("path")}
    WITH c.dataset AS area, toLower(trim(c.name)) AS title,
      collect(c) AS commitments, collect(DISTINCT p) AS plans
    WHERE size(plans) > 1
    RETURN 'DUPLICATE_COMMITMENT' AS kind, commitments[0] AS subject, plans AS bodies,
      '"' + commitments[0].name + '" is committed to in ' + toString(size(plans)) + ' plans: '
      + {names("plans")} + '.' AS explanation, commitments AS evidence
    """,
]

GAP_BRANCHES = [
    # What a governed area of work should have: a group, a strategy, measures.
    f"""
    MATCH path = (g:Entity)-[gv:GOVERNS]->(w:Workstream)
    WHERE {current("gv", AS_OF)} AND {visible_path("path")}
    WITH w, collect(g) AS governors, collect(gv) AS governance
    WITH w, governors, governance, COLLECT {{
        MATCH (w)<-[:ADDRESSES]-(p:Plan) WHERE {current("p", AS_OF)} AND {visible("p")} RETURN p
      }} AS plans
    WITH w, governors, governance, plans,
      [p IN plans WHERE coalesce(p.status, '') STARTS WITH 'proposed'] AS proposed
    UNWIND [
      {{kind: 'NO_GROUP',
        missing: NOT EXISTS {{ MATCH (w)<-[:DELIVERS]-(b:Body) WHERE {visible("b")} }},
        text: 'no group is recorded as delivering it', evidence: []}},
      {{kind: 'NO_STRATEGY', missing: size(proposed) = size(plans),
        text: 'no strategy or plan in place covers it'
          + CASE WHEN proposed = [] THEN '' ELSE ' (only proposed: ' + {names("proposed")} + ')'
            END,
        evidence: proposed}},
      {{kind: 'NO_INDICATORS',
        missing: NOT EXISTS {{ MATCH (w)-[:MEASURED_BY]->(i:Indicator) WHERE {visible("i")} }},
        text: 'no performance indicators are recorded for it', evidence: []}}
    ] AS gap
    WITH w, governors, governance, gap WHERE gap.missing
    RETURN gap.kind AS kind, w AS subject, governors AS bodies,
      w.name + ' is governed by ' + {names("governors")} + ', but ' + gap.text + '.'
      AS explanation, [w] + governance + gap.evidence AS evidence
    """,
    f"""
    MATCH (c:Commitment) WHERE c.kind IN ['action', 'deliverable', 'action agreed']
      AND {visible("c")}
      AND NOT EXISTS {{
        MATCH (c)-[:PART_OF]->*(a:Commitment)
        WHERE EXISTS {{ MATCH (a)<-[:LEADS|PORTFOLIO_HOLDER_FOR]-(l) WHERE {visible("l")} }}
           OR EXISTS {{
             MATCH (a)<-[:FOR]-(r:Role) WHERE r.kind IN {ANSWERABLE_ROLES} AND {visible("r")}
           }}
      }}
    WITH c, COLLECT {{ MATCH (c)-[:IN_PLAN|AGREED_AT]->(x) RETURN x }} AS context
    RETURN 'NO_LEAD' AS kind, c AS subject, context AS bodies,
      coalesce(c.ref + ': ', '') + c.name + CASE WHEN context = [] THEN '' ELSE ' ('
      + {names("context")} + ')' END + ' has no lead or portfolio holder recorded.'
      AS explanation, [c] AS evidence
    """,
    f"""
    MATCH (p:Plan) WHERE {current("p", AS_OF)} AND {visible("p")}
      AND (EXISTS {{ MATCH (p)-[:ADDRESSES]->(w:Workstream) WHERE {visible("w")} }}
           OR EXISTS {{ MATCH (p)<-[:IN_PLAN]-(c) WHERE {visible("c")} }})
      AND NOT EXISTS {{
        MATCH (p)-[:PART_OF]->*(a:Plan)<-[:OWNS]-(o) WHERE {visible("o")}
      }}
    WITH p, COLLECT {{
      MATCH (p)<-[:GOVERNS|OVERSEES|DELIVERS|RECEIVES_REPORTS|APPROVES]-(b:Body)
      WHERE {visible("b")} RETURN DISTINCT b
    }} AS involved
    RETURN 'NO_OWNER' AS kind, p AS subject, involved AS bodies,
      p.name + ' has no owner recorded' + CASE WHEN involved = [] THEN '' ELSE
      ' (bodies involved: ' + {names("involved")} + ')' END + '.' AS explanation,
      [p] AS evidence
    """,
    # Nothing governs an area of work when neither it nor anything it is part of is
    # governed, delivered or overseen, and no plan that covers it has anyone answerable.
    f"""
    MATCH (w:Workstream) WHERE {visible("w")}
      AND NOT EXISTS {{
        MATCH (w)-[:PART_OF]->*(a:Workstream)
        WHERE EXISTS {{ MATCH (a)<-[:GOVERNS|DELIVERS|OVERSEES]-(g) WHERE {visible("g")} }}
           OR EXISTS {{
             MATCH path = (a)<-[:ADDRESSES|CONTRIBUTES_TO]-()-[:IN_PLAN|PART_OF]->*(p:Plan)
                   <-[:OWNS|GOVERNS|OVERSEES|DELIVERS|APPROVES]-()
             WHERE {visible_path("path")}
           }}
      }}
    RETURN 'NO_GOVERNANCE' AS kind, w AS subject, [] AS bodies,
      'Nothing is recorded as governing, delivering, owning or overseeing ' + w.name
      + ' or any plan that covers it.' AS explanation, [w] AS evidence
    """,
]


def _findings(branches: list[str]) -> str:
    union = "\nUNION ALL\n".join(branches)
    return f"""
    CALL () {{ {union} }}
    WITH kind, subject, bodies, explanation, evidence WHERE {visible("subject")}
    ORDER BY kind, subject.name, explanation
    WITH collect({{kind: kind, subject: subject, bodies: bodies, explanation: explanation,
                   sources: {evidence_sources("evidence")}}}) AS value
    """


OVERLAPS = _findings(OVERLAP_BRANCHES)
GAPS = _findings(GAP_BRANCHES)
