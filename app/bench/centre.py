"""Benchmark group ``centre``: several consoles on one PostgreSQL command-centre store (``--db postgresql…``).

- ``load_8``: 8 processes claim (``FOR UPDATE SKIP LOCKED``), move, create and transfer for ``--seconds``
  (default 60), then every task's event log is checked against its state, the audit chain is walked and
  every hotel's beds counted. JSON: ``ops_per_s``, ``p95_ms``, ``double_claims``, ``lost_updates``,
  ``overbookings``, ``deadlocks``, ``errors`` (all but the first two must be 0), ``event_log_mismatches``.
- ``notify_tasks``, ``notify_warnings``, ``notify_transfers``, ``notify_incidents`` (``app.bench.centre_notify``):
  another process follows the store as a console does; each run commits one change and waits until that
  process's look named it — the time a change takes to reach another console's command picture.

The cases write tasks and transfers into the store: run them on a scratch copy of a demo store.
"""

from __future__ import annotations

import multiprocessing

import numpy as np

from app.bench import BenchContext, Case
from app.bench.centre_load import BENCH_REF, WorkerReport, double_claims, lost_updates, work
from app.bench.centre_notify import cases as notify_cases
from app.models.dispatch.service import TaskService, TaskSpec
from app.models.dispatch.transport import TransportService
from app.store import Store, StoreError, audit
from app.store.store import resolve_url

PROCESSES = 8
HOTELS = 4


def _store(ctx: BenchContext) -> Store:
    url = resolve_url(ctx.db)
    if not url.startswith("postgresql"):
        raise StoreError("bench centre needs a PostgreSQL store: --db postgresql+psycopg://…")
    return Store.open(url)


def _hotel_use(transport: TransportService, hotels: list[int]) -> dict[int, tuple[int, int]]:
    return {h.id: (h.used, h.capacity) for h in transport.hotels() if h.id in hotels}


class Load:
    def __init__(self, ctx: BenchContext) -> None:
        self.ctx = ctx
        self.seconds = float(ctx.options.get("seconds") or 60)
        self.case = Case("load_8", self.run, runs=1, warmup=False)

    def run(self) -> None:
        store = _store(self.ctx)
        try:
            tasks = TaskService(store)
            transport = TransportService(tasks)
            hotels = [h.id for h in transport.hotels()[:HOTELS]]
            before = _hotel_use(transport, hotels)
            with store.engine.connect() as conn:
                people = list(conn.exec_driver_sql("SELECT id FROM persons WHERE home_grid_id IS NOT NULL "
                                                   "ORDER BY id LIMIT 2000").scalars())
                grid = conn.exec_driver_sql("SELECT code FROM admin_units WHERE level = 3 LIMIT 1").scalar_one()
            seeded = tasks.create_many([TaskSpec("screening", "manual", "bench seed", grid, source_ref=BENCH_REF)
                                        for _ in range(200)], by="bench")
            for task in seeded:
                tasks.transition(task, "dispatched", by="bench")
            spawn = multiprocessing.get_context("spawn")
            with spawn.Pool(PROCESSES) as pool:
                reports: list[WorkerReport] = pool.starmap(work, [(i, store.url, self.seconds, hotels, people, 1)
                                                                  for i in range(PROCESSES)])
            after = _hotel_use(transport, hotels)
            with store.engine.connect() as conn:
                mismatches = audit.state_mismatches(conn)
                _entries, broken = audit.check_chain(conn)
        finally:
            store.close()
        latencies = np.concatenate([np.asarray(r.latencies_ms) for r in reports])
        elapsed = max(r.ended for r in reports) - min(r.started for r in reports)
        self.case.notes.update({
            "seconds": self.seconds, "processes": PROCESSES,
            "ops": sum(r.ops for r in reports), "refused": sum(r.refused for r in reports),
            "ops_per_s": round(sum(r.ops for r in reports) / elapsed, 1),
            "p95_ms": round(float(np.percentile(latencies, 95)), 1) if len(latencies) else None,
            "double_claims": double_claims(reports), "lost_updates": lost_updates(reports),
            "overbookings": sum(1 for h, (used, cap) in after.items() if used > max(cap, before[h][0])),
            "deadlocks": sum(r.deadlocks for r in reports), "errors": sum(r.errors for r in reports),
            "first_error": next((r.first_error for r in reports if r.first_error), ""),
            "event_log_mismatches": len(mismatches), "audit_chain_intact": broken is None,
        })


def cases(ctx: BenchContext) -> list[Case]:
    return [Load(ctx).case, *notify_cases(ctx)]


__all__ = ["cases"]
