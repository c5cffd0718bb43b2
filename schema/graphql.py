"""The Query root, and the schema built from the declarations.

Each root field is declared once: its arguments and description on `Query`, and in `ROOTS`
how those arguments become a question of queries/questions.py (checked there, for both ways
of answering). Every request is answered by `CompiledAnswers` (schema/answer.py) from one
compiled query; the resolvers below really run, field by field, for introspection's sake
and as the reference the compiled answers are tested against (`reference_schema`).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.types import ExecutionContext, Info

from queries import questions
from queries.questions import Question
from schema.answer import CompiledAnswers, Roots
from schema.declare import Context, bounded_first
from schema.errors import MaskInternalErrors, answerable, bad_argument, log_internal
from schema.types import (
    ENTITY_TYPES,
    Body,
    Commitment,
    Entity,
    Finding,
    Organisation,
    Ownership,
    Page,
    Person,
    Plan,
    Workstream,
)

Row = dict[str, Any]

MAX_TEXT = 300
"""Longest id, name or search text accepted: far beyond any real one, short of abuse."""

LIST_FIRST = 100
"""How many findings, members or commitments a root list gives when `first` is not said."""
LIST_MAX_FIRST = 10_000
SEARCH_FIRST = 20
SEARCH_MAX_FIRST = 100


def _checked(name: str, value: str | None) -> None:
    if value is not None and len(value) > MAX_TEXT:
        raise bad_argument(f"{name} is longer than {MAX_TEXT} characters")


def _by_id(question: Question) -> Callable[[Row], tuple[Question, Row]]:
    """A root field that takes one entity's id."""

    def ask(args: Row) -> tuple[Question, Row]:
        _checked("id", args["id"])
        return question, {"id": str(args["id"])}

    return ask


def _search(args: Row) -> tuple[Question, Row]:
    text, first = args["text"], bounded_first(args["first"], SEARCH_FIRST, SEARCH_MAX_FIRST)
    _checked("text", text)
    if not text.strip():
        return questions.NOTHING, {"first": first}
    return questions.SEARCH, {**questions.search_params(text, first), "first": first}


def _lookup(label: str, args: Row) -> tuple[Question, Row]:
    entity_id, name = args.get("id"), args.get("name")
    if (entity_id is None) == (name is None):
        raise bad_argument("give exactly one of id and name")
    _checked("id", entity_id)
    _checked("name", name)
    return questions.lookup(
        label, entity_id=None if entity_id is None else str(entity_id), name=name
    )


def _listing(question: Question) -> Callable[[Row], tuple[Question, Row]]:
    """A root list: its arguments as the question's parameters, `first` bounded."""

    def ask(args: Row) -> tuple[Question, Row]:
        _checked("area", args.get("area"))
        first = bounded_first(args["first"], LIST_FIRST, LIST_MAX_FIRST)
        asked = question if args.get("area") is None else questions.in_one_area(question)
        return asked, {**args, "first": first}

    return ask


def _dated_or_kept(dated: Question, kept: Question) -> Callable[[Row], tuple[Question, Row]]:
    """Findings and seats for a date are worked out for it; for every date, read as the
    last load kept them (queries/stored.py)."""
    listing, every_date = _listing(dated), _listing(kept)
    return lambda args: every_date(args) if args.get("asOf") is None else listing(args)


CURSOR = re.compile(r"[0-9]{1,9}")


def _paged(
    listing: Callable[[Row], tuple[Question, Row]],
) -> Callable[[Row], tuple[Question, Row]]:
    """A root list a page at a time: `after` is the cursor a page of the same list ended at
    (none: from the start)."""

    def ask(args: Row) -> tuple[Question, Row]:
        after = args.get("after")
        if after is not None and not CURSOR.fullmatch(after):
            raise bad_argument("after must be a cursor a page of this list ended at")
        question, params = listing({name: v for name, v in args.items() if name != "after"})
        return questions.paged(question), {**params, "offset": int(after or 0)}

    return ask


SHARED_MEMBERS = _dated_or_kept(questions.SHARED_MEMBERS, questions.KEPT_SHARED_MEMBERS)


def _shared_members(args: Row) -> tuple[Question, Row]:
    bodies = 2 if args["minBodies"] is None else args["minBodies"]
    if bodies < 1:
        raise bad_argument("minBodies must be at least 1")
    return SHARED_MEMBERS({**args, "minBodies": bodies})


LISTS: Roots = {
    "governanceOverlaps": _dated_or_kept(questions.OVERLAPS, questions.STORED_OVERLAPS),
    "governanceGaps": _dated_or_kept(questions.GAPS, questions.STORED_GAPS),
    "sharedMembers": _shared_members,
    "overdue": _listing(questions.OVERDUE),
    "commitments": _listing(questions.COMMITMENTS),
}
"""The long root lists: each is also asked a page at a time, as `<name>Page`."""

