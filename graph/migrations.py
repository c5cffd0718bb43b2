"""Versioned, idempotent schema migrations, applied at start-up.

Each migration is a list of statements that are safe to run twice (`IF NOT EXISTS`); the
database records the versions it has applied as `(:Migration {version})` nodes, so a
reader can tell whether the schema is current.
"""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import Driver


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "identity: unique ids for every loaded record, datasets and migrations",
        (
            "CREATE CONSTRAINT record_id IF NOT EXISTS FOR (n:Record) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT dataset_name IF NOT EXISTS FOR (d:Dataset) REQUIRE d.name IS UNIQUE",
            "CREATE CONSTRAINT migration_version IF NOT EXISTS "
            "FOR (m:Migration) REQUIRE m.version IS UNIQUE",
        ),
    ),
    Migration(
        2,
        "lookups: names and aliases, dataset membership, dates the questions filter on",
        (
            "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS "
            "FOR (n:Entity) ON EACH [n.search_text]"
            " OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}",
            "CREATE INDEX record_dataset IF NOT EXISTS FOR (n:Record) ON (n.dataset)",
            "CREATE INDEX commitment_due IF NOT EXISTS FOR (c:Commitment) ON (c.due_by)",
            "CREATE INDEX meeting_date IF NOT EXISTS FOR (m:Meeting) ON (m.date)",
            "CREATE INDEX role_kind IF NOT EXISTS FOR (r:Role) ON (r.kind)",
        ),
    ),
    Migration(
        3,
        "load guards: one per dataset, saying when its load commits",
        (
            "CREATE CONSTRAINT load_guard IF NOT EXISTS "
            "FOR (g:LoadGuard) REQUIRE g.dataset IS UNIQUE",
        ),
    ),
    Migration(
        4,
        "stored findings: read back by their rules and the caller's view",
        (
            "CREATE INDEX finding_view IF NOT EXISTS FOR (f:Finding) ON (f.rules, f.officer)",
            "CREATE CONSTRAINT findings_state IF NOT EXISTS "
            "FOR (s:FindingsState) REQUIRE s.id IS UNIQUE",
        ),
    ),
    Migration(
        5,
        "stored findings: read back for one area",
        (
            "CREATE INDEX finding_area IF NOT EXISTS "
            "FOR (f:Finding) ON (f.rules, f.officer, f.dataset)",
        ),
    ),
    Migration(
        6,
        "seats kept at load: read back by the caller's view, for one area or all",
        (
            "CREATE INDEX seats_held_area IF NOT EXISTS "
            "FOR (s:SeatsHeld) ON (s.officer, s.dataset)",
            "CREATE INDEX seats_held_view IF NOT EXISTS FOR (s:SeatsHeld) ON (s.officer)",
        ),
    ),
)

LATEST = MIGRATIONS[-1].version


def applied_versions(driver: Driver, database: str) -> list[int]:
    records, _, _ = driver.execute_query(
        "MATCH (m:Migration) RETURN m.version AS version ORDER BY version",
        database_=database,
        routing_="r",
    )
    return [record["version"] for record in records]


def migrate(driver: Driver, database: str) -> list[int]:
    """Apply every migration not yet recorded; return the versions applied now."""
    done = set(applied_versions(driver, database))
    applied: list[int] = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        for statement in migration.statements:
            driver.execute_query(statement, database_=database)
        driver.execute_query(
            "MERGE (m:Migration {version: $version}) "
            "SET m.description = $description, m.applied_at = datetime()",
            version=migration.version,
            description=migration.description,
            database_=database,
        )
        applied.append(migration.version)
    if applied:
        driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
    return applied
