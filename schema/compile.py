"""Compile a GraphQL request into one Cypher query whose result is already its data.

For a validated document, the compiler collects the fields the operation selects (graphql-
core's own field collection: fragments, @skip, @include), joins the Cypher meaning each field
declares (schema/declare.py) into one query with one subquery per root field, and builds, once,
the small functions that turn the query's rows into the response: every object comes back as
a list of its values in a canonical order, so the same fields asked in another order give the
same Cypher text and Neo4j's plan cache hits, and only the response keys follow the request.
Fields that read one property and nothing else (an id, a name, a date) are read by name from
a parameter listing the properties asked, so the text does not say which of them a request
selects either: Neo4j plans each shape of request (which records, how nested) once, however
its plain fields vary. Planning is most of what a request of a new shape costs (up to a
second for an ownership).

Argument values are never spliced into the text: each becomes a parameter, read from the
request (variables included) each time the compiled plan is used.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    OperationDefinitionNode,
    Undefined,
    get_named_type,
    get_nullable_type,
    print_ast,
    value_from_ast,
)
from graphql.execution.collect_fields import (
    FieldDetails,
    FragmentDetails,
    collect_fields,
    collect_subfields,
)
from graphql.execution.values import VariableValues, get_argument_values

from graph.public import Names, names_read, read_named
from queries.questions import FOUND, Question, compose
from schema.declare import CONTACT, READABLE, TEXTS, WORDS, Meaning, bounded_first

Row = dict[str, Any]
Build = Callable[[Any], Any]
"""Turns what the query returned for one value into the response's value."""

TYPENAME = "__typename"
ID = "id"
PLAIN = "plain_fields"
"""The parameter holding the names of the properties plain fields read, by object."""


@dataclass(frozen=True)
class Argument:
    """An argument of a selected field, read from each request into a parameter."""

    parameter: str
    definition: GraphQLField
    node: FieldNode
    name: str
    enum: type[Enum] | None = None
    bound: Callable[[Any], int] | None = None
    """For `first`: its value as the list is cut (null: the default), or a refusal."""

    def value(self, variables: VariableValues) -> Any:
        value = get_argument_values(self.definition, self.node, variables).get(self.name)
        if value is Undefined:
            value = None
        if self.bound is not None:
            return self.bound(value)
        if self.enum is not None and value is not None:
            words = self.enum
            return [words[name].value for name in value] if isinstance(value, list) else value
        return value


@dataclass(frozen=True)
class Cost:
    """A selected field that returns records: one, or a list bounded by `first`. A value of
    an interface type is one of several types: `either` holds the cost of each, and the
    dearest counts."""

    first: Argument | None = None
    below: tuple[Cost, ...] = ()
    either: tuple[tuple[Cost, ...], ...] = ()


def nodes(costs: Sequence[Cost], parameters: Row, factor: int = 1) -> int:
    """How many records a response may hold at most, given the plan's `parameters` for this
    request: nested lists multiply (GitHub's count)."""
    total = 0
    for cost in costs:
        if cost.either:
            total += max(nodes(option, parameters, factor) for option in cost.either)
            continue
        count = factor * (parameters[cost.first.parameter] if cost.first else 1)
        total += count + nodes(cost.below, parameters, count)
    return total


@dataclass(frozen=True)
class RootField:
    """A root field as asked: its response key and node; `index` is where its answer sits
    in the query's result (None for `__typename`)."""

    key: str
    node: FieldNode
    index: int | None = None
    build: Build | None = None


@dataclass(frozen=True)
class Plan:
    text: str
    roots: tuple[RootField, ...]
    arguments: tuple[Argument, ...]
    costs: tuple[Cost, ...]
    properties: dict[bool, Row]
    """The lists naming the properties each object's plain fields read, for the public and
    for officers (graph.public.names_read): the same for every request of the plan. They
    are one map parameter (PLAIN): Neo4j keeps a plan for a text and the types of its
    parameters, and it types a list by its items (an empty list, a list with a null in it)
    but a map only as a map."""

    def parameters(self, variables: VariableValues, officer: bool) -> Row:
        asked = {a.parameter: a.value(variables) for a in self.arguments}
        return {PLAIN: self.properties[officer], **asked}


