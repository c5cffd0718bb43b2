"""The accountability questions. Each is a named head of Cypher that finds what is asked
about; `ask` appends the projection of whatever the caller selected and runs the whole
thing as one query, so every question is one round trip however deep the selection.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import contextvars
import dataclasses
import datetime
import functools
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from neo4j import READ_ACCESS, AsyncDriver, Driver, Query, Record
from neo4j.exceptions import ClientError, ServiceUnavailable, SessionExpired, TransientError

from graph.model import ANSWERABLE_KINDS
from graph.names import name_key
from graph.public import visible, visible_path
from queries import stored
from queries.cypher import (
    anywhere,
    distinct,
    evidence_sources,
    of_one_area,
    seats_held,
    words,
)
from queries.findings import commitment_in_force

Row = dict[str, Any]


_PARAMETER = re.compile(r"\$(\w+)")
"""A parameter named in Cypher."""

FOUND = "found"
"""The parameter in which a question's head reads its prelude's answer."""


@dataclass(frozen=True)
class Prelude:
    """A query asked before a question's own, in the same guarded read (`ask`): its answer
    is given to the question's query as the parameter `into`."""

    text: str
    parameters: Row
    into: str


@dataclass(frozen=True)
class PreludeCypher:
    """A prelude as a question declares it: its Cypher, binding `value`, and the name it
    goes by in Neo4j's query log. Neo4j plans each query text apart, comment and all, so the
    questions that ask one prelude (a list and its pages) ask it under one name."""

    name: str
    cypher: str


@dataclass(frozen=True)
class Question:
    """`head` binds `value` (one node or map, or a list when `many`) or, for a `lookup`,
    `found`: the candidates, of which exactly one must remain. Its parameters are `$name`;
    `$officer` says whether the caller may read restricted records."""

    name: str
    head: str
    many: bool = False
    lookup: bool = False
    asked: str = ""
    area: str | None = None
    """For a list: the area (dataset) of each item in `%(v)s`, so that `$area` narrows it."""
    page: bool = False
    """Binds `value` to one page of a list (`paged`), not to the list."""
    narrowed: str | None = None
    """For a list: a head that reads only the records of the area `$area` names, for a
    request about one area: the same items, in the same order, found from that area's
    records rather than sifted from the whole country's."""
    narrowed_prelude: PreludeCypher | None = None
    """For a list with a prelude: the prelude for a request about one area, which works out
    only that area's part of what `prelude` works out."""
    prelude: PreludeCypher | None = None
    """Cypher binding `value` to what the head reads back as `$found` (FOUND), asked first as a
    query of its own (`Prelude`). Neo4j plans each new query text afresh, and a request's
    text changes with every selection; the findings of a date take seconds to plan, so they
    are worked out in a text that never changes, whose plan Neo4j keeps."""

    @property
    def plan_key(self) -> tuple[str, str, bool, bool, str | None]:
        """What a request compiled for this question depends on: two questions of one name
        (findings for a date, and the stored findings for every date) are compiled apart."""
        return (self.name, self.head, self.many, self.lookup, self.area)

    def worked_out(self, parameters: Row, officer: bool, into: str) -> list[Prelude]:
        """The queries to ask before this question's own (its prelude, or none), for a
        caller who is an officer or not, the answer to be given to the question as the
        parameter `into`. The prelude is given only the parameters its Cypher names: Neo4j
        plans a query again for each new set of parameters, and a page's `first` or an area
        must not cost it a new plan."""
        if self.prelude is None:
            return []
        part = f"{self.prelude.cypher.strip()}\nRETURN [] AS c0, value AS d0"
        text = compose([self.prelude.name], [part])
        named = {name: parameters.get(name) for name in _PARAMETER.findall(self.prelude.cypher)}
        return [Prelude(text, {**named, "officer": officer}, into)]

    def in_area(self, item: str, area: str) -> str:
        """Cypher: the items of `value` in the area named by the parameter `area` (all of
        them when it is null)."""
        if self.area is None:
            return "value"
        own = self.area.replace("%(v)s", item)
        return f"[{item} IN value WHERE {area} IS NULL OR {own} = {area}]"

    def as_records(self) -> str:
        """The question answered with its records themselves, for callers that read them
        field by field (the reference resolvers) rather than in one projection."""
        if self.lookup:
            answer = "[c IN found | c.id] AS c0, [n IN found WHERE size(found) = 1][0] AS d0"
        else:
            answer = f"[] AS c0, {self.in_area('n', '$area')} AS d0"
        return compose([self.name], [f"{self.head.strip()}\nRETURN {answer}"])


