"""Read what a GraphQL request selects below a root field, as the neutral `Selection` the
query compiler takes: per concrete type, the fields picked, their response keys and their
argument values (variables and defaults applied, @skip and @include honoured)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLBoolean,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    InlineFragmentNode,
    SelectionNode,
    SelectionSetNode,
    Undefined,
    get_named_type,
    value_from_ast,
)

from queries.compile import Pick, Selection

Info = GraphQLResolveInfo[Any]


def selection_of(info: Info) -> Selection:
    """What the request selects below the field being resolved."""
    return _below(info, info.return_type, info.field_nodes)


def _below(info: Info, output: GraphQLOutputType, nodes: Iterable[FieldNode]) -> Selection:
    named = get_named_type(output)
    if isinstance(named, GraphQLInterfaceType):
        concrete = list(info.schema.get_possible_types(named))
    elif isinstance(named, GraphQLObjectType):
        concrete = [named]
    else:
        return {}
    nodes = list(nodes)
    selection: dict[str, tuple[Pick, ...]] = {}
    for object_type in concrete:
        fields: dict[str, list[FieldNode]] = {}
        for node in nodes:
            if node.selection_set is not None:
                _collect(info, object_type, node.selection_set, fields)
        selection[object_type.name] = tuple(
            _pick(info, object_type, key, same) for key, same in fields.items()
        )
    return selection


def _collect(
    info: Info,
    object_type: GraphQLObjectType,
    selection_set: SelectionSetNode,
    fields: dict[str, list[FieldNode]],
) -> None:
    """Group the fields that apply to `object_type` by response key, through fragments."""
    for node in selection_set.selections:
        if not _included(info, node):
            continue
        if isinstance(node, FieldNode):
            if node.name.value != "__typename":
                key = node.alias.value if node.alias else node.name.value
                fields.setdefault(key, []).append(node)
        elif isinstance(node, InlineFragmentNode):
            condition = node.type_condition.name.value if node.type_condition else None
            if _applies(info, condition, object_type):
                _collect(info, object_type, node.selection_set, fields)
        elif isinstance(node, FragmentSpreadNode):
            fragment = info.fragments[node.name.value]
            assert isinstance(fragment, FragmentDefinitionNode)
            if _applies(info, fragment.type_condition.name.value, object_type):
                _collect(info, object_type, fragment.selection_set, fields)


def _pick(info: Info, object_type: GraphQLObjectType, key: str, nodes: list[FieldNode]) -> Pick:
    name = nodes[0].name.value
    definition = object_type.fields[name]
    arguments = _arguments(info, definition, nodes[0])
    below = _below(info, definition.type, nodes) if nodes[0].selection_set else None
    return Pick(key, name, arguments, below)


def _applies(info: Info, condition: str | None, object_type: GraphQLObjectType) -> bool:
    if condition is None or condition == object_type.name:
        return True
    abstract = info.schema.get_type(condition)
    return isinstance(abstract, GraphQLInterfaceType) and info.schema.is_sub_type(
        abstract, object_type
    )


def _arguments(info: Info, definition: GraphQLField, node: FieldNode) -> dict[str, Any]:
    """Argument values as the executor sees them: literals parsed, variables substituted,
    defaults filled in. (The request was validated before any resolver runs.)"""
    given = {argument.name.value: argument.value for argument in node.arguments or ()}
    values: dict[str, Any] = {}
    for name, argument in definition.args.items():
        value = (
            value_from_ast(given[name], argument.type, _variables(info))
            if name in given
            else argument.default_value
        )
        values[name] = None if value is Undefined else value
    return values


def _included(info: Info, node: SelectionNode) -> bool:
    """@skip(if: true) and @include(if: false) leave a selection out."""
    for directive in node.directives or ():
        condition = next((a.value for a in directive.arguments or () if a.name.value == "if"), None)
        value = value_from_ast(condition, GraphQLBoolean, _variables(info))
        if directive.name.value == "skip" and value is True:
            return False
        if directive.name.value == "include" and value is False:
            return False
    return True


def _variables(info: Info) -> dict[str, Any]:
    values: Any = info.variable_values
    return dict(getattr(values, "coerced", values) or {})
