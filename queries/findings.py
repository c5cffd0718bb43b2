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

from collections.abc import Callable

from graph.model import ANSWERABLE_KINDS
from graph.public import visible, visible_path
from queries.cypher import anywhere, current, evidence_sources, holds_on, names, of_one_area, words

AS_OF = "$asOf"

ANSWERABLE_ROLES = words(ANSWERABLE_KINDS)


def in_force(plan: str, day: str = AS_OF) -> str:
    """A plan in force on `day`: within its stated period or, when none is stated, from the
    first dated document that speaks of it. A plan that no date places is left out of a
    dated question: nothing shows it was in force that day, and a review of 2016 must not
    count a page published years later."""
    begins = f"coalesce({plan}.period_from, {plan}.known_from)"
    return (
        f"({day} IS NULL OR (coalesce({begins}, {plan}.period_to) IS NOT NULL "
        f"AND ({begins} IS NULL OR {begins} <= {day}) "
        f"AND ({plan}.period_to IS NULL OR {day} <= {plan}.period_to)))"
    )


def known_on(record: str, day: str = AS_OF) -> str:
    """A record the sources show by `day`: a document published by then speaks of it. (An
    area of work first named in a 2022 plan was not ungoverned in 2016: it was not named.)"""
    return (
        f"({day} IS NULL OR EXISTS {{ MATCH (seen:Record:Document) "
        f"WHERE seen.id IN {record}.src_document AND seen.published <= {day} }})"
    )


def commitment_in_force(commitment: str, day: str = AS_OF) -> str:
    """A commitment is in force when the plan it belongs to (through its parents) is, or,
    for an action agreed at a meeting, from that meeting on."""
    return (
        f"({day} IS NULL OR EXISTS {{ "
        f"MATCH dated = ({commitment})-[:PART_OF]->*(:Commitment)-[:IN_PLAN]->(dating:Plan) "
        f"WHERE {in_force('dating', day)} AND {visible_path('dated')} }} "
        f"OR EXISTS {{ MATCH ({commitment})-[:AGREED_AT]->(agreed:Meeting) "
        f"WHERE agreed.date <= {day} AND {visible('agreed')} }})"
    )


WORK_KINDS = "['action', 'deliverable', 'action agreed']"
"""Kinds of commitment that can be work; aims, objectives and priorities are not."""


def answered_for(commitment: str) -> str:
    """Cypher: someone answers for a commitment, or for what it is part of: a lead or
    portfolio holder in force, or a person in an answerable role that holds on the day."""
    return (
        f"EXISTS {{ MATCH ({commitment})-[:PART_OF]->*(answered:Commitment) "
        f"WHERE EXISTS {{ MATCH (answered)<-[ld:LEADS|PORTFOLIO_HOLDER_FOR]-(l) "
        f"WHERE {current('ld', AS_OF)} AND {visible('l')} }} "
        f"OR EXISTS {{ MATCH (answered)<-[:FOR]-(r:Role) WHERE r.kind IN {ANSWERABLE_ROLES} "
        f"AND {holds_on('r', AS_OF)} AND {visible('r')} }} }}"
    )


def work_of(plan: str) -> str:
    """Cypher pattern and condition: `work`, a visible action or deliverable of `plan`."""
    return (
        f"MATCH ({plan})<-[:IN_PLAN]-(work:Commitment) "
        f"WHERE work.kind IN {WORK_KINDS} AND {visible('work')}"
    )


TOP_PLAN = "(plan)-[:PART_OF]->*(top:Plan) WHERE NOT EXISTS { (top)-[:PART_OF]->(:Plan) }"
"""The outermost plan a plan belongs to: an action plan counts as part of its strategy."""


TOPIC_LIST = 3
"""A line that names this many areas of work or more is a list of topics ("staff to be
knowledgeable of Human Trafficking, Forced Marriage, FGM and CSE"), not a commitment to the
work of each: it counts for none of them."""


