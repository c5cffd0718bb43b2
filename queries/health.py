"""What readiness needs to know: the schema version and the datasets loaded."""

from __future__ import annotations

from neo4j import READ_ACCESS, AsyncDriver

READINESS = """
OPTIONAL MATCH (m:Migration) WITH max(m.version) AS schema
OPTIONAL MATCH (d:Dataset)
RETURN schema, collect(d.name) AS datasets
"""


async def readiness_facts(driver: AsyncDriver, database: str) -> tuple[int | None, list[str]]:
    """One auto-commit read: unlike managed transactions it is not retried, so a probe of a
    Neo4j that is down answers at once instead of after the driver's retry window."""
    async with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        result = await session.run(READINESS)
        record = await result.single(strict=True)
    return record["schema"], record["datasets"]
