"""Offline packs: what a pack holds, offline work recorded once, sync exactly once with conflicts kept."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from app.console import Console
from app.domain.roles import Role
from app.models.dispatch.service import TaskService
from app.models.packs.service import make_pack, stamp_device, sync
from app.store import Store
from app.store.masking import mask_name
from app.store.packs.area import NotInPack
from app.store.packs.conflicts import list_conflicts, resolve
from app.store.packs.status import pack_status, packs_out
from app.store.tables.admin import AdminUnit
from app.store.tables.persons import Person
from app.store.tables.sync import SyncApplied
from app.store.tables.tasks import TaskEvent
from tests.gpkg_validator import validate
from tests.models.pack_world import OTHER_TOWN, TOWN, VILLAGE, centre_with_tasks, pack_copy


def _laptop(path, name: str, monkeypatch) -> Store:  # noqa: ANN001
    monkeypatch.setenv("JINGKONG_DEVICE", name)
    store = Store.open(path)
    stamp_device(store)
    return store


def _notes(store: Store, text: str) -> int:
    e = TaskEvent.__table__
    with store.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(e).where(e.c.note.like(f"%{text}")))


ROLE_UNITS = {r: (VILLAGE if r is Role.GRID_OPERATOR else TOWN) for r in Role}


@pytest.mark.parametrize("role", list(Role))
def test_a_pack_holds_no_identity_data_beyond_its_role(tmp_path, role) -> None:  # noqa: ANN001
    """The file's bytes, every page: a masked role's pack holds no identity hash and no clear name at all; the
    others hold those of the people of their unit (as they see them at the centre) and of no one else."""
    world, _ids = centre_with_tasks(tmp_path)
    unit = ROLE_UNITS[role]
    path = tmp_path / f"{role.value}.gpkg"
    make_pack(world.store, unit, role.value, path)
    p, a = Person.__table__, AdminUnit.__table__
    with world.store.engine.connect() as conn:
        people = conn.execute(select(p.c.id_hash, p.c.name, a.c.code).join(a, a.c.id == p.c.home_grid_id)).all()
    world.store.close()
    raw = path.read_bytes()
    for id_hash, name, grid in people:
        shown = not role.masked and grid.startswith(unit)
        assert (id_hash.encode() in raw) == shown, (role, grid)
        assert (name.encode() in raw) == shown, (role, grid)
    pack = Store.open(path)
    with pack.engine.connect() as conn:
        held = sorted(conn.scalars(select(p.c.name)))
    expected = {"330382001": ["测试1", "测试2"], VILLAGE: ["测试1"]}[unit]
    assert held == (sorted(mask_name(n) for n in expected) if role.masked else expected)
    status = pack_status(pack)
    assert status is not None and status.unit_code == unit and status.unsynced == 0 and status.role == role.value
    assert pack.meta()["pack_origin"] == str(tmp_path / "centre.gpkg")
    pack.close()
    if role is Role.TOWN_OPERATOR:  # a pack is a GeoPackage other GIS open too
        result = validate(path)
        assert result.returncode == 0, result.stdout + result.stderr


def test_an_operator_takes_out_only_the_level_it_is_bound_to(tmp_path) -> None:  # noqa: ANN001
    world, _ = centre_with_tasks(tmp_path)
    world.store.close()
    done = subprocess.run([sys.executable, "-m", "app.cli", "pack", "--db", str(tmp_path / "centre.gpkg"), "--unit",
                           TOWN, "--role", "grid_operator", "--out", str(tmp_path / "x.gpkg")],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "village or grid" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.gpkg").exists()


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
