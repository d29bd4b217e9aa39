"""Identify features (QGIS's Identify Features): what lies under a point of the map, on every layer.

Points are picked by distance on screen — the caller gives the search radius in metres (pixels × metres per
pixel at the current zoom) — through one STRtree per point layer; polygons by containment through the admin
atlas's trees. Qt-free: the map asks, the views show.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import shapely
from psygnal import Signal, SignalGroup

from app.domain.admin import Level
from app.models.admin_atlas import AdminAtlas
from app.models.feature_columns import point_columns, unit_columns
from app.models.layers import Layer, LayerList, PointLayer, PolygonLayer

POINT_SIZE_M = 250.0  # half the side of the box a point zooms to (its street blocks: the grid around it shows)


@dataclass(frozen=True)
class Feature:
    """One feature of one layer: ``row`` indexes the layer's arrays; ``distance_m`` from the identified point."""

    layer_key: str
    row: int
    distance_m: float = 0.0


class FeatureCatalog:
    """Attribute columns, bounds and spatial lookups of every map layer, by layer key."""

    def __init__(self, atlas: AdminAtlas, layers: LayerList) -> None:
        self.atlas, self.layers = atlas, layers
        self._columns: dict[str, dict[str, np.ndarray]] = {}
        self._trees: dict[str, shapely.STRtree] = {}

    def layer(self, key: str) -> Layer:
        return self.layers[key]

    @cached_property
    def keys(self) -> list[str]:
        """Layers that have features to list: the point layers and the town, village and grid levels."""
        return [layer.key for layer in self.layers
                if isinstance(layer, PointLayer) or (isinstance(layer, PolygonLayer) and layer.level != Level.COUNTY)]

    def columns(self, key: str) -> dict[str, np.ndarray]:
        """The layer's attribute columns (built on first use, then kept; a point layer's own fields are taken
        afresh, since some follow the as-of date: a camera's status)."""
        layer = self.layers[key]
        if key not in self._columns:
            self._columns[key] = (point_columns(self.atlas, layer) if isinstance(layer, PointLayer)
                                  else unit_columns(self.atlas, layer.level))
        elif isinstance(layer, PointLayer):
            self._columns[key].update((k, v) for k, v in layer.fields.items() if k in self._columns[key])
        return self._columns[key]

    def attributes(self, key: str, row: int) -> list[tuple[str, object]]:
        return [(name, values[row]) for name, values in self.columns(key).items()]

    def size(self, key: str) -> int:
        layer = self.layers[key]
        return len(layer) if isinstance(layer, PointLayer) else len(self.atlas.levels[layer.level])

    def bounds(self, key: str, row: int) -> tuple[float, float, float, float]:
        """What "zoom to feature" shows: a unit's bounding box, or a street block around a point."""
        layer = self.layers[key]
        if isinstance(layer, PointLayer):
            x, y = float(layer.x[row]), float(layer.y[row])
            return x - POINT_SIZE_M, y - POINT_SIZE_M, x + POINT_SIZE_M, y + POINT_SIZE_M
        return tuple(float(v) for v in self.atlas.levels[layer.level].bounds[row])

    def rows_of_ids(self, key: str, ids: np.ndarray) -> np.ndarray:
        """Rows of a point layer whose store ids are in ``ids``."""
        layer = self.layers[key]
        return np.flatnonzero(np.isin(layer.ids, np.asarray(ids, np.int64))) if isinstance(layer, PointLayer) else \
            np.zeros(0, np.int64)

    def row_of_code(self, key: str, code: str) -> int:
        layer = self.layers[key]
        return self.atlas.levels[layer.level].index.get(code, -1) if isinstance(layer, PolygonLayer) else -1

    # --- spatial lookups --------------------------------------------------------------------------
    def _tree(self, layer: PointLayer) -> shapely.STRtree:
        if layer.key not in self._trees:
            self._trees[layer.key] = shapely.STRtree(shapely.points(layer.x, layer.y))
        return self._trees[layer.key]

    def points_near(self, key: str, x: float, y: float, radius_m: float) -> list[Feature]:
        """Points of one layer within ``radius_m`` of (x, y), nearest first."""
        layer = self.layers[key]
        if not len(layer):
            return []
        rows = self._tree(layer).query(shapely.box(x - radius_m, y - radius_m, x + radius_m, y + radius_m))
        distance = np.hypot(layer.x[rows] - x, layer.y[rows] - y)
        keep = distance <= radius_m
        order = np.lexsort((rows[keep], distance[keep]))
        return [Feature(key, int(r), float(d)) for r, d in zip(rows[keep][order], distance[keep][order])]

    def shown_points(self, view_width_m: float) -> list[PointLayer]:
        """Point layers drawn at this view width, topmost first (the order a click reaches them)."""
        return [layer for layer in reversed(list(self.layers))
                if isinstance(layer, PointLayer) and layer.shown_at(view_width_m)]

    def point_at(self, x: float, y: float, radius_m: float, view_width_m: float) -> Feature | None:
        """The drawn point nearest (x, y) within the radius, on any layer; None when there is none."""
        found = [f for layer in self.shown_points(view_width_m) for f in self.points_near(layer.key, x, y, radius_m)[:1]]
        return min(found, key=lambda f: f.distance_m) if found else None

    def identify(self, x: float, y: float, radius_m: float, view_width_m: float) -> list[Feature]:
        """Everything under (x, y): drawn points within the radius (topmost layer first, nearest first), then
        the grid, village and town containing it (of the admin layers switched on)."""
        found = [f for layer in self.shown_points(view_width_m) for f in self.points_near(layer.key, x, y, radius_m)]
        polygons = sorted((layer for layer in self.layers if isinstance(layer, PolygonLayer)
                           and layer.visible and layer.level != Level.COUNTY), key=lambda lay: -lay.level)
        for layer in polygons:
            row = self.atlas.levels[layer.level].hit(x, y)
            if row >= 0:
                found.append(Feature(layer.key, row))
        return found


class IdentifyResults:
    """The last identify: ``features`` under the point ``at``. Events: ``results(list[Feature])``."""

    class _Events(SignalGroup):
        results = Signal(object)

    def __init__(self, catalog: FeatureCatalog) -> None:
        self.events = self._Events()
        self.catalog = catalog
        self.at: tuple[float, float] | None = None
        self.features: list[Feature] = []

    def identify(self, x: float, y: float, radius_m: float, view_width_m: float) -> list[Feature]:
        self.at = (x, y)
        self.features = self.catalog.identify(x, y, radius_m, view_width_m)
        self.events.results.emit(self.features)
        return self.features
