"""How a GraphQL field is declared: once, in schema/types.py, with its type (the annotation),
its arguments (its resolver's parameters), its description, and its meaning in Cypher.

The meaning is a Cypher expression over `%(v)s`, the value in hand (a node, a relationship,
or a map for the few types that are answers rather than records), with the field's
arguments as `$name` parameters. Two things read it:

- the request compiler (schema/compile.py), which joins the meanings a request selects into
  one query whose result is already the response's data: how every request is answered;
- the resolvers here, which really run: each asks Neo4j for its own field of the value in
  hand. That is graphql-core executing field by field, one round trip per field: far too
  slow to serve, and the independent reference the compiled answers are tested against.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import Enum
from typing import Any

import strawberry
from neo4j import AsyncDriver, Query
from neo4j.graph import Node, Relationship
from strawberry.types import Info

from graph.model import RelationType, RoleKind
from graph.public import contact, readable
from queries import stored
from queries.questions import read
from schema.errors import bad_argument

Row = dict[str, Any]

strawberry.enum(RoleKind, description="What a role is, as the sources name it.")
strawberry.enum(RelationType, description="The kinds of stated relation between entities.")

FIRST = 100
"""How many items a list below the root gives when `first` is not said."""
SOURCES_FIRST = 20
"""How many sources a record gives when `first` is not said: Kirklees' most is 10."""
MAX_FIRST = 1000
"""The most items any one list gives: with the cost limit (schema/limits.py) this bounds
every response before it runs."""


@dataclass(frozen=True)
class Context:
    """What every request carries: where the graph is and who is asking."""

    driver: AsyncDriver
    database: str
    officer: bool = False
    timeout: float | None = None


STORED, READABLE, TEXTS, WORDS, CONTACT = "stored", "readable", "texts", "words", "contact"


@dataclass(frozen=True)
class Reading:
    """A property read by a plain field: `name`, and `how`: as stored, as the caller may
    read it (`readable`; `texts` for a list of them, empty when there are none), as
    enum-style words, or as a contact detail (officers only)."""

    name: str
    how: str = STORED


@dataclass(frozen=True)
class Meaning:
    """A field's meaning in Cypher. `key` is set for fields of answer maps (a finding's
    subject, a source's quote): a map in hand already holds them."""

    cypher: str
    key: str | None = None
    tagged_ids: str | None = None
    """For a list of records: Cypher giving each as [its type's name, its id] without reading
    the records, or null when the value in hand does not hold them. A request that asks the
    records' ids alone is answered from it (schema/compile.py)."""
    reads: Reading | None = None
    """For a scalar that reads one property (or key) of the value in hand and nothing else:
    the property and how it is read. The request compiler then reads the property by name
    from a parameter, so that which of those fields a request selects is not in the Cypher
    text and Neo4j plans each shape of request once, whatever plain fields it asks."""


MEANING = "cypher"
"""Where a field's `Meaning` is kept in its Strawberry metadata."""


def meaning_of(field: Any) -> Meaning | None:
    """The `Meaning` declared on a Strawberry field, if it has one."""
    found = field.metadata.get(MEANING)
    return found if isinstance(found, Meaning) else None


async def _run(
    root: Any, info: Info[Context, None], arguments: Row, limit: int | None = None
) -> Any:
    """The reference reading of one field: ask Neo4j for it, for the value in hand; of a
    list, its first `limit` items."""
    declared = info.schema.get_type_by_name(info.path.typename or "")
    field = next(
        f
        for f in getattr(declared, "fields", ())
        if info.schema.config.name_converter.get_graphql_name(f) == info.field_name
    )
    meaning = meaning_of(field)
    assert meaning is not None, f"{info.path.typename}.{info.field_name} declares no Cypher"
    if meaning.key is not None and meaning.key in root:
        value = root[meaning.key]
    else:
        parent: Node | Relationship
        if isinstance(root, Relationship):
            match, parent = "MATCH ()-[v]->() WHERE elementId(v) = $parent", root
        elif isinstance(root, Node):
            match, parent = "MATCH (v) WHERE elementId(v) = $parent", root
        else:  # a kept finding
            parent = root[stored.NODE]
            match = f"MATCH (n) WHERE elementId(n) = $parent WITH {{{stored.NODE}: n}} AS v"
        context = info.context
        text = f"{match} RETURN {meaning.cypher.replace('%(v)s', 'v')} AS value"
        parameters = {
            **{name: plain(value) for name, value in arguments.items()},
            "parent": parent.element_id,
            "officer": context.officer,
        }
        records = await read(context.driver, context.database, Query(text), parameters)
        value = records[0]["value"]
    if limit is not None and value is not None:
        return value[:limit]
    return value


