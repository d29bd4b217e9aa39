"""Two console processes on one store: racing claims have exactly one winner, and two workers driving the
same tasks at once lose no update — every audit trail is an unbroken chain that matches the task's version."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from app.domain.tasks import TaskStatus as S
from app.models.dispatch.service import TaskService, TaskSpec
from tests.factories import World

ROOT = Path(__file__).resolve().parents[2]

WORKER = """
import sys, time
from app.models.dispatch.errors import TaskError
from app.models.dispatch.service import TaskService
from app.store import Store
db, name, start, ids = sys.argv[1], sys.argv[2], float(sys.argv[3]), [int(i) for i in sys.argv[4].split(",")]
service = TaskService(Store.open(db))
while time.time() < start:
    time.sleep(0.005)
won = 0
for task in ids:
    try:
        service.claim(task, by=name)
        won += 1
        service.transition(task, "in_progress", by=name)
        service.transition(task, "done", by=name)
    except TaskError:
        try:  # the other worker holds it: the canceller cancels what is still open
            if name == "canceller":
                service.transition(task, "cancelled", by=name)
        except TaskError:
            pass
print(won)
"""


def _dispatched(world: World, n: int) -> list[int]:
    service = TaskService(world.store)
    ids = service.create_many([TaskSpec("control", "drill", f"t{i}", "330382001001001") for i in range(n)])
    for task in ids:
        service.transition(task, "dispatched", by="cmd")
    return ids


def test_racing_cli_claims_have_exactly_one_winner(shared: tuple[World, str]) -> None:
    world, db = shared
    for task in _dispatched(world, 3):
        runs = [subprocess.Popen([sys.executable, "-m", "app.cli", "tasks", "claim", str(task), "--by", name, "--db", db],
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for name in ("alice", "bob")]
        results = [(r.wait(60), *r.communicate()) for r in runs]
        assert sorted(code for code, _, _ in results) == [0, 2]
        holder = TaskService(world.store).get(task).claimed_by
        loser = next(err for code, _, err in results if code)
        assert loser.strip() == f"jingkong tasks: error: task {task} is already claimed by {holder}"
        assert [e.action for e in TaskService(world.store).events(task)].count("claim") == 1


def test_two_processes_working_the_same_tasks_lose_no_update(shared: tuple[World, str]) -> None:
    world, db = shared
    ids = _dispatched(world, 24)
    start = time.time() + 3
    runs = [subprocess.Popen([sys.executable, "-c", WORKER, db, name, str(start), ",".join(map(str, ids))],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for name in ("worker", "canceller")]
    outputs = [r.communicate(timeout=120) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], outputs
    wins = [int(out) for out, _ in outputs]
    assert sum(wins) == len(ids)
    service = TaskService(world.store)
    for task in ids:
        row, events = service.get(task), service.events(task)
        claims = [e.by for e in events if e.action == "claim"]
        assert len(claims) == 1 and row.claimed_by == claims[0]
        chain = [e.to_status for e in events]
        assert [e.from_status for e in events] == [None, *chain[:-1]]
        assert row.version == len(events) and row.status == chain[-1]
        assert S(row.status) in (S.DONE, S.CANCELLED)