Meanings = Mapping[str, Mapping[str, Meaning]]
"""Type name -> field name -> its declared meaning."""

PARAMETER = re.compile(r"\$([A-Za-z_]\w*)")


@dataclass
class Compiler:
    """Compiles one operation; a new one for each plan (it numbers variables and parameters)."""

    schema: GraphQLSchema
    meanings: Meanings
    enums: Mapping[str, type[Enum]]
    fragments: dict[str, FragmentDetails]
    variables: VariableValues
    operation: OperationDefinitionNode
    arguments: list[Argument] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)
    """The plain fields each object reads, by the parameter that will name them."""

    def root(
        self, question: Question, params: Row, index: int, details: list[FieldDetails]
    ) -> tuple[str, Build, Cost]:
        """The subquery answering one root field (its parameters renamed as `own_names`
        renames them), how to build its answer, and its cost."""
        query = self.schema.query_type
        assert query is not None
        definition = query.fields[details[0].node.name.value]
        named = get_named_type(definition.type)
        prefix = own(index)
        renamed = {*params, FOUND} if question.prelude else set(params)
        head = PARAMETER.sub(lambda m: _renamed(m, prefix, renamed), question.head)
        item = "v1"
        shape, build, below = self.shape(named, item, details)
        first = None
        if question.many or question.page:
            default = default_of(definition.args["first"])
            first = self._argument(
                definition, details[0].node, "first", lambda v: default if v is None else v
            )
        found, data = f"c{index}", f"d{index}"
        if question.lookup:
            answer = (
                f"[c IN found | c.id] AS {found}, "
                f"[{item} IN found WHERE size(found) = 1 | {shape}][0] AS {data}"
            )
        elif question.many:
            limit = f"[..${first.parameter}]" if first else ""
            listed = question.in_area(item, f"${prefix}area")
            answer = f"[] AS {found}, [{item} IN {listed}{limit} | {shape}] AS {data}"
        else:
            answer = (
                f"[] AS {found}, [{item} IN [value] WHERE {item} IS NOT NULL | {shape}][0] "
                f"AS {data}"
            )
        text = f"{head.strip()}\nRETURN {answer}"
        build_root = _listing(build) if question.many else build
        return text, build_root, Cost(first, below)

    def shape(
        self, named: GraphQLNamedType, item: str, details: list[FieldDetails]
    ) -> tuple[str, Build, tuple[Cost, ...]]:
        """The Cypher list answering `details` for the value in `item`, how to build the
        response's object from it, and the records below it."""
        if isinstance(named, GraphQLInterfaceType):
            possible = sorted(self.schema.get_possible_types(named), key=lambda t: t.name)
        else:
            assert isinstance(named, GraphQLObjectType)
            possible = [named]
        tagged = len(possible) > 1
        # One list of plain fields, and one of dates when any of the types has a date
        # (written as ISO text by Neo4j: a date the driver reads is dear to make in Python).
        lists = [False, True] if any(self._has_dates(t) for t in possible) else [False]
        parameters = [f"p{len(self.properties) + n}" for n in range(len(lists))]
        self.properties.update(dict.fromkeys(parameters))  # numbered before those below
        branches: dict[str, tuple[list[str], Build]] = {}
        costs: list[tuple[Cost, ...]] = []
        properties: dict[str, list[list[Plain]]] = {}
        for concrete in possible:
            grouped = collect_subfields(
                self.schema, self.fragments, self.variables, self.operation, concrete, details
            ).grouped_field_set
            values, build, below, read = self._object(concrete, grouped, item, tagged, lists)
            branches[concrete.name] = (values, build)
            costs.append(tuple(below))
            properties[concrete.name] = read
        # Every type asking the same plain fields (`{ id name }` of any entity) is the
        # common case and the cheaper one: one list for all. Otherwise a list for each type,
        # chosen by the type's name.
        first = properties[possible[0].name]
        alike = all(read == first for read in properties.values())
        tag = None if alike else f"t{item[1:]}"
        for n, parameter in enumerate(parameters):
            each = {name: read[n] for name, read in properties.items()}
            self.properties[parameter] = each if tag else first[n]
        chosen = f"[{tag}]" if tag else ""
        reads = " + ".join(
            _read(item, f"${PLAIN}.{parameter}{chosen}", dated)
            for parameter, dated in zip(parameters, lists, strict=True)
        )
        if not tagged:
            ((values, build),) = branches.values()
            return (f"{_list(values)} + {reads}" if values else reads), build, costs[0]
        shape = _by_label(item, branches, reads, tag)
        return shape, _by_tag(branches), (Cost(either=tuple(costs)),)

    def _has_dates(self, concrete: GraphQLObjectType) -> bool:
        """Whether the type has a plain field that is a date."""
        return any(
            (read := _plain(definition, self.meanings[concrete.name][name])) is not None
            and read.dated
            for name, definition in concrete.fields.items()
        )

    def _object(
        self,
        concrete: GraphQLObjectType,
        grouped: Mapping[str, list[FieldDetails]],
        item: str,
        tagged: bool,
        lists: Sequence[bool],
    ) -> tuple[list[str], Build, list[Cost], list[list[Plain]]]:
        """The values of one object, in the canonical order of its fields, its builder (which
        reads them after the type's name when `tagged`), its costs, and how its plain fields
        are read (see `_plain`), a list for each of `lists` (dates or not): their values come
        after the others, list by list."""
        values: list[str] = []
        keyed: list[tuple[str, int | None, Build | None]] = []
        plain: list[tuple[str, Plain]] = []
        costs: list[Cost] = []
        offset = 1 if tagged else 0
        id_first = ID in concrete.fields
        if id_first:
            # A record's id is read whether or not it is asked: almost every request asks
            # it, and reading it by name would cost every record of a long list a little.
            values.append(self.meanings[concrete.name][ID].cypher.replace("%(v)s", item))
        for key in sorted(grouped, key=lambda k: canonical(k, grouped[k])):
            same = grouped[key]
            name = same[0].node.name.value
            if name == TYPENAME:
                keyed.append((key, 0 if tagged else None, None))
                continue
            if name == ID and id_first:
                keyed.append((key, offset, None))
                continue
            read = _plain(concrete.fields[name], self.meanings[concrete.name][name])
            if read is not None:
                plain.append((key, read))
                continue
            text, build, cost = self._field(concrete, name, same, item)
            keyed.append((key, offset + len(values), build))
            values.append(text)
            if cost is not None:
                costs.append(cost)
        position = offset + len(values)
        reads: list[list[Plain]] = []
        for dated in lists:
            reads.append([read for _, read in plain if read.dated == dated])
            for key, read in plain:
                if read.dated == dated:
                    keyed.append((key, position, read.made))
                    position += 1
        order = {key: position for position, key in enumerate(grouped)}
        keyed.sort(key=lambda entry: order[entry[0]])
        return values, _object(concrete.name, keyed), costs, reads

    def _field(
        self, concrete: GraphQLObjectType, name: str, same: list[FieldDetails], item: str
    ) -> tuple[str, Build | None, Cost | None]:
        """One field's Cypher over the value in `item`, its builder and its cost."""
        definition = concrete.fields[name]
        meaning = self.meanings[concrete.name][name]
        node = same[0].node
        renames = {
            argument: self._argument(definition, node, argument).parameter
            for argument in definition.args
            if argument != "first"
        }
        expression = PARAMETER.sub(
            lambda m: "$" + renames.get(m.group(1), m.group(1)), meaning.cypher
        ).replace("%(v)s", item)
        output = get_nullable_type(definition.type)
        named = get_named_type(output)
        if not isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
            return _scalar(named, expression, isinstance(output, GraphQLList)), None, None
        inner = _below(item)
        shape, build, below = self.shape(named, inner, same)
        if isinstance(output, GraphQLList) and "first" not in definition.args:
            # A page's items: as many as the page was asked for, which its cost counts.
            assert meaning.key is not None, f"{concrete.name}.{name} is a list without `first`"
            return f"[{inner} IN {expression} | {shape}]", _listing(build), Cost(None, below)
        if isinstance(output, GraphQLList):
            default = default_of(definition.args["first"])
            first = self._argument(definition, node, "first", lambda v: bounded_first(v, default))
            text = f"[{inner} IN ({expression})[..${first.parameter}] | {shape}]"
            if meaning.tagged_ids is not None and self._ids_alone(named, same):
                tagged = meaning.tagged_ids.replace("%(v)s", item)
                text = (
                    f"[held IN [{tagged}] | CASE WHEN held IS NULL THEN {text} "
                    f"ELSE held[..${first.parameter}] END][0]"
                )
            return text, _listing(build), Cost(first, below)
        text = f"[{inner} IN [{expression}] WHERE {inner} IS NOT NULL | {shape}][0]"
        return text, build, Cost(None, below)

    def _ids_alone(self, named: GraphQLNamedType, same: list[FieldDetails]) -> bool:
        """Whether a selection of records of the interface `named` asks each record's `id`
        once and nothing else but `__typename`: its values are then [its type's name, its
        id] whatever its type, which a finding keeps without reading the records."""
        if not isinstance(named, GraphQLInterfaceType):
            return False
        for concrete in self.schema.get_possible_types(named):
            grouped = collect_subfields(
                self.schema, self.fragments, self.variables, self.operation, concrete, same
            ).grouped_field_set
            asked = [details[0].node.name.value for details in grouped.values()]
            if asked.count(ID) != 1 or set(asked) - {ID, TYPENAME}:
                return False
        return True

    def _argument(
        self,
        definition: GraphQLField,
        node: FieldNode,
        name: str,
        bound: Callable[[Any], int] | None = None,
    ) -> Argument:
        enum = get_named_type(definition.args[name].type)
        words = self.enums.get(enum.name) if isinstance(enum, GraphQLEnumType) else None
        argument = Argument(f"a{len(self.arguments)}", definition, node, name, words, bound)
        self.arguments.append(argument)
        return argument