def lists_topics(commitment: str) -> str:
    """Cypher: a commitment that names `TOPIC_LIST` or more areas of work at once."""
    return (
        f"({commitment}:Commitment AND COUNT {{ "
        f"({commitment})-[:ADDRESSES|CONTRIBUTES_TO]->(:Workstream) }} >= {TOPIC_LIST})"
    )


def mentions(ties: str) -> str:
    """Cypher: where in the documents a list of relations is stated, as 'document#lines'
    (two ties stated by the same lines are one mention, however many records it became)."""
    return (
        f"reduce(found = [], tie IN {ties} | found + [i IN range(0, "
        f"size(coalesce(tie.src_document, [])) - 1) | tie.src_document[i] + '#' "
        f"+ tie.src_lines[i]])"
    )


def _span(plan: str) -> tuple[str, str]:
    """Cypher: when a plan begins and ends, by its period or else the dates of the documents
    that show it (either may be null)."""
    return (
        f"coalesce({plan}.period_from, {plan}.known_from)",
        f"coalesce({plan}.period_to, {plan}.known_to)",
    )


def in_force_together(first: str, second: str) -> str:
    """Cypher: two plans whose times overlap; a plan no date places may overlap anything."""
    return spans_overlap(_span(first), _span(second))


def spans_overlap(first: tuple[str, str], second: tuple[str, str]) -> str:
    """Cypher: two spans, each (from, to) with either end open when null, that overlap."""
    (first_from, first_to), (second_from, second_to) = first, second
    return (
        f"(({first_to}) IS NULL OR ({second_from}) IS NULL OR {second_from} <= {first_to}) "
        f"AND (({second_to}) IS NULL OR ({first_from}) IS NULL OR {first_from} <= {second_to})"
    )


def commits_to(plan: str, other: str) -> str:
    """Cypher: a commitment of `plan` (or of a plan part of it) is to write, refresh or
    otherwise bring about `other` (or a plan part of it): "Refresh the Kirklees reducing
    re-offending Strategy"."""
    return (
        f"EXISTS {{ MATCH ({plan})<-[:PART_OF]-*(:Plan)<-[:IN_PLAN]-(:Commitment)"
        f"<-[:PART_OF]-*(:Commitment)-[:LINKS_TO]->(:Plan)-[:PART_OF]->*({other}) }}"
    )


COMMAND_TIERS = ("bronze", "silver", "gold")
"""The national command model's tiers, lowest first: a Silver (tactical) group works to the
Gold (strategic) group of the same name, as Prevent's and emergency planning's do."""


def command_tier_below(below: str, above: str) -> str:
    """Cypher: `below` is a lower tier of the same command structure as `above` ("Prevent
    Silver group" under "Prevent Gold group"), named alike but for the tier."""
    return " OR ".join(
        f"(toLower({below}.name) CONTAINS '{low}' AND toLower({above}.name) CONTAINS '{high}' "
        f"AND replace(toLower({below}.name), '{low}', '') "
        f"= replace(toLower({above}.name), '{high}', ''))"
        for position, low in enumerate(COMMAND_TIERS)
        for high in COMMAND_TIERS[position + 1 :]
    )


def answers_to(below: str, above: str) -> str:
    """Cypher: `below` is in `above`'s line of accountability, directly or through others:
    it reports to `above` (REPORTS_TO in force), it leads an action agreed at a meeting of
    `above` or of a body that reports to it (a board that tasks a group with work "for the
    Executive to approve" is that group's line, whether or not a paper says it reports
    there), or it is a lower command tier of `above`. Only visible records count, and only
    links in force on the day."""
    return (
        f"({command_tier_below(below, above)} OR EXISTS {{ MATCH line = ({below})"
        f"((:Entity)-[:LEADS]->(:Commitment)-[:AGREED_AT]->(:Meeting)-[:MEETING_OF]->(:Entity))"
        f"{{0,1}}(()-[:REPORTS_TO]->()){{0,}}({above}) "
        f"WHERE {below} <> {above} AND {visible_path('line')} "
        f"AND all(step IN nodes(line) WHERE NOT step:Meeting OR {AS_OF} IS NULL "
        f"OR step.date <= {AS_OF}) "
        f"AND all(link IN relationships(line) WHERE {current('link', AS_OF)}) }})"
    )