@functools.cache
def in_one_area(listing: Question) -> Question:
    """The list asked about one area: its narrowed head and prelude where it has them."""
    if listing.narrowed is None and listing.narrowed_prelude is None:
        return listing
    return dataclasses.replace(
        listing,
        name=f"{listing.name}InArea",
        head=listing.narrowed or listing.head,
        prelude=listing.narrowed_prelude or listing.prelude,
    )


@functools.cache
def paged(listing: Question) -> Question:
    """A root list as one page: its `$first` items after the first `$offset`, in the list's
    order, with how many it holds in all and the cursor that asks for the next page (the
    number of items up to the page's end, as text). The graph changes only at load, so a
    cursor keeps its place between loads."""
    assert listing.many
    head = f"""{listing.head.strip()}
    WITH {listing.in_area("n", "$area")} AS listed
    WITH listed, listed[$offset..$offset + $first] AS page
    WITH {{totalCount: size(listed), nodes: page, pageInfo: {{
      endCursor: CASE WHEN size(page) > 0 THEN toString($offset + size(page)) END,
      hasNextPage: $offset + size(page) < size(listed)}}}} AS value
    """
    return Question(f"{listing.name}Page", head, page=True, prelude=listing.prelude)


def compose(names: list[str], parts: list[str]) -> str:
    """One query answering several questions, the i-th a subquery returning its candidates
    as `c<i>` and its data as `d<i>`, between two readings of the load guards (see `ask`).
    Every question's head answers in exactly one row (an aggregate, or an OPTIONAL MATCH),
    so none can remove the row the others answer in."""
    calls = "".join(f"CALL () {{\n{part}\n}}\n" for part in parts)
    return (
        f"// govgraph: {', '.join(names)}\n"
        f"CALL () {{ {GUARDS} AS before }}\n"
        f"{calls}"
        f"CALL () {{ {GUARDS} AS after }}\n"
        f"RETURN before, after, [{', '.join(f'c{i}' for i in range(len(parts)))}] AS candidates, "
        f"[{', '.join(f'd{i}' for i in range(len(parts)))}] AS data"
    )


GUARDS = (
    "OPTIONAL MATCH (g:LoadGuard) RETURN collect([g.dataset, g.version, "
    "g.committing_since > datetime() - duration({seconds: 60})])"
)
"""Each dataset's load version and whether a commit is under way (a commit marked longer
ago than a minute belongs to a load that died, and is ignored)."""

RECORDED: contextvars.ContextVar[list[tuple[str, Row]] | None] = contextvars.ContextVar(
    "recorded", default=None
)
"""When set, every question asked appends the Cypher and parameters of each query it ran, a
prelude's answer among the parameters of the query that reads it: for `govgraph cypher`
and the benchmark, which time the same queries through the driver directly."""


@contextlib.contextmanager
def recorded() -> Iterator[list[tuple[str, Row]]]:
    """Within the block, collect the Cypher and parameters of every question asked."""
    queries: list[tuple[str, Row]] = []
    token = RECORDED.set(queries)
    try:
        yield queries
    finally:
        RECORDED.reset(token)


SETTLING = 0.05
"""How long to wait before asking again when a load's commit overlapped a question, or
Neo4j reported a transient failure."""

RETRY_SECONDS = 2.0
"""How long a question is asked again while Neo4j reports a transient failure (a restart, a
leader change): callers get an answer or an error in seconds, not the driver's half minute."""


@dataclass(frozen=True)
class Ambiguous(Exception):
    """A name matched several entities; the caller must choose by id."""

    name: str
    candidates: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.name!r} matches several entities: {', '.join(self.candidates)}"


