"""Bringing the centre's picture of the area back into a pack, after its changes went up.

The pack's work tables (tasks and their trail, warnings, incidents) are replaced by the centre's, in one pack
transaction with the journal stopped, so nothing the pull writes counts as offline work. The change log itself
is never touched: the centre's ``sync_applied`` rows for the pack's changes come down instead, and a change is
unsynced exactly while its uuid is missing there. Conflicts of the pack's changes come down too, for review.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, delete, func, insert, select, update

from app.store import triggers
from app.store.packs.area import PackArea
from app.store.packs.copy import PackPolicy, chunks, copy_by_ids, copy_work, person_form, pick_work
from app.store.packs.journal import BY_TABLE, start_journal, stop_journal
from app.store.packs.meta import BASE_EVENT, PERSON_BASE, PULLED_SEQ, SYNCED
from app.store.packs.new_rows import LocalIds, NewRow, load_local_ids, made_since
from app.store.store import Store
from app.store.tables.incidents import Improvement, Incident, IncidentEvent, IncidentTask
from app.store.tables.meta import Meta
from app.store.tables.persons import Person
from app.store.tables.sync import PackChange, SyncApplied, SyncConflict
from app.store.tables.tasks import Task, TaskEvent, TaskPerson, Trip
from app.store.tables.warnings import WarningRecord

# children before parents: the order the work tables are emptied in
WORK_TABLES = (TaskEvent, TaskPerson, Trip, IncidentTask, IncidentEvent, Improvement, WarningRecord, Incident, Task)
_EVENT_TRIGGERS = ("task_events_no_update", "task_events_no_delete")


def pull(centre: Store, pack: Store, area: PackArea, policy: PackPolicy, pack_id: str, now: int) -> dict[str, int]:
    """Replace the pack's work tables with the centre's for ``area``; returns the rows copied per table."""
    with centre.engine.connect() as src, pack.begin() as dst:
        m = Meta.__table__
        last = int(dst.scalar(select(m.c.value).where(m.c.key == PULLED_SEQ)) or 0)
        made = made_since(dst, last)
        local = load_local_ids(src, made)
        touched = _touched(src, dst, last, local, pack_id)
        stop_journal(dst)
        for name in _EVENT_TRIGGERS:  # the pack's copy of the trail is the centre's: replaced, not edited
            dst.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        for table in WORK_TABLES:
            dst.execute(delete(table.__table__))
        base_person = int(dst.scalar(select(m.c.value).where(m.c.key == PERSON_BASE)) or 0)
        rows = {"persons": _people(src, dst, area, policy, made, local, base_person)}
        rows.update(copy_work(src, dst, pick_work(src, area, policy, touched), policy))
        triggers.ensure(dst)  # the guards dropped above, as every opening would re-create them
        a, k, c = SyncApplied.__table__, SyncConflict.__table__, PackChange.__table__
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
        seq = int(dst.scalar(select(func.max(PackChange.__table__.c.seq))) or 0)
        top_person = int(src.scalar(select(func.max(Person.__table__.c.id))) or 0)
        for key, value in ((SYNCED, str(now)), (BASE_EVENT, str(base)), (PULLED_SEQ, str(seq)),
                           (PERSON_BASE, str(top_person))):
            if not dst.execute(update(m).where(m.c.key == key).values(value=value)).rowcount:
                dst.execute(insert(m).values(key=key, value=value))
        start_journal(dst)
        rows["confirmed"] = len(new)
        rows["conflicts"] = len(conflicts)
        return rows



def _touched(src: Connection, dst: Connection, last: int, local: LocalIds, pack_id: str) -> dict[str, set[int]]:
    """The centre rows the pack changed since its last pull, and those its conflicts are about: kept in the
    pack even when the centre would no longer hand them out (closed, or moved out of the area)."""
    touched: dict[str, set[int]] = defaultdict(set)
    c, k = PackChange.__table__, SyncConflict.__table__
    query = select(c.c.seq, c.c.entity, c.c.entity_id).where(c.c.entity.in_(list(BY_TABLE)), c.c.seq > last)
    for seq, entity, entity_id in dst.execute(query):
        try:
            touched[entity].add(int(local.centre_id(entity, entity_id, seq)))
        except LookupError:  # a row made offline the centre kept as a conflict: it has no centre row
            continue
    for entity, entity_id in src.execute(select(k.c.entity, k.c.entity_id).where(k.c.pack_id == pack_id)):
        if entity in BY_TABLE:
            touched[entity].add(int(entity_id))
    return touched


def _people(src: Connection, dst: Connection, area: PackArea, policy: PackPolicy, made: list[NewRow],
            local: LocalIds, base: int) -> int:
    """The pack's people made offline give way to the centre's rows for them, and the people of the area new at
    the centre since the pack's picture (``base``: the centre's last person id then; found by another laptop, or
    entered there) come in; returns how many came."""
    p = Person.__table__
    taken = [r.local_id for r in made if r.entity == "persons" and r.uuid in local.centre_ids]
    for part in chunks(taken):
        dst.execute(delete(p).where(p.c.id.in_(part)))
    if not policy.people:
        return 0
    new = {int(i) for i, grid in src.execute(select(p.c.id, p.c.home_grid_id).where(p.c.id > base))
           if grid in area.grid_ids}
    held = {int(i) for part in chunks(new) for i in dst.scalars(select(p.c.id).where(p.c.id.in_(part)))}
    return copy_by_ids(src, dst, p, "id", new - held, person_form(policy))
