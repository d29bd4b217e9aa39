"""Several consoles, live: on PostgreSQL a change committed by one console is pushed to another (no polling);
on the embedded store nothing is pushed and panels poll."""

from __future__ import annotations

import queue

import pytest

from app.console import Console
from app.models.change_feed import POLL_MS
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
