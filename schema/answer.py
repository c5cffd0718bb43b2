"""Answer each request from one compiled query, bounded before it runs.

For a document graphql-core has parsed and validated (both cached), `CompiledAnswers` reads
the root fields and their arguments, compiles the operation once (schema/compile.py; plans
kept in a bounded cache, keyed by document, operation, the questions its arguments choose and
the values of its @skip/@include conditions), counts the records the response may hold, and
refuses a request over budget with a coded error before Neo4j sees it. Otherwise one query
runs and its rows are built into the response's data. Introspection is left to graphql-core.
"""

from __future__ import annotations

import asyncio
import datetime
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Hashable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeVar

import strawberry
from graphql import (
    DirectiveNode,
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLScalarType,
    GraphQLSchema,
    OperationDefinitionNode,
    VariableNode,
    Visitor,
    build_schema,
    get_operation_ast,
    is_non_null_type,
    print_ast,
    value_from_ast_untyped,
    visit,
)
from graphql.execution.collect_fields import FieldDetails
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values
from strawberry.extensions import SchemaExtension

from graph.model import RelationType, RoleKind
from queries import questions
from queries.questions import Question
from schema.compile import (
    Meanings,
    Plan,
    RootField,
    compile_plan,
    nodes,
    own,
    root_fields,
    root_parameters,
)
from schema.declare import Context, meaning_of
from schema.errors import BAD_USER_INPUT, TIMEOUT, answerable

Row = dict[str, Any]
Roots = Mapping[str, Callable[[Row], tuple[Question, Row]]]

MAX_NODES = 2_000_000
"""The most records a response may hold, counted before it runs as GitHub's API counts
nodes: each list at its `first` (default 100 below the root), nested lists multiplied. The
contract's deepest question (a person's roles, their bodies' meetings, their attendees) counts
1,010,501 at the defaults; a list nested once more, 100 times that, is refused before Neo4j
sees it."""
TOO_COSTLY = "TOO_COSTLY"

GRACE = questions.ANSWER_GRACE + 1.0
"""How far past its time limit a whole request (compiling, asking, building the answer) may
run before the caller is told TIMEOUT: Neo4j's own limit and the wait for a silent server
(queries/questions.py) come first; this bounds the rest."""

PLANS = 512
"""Compiled plans kept: services ask the same few documents again and again."""

ENUMS: dict[str, type[Enum]] = {"RoleKind": RoleKind, "RelationType": RelationType}
"""Enum arguments, read as the words the graph stores."""


@dataclass(frozen=True)
class Asked:
    """One root field as a request asks it."""

    key: str
    details: list[FieldDetails]
    question: Question | None = None
    params: Row | None = None
    error: GraphQLError | None = None


