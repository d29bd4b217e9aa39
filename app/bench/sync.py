"""Benchmark group ``sync``: offline packs.

Both cases work on temporary COPIES of the given store (SQLite's backup API), never on the store itself.

- ``pack_town``: take the most populous town out as a town operator's pack (size and rows in the notes);
- ``sync_10k``: sync a pack holding 10,000 offline changes (1,000 claims with their audit events and 8,000
  notes) back to its centre, pull included. Run once (a sync is not repeatable), on the copy of the centre the
  pack was made from: copying a full centre again would be most of the time measured.
"""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import func, select

from app.bench import BenchContext, Case
from app.domain.admin import Level
from app.models.dispatch.service import TaskService, TaskSpec
from app.models.packs.service import make_pack, stamp_device, sync
from app.store import Store, StoreError
from app.store.store import resolve_url, sqlite_path
from app.store.tables.admin import AdminUnit
from app.store.tables.tasks import TaskEvent

N_CLAIMS = 1_000
N_NOTES = 8_000
NOW = 1_650_000_000


def _copy(source: Path, target: Path) -> Path:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def _biggest_town(store: Store) -> str:
    a = AdminUnit.__table__
    with store.engine.connect() as conn:
        return str(conn.scalar(select(a.c.code).where(a.c.level == int(Level.TOWN)).order_by(a.c.population.desc())))


def cases(ctx: BenchContext) -> list[Case]:
    source = sqlite_path(resolve_url(ctx.db))
    if source is None or not source.exists():
        raise StoreError("bench sync needs an existing store file (--db PATH): it works on copies of it")
    folder = Path(tempfile.mkdtemp(prefix="jingkong-bench-sync-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    notes: dict[str, object] = {}
    synced: dict[str, object] = {"changes": N_CLAIMS * 2 + N_NOTES}
    state: dict[str, object] = {}

    def centre() -> Store:
        if "centre" not in state:
            state["centre"] = Store.open(_copy(source, folder / "centre.gpkg"))
            atexit.register(state["centre"].close)
        return state["centre"]  # type: ignore[return-value]

    def pack_town() -> None:
        store = centre()
        town = _biggest_town(store)
        report = make_pack(store, town, "town_operator", folder / "town.gpkg")
        notes.update(town=town, mb=round(report.size_bytes / 1e6, 1), persons=report.rows.get("persons", 0))

    def prepare_sync() -> None:
        store = centre()
        town = _biggest_town(store)
        service = TaskService(store, clock=lambda: NOW)
        ids = service.create_many([TaskSpec("custom", "manual", f"bench {i}", town) for i in range(N_CLAIMS)])
        for task_id in ids:
            service.transition(task_id, "dispatched", by="bench")
        make_pack(store, town, "town_operator", folder / "work.gpkg")
        pack = Store.open(folder / "work.gpkg")
        stamp_device(pack)
        laptop = TaskService(pack, clock=lambda: NOW)
        for task_id in ids:
            laptop.claim(task_id, by="bench")
        with pack.begin() as conn:  # notes as the service writes them, in one go
            conn.execute(TaskEvent.__table__.insert(), [{"task_id": ids[i % N_CLAIMS], "at": NOW, "by": "bench",
                                                         "action": "note", "note": f"n{i}"} for i in range(N_NOTES)])
        pack.close()
        state["run"] = (Store.open(folder / "work.gpkg"), centre())

    def run_sync() -> None:
        pack, target = state.pop("run")  # type: ignore[misc]
        report = sync(pack, target)
        with target.engine.connect() as conn:
            synced["applied"] = int(conn.scalar(select(func.count()).select_from(TaskEvent.__table__)) or 0)
        synced["sent"] = report.pushed.sent
        pack.close()

    return [Case("pack_town", pack_town, notes=notes, runs=1, warmup=False),
            Case("sync_10k", run_sync, setup=prepare_sync, notes=synced, runs=1, warmup=False)]
