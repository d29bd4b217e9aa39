"""Benchmark group ``dispatch``: one bulk dispatch of 904 tasks (one per grid, as a county-wide screening makes),
said, done and taken back — on a temporary COPY of the given store, deleted when the process exits.

- ``plan_904``: route the 904 tasks and count their receivers (what the question before dispatching costs);
- ``dispatch_904``: create them (one transaction);
- ``undo_904``: cancel them one by one through the lifecycle, each with its audit event (Ctrl+Z).
"""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import text

from app.bench import BenchContext, Case
from app.models.dispatch.service import TaskService, TaskSpec
from app.models.dispatch_plan import BulkDispatch, DispatchPlan, plan_dispatch
from app.store import Store, StoreError
from app.store.store import resolve_url, sqlite_path

N_TASKS = 904
NOW = 1_650_000_000


def _copy(db: str | None) -> Store:
    source = sqlite_path(resolve_url(db))
    if source is None or not source.exists():
        raise StoreError("bench dispatch needs an existing store file (--db PATH): it dispatches into a copy of it")
    folder = Path(tempfile.mkdtemp(prefix="jingkong-bench-dispatch-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    with sqlite3.connect(source) as src, sqlite3.connect(folder / "store.gpkg") as dst:
        src.backup(dst)
    store = Store.open(folder / "store.gpkg")
    atexit.register(store.close)
    return store


def _specs(store: Store) -> list[TaskSpec]:
    """One screening task per grid for one of its residents, for the first ``N_TASKS`` grids."""
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT MIN(p.id), a.code FROM persons p JOIN admin_units a ON a.id = p.home_grid_id "
                                 "GROUP BY a.code ORDER BY a.code LIMIT :n"), {"n": N_TASKS}).all()
    return [TaskSpec(kind="screening", source="screening", title=f"bench screening {code}", target_unit_code=code,
                     person_ids=(int(pid),), priority=1) for pid, code in rows]


def cases(ctx: BenchContext) -> list[Case]:
    store = _copy(ctx.db)
    service = TaskService(store, clock=lambda: NOW)
    specs = _specs(store)
    plan: list[DispatchPlan] = [plan_dispatch(service, specs)]
    done: list[BulkDispatch] = []

    def dispatch() -> None:
        bulk = BulkDispatch(service, plan[0], "bench")
        bulk.run()
        done.append(bulk)

    def undo() -> None:
        done.pop().revoke("bench undo")

    notes = {"tasks": len(specs), "receivers": sum(plan[0].assignees.values())}
    return [Case("plan_904", lambda: plan.__setitem__(0, plan_dispatch(service, specs)), notes=notes),
            Case("dispatch_904", dispatch, runs=3, warmup=False, notes=notes),
            Case("undo_904", undo, runs=3, warmup=False, notes=notes)]
