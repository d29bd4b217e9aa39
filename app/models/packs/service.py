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
from app.domain.roles import Principal, Role, parse_role
from app.models.packs.roles import pack_policy, principal_for
from app.store import Store
from app.store.identity_key import IdentityKey, install_key, key_file, store_key
from app.store.packs.area import PackArea, load_area
from app.store.packs.journal import DEVICE_META, USER_META
from app.store.packs.make import PackReport, write_pack
from app.store.packs.meta import PACK_ID, PULLED_SEQ, ROLE, UNIT
from app.store.packs.new_rows import made_since
from app.store.packs.pull import pull
from app.store.packs.push import PushReport, push, unsynced
from app.store.tables.meta import Meta

DEVICE_ENV = "JINGKONG_DEVICE"
Progress = Callable[[int, int], None]


def make_pack(centre: Store, unit_code: str, role_name: str, out: Path, now: int | None = None,
              progress: Progress | None = None) -> PackReport:
    """Write the pack of ``unit_code`` for a principal of ``role_name`` at ``out``. A role that may enter people
    gets the centre's identity key beside the pack (``out`` + ``.key``, owner-only; never inside it), so a
    person found offline is hashed exactly as the centre hashes them."""
    who = principal_for(role_name, unit_code, centre.principal.name)
    with centre.engine.connect() as conn:
        load_area(conn, unit_code)  # StoreError for a unit the centre does not have
    report = write_pack(centre, out, unit_code, who.role.value, pack_policy(who.role), now, progress)
    if not who.role.read_only and not who.role.masked:
        try:
            key = store_key(centre)
        except StoreError:  # a centre without its key: people cannot be entered on the pack (it says why)
            return report
        url = f"sqlite:///{Path(out).resolve()}"
        install_key(url, IdentityKey(key.secret, str(key_file(url))))
    return report


def pack_role(meta: dict[str, str]) -> Role:
    """The role a pack was made for (a pack of an older Jingkong names a role of its own: the most masked)."""
    try:
        return parse_role(meta.get(ROLE, ""))
    except ValueError:
        return Role.TRAINER


def pack_principal(store: Store) -> Principal:
    """Who works on a pack: its user, as the role and unit the pack was made for."""
    meta = store.meta()
    return Principal(store.principal.name, pack_role(meta), meta[UNIT])


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
    with pack.engine.connect() as conn:
        made = made_since(conn, int(meta.get(PULLED_SEQ, 0)))
    pushed = push(centre, meta[PACK_ID], unsynced(pack), now, progress, made)
    area = pack_area(pack)
    assert area is not None  # a pack always names its unit
    pulled = pull(centre, pack, area, pack_policy(pack_role(meta)), meta[PACK_ID], now)
    return SyncReport(pushed, pulled, time.perf_counter() - started)