NODE = Question(
    "node",
    f"OPTIONAL MATCH (n:Record:Entity {{id: $id}}) WHERE {visible('n')} WITH n AS value",
)

SEARCH = Question(
    "search",
    f"""
    CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node AS n
    WHERE {visible("n")}
    WITH n LIMIT $pool
    WITH collect(n) AS pooled
    UNWIND range(0, size(pooled) - 1) AS rank
    WITH pooled[rank] AS n ORDER BY $key IN n.lookup_keys DESC, rank LIMIT $first
    WITH collect(n) AS value
    """,
    many=True,
)
"""The best matches first, as the index ranks them (`lucene_ranked`), read only as far as
a pool of them (`SEARCH_POOL` times those asked): the index gives its matches best first,
so the rest are never read, and a word that matches thousands of records (every area's
"domestic abuse" work) costs the pool, not the thousands. Within the pool a record named
exactly as asked comes first, then the rest in the index's order, so that the first five
of a search are the first five of the same search asked for twenty."""

SEARCH_POOL = 4
"""How many matches, for each one asked, a search reads in the index's order before it
ranks them: enough that an exact name the index ranks a little lower still comes first."""

BY_ID = f"""
MATCH (n:Record {{id: $id}}) WHERE $label IN labels(n) AND {visible("n")}
WITH collect(n) AS found
"""

BY_NAME = f"""
CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node AS n
WHERE $key IN n.lookup_keys AND $label IN labels(n) AND {visible("n")}
WITH n ORDER BY n.id
WITH collect(n) AS found
"""

NOTHING = Question("nothing", "WITH [] AS value", many=True)
"""The answer to a search for no words."""

FINDING_AREA = "%(v)s.subject.dataset"
"""A finding's area, worked out for a date: its subject's."""


def _dated_findings(name: str, rules: str) -> Question:
    """The findings of a date, worked out for it apart (`Question.prelude`) and read back."""
    return Question(
        name,
        stored.GIVEN,
        many=True,
        area=FINDING_AREA,
        prelude=PreludeCypher(f"{name}Prelude", stored.plain(rules)),
        narrowed_prelude=PreludeCypher(f"{name}InAreaPrelude", stored.plain(rules, one_area=True)),
    )


def _kept_findings(name: str, rules: str) -> Question:
    """The same question for every date (no `asOf`), read from the findings each load keeps
    (queries/stored.py), which hold their area."""
    return Question(
        name,
        stored.stored(rules),
        many=True,
        area="%(v)s.dataset",
        narrowed=stored.stored(rules, one_area=True),
    )


OVERLAPS = _dated_findings("governanceOverlaps", "overlaps")
GAPS = _dated_findings("governanceGaps", "gaps")
STORED_OVERLAPS = _kept_findings("governanceOverlaps", "overlaps")
STORED_GAPS = _kept_findings("governanceGaps", "gaps")


def _shared_members(area: Callable[[str], str]) -> str:
    return f"""{seats_held(area, "$asOf")}
    WHERE bodies >= $minBodies
    WITH p ORDER BY bodies DESC, p.name, p.id
    WITH collect(p) AS value
    """


SHARED_MEMBERS = Question(
    "sharedMembers",
    _shared_members(anywhere),
    many=True,
    area="%(v)s.dataset",
    narrowed=_shared_members(of_one_area),
)
KEPT_SHARED_MEMBERS = Question(
    "sharedMembers",
    stored.kept_seats(),
    many=True,
    area="%(v)s.dataset",
    narrowed=stored.kept_seats(one_area=True),
)
"""The same question for every day (no `asOf`), read from the seats each load counts
(queries/stored.py): worked out, one area's took 75 ms at a million nodes."""

COMPLETE = "['complete', 'completed', 'done', 'achieved', 'closed']"


def _overdue(area: Callable[[str], str]) -> str:
    return f"""
    MATCH (c:Commitment{area("c")}) WHERE c.due_by < $asOf AND {visible("c")}
      AND NOT toLower(coalesce(c.status, '')) IN {COMPLETE}
    WITH c ORDER BY c.due_by, c.seq
    WITH collect(c) AS value
    """


OVERDUE = Question(
    "overdue",
    _overdue(anywhere),
    many=True,
    area="%(v)s.dataset",
    narrowed=_overdue(of_one_area),
)


