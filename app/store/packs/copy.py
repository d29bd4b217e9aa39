"""Copying rows from a centre (SQLite or PostGIS) into a pack, in the forms the pack's role may hold.

Reads stream in chunks over SQLAlchemy Core, so one function serves both backends; tables without geometry are
written with plain ``executemany`` (the bulk of a pack is records), geometry through the column type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, LargeBinary, Table, insert, select, type_coerce

from app.domain.tasks import OPEN_STATUSES
from app.domain.warnings import OPEN_STATUSES as OPEN_WARNINGS
from app.store.geometry import GeometryType
from app.store.masking import mask_name
from app.store.packs.area import PackArea
from app.store.read_ahead import read_ahead
from app.store.tables.incidents import Improvement, Incident, IncidentEvent, IncidentTask
from app.store.tables.persons import Person
from app.store.tables.tasks import Task, TaskEvent, TaskPerson, Trip
from app.store.tables.warnings import WarningRecord

CHUNK = 5_000
IN_CHUNK = 900  # ids in one IN list (SQLite's variable limit is 999 on old builds)
Row = dict[str, Any]


@dataclass(frozen=True)
class PackPolicy:
    """What a pack may hold (set from the role it is made for): people of the area, their records, the
    identity hash that matches records from elsewhere, names in clear, warnings."""

    people: bool = True
    records: bool = True
    identity_hash: bool = False
    clear_names: bool = False
    warnings: bool = True


def copy_rows(src: Connection, dst: Connection, table: Table, where: Any = None,
              transform: Callable[[Row], Row] | None = None) -> int:
    """Copy the rows of ``table`` matching ``where`` from ``src`` to ``dst``; returns how many."""
    has_geometry = any(isinstance(c.type, GeometryType) for c in table.columns)
    # SQLite to SQLite: GeoPackage blobs pass through as they are (decoding and re-encoding is most of the time)
    raw_blobs = has_geometry and src.dialect.name == dst.dialect.name == "sqlite"
    columns = [type_coerce(c, LargeBinary).label(c.name) if raw_blobs and isinstance(c.type, GeometryType) else c
               for c in table.columns]
    query = select(*columns) if where is None else select(*columns).where(where)
    names = [c.name for c in table.columns]
    raw = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
    n = 0
    result = src.execution_options(yield_per=CHUNK).execute(query)
    if transform is None and (raw_blobs or not has_geometry) and dst.dialect.name == "sqlite":
        # the bulk of a pack (records): rows go as the tuples they came in, in the table's column order; from a
        # PostgreSQL centre the next batch is fetched while this one is written
        batches = ([tuple(r) for r in part] for part in result.partitions(CHUNK))
        for rows in read_ahead(batches) if src.dialect.name == "postgresql" else batches:
            dst.exec_driver_sql(raw, rows)
            n += len(rows)
        return n
    for part in result.partitions(CHUNK):
        rows = [dict(r._mapping) for r in part]
        if transform is not None:
            rows = [transform(r) for r in rows]
        if (has_geometry and not raw_blobs) or dst.dialect.name != "sqlite":
            dst.execute(insert(table), rows)
        else:
            dst.exec_driver_sql(raw, [tuple(r[c] for c in names) for r in rows])
        n += len(rows)
    return n


def chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), IN_CHUNK):
        yield ordered[start:start + IN_CHUNK]


def copy_by_ids(src: Connection, dst: Connection, table: Table, column: str, ids: Iterable[int],
                transform: Callable[[Row], Row] | None = None) -> int:
    return sum(copy_rows(src, dst, table, table.c[column].in_(part), transform) for part in chunks(ids))


def person_form(policy: PackPolicy) -> Callable[[Row], Row]:
    """A person as the pack may hold them: the identity hash only if the role may match, names masked unless
    the role may see them (``id_masked`` is the mask already). A stand-in keeps ``id_hash`` unique."""

    def form(row: Row) -> Row:
        if not policy.identity_hash:
            row["id_hash"] = f"none:{row['id']}"
        if not policy.clear_names:
            row["name"] = mask_name(row["name"])
        return row

    return form


def ensure_persons(src: Connection, dst: Connection, ids: Iterable[int], policy: PackPolicy) -> int:
    """Copy the people among ``ids`` the pack does not hold yet (people a task, warning or incident is about)."""
    p = Person.__table__
    wanted = set(ids)
    held = {int(i) for part in chunks(wanted) for i in dst.scalars(select(p.c.id).where(p.c.id.in_(part)))}
    return copy_by_ids(src, dst, p, "id", wanted - held, person_form(policy))


def area_task_ids(src: Connection, area: PackArea, extra: Iterable[int] = ()) -> list[int]:
    """The open tasks of the area (assigned to a unit in it), tasks named in ``extra``, and their ancestors."""
    t = Task.__table__
    ids = set(src.scalars(select(t.c.id).where(t.c.assignee_code.startswith(area.code, autoescape=True),
                                               t.c.status.in_([int(s) for s in OPEN_STATUSES]))))
    ids |= set(extra)
    frontier = ids
    while frontier:
        parents = {int(p) for part in chunks(frontier)
                   for p in src.scalars(select(t.c.parent_id).where(t.c.id.in_(part), t.c.parent_id.is_not(None)))}
        frontier = parents - ids
        ids |= frontier
    return sorted(ids)


def area_warning_ids(src: Connection, area: PackArea, extra: Iterable[int] = ()) -> list[int]:
    w = WarningRecord.__table__
    ids = set(extra)
    for part in chunks(area.grid_ids):
        ids |= set(src.scalars(select(w.c.id).where(w.c.grid_id.in_(part),
                                                    w.c.status.in_([int(s) for s in OPEN_WARNINGS]))))
    return sorted(ids)


def open_incident_ids(src: Connection, extra: Iterable[int] = ()) -> list[int]:
    i = Incident.__table__
    return sorted(set(src.scalars(select(i.c.id).where(i.c.closed_at.is_(None)))) | set(extra))


@dataclass(frozen=True)
class WorkPicked:
    """The operational rows of an area: tasks, warnings, incidents (ids at the centre)."""

    task_ids: Sequence[int]
    warning_ids: Sequence[int]
    incident_ids: Sequence[int]


def pick_work(src: Connection, area: PackArea, policy: PackPolicy, touched: Mapping[str, Iterable[int]]) -> WorkPicked:
    """What of the centre's work a pack of ``area`` holds, plus any row the pack itself changed (``touched``)."""
    return WorkPicked(area_task_ids(src, area, touched.get("tasks", ())),
                      area_warning_ids(src, area, touched.get("warnings", ())) if policy.warnings else [],
                      open_incident_ids(src, touched.get("incidents", ())))


