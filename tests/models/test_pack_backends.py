"""Packs from, and sync to, either backend: a centre on SQLite or on PostGIS gives the same pack, takes a
round trip exactly once, keeps a conflict, and a second sync adds nothing."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import func, select

from app.models.dispatch.service import TaskService
from app.models.packs.service import stamp_device
from app.store import Store
from app.store.packs.conflicts import list_conflicts
from app.store.packs.status import pack_status, packs_out
from app.store.tables.sync import SyncApplied
from app.store.tables.tasks import TaskEvent
from tests.models.pack_world import TOWN, centre_with_tasks


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def centre_db(request, tmp_path) -> str:  # noqa: ANN001
    """Where the centre lives: a file, then a PostGIS database."""
    return str(tmp_path / "centre.gpkg") if request.param == "sqlite" else request.getfixturevalue("postgres").new_database()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True)


def _count(store: Store, table, where=None) -> int:  # noqa: ANN001
    with store.engine.connect() as conn:
        query = select(func.count()).select_from(table)
        return int(conn.scalar(query if where is None else query.where(where)))


def test_pack_and_sync_with_a_centre_on_either_backend(tmp_path, centre_db, monkeypatch) -> None:  # noqa: ANN001
    world, ids = centre_with_tasks(tmp_path, db=centre_db)
    out = tmp_path / "laptop.gpkg"
    done = _cli("pack", "--db", centre_db, "--unit", TOWN, "--role", "town_operator", "--out", str(out))
    assert done.returncode == 0, done.stderr
    monkeypatch.setenv("JINGKONG_DEVICE", "lapA")
    laptop = Store.open(out)
    stamp_device(laptop)
    assert pack_status(laptop).unit_code == TOWN
    TaskService(laptop).claim(ids[0], by="张三")
    TaskService(laptop).note(ids[1], "门口无人", by="张三")
    TaskService(world.store).transition(ids[2], "cancelled", by="centre")
    TaskService(laptop).claim(ids[2], by="张三")
    laptop.close()

    done = _cli("sync", str(out), "--to", centre_db, "--quiet")
    assert done.returncode == 0, done.stderr
    again = _cli("sync", str(out), "--to", centre_db, "--quiet", "--json")
    assert again.returncode == 0 and '"sent": 0' in again.stdout, again.stdout + again.stderr

    centre = TaskService(world.store)
    assert centre.get(ids[0]).claimed_by == "张三"
    assert centre.get(ids[2]).status == 6  # the centre's cancellation stands
    e = TaskEvent.__table__
    assert _count(world.store, e, e.c.note.like("%门口无人")) == 1
    assert _count(world.store, SyncApplied.__table__) == 5
    assert {(c.entity_id, c.field) for c in list_conflicts(world.store)} == {(ids[2], "status")}
    assert [p.changes_in for p in packs_out(world.store)] == [5]
    laptop = Store.open(out)
    status = pack_status(laptop)
    assert status.unsynced == 0 and status.open_conflicts == 1
    laptop.close()
    with pytest.raises(Exception, match="append-only"):  # the ledger that makes sync exactly-once is guarded
        with world.store.begin() as conn:
            conn.execute(SyncApplied.__table__.delete())
    world.store.close()