ROOTS: Roots = {
    "node": _by_id(questions.NODE),
    "search": _search,
    **{label.lower(): partial(_lookup, label) for label in
       ("Organisation", "Person", "Body", "Workstream", "Plan")},
    **LISTS,
    **{f"{name}Page": _paged(listing) for name, listing in LISTS.items()},
    "ownership": _by_id(questions.OWNERSHIP),
}  # fmt: skip
"""How each root field's arguments (by their GraphQL names) become a question."""


async def _reference(info: Info[Context, None], **args: Any) -> Any:
    """The reference reading of a root field: its question's records themselves, which the
    fields below then read one by one."""
    question, params = ROOTS[info.field_name](args)
    context = info.context
    async with answerable():
        answers = await questions.ask(
            context.driver,
            context.database,
            question.as_records(),
            {**params, "officer": context.officer},
            timeout=context.timeout,
            preludes=question.worked_out(params, context.officer, questions.FOUND),
        )
        value = questions.one_answer(question, answers)
    return value[: params["first"]] if question.many and value is not None else value


LOOKUP = (
    "By id, or by name or alias (case-insensitive; honorifics ignored for people). "
    "Several matches are an error listing their ids; none is null."
)
AREA = strawberry.argument(
    description="Only this area: the name of the dataset it was loaded from (`kirklees`)."
)
AFTER = strawberry.argument(
    description="The `endCursor` of the page before; none for the first page."
)
PAGED = "{}, a page at a time, with the total: the same list in the same order."


