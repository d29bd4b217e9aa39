"""The command centre under load: worker processes claiming, moving and transferring work on one PostgreSQL
store at once, then the checks that nothing went wrong (run by ``app.bench.centre``)."""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field

from app.domain.tasks import OPEN_STATUSES, TaskStatus
from app.models.dispatch.errors import CapacityExceeded, StaleTask, TaskError
from app.models.dispatch.service import TaskService, TaskSpec
from app.models.dispatch.transport import TransportService
from app.store import Store
from app.store.store import is_transient

S = TaskStatus
BENCH_REF = "bench-centre"


@dataclass
class WorkerReport:
    ops: int = 0
    started: float = 0.0  # wall clock of the first and last operation (the window the workers overlap in)
    ended: float = 0.0
    refused: int = 0  # a full hotel, a task someone else moved first: the right answer, not a fault
    deadlocks: int = 0
    errors: int = 0
    first_error: str = ""
    latencies_ms: list[float] = field(default_factory=list)
    claims: list[int] = field(default_factory=list)
    versions: list[tuple[int, int]] = field(default_factory=list)  # (task, version) each successful write left


def _grid_codes(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return list(conn.exec_driver_sql("SELECT code FROM admin_units WHERE level = 3 ORDER BY id").scalars())


def work(index: int, url: str, seconds: float, hotels: list[int], people: list[int], seed: int) -> WorkerReport:
    """One console's worth of work for ``seconds``: claim the next task, move own tasks on, create and dispatch
    tasks, plan transfers to a few hotels."""
    store = Store.open(url)
    tasks = TaskService(store)
    transport = TransportService(tasks)
    rng = random.Random(seed * 100 + index)
    grids = _grid_codes(store)
    me, mine, report = f"w{index}", [], WorkerReport()
    end = time.monotonic() + seconds
    report.started = time.time()
    try:
        while time.monotonic() < end:
            pick = rng.random()
            start = time.perf_counter()
            try:
                if pick < 0.35:
                    row = tasks.claim_next(by=me)
                    if row is not None:
                        report.claims.append(row.id)
                        report.versions.append((row.id, row.version))
                        mine.append(row.id)
                elif pick < 0.65 and mine:
                    task = mine[rng.randrange(len(mine))]
                    row = tasks.transition(task, S.IN_PROGRESS if rng.random() < 0.5 else S.DONE, by=me)
                    report.versions.append((row.id, row.version))
                    if S(row.status) not in OPEN_STATUSES or S(row.status) == S.IN_PROGRESS:
                        mine.remove(task)
                elif pick < 0.85:
                    spec = TaskSpec("screening", "manual", f"bench {me}", rng.choice(grids), source_ref=BENCH_REF)
                    [task] = tasks.create_many([spec], by=me)
                    row = tasks.transition(task, S.DISPATCHED, by=me)
                    report.versions.append((row.id, row.version))
                else:
                    who = rng.sample(people, rng.randint(1, 3))
                    transport.plan_transfer(who, rng.choice(hotels), vehicle="浙C·00000", origin="bench", by=me,
                                            source_ref=BENCH_REF)
                report.ops += 1
            except (CapacityExceeded, StaleTask, TaskError):
                report.refused += 1
            except Exception as exc:  # noqa: BLE001  (counted and named in the result, never hidden)
                if is_transient(exc):
                    report.deadlocks += 1
                else:
                    report.errors += 1
                    report.first_error = report.first_error or f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
            report.latencies_ms.append((time.perf_counter() - start) * 1000)
    finally:
        report.ended = time.time()
        store.close()
    return report


def double_claims(reports: list[WorkerReport]) -> int:
    """Tasks that more than one successful claim took."""
    counts = Counter(task for r in reports for task in r.claims)
    return sum(1 for n in counts.values() if n > 1)


def lost_updates(reports: list[WorkerReport]) -> int:
    """Successful writes that left a task at a version another successful write also left it at: one of the
    two overwrote the other unseen."""
    counts = Counter(v for r in reports for v in r.versions)
    return sum(n - 1 for n in counts.values() if n > 1)
