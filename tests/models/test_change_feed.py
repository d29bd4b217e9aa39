"""Several consoles, live: on PostgreSQL a change committed by one console is pushed to another (no polling);
on the embedded store nothing is pushed and panels poll."""

from __future__ import annotations

import queue

import pytest

from app.console import Console
from app.models.change_feed import POLL_MS, RESYNC
from tests.factories import World


@pytest.mark.postgres
def test_another_consoles_change_is_pushed(postgres) -> None:  # noqa: ANN001
    world = World.create(postgres.new_database())
    url = world.store.url
    world.store.close()
    watcher, writer = Console.open(url), Console.open(url)
    seen: queue.Queue[str] = queue.Queue()
    try:
        assert watcher.changes.live
        watcher.changes.subscribe(seen.put)
        assert watcher.changes.wait_ready()
        assert seen.get(timeout=5) == RESYNC  # listening now: look at everything once
        task = writer.tasks.create(kind="screening", source="manual", title="x", target_unit_code="330382001001001")
        assert seen.get(timeout=5) == "tasks"
        writer.tasks.transition(task, "dispatched", by="writer")
        assert seen.get(timeout=5) == "tasks"
    finally:
        watcher.close()
        writer.close()


def test_the_embedded_store_is_polled(world: World) -> None:
    console = Console(world.store)
    assert not console.changes.live and console.changes.poll_ms == POLL_MS


@pytest.mark.postgres
def test_a_dropped_listen_connection_is_made_again_and_says_look_at_everything(postgres) -> None:  # noqa: ANN001
    world = World.create(postgres.new_database())
    url = world.store.url
    watcher, writer = Console.open(url), Console.open(url)
    seen: queue.Queue[str] = queue.Queue()
    try:
        watcher.changes.subscribe(seen.put)
        assert watcher.changes.wait_ready() and seen.get(timeout=5) == RESYNC
        with world.store.begin() as conn:  # the server drops the listening connection (a restart, a network cut)
            conn.exec_driver_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                 "WHERE query LIKE 'LISTEN %%' AND pid <> pg_backend_pid()")
        assert seen.get(timeout=10) == RESYNC  # listening again: changes made meanwhile are looked for
        writer.tasks.create(kind="screening", source="manual", title="x", target_unit_code="330382001001001")
        assert seen.get(timeout=5) == "tasks"
    finally:
        watcher.close()
        writer.close()
        world.store.close()
