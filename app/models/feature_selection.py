"""The selected features of every layer, shared by the map, the attribute tables, identify and the trace graph.

A selected admin unit is also the console context's ``selected_unit``: selecting a unit here selects it there
and the other way round, so the map's click, the breadcrumb and the tables agree.
"""

from __future__ import annotations

import numpy as np
from psygnal import Signal, SignalGroup

from app.models.context import ConsoleContext
from app.models.identify import FeatureCatalog
from app.models.layers import PointLayer, PolygonLayer

EMPTY = np.zeros(0, np.int64)


class FeatureSelection:
    """Rows selected per layer key.

    Events: ``changed(list[str])`` — the keys whose selection changed; ``zoom_to((x0, y0, x1, y1))`` — a view
    asks the map to show these bounds (display metres).
    """

    class _Events(SignalGroup):
        changed = Signal(object)
        zoom_to = Signal(object)

    def __init__(self, catalog: FeatureCatalog, context: ConsoleContext) -> None:
        self.events = self._Events()
        self.catalog, self.context = catalog, context
        self._rows: dict[str, np.ndarray] = {}
        self._syncing = False
        context.events.selected_unit.connect(self._on_selected_unit_change)

    def rows(self, key: str) -> np.ndarray:
        return self._rows.get(key, EMPTY)

    def _set(self, rows_by_key: dict[str, np.ndarray]) -> list[str]:
        changed = []
        for key, rows in rows_by_key.items():
            rows = np.unique(np.asarray(rows, np.int64))
            if not np.array_equal(rows, self.rows(key)):
                self._rows[key] = rows
                changed.append(key)
        return changed

    def select(self, key: str, rows) -> None:  # noqa: ANN001
        """Select ``rows`` of one layer (the others keep theirs); a unit becomes the context's selected unit."""
        self._publish(self._set({key: rows}))

    def select_points(self, rows_by_key: dict[str, np.ndarray]) -> None:
        """Select these points and no others (admin units keep their selection)."""
        points = {layer.key: EMPTY for layer in self.catalog.layers if isinstance(layer, PointLayer)}
        self._publish(self._set(points | rows_by_key))

    def select_feature(self, key: str | None, row: int = -1) -> None:
        """The map's click: one point selected alone, or (``key`` None) none."""
        self.select_points({key: np.array([row])} if key is not None else {})

    def zoom_to(self, key: str, rows) -> None:  # noqa: ANN001
        """Ask the map to show these features of one layer."""
        self.zoom_to_many({key: rows})

    def zoom_to_many(self, rows_by_key: dict[str, np.ndarray]) -> None:
        """Ask the map to show all these features (of several layers) at once."""
        boxes = np.array([self.catalog.bounds(key, int(r)) for key, rows in rows_by_key.items()
                          for r in np.asarray(rows, np.int64).tolist()]).reshape(-1, 4)
        if len(boxes):
            self.events.zoom_to.emit((float(boxes[:, 0].min()), float(boxes[:, 1].min()),
                                      float(boxes[:, 2].max()), float(boxes[:, 3].max())))

    def _publish(self, changed: list[str]) -> None:
        if not changed:
            return
        units = [k for k in changed if isinstance(self.catalog.layer(k), PolygonLayer)]
        if units and not self._syncing:
            key = units[-1]
            rows = self.rows(key)
            codes = self.catalog.columns(key)["code"]
            self._syncing = True
            try:
                self.context.selected_unit = str(codes[rows[-1]]) if len(rows) else None
            finally:
                self._syncing = False
        self.events.changed.emit(changed)

    def _on_selected_unit_change(self, code: str | None) -> None:
        if self._syncing:
            return
        units = {layer.key: EMPTY for layer in self.catalog.layers
                 if isinstance(layer, PolygonLayer) and layer.key in self.catalog.keys}
        if code:
            for key in units:
                row = self.catalog.row_of_code(key, code)
                if row >= 0:
                    units[key] = np.array([row])
        self._syncing = True
        try:
            self._publish(self._set(units))
        finally:
            self._syncing = False
