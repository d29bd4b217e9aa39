"""Bringing the centre's picture of the area back into a pack, after its changes went up.

The pack's work tables (tasks and their trail, warnings, incidents) are replaced by the centre's, in one pack
transaction with the journal stopped, so nothing the pull writes counts as offline work. The change log itself
is never touched: the centre's ``sync_applied`` rows for the pack's changes come down instead, and a change is
unsynced exactly while its uuid is missing there. Conflicts of the pack's changes come down too, for review.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import delete, func, insert, select, update

from app.store import triggers
from app.store.packs.area import PackArea
from app.store.packs.copy import PackPolicy, copy_work, pick_work
from app.store.packs.journal import BY_TABLE, start_journal, stop_journal
from app.store.packs.meta import BASE_EVENT, SYNCED
from app.store.store import Store
from app.store.tables.incidents import Improvement, Incident, IncidentEvent, IncidentTask
from app.store.tables.meta import Meta
from app.store.tables.sync import PackChange, SyncApplied, SyncConflict
from app.store.tables.tasks import Task, TaskEvent, TaskPerson, Trip
from app.store.tables.warnings import WarningRecord

# children before parents: the order the work tables are emptied in
WORK_TABLES = (TaskEvent, TaskPerson, Trip, IncidentTask, IncidentEvent, Improvement, WarningRecord, Incident, Task)
_EVENT_TRIGGERS = ("task_events_no_update", "task_events_no_delete")


def pull(centre: Store, pack: Store, area: PackArea, policy: PackPolicy, pack_id: str, now: int) -> dict[str, int]:
    """Replace the pack's work tables with the centre's for ``area``; returns the rows copied per table."""
    with centre.engine.connect() as src, pack.begin() as dst:
        touched: dict[str, set[int]] = defaultdict(set)
        c = PackChange.__table__
        for entity, entity_id in dst.execute(select(c.c.entity, c.c.entity_id).where(c.c.entity.in_(list(BY_TABLE)))):
            touched[entity].add(int(entity_id))
        stop_journal(dst)
        for name in _EVENT_TRIGGERS:  # the pack's copy of the trail is the centre's: replaced, not edited
            dst.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        for table in WORK_TABLES:
            dst.execute(delete(table.__table__))
        rows = copy_work(src, dst, pick_work(src, area, policy, touched), policy)
        triggers.ensure(dst)  # the guards dropped above, as every opening would re-create them
        a, k = SyncApplied.__table__, SyncConflict.__table__
        mine = {u for (u,) in dst.execute(select(c.c.uuid))}
        confirmed = [dict(r._mapping) for r in src.execute(select(a).where(a.c.pack_id == pack_id))
                     if r.uuid in mine]
        held = {u for (u,) in dst.execute(select(a.c.uuid))}
        new = [r for r in confirmed if r["uuid"] not in held]
        if new:
            dst.execute(insert(a), new)
        dst.execute(delete(k))
        conflicts = [dict(r._mapping) for r in src.execute(select(k).where(k.c.pack_id == pack_id))]
        if conflicts:
            dst.execute(insert(k), conflicts)
        base = int(src.scalar(select(func.max(TaskEvent.__table__.c.id))) or 0)
        m = Meta.__table__
        for key, value in ((SYNCED, str(now)), (BASE_EVENT, str(base))):
            dst.execute(update(m).where(m.c.key == key).values(value=value))
        start_journal(dst)
        rows["confirmed"] = len(new)
        rows["conflicts"] = len(conflicts)
        return rows