class CompiledAnswers:
    """Compiles and answers operations against a schema's declarations (`bind`)."""

    def __init__(self, roots: Roots) -> None:
        self.roots = roots
        self.prepared: Recent[Prepared] = Recent(PLANS)
        self.root_fields: Recent[Mapping[str, list[FieldDetails]]] = Recent(PLANS)
        self.plans: Recent[Plan] = Recent(PLANS)

    def bind(self, schema: strawberry.Schema) -> None:
        """Read the declarations of the schema built with these extensions."""
        self.graphql: GraphQLSchema = _with_dates(build_schema(schema.as_str()))
        self.meanings = _meanings(schema)

    def extension(self, *, run: bool) -> Callable[[], SchemaExtension]:
        """The extension that answers every operation (`run`), or that only refuses what
        is over budget and leaves the answer to graphql-core (the reference)."""
        answers = self

        class Compiled(SchemaExtension):
            async def on_execute(self) -> AsyncIterator[None]:
                ctx = self.execution_context
                if ctx.graphql_document is not None and isinstance(ctx.context, Context):
                    limit = ctx.context.timeout
                    try:
                        async with asyncio.timeout(None if limit is None else limit + GRACE):
                            result = await answers.answer(
                                ctx.graphql_document,
                                ctx.operation_name,
                                ctx.variables,
                                ctx.context,
                                run=run,
                                text=ctx.query,
                            )
                    except TimeoutError:
                        timed_out = questions.TimedOut(limit or 0.0)
                        result = ExecutionResult(
                            None, [GraphQLError(str(timed_out), extensions={"code": TIMEOUT})]
                        )
                    except GraphQLError as error:
                        result = ExecutionResult(None, [error])
                    except Exception as error:  # masked for the caller, logged with its trace
                        result = ExecutionResult(
                            None, [GraphQLError(str(error), original_error=error)]
                        )
                    if result is not None:
                        ctx.result = result
                yield

        return Compiled

    async def answer(
        self,
        document: DocumentNode,
        operation_name: str | None,
        variables: Row | None,
        context: Context,
        *,
        run: bool = True,
        text: str | None = None,
    ) -> ExecutionResult | None:
        """The response, or None when graphql-core should answer (introspection, or
        anything within budget when not `run`)."""
        source = text if text is not None else print_ast(document)
        prepared = self.prepared.get((source, operation_name))
        if prepared is None:
            prepared = _prepare(document, operation_name)
            self.prepared.put((source, operation_name), prepared)
        if prepared.operation is None or prepared.introspects:
            return None
        operation, fragments = prepared.operation, prepared.fragments
        coerced = get_variable_values(
            self.graphql, operation.variable_definitions or (), variables or {}
        )
        if isinstance(coerced, list):
            return ExecutionResult(None, coerced)
        conditions = tuple((name, coerced.coerced.get(name)) for name in prepared.conditions)
        roots = self.root_fields.get((source, operation_name, conditions))
        if roots is None:
            roots = root_fields(self.graphql, fragments, operation, coerced)
            self.root_fields.put((source, operation_name, conditions), roots)
        asked = self._asked(roots, coerced)
        errors = [a.error for a in asked if a.error is not None]
        if any(a.error is not None and self._required(a) for a in asked):
            return ExecutionResult(None, errors)
        plan, params = self._plan(source, fragments, operation, coerced, asked, conditions)
        try:
            arguments = plan.parameters(coerced, context.officer)
        except GraphQLError as error:
            return ExecutionResult(None, [error])
        count = nodes(plan.costs, arguments)
        if count > MAX_NODES:
            message = (
                f"this request could return {count:,} records, more than the {MAX_NODES:,} "
                "allowed: ask for fewer (smaller `first`, less nesting)"
            )
            return ExecutionResult(
                None, [GraphQLError(message, extensions={"code": TOO_COSTLY, "cost": count})]
            )
        if not run:
            return None
        return await self._run(plan, {**params, **arguments}, asked, context, errors)

    def _asked(
        self, roots: Mapping[str, list[FieldDetails]], variables: VariableValues
    ) -> list[Asked]:
        query = self.graphql.query_type
        assert query is not None
        asked: list[Asked] = []
        for key, details in roots.items():
            name = details[0].node.name.value
            if name == "__typename":
                asked.append(Asked(key, details))
                continue
            try:
                args = get_argument_values(query.fields[name], details[0].node, variables)
                question, params = self.roots[name](args)
            except GraphQLError as error:
                asked.append(Asked(key, details, error=_at(error, details[0].node, key)))
                continue
            asked.append(Asked(key, details, question, params))
        return asked

    def _required(self, asked: Asked) -> bool:
        """Whether a root field is non-null, so that its error nulls all the data."""
        query = self.graphql.query_type
        assert query is not None
        return is_non_null_type(query.fields[asked.details[0].node.name.value].type)

    def _plan(
        self,
        source: str,
        fragments: list[FragmentDefinitionNode],
        operation: OperationDefinitionNode,
        variables: VariableValues,
        asked: list[Asked],
        conditions: tuple[Any, ...],
    ) -> tuple[Plan, Row]:
        answered = [a for a in asked if a.error is None]
        key = (
            source,
            operation.name.value if operation.name else None,
            tuple((a.key, a.question.plan_key if a.question else None) for a in answered),
            conditions,
        )
        params = root_parameters(
            [(a.key, a.details, a.params if a.question else None) for a in answered]
        )
        plan = self.plans.get(key)
        if plan is not None:
            return plan, params
        plan = compile_plan(
            self.graphql,
            self.meanings,
            ENUMS,
            fragments,
            operation,
            variables,
            [(a.key, a.details, a.question, a.params or {}) for a in answered],
        )
        self.plans.put(key, plan)
        return plan, params

    async def _run(
        self,
        plan: Plan,
        params: Row,
        asked: list[Asked],
        context: Context,
        errors: list[GraphQLError],
    ) -> ExecutionResult:
        data: Row = {}
        failed = {a.key for a in asked if a.error is not None}
        roots = {root.key: root for root in plan.roots}
        answers = None
        if any(root.index is not None for root in plan.roots):
            async with answerable():
                answers = await questions.ask(
                    context.driver,
                    context.database,
                    plan.text,
                    {**params, "officer": context.officer},
                    timeout=context.timeout,
                    preludes=_preludes(asked, roots, context),
                )
        for a in asked:
            if a.key in failed:
                data[a.key] = None
                continue
            root = roots[a.key]
            if root.index is None or root.build is None or answers is None:
                data[a.key] = "Query"
                continue
            candidates = answers.candidates[root.index]
            if a.question is not None and a.question.lookup and candidates and len(candidates) > 1:
                ambiguous = questions.Ambiguous(a.question.asked, tuple(candidates))
                errors.append(
                    GraphQLError(
                        str(ambiguous),
                        [root.node],
                        path=[a.key],
                        extensions={"code": BAD_USER_INPUT, "candidates": list(candidates)},
                    )
                )
                data[a.key] = None
                continue
            data[a.key] = root.build(answers.data[root.index])
        return ExecutionResult(data, errors or None)