def _below(item: str) -> str:
    """The variable for the records below those in `item`: named by depth, not by count,
    so that the same selection under two types is the same text (see `_by_label`)."""
    return f"v{int(item[1:]) + 1}"


def root_fields(
    schema: GraphQLSchema,
    fragments: Sequence[FragmentDefinitionNode],
    operation: OperationDefinitionNode,
    variables: VariableValues,
) -> Mapping[str, list[FieldDetails]]:
    """The root fields an operation selects, by response key (fragments, @skip, @include)."""
    query = schema.query_type
    assert query is not None
    return collect_fields(
        schema, _fragments(fragments), variables, query, operation
    ).grouped_field_set


def _fragments(definitions: Sequence[FragmentDefinitionNode]) -> dict[str, FragmentDetails]:
    return {f.name.value: FragmentDetails(f) for f in definitions}


def compile_plan(
    schema: GraphQLSchema,
    meanings: Meanings,
    enums: Mapping[str, type[Enum]],
    document_fragments: Sequence[FragmentDefinitionNode],
    operation: OperationDefinitionNode,
    variables: VariableValues,
    asked: Sequence[tuple[str, list[FieldDetails], Question | None, Row]],
) -> Plan:
    """The plan answering the root fields `asked` (key, details, question, its parameters;
    no question for `__typename`)."""
    compiler = Compiler(
        schema,
        meanings,
        enums,
        _fragments(document_fragments),
        variables,
        operation,
    )
    query = schema.query_type
    assert query is not None
    parts: list[str] = []
    roots: list[RootField] = []
    costs: list[Cost] = []
    names: list[str] = []
    for key, details, question, question_params in sorted(
        asked, key=lambda a: canonical(a[0], a[1])
    ):
        node = details[0].node
        if question is None:
            roots.append(RootField(key, node))
            continue
        index = len(parts)
        text, build, cost = compiler.root(question, question_params, index, details)
        parts.append(text)
        costs.append(cost)
        names.append(question.name)
        roots.append(RootField(key, node, index, build))
    order = {key: position for position, (key, *_) in enumerate(asked)}
    roots.sort(key=lambda root: order[root.key])
    return Plan(
        compose(names, parts),
        tuple(roots),
        tuple(compiler.arguments),
        tuple(costs),
        {officer: _named(compiler.properties, officer) for officer in (False, True)},
    )


