"""Rows made offline reach the centre as new rows: two laptops with copies of one pack each enter a person
found door to door and dispatch a task about them, the centre makes a task of its own meanwhile (so the ids the
laptops gave collide with each other and with the centre's); after sync, in either order, the centre holds each
once, with no conflict, and each laptop has the other's."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import func, select

from app.console import Console
from app.models.dispatch.service import TaskService
from app.models.packs.service import sync
from app.store import Store
from app.store.identity_key import KEY_ENV
from app.store.packs.conflicts import list_conflicts
from app.store.tables.persons import Person
from app.store.tables.tasks import Task, TaskPerson
from tests.models.pack_world import VILLAGE, centre_with_tasks, pack_copy

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def identity(first17: str) -> str:
    """A valid identity number (GB 11643 check character) from its first 17 digits."""
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, _WEIGHTS)) % 11]


NUMBERS = {"lapA": identity("33038219900101123"), "lapB": identity("33038219910202456")}
GRID = VILLAGE + "001"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def centre_db(request, tmp_path) -> str:  # noqa: ANN001
    return str(tmp_path / "centre.gpkg") if request.param == "sqlite" else request.getfixturevalue("postgres").new_database()


def _offline_work(path, device: str, monkeypatch) -> Console:  # noqa: ANN001
    monkeypatch.setenv("JINGKONG_DEVICE", device)
    console = Console.open(str(path))
    person = console.people.add(NUMBERS[device], f"{device}找到的人", GRID)
    task = console.tasks.create(kind="custom", source="manual", title=f"上门 {device}", target_unit_code=VILLAGE,
                                person_ids=[person], by=device)
    console.tasks.transition(task, "dispatched", by=device)
    return console


def _tasks_about(store: Store) -> dict[str, set[str]]:
    """Task title -> the identity hashes of the people it is about."""
    t, tp, p = Task.__table__, TaskPerson.__table__, Person.__table__
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.c.title, p.c.id_hash).join(tp, tp.c.task_id == t.c.id)
                            .join(p, p.c.id == tp.c.person_id).where(t.c.title.like("上门%"))).all()
    out: dict[str, set[str]] = {}
    for title, id_hash in rows:
        out.setdefault(title, set()).add(id_hash)
    return out


def _count(store: Store, table, where) -> int:  # noqa: ANN001
    with store.engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(table).where(where)))


@pytest.mark.parametrize("order", [("lapA", "lapB"), ("lapB", "lapA")])
def test_people_and_tasks_made_offline_arrive_once_as_new_rows(tmp_path, centre_db, order, monkeypatch) -> None:  # noqa: ANN001
    world, ids = centre_with_tasks(tmp_path, db=centre_db)
    monkeypatch.setenv(KEY_ENV, world.key.secret.decode())  # the centre's key (a PostGIS centre has no key file)
    path = pack_copy(world, tmp_path, "lapA")
    monkeypatch.delenv(KEY_ENV)  # the laptops have only the key beside their pack
    shutil.copy(path, tmp_path / "lapB.gpkg")
    shutil.copy(tmp_path / "lapA.gpkg.key", tmp_path / "lapB.gpkg.key")
    consoles = {name: _offline_work(tmp_path / f"{name}.gpkg", name, monkeypatch) for name in ("lapA", "lapB")}
    TaskService(world.store).create(kind="custom", source="manual", title="中心新任务", target_unit_code=VILLAGE,
                                    by="centre")
    hashes = {name: world.key.hash(n) for name, n in NUMBERS.items()}

    for name in (*order, order[0]):  # the first syncs again, to take what the second brought
        report = sync(consoles[name].store, world.store)
        assert report.pushed.conflicts == 0
    again = sync(consoles[order[1]].store, world.store)
    assert again.pushed.sent == 0

    p, t = Person.__table__, Task.__table__
    for name, h in hashes.items():
        assert _count(world.store, p, p.c.id_hash == h) == 1
    assert _tasks_about(world.store) == {f"上门 {n}": {hashes[n]} for n in NUMBERS}
    assert _count(world.store, t, t.c.title == "中心新任务") == 1
    assert not list_conflicts(world.store, open_only=False)
    centre = TaskService(world.store)
    dispatched = {r.title: r.status for r in map(centre.get, ids)}
    assert all(s == 1 for s in dispatched.values())  # the centre's own tasks untouched
    with world.store.engine.connect() as conn:
        statuses = dict(conn.execute(select(t.c.title, t.c.status).where(t.c.title.like("上门%"))).all())
    assert statuses == {"上门 lapA": 1, "上门 lapB": 1}  # the offline dispatch applied to the new rows
    for name, console in consoles.items():  # each laptop holds both people and both tasks, once, by centre ids
        assert _tasks_about(console.store) == _tasks_about(world.store)
        for h in hashes.values():
            assert _count(console.store, p, p.c.id_hash == h) == 1
        console.close()
    world.store.close()


def test_a_masked_role_may_not_enter_people(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    world, _ = centre_with_tasks(tmp_path)
    path = pack_copy(world, tmp_path, "drill", role="drill_coordinator")
    console = Console.open(str(path))
    with pytest.raises(Exception, match="masked"):
        console.people.add(NUMBERS["lapA"], "某人", GRID)
    console.close()
    world.store.close()


def test_persons_add_on_the_command_line(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    import subprocess
    import sys

    world, _ = centre_with_tasks(tmp_path)
    monkeypatch.setenv(KEY_ENV, world.key.secret.decode())
    path = pack_copy(world, tmp_path, "laptop")
    world.store.close()
    monkeypatch.delenv(KEY_ENV)

    def add(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "app.cli", "persons", "add", "--db", str(path), *args],
                              capture_output=True, text=True)

    wrong = NUMBERS["lapA"][:-1] + ("0" if NUMBERS["lapA"][-1] != "0" else "1")
    bad = add("--id-number", wrong, "--name", "王五", "--grid", GRID)
    assert bad.returncode == 2 and "check character" in bad.stderr and wrong not in bad.stderr + bad.stdout
    assert "Traceback" not in bad.stderr
    outside = add("--id-number", NUMBERS["lapA"], "--name", "王五", "--grid", "330382002001001")
    assert outside.returncode == 2 and "not in this pack" in outside.stderr
    done = add("--id-number", NUMBERS["lapA"], "--name", "王五", "--grid", GRID)
    assert done.returncode == 0 and "entered" in done.stdout, done.stderr
    again = add("--id-number", NUMBERS["lapA"], "--name", "王五", "--grid", GRID)
    assert again.returncode == 2 and "already entered" in again.stderr
    pack = Store.open(path)
    p = Person.__table__
    with pack.engine.connect() as conn:  # the number itself is nowhere in the pack: only its keyed hash and mask
        assert conn.scalar(select(p.c.id_masked).where(p.c.name == "王五")) == NUMBERS["lapA"][:6] + "*" * 11 + NUMBERS["lapA"][-1]
    pack.close()
    assert NUMBERS["lapA"].encode() not in path.read_bytes()
