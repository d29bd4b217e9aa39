"""Writing a pack: a normal Jingkong GeoPackage store holding one area of a centre, in the forms its role may
hold, that records where it came from and journals every change made in it.

The whole admin tree is copied (it is small and the map needs it); the pack's area is recorded in
``jingkong_meta`` and everything outside it answers "not in this pack". The file is written beside its final
name and renamed into place, so a pack that is there is whole.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, insert, select

from app.store.identity_key import FINGERPRINT_META
from app.store.packs.area import PackArea, load_area
from app.store.packs.attached import PACK_CACHE, copy_attached, indexes_built_after
from app.store.packs.copy import PackPolicy, copy_rows, copy_work, person_form, pick_work
from app.store.packs.files import embed_samples
from app.store.packs.journal import start_journal
from app.store.packs.meta import BASE_EVENT, CREATED, ORIGIN, PACK_ID, PERSON_BASE, ROLE, SYNCED, UNIT
from app.store.store import Store, create_schema, sqlite_path
from app.store.tables import RECORD_TABLES, Base
from app.store.tables.admin import AdminUnit, GridLeader
from app.store.tables.cameras import Camera, CameraStatusEvent
from app.store.tables.facilities import Facility
from app.store.tables.persons import City, Person, RiskArea
from app.store.tables.places import Place
from app.store.tables.sync import PackOut
from app.store.tables.tasks import TaskEvent

PEOPLE_TABLES = ("persons", *RECORD_TABLES)
# whole: the map and lookups need them (the cameras' status history too: a pack's time travel moves them)
CATALOGUES = (AdminUnit, GridLeader, City, RiskArea, Facility, Place, Camera, CameraStatusEvent)


@dataclass
class PackReport:
    path: Path
    pack_id: str
    area: PackArea
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def size_bytes(self) -> int:
        return self.path.stat().st_size


def write_pack(source: Store, out: Path, unit_code: str, role: str, policy: PackPolicy,
               now: int | None = None, progress: Callable[[int, int], None] | None = None) -> PackReport:
    """Write the pack of ``unit_code`` for ``role`` at ``out`` (replacing a file there) and register it as out
    at the centre. Raises StoreError for a unit the centre does not have. ``progress(step, steps)`` after each
    step (a callback may raise to cancel: the part-written file is removed)."""
    step = progress or (lambda _done, _total: None)
    steps = 4
    started = time.perf_counter()
    now = int(time.time()) if now is None else now
    out = Path(out)
    part = out.with_name(out.name + ".part")
    for leftover in (part, Path(f"{part}-wal"), Path(f"{part}-shm")):
        leftover.unlink(missing_ok=True)
    pack_id = uuid.uuid4().hex
    with source.engine.connect() as src:
        if src.dialect.name == "postgresql":  # rows stream through cursors: plan them for all their rows (a hash
            src.exec_driver_sql("SET LOCAL cursor_tuple_fraction = 1.0")  # join), not the first tenth (index loops)
        area = load_area(src, unit_code)
        centre_meta = dict(src.execute(select(Base.metadata.tables["jingkong_meta"])).all())
        base_event = int(src.scalar(select(func.max(TaskEvent.__table__.c.id))) or 0)
        base_person = int(src.scalar(select(func.max(Person.__table__.c.id))) or 0)
        meta = {k: v for k, v in centre_meta.items() if k != "schema_version"}
        if not policy.identity_hash:
            meta.pop(FINGERPRINT_META, None)  # a pack that may not match carries nothing to match with
        meta.update({PACK_ID: pack_id, UNIT: unit_code, ROLE: role, ORIGIN: source.display_name,
                     CREATED: str(now), SYNCED: str(now), BASE_EVENT: str(base_event),
                     PERSON_BASE: str(base_person)})
        pack = Store.connect_new(f"sqlite:///{part.resolve()}")
        centre_file = sqlite_path(source.url)
        try:
            with pack.begin() as dst:
                create_schema(dst, meta)
                report = PackReport(out, pack_id, area)
                if centre_file is None:
                    for table in CATALOGUES:
                        report.rows[table.__tablename__] = copy_rows(src, dst, table.__table__)
                    step(1, steps)
                    dst.exec_driver_sql(PACK_CACHE)  # the rows of a town fill pages the journal need not spill
                    with indexes_built_after(dst.connection.driver_connection, PEOPLE_TABLES):
                        report.rows.update(_people(src, dst, area, policy))
            if centre_file is not None:
                names = [t.__tablename__ for t in CATALOGUES]
                report.rows.update(copy_attached(part.resolve(), centre_file, area, policy, names))
            step(2, steps)
            # Every value is put in the role's form before it is written, and nothing is deleted while the pack is
            # made: no page of the file ever held anything the role may not hold (no VACUUM needed).
            with pack.begin() as dst:
                report.rows.update(copy_work(src, dst, pick_work(src, area, policy, {}), policy))
                report.rows["sample_bytes"] = embed_samples(dst)
                start_journal(dst)
            step(3, steps)
        except BaseException:
            pack.close()
            part.unlink(missing_ok=True)
            raise
        pack.close()
    step(steps, steps)
    os.replace(part, out)
    with source.begin() as conn:
        conn.execute(insert(PackOut.__table__).values(pack_id=pack_id, unit_code=unit_code, role=role,
                                                      path=str(out.resolve()), created_at=now, changes_in=0))
    report.seconds = time.perf_counter() - started
    return report


def _people(src, dst, area: PackArea, policy: PackPolicy) -> dict[str, int]:  # noqa: ANN001
    """The people whose home grid is in the area and, if the role may hold them, their records."""
    if not policy.people:
        return {}
    p = Person.__table__
    # one streamed query per table, the area's people as a sub-select: a town of the full county is 600,000 people,
    # and asking for them 900 ids at a time took 3,500 queries over PostgreSQL's monthly partitions (7 minutes)
    home = p.c.home_grid_id.in_(sorted(area.grid_ids))
    rows = {"persons": copy_rows(src, dst, p, home, person_form(policy))}
    if policy.records:
        people = select(p.c.id).where(home).scalar_subquery()
        for name in RECORD_TABLES:
            table = Base.metadata.tables[name]
            rows[name] = copy_rows(src, dst, table, table.c.person_id.in_(people))
    return rows