def _named(properties: Any, officer: bool) -> Any:
    """The parameters naming the properties plain fields read (lists of `Plain`, or maps of
    them by type), for the public or for officers."""
    if isinstance(properties, Plain):
        return properties.names(officer)
    if isinstance(properties, dict):
        return {key: _named(value, officer) for key, value in properties.items()}
    return [_named(value, officer) for value in properties]


def root_parameters(asked: Sequence[tuple[str, list[FieldDetails], Row | None]]) -> Row:
    """This request's parameters of the root questions (key, details, parameters; None for
    `__typename`), each renamed as the compiled plan names it: plans are shared between
    requests, their root parameters are not."""
    ordered = sorted((a for a in asked if a[2] is not None), key=lambda a: canonical(a[0], a[1]))
    return {
        own(index) + name: value
        for index, (_, _, params) in enumerate(ordered)
        for name, value in (params or {}).items()
    }


def own(index: int) -> str:
    """The prefix that makes the i-th root question's parameters its own."""
    return f"r{index}_"


def default_of(argument: GraphQLArgument) -> Any:
    """An argument's declared default. A schema read back from its SDL keeps it as the
    literal written there, not as a value."""
    if argument.default_value is not Undefined:
        return argument.default_value
    literal = argument.ast_node.default_value if argument.ast_node else None
    return None if literal is None else value_from_ast(literal, argument.type)


