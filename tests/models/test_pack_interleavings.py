"""Property: random centre and laptop edits across two laptops with the same pack, synced in either order —
every change is at the centre exactly once and the conflicts are exactly the fields edited concurrently. The
laptops also make rows offline (tasks, some claimed there; people found door to door, one perhaps found by both),
before and after a first sync: each arrives at the centre exactly once, under an id of the centre's."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.models.audit_trail import AuditTrail
from app.models.dispatch.service import TaskService
from app.models.packs.service import stamp_device, sync
from app.models.people_directory import PeopleDirectory
from app.store import Store
from app.store.identity_key import KEY_ENV
from app.store.packs.conflicts import list_conflicts
from app.store.tables.persons import Person
from app.store.tables.sync import PackChange, SyncApplied
from app.store.tables.tasks import Task, TaskEvent
from tests.models.pack_world import VILLAGE, centre_with_tasks, pack_copy
from tests.models.test_pack_new_rows import NUMBERS

N_TASKS = 3
PARTIES = ("centre", "lapA", "lapB")
OPS = st.sampled_from(["claim", "cancel", None])
edits = st.fixed_dictionaries({p: st.lists(st.tuples(OPS, st.booleans()), min_size=N_TASKS, max_size=N_TASKS)
                               for p in PARTIES})
LAPTOPS = ("lapA", "lapB")
# per laptop: tasks made offline before the first sync and after it (True: claimed on the laptop too), and the
# person it finds door to door (its own, the one both find, or none)
made_offline = st.fixed_dictionaries({p: st.tuples(st.lists(st.booleans(), max_size=2),
                                                   st.lists(st.booleans(), max_size=1),
                                                   st.sampled_from([None, "own", "shared"])) for p in LAPTOPS})


def _expected(plan: dict[str, list[tuple[str | None, bool]]]) -> set[tuple[int, str]]:
    """(task index, field) changed by two or more parties to different values."""
    out = set()
    for t in range(N_TASKS):
        ops = {p: plan[p][t][0] for p in PARTIES if plan[p][t][0]}
        claimers = [p for p, op in ops.items() if op == "claim"]
        if len(claimers) > 1:
            out.add((t, "claimed_by"))
        if len(set(ops.values())) > 1:
            out.add((t, "status"))
    return out


@settings(max_examples=15, deadline=None)
def _make_tasks(store: Store, party: str, round_: int, claims: list[bool]) -> list[str]:
    """Tasks made on a laptop (some claimed there); returns their titles."""
    service, titles = TaskService(store), []
    for k, claim in enumerate(claims):
        titles.append(f"offline {party} {round_} {k}")
        task = service.create(kind="custom", source="manual", title=titles[-1], target_unit_code=VILLAGE, by=party)
        if claim:
            service.transition(task, "dispatched", by=party)
            service.claim(task, by=party)
    return titles


@settings(max_examples=15, deadline=None)
@given(plan=edits, order=st.permutations(LAPTOPS), order_of_edits=st.permutations(PARTIES), twice=st.booleans(),
       new=made_offline)
def test_sync_in_any_order_keeps_every_change_once_and_only_true_conflicts(plan, order, order_of_edits, twice,
                                                                           new) -> None:  # noqa: ANN001
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        world, ids = centre_with_tasks(tmp, N_TASKS)
        os.environ[KEY_ENV] = world.key.secret.decode()  # the centre's key, for the packs' own to be made from
        try:
            path = pack_copy(world, tmp, "lapA")
        finally:
            del os.environ[KEY_ENV]
        shutil.copy(path, tmp / "lapB.gpkg")
        shutil.copy(tmp / "lapA.gpkg.key", tmp / "lapB.gpkg.key")
        stores = {"centre": world.store}
        for name in ("lapA", "lapB"):
            os.environ["JINGKONG_DEVICE"] = name
            stores[name] = Store.open(tmp / f"{name}.gpkg")
            stamp_device(stores[name])
        for party in order_of_edits:
            service = TaskService(stores[party])
            for t, (op, note) in enumerate(plan[party]):
                if op == "claim":
                    service.claim(ids[t], by=party)
                elif op == "cancel":
                    service.transition(ids[t], "cancelled", by=party)
                if note:
                    service.note(ids[t], f"note {party} {t}", by=party)
        titles: list[str] = []
        numbers = {}
        for name in LAPTOPS:
            first, _later, person = new[name]
            titles += _make_tasks(stores[name], name, 0, first)
            if person:
                numbers[name] = NUMBERS[name if person == "own" else "lapA"]
                people = PeopleDirectory(stores[name], AuditTrail(stores[name]))
                people.add(numbers[name], f"{name}找到", VILLAGE + "001")
        for name in order + (order if twice else []):
            sync(stores[name], world.store)
        for name in LAPTOPS:  # rows made after a first sync, whose ids the pack gives after the centre's
            titles += _make_tasks(stores[name], name, 1, new[name][1])
        made = {}
        for name in LAPTOPS:
            with stores[name].engine.connect() as conn:
                made[name] = set(conn.scalars(select(PackChange.__table__.c.uuid)))
        for name in order:
            sync(stores[name], world.store)
        with world.store.engine.connect() as conn:
            applied = list(conn.scalars(select(SyncApplied.__table__.c.uuid)))
            e = TaskEvent.__table__
            for party in PARTIES:
                for t, (_op, note) in enumerate(plan[party]):
                    n = conn.scalar(select(func.count()).select_from(e).where(e.c.note.like(f"%note {party} {t}")))
                    assert n == (1 if note else 0)
            t, p = Task.__table__, Person.__table__
            made_tasks = dict(conn.execute(select(t.c.title, func.count()).where(t.c.title.like("offline %"))
                                           .group_by(t.c.title)).all())
            claimed = set(conn.scalars(select(t.c.title).where(t.c.title.like("offline %"),
                                                               t.c.claimed_by.is_not(None))))
            found = [conn.scalar(select(func.count()).select_from(p).where(p.c.id_hash == world.key.hash(n)))
                      for n in set(numbers.values())]
        assert sorted(applied) == sorted(made["lapA"] | made["lapB"])  # each change once
        assert made_tasks == {title: 1 for title in titles}  # each row made offline once
        assert claimed == {f"offline {n} {r} {k}" for n in LAPTOPS for r in (0, 1)
                           for k, c in enumerate(new[n][r]) if c}
        assert found == [1] * len(found)
        got = {(ids.index(c.entity_id), c.field) for c in list_conflicts(world.store)}
        assert got == _expected(plan)
        for store in stores.values():
            store.close()
