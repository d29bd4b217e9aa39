"""Reading the dispatch queue: one page of tasks filtered and sorted in SQL, counts, audit trails, changes.

Nothing here loads the whole queue: pages come back ``LIMIT``-ed, counts are ``COUNT(*)``, and the change
token is ``max(task_events.id)`` — one index probe that another console's write always moves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Connection, FromClause, Select, case, exists, func, or_, select
from sqlalchemy.orm import aliased

from app.domain.roles import COUNTY_CODE, code_range
from app.domain.task_titles import names
from app.domain.tasks import OPEN_STATUSES, SORT_KEYS, EventRow, TaskRow, TaskStatus
from app.store.queries.arrays import IN_CHUNK
from app.store.store import Store
from app.store.tables.admin import AdminUnit, GridLeader
from app.store.tables.incidents import IncidentTask
from app.store.tables.persons import Person
from app.store.tables.tasks import Task, TaskEvent, TaskPerson


@dataclass(frozen=True)
class TaskFilter:
    """Which tasks a queue shows and in what order. Empty tuples mean "any"."""

    statuses: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    priorities: tuple[int, ...] = ()
    unit_code: str | None = None  # tasks assigned to this unit or any unit below it
    text: str = ""  # a part of the title
    overdue_at: int | None = None  # only open tasks due before this time
    parent_id: int | None = None
    roots_only: bool = False
    person_id: int | None = None
    incident_id: int | None = None  # only the tasks this incident's plan dispatched (the wartime queue)
    at: int | None = None  # the queue as it stood at this second: tasks created by then, in the status they had then
    sort: str = "due_at"
    descending: bool = False


@dataclass(frozen=True)
class UnitRow:
    id: int
    level: int
    code: str
    parent_id: int | None
    name_zh: str
    leader: str | None
    name_pinyin: str = ""

    @property
    def names(self) -> dict[str, str]:
        """The unit's name in both languages, as a task title's argument."""
        return names(self.name_zh, self.name_pinyin)


def _tasks(at: int | None) -> FromClause:
    """The tasks table, or the tasks as they stood at ``at``: those created by then, each with the status its last
    event up to then set (the audit trail is append-only, so the past can be read back exactly), not yet closed,
    claimed or escalated unless that happened by then, and at the version it had then. The one past reading:
    every field a view shows of a past task comes from here."""
    t = Task.__table__
    if at is None:
        return t
    e = TaskEvent.__table__
    status_then = (select(e.c.to_status).where(e.c.task_id == t.c.id, e.c.at <= at, e.c.to_status.is_not(None))
                   .order_by(e.c.at.desc(), e.c.id.desc()).limit(1).scalar_subquery())
    # whoever took the task (a claim, or a transition or trip through "acknowledged") wrote the event that moved
    # it there; a claim with no such event (merged from a field pack) cannot be dated and is shown as it is now
    acknowledged = (e.c.task_id == t.c.id) & (e.c.to_status == int(TaskStatus.ACKNOWLEDGED))
    claimant_then = (select(e.c.by).where(acknowledged, e.c.at <= at)
                     .order_by(e.c.at.desc(), e.c.id.desc()).limit(1).scalar_subquery())
    claimed_then = case((exists().where(acknowledged), claimant_then), else_=t.c.claimed_by)
    escalated = t.c.escalated_at <= at
    then = {"status": func.coalesce(status_then, int(TaskStatus.NEW)),
            "closed_at": case((t.c.closed_at <= at, t.c.closed_at), else_=None),
            "claimed_by": claimed_then,
            "escalated_unit_id": case((escalated, t.c.escalated_unit_id), else_=None),
            "escalated_at": case((escalated, t.c.escalated_at), else_=None),
            "updated_at": func.coalesce(select(func.max(e.c.at)).where(e.c.task_id == t.c.id, e.c.at <= at,
                                                                       e.c.action != "note").scalar_subquery(),
                                        t.c.created_at),
            "version": t.c.version - _changes_after(at)}
    columns = [then[c.name].label(c.name) if c.name in then else c for c in t.c]
    return select(*columns).where(t.c.created_at <= at).subquery("tasks_then")


def _changes_after(at: int):  # noqa: ANN202  (a scalar subquery)
    """How many times the task's version grew after ``at``: each change (compare-and-set) logs one event, or one per
    status step it takes, all at one moment under one action, each step starting where the one before ended; a
    note changes nothing."""
    t, e, before = Task.__table__, TaskEvent.__table__, aliased(TaskEvent.__table__)
    step_of_one_change = (exists().where(before.c.id == e.c.id - 1, before.c.task_id == e.c.task_id,
                                         before.c.at == e.c.at, before.c.action == e.c.action,
                                         before.c.to_status == e.c.from_status))
    return (select(func.count()).where(e.c.task_id == t.c.id, e.c.at > at, e.c.action != "note", ~step_of_one_change)
            .scalar_subquery())


def _rows(t: FromClause = Task.__table__) -> Select:
    """A task (or a task as it stood: :func:`_tasks`) with its units' names."""
    return _current_rows() if t is Task.__table__ else _rows_from(t)


