"""Join the catalog entries a question selects into one Cypher projection.

A `Selection` says, for each concrete type the value may have, which fields are wanted
under which keys and with which arguments. Keys become map keys (GraphQL response keys
are plain identifiers), argument values become parameters: no user text is ever spliced
into Cypher.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from queries.catalog import ENTITY_LABELS, FIELDS, INTERFACES, Field

TYPENAME = "__typename"


@dataclass(frozen=True)
class Pick:
    """One selected field: the key it is answered under, its arguments, what is selected
    below it (for object-valued fields)."""

    key: str
    field: str
    args: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    below: Selection | None = None


Selection = Mapping[str, tuple[Pick, ...]]
"""Concrete type name -> the fields picked when the value is of that type."""


def picks(*names: str, **below: Selection) -> tuple[Pick, ...]:
    """Shorthand for hand-written selections (report, benchmark): plain fields by name,
    object fields with what to select below them."""
    plain = tuple(Pick(name, name) for name in names)
    return plain + tuple(Pick(name, name, {}, selection) for name, selection in below.items())


@dataclass
class Projection:
    """Builds one query's projections, collecting the parameters they need."""

    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    _variables: int = 0

    def of(self, type_name: str, variable: str, selection: Selection) -> str:
        """A map literal answering `selection` for the value in `variable`."""
        types = INTERFACES.get(type_name, (type_name,))
        by_key: dict[str, dict[str, list[str]]] = {}
        for concrete in types:
            for pick in selection.get(concrete, ()):
                expression = self._value(concrete, pick, variable)
                by_key.setdefault(pick.key, {}).setdefault(expression, []).append(concrete)
        entries = []
        if type_name in INTERFACES or type_name in ENTITY_LABELS:
            entries.append(f"`{TYPENAME}`: {label_of(variable)}")
        for key, expressions in by_key.items():
            entries.append(f"`{key}`: {_by_label(variable, expressions, len(types))}")
        return "{" + ", ".join(entries) + "}"

    def parameter(self, value: Any) -> str:
        value = _plain(value)
        for name, known in self.params.items():
            if type(known) is type(value) and known == value:
                return "$" + name
        name = f"p{len(self.params)}"
        self.params[name] = value
        return "$" + name

    def _value(self, type_name: str, pick: Pick, variable: str) -> str:
        spec = _spec(type_name, pick.field)
        expression = spec.cypher % {
            "v": variable,
            **{arg: self.parameter(pick.args.get(arg)) for arg in spec.args},
        }
        if spec.target is None:
            return expression
        item = self._variable()
        inner = self.of(spec.target, item, pick.below or {})
        if spec.many:
            return f"[{item} IN {expression} | {inner}]"
        return f"[{item} IN [{expression}] WHERE {item} IS NOT NULL | {inner}][0]"

    def _variable(self) -> str:
        self._variables += 1
        return f"v{self._variables}"


class UnknownField(LookupError):
    pass


def _spec(type_name: str, field_name: str) -> Field:
    try:
        return FIELDS[type_name][field_name]
    except KeyError:
        raise UnknownField(f"{type_name}.{field_name} has no Cypher in the catalog") from None


def label_of(variable: str) -> str:
    return f"[l IN labels({variable}) WHERE NOT l IN ['Record', 'Entity']][0]"


def _by_label(variable: str, expressions: dict[str, list[str]], type_count: int) -> str:
    """One expression when every possible type agrees, else a CASE on the label."""
    if len(expressions) == 1:
        ((expression, types),) = expressions.items()
        if len(types) == type_count:
            return expression
    branches = " ".join(
        f"WHEN {' OR '.join(f'{variable}:{label}' for label in types)} THEN {expression}"
        for expression, types in expressions.items()
    )
    return f"CASE {branches} END"


def _plain(value: Any) -> Any:
    """Argument values as the graph stores them: enum members become their stored words."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value
