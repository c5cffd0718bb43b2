"""Schema migrations are versioned and idempotent."""

from __future__ import annotations

import pytest
from neo4j import Driver
from neo4j.exceptions import ConstraintError

from graph.migrations import LATEST, MIGRATIONS, applied_versions, migrate


def test_all_migrations_are_recorded(driver: Driver, database: str) -> None:
    assert applied_versions(driver, database) == [m.version for m in MIGRATIONS]
    assert applied_versions(driver, database)[-1] == LATEST


def test_migrating_twice_applies_nothing(driver: Driver, database: str) -> None:
    assert migrate(driver, database) == []
    assert applied_versions(driver, database) == [m.version for m in MIGRATIONS]


def test_migrations_reapply_after_the_markers_are_lost(driver: Driver, database: str) -> None:
    driver.execute_query("MATCH (m:Migration) DELETE m", database_=database)
    assert migrate(driver, database) == [m.version for m in MIGRATIONS]


def test_constraints_and_indexes_exist(driver: Driver, database: str) -> None:
    records, _, _ = driver.execute_query("SHOW INDEXES YIELD name RETURN collect(name) AS names",
                                         database_=database)  # fmt: skip
    names = set(records[0]["names"])
    assert {"record_id", "entity_names", "commitment_due", "meeting_date"} <= names


def test_record_ids_are_unique(driver: Driver, database: str) -> None:
    driver.execute_query("CREATE (:Record {id: 'body/x'})", database_=database)
    with pytest.raises(ConstraintError):
        driver.execute_query("CREATE (:Record {id: 'body/x'})", database_=database)