def _commitments(area: Callable[[str], str]) -> str:
    return f"""
    MATCH (c:Commitment{area("c")})-[:IN_PLAN]->(:Plan)
    WHERE {visible("c")} AND {commitment_in_force("c")}
    WITH c ORDER BY c.seq WITH collect(c) AS value
    """


COMMITMENTS = Question(
    "commitments",
    _commitments(anywhere),
    many=True,
    area="%(v)s.dataset",
    narrowed=_commitments(of_one_area),
)
"""Every commitment that belongs to a plan in force: the candidates for near-duplicate
wording."""


def _links(*patterns: str) -> str:
    """Every {x, e} that one of the patterns (each binding `s`, `e` and `x`, with an optional
    WHERE) reaches, through visible records only."""
    branches = []
    for pattern in patterns:
        path, _, condition = pattern.partition(" WHERE ")
        conditions = " AND ".join(c for c in (condition, visible_path("path")) if c)
        branches.append(f"MATCH path = {path} WHERE {conditions} RETURN {{x: x, e: e}} AS link")
    return "COLLECT { " + "\n  UNION ".join(branches) + " }"


IN_PLAN = "(s:Commitment)-[:PART_OF]->*(:Commitment)-[:IN_PLAN]->(:Plan)-[:PART_OF]->*(:Plan)"
"""A commitment, up through its parents to its plan and the plans that one is part of."""

OWNED = _links(
    "(s)<-[e:OWNS]-(x)",
    "(s:Workstream)<-[:ADDRESSES]-(:Plan)<-[e:OWNS]-(x)",
    "(s:Plan)-[:PART_OF]->+(:Plan)<-[e:OWNS]-(x)",
    f"{IN_PLAN}<-[e:OWNS]-(x)",
    "(s:Body)-[e:HOSTED_BY]->(x)",
)
GOVERNED = _links(
    "(s)<-[e:GOVERNS]-(x)",
    "(s:Plan)-[:PART_OF]->*(:Plan)-[:ADDRESSES]->(:Workstream)<-[e:GOVERNS]-(x)",
    f"{IN_PLAN}<-[e:GOVERNS]-(x)",
    f"{IN_PLAN}-[:ADDRESSES]->(:Workstream)<-[e:GOVERNS]-(x)",
    "(s:Body)-[e:REPORTS_TO]->(x)",
)
LED = _links(
    "(s)<-[e:LEADS|PORTFOLIO_HOLDER_FOR|DELIVERS]-(x)",
    f"(s)<-[:FOR]-(e:Role)<-[:HOLDS]-(x) WHERE e.kind IN {words(ANSWERABLE_KINDS)}",
    "(s:Body)<-[:IN]-(e:Role {kind: 'chair'})<-[:HOLDS]-(x)",
)

OWNERSHIP = Question(
    "ownership",
    f"""
    OPTIONAL MATCH (s:Record:Entity {{id: $id}}) WHERE {visible("s")}
    WITH s, {OWNED} AS owned, {GOVERNED} AS governed, {LED} AS led
    WITH s, owned, governed, led, {distinct("[l IN governed | l.x]")} AS governors
    WITH s, owned, governed, led, governors, COLLECT {{
        UNWIND governors AS g
        MATCH path = (g)-[:REPORTS_TO]->*(x) WHERE x <> s AND {visible_path("path")}
        WITH x, min(length(path)) AS distance
        RETURN x ORDER BY distance, x.name, x.id
      }} AS chain
    WITH CASE WHEN s IS NOT NULL THEN {{subject: s,
           owners: {distinct("[l IN owned | l.x]")},
           governors: governors,
           leads: {distinct("[l IN led | l.x]")},
           chain: chain,
           sources: {evidence_sources("[l IN owned + governed + led | l.e]")}}} END AS value
    """,
)

ROOTS = (NODE, SEARCH, OVERLAPS, GAPS, STORED_OVERLAPS, STORED_GAPS, SHARED_MEMBERS,
         KEPT_SHARED_MEMBERS, OVERDUE, COMMITMENTS, OWNERSHIP)  # fmt: skip