def _preludes(
    asked: list[Asked], roots: Mapping[str, RootField], context: Context
) -> list[questions.Prelude]:
    """What the plan's questions need asked first, each answer named as the plan names the
    question's own parameters."""
    preludes: list[questions.Prelude] = []
    for a in asked:
        root = roots.get(a.key)
        if a.question is None or a.error is not None or root is None or root.index is None:
            continue
        into = own(root.index) + questions.FOUND
        preludes.extend(a.question.worked_out(a.params or {}, context.officer, into))
    return preludes


def _with_dates(built: GraphQLSchema) -> GraphQLSchema:
    """The schema read back from its SDL knows `Date` only by name: teach it to read one, as
    the served schema does, so that arguments reach Cypher as dates."""
    scalar = built.type_map["Date"]
    assert isinstance(scalar, GraphQLScalarType)

    def literal(node: Any, *_: Any) -> datetime.date:
        return _iso_date(value_from_ast_untyped(node))

    scalar.parse_value = scalar.coerce_input_value = _iso_date  # type: ignore[method-assign]
    scalar.parse_literal = scalar.coerce_input_literal = literal  # type: ignore[method-assign, assignment]
    return built


def _iso_date(value: Any) -> datetime.date:
    if not isinstance(value, str):
        raise TypeError(f"a date must be given as text (YYYY-MM-DD), not {value!r}")
    return datetime.date.fromisoformat(value)


def _introspects(node: Any) -> bool:
    return isinstance(node, FieldNode) and node.name.value in ("__schema", "__type")


def _at(error: GraphQLError, node: FieldNode, key: str) -> GraphQLError:
    """An argument's error, placed at the root field it belongs to."""
    return GraphQLError(error.message, [node], path=[key], extensions=error.extensions)


@dataclass(frozen=True)
class Prepared:
    """What a document says once parsed, read once: the operation asked, its fragments,
    whether it introspects, and the variables its @skip and @include read (their values
    change which fields it selects, so root fields and plans are kept for each)."""

    operation: OperationDefinitionNode | None
    fragments: list[FragmentDefinitionNode]
    introspects: bool
    conditions: tuple[str, ...]


def _prepare(document: DocumentNode, operation_name: str | None) -> Prepared:
    operation = get_operation_ast(document, operation_name)
    used: set[str] = set()

    class Conditions(Visitor):
        def enter_directive(self, node: DirectiveNode, *_: Any) -> None:
            used.update(
                arg.value.name.value
                for arg in node.arguments or ()
                if isinstance(arg.value, VariableNode)
            )

    visit(document, Conditions())
    return Prepared(
        operation,
        [d for d in document.definitions if isinstance(d, FragmentDefinitionNode)],
        operation is not None and any(_introspects(n) for n in operation.selection_set.selections),
        tuple(sorted(used)),
    )


T = TypeVar("T")


class Recent(Generic[T]):
    """The most recently used values, at most `size` of them (least recent out first)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[Hashable, T] = OrderedDict()

    def get(self, key: Hashable) -> T | None:
        value = self._values.get(key)
        if value is not None:
            self._values.move_to_end(key)
        return value

    def put(self, key: Hashable, value: T) -> None:
        self._values[key] = value
        if len(self._values) > self.size:
            self._values.popitem(last=False)

    def values(self) -> list[T]:
        return list(self._values.values())


def _meanings(schema: strawberry.Schema) -> Meanings:
    """Every declared field's meaning, by type and GraphQL field name."""
    found: dict[str, dict[str, Any]] = {}
    convert = schema.config.name_converter
    for type_name in _type_names(schema):
        definition = schema.get_type_by_name(type_name)
        for field in getattr(definition, "fields", ()):
            meaning = meaning_of(field)
            if meaning is not None:
                found.setdefault(type_name, {})[convert.get_graphql_name(field)] = meaning
    return found


def _type_names(schema: strawberry.Schema) -> list[str]:
    graphql = build_schema(schema.as_str())
    return [name for name in graphql.type_map if not name.startswith("__")]