def copy_work(src: Connection, dst: Connection, work: WorkPicked, policy: PackPolicy) -> dict[str, int]:
    """Copy tasks (with their people, trips and audit trail), warnings and incidents (with their timelines)."""
    t, tp = Task.__table__, TaskPerson.__table__
    w, i = WarningRecord.__table__, Incident.__table__
    people = {int(p) for part in chunks(work.task_ids) for p in src.scalars(select(tp.c.person_id).where(tp.c.task_id.in_(part)))}
    people |= {int(p) for part in chunks(work.warning_ids) for p in src.scalars(select(w.c.person_id).where(w.c.id.in_(part)))}
    people |= {int(p) for part in chunks(work.incident_ids)
               for p in src.scalars(select(i.c.case_person_id).where(i.c.id.in_(part), i.c.case_person_id.is_not(None)))}
    counts = {"persons_referenced": ensure_persons(src, dst, people, policy)}
    counts["tasks"] = copy_by_ids(src, dst, t, "id", work.task_ids)
    counts["task_people"] = copy_by_ids(src, dst, tp, "task_id", work.task_ids)
    counts["trips"] = copy_by_ids(src, dst, Trip.__table__, "task_id", work.task_ids)
    counts["task_events"] = copy_by_ids(src, dst, TaskEvent.__table__, "task_id", work.task_ids)
    counts["warnings"] = copy_by_ids(src, dst, w, "id", work.warning_ids)
    counts["incidents"] = copy_by_ids(src, dst, i, "id", work.incident_ids)
    counts["incident_tasks"] = _incident_links(src, dst, work.incident_ids, set(work.task_ids))
    counts["incident_events"] = copy_by_ids(src, dst, IncidentEvent.__table__, "incident_id", work.incident_ids)
    counts["incident_improvements"] = copy_by_ids(src, dst, Improvement.__table__, "incident_id", work.incident_ids)
    return counts


def _incident_links(src: Connection, dst: Connection, incident_ids: Sequence[int], task_ids: set[int]) -> int:
    """The links of held incidents to held tasks (a link to a task outside the pack has nothing to point at)."""
    it = IncidentTask.__table__
    rows = [dict(r._mapping) for part in chunks(incident_ids)
            for r in src.execute(select(it).where(it.c.incident_id.in_(part))) if r.task_id in task_ids]
    if rows:
        dst.execute(insert(it), rows)
    return len(rows)