def heads(bodies: str) -> str:
    """The bodies of a list that answer to no other body of it (`answers_to`): one per line
    of accountability. A paper that goes to a sub-group and on to the board it reports to,
    or that a board's delivery group prepares for the board, has one head."""
    return (
        f"[head IN {bodies} WHERE NOT any(above IN {bodies} WHERE above <> head "
        f"AND {answers_to('head', 'above')})]"
    )


def separate_lines(bodies: str, heads: str) -> str:
    """Cypher: when some of the bodies answer to others of them, which lines they form."""
    return (
        f"CASE WHEN size({heads}) = size({bodies}) THEN '' ELSE ', in '"
        f" + toString(size({heads})) + ' separate lines under ' + {names(heads)} END"
    )


def _overlap_branches(area: Callable[[str], str]) -> list[str]:
    """The overlap rules, each a branch of one union; `area` gives what is added to the node
    pattern of each branch's subject: nothing for the whole graph (`anywhere`), a condition
    for one area (`of_one_area`)."""
    return [
        # A workstream governed by one body while a strategy covering it is owned by another in
        # a separate line: "Under CSP Governance although strategy owned by Adult Safeguarding".
        # A strategy owned by a group that reports to the governing board is that board's own.
        f"""
    MATCH path = (g:Entity)-[gv:GOVERNS]->(w:Workstream{area("w")})<-[ad:ADDRESSES]-(p:Plan)
                 <-[ow:OWNS]-(o:Entity)
    WHERE g <> o AND {current("gv", AS_OF)} AND {current("ow", AS_OF)} AND {in_force("p")}
      AND {visible_path("path")}
    RETURN 'OWNERSHIP_GOVERNANCE_SPLIT' AS kind, w AS subject, [g, o] AS bodies,
      w.name + ' is governed by ' + g.name + ', but ' + p.name + ', which covers it, is owned by '
      + o.name AS explanation, [gv, ow, ad] AS evidence, [g, o] AS lines
    """,
        f"""
    MATCH path = (g:Entity)-[gv:GOVERNS]->(p:Plan{area("p")})<-[ow:OWNS]-(o:Entity)
    WHERE g <> o AND {current("gv", AS_OF)} AND {current("ow", AS_OF)} AND {in_force("p")}
      AND {visible_path("path")}
    RETURN 'OWNERSHIP_GOVERNANCE_SPLIT' AS kind, p AS subject, [g, o] AS bodies,
      p.name + ' is governed by ' + g.name + ', but owned by ' + o.name AS explanation,
      [gv, ow] AS evidence, [g, o] AS lines
    """,
        # Governed by bodies in separate lines: a sub-group that governs beneath its board does
        # not make two governors.
        f"""
    MATCH path = (g:Entity)-[gv:GOVERNS]->(s:Entity{area("s")})
    WHERE {current("gv", AS_OF)} AND (NOT s:Plan OR {in_force("s")}) AND {visible_path("path")}
    WITH s, g, gv ORDER BY g.name, g.id
    WITH s, collect(DISTINCT g) AS governors, collect(gv) AS evidence
    WHERE size(governors) > 1
    RETURN 'MULTIPLE_GOVERNORS' AS kind, s AS subject, governors AS bodies,
      s.name + ' is governed by ' + toString(size(governors)) + ' bodies: '
      + {names("governors")} AS explanation, evidence, governors AS lines
    """,
        # "so themes are not getting challenged and scrutinised twice": by bodies in separate
        # lines of accountability; a sub-group and the board it reports to, or is tasked by, are
        # one line.
        f"""
    MATCH path = (b:Entity)-[r:RECEIVES_REPORTS|SCRUTINISES]->(s:Plan{area("s")})
    WHERE {current("r", AS_OF)} AND {in_force("s")} AND {visible_path("path")}
    WITH s, b, r ORDER BY b.name, b.id
    WITH s, collect(DISTINCT b) AS bodies, collect(r) AS evidence
    WHERE size(bodies) > 1
    RETURN 'MULTIPLE_REPORTING' AS kind, s AS subject, bodies,
      s.name + ' is reported to or scrutinised by ' + toString(size(bodies)) + ' bodies: '
      + {names("bodies")} AS explanation, evidence, bodies AS lines
    """,
        f"""
    MATCH path = (s:Entity{area("s")})-[r:REPORTS_TO]->(b:Entity)
    WHERE {current("r", AS_OF)} AND {visible_path("path")}
    WITH s, b, r ORDER BY b.name, b.id
    WITH s, collect(DISTINCT b) AS bodies, collect(r) AS evidence
    WHERE size(bodies) > 1
    RETURN 'MULTIPLE_REPORTING' AS kind, s AS subject, bodies,
      s.name + ' reports to ' + toString(size(bodies)) + ' bodies: ' + {names("bodies")}
      AS explanation, evidence, bodies AS lines
    """,
        # The same area of work committed to in several plans in force at the same time (by
        # their periods, or else the dates of the documents that show them), each by a mention
        # of its own. An action plan counts as its strategy; a plan-wide theme, and a line that
        # lists several areas (`TOPIC_LIST`), do not count as commitments; a plan that commits
        # to writing or refreshing another is not a second commitment to the other's work.
        f"""
    MATCH path = (w:Workstream{area("w")})<-[a:ADDRESSES|CONTRIBUTES_TO]-(c:Plan|Commitment)
    WHERE {current("a", AS_OF)} AND {visible_path("path")} AND NOT {lists_topics("c")}
    CALL (c) {{
      MATCH (c:Plan) RETURN c AS plan
      UNION MATCH (c)-[:PART_OF]->*(:Commitment)-[:IN_PLAN]->(plan:Plan) RETURN plan
    }}
    MATCH {TOP_PLAN} AND {in_force("top")} AND {in_force("plan")}
    WITH w, top, collect(a) AS ties
    WITH w, collect({{plan: top, ties: ties, mentions: {mentions("ties")}}}) AS uses
    UNWIND uses AS one UNWIND uses AS other
    WITH w, one, other, one.plan AS first, other.plan AS second
    WHERE first.id < second.id AND {in_force_together("first", "second")}
      AND any(m IN one.mentions WHERE NOT m IN other.mentions)
      AND any(m IN other.mentions WHERE NOT m IN one.mentions)
      AND NOT {commits_to("first", "second")} AND NOT {commits_to("second", "first")}
    UNWIND [one, other] AS use
    WITH w, collect(DISTINCT use) AS gathered
    WITH w, COLLECT {{ UNWIND gathered AS u RETURN u ORDER BY u.plan.name, u.plan.id }} AS uses
    WITH w, [u IN uses | u.plan] AS plans,
      reduce(gathered = [], u IN uses | gathered + u.ties) AS ties
    RETURN 'DUPLICATE_COMMITMENT' AS kind, w AS subject, plans AS bodies,
      w.name + ' is committed to in ' + toString(size(plans)) + ' plans at once: '
      + {names("plans")} AS explanation, ties AS evidence, null AS lines
    """,
        # The same commitment, word for word, in several plans of one area (dataset) in force
        # together: two councils both promising "training for staff" is not duplication between
        # boards, nor is a strategy's action repeated in its own action plan or a line carried
        # from a plan that had ended into the next.
        f"""
    MATCH path = (c:Commitment{area("c")})-[:IN_PLAN]->(plan:Plan)
    WHERE {in_force("plan")} AND {visible_path("path")}
    MATCH {TOP_PLAN} AND {in_force("top")}
    WITH c.dataset AS area, toLower(trim(c.name)) AS title, top,
      collect(DISTINCT c) AS commitments
    WITH area, title, collect({{plan: top, commitments: commitments, from: {_span("top")[0]},
      to: {_span("top")[1]}}}) AS uses
    WHERE size(uses) > 1
    WITH [one IN uses WHERE any(other IN uses WHERE other.plan <> one.plan
      AND {spans_overlap(("one.from", "one.to"), ("other.from", "other.to"))})] AS uses
    WHERE uses <> []
    WITH COLLECT {{ UNWIND uses AS u UNWIND u.commitments AS c RETURN DISTINCT c ORDER BY c.id }}
        AS commitments,
      COLLECT {{ UNWIND uses AS u RETURN u.plan AS p ORDER BY p.name, p.id }} AS plans
    RETURN 'DUPLICATE_COMMITMENT' AS kind, commitments[0] AS subject, plans AS bodies,
      '"' + commitments[0].name + '" is committed to in ' + toString(size(plans)) + ' plans: '
      + {names("plans")} AS explanation, commitments AS evidence, null AS lines
    """,
    ]