def bounded_first(first: int | None, default: int = FIRST, most: int = MAX_FIRST) -> int:
    """How many items a list gives: `first` (null: the default), refused outside 1..most."""
    if first is None:
        return default
    if not 1 <= first <= most:
        raise bad_argument(f"first must be between 1 and {most}")
    return first


def plain(value: Any) -> Any:
    """Argument values as the graph stores them: enum members become their stored words."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


async def answer(root: Any, info: Info[Context, None]) -> Any:
    """A field without arguments."""
    return await _run(root, info, {})


async def listed(root: Any, info: Info[Context, None], first: int | None = FIRST) -> Any:
    """A list: its first `first` items."""
    return await _run(root, info, {}, bounded_first(first))


async def sourced(root: Any, info: Info[Context, None], first: int | None = SOURCES_FIRST) -> Any:
    """Sources: the first `first` of them."""
    return await _run(root, info, {}, bounded_first(first, SOURCES_FIRST))


async def roles_held(
    root: Any,
    info: Info[Context, None],
    as_of: datetime.date | None = None,
    kinds: list[RoleKind] | None = None,
    first: int | None = FIRST,
) -> Any:
    """Roles, of the kinds given, that hold on `asOf` (all of them without it)."""
    return await _run(root, info, {"asOf": as_of, "kinds": kinds}, bounded_first(first))


async def bodies_sat_on(
    root: Any,
    info: Info[Context, None],
    as_of: datetime.date | None = None,
    first: int | None = FIRST,
) -> Any:
    """Bodies in which the person holds any role on `asOf` (ever, without it)."""
    return await _run(root, info, {"asOf": as_of}, bounded_first(first))


async def meeting_roles(
    root: Any,
    info: Info[Context, None],
    kinds: list[RoleKind] | None = None,
    first: int | None = FIRST,
) -> Any:
    """Everyone recorded at the meeting, in whatever capacity."""
    return await _run(root, info, {"kinds": kinds}, bounded_first(first))


async def relations(
    root: Any,
    info: Info[Context, None],
    types: list[RelationType] | None = None,
    first: int | None = FIRST,
) -> Any:
    """Stated relations to and from this entity, with their qualifiers and sources."""
    return await _run(root, info, {"types": types}, bounded_first(first))


def field(
    cypher: str,
    description: str | None = None,
    *,
    resolver: Any = answer,
    name: str | None = None,
    reads: Reading | None = None,
) -> Any:
    """A field meaning `cypher` (see the module docstring)."""
    meaning = Meaning(cypher, reads=reads)
    return strawberry.field(
        resolver=resolver, description=description, name=name, metadata={MEANING: meaning}
    )


def many(cypher: str, description: str | None = None, *, resolver: Any = listed) -> Any:
    """A list of records: takes `first`."""
    return field(cypher, description, resolver=resolver)


def prop(name: str, description: str | None = None) -> Any:
    """A stored property, read as it is."""
    return field(f"%(v)s.{name}", description, reads=Reading(name))


def key(name: str, description: str | None = None, *, resolver: Any = answer) -> Any:
    """A field of an answer map: the value in hand holds it under `name`."""
    return strawberry.field(
        resolver=resolver,
        description=description,
        metadata={MEANING: Meaning(f"%(v)s.{name}", key=name, reads=Reading(name))},
    )


def part(
    name: str,
    kept: str,
    description: str | None = None,
    *,
    resolver: Any = answer,
    kept_ids: str | None = None,
) -> Any:
    """A field of a finding: a finding of a date is worked out whole and holds it under
    `name`; a finding kept at load holds its node (queries/stored.py), from which the Cypher
    `kept` reads it only when the field is asked for (and `kept_ids`, the ids of the records
    it names, when only those are)."""
    cypher = f"CASE WHEN %(v)s.{stored.NODE} IS NULL THEN %(v)s.{name} ELSE {kept} END"
    meaning = Meaning(cypher, key=name, tagged_ids=kept_ids)
    return strawberry.field(resolver=resolver, description=description, metadata={MEANING: meaning})


def text(name: str, description: str | None = None) -> Any:
    """Prose, as the caller may read it: the public reading, or the full one for officers."""
    return field(readable("%(v)s", name), description, reads=Reading(name, READABLE))


def texts(name: str, description: str | None = None) -> Any:
    """A list of prose, as the caller may read it: empty when there is none."""
    reading = f"coalesce({readable('%(v)s', name)}, [])"
    return field(reading, description, reads=Reading(name, TEXTS))


def contact_detail(name: str, description: str | None = None) -> Any:
    """A contact detail: officers only, null for anyone else."""
    return field(contact("%(v)s", name), description, reads=Reading(name, CONTACT))


def enum_like(name: str, description: str | None = None) -> Any:
    """Stored words ("task group") answered as enum-style names ("TASK_GROUP")."""
    return field(
        f"replace(toUpper(%(v)s.{name}), ' ', '_')", description, reads=Reading(name, WORDS)
    )
