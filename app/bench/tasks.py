"""Benchmark group ``tasks``: the dispatch queue with 100,000 tasks.

The tasks are seeded into a temporary COPY of the given store (SQLite's backup API), never into the store
itself; the copy is deleted when the process exits.

- ``queue_filter_sort``: the panel's query — open urgent/normal tasks of one town sorted by due time, one
  page plus the total count;
- ``cascade_town``: one instruction to the town with the most grids fanned out to all of them.
"""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
from pathlib import Path

import numpy as np

from app.bench import BenchContext, Case
from app.domain.admin import Level
from app.domain.tasks import OPEN_STATUSES, TaskStatus
from app.models.dispatch.cascade import cascade
from app.models.dispatch.catalogue import KINDS, ROLE_BY_LEVEL, SOURCES
from app.models.dispatch.service import TaskService
from app.store import Store, StoreError
from app.store.bulk import bulk_insert
from app.store.queries.tasks import TaskFilter, task_count, task_page, unit_directory
from app.store.store import resolve_url, sqlite_path

N_TASKS = 100_000
NOW = 1_650_000_000  # a fixed clock: the same seed gives the same queue


class SeededCopy:
    """A temporary copy of a store holding ``N_TASKS`` seeded tasks, made on first use."""

    def __init__(self, db: str | None) -> None:
        self.source = sqlite_path(resolve_url(db))
        if self.source is None or not self.source.exists():
            raise StoreError("bench tasks needs an existing store file (--db PATH): it seeds tasks into a copy of it")
        self.service: TaskService | None = None

    def ensure(self) -> TaskService:
        if self.service is None:
            folder = Path(tempfile.mkdtemp(prefix="jingkong-bench-tasks-"))
            atexit.register(shutil.rmtree, folder, ignore_errors=True)
            copy = folder / "store.gpkg"
            with sqlite3.connect(self.source) as src, sqlite3.connect(copy) as dst:
                src.backup(dst)
            store = Store.open(copy)
            atexit.register(store.close)
            self.service = TaskService(store, clock=lambda: NOW)
            _seed(self.service)
        return self.service


def _seed(service: TaskService) -> None:
    rng = np.random.default_rng(6)
    units = [u for u in unit_directory(service.store) if u.level >= Level.TOWN]
    pick = rng.integers(0, len(units), N_TASKS)
    kinds = rng.integers(0, len(KINDS), N_TASKS)
    priority = rng.integers(1, 4, N_TASKS)
    status = rng.choice(len(TaskStatus), N_TASKS, p=[0.1, 0.2, 0.15, 0.15, 0.3, 0.05, 0.05])
    created = NOW - rng.integers(0, 14 * 86_400, N_TASKS)
    due = created + np.array([service.levels.due_after(KINDS[k], int(p)) for k, p in zip(kinds, priority)])
    ids = np.arange(1, N_TASKS + 1) + _max_id(service)
    with service.store.begin() as conn:
        bulk_insert(conn, "tasks", {
            "id": ids, "kind": [KINDS[k] for k in kinds], "source": [SOURCES[k % len(SOURCES)] for k in kinds],
            "title": [f"bench task {i}" for i in ids], "priority": priority, "status": status,
            "target_unit_id": [units[i].id for i in pick], "assignee_unit_id": [units[i].id for i in pick],
            "assignee_code": [units[i].code for i in pick], "assignee_role": [ROLE_BY_LEVEL[units[i].level] for i in pick],
            "assignee_name": [units[i].leader for i in pick], "created_at": created, "due_at": due,
            "updated_at": created, "version": np.ones(N_TASKS, np.int64),
        })
        bulk_insert(conn, "task_events", {"task_id": ids, "at": created, "by": ["bench"] * N_TASKS,
                                          "action": ["create"] * N_TASKS, "note": [""] * N_TASKS})
        conn.exec_driver_sql("ANALYZE")


def _max_id(service: TaskService) -> int:
    with service.store.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM tasks").scalar() or 0)


def cases(ctx: BenchContext) -> list[Case]:
    seeded = SeededCopy(ctx.db)
    town: dict[str, object] = {"tasks": N_TASKS}  # the town cascaded to, filled in by setup

    def query() -> None:
        service = seeded.ensure()
        f = TaskFilter(statuses=tuple(int(s) for s in OPEN_STATUSES), priorities=(1, 2), unit_code=str(town["town"]),
                       sort="due_at")
        task_page(service.store, f, 0, 200)
        task_count(service.store, f)

    def pick_town() -> None:
        service = seeded.ensure()
        towns = service.router.descendants(service.router.county.id, Level.TOWN)
        best = max(towns, key=lambda u: len(service.router.descendants(u.id, Level.GRID)))
        town.update(town=best.code, grids=len(service.router.descendants(best.id, Level.GRID)))

    def fan_out() -> None:
        service = seeded.ensure()
        parent = service.create(kind="lockdown", source="drill", title="bench cascade", target_unit_code=str(town["town"]))
        cascade(service, parent, Level.GRID, by="bench")

    return [Case("queue_filter_sort", query, setup=pick_town, notes=town),
            Case("cascade_town", fan_out, setup=pick_town, notes=town)]
