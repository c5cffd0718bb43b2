"""What readiness needs to know: the schema version and the datasets loaded."""

from __future__ import annotations

from neo4j import AsyncDriver

READINESS = """
OPTIONAL MATCH (m:Migration) WITH max(m.version) AS schema
OPTIONAL MATCH (d:Dataset)
RETURN schema, collect(d.name) AS datasets
"""


async def readiness_facts(driver: AsyncDriver, database: str) -> tuple[int | None, list[str]]:
    records, _, _ = await driver.execute_query(READINESS, database_=database, routing_="r")
    return records[0]["schema"], records[0]["datasets"]