def canonical(key: str, details: list[FieldDetails]) -> tuple[str, ...]:
    """Where a field goes in the compiled query: by what it asks (field and arguments), not
    by what the response calls it, so that neither order nor aliases change the Cypher."""
    node = details[0].node
    return (node.name.value, *(print_ast(argument) for argument in node.arguments or ()), key)


def _renamed(match: re.Match[str], prefix: str, own_names: Collection[str]) -> str:
    """A root question's parameter, renamed to be its own; shared ones (`$officer`) kept."""
    name = match.group(1)
    return "$" + (prefix + name if name in own_names else name)


@dataclass(frozen=True)
class Plain:
    """How a field that reads one property and nothing else is read: the `property`, a
    text (read in full by officers) or a contact detail (officers only), a date (`dated`,
    written as ISO text), and `made` into the response's value by a function when it needs
    one (words as an enum's names, no texts as an empty list)."""

    property: str
    text: bool = False
    contact: bool = False
    dated: bool = False
    made: Build | None = None

    def names(self, officer: bool) -> Names:
        return names_read(self.property, officer=officer, text=self.text, contact=self.contact)


def _plain(definition: GraphQLField, meaning: Meaning) -> Plain | None:
    """How a field is read when it reads one property and nothing else; None for any other
    field."""
    if meaning.reads is None or definition.args:
        return None
    output = get_nullable_type(definition.type)
    named = get_named_type(output)
    if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
        return None
    how = meaning.reads.how
    read = Plain(meaning.reads.name, text=how in (READABLE, TEXTS), contact=how == CONTACT)
    if how == WORDS or isinstance(named, GraphQLEnumType):
        return replace(read, made=_words)
    if named.name == "Date":
        return None if isinstance(output, GraphQLList) else replace(read, dated=True)
    return replace(read, made=_or_empty) if how == TEXTS else read


def _read(item: str, properties: str, dated: bool) -> str:
    """Cypher: the values of the record or map in `item` read under the names the list
    `properties` holds (see `_plain`), as the caller may read them; `dated`: as ISO text."""
    names = f"key{item[1:]}"
    value = read_named(item, names)
    return f"[{names} IN {properties} | {f'toString({value})' if dated else value}]"


def _words(value: Any) -> Any:
    """Stored words ("task group") as an enum's name ("TASK_GROUP")."""
    return None if value is None else value.upper().replace(" ", "_")