@cache
def _current_rows() -> Select:
    """Built once: a select is immutable (``where`` returns a new one), and building this one (two aliases, labelled
    ORM columns) cost ~5 ms, most of a drill step's time."""
    return _rows_from(Task.__table__)


def _rows_from(t: FromClause) -> Select:
    target, assignee = aliased(AdminUnit), aliased(AdminUnit)
    return (
        select(t, target.code.label("target_code"), target.name_zh.label("target_name"),
               assignee.name_zh.label("assignee_unit_name"), assignee.name_pinyin.label("assignee_unit_pinyin"))
        .outerjoin(target, target.id == t.c.target_unit_id)
        .join(assignee, assignee.id == t.c.assignee_unit_id)
    )


def _where(query: Select, f: TaskFilter, t: FromClause) -> Select:
    if f.statuses:
        query = query.where(t.c.status.in_(f.statuses))
    if f.kinds:
        query = query.where(t.c.kind.in_(f.kinds))
    if f.sources:
        query = query.where(t.c.source.in_(f.sources))
    if f.priorities:
        query = query.where(t.c.priority.in_(f.priorities))
    if f.unit_code:
        # codes nest by prefix: a range (not LIKE) so both backends use the index
        low, high = code_range(f.unit_code)
        query = query.where(t.c.assignee_code >= low, t.c.assignee_code < high)
    if f.text:
        query = query.where(t.c.title.contains(f.text, autoescape=True))
    if f.overdue_at is not None:
        query = query.where(t.c.due_at < f.overdue_at, t.c.status.in_([int(s) for s in OPEN_STATUSES]))
    if f.parent_id is not None:
        query = query.where(t.c.parent_id == f.parent_id)
    if f.roots_only:
        query = query.where(t.c.parent_id.is_(None))
    if f.person_id is not None:
        query = query.where(t.c.id.in_(select(TaskPerson.task_id).where(TaskPerson.person_id == f.person_id)))
    if f.incident_id is not None:
        query = query.where(t.c.id.in_(select(IncidentTask.task_id).where(IncidentTask.incident_id == f.incident_id)))
    return query


def _in_scope(query: Select, store: Store, t: FromClause) -> Select:
    """Only the tasks of units under the store's principal (PostgreSQL's row-level security says the same)."""
    scope = store.principal.scope
    if scope == COUNTY_CODE:
        return query
    low, high = code_range(scope)
    return query.where(t.c.assignee_code >= low, t.c.assignee_code < high)


def task_page(store: Store, f: TaskFilter, offset: int = 0, limit: int = 200) -> list[TaskRow]:
    """Rows ``offset .. offset+limit`` of the filtered queue, sorted (ties broken by id)."""
    if f.sort not in SORT_KEYS:
        raise ValueError(f"cannot sort tasks by {f.sort!r} (keys: {', '.join(SORT_KEYS)})")
    t = _tasks(f.at)
    key = t.c[f.sort]
    order = [key.desc(), t.c.id.desc()] if f.descending else [key.asc(), t.c.id.asc()]
    query = _in_scope(_where(_rows(t), f, t), store, t).order_by(*order).offset(offset).limit(limit)
    with store.engine.connect() as conn:
        return [TaskRow(**row._mapping) for row in conn.execute(query)]


def task_count(store: Store, f: TaskFilter) -> int:
    t = _tasks(f.at)
    query = _in_scope(_where(select(func.count()).select_from(t), f, t), store, t)
    with store.engine.connect() as conn:
        return int(conn.scalar(query) or 0)


def next_due(store: Store, after: int) -> int | None:
    """When the next open task falls due at or after ``after`` (Unix seconds), or None: the moment an overdue
    count grows with no write to announce it."""
    t = _tasks(None)
    query = select(func.min(t.c.due_at)).where(t.c.due_at >= after, t.c.status.in_([int(s) for s in OPEN_STATUSES]))
    with store.engine.connect() as conn:
        found = conn.scalar(_in_scope(query, store, t))
    return None if found is None else int(found)


def task_row(conn: Connection, task_id: int, at: int | None = None) -> TaskRow | None:
    """The task, or the task as it stood at ``at`` (None if it did not exist yet)."""
    t = _tasks(at)
    row = conn.execute(_rows(t).where(t.c.id == task_id)).first()
    return TaskRow(**row._mapping) if row else None