def _gap_branches(area: Callable[[str], str]) -> list[str]:
    """The gap rules, each a branch of one union; `area` as for `_overlap_branches`."""
    return [
        # What a governed area of work should have: a group, a strategy, measures.
        f"""
    MATCH path = (g:Entity)-[gv:GOVERNS]->(w:Workstream{area("w")})
    WHERE {current("gv", AS_OF)} AND {visible_path("path")}
    WITH w, g, gv ORDER BY g.name, g.id
    WITH w, collect(g) AS governors, collect(gv) AS governance
    WITH w, governors, governance, COLLECT {{
        MATCH (w)<-[:ADDRESSES]-(p:Plan) WHERE {in_force("p")} AND {visible("p")} RETURN p
      }} AS plans
    WITH w, governors, governance, plans,
      [p IN plans WHERE coalesce(p.status, '') STARTS WITH 'proposed'] AS proposed
    UNWIND [
      {{kind: 'NO_GROUP',
        missing: NOT EXISTS {{
          MATCH (w)<-[dl:DELIVERS]-(b:Body) WHERE {current("dl", AS_OF)} AND {visible("b")}
        }},
        text: 'no group is recorded as delivering it', evidence: []}},
      {{kind: 'NO_STRATEGY', missing: size(proposed) = size(plans),
        text: 'no strategy or plan in place covers it'
          + CASE WHEN proposed = [] THEN '' ELSE ' (only proposed: ' + {names("proposed")} + ')'
            END,
        evidence: proposed}},
      {{kind: 'NO_INDICATORS',
        missing: NOT EXISTS {{
          MATCH (w)-[mb:MEASURED_BY]->(i:Indicator) WHERE {current("mb", AS_OF)} AND {visible("i")}
        }},
        text: 'no performance indicators are recorded for it', evidence: []}}
    ] AS gap
    WITH w, governors, governance, gap WHERE gap.missing
    RETURN gap.kind AS kind, w AS subject, governors AS bodies,
      w.name + ' is governed by ' + {names("governors")} + ', but ' + gap.text + '.'
      AS explanation, [w] + governance + gap.evidence AS evidence
    """,
        # Work nobody answers for. Whether its words are work (loaders.work.WORK_RULE) is
        # decided at load; a commitment loaded before that was decided counts as work.
        f"""
    MATCH (c:Commitment{area("c")}) WHERE c.kind IN {WORK_KINDS}
      AND coalesce(c.is_work, true)
      AND {visible("c")} AND {commitment_in_force("c")} AND NOT {answered_for("c")}
    WITH c, COLLECT {{ MATCH (c)-[:IN_PLAN|AGREED_AT]->(x) RETURN x ORDER BY x.name, x.id }}
      AS context
    RETURN 'NO_LEAD' AS kind, c AS subject, context AS bodies,
      coalesce(c.ref + ': ', '') + c.name + CASE WHEN context = [] THEN '' ELSE ' ('
      + {names("context")} + ')' END + ' has no lead or portfolio holder recorded.'
      AS explanation, [c] AS evidence
    """,
        # A plan with work in it that nobody owns, through it or a plan it is part of. A plan
        # that a commitment of an owned plan undertakes to write or refresh has that plan's
        # owner; a plan every action of which has a lead or portfolio holder (a council's
        # outcome page) has someone answerable for all of it.
        f"""
    MATCH (p:Plan{area("p")}) WHERE {in_force("p")} AND {visible("p")}
      AND (EXISTS {{ MATCH (p)-[:ADDRESSES]->(w:Workstream) WHERE {visible("w")} }}
           OR EXISTS {{ MATCH (p)<-[:IN_PLAN]-(c) WHERE {visible("c")} }})
      AND NOT EXISTS {{
        MATCH path = (p)-[:PART_OF]->*(a:Plan)<-[ow:OWNS]-(o)
        WHERE {current("ow", AS_OF)} AND {visible_path("path")}
      }}
      AND NOT EXISTS {{
        MATCH undertaken = (p)-[:PART_OF]->*(:Plan)<-[:LINKS_TO]-(:Commitment)
              -[:PART_OF]->*(:Commitment)-[:IN_PLAN]->(:Plan)-[:PART_OF]->*(:Plan)<-[ow:OWNS]-()
        WHERE {current("ow", AS_OF)} AND {visible_path("undertaken")}
      }}
      AND NOT (EXISTS {{ {work_of("p")} }}
               AND NOT EXISTS {{ {work_of("p")} AND NOT {answered_for("work")} }})
    WITH p, COLLECT {{
      MATCH (p)<-[inv:GOVERNS|OVERSEES|DELIVERS|RECEIVES_REPORTS|APPROVES]-(b:Body)
      WHERE {current("inv", AS_OF)} AND {visible("b")} RETURN DISTINCT b ORDER BY b.name, b.id
    }} AS involved
    RETURN 'NO_OWNER' AS kind, p AS subject, involved AS bodies,
      p.name + ' has no owner recorded' + CASE WHEN involved = [] THEN '' ELSE
      ' (bodies involved: ' + {names("involved")} + ')' END + '.' AS explanation,
      [p] AS evidence
    """,
        # Nothing governs an area of work when neither it nor anything it is part of is
        # governed, delivered or overseen, and no plan that covers it has anyone answerable;
        # on a date, among the areas the sources name by then, by relations and plans in force.
        f"""
    MATCH (w:Workstream{area("w")}) WHERE {visible("w")} AND {known_on("w")}
      AND NOT EXISTS {{
        MATCH (w)-[:PART_OF]->*(a:Workstream)
        WHERE EXISTS {{
             MATCH (a)<-[gv:GOVERNS|DELIVERS|OVERSEES]-(g)
             WHERE {current("gv", AS_OF)} AND {visible("g")}
           }}
           OR EXISTS {{
             MATCH path = (a)<-[:ADDRESSES|CONTRIBUTES_TO]-()-[:IN_PLAN|PART_OF]->*(p:Plan)
                   <-[:OWNS|GOVERNS|OVERSEES|DELIVERS|APPROVES]-()
             WHERE {in_force("p")} AND {visible_path("path")}
               AND all(link IN relationships(path) WHERE {current("link", AS_OF)})
           }}
      }}
    RETURN 'NO_GOVERNANCE' AS kind, w AS subject, [] AS bodies,
      'Nothing is recorded as governing, delivering, owning or overseeing ' + w.name
      + ' or any plan that covers it.' AS explanation, [w] AS evidence
    """,
    ]