"""The root questions: those with a prelude are planned ahead."""

BEFORE_ANY_RECORD = datetime.date(1, 1, 1)
"""A date to plan the findings of a date with: its type is what counts."""


def plan_ahead(driver: Driver, database: str) -> None:
    """Have Neo4j plan the findings of a date before the first caller asks for them.

    Neo4j plans a query inside its transaction, so planning counts against a question's time
    limit. The first findings of a date took 9.6 s after a server started (3 s of it
    planning their prelude, the rest a planner not yet compiled), over the API's 10 s limit
    on a busy machine. Their preludes (`Question.prelude`), whose text never changes, are
    explained, which leaves their plans in Neo4j's cache for every later date: a plan is
    kept for a query's text and its parameters' names and types, never their values.
    Explained, not asked: the gaps of one day took 8 s to work out at 1M nodes. Once Neo4j
    holds the plans, this costs an app that starts a few tens of milliseconds.

    They are explained side by side: Neo4j plans each query on the thread that asked, and a
    server just started took 4 to 11 s for each (their nested patterns, not their data), so
    one after another kept an app on a cold server from being ready for 27 s."""

    def explain(prelude: Prelude) -> None:
        driver.execute_query("EXPLAIN " + prelude.text, prelude.parameters, database_=database)

    preludes = preludes_planned_ahead()
    with concurrent.futures.ThreadPoolExecutor(len(preludes)) as planners:
        list(planners.map(explain, preludes))  # list: a planner's failure is raised here


def preludes_planned_ahead() -> list[Prelude]:
    """The preludes `plan_ahead` explains: those of each root question, for the whole graph
    and for one area."""
    return [
        prelude
        for root in ROOTS
        for question in (root, in_one_area(root))
        for prelude in question.worked_out({"asOf": BEFORE_ANY_RECORD, "area": ""}, False, FOUND)
    ]


LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


def lucene_phrase(text: str) -> str:
    """Quote free text as a Lucene phrase so user input is never query syntax."""
    return '"' + LUCENE_SPECIAL.sub(r"\\\1", " ".join(text.split())) + '"'


def lucene_ranked(text: str) -> str:
    """Every word required, as itself or as the start of a longer word ("abuse" finds
    "abusers"); a record holding the word itself scores by how much of its name the word
    is, so "Domestic Abuse Board" ranks above an action that mentions domestic abuse, and
    one holding the words as a phrase scores more. A word that only starts a longer one
    scores the same wherever it is found. Words are lower-cased, so "AND", "OR" and "NOT"
    are words to find, never operators (the index lower-cases what it holds)."""
    words = [LUCENE_SPECIAL.sub(r"\\\1", word) for word in text.casefold().split()]
    required = [f"+({word}^2 {word}*)" if len(word) > 2 else f"+{word}" for word in words]
    phrase = [f'"{" ".join(words)}"^4'] if len(words) > 1 else []
    return " ".join(required + phrase) or '""'


def lookup(label: str, *, entity_id: str | None, name: str | None) -> tuple[Question, Row]:
    """The question that finds one `label` by id, or by a name or alias (case and, for people,
    honorifics ignored)."""
    if entity_id is not None:
        return Question(f"{label.lower()}ById", BY_ID, lookup=True, asked=entity_id), {
            "id": entity_id,
            "label": label,
        }
    if name is None:
        raise ValueError("give an id or a name")
    key = name_key(name, person=label == "Person")
    return Question(f"{label.lower()}ByName", BY_NAME, lookup=True, asked=name), {
        "lucene": lucene_phrase(key),
        "key": key,
        "label": label,
    }


def search_params(text: str, first: int) -> Row:
    return {
        "lucene": lucene_ranked(text),
        "key": name_key(text),
        "first": first,
        "pool": first * SEARCH_POOL,
    }


async def read(driver: AsyncDriver, database: str, query: Query, parameters: Row) -> list[Record]:
    """One auto-commit read: RUN and PULL go out together, one network round trip. A managed
    transaction adds BEGIN and COMMIT, and waiting for the COMMIT is a second round trip
    (0.8 ms of a 2 ms lookup). A read is safe to ask again, which `ask` does."""
    async with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        result = await session.run(query, parameters)
        return [record async for record in result]


