"""The map canvas: admin levels, thematic fills, labels, points and highlights in one pyqtgraph view.

A bridge from the layer models to graphics items: layer events postpone one refresh to the next event-loop
turn, so a burst of changes costs one redraw. Clicks become spatial lookups that set the shared selection —
or, while the draw-area tool is on, vertices of the area being drawn (double-click or Enter finishes,
right-click or Esc cancels).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPixmap, QPixmapCache
from PySide6.QtWidgets import QGraphicsView, QToolTip

from app.domain.admin import Level
from app.map.area_sketch import AreaSketch
from app.map.choropleth_painter import ChoroplethPainter
from app.map.decorations import legend_size, paint_legend, paint_north_arrow
from app.map.highlight_item import HighlightItem
from app.map.label_painter import LabelPainter
from app.map.layer_painter import LayerPainter
from app.map.layer_stack_item import LayerStackItem
from app.map.outline_painter import OutlinePainter
from app.map.point_painter import PointPainter
from app.map.sketch_item import SketchItem
from app.map.tiled_paths import TiledPaths, rings_path
from app.map.view_box import MapViewBox
from app.models.admin_atlas import AdminAtlas, UnitLevel
from app.models.context import ConsoleContext
from app.models.drill import DrillPath
from app.models.layers import LayerList, PolygonLayer
from app.models.thematic import Thematic


class MapCanvas(pg.GraphicsView):
    """Signals: ``sigPointClicked(x, y)`` (metres), ``sigViewChanged()``, ``sigIdentify(x, y)`` (a click while
    ``identify_active``, instead of selecting). ``point_hover(x, y, pixel_m)``, when set, gives the tooltip of a
    point feature near the cursor ("" when none): a point under the cursor is described, not the unit under it."""

    sigPointClicked = Signal(float, float)
    sigIdentify = Signal(float, float)
    sigViewChanged = Signal()

    def __init__(self, atlas: AdminAtlas, layers: LayerList, thematic: Thematic, drill: DrillPath,
                 context: ConsoleContext, describe, legend, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent, background="#eef2f5")
        # each cached layer keeps a viewport-sized pixmap; Qt's default 10 MB cache would evict them
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), 256 * 1024))
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        # the layer stack paints an opaque image of the view: a cached background would be copied under it for nothing
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.atlas, self.layers, self.thematic, self.drill, self.context = atlas, layers, thematic, drill, context
        self._describe, self._legend = describe, legend  # view-supplied (translated) text builders
        self.decorations = True
        self._furniture_key: tuple | None = None
        self._legend_pixmap = self._arrow_pixmap = QPixmap()
        self.hover_text = ""
        self._hovered: tuple[Level, int] | None = None
        self.identify_active = False
        self.point_hover: Callable[[float, float, float], str] | None = None
        self.vb = MapViewBox()
        self.setCentralItem(self.vb)
        self._tiles: dict[Level, TiledPaths] = {}
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        x0, y0, x1, y1 = atlas.extent()
        self.stack = LayerStackItem(QRectF(x0, y0, x1 - x0, y1 - y0))
        self.vb.addItem(self.stack)
        self.choropleth = ChoroplethPainter()
        self.layer_painters: dict[str, LayerPainter] = {}
        self.labels: dict[Level, LabelPainter] = {}
        self._painted: list[tuple[LayerPainter, bool, float]] = []
        for layer in layers:
            self._add_painter(layer)
        self.highlight = HighlightItem()
        self.highlight.setZValue(1000)
        self.vb.addItem(self.highlight)
        sketch_item = SketchItem()
        sketch_item.setZValue(1100)
        self.vb.addItem(sketch_item)
        self.sketch = AreaSketch(context, sketch_item, self)
        self.sketch.sigActiveChanged.connect(self._on_sketch_active_change)
        layers.events.order.connect(self._schedule_refresh)
        thematic.events.style.connect(self._on_style_change)
        context.events.selected_unit.connect(self._on_selected_unit_change)
        drill.events.path.connect(self._on_path_change)
        self.vb.sigRangeChanged.connect(self._on_range_change)
        self.vb.sigClicked.connect(self._on_click)
        self.vb.sigDoubleClicked.connect(self._on_double_click)
        self.vb.sigRightClicked.connect(self._on_right_click)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._on_style_change()
        self.zoom_to_extent()
        self.refresh()

    # --- building ---------------------------------------------------------------------------------
    def tiles(self, level: Level) -> TiledPaths:
        if level not in self._tiles:
            units = self.atlas.levels[level]
            self._tiles[level] = TiledPaths(units.rings, units.bounds)
        return self._tiles[level]

    def _add_painter(self, layer) -> None:  # noqa: ANN001
        if isinstance(layer, PolygonLayer):
            self.layer_painters[layer.key] = OutlinePainter(layer.level, self.tiles)
            if layer.level != Level.COUNTY:
                self.labels[layer.level] = LabelPainter(self.atlas.levels[layer.level])
        else:
            self.layer_painters[layer.key] = PointPainter(layer)
            layer.events.classes.connect(partial(self._on_classes_change, layer.key))
            layer.events.visible.connect(self._on_legend_change)  # its classes leave or join the legend
        layer.events.connect(self._schedule_refresh)

    # --- model → painters ----------------------------------------------------------------------------
    def view_width_m(self) -> float:
        return float(self.vb.viewRect().width())

    def pixel_m(self) -> float:
        """Metres per screen pixel at the current zoom."""
        return self.view_width_m() / max(self.viewport().width(), 1)

    def _on_classes_change(self, key: str, *_: object) -> None:
        """A point layer's colours changed: the cached image is stale if it shows the layer (a hidden one is drawn
        afresh when shown), and the legend's counts of its classes are."""
        if self.layer_painters[key].visible:
            self.stack.update()
        self._on_legend_change()

    def _on_legend_change(self, *_: object) -> None:
        """The legend (drawn in the foreground) names what changed: repaint the whole view, not only the layers."""
        self.viewport().update()

    def _schedule_refresh(self, *_: object) -> None:
        self._refresh_timer.start()

    def refresh(self) -> None:
        """Apply visibility (with level of detail), opacity and order of every layer: one repaint."""
        width = self.view_width_m()
        label_level = self.label_level()
        for layer in self.layers:
            painter = self.layer_painters[layer.key]
            painter.opacity = layer.opacity
            thematic_level = isinstance(layer, PolygonLayer) and layer.level == self.thematic.level
            painter.visible = layer.shown_at(width) and not thematic_level
            if thematic_level:
                self.choropleth.visible, self.choropleth.opacity = layer.visible, layer.opacity
        for level, label in self.labels.items():
            label.visible = level == label_level
        order = [self.choropleth] + [self.layer_painters[key] for key in self.layers.keys()] + list(self.labels.values())
        visible = [(p, p.visible, p.opacity) for p in order]
        if visible != self._painted:
            self._painted = visible
            self.stack.painters = order
            self.stack.update()

    def shown_levels(self) -> list[Level]:
        width = self.view_width_m()
        return [layer.level for layer in self.layers if isinstance(layer, PolygonLayer) and layer.shown_at(width)]

    def label_level(self) -> Level | None:
        labelled = [layer.level for layer in self.layers if isinstance(layer, PolygonLayer)
                    and layer.shown_at(self.view_width_m()) and layer.labels and layer.level != Level.COUNTY]
        return max(labelled) if labelled else None

    def hit_level(self) -> Level:
        """The level a click or hover picks: below the drill focus, or finer when zoomed in."""
        finest = max([lv for lv in self.shown_levels() if lv != Level.COUNTY], default=Level.TOWN)
        return max(self.drill.child_level, finest)

    def _on_style_change(self) -> None:
        level = self.thematic.level
        if self.choropleth.level != level:
            self.choropleth.set_level(level, self.tiles(level))
        self.choropleth.restyle(self.thematic.classes.index, self.thematic.colours)
        self.stack.update()
        # the legend is drawn in the view's foreground: repaint all of it, not only where the layers lie (a
        # partial repaint left the old legend with fragments of the new one until the next pan)
        self.viewport().update()
        self._schedule_refresh()

    def _on_selected_unit_change(self, code: str | None) -> None:
        found = self.atlas.find(code) if code else None
        self.highlight.set_selected(rings_path(found[0].rings.take(found[1])) if found else pg.QtGui.QPainterPath())
        if found and not self.vb.viewRect().intersects(self._unit_rect(code)):
            self.vb.setRange(self._unit_rect(code), padding=0.3)

    def _on_path_change(self, path: list[str]) -> None:
        self.zoom_to(path[-1])

    def _on_range_change(self) -> None:
        self.refresh()
        self.sigViewChanged.emit()

    # --- navigation -------------------------------------------------------------------------------
    def _unit_rect(self, code: str) -> QRectF:
        x0, y0, x1, y1 = self.atlas.bounds(code)
        return QRectF(x0, y0, x1 - x0, y1 - y0)

    def zoom_to(self, code: str) -> None:
        self.vb.setRange(self._unit_rect(code), padding=0.06)

    def zoom_to_extent(self) -> None:
        x0, y0, x1, y1 = self.atlas.extent()
        self.vb.setRange(QRectF(x0, y0, x1 - x0, y1 - y0), padding=0.03)

    # --- interaction ------------------------------------------------------------------------------
    def unit_at(self, x: float, y: float, level: Level | None = None) -> tuple[UnitLevel, int] | None:
        units = self.atlas.levels[level if level is not None else self.hit_level()]
        row = units.hit(x, y)
        return (units, row) if row >= 0 else None

    def hover_at(self, x: float, y: float) -> str:
        """Highlight the unit under (x, y) and return its tooltip text ("" outside every unit)."""
        point_text = self.point_hover(x, y, self.pixel_m()) if self.point_hover else ""
        if point_text:
            self._hovered = None
            self.highlight.set_hover(pg.QtGui.QPainterPath())
            self.hover_text = point_text
            return point_text
        found = self.unit_at(x, y)
        key = (found[0].level, found[1]) if found else None
        if key != self._hovered:
            self._hovered = key
            self.highlight.set_hover(rings_path(found[0].rings.take(found[1])) if found else pg.QtGui.QPainterPath())
            self.hover_text = self._describe(*found) if found else ""
        return self.hover_text

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        point = self.vb.mapSceneToView(scene_pos)
        if self.sketch.active:
            self.sketch.move(point.x(), point.y())
        text = self.hover_at(point.x(), point.y())
        if text:
            QToolTip.showText(self.mapToGlobal(self.mapFromScene(scene_pos)), text, self)
        else:
            QToolTip.hideText()

    def _on_click(self, point: QPointF) -> None:
        if self.sketch.active:
            self.sketch.add(point.x(), point.y())
        elif self.identify_active:
            self.sigIdentify.emit(point.x(), point.y())
        else:
            self.click_at(point.x(), point.y())

    def click_at(self, x: float, y: float) -> None:
        found = self.unit_at(x, y)
        self.context.selected_unit = str(found[0].data.codes[found[1]]) if found else None
        self.sigPointClicked.emit(x, y)

    def _on_double_click(self, point: QPointF) -> None:
        if self.sketch.active:
            self.sketch.finish()
        else:
            self.double_click_at(point.x(), point.y())

    def _on_right_click(self, _point: QPointF) -> None:
        if self.sketch.active:
            self.sketch.cancel()

    def _on_sketch_active_change(self, active: bool) -> None:
        if active:
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)
            self.setFocus()
        else:
            self.viewport().unsetCursor()

    _SKETCH_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)

    def event(self, ev: QEvent) -> bool:
        # while drawing, Esc cancels the sketch instead of triggering the window's "clear selection" shortcut
        if ev.type() == QEvent.Type.ShortcutOverride and self.sketch.active and ev.key() in self._SKETCH_KEYS:
            ev.accept()
            return True
        return super().event(ev)

    def keyPressEvent(self, ev: QKeyEvent) -> None:  # noqa: N802
        if self.sketch.active and ev.key() in self._SKETCH_KEYS:
            if ev.key() == Qt.Key.Key_Escape:
                self.sketch.cancel()
            else:
                self.sketch.finish()
            ev.accept()
            return
        super().keyPressEvent(ev)

    def double_click_at(self, x: float, y: float) -> None:
        found = self.unit_at(x, y, self.drill.child_level)
        if found:
            code = str(found[0].data.codes[found[1]])
            self.drill.drill_to(code)
            self.context.selected_unit = code

    # --- furniture ----------------------------------------------------------------------------------
    def _furniture(self) -> QPixmap:
        """North arrow and legend, drawn once per legend into a transparent strip (repaints only blit it)."""
        title, entries = self._legend()
        ratio = self.devicePixelRatioF()
        key = (title, tuple(entries), ratio)
        if key != self._furniture_key:
            width, height = legend_size(title, entries, 12) if entries else (0.0, 0.0)
            pix = QPixmap(round((width + 120) * ratio), round(max(height, 90) * ratio))
            pix.setDevicePixelRatio(ratio)
            pix.fill(Qt.GlobalColor.transparent)
            p = QPainter(pix)
            if entries:
                paint_legend(p, QPointF(0, 0), title, entries, 12)
            p.end()
            arrow = QPixmap(round(60 * ratio), round(60 * ratio))
            arrow.setDevicePixelRatio(ratio)
            arrow.fill(Qt.GlobalColor.transparent)
            p = QPainter(arrow)
            paint_north_arrow(p, QPointF(30, 30), 44)
            p.end()
            self._furniture_key, self._legend_pixmap, self._arrow_pixmap = key, pix, arrow
        return self._legend_pixmap

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        if not (self.stack.covers(rect) and self.vb.sceneBoundingRect().contains(rect)):
            super().drawBackground(painter, rect)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        if not self.decorations:
            return
        legend = self._furniture()
        painter.save()
        painter.resetTransform()
        vp = self.viewport().rect()
        painter.drawPixmap(QPointF(vp.left() + 12, vp.top() + 12), legend)
        painter.drawPixmap(QPointF(vp.right() - 68, vp.top() + 12), self._arrow_pixmap)
        painter.restore()
