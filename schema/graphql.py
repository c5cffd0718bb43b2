"""The Query root. Each field asks one question from `queries/` with whatever the request
selects below it: one Bolt round trip per root field."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import strawberry
from graphql import GraphQLError
from neo4j import AsyncDriver
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
from schema.errors import MaskInternalErrors, answerable, bad_argument, log_internal
from schema.selection import selection_of
from schema.types import (
    ENTITY_TYPES,
    Body,
    Commitment,
    Entity,
    Finding,
    Organisation,
    Ownership,
    Person,
    Plan,
    Workstream,
    read_projections,
)

MAX_FIRST = 100
MAX_TEXT = 300
"""Longest id, name or search text accepted: far beyond any real one, short of abuse."""


def _checked(name: str, value: str | None) -> None:
    if value is not None and len(value) > MAX_TEXT:
        raise bad_argument(f"{name} is longer than {MAX_TEXT} characters")


@dataclass(frozen=True)
class Context:
    driver: AsyncDriver
    database: str
    officer: bool = False
    timeout: float | None = None


SHAPE_RULES = [
    *QueryDepthLimiter(max_depth=10).validation_rules,
    *MaxAliasesLimiter(max_alias_count=30).validation_rules,
]
"""Built once: each limiter made per request would bring a new rule class, and the validation
cache, keyed by the rules, would then never hit (validation was half the time of a lookup)."""

LIMITS: list[Callable[[], SchemaExtension]] = [
    partial(AddValidationRules, SHAPE_RULES),
    partial(MaxTokensLimiter, max_token_count=2000),
    MaskInternalErrors,
    partial(ParserCache, maxsize=1024),
    partial(ValidationCache, maxsize=1024),
]
"""Made afresh for each request, since some extensions keep per-request state. Services ask
the same questions again and again: their parsing and validation are cached."""


async def _ask(info: Info[Context, None], question: Question, **params: Any) -> Any:
    context = info.context
    async with answerable():
        return await questions.ask(
            context.driver,
            context.database,
            question,
            params,
            selection_of(info._raw_info),
            officer=context.officer,
            timeout=context.timeout,
        )


async def _lookup(
    info: Info[Context, None], label: str, entity_id: strawberry.ID | None, name: str | None
) -> Any:
    if (entity_id is None) == (name is None):
        raise bad_argument("give exactly one of id and name")
    _checked("id", entity_id)
    _checked("name", name)
    question, params = questions.lookup(
        label, entity_id=None if entity_id is None else str(entity_id), name=name
    )
    return await _ask(info, question, **params)


LOOKUP = (
    "By id, or by name or alias (case-insensitive; honorifics ignored for people). "
    "Several matches are an error listing their ids; none is null."
)


@strawberry.type
class Query:
    @strawberry.field(description="Any entity by its stable id.")
    async def node(self, info: Info[Context, None], id: strawberry.ID) -> Entity | None:
        _checked("id", id)
        return await _ask(info, questions.NODE, id=str(id))  # type: ignore[no-any-return]

    @strawberry.field(description="Entities whose names or aliases match the words given.")
    async def search(
        self, info: Info[Context, None], text: str, first: int | None = 20
    ) -> list[Entity]:
        first = 20 if first is None else first
        _checked("text", text)
        if not 1 <= first <= MAX_FIRST:
            raise bad_argument(f"first must be between 1 and {MAX_FIRST}")
        if not text.strip():
            return []
        params = questions.search_params(text, first)
        return await _ask(info, questions.SEARCH, **params)  # type: ignore[no-any-return]

    @strawberry.field(description=LOOKUP)
    async def organisation(
        self, info: Info[Context, None], id: strawberry.ID | None = None, name: str | None = None
    ) -> Organisation | None:
        return await _lookup(info, "Organisation", id, name)  # type: ignore[no-any-return]

    @strawberry.field(description=LOOKUP)
    async def person(
        self, info: Info[Context, None], id: strawberry.ID | None = None, name: str | None = None
    ) -> Person | None:
        return await _lookup(info, "Person", id, name)  # type: ignore[no-any-return]

    @strawberry.field(description=LOOKUP)
    async def body(
        self, info: Info[Context, None], id: strawberry.ID | None = None, name: str | None = None
    ) -> Body | None:
        return await _lookup(info, "Body", id, name)  # type: ignore[no-any-return]

    @strawberry.field(description=LOOKUP)
    async def workstream(
        self, info: Info[Context, None], id: strawberry.ID | None = None, name: str | None = None
    ) -> Workstream | None:
        return await _lookup(info, "Workstream", id, name)  # type: ignore[no-any-return]

    @strawberry.field(description=LOOKUP)
    async def plan(
        self, info: Info[Context, None], id: strawberry.ID | None = None, name: str | None = None
    ) -> Plan | None:
        return await _lookup(info, "Plan", id, name)  # type: ignore[no-any-return]

    @strawberry.field(
        description="Where bodies govern the same thing, or one governs what another owns, "
        "or a plan answers to several bodies, or work is committed twice."
    )
    async def governance_overlaps(
        self, info: Info[Context, None], as_of: datetime.date | None = None
    ) -> list[Finding]:
        return await _ask(info, questions.OVERLAPS, asOf=as_of)  # type: ignore[no-any-return]

    @strawberry.field(
        description="Where governance is missing: no group, strategy, indicators, lead, owner "
        "or governance at all."
    )
    async def governance_gaps(
        self, info: Info[Context, None], as_of: datetime.date | None = None
    ) -> list[Finding]:
        return await _ask(info, questions.GAPS, asOf=as_of)  # type: ignore[no-any-return]

    @strawberry.field(
        description="People holding a seat (chair, deputy, member) on several bodies."
    )
    async def shared_members(
        self,
        info: Info[Context, None],
        min_bodies: int | None = 2,
        as_of: datetime.date | None = None,
    ) -> list[Person]:
        min_bodies = 2 if min_bodies is None else min_bodies
        if min_bodies < 1:
            raise bad_argument("minBodies must be at least 1")
        return await _ask(  # type: ignore[no-any-return]
            info, questions.SHARED_MEMBERS, minBodies=min_bodies, asOf=as_of
        )

    @strawberry.field(
        description="Commitments whose due date has passed by `asOf` and that are not "
        "recorded as complete."
    )
    async def overdue(self, info: Info[Context, None], as_of: datetime.date) -> list[Commitment]:
        return await _ask(info, questions.OVERDUE, asOf=as_of)  # type: ignore[no-any-return]

    @strawberry.field(description="Who owns, governs and leads any entity, and the chain above.")
    async def ownership(self, info: Info[Context, None], id: strawberry.ID) -> Ownership | None:
        _checked("id", id)
        return await _ask(info, questions.OWNERSHIP, id=str(id))  # type: ignore[no-any-return]


class GovSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        log_internal(errors, execution_context)


schema = GovSchema(query=Query, types=ENTITY_TYPES, extensions=LIMITS)
read_projections(schema._schema, root="Query")