OVERLAPS_CHECKED = {
    "OWNERSHIP_GOVERNANCE_SPLIT": "no area of work or plan is governed by one body while "
    "another owns it or the strategy that covers it",
    "MULTIPLE_GOVERNORS": "nothing is governed by bodies in separate lines of accountability",
    "MULTIPLE_REPORTING": "nothing reports to, or is reported to or scrutinised by, bodies in "
    "separate lines of accountability",
    "DUPLICATE_COMMITMENT": "no area of work or commitment is committed to, each time in words "
    "of its own, in several plans in force together",
}
GAPS_CHECKED = {
    "NO_GROUP": "every governed area of work has a group delivering it",
    "NO_STRATEGY": "every governed area of work has a strategy or plan in place",
    "NO_INDICATORS": "every governed area of work has performance indicators",
    "NO_LEAD": "every action that is work has a lead or portfolio holder",
    "NO_OWNER": "every plan with work in it has an owner, or someone answerable for each of its "
    "actions",
    "NO_GOVERNANCE": "every area of work has something governing it",
}
"""Every kind of finding, with what its absence shows: a kind with no findings was checked,
and the review says so rather than leaving the reader to wonder whether it was."""


def _collected(union: str, lines: str = "") -> str:
    """Cypher: the findings of the branches, those about a subject the caller may see, in
    order, as one list; `lines` runs between the union and the list when given."""
    return f"""
    CALL () {{ {union} }}
    WITH * WHERE {visible("subject")}
    {lines}
    WITH kind, subject, bodies, explanation, evidence
    ORDER BY kind, subject.name, explanation
    WITH collect({{kind: kind, subject: subject, bodies: bodies, explanation: explanation,
                   evidence: evidence}}) AS value
    """


