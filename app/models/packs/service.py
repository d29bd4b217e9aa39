"""Packs over stores: make one for a unit and role, sync one with its centre, see how one stands.

Sync is push then pull: the pack's unsynced changes go to the centre (each exactly once, conflicts kept), then
the centre's picture of the area comes back. Either half may be killed and the whole run again.
"""

from __future__ import annotations

import getpass
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import update

from app.domain.errors import StoreError
from app.models.packs.roles import check_unit_level, pack_role
from app.store import Store
from app.store.packs.area import PackArea, load_area
from app.store.packs.journal import DEVICE_META, USER_META
from app.store.packs.make import PackReport, write_pack
from app.store.packs.meta import PACK_ID, ROLE, UNIT
from app.store.packs.pull import pull
from app.store.packs.push import PushReport, push, unsynced
from app.store.tables.meta import Meta

DEVICE_ENV = "JINGKONG_DEVICE"
Progress = Callable[[int, int], None]


def make_pack(centre: Store, unit_code: str, role_name: str, out: Path, now: int | None = None) -> PackReport:
    role = pack_role(role_name)
    with centre.engine.connect() as conn:
        area = load_area(conn, unit_code)
    check_unit_level(role, area.level, unit_code)
    return write_pack(centre, out, unit_code, role.name, role.policy, now)


def is_pack(store: Store) -> bool:
    return PACK_ID in store.meta()


def pack_area(store: Store) -> PackArea | None:
    """The area a pack holds, or None for a store that is not a pack."""
    unit = store.meta().get(UNIT)
    if unit is None:
        return None
    with store.engine.connect() as conn:
        return load_area(conn, unit)


def this_device() -> str:
    """The device offline work is recorded from: ``$JINGKONG_DEVICE``, else the host name."""
    return os.environ.get(DEVICE_ENV, "").strip() or socket.gethostname()


def stamp_device(store: Store) -> None:
    """Record which device and user work on this pack from now on (a copied pack names its own laptop)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "offline"
    m = Meta.__table__
    with store.begin() as conn:
        for key, value in ((DEVICE_META, this_device()), (USER_META, user)):
            if not conn.execute(update(m).where(m.c.key == key).values(value=value)).rowcount:
                conn.execute(m.insert().values(key=key, value=value))


@dataclass
class SyncReport:
    pushed: PushReport
    pulled: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def sync(pack: Store, centre: Store, progress: Progress | None = None, now: int | None = None) -> SyncReport:
    """Send the pack's changes to ``centre`` and bring the centre's changes for the area back."""
    started = time.perf_counter()
    meta = pack.meta()
    if PACK_ID not in meta:
        raise StoreError(f"{pack.display_name} is not a pack (make one with: jingkong pack --unit CODE --out FILE)")
    if PACK_ID in centre.meta():
        raise StoreError(f"{centre.display_name} is a pack, not a centre: sync a pack to the store it came from")
    now = int(time.time()) if now is None else now
    pushed = push(centre, meta[PACK_ID], unsynced(pack), now, progress)
    area = pack_area(pack)
    assert area is not None  # a pack always names its unit
    pulled = pull(centre, pack, area, pack_role(meta.get(ROLE, "trainer")).policy, meta[PACK_ID], now)
    return SyncReport(pushed, pulled, time.perf_counter() - started)
