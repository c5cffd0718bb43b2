"""The schema is a contract: the exported SDL is the live schema, and the live schema keeps
every type, field and argument the API promised."""

from __future__ import annotations

from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLScalarType,
    Undefined,
    build_schema,
    value_from_ast,
)

from graph.model import ENTITY_LABELS
from schema.graphql import schema
from schema.types import ENTITY_TYPES
from tests.conftest import FIXTURES, ROOT

KINDS = (GraphQLEnumType, GraphQLInterfaceType, GraphQLObjectType, GraphQLScalarType)


def test_exported_sdl_is_the_live_schema() -> None:
    exported = (ROOT / "schema.graphql").read_text()
    assert exported.strip() == schema.as_str().strip(), (
        "schema.graphql is out of date: run `govgraph schema > schema.graphql` "
        "if the change is meant"
    )


def test_live_schema_keeps_the_contract() -> None:
    contract = build_schema((FIXTURES / "contract.graphql").read_text())
    live = build_schema(schema.as_str())
    broken: list[str] = []
    for name, promised in contract.type_map.items():
        if name.startswith("__"):
            continue
        actual = live.type_map.get(name)
        kind = next(k for k in KINDS if isinstance(promised, k))
        if actual is None or not isinstance(actual, kind):
            broken.append(f"{name}: missing or of another kind")
            continue
        if isinstance(promised, GraphQLEnumType):
            assert isinstance(actual, GraphQLEnumType)
            missing = set(promised.values) - set(actual.values)
            broken.extend(f"{name}.{value}: missing" for value in sorted(missing))
        if isinstance(promised, GraphQLObjectType | GraphQLInterfaceType):
            assert isinstance(actual, GraphQLObjectType | GraphQLInterfaceType)
            interfaces = {i.name for i in actual.interfaces}
            broken.extend(
                f"{name} does not implement {i.name}"
                for i in promised.interfaces
                if i.name not in interfaces
            )
            for field_name, field in promised.fields.items():
                have = actual.fields.get(field_name)
                if have is None or str(have.type) != str(field.type):
                    broken.append(f"{name}.{field_name}: {have and have.type} != {field.type}")
                    continue
                for arg_name, arg in field.args.items():
                    got = have.args.get(arg_name)
                    if got is None or str(got.type) != str(arg.type):
                        broken.append(f"{name}.{field_name}({arg_name}): type differs")
                    elif _default(got) != _default(arg):
                        broken.append(f"{name}.{field_name}({arg_name}): default differs")
    assert broken == []


def _default(argument: GraphQLArgument) -> object:
    """A default from SDL is kept as a literal; read it as a value."""
    if argument.default_value is not Undefined:
        return argument.default_value
    literal = argument.ast_node.default_value if argument.ast_node else None
    return None if literal is None else value_from_ast(literal, argument.type)


def test_every_kind_of_entity_in_the_model_has_its_graphql_type() -> None:
    assert sorted(t.__name__ for t in ENTITY_TYPES) == sorted(ENTITY_LABELS)
