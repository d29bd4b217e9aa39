"""Claiming from a shared queue: consoles claiming at once each get a different task (SKIP LOCKED on PostgreSQL,
the write lock on SQLite), most urgent first, and none is claimed twice."""

from __future__ import annotations

import threading
from collections import Counter

from app.domain.tasks import TaskStatus as S
from app.models.dispatch.service import TaskService, TaskSpec
from app.store import Store
from tests.factories import World


def _dispatched(world: World, priorities: list[int]) -> list[int]:
    tasks = TaskService(world.store)
    ids = tasks.create_many([TaskSpec("screening", "manual", f"t{i}", "330382001001001", priority=p)
                             for i, p in enumerate(priorities)])
    for task in ids:
        tasks.transition(task, "dispatched", by="duty")
    return ids


def test_the_most_urgent_unclaimed_task_is_claimed_first(any_world: World) -> None:
    routine, urgent = _dispatched(any_world, [3, 1])
    tasks = TaskService(any_world.store)
    first = tasks.claim_next(by="a")
    assert (first.id, first.claimed_by, S(first.status)) == (urgent, "a", S.ACKNOWLEDGED)
    assert tasks.claim_next(by="b").id == routine
    assert tasks.claim_next(by="c") is None


def test_consoles_claiming_at_once_never_share_a_task(any_world: World) -> None:
    ids = _dispatched(any_world, [2] * 24)
    claimed: list[tuple[str, int]] = []
    failures: list[BaseException] = []

    def console(name: str) -> None:
        store = Store.open(any_world.store.url)  # a console of its own: its own connections
        try:
            tasks = TaskService(store)
            while (row := tasks.claim_next(by=name)) is not None:
                claimed.append((name, row.id))
        except BaseException as exc:  # noqa: BLE001  (reported by the test below)
            failures.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=console, args=(f"c{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert sorted(task for _name, task in claimed) == ids  # every task once: no double claim, none left
    assert max(Counter(task for _n, task in claimed).values()) == 1
    tasks = TaskService(any_world.store)
    assert {(tasks.get(task).claimed_by, task) for task in ids} == {(name, task) for name, task in claimed}
