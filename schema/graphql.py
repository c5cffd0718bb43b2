"""The Query root. Resolvers are thin: each calls one named query from `queries/`."""

from __future__ import annotations

from dataclasses import dataclass

import strawberry
from neo4j import AsyncDriver
from strawberry.types import Info

from queries import bodies, entities
from schema.types import ENTITY_TYPES, Body, Entity, entity


@dataclass(frozen=True)
class Context:
    driver: AsyncDriver
    database: str


@strawberry.type
class Query:
    @strawberry.field(description="Any entity by its stable id.")
    async def node(self, info: Info[Context, None], id: strawberry.ID) -> Entity | None:
        row = await entities.node(info.context.driver, info.context.database, str(id))
        return entity(row) if row else None

    @strawberry.field(description="Entities whose names or aliases match the words given.")
    async def search(self, info: Info[Context, None], text: str, first: int = 20) -> list[Entity]:
        rows = await entities.search(
            info.context.driver, info.context.database, text, max(1, min(first, 100))
        )
        return [entity(row) for row in rows]

    @strawberry.field(description="A body by id, or by name or alias (case-insensitive).")
    async def body(
        self, info: Info[Context, None], id: strawberry.ID | None = None, name: str | None = None
    ) -> Body | None:
        context = info.context
        if id is None and name is not None:
            found = await entities.by_name(context.driver, context.database, "Body", name)
            if found is None:
                return None
            id = strawberry.ID(found["id"])
        if id is None:
            raise ValueError("give an id or a name")
        row = await bodies.body(context.driver, context.database, str(id))
        result = entity(row) if row else None
        return result if isinstance(result, Body) else None


schema = strawberry.Schema(query=Query, types=ENTITY_TYPES)
