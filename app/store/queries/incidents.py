"""Reads and writes of incidents: the incident row, the tasks it dispatched, its timeline, its improvement plan."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from app.domain.incidents import ImprovementRow, IncidentRow, LinkedTask, TimelineEvent
from app.store.masking import mask_identities_in
from app.store.store import Store
from app.store.tables.incidents import Improvement, Incident, IncidentEvent, IncidentTask
from app.store.tables.tasks import Task, TaskEvent

I, IT, IE, IMP = Incident.__table__, IncidentTask.__table__, IncidentEvent.__table__, Improvement.__table__


def insert_incident(conn: Connection, values: Mapping[str, Any]) -> int:
    return int(conn.execute(insert(I).returning(I.c.id), [dict(values)]).scalar_one())


def update_incident(conn: Connection, incident_id: int, values: Mapping[str, Any]) -> None:
    conn.execute(update(I).where(I.c.id == incident_id).values(**values))


def incident_row(store: Store, incident_id: int) -> IncidentRow | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(I).where(I.c.id == incident_id)).first()
    return IncidentRow(**row._mapping) if row else None


def latest_incident_id(store: Store, mode: str | None = None) -> int | None:
    query = select(func.max(I.c.id))
    if mode is not None:
        query = query.where(I.c.mode == mode)
    with store.engine.connect() as conn:
        return conn.execute(query).scalar()


def incident_list(store: Store) -> list[IncidentRow]:
    with store.engine.connect() as conn:
        return [IncidentRow(**r._mapping) for r in conn.execute(select(I).order_by(I.c.id.desc()))]


def insert_links(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    if rows:
        conn.execute(insert(IT), [dict(r) for r in rows])


def linked_tasks(store: Store, incident_id: int) -> list[LinkedTask]:
    t = Task.__table__
    query = (select(IT.c.task_id, IT.c.action, IT.c.milestone, IT.c.quantity, IT.c.unit, t.c.status, t.c.assignee_code,
                    t.c.parent_id, t.c.title, t.c.target_wkt, t.c.due_at)
             .join(t, t.c.id == IT.c.task_id).where(IT.c.incident_id == incident_id).order_by(IT.c.task_id))
    with store.engine.connect() as conn:
        return [LinkedTask(*row) for row in conn.execute(query)]


def incident_clocks(store: Store, task_ids: Sequence[int]) -> tuple[dict[int, int], dict[int, tuple[str, int]]]:
    """For these tasks: the incident each belongs to (task id -> incident id, tasks of no incident left out), and
    per incident its mode and the last moment it recorded (its close, else its latest event or task event)."""
    if not task_ids:
        return {}, {}
    e = TaskEvent.__table__
    with store.engine.connect() as conn:
        owner = {int(t): int(i) for t, i in conn.execute(select(IT.c.task_id, IT.c.incident_id)
                                                          .where(IT.c.task_id.in_(list(task_ids))))}
        ids = sorted(set(owner.values()))
        rows = conn.execute(select(I.c.id, I.c.mode, I.c.closed_at, I.c.case_at).where(I.c.id.in_(ids))).all()
        own = dict(conn.execute(select(IE.c.incident_id, func.max(IE.c.at)).where(IE.c.incident_id.in_(ids))
                                .group_by(IE.c.incident_id)).all())
        done = dict(conn.execute(select(IT.c.incident_id, func.max(e.c.at)).join(e, e.c.task_id == IT.c.task_id)
                                 .where(IT.c.incident_id.in_(ids)).group_by(IT.c.incident_id)).all())
    last = {r.id: (r.mode, int(r.closed_at if r.closed_at is not None
                                else max(own.get(r.id) or r.case_at, done.get(r.id) or r.case_at))) for r in rows}
    return owner, last


def change_token(store: Store) -> tuple[int, int]:
    """Grows whenever anything is recorded on any incident or task (each change appends an event): two index
    probes, so a replay can tell whether what it read is still all there is."""
    with store.engine.connect() as conn:
        return (int(conn.scalar(select(func.max(IE.c.id))) or 0),
                int(conn.scalar(select(func.max(TaskEvent.__table__.c.id))) or 0))


def status_changes(store: Store, incident_id: int, until: int | None = None) -> list[tuple[int, int, int]]:
    """(task id, at, new status) of every status change of the incident's tasks, oldest first."""
    e = TaskEvent.__table__
    query = (select(e.c.task_id, e.c.at, e.c.to_status).join(IT, IT.c.task_id == e.c.task_id)
             .where(IT.c.incident_id == incident_id, e.c.to_status.is_not(None)))
    if until is not None:
        query = query.where(e.c.at <= until)
    with store.engine.connect() as conn:
        return [(int(a), int(b), int(c)) for a, b, c in conn.execute(query.order_by(e.c.at, e.c.id))]


def add_event(conn: Connection, incident_id: int, at: int, kind: str, by: str, note: str = "",
              data: Mapping[str, Any] | None = None) -> None:
    conn.execute(insert(IE), [{"incident_id": incident_id, "at": at, "kind": kind, "by": by,
                               "note": mask_identities_in(note), "data": json.dumps(data or {}, ensure_ascii=False)}])


def timeline(store: Store, incident_id: int, until: int | None = None) -> list[TimelineEvent]:
    """The incident's own events and its tasks' events, merged in time order."""
    e = TaskEvent.__table__
    own = select(IE.c.at, IE.c.kind, IE.c.by, IE.c.note, IE.c.data, IE.c.id).where(IE.c.incident_id == incident_id)
    tasks = (select(e.c.at, e.c.action, e.c.by, e.c.note, e.c.task_id, e.c.to_status, e.c.id)
             .join(IT, IT.c.task_id == e.c.task_id).where(IT.c.incident_id == incident_id))
    if until is not None:
        own, tasks = own.where(IE.c.at <= until), tasks.where(e.c.at <= until)
    with store.engine.connect() as conn:
        out = [(r.at, 0, r.id, TimelineEvent(r.at, r.kind, r.by, r.note, data=r.data)) for r in conn.execute(own)]
        out += [(r.at, 1, r.id, TimelineEvent(r.at, r.action, r.by, r.note, r.task_id, r.to_status))
                for r in conn.execute(tasks)]
    return [item[3] for item in sorted(out, key=lambda x: x[:3])]


def improvements(store: Store, incident_id: int) -> list[ImprovementRow]:
    query = (select(IMP.c.id, IMP.c.milestone, IMP.c.issue, IMP.c.action, IMP.c.owner, IMP.c.due)
             .where(IMP.c.incident_id == incident_id).order_by(IMP.c.id))
    with store.engine.connect() as conn:
        return [ImprovementRow(*row) for row in conn.execute(query)]


def add_improvement(conn: Connection, incident_id: int, values: Mapping[str, Any]) -> int:
    row = {k: mask_identities_in(v) if isinstance(v, str) else v for k, v in values.items()}
    return int(conn.execute(insert(IMP).returning(IMP.c.id), [{"incident_id": incident_id, **row}]).scalar_one())


def remove_improvement(conn: Connection, incident_id: int, improvement_id: int) -> bool:
    result = conn.execute(delete(IMP).where(IMP.c.id == improvement_id, IMP.c.incident_id == incident_id))
    return bool(result.rowcount)


__all__ = ["add_event", "add_improvement", "improvements", "incident_list", "incident_row", "insert_incident",
           "insert_links", "latest_incident_id", "linked_tasks", "remove_improvement", "status_changes", "timeline",
           "update_incident"]