QUOTED = f"""
    WITH [f IN value | {{kind: f.kind, subject: f.subject, bodies: f.bodies,
      explanation: f.explanation, sources: {evidence_sources("f.evidence")}}}] AS value
    """
"""Cypher: the findings in `value` with the sources of their evidence in its place."""


def _findings(branches: list[str]) -> str:
    return _collected("\nUNION ALL\n".join(branches))


def _overlaps(branches: list[str]) -> str:
    """Each overlap branch names `lines`: the bodies its finding needs in separate lines of
    accountability (null when it needs none). The test runs here, once after the union,
    rather than once in each branch: Neo4j plans the whole union at once, and every copy of
    `answers_to` added half a second or more to planning the findings."""
    lines = f"""
    WITH *, CASE WHEN lines IS NULL THEN [] ELSE {heads("lines")} END AS heads
    WHERE lines IS NULL OR size(heads) > 1
    WITH kind, subject, bodies, evidence, explanation
      + CASE WHEN lines IS NULL THEN '' ELSE {separate_lines("lines", "heads")} END + '.'
      AS explanation
    """
    return _collected("\nUNION ALL\n".join(branches), lines)


OVERLAP_BRANCHES = _overlap_branches(anywhere)
GAP_BRANCHES = _gap_branches(anywhere)

EVIDENCED = {"overlaps": _overlaps(OVERLAP_BRANCHES), "gaps": _findings(GAP_BRANCHES)}
"""The findings of each kind, binding `value`, each with the nodes and relationships that
show it (`evidence`) rather than their sources."""
EVIDENCED_IN_AREA = {
    "overlaps": _overlaps(_overlap_branches(of_one_area)),
    "gaps": _findings(_gap_branches(of_one_area)),
}
"""The same for one area: each rule starts from the records of the area `$area` names, whose
findings are those about a subject of that area, so the findings of a date for one
partnership are worked out from its own records, not sifted from the country's."""
OVERLAPS = EVIDENCED["overlaps"] + QUOTED
GAPS = EVIDENCED["gaps"] + QUOTED
