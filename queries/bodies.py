"""Bodies and the lines of accountability above them."""

from __future__ import annotations

from neo4j import AsyncDriver

from queries.entities import Row, projection

BODY = f"""
MATCH (n:Body {{id: $id}})
CALL (n) {{
  OPTIONAL MATCH path = (n)-[:REPORTS_TO]->+(above)
  WITH above, min(length(path)) AS distance
  ORDER BY distance, above.id
  WITH collect(above) AS chain
  RETURN [above IN chain | {projection("above")}] AS oversight_chain
}}
RETURN {
    projection(
        "n",
        f"reports_to: [(n)-[:REPORTS_TO]->(up) | {projection('up')}], "
        "oversight_chain: oversight_chain",
    )
} AS body
"""


async def body(driver: AsyncDriver, database: str, body_id: str) -> Row | None:
    """A body with whom it reports to and its whole oversight chain, nearest first."""
    records, _, _ = await driver.execute_query(BODY, id=body_id, database_=database, routing_="r")
    return records[0]["body"] if records else None
