"""Offline packs: what a pack holds, offline work recorded once, sync exactly once with conflicts kept."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from app.console import Console
from app.models.dispatch.service import TaskService
from app.models.packs.service import stamp_device, sync
from app.store import Store
from app.store.packs.area import NotInPack
from app.store.packs.conflicts import list_conflicts, resolve
from app.store.packs.status import pack_status, packs_out
from app.store.tables.persons import Person
from app.store.tables.sync import SyncApplied
from app.store.tables.tasks import TaskEvent
from tests.models.pack_world import OTHER_TOWN, centre_with_tasks, pack_copy


def _laptop(path, name: str, monkeypatch) -> Store:  # noqa: ANN001
    monkeypatch.setenv("JINGKONG_DEVICE", name)
    store = Store.open(path)
    stamp_device(store)
    return store


def _notes(store: Store, text: str) -> int:
    e = TaskEvent.__table__
    with store.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(e).where(e.c.note.like(f"%{text}")))


def test_a_pack_holds_its_area_in_the_forms_its_role_may(tmp_path) -> None:  # noqa: ANN001
    world, ids = centre_with_tasks(tmp_path)
    path = pack_copy(world, tmp_path, "town")
    p = Person.__table__
    with world.store.engine.connect() as conn:
        people = conn.execute(select(p.c.id, p.c.id_hash, p.c.name)).all()
    world.store.close()
    raw = path.read_bytes()
    for _pid, id_hash, name in people:  # no hash and no clear name anywhere in the file, in any page
        assert id_hash.encode() not in raw
        assert name.encode() not in raw
    pack = Store.open(path)
    with pack.engine.connect() as conn:
        held = conn.execute(select(p.c.id, p.c.name)).all()
    assert sorted(n for _i, n in held) == ["测*1", "测*2"]  # the two people of town 1, masked
    status = pack_status(pack)
    assert status is not None and status.unit_code == "330382001" and status.unsynced == 0
    assert pack.meta()["pack_origin"] == str(tmp_path / "centre.gpkg")


def test_a_duty_officer_pack_may_match(tmp_path) -> None:  # noqa: ANN001
    world, _ = centre_with_tasks(tmp_path)
    path = pack_copy(world, tmp_path, "duty", role="duty_officer")
    p = Person.__table__
    with world.store.engine.connect() as conn:
        hashes = set(conn.scalars(select(p.c.id_hash).where(p.c.home_grid_id == world.unit_ids["330382001001001"])))
    raw = path.read_bytes()
    assert all(h.encode() in raw for h in hashes)


def test_a_unit_outside_the_pack_says_not_in_this_pack(tmp_path) -> None:  # noqa: ANN001
    world, _ = centre_with_tasks(tmp_path)
    path = pack_copy(world, tmp_path, "town")
    console = Console.open(str(path))
    try:
        console.check_unit("330382001002")  # inside
        with pytest.raises(NotInPack, match="not in this pack"):
            console.check_unit(OTHER_TOWN + "001")
    finally:
        console.close()
    done = subprocess.run([sys.executable, "-m", "app.cli", "tasks", "list", "--unit", OTHER_TOWN, "--db", str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "not in this pack" in done.stderr and "Traceback" not in done.stderr


def test_offline_work_syncs_exactly_once_and_conflicts_are_kept(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    world, ids = centre_with_tasks(tmp_path)
    path = pack_copy(world, tmp_path, "a")
    shutil.copy(path, tmp_path / "b.gpkg")
    a, b = _laptop(path, "lapA", monkeypatch), _laptop(tmp_path / "b.gpkg", "lapB", monkeypatch)
    TaskService(a).claim(ids[0], by="张三")
    TaskService(a).note(ids[1], "门口无人", by="张三")
    TaskService(b).claim(ids[0], by="李四")
    TaskService(world.store).transition(ids[2], "cancelled", by="centre")
    TaskService(a).claim(ids[2], by="张三")
    assert pack_status(a).unsynced == 5  # claim + its event, note, claim + its event

    first = sync(a, world.store)
    again = sync(a, world.store)  # nothing twice
    sync(b, world.store)
    assert first.pushed.applied == 4 and again.pushed.sent == 0
    assert _notes(world.store, "门口无人") == 1
    centre = TaskService(world.store)
    assert centre.get(ids[0]).claimed_by == "张三"
    assert centre.get(ids[2]).status == 6  # the centre's cancellation was not overwritten
    conflicts = {(c.entity_id, c.field, c.device) for c in list_conflicts(world.store)}
    assert conflicts == {(ids[2], "status", "lapA"), (ids[0], "claimed_by", "lapB")}
    assert pack_status(a).unsynced == 0 and pack_status(a).open_conflicts == 1

    row = next(c for c in list_conflicts(world.store) if c.device == "lapB")
    resolve(world.store, row.id, "mine", by="值班长", now=1_650_000_000)
    assert centre.get(ids[0]).claimed_by == "李四"
    assert any(e.action == "resolve" and e.by == "值班长" for e in centre.events(ids[0]))
    assert [p.unit_code for p in packs_out(world.store)] == ["330382001"]


def test_a_sync_killed_at_any_point_and_run_again_loses_and_doubles_nothing(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    world, ids = centre_with_tasks(tmp_path)
    path = pack_copy(world, tmp_path, "a")
    a = _laptop(path, "lapA", monkeypatch)
    service = TaskService(a)
    n = 2_500  # three centre transactions
    with a.begin() as conn:  # notes written as the service writes them, fast
        conn.execute(TaskEvent.__table__.insert(), [{"task_id": ids[i % len(ids)], "at": 0, "by": "张三",
                                                     "action": "note", "note": f"n{i}#"} for i in range(n)])
    service.claim(ids[0], by="张三")
    a.close()
    world.store.close()
    import random
    rng = random.Random(7)
    for _ in range(4):
        proc = subprocess.Popen([sys.executable, "-m", "app.cli", "sync", str(path), "--to", str(tmp_path / "centre.gpkg")],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=rng.uniform(0.3, 2.5))
        except subprocess.TimeoutExpired:
            proc.kill()  # SIGKILL
            proc.wait()
    done = subprocess.run([sys.executable, "-m", "app.cli", "sync", str(path), "--to", str(tmp_path / "centre.gpkg")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    centre = Store.open(tmp_path / "centre.gpkg")
    with sqlite3.connect(tmp_path / "centre.gpkg") as raw:
        notes = [r[0] for r in raw.execute("SELECT note FROM task_events WHERE note LIKE '[offline lapA] n%#'")]
    assert sorted(notes) == sorted(f"[offline lapA] n{i}#" for i in range(n))
    with centre.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(SyncApplied.__table__)) == n + 2
    assert TaskService(centre).get(ids[0]).claimed_by == "张三"
    centre.close()
