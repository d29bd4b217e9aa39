"""Benchmark cases ``notify_<topic>`` of group ``centre``: how long one console's change takes to reach another
console's command picture, with two real processes on one PostgreSQL store.

Another process follows the store as a console does (LISTEN on the change channel, then the follower's look:
``DataWatch.poll``, which names the topics that moved on). Each run commits one change of the case's topic — a
task created (``tasks``), a warning recorded (``warnings``), a transfer planned (``transfers``), an incident note
(``incidents``) — and waits until the other process's look named that topic. The figure is wall-clock time from
just before the writer's commit to the end of the other console's look (both processes on one machine's clock).
"""

from __future__ import annotations

import json
import multiprocessing
import queue
import time
from collections.abc import Callable

from app.bench import BenchContext, Case
from app.bench.centre_load import BENCH_REF
from app.console import Console
from app.models.data_watch import DataWatch
from app.models.dispatch.service import TaskService
from app.models.dispatch.transport import TransportService
from app.store import Store, StoreError
from app.store.listener import ChangeListener
from app.store.queries import incidents as q
from app.store.store import resolve_url
from app.store.warning_writes import NewWarning, insert_new

TOPICS = ("tasks", "warnings", "transfers", "incidents")


def _follow(url: str, ready, seen) -> None:  # multiprocessing events and queues
    """The other console: a poke from the listener runs the follower's look; each topic it names is reported."""
    store = Store.open(url)
    watch = DataWatch(Console(store).indicators)  # never computed: the look reads the tokens only
    watch.poll()
    pokes: queue.SimpleQueue[str] = queue.SimpleQueue()
    listener = ChangeListener(store)
    listener.subscribe(pokes.put)
    listener.wait_ready()
    ready.set()
    while True:
        pokes.get()
        for topic in watch.poll():
            seen.put((topic, time.time()))


class Writer:
    """Makes one change of a topic per call, on a scratch demo store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.tasks = TaskService(store)
        self.transport = TransportService(self.tasks)
        with store.engine.connect() as conn:
            self.grid = conn.exec_driver_sql("SELECT code FROM admin_units WHERE level = 3 ORDER BY code LIMIT 1"
                                             ).scalar_one()
            self.people = list(conn.exec_driver_sql(
                "SELECT p.id, p.home_grid_id FROM persons p WHERE home_grid_id IS NOT NULL AND NOT EXISTS (SELECT 1 "
                "FROM warnings w WHERE w.person_id = p.id) ORDER BY id LIMIT 2000").all())
        self.hotels = [h.id for h in self.transport.hotels() if h.free > 0]
        self.incident: int | None = None
        self.n = 0

    def change(self, topic: str) -> None:
        self.n += 1
        person, grid = self.people[self.n % len(self.people)]
        if topic == "tasks":
            self.tasks.create(kind="screening", source="manual", title="bench latency", target_unit_code=self.grid,
                              source_ref=BENCH_REF, by="bench")
        elif topic == "warnings":
            insert_new(self.store, [NewWarning("repeated_clinic_visits", person, grid, json.dumps([]), int(time.time()))])
        elif topic == "transfers":
            hotel = self.hotels[self.n % len(self.hotels)]
            self.transport.plan_transfer([person], hotel, vehicle="浙C·B0001", origin="bench", by="bench",
                                         source_ref=BENCH_REF)
        else:
            self._note()

    def _note(self) -> None:
        with self.store.begin() as conn:
            if self.incident is None:
                self.incident = q.insert_incident(conn, {
                    "mode": "drill", "name": "bench latency", "scenario": None, "case_person_id": None,
                    "case_at": int(time.time()), "started_at": int(time.time()), "speed": 1, "seed": None,
                    "plan": "{}", "created_by": "bench"})
            q.add_event(conn, self.incident, int(time.time()), "note", "bench", f"note {self.n}")


class Latency:
    """Runs: commit one change of ``topic``, wait until the other console's look named it."""

    def __init__(self, ctx: BenchContext, topic: str, shared: Callable[[], tuple[Writer, object]]) -> None:
        self.topic, self.shared = topic, shared
        self.case = Case(f"notify_{topic}", self.run, setup=self.setup, runs=max(ctx.runs, 30))

    def setup(self) -> None:
        self.writer, self.seen = self.shared()

    def run(self) -> None:
        while True:  # news of an earlier run's other writes, if any: not this run's
            try:
                self.seen.get_nowait()
            except queue.Empty:
                break
        self.writer.change(self.topic)
        deadline = time.time() + 10
        while self.seen.get(timeout=max(deadline - time.time(), 0.01))[0] != self.topic:
            pass  # another topic the same write touched (a transfer is a task too)


class Follower:
    """The other console's process, started once for all the notify cases and stopped after the last."""

    def __init__(self, ctx: BenchContext) -> None:
        self.ctx = ctx
        self.started: tuple[Writer, object] | None = None

    def start(self) -> tuple[Writer, object]:
        if self.started is None:
            url = resolve_url(self.ctx.db)
            if not url.startswith("postgresql"):
                raise StoreError("bench centre needs a PostgreSQL store: --db postgresql+psycopg://…")
            store = Store.open(url)
            spawn = multiprocessing.get_context("spawn")
            ready, seen = spawn.Event(), spawn.Queue()
            self.process = spawn.Process(target=_follow, args=(url, ready, seen), daemon=True)
            self.process.start()
            if not ready.wait(60):
                raise StoreError("the following process did not start")
            self.store = store
            self.started = (Writer(store), seen)
        return self.started

    def stop(self) -> None:
        if self.started is not None:
            self.process.terminate()
            self.store.close()


def cases(ctx: BenchContext) -> list[Case]:
    follower = Follower(ctx)
    out = [Latency(ctx, topic, follower.start).case for topic in TOPICS]
    out[-1].teardown = follower.stop
    return out
