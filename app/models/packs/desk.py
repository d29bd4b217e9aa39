"""The console's pack actions (Qt-free): take a unit out as a pack, sync the open pack with a centre, list the
packs a centre has handed out and how stale each is. Each long action takes ``progress(fraction, message)``
and ``should_cancel()`` and stops with ``Cancelled`` between steps — a make leaves no file, a sync stops between
centre transactions (each change is applied exactly once whichever batch it fell in, so running it again
finishes the job)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.domain.admin import Level
from app.domain.errors import Cancelled, StoreError
from app.models import inputs
from app.models.admin_atlas import AdminAtlas
from app.models.packs.roles import DEFAULT_ROLE, ROLE_NAMES
from app.models.packs.service import SyncReport, make_pack, sync
from app.store import Store
from app.store.packs.area import PackArea
from app.store.packs.make import PackReport
from app.store.packs.meta import ORIGIN
from app.store.packs.status import PackOutRow, packs_out

Progress = Callable[[float, str], None]
ShouldCancel = Callable[[], bool]


@dataclass(frozen=True)
class PackOut:
    """A pack out, with how long ago it last synced (or was made, if never)."""

    row: PackOutRow
    stale_hours: float


class PackDesk:
    """Pack actions over the console's store; ``area`` is the pack's own area on a pack (None at a centre)."""

    roles = ROLE_NAMES
    default_role = DEFAULT_ROLE.value

    def __init__(self, store: Store, atlas: Callable[[], AdminAtlas], area: PackArea | None,
                 clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self._atlas = atlas
        self.area = area
        self.clock = clock

    @property
    def is_pack(self) -> bool:
        return self.area is not None

    def origin(self) -> str:
        """The centre the open pack came from, as it was named when the pack was made ('' at a centre)."""
        return self.store.meta().get(ORIGIN, "") if self.is_pack else ""

    def units(self) -> list[tuple[str, str]]:
        """(code, name) of the county, its towns and villages: the units a pack may be made of."""
        atlas = self._atlas()
        return [(str(c), str(n)) for level in (Level.COUNTY, Level.TOWN, Level.VILLAGE)
                for c, n in zip(atlas.levels[level].data.codes, atlas.levels[level].data.names_zh)]

    def make(self, unit: str, role: str, out: str, progress: Progress, should_cancel: ShouldCancel) -> PackReport:
        path = inputs.output_file(out, "pack file", (".gpkg",))
        if self.is_pack:
            raise StoreError("this console works on a pack: make packs at the centre")

        def step(done: int, total: int) -> None:
            if should_cancel():
                raise Cancelled("making the pack was cancelled: no file was written")
            progress(done / max(total, 1), f"{done}/{total}")

        return make_pack(self.store, inputs.text(unit, "unit"), role, Path(path), progress=step)

    def sync(self, target: str, progress: Progress, should_cancel: ShouldCancel) -> SyncReport:
        """Sync the open pack with the centre at ``target`` (a path or URL)."""
        location = inputs.store_location(target, "centre")
        if not self.is_pack:
            raise StoreError("this console works on a centre: open a pack to sync it")
        centre = Store.open(location)
        try:
            def step(done: int, total: int) -> None:
                if should_cancel():
                    raise Cancelled(f"sync cancelled after {done} of {total} changes (each applied once): "
                                    "sync again to finish")
                progress(done / max(total, 1), f"{done}/{total}")

            return sync(self.store, centre, step)
        finally:
            centre.close()

    def packs_out(self) -> list[PackOut]:
        now = self.clock()
        return [PackOut(r, max(0.0, (now - (r.last_sync_at or r.created_at)) / 3600)) for r in packs_out(self.store)]