ANSWER_GRACE = 2.0
"""How long past its time limit the API still waits for a question's answer. Neo4j ends a
transaction that ran too long at its next check, up to a second late, and then answers; a
server that is frozen or cut off never answers, and the caller must not wait for it."""


class TimedOut(Exception):
    """The question ran past the time limit: Neo4j stopped it, or (`unanswered`) Neo4j said
    nothing at all, being frozen or cut off, and the API stopped waiting."""

    def __init__(self, seconds: float, *, unanswered: bool = False) -> None:
        if unanswered:
            message = f"Neo4j gave no answer within {seconds:g} s; try again shortly"
        else:
            message = f"the question took longer than {seconds:g} s; ask for less"
        super().__init__(message)


@dataclass(frozen=True)
class Answers:
    """What one query answered for each of its questions: the candidates a lookup found and
    the data, in the order the questions were composed."""

    candidates: list[list[str] | None]
    data: list[Any]


async def ask(
    driver: AsyncDriver,
    database: str,
    text: str,
    parameters: Row,
    *,
    timeout: float | None = None,
    preludes: Sequence[Prelude] = (),
) -> Answers:
    """Run one composed query (`compose`), after the preludes its questions need: each
    query one round trip, and one Neo4j transaction that the server ends after `timeout`
    seconds; the API waits for them all no longer than that and ANSWER_GRACE. Should a load
    commit while they run, the answer could mix old and new, so they are asked again.

    Giving up cancels the read, and the driver then closes that connection rather than
    return it to the pool: its answer may still arrive, and would be taken for the next."""
    ran: list[tuple[str, Row]] = []
    deadline = time.monotonic() + (timeout or 30.0)
    retry_until = time.monotonic() + RETRY_SECONDS
    try:
        async with asyncio.timeout(None if timeout is None else timeout + ANSWER_GRACE) as limit:
            while True:
                try:
                    guards: list[Any] = []
                    given: Row = {}
                    ran = []
                    for prelude in preludes:
                        ran.append((prelude.text, prelude.parameters))
                        found = await _guarded(
                            driver, database, prelude.text, prelude.parameters, timeout, guards
                        )
                        given[prelude.into] = found["data"][0]
                    query = (text, {**parameters, **given})
                    ran.append(query)
                    record = await _guarded(driver, database, *query, timeout, guards)
                except (ServiceUnavailable, SessionExpired, TransientError):
                    if time.monotonic() > retry_until:
                        raise
                    await asyncio.sleep(SETTLING)
                    continue
                settled = all(seen == guards[0] for seen in guards) and not any(
                    committing for _, _, committing in guards[0]
                )
                if settled:
                    break
                if time.monotonic() > deadline:
                    raise TimedOut(timeout or 30.0)
                await asyncio.sleep(SETTLING)  # a load committed meanwhile: ask again
    except TimeoutError as error:
        if timeout is None or not limit.expired():
            raise
        raise TimedOut(timeout, unanswered=True) from error
    finally:
        record_to = RECORDED.get()
        if record_to is not None:  # the last attempt's queries, each with what it was given
            record_to.extend(ran)
    return Answers(record["candidates"], record["data"])


async def _guarded(
    driver: AsyncDriver,
    database: str,
    text: str,
    parameters: Row,
    timeout: float | None,
    guards: list[Any],
) -> Record:
    """One composed query's record; the load guards it read before and after its questions
    are added to `guards`."""
    try:
        records = await read(driver, database, Query(text, timeout=timeout), parameters)
    except ClientError as error:
        if timeout is not None and "TransactionTimedOut" in (error.code or ""):
            raise TimedOut(timeout) from error
        raise
    record = records[0]
    guards.extend((record["before"], record["after"]))
    return record


def one_answer(question: Question, answers: Answers, index: int = 0) -> Any:
    """A question's data, or Ambiguous when a lookup found several."""
    candidates = answers.candidates[index]
    if question.lookup and candidates is not None and len(candidates) > 1:
        raise Ambiguous(question.asked, tuple(candidates))
    return answers.data[index]
