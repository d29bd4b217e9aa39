"""The map's feature tools in the main window: the Identify tool, point tooltips, a click selecting the point
under it, selected points ringed on the map, "zoom to feature", the attribute-table menu and grid labels.

Everything here joins existing pieces — the canvas, the console's feature models, the identify and
attribute-table docks — so the main window needs one line to have them.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from app.domain.admin import Level
from app.map.canvas import MapCanvas
from app.map.feature_marks_item import FeatureMarksItem
from app.map.label_painter import grid_labels
from app.models.layers import PointLayer
from app.views.feature_text import FEATURE_FIELD, display_value, layer_title

PICK_PX = 8.0  # a point is "under the cursor" within this many screen pixels (its symbol is 11 px wide)


class FeatureTools(QObject):
    """Installs the tools on ``window`` (its ``console``, ``canvas`` and ``docks``), the tool bar and the map menu."""

    def __init__(self, window: QMainWindow, tools: QToolBar, map_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.canvas: MapCanvas = window.canvas
        console = window.console
        self.catalog, self.selection, self.results = console.features, console.feature_selection, console.identify
        self.marks = FeatureMarksItem()
        self.marks.setZValue(1050)
        self.canvas.vb.addItem(self.marks)
        self.canvas.point_hover = self.point_tooltip
        self.canvas.sigIdentify.connect(self.identify_at)
        self.canvas.sigPointClicked.connect(self.select_point_at)
        self.selection.events.changed.connect(self._on_selection_change)
        self.selection.events.zoom_to.connect(self._on_zoom_to)

        self.act_identify = QAction(self.tr("Identify features"), window)
        self.act_identify.setCheckable(True)
        self.act_identify.setShortcut(QKeySequence("Ctrl+I"))
        self.act_identify.setToolTip(self.tr("Identify features (Ctrl+I): click the map to list every feature under the cursor"))
        self.act_identify.toggled.connect(self.set_identify)
        window.addAction(self.act_identify)
        tools.insertAction(window.act_export, self.act_identify)  # with the other map tools
        map_menu.addSeparator()
        map_menu.addAction(self.act_identify)
        tables = map_menu.addMenu(self.tr("Attribute table"))
        for key in self.catalog.keys:
            tables.addAction(layer_title(self.catalog.layer(key)), lambda key=key: self.open_table(key))
        labels = map_menu.addMenu(self.tr("Grid labels"))
        group = QActionGroup(labels)
        for text, slot in ((self.tr("Number in the village"), self.label_grids_by_number),
                           (self.tr("Grid leader's name"), self.label_grids_by_leader)):
            action = labels.addAction(text, slot)
            action.setCheckable(True)
            group.addAction(action)
        group.actions()[0].setChecked(True)

    # --- identify -------------------------------------------------------------------------------------
    def set_identify(self, on: bool) -> None:
        self.canvas.identify_active = on
        if on:
            self.canvas.viewport().setCursor(Qt.CursorShape.WhatsThisCursor)
        else:
            self.canvas.viewport().unsetCursor()

    def identify_at(self, x: float, y: float) -> None:
        self.results.identify(x, y, PICK_PX * self.canvas.pixel_m(), self.canvas.view_width_m())
        self._raise("identify")

    def point_tooltip(self, x: float, y: float, pixel_m: float) -> str:
        """"[Checkpoints]" then the point's name, kind and place: what a hover over a point says."""
        found = self.catalog.point_at(x, y, PICK_PX * pixel_m, self.canvas.view_width_m())
        if found is None:
            return ""
        values = dict(self.catalog.attributes(found.layer_key, found.row))
        keys = [k for k in ("name", "category", "kind", "status", "capacity", "code") if k in values]
        lines = [f"{FEATURE_FIELD(k)}: {display_value(k, values[k])}" for k in keys]
        return "\n".join([f"[{layer_title(self.catalog.layer(found.layer_key))}]"] + lines)

    # --- selection on the map -------------------------------------------------------------------------
    def select_point_at(self, x: float, y: float) -> None:
        """The map's click selects the drawn point under it (or no point); the unit under it is selected too."""
        found = self.catalog.point_at(x, y, PICK_PX * self.canvas.pixel_m(), self.canvas.view_width_m())
        self.selection.select_feature(found.layer_key if found else None, found.row if found else -1)

    def _on_selection_change(self, _keys: list[str]) -> None:
        xs, ys = [], []
        for layer in self.catalog.layers:
            if isinstance(layer, PointLayer):
                rows = self.selection.rows(layer.key)
                xs.append(layer.x[rows])
                ys.append(layer.y[rows])
        self.marks.set_points(np.concatenate(xs) if xs else np.zeros(0), np.concatenate(ys) if ys else np.zeros(0))

    def _on_zoom_to(self, bounds: tuple[float, float, float, float]) -> None:
        x0, y0, x1, y1 = bounds
        self.canvas.vb.setRange(QRectF(x0, y0, x1 - x0, y1 - y0), padding=0.1)

    # --- tables and labels ----------------------------------------------------------------------------
    def open_table(self, key: str) -> None:
        if "attributes" in self.window.docks:
            self.window.panel("attributes").show_layer(key)  # built now if it was never shown
            self._raise("attributes")

    def _raise(self, dock: str) -> None:
        if dock in self.window.docks:
            self.window.show_panel(dock)

    def label_grids_by_number(self) -> None:
        self._set_grid_labels(grid_labels(self.catalog.columns("grid")["code"]))

    def label_grids_by_leader(self) -> None:
        columns = self.catalog.columns("grid")
        numbers = grid_labels(columns["code"])
        self._set_grid_labels([leader or number for leader, number in zip(columns["leader"].tolist(), numbers)])

    def _set_grid_labels(self, texts: list[str]) -> None:
        painter = self.canvas.labels.get(Level.GRID)
        if painter is not None:
            painter.set_texts(texts)
            self.canvas.stack.update()