def task_rows(conn: Connection, task_ids: Sequence[int], lock: bool = False) -> dict[int, TaskRow]:
    """Many tasks by id in one query per ``IN_CHUNK`` ids (one select each costs ~1 ms to build); ``lock`` holds
    them until the transaction ends (PostgreSQL; an SQLite writer holds the whole store)."""
    ids, out = sorted(set(task_ids)), {}
    for start in range(0, len(ids), IN_CHUNK):
        query = _rows().where(Task.__table__.c.id.in_(ids[start : start + IN_CHUNK]))
        for row in conn.execute(query.with_for_update(of=Task.__table__) if lock else query):
            out[int(row.id)] = TaskRow(**row._mapping)
    return out


def with_children(conn: Connection, task_ids: Sequence[int]) -> set[int]:
    """The tasks among ``task_ids`` that have child tasks."""
    t, ids, out = Task.__table__, sorted(set(task_ids)), set()
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start : start + IN_CHUNK]
        out.update(conn.scalars(select(t.c.parent_id).where(t.c.parent_id.in_(chunk)).distinct()))
    return out


def task_events(store: Store, task_id: int) -> list[EventRow]:
    e = TaskEvent.__table__
    with store.engine.connect() as conn:
        rows = conn.execute(select(e).where(e.c.task_id == task_id).order_by(e.c.id))
        return [EventRow(**row._mapping) for row in rows]


def task_people(store: Store, task_id: int) -> list[int]:
    p = TaskPerson.__table__
    with store.engine.connect() as conn:
        return list(conn.scalars(select(p.c.person_id).where(p.c.task_id == task_id).order_by(p.c.person_id)))


def escalation_candidates(store: Store, now: int, last_before: int, limit: int) -> list[TaskRow]:
    """Open tasks past due that were never escalated, or last escalated at or before ``last_before``;
    the ``limit`` longest overdue."""
    t = Task.__table__
    query = (_rows().where(t.c.status.in_([int(s) for s in OPEN_STATUSES]), t.c.due_at < now,
                           or_(t.c.escalated_at.is_(None), t.c.escalated_at <= last_before))
             .order_by(t.c.due_at, t.c.id).limit(limit))
    with store.engine.connect() as conn:
        return [TaskRow(**row._mapping) for row in conn.execute(query)]


def child_status_counts(conn: Connection, parent_id: int, at: int | None = None) -> dict[int, int]:
    """Status -> how many of the task's children have it (at ``at``: the children made by then, as they were)."""
    t = _tasks(at)
    query = select(t.c.status, func.count()).where(t.c.parent_id == parent_id).group_by(t.c.status)
    return {int(s): int(n) for s, n in conn.execute(query)}


def change_token(store: Store) -> int:
    """Grows whenever any console changes any task (every change appends an event)."""
    with store.engine.connect() as conn:
        return int(conn.scalar(select(func.max(TaskEvent.__table__.c.id))) or 0)


def open_tasks_by_unit(store: Store, at: int | None = None) -> dict[int, int]:
    """assignee unit id -> number of open tasks (at ``at``: as they stood then), for the map."""
    t = _tasks(at)
    query = (select(t.c.assignee_unit_id, func.count()).where(t.c.status.in_([int(s) for s in OPEN_STATUSES]))
             .group_by(t.c.assignee_unit_id))
    with store.engine.connect() as conn:
        return {int(u): int(n) for u, n in conn.execute(query)}


def unit_directory(store: Store) -> list[UnitRow]:
    """Every admin unit with its grid leader's name (grids only): what routing needs."""
    a, g = AdminUnit.__table__, GridLeader.__table__
    query = (select(a.c.id, a.c.level, a.c.code, a.c.parent_id, a.c.name_zh, g.c.name.label("leader"), a.c.name_pinyin)
             .outerjoin(g, g.c.grid_id == a.c.id))
    with store.engine.connect() as conn:
        return [UnitRow(**row._mapping) for row in conn.execute(query)]


def home_grids(store: Store, person_ids: Sequence[int]) -> dict[int, int | None]:
    """person id -> home grid id (None when unknown), for the people that exist."""
    p, ids = Person.__table__, sorted(set(person_ids))
    out: dict[int, int | None] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(ids), IN_CHUNK):
            chunk = ids[start : start + IN_CHUNK]
            out.update((int(i), g) for i, g in conn.execute(select(p.c.id, p.c.home_grid_id).where(p.c.id.in_(chunk))))
    return out


__all__ = ["SORT_KEYS", "EventRow", "TaskFilter", "TaskRow", "UnitRow", "change_token", "child_status_counts", "escalation_candidates",
           "home_grids", "open_tasks_by_unit", "task_count", "task_events", "task_page", "task_people", "task_row",
           "unit_directory"]
