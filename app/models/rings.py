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
