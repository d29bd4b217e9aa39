"""Benchmark group ``centre``: several consoles on one PostgreSQL command-centre store (``--db postgresql…``).

- ``load_8``: 8 processes claim (``FOR UPDATE SKIP LOCKED``), move, create and transfer for ``--seconds``
  (default 60), then every task's event log is checked against its state, the audit chain is walked and
  every hotel's beds counted. JSON: ``ops_per_s``, ``p95_ms``, ``double_claims``, ``lost_updates``,
  ``overbookings``, ``deadlocks``, ``errors`` (all but the first two must be 0), ``event_log_mismatches``.
- ``notify_latency``: another process listens (as another console does); each run commits a new task and
  waits until that process has been told — the time a change takes to reach another console.

The cases write tasks and transfers into the store: run them on a scratch copy of a demo store.
"""

from __future__ import annotations

import multiprocessing
import time

import numpy as np

from app.bench import BenchContext, Case
from app.bench.centre_load import BENCH_REF, WorkerReport, double_claims, lost_updates, work
from app.models.dispatch.service import TaskService, TaskSpec
from app.models.dispatch.transport import TransportService
from app.store import Store, StoreError, audit
from app.store.listener import ChangeListener
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


def _listen(url: str, ready, seen) -> None:  # noqa: ANN001  (multiprocessing events and queues)
    store = Store.open(url)
    listener = ChangeListener(store)
    listener.subscribe(lambda table: seen.put(time.time()) if table == "tasks" else None)
    listener.wait_ready()
    ready.set()
    time.sleep(3600)


class Latency:
    """Runs: commit one new task, wait until the listening process heard of it (wall clock, both processes)."""

    def __init__(self, ctx: BenchContext) -> None:
        self.ctx = ctx
        self.case = Case("notify_latency", self.run, setup=self.setup, teardown=self.teardown, runs=max(ctx.runs, 30))

    def setup(self) -> None:
        self.store = _store(self.ctx)
        self.tasks = TaskService(self.store)
        with self.store.engine.connect() as conn:
            self.grid = conn.exec_driver_sql("SELECT code FROM admin_units WHERE level = 3 LIMIT 1").scalar_one()
        spawn = multiprocessing.get_context("spawn")
        self.ready, self.seen = spawn.Event(), spawn.Queue()
        self.listener = spawn.Process(target=_listen, args=(self.store.url, self.ready, self.seen), daemon=True)
        self.listener.start()
        if not self.ready.wait(60):
            raise StoreError("the listening process did not start")

    def run(self) -> None:
        while not self.seen.empty():  # news of an earlier run's other writes, if any: not this run's
            self.seen.get_nowait()
        self.tasks.create(kind="screening", source="manual", title="bench latency", target_unit_code=self.grid,
                          source_ref=BENCH_REF, by="bench")
        self.seen.get(timeout=10)

    def teardown(self) -> None:
        self.listener.terminate()
        self.store.close()


def cases(ctx: BenchContext) -> list[Case]:
    return [Load(ctx).case, Latency(ctx).case]


__all__ = ["cases"]
