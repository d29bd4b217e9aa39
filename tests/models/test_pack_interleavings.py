"""Property: random centre and laptop edits across two laptops with the same pack, synced in either order —
every change is at the centre exactly once and the conflicts are exactly the fields edited concurrently."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.models.dispatch.service import TaskService
from app.models.packs.service import stamp_device, sync
from app.store import Store
from app.store.packs.conflicts import list_conflicts
from app.store.tables.sync import PackChange, SyncApplied
from app.store.tables.tasks import TaskEvent
from tests.models.pack_world import centre_with_tasks, pack_copy

N_TASKS = 3
PARTIES = ("centre", "lapA", "lapB")
OPS = st.sampled_from(["claim", "cancel", None])
edits = st.fixed_dictionaries({p: st.lists(st.tuples(OPS, st.booleans()), min_size=N_TASKS, max_size=N_TASKS)
                               for p in PARTIES})


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
@given(plan=edits, order=st.permutations(["lapA", "lapB"]), order_of_edits=st.permutations(PARTIES),
       twice=st.booleans())
def test_sync_in_any_order_keeps_every_change_once_and_only_true_conflicts(plan, order, order_of_edits, twice) -> None:  # noqa: ANN001
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        world, ids = centre_with_tasks(tmp, N_TASKS)
        path = pack_copy(world, tmp, "lapA")
        shutil.copy(path, tmp / "lapB.gpkg")
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
        made = {}
        for name in ("lapA", "lapB"):
            with stores[name].engine.connect() as conn:
                made[name] = set(conn.scalars(select(PackChange.__table__.c.uuid)))
        for name in order + (order if twice else []):
            sync(stores[name], world.store)
        with world.store.engine.connect() as conn:
            applied = list(conn.scalars(select(SyncApplied.__table__.c.uuid)))
            e = TaskEvent.__table__
            for party in PARTIES:
                for t, (_op, note) in enumerate(plan[party]):
                    n = conn.scalar(select(func.count()).select_from(e).where(e.c.note.like(f"%note {party} {t}")))
                    assert n == (1 if note else 0)
        assert sorted(applied) == sorted(made["lapA"] | made["lapB"])  # each change once
        got = {(ids.index(c.entity_id), c.field) for c in list_conflicts(world.store)}
        assert got == _expected(plan)
        for store in stores.values():
            store.close()
