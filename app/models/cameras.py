"""Camera feed links: the cameras inside a unit or nearest a point, and where each stream really is.

``CameraLinks`` emits ``events.listing(list[CameraRow])`` whenever the listed cameras change, or their status
(each row's status is the camera's as it stood on the as-of date, see ``CameraHistory``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from psygnal import Signal, SignalGroup

from app.domain.admin import Level
from app.domain.cameras import CAMERA_KINDS
from app.models.admin_atlas import AdminAtlas
from app.models.camera_history import CameraHistory
from app.models.context import ConsoleContext
from app.models.projection import to_lonlat
from app.store.packs.files import SAMPLE_SCHEME, SAMPLES
from app.store.queries.points import CameraSet
from app.store.queries.spatial import Spatial

CarriedFile = Callable[[str], Path | None]


def resolve_stream(url: str, carried: CarriedFile | None = None) -> str:
    """The URL a player opens: ``sample://NAME`` becomes the file URL of the clip the store carries (a pack),
    else of the shipped clip; others pass through."""
    if url.startswith(SAMPLE_SCHEME):
        name = url[len(SAMPLE_SCHEME):]
        local = carried(name) if carried is not None else None
        return (local or SAMPLES / name).as_uri()
    return url


@dataclass(frozen=True)
class CameraRow:
    code: str
    name: str
    kind: str  # one of CAMERA_KINDS
    status: int  # CameraStatus
    url: str
    distance_m: float | None = None


class CameraLinks:
    """Lists cameras for the selected unit (mode ``unit``) or near the last clicked point (mode ``nearest``)."""

    class _Events(SignalGroup):
        listing = Signal(object)

    def __init__(self, cameras: CameraSet, atlas: AdminAtlas, context: ConsoleContext, spatial: Spatial,
                 nearest_n: int = 10, carried: CarriedFile | None = None, history: CameraHistory | None = None) -> None:
        self.events = self._Events()
        self._carried = carried
        self.mode = "unit"
        self.nearest_n = nearest_n
        self.rows: list[CameraRow] = []
        self._cams = cameras
        self._spatial = spatial
        self._row_of = {int(c): i for i, c in enumerate(cameras.ids.tolist())}
        self._row_of_code = {str(c): i for i, c in enumerate(cameras.codes.tolist())}
        self._history = history
        grids = atlas.levels[Level.GRID].index
        grid_codes = {int(i): c for i, c in zip(atlas.levels[Level.GRID].data.ids, atlas.levels[Level.GRID].data.codes)}
        self._grid_code = np.array([grid_codes.get(int(g), "") for g in cameras.grid_ids], dtype=object)
        self._known = np.array([c in grids for c in self._grid_code], dtype=bool)
        context.events.selected_unit.connect(self._on_selected_unit_change)
        if history is not None:
            history.events.status.connect(self._on_status_change)
        self.show_unit(context.selected_unit)

    def _on_status_change(self, _status: np.ndarray) -> None:
        self._publish([self._row(self._row_of_code[r.code], r.distance_m) for r in self.rows])

    def _on_selected_unit_change(self, code: str | None) -> None:
        if self.mode == "unit":
            self.show_unit(code)

    def show_unit(self, code: str | None) -> None:
        rows = np.flatnonzero(self._known & np.char.startswith(self._grid_code.astype(str), code)) if code else []
        self._publish([self._row(i) for i in rows])

    def pick_point(self, x: float, y: float) -> None:
        """A click on the map at display coordinates: lists the nearest cameras in ``nearest`` mode (the GUI runs
        :meth:`nearest` off its thread and then :meth:`show`)."""
        rows = self.nearest(x, y)
        if rows is not None:
            self.show(rows)

    def nearest(self, x: float, y: float) -> list[CameraRow] | None:
        """The cameras nearest a point in display coordinates with their geodesic distances, asked of the store (a
        KNN query on PostGIS); None unless in ``nearest`` mode. Reads the store: off the GUI thread."""
        if self.mode != "nearest" or not len(self._cams):
            return None
        found = self._spatial.nearest_cameras(*to_lonlat(x, y), n=self.nearest_n)
        return [self._row(self._row_of[c], float(d)) for c, d in zip(found.ids.tolist(), found.distance_m.tolist())
                if c in self._row_of]

    def show(self, rows: list[CameraRow]) -> None:
        self._publish(rows)

    def stream_url(self, row: CameraRow) -> str:
        """Where the player finds ``row``'s feed (a pack's own copy of a sample clip first)."""
        return resolve_stream(row.url, self._carried)

    def _row(self, i: int, distance: float | None = None) -> CameraRow:
        c = self._cams
        kind = CAMERA_KINDS[c.kinds[i]] if 0 <= c.kinds[i] < len(CAMERA_KINDS) else str(c.kinds[i])
        status = c.status if self._history is None else self._history.status
        return CameraRow(str(c.codes[i]), str(c.names[i]), kind, int(status[i]), str(c.urls[i]), distance)

    def _publish(self, rows: list[CameraRow]) -> None:
        self.rows = rows
        self.events.listing.emit(rows)
