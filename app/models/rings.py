"""Polygon outlines flattened into vertex arrays, ready for one-call path building."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely


@dataclass(frozen=True)
class Rings:
    """Every ring of every feature, vertices back to back.

    ``connect[i]`` is 1 when vertex i joins vertex i+1 (0 at each ring's end); the vertices of feature f are
    ``start[f]:start[f + 1]``.
    """

    x: np.ndarray
    y: np.ndarray
    connect: np.ndarray  # int32
    start: np.ndarray  # int64, len = features + 1

    def take(self, feature: int) -> Rings:
        a, b = self.start[feature], self.start[feature + 1]
        return Rings(self.x[a:b], self.y[a:b], self.connect[a:b], np.array([0, b - a]))


def flatten(geoms: np.ndarray) -> Rings:
    """Flatten (multi)polygons; features keep their order."""
    parts, part_feature = shapely.get_parts(geoms, return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    xy, vertex_ring = shapely.get_coordinates(rings, return_index=True)
    connect = np.ones(len(xy), np.int32)
    if len(xy):
        ends = np.flatnonzero(np.diff(vertex_ring)) if len(xy) > 1 else np.zeros(0, int)
        connect[ends] = 0
        connect[-1] = 0
    vertex_feature = part_feature[ring_part[vertex_ring]]
    start = np.searchsorted(vertex_feature, np.arange(len(geoms) + 1))
    return Rings(np.ascontiguousarray(xy[:, 0]), np.ascontiguousarray(xy[:, 1]), connect, start)


def without_shared_edges(rings: Rings, precision: float = 0.1) -> np.ndarray:
    """A ``connect`` array that draws each edge shared by two neighbours once (the later copy is dropped)."""
    i = np.flatnonzero(rings.connect == 1)
    seg = np.round(np.column_stack([rings.x[i], rings.y[i], rings.x[i + 1], rings.y[i + 1]]) / precision)
    swap = (seg[:, 0] > seg[:, 2]) | ((seg[:, 0] == seg[:, 2]) & (seg[:, 1] > seg[:, 3]))
    seg[swap] = seg[swap][:, [2, 3, 0, 1]]
    _, first = np.unique(seg, axis=0, return_index=True)
    keep = np.zeros(len(i), bool)
    keep[first] = True
    connect = rings.connect.copy()
    connect[i[~keep]] = 0
    return connect


def polylines(rings: Rings, precision: float = 0.1) -> Rings:
    """The drawn edges of ``rings`` (``connect == 1``) joined end to end into as few polylines as a greedy walk finds.

    Dropping shared edges leaves thousands of one-segment pieces; a stroker pays per piece (start, caps), so
    long polylines draw about a fifth faster. The result has one feature holding every polyline.
    """
    i = np.flatnonzero(rings.connect == 1)
    if not len(i):
        return Rings(rings.x[:0], rings.y[:0], rings.connect[:0], np.array([0, 0]))
    key = np.round(np.column_stack([rings.x, rings.y]) / precision).astype(np.int64)
    _, node = np.unique(key, axis=0, return_inverse=True)
    a, b = node.ravel()[i].tolist(), node.ravel()[i + 1].tolist()
    at: dict[int, list[int]] = {}
    for e, (u, v) in enumerate(zip(a, b)):
        at.setdefault(u, []).append(e)
        at.setdefault(v, []).append(e)
    used = [False] * len(a)
    first = i.tolist()
    order: list[int] = []  # vertex indices, polylines back to back
    ends: list[int] = []  # position in ``order`` of each polyline's last vertex
    for e in range(len(a)):
        if used[e]:
            continue
        used[e] = True
        order += (first[e], first[e] + 1)
        here = b[e]
        while True:
            step = next((f for f in at[here] if not used[f]), -1)
            if step < 0:
                break
            used[step] = True
            forward = a[step] == here
            order.append(first[step] + 1 if forward else first[step])
            here = b[step] if forward else a[step]
        ends.append(len(order) - 1)
    idx = np.asarray(order)
    connect = np.ones(len(idx), np.int32)
    connect[ends] = 0
    return Rings(rings.x[idx], rings.y[idx], connect, np.array([0, len(idx)]))
