"""Schema migrations: ``MIGRATIONS[n]`` upgrades a store at schema version ``n`` to ``n + 1``.

:meth:`Store.open` runs the ones a store needs, in one transaction with the new version number, so services
never create or alter tables when they start: a new table or index is a new version and a function here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Table, bindparam, inspect, select, text, update

from app.domain.task_titles import names, parse
from app.store import access, geopackage, partitions
from app.store.queries.camera_status import seed_statuses
from app.store.tables.access import AuditEntry, User
from app.store.tables.admin import AdminUnit
from app.store.tables.base import Base
from app.store.tables.cameras import CameraStatusEvent
from app.store.tables.imports import ImportMapping, ImportRun, RecordSource, ReplacedBoundaries
from app.store.tables.incidents import Improvement, Incident, IncidentEvent, IncidentTask
from app.store.tables.meta import DataChanges, new_store_id
from app.store.tables.places import Scan
from app.store.tables.sync import PackChange, PackFile, PackOut, SyncApplied, SyncConflict
from app.store.tables.tasks import Task, TaskEvent, TaskPerson, Trip
from app.store.tables.warnings import WarningRecord
from app.timebase import to_seconds

RULES = Path(__file__).resolve().parents[2] / "resources" / "warning_rules.json"  # the rule names titles name


def add_missing(conn: Connection, tables: list[Table]) -> None:
    """Create each table, or each of its indexes, that the store lacks (stores of one version may differ)."""
    Base.metadata.create_all(conn, tables=tables, checkfirst=True)
    inspector = inspect(conn)
    for table in tables:
        present = {i["name"] for i in inspector.get_indexes(table.name)}
        for index in table.indexes:
            if index.name not in present:
                index.create(conn)


def _dispatch_and_warnings(conn: Connection) -> None:
    """Version 1 stores were made before the dispatch queue, its sort indexes or the warnings table existed
    (some have them: they were added at start by the services of that time)."""
    add_missing(conn, [Task.__table__, TaskEvent.__table__, TaskPerson.__table__, Trip.__table__,
                       WarningRecord.__table__])


def _level_layers(conn: Connection) -> None:
    """Version 2 stores show one overlapping ``admin_units`` layer and declare geometry columns as BLOB: publish
    the county/towns/villages/grids layers and declare the geometry types (a conforming GeoPackage)."""
    geopackage.publish_layers(conn)


def _incidents(conn: Connection) -> None:
    """Version 3 stores predate incidents and drills: add their tables (incident, its tasks, its timeline and the
    improvement plan of its after-action report)."""
    add_missing(conn, [Incident.__table__, IncidentTask.__table__, IncidentEvent.__table__, Improvement.__table__])


def _users_and_audit(conn: Connection) -> None:
    """Version 4 stores have no users and no audit trail beyond the task events (their guarding triggers are
    added by ``app.store.triggers.ensure``, which every opening runs)."""
    add_missing(conn, [User.__table__, AuditEntry.__table__])


def _imports(conn: Connection) -> None:
    """Version 5 stores were made before department data could be imported: add the import runs, the provenance
    of imported records and the saved column mappings."""
    add_missing(conn, [ImportRun.__table__, RecordSource.__table__, ImportMapping.__table__])


def _sync(conn: Connection) -> None:
    """Version 6 stores predate offline packs: add the change log a pack records, what the centre applied, the
    conflicts kept for review and the packs handed out."""
    add_missing(conn, [PackChange.__table__, SyncApplied.__table__, SyncConflict.__table__, PackOut.__table__])


def _partition_records(conn: Connection) -> None:
    """Version 7 stores on PostgreSQL keep each record table in one heap: partition them by month
    (``app.store.partitions``); a centre's row-level security and privileges are installed again on the new
    tables. SQLite stores are unchanged."""
    meta = dict(conn.execute(text("SELECT key, value FROM jingkong_meta")).all())
    if partitions.partition_existing(conn, partitions.period_of(meta)) and "centre" in meta:
        access.install(conn)


def _arrivals_index(conn: Connection) -> None:
    """Version 8 stores find arrivals from a risk city by scanning every checkpoint's scans: index the scans that
    come from a city (``ix_scans_from_city_at``)."""
    add_missing(conn, [Scan.__table__])


def _replaced_boundaries(conn: Connection) -> None:
    """Version 9 stores could not undo a boundaries import: add the copy of what each one replaced."""
    add_missing(conn, [ReplacedBoundaries.__table__])


def _new_rows_and_files(conn: Connection) -> None:
    """Version 10 centres could not take rows made offline (``sync_applied`` now records the id a new row got),
    and packs could not carry files (the sample clip)."""
    add_missing(conn, [PackFile.__table__])
    if "centre_id" not in {c["name"] for c in inspect(conn).get_columns("sync_applied")}:
        conn.exec_driver_sql("ALTER TABLE sync_applied ADD COLUMN centre_id BIGINT")


def _task_titles(conn: Connection) -> None:
    """Version 11 stores keep task titles as Chinese text only: add the title's template and arguments, and read
    them back from the titles the console wrote (a title a person typed matches no template and stays as typed)."""
    present = {c["name"] for c in inspect(conn).get_columns("tasks")}
    for column in (Task.__table__.c.title_key, Task.__table__.c.title_args):
        if column.name not in present:
            kind = column.type.compile(dialect=conn.dialect)
            conn.exec_driver_sql(f"ALTER TABLE tasks ADD COLUMN {column.name} {kind}")
    t, a = Task.__table__, AdminUnit.__table__
    words = {zh: names(zh, en) for zh, en in conn.execute(select(a.c.name_zh, a.c.name_pinyin))}
    words |= {r["name_zh"]: names(r["name_zh"], r["name_en"]) for r in json.loads(RULES.read_text("utf-8"))["rules"]}
    found = []
    for task_id, title, parent_id in conn.execute(select(t.c.id, t.c.title, t.c.parent_id).where(t.c.title_key.is_(None))):
        made = parse(title, words, fanned=parent_id is not None)
        if made is not None:
            found.append({"i": task_id, "k": made.key, "a": made.dumps()})
    if found:
        conn.execute(update(t).where(t.c.id == bindparam("i")).values(title_key=bindparam("k"), title_args=bindparam("a")),
                     found)


def _data_changes(conn: Connection) -> None:
    """Version 12 stores cannot tell a console whether the data its saved indicators were built from changed in
    place: add the change count (its triggers are made by ``app.store.triggers.ensure``, which every opening runs)
    and the store's own identity, which names the saved indicators of each store."""
    add_missing(conn, [DataChanges.__table__])
    conn.execute(text("INSERT INTO jingkong_meta (key, value) SELECT 'store_id', :id WHERE NOT EXISTS "
                      "(SELECT 1 FROM jingkong_meta WHERE key = 'store_id')"), {"id": new_store_id()})


def _camera_history(conn: Connection) -> None:
    """Version 13 stores keep only each camera's status now: add the history of camera status and start it with
    one event per camera at its status now, dated the start of the store's period (source ``migration``), so any
    as-of date answers with the status as it stands, honestly the only one known."""
    add_missing(conn, [CameraStatusEvent.__table__])
    meta = dict(conn.execute(text("SELECT key, value FROM jingkong_meta")).all())
    period = partitions.period_of(meta)
    seed_statuses(conn, to_seconds(period[0]) if period else 0, "migration")
    if conn.dialect.name == "postgresql" and "centre" in meta:  # the new table readable by the centre's roles
        access.install(conn)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: _dispatch_and_warnings,
    2: _level_layers,
    3: _incidents,
    4: _users_and_audit,
    5: _imports,
    6: _sync,
    7: _partition_records,
    8: _arrivals_index,
    9: _replaced_boundaries,
    10: _new_rows_and_files,
    11: _task_titles,
    12: _data_changes,
    13: _camera_history,
}
