"""Schema changes go through the versioned migrations: an older store is brought up to date when it is opened
(services never create tables), and a store newer than the program is refused."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from app.models.dispatch.service import TaskService
from app.models.warnings.service import WarningService
from app.store import SchemaVersionError, Store, triggers
from app.store.migrations import MIGRATIONS
from app.store.queries.changes import data_changes
from app.store.store import SCHEMA_VERSION
from app.store.tables.base import Base
from app.store.tables.incidents import Improvement, Incident, IncidentEvent, IncidentTask
from app.store.tables.meta import DataChanges
from app.store.tables.tasks import Task, TaskEvent, TaskPerson, Trip
from app.store.tables.warnings import WarningRecord
from tests.factories import World

INCIDENT_TABLES = [Improvement.__table__, IncidentEvent.__table__, IncidentTask.__table__, Incident.__table__]
LATER_TABLES = [*INCIDENT_TABLES, Trip.__table__, TaskPerson.__table__, TaskEvent.__table__, Task.__table__, WarningRecord.__table__]


def _set_version(store: Store, version: int) -> None:
    with store.begin() as conn:
        conn.execute(text("UPDATE jingkong_meta SET value = :v WHERE key = 'schema_version'"), {"v": str(version)})


def _reopen(world: World) -> Store:
    url = world.store.url
    world.store.close()
    return Store.open(url)


def test_every_version_below_the_current_one_has_a_migration() -> None:
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))


def test_a_version_1_store_without_tasks_or_warnings_is_migrated_on_open(any_world: World) -> None:
    with any_world.store.begin() as conn:  # a store as version 1 made it, before the dispatch queue and warnings
        Base.metadata.drop_all(conn, tables=LATER_TABLES)
    _set_version(any_world.store, 1)
    store = _reopen(any_world)
    try:
        assert store.meta()["schema_version"] == str(SCHEMA_VERSION)
        assert {t.name for t in LATER_TABLES} <= set(inspect(store.engine).get_table_names())
        tasks = TaskService(store)
        task = tasks.create(kind="screening", source="manual", title="x", target_unit_code="330382001001001")
        assert tasks.get(task).assignee_code == "330382001001001"
        with pytest.raises(DBAPIError, match="append-only"), store.begin() as conn:  # the audit log's trigger too
            conn.execute(text("UPDATE task_events SET note = 'rewritten'"))
        assert WarningService(store).count() == 0
    finally:
        store.close()


def test_a_version_1_store_with_the_tables_gets_the_indexes_it_lacks(world: World) -> None:
    with world.store.begin() as conn:
        conn.execute(text("DROP INDEX ix_tasks_priority_id"))
    _set_version(world.store, 1)
    store = _reopen(world)
    try:
        assert "ix_tasks_priority_id" in {i["name"] for i in inspect(store.engine).get_indexes("tasks")}
        assert store.meta()["schema_version"] == str(SCHEMA_VERSION)
    finally:
        store.close()


def test_a_store_one_version_newer_is_refused(world: World) -> None:
    _set_version(world.store, SCHEMA_VERSION + 1)
    with pytest.raises(SchemaVersionError, match=f"schema version {SCHEMA_VERSION + 1}, newer than this Jingkong"):
        _reopen(world)


def test_a_version_3_store_gains_the_incident_tables(any_world: World) -> None:
    with any_world.store.begin() as conn:  # a store as version 3 made it, before incidents and drills
        Base.metadata.drop_all(conn, tables=INCIDENT_TABLES)
    _set_version(any_world.store, 3)
    store = _reopen(any_world)
    try:
        assert store.meta()["schema_version"] == str(SCHEMA_VERSION)
        assert {t.name for t in INCIDENT_TABLES} <= set(inspect(store.engine).get_table_names())
    finally:
        store.close()


def test_a_version_11_store_reads_its_console_written_titles_back_into_templates(any_world: World) -> None:
    tasks = TaskService(any_world.store)
    unit = "330382001001001"
    typed = tasks.create(kind="custom", source="manual", title="巡查 · 重点场所", target_unit_code=unit)
    made = [tasks.create(kind="control", source="trace", title="密接管控 4 人", target_unit_code=unit),
            tasks.create(kind="warning_verification", source="warning", title="应检未检核查 330***1234",
                         target_unit_code=unit)]
    child = tasks.create(kind="control", source="trace", title="密接管控 4 人 · Unit 330382001001001",
                         target_unit_code=unit, parent_id=made[0])
    with any_world.store.begin() as conn:  # the store as version 11 made it: titles as text only
        for column in ("title_key", "title_args"):
            conn.execute(text(f"ALTER TABLE tasks DROP COLUMN {column}"))
    _set_version(any_world.store, 11)
    store = _reopen(any_world)
    try:
        service = TaskService(store)
        assert service.get(typed).title_in("en") == "巡查 · 重点场所"  # typed by a person: as typed
        assert [service.get(i).title_in("en") for i in made] == ["Control 4 close contacts",
                                                                 "Verify Should test, not tested: 330***1234"]
        assert service.get(child).title_in("en") == "Control 4 close contacts · Unit 330382001001001"
        assert [service.get(i).title_in("zh") for i in (typed, *made, child)] == [
            "巡查 · 重点场所", "密接管控 4 人", "应检未检核查 330***1234", "密接管控 4 人 · Unit 330382001001001"]
    finally:
        store.close()


def test_a_version_12_store_gains_its_identity_and_counts_changes_in_place(any_world: World) -> None:
    person = any_world.add_person()
    with any_world.store.begin() as conn:  # the store as version 12 made it: no count, no identity
        for table, name in triggers.PG_TRIGGERS if conn.dialect.name == "postgresql" else triggers.SQLITE_TRIGGERS:
            if "_count_" in name:
                conn.execute(text(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if conn.dialect.name == "postgresql" else "")))
        Base.metadata.drop_all(conn, tables=[DataChanges.__table__])
        conn.execute(text("DELETE FROM jingkong_meta WHERE key = 'store_id'"))
    _set_version(any_world.store, 12)
    store = _reopen(any_world)
    try:
        assert len(store.meta()["store_id"]) == 32
        before = data_changes(store)
        with store.begin() as conn:
            conn.execute(text("UPDATE persons SET home_grid_id = NULL WHERE id = :p"), {"p": person})
        assert data_changes(store)[0] == before[0] + 1
    finally:
        store.close()