@strawberry.type
class Query:
    @strawberry.field(description="Any entity by its stable id.")
    async def node(self, info: Info[Context, None], id: strawberry.ID) -> Entity | None:
        return await _reference(info, id=id)  # type: ignore[no-any-return]

    @strawberry.field(description="Entities whose names or aliases match the words given.")
    async def search(
        self, info: Info[Context, None], text: str, first: int | None = SEARCH_FIRST
    ) -> list[Entity]:
        return await _reference(info, text=text, first=first)  # type: ignore[no-any-return]

    @strawberry.field(description=LOOKUP)
    async def organisation(
        self, info: Info[Context, None], id: strawberry.ID | None = None, name: str | None = None
    ) -> Organisation | None:
        return await _reference(info, id=id, name=name)  # type: ignore[no-any-return]

    @strawberry.field(description=LOOKUP)
    async def person(
        self, info: Info[Context, None], id: strawberry.ID | None = None, name: str | None = None
    ) -> Person | None:
        return await _reference(info, id=id, name=name)  # type: ignore[no-any-return]

    @strawberry.field(description=LOOKUP)
    async def body(
        self, info: Info[Context, None], id: strawberry.ID | None = None, name: str | None = None
    ) -> Body | None:
        return await _reference(info, id=id, name=name)  # type: ignore[no-any-return]

    @strawberry.field(description=LOOKUP)
    async def workstream(
        self, info: Info[Context, None], id: strawberry.ID | None = None, name: str | None = None
    ) -> Workstream | None:
        return await _reference(info, id=id, name=name)  # type: ignore[no-any-return]

    @strawberry.field(description=LOOKUP)
    async def plan(
        self, info: Info[Context, None], id: strawberry.ID | None = None, name: str | None = None
    ) -> Plan | None:
        return await _reference(info, id=id, name=name)  # type: ignore[no-any-return]

    @strawberry.field(
        description="Where bodies govern the same thing, or one governs what another owns, "
        "or a plan answers to several bodies, or work is committed twice."
    )
    async def governance_overlaps(
        self,
        info: Info[Context, None],
        as_of: datetime.date | None = None,
        first: int | None = LIST_FIRST,
        area: Annotated[str | None, AREA] = None,
    ) -> list[Finding]:
        return await _reference(info, asOf=as_of, first=first, area=area)  # type: ignore[no-any-return]

    @strawberry.field(
        description="Where governance is missing: no group, strategy, indicators, lead, owner "
        "or governance at all."
    )
    async def governance_gaps(
        self,
        info: Info[Context, None],
        as_of: datetime.date | None = None,
        first: int | None = LIST_FIRST,
        area: Annotated[str | None, AREA] = None,
    ) -> list[Finding]:
        return await _reference(info, asOf=as_of, first=first, area=area)  # type: ignore[no-any-return]

    @strawberry.field(
        description="People holding a seat (chair, deputy, member) on several bodies."
    )
    async def shared_members(
        self,
        info: Info[Context, None],
        min_bodies: int | None = 2,
        as_of: datetime.date | None = None,
        first: int | None = LIST_FIRST,
        area: Annotated[str | None, AREA] = None,
    ) -> list[Person]:
        return await _reference(  # type: ignore[no-any-return]
            info, minBodies=min_bodies, asOf=as_of, first=first, area=area
        )

    @strawberry.field(
        description="Commitments whose due date has passed by `asOf` and that are not "
        "recorded as complete."
    )
    async def overdue(
        self,
        info: Info[Context, None],
        as_of: datetime.date,
        first: int | None = LIST_FIRST,
        area: Annotated[str | None, AREA] = None,
    ) -> list[Commitment]:
        return await _reference(info, asOf=as_of, first=first, area=area)  # type: ignore[no-any-return]

    @strawberry.field(
        description="Commitments of the plans in force on `asOf` (of every plan, without it): "
        "the work a review compares for duplication."
    )
    async def commitments(
        self,
        info: Info[Context, None],
        as_of: datetime.date | None = None,
        first: int | None = LIST_FIRST,
        area: Annotated[str | None, AREA] = None,
    ) -> list[Commitment]:
        return await _reference(info, asOf=as_of, first=first, area=area)  # type: ignore[no-any-return]

    @strawberry.field(description=PAGED.format("`governanceOverlaps`"))
    async def governance_overlaps_page(
        self,
        info: Info[Context, None],
        as_of: datetime.date | None = None,
        first: int | None = LIST_FIRST,
        after: Annotated[str | None, AFTER] = None,
        area: Annotated[str | None, AREA] = None,
    ) -> Page[Finding]:
        return await _reference(  # type: ignore[no-any-return]
            info, asOf=as_of, first=first, after=after, area=area
        )

    @strawberry.field(description=PAGED.format("`governanceGaps`"))
    async def governance_gaps_page(
        self,
        info: Info[Context, None],
        as_of: datetime.date | None = None,
        first: int | None = LIST_FIRST,
        after: Annotated[str | None, AFTER] = None,
        area: Annotated[str | None, AREA] = None,
    ) -> Page[Finding]:
        return await _reference(  # type: ignore[no-any-return]
            info, asOf=as_of, first=first, after=after, area=area
        )

    @strawberry.field(description=PAGED.format("`sharedMembers`"))
    async def shared_members_page(
        self,
        info: Info[Context, None],
        min_bodies: int | None = 2,
        as_of: datetime.date | None = None,
        first: int | None = LIST_FIRST,
        after: Annotated[str | None, AFTER] = None,
        area: Annotated[str | None, AREA] = None,
    ) -> Page[Person]:
        return await _reference(  # type: ignore[no-any-return]
            info, minBodies=min_bodies, asOf=as_of, first=first, after=after, area=area
        )

    @strawberry.field(description=PAGED.format("`overdue`"))
    async def overdue_page(
        self,
        info: Info[Context, None],
        as_of: datetime.date,
        first: int | None = LIST_FIRST,
        after: Annotated[str | None, AFTER] = None,
        area: Annotated[str | None, AREA] = None,
    ) -> Page[Commitment]:
        return await _reference(  # type: ignore[no-any-return]
            info, asOf=as_of, first=first, after=after, area=area
        )

    @strawberry.field(description=PAGED.format("`commitments`"))
    async def commitments_page(
        self,
        info: Info[Context, None],
        as_of: datetime.date | None = None,
        first: int | None = LIST_FIRST,
        after: Annotated[str | None, AFTER] = None,
        area: Annotated[str | None, AREA] = None,
    ) -> Page[Commitment]:
        return await _reference(  # type: ignore[no-any-return]
            info, asOf=as_of, first=first, after=after, area=area
        )

    @strawberry.field(description="Who owns, governs and leads any entity, and the chain above.")
    async def ownership(self, info: Info[Context, None], id: strawberry.ID) -> Ownership | None:
        return await _reference(info, id=id)  # type: ignore[no-any-return]


SHAPE_RULES = [
    *QueryDepthLimiter(max_depth=10).validation_rules,
    *MaxAliasesLimiter(max_alias_count=30).validation_rules,
]
"""Built once: each limiter made per request would bring a new rule class, and the validation
cache, keyed by the rules, would then never hit (validation was half the time of a lookup)."""

CHECKS: list[Callable[[], SchemaExtension]] = [
    partial(AddValidationRules, SHAPE_RULES),
    partial(MaxTokensLimiter, max_token_count=2000),
    MaskInternalErrors,
    partial(ParserCache, maxsize=1024),
    partial(ValidationCache, maxsize=1024),
]
"""Made afresh for each request, since some extensions keep per-request state. Services ask
the same questions again and again: their parsing and validation are cached."""


class GovSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        log_internal(errors, execution_context)


answers = CompiledAnswers(ROOTS)

schema = GovSchema(
    query=Query, types=ENTITY_TYPES, extensions=[*CHECKS, answers.extension(run=True)]
)
"""The schema the API serves: every operation answered by one compiled query."""

reference_schema = GovSchema(
    query=Query, types=ENTITY_TYPES, extensions=[*CHECKS, answers.extension(run=False)]
)
"""The same declarations answered field by field through the resolvers, within the same
limits: the reference the compiled answers are tested against."""

answers.bind(schema)