def _or_empty(value: Any) -> Any:
    return [] if value is None else value


def _scalar(named: GraphQLNamedType, expression: str, listed: bool) -> str:
    """A scalar as the response writes it: dates as ISO text, enums by their names."""
    if named.name == "Date":
        return f"[d IN {expression} | toString(d)]" if listed else f"toString({expression})"
    if isinstance(named, GraphQLEnumType):
        return f"replace(toUpper({expression}), ' ', '_')"
    return expression


def _quoted(name: str) -> str:
    return f"'{name}'"


def _list(values: Sequence[str]) -> str:
    return "[" + ", ".join(values) + "]"


def _by_label(
    item: str, branches: Mapping[str, tuple[list[str], Build]], reads: str, tag: str | None
) -> str:
    """Cypher: the values of whichever type the record in `item` is, after the type's name,
    its plain fields (`reads`) last: the same properties for every type or, when `tag` is
    given, each type's own, chosen by the type's name bound to `tag`. Types that ask the
    same other values (`{ id name }` of any entity asks none) share one list, the name
    read from the record's labels, rather than a copy each: ten copies took Neo4j 0.1 s
    longer to plan, and planning is most of what a request of a new shape costs."""
    alike: dict[tuple[str, ...], list[str]] = {}
    for label, (values, _) in branches.items():
        alike.setdefault(tuple(values), []).append(label)
    most = max(alike, key=lambda values: len(alike[values]))
    names = ", ".join(_quoted(label) for label in alike[most])
    label_of = f"[label IN labels({item}) WHERE label IN [{names}]][0]"
    shared = f"{_list([tag or label_of, *most])} + {reads}"
    if len(alike) > 1:
        cases = " ".join(
            f"WHEN {item}:{label} THEN {_list([_quoted(label), *values])} + {reads}"
            for label, (values, _) in branches.items()
            if tuple(values) != most
        )
        shared = f"CASE {cases} ELSE {shared} END"
    if tag is None:
        return shared
    every = ", ".join(_quoted(label) for label in branches)
    return f"[{tag} IN [label IN labels({item}) WHERE label IN [{every}]][..1] | {shared}][0]"


def _by_tag(branches: Mapping[str, tuple[list[str], Build]]) -> Build:
    builders = {label: build for label, (_, build) in branches.items()}

    def build(row: Any) -> Any:
        return None if row is None else builders[row[0]](row)

    return build


def _object(type_name: str, keyed: Sequence[tuple[str, int | None, Build | None]]) -> Build:
    """Build a response object from its values: each key from its position, through the
    builder below it when it holds records; `__typename` from the tag, or the type itself."""
    plain = [(key, position) for key, position, build in keyed if build is None]
    nested = [(key, position, build) for key, position, build in keyed if build is not None]
    if plain and not nested and all(position is not None for _, position in plain):
        return _values(tuple(key for key, _ in plain), [p for _, p in plain if p is not None])
    if not nested:

        def build(row: Any) -> Any:
            if row is None:
                return None
            return {key: type_name if p is None else row[p] for key, p in plain}

        return build

    def build_nested(row: Any) -> Any:
        if row is None:
            return None
        answer = {}
        for key, position, builder in keyed:
            if position is None:
                answer[key] = type_name
            elif builder is None:
                answer[key] = row[position]
            else:
                answer[key] = builder(row[position])
        return answer

    return build_nested


def _values(keys: tuple[str, ...], positions: list[int]) -> Build:
    """Build an object of plain values only, the commonest kind (`{ id }` of each of 16,000
    bodies): made by zipping, not key by key, which took a third of a large answer's time."""
    if len(keys) == 1:
        (key,), (position,) = keys, positions

        def one(row: Any) -> Any:
            return None if row is None else {key: row[position]}

        return one
    pick = operator.itemgetter(*positions)

    def build(row: Any) -> Any:
        return None if row is None else dict(zip(keys, pick(row), strict=True))

    return build


def _listing(build: Build) -> Build:
    def build_all(rows: Any) -> Any:
        return None if rows is None else [build(row) for row in rows]

    return build_all
