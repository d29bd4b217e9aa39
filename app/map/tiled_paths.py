"""One level's outlines cut into spatial tiles, and fills grouped per tile and colour class.

Huge painter paths are slow to rasterise and cannot be culled; a few dozen tiles keep each path small and
let a zoomed-in view skip what it does not show.
"""

from __future__ import annotations

import numpy as np
from pyqtgraph.functions import arrayToQPath
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath

from app.models.rings import Rings, polylines, without_shared_edges

TILES_PER_SIDE = 8  # measured: 16 saves nothing at the bench zoom (pixels dominate) and slows a recolour by half


def rings_path(rings: Rings) -> QPainterPath:
    return arrayToQPath(rings.x, rings.y, rings.connect, finiteCheck=False)


class TiledPaths:
    """Tiles of one admin level: ``tile_rects``, ``outlines`` per tile and ``fills(classes)`` on demand."""

    def __init__(self, rings: Rings, bounds: np.ndarray) -> None:
        self._rings = rings
        # outlines draw each shared boundary once: a third fewer segments to antialias
        edges = Rings(rings.x, rings.y, without_shared_edges(rings), rings.start) if len(rings.x) else rings
        n = len(bounds)
        cx, cy = (bounds[:, 0] + bounds[:, 2]) / 2, (bounds[:, 1] + bounds[:, 3]) / 2
        tx = _bucket(cx, TILES_PER_SIDE)
        ty = _bucket(cy, TILES_PER_SIDE)
        self.tile = (ty * TILES_PER_SIDE + tx) if n else np.zeros(0, np.int64)
        self.tile_rects: list[QRectF] = []
        self.outlines: list[QPainterPath] = []
        self.tile_ids: list[int] = []
        for t in np.unique(self.tile):
            members = np.flatnonzero(self.tile == t)
            b = bounds[members]
            x0, y0, x1, y1 = b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()
            self.tile_ids.append(int(t))
            self.tile_rects.append(QRectF(x0, y0, x1 - x0, y1 - y0))
            self.outlines.append(rings_path(polylines(self._gather(members, edges))))
        self._rect_array = np.array([[r.left(), r.top(), r.right(), r.bottom()] for r in self.tile_rects]).reshape(-1, 4)
        # fill paths by the units they hold, from the last two restyles: a new day or a new indicator moves few units
        # to another class, so most groups come back unchanged (and alternating between two states rebuilds nothing)
        self._paths: dict[bytes, QPainterPath] = {}
        self._previous: dict[bytes, QPainterPath] = {}

    def visible(self, exposed: QRectF) -> list[int]:
        """Indices (into ``tile_rects``) of the tiles that meet ``exposed``: one numpy test, not a Python loop."""
        r = self._rect_array
        hit = (r[:, 0] <= exposed.right()) & (r[:, 2] >= exposed.left()) & (r[:, 1] <= exposed.bottom()) & (
            r[:, 3] >= exposed.top())
        return np.flatnonzero(hit).tolist()

    def fills(self, classes: np.ndarray, n_classes: int) -> list[list[tuple[int, QPainterPath]]]:
        """Per tile (in ``tile_ids`` order), a list of (class, path); class -1 is no data."""
        k = n_classes + 1
        key = self.tile * k + (classes.astype(np.int64) + 1)
        order = np.argsort(key, kind="stable")
        sorted_key = key[order]
        cuts = np.flatnonzero(np.diff(sorted_key)) + 1
        groups = np.split(order, cuts) if len(order) else []
        by_tile = {t: [] for t in self.tile_ids}
        used: dict[bytes, QPainterPath] = {}
        for members in groups:
            g = int(key[members[0]])
            units = members.tobytes()  # members are sorted, so a group's bytes name it
            path = self._paths.get(units) or self._previous.get(units) or rings_path(self._gather(members, self._rings))
            used[units] = path
            by_tile[g // k].append((g % k - 1, path))
        self._previous, self._paths = self._paths, used
        return [by_tile[t] for t in self.tile_ids]

    @staticmethod
    def _gather(features: np.ndarray, r: Rings) -> Rings:
        start = r.start
        lengths = start[features + 1] - start[features]
        total = int(lengths.sum())
        offsets = np.repeat(start[features] - (np.cumsum(lengths) - lengths), lengths)
        idx = offsets + np.arange(total)
        return Rings(r.x[idx], r.y[idx], r.connect[idx], np.array([0, total]))


def _bucket(values: np.ndarray, n: int) -> np.ndarray:
    lo, hi = values.min(), values.max()
    span = hi - lo if hi > lo else 1.0
    return np.minimum(((values - lo) / span * n).astype(np.int64), n - 1)
