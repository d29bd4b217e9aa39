"""The contact graph: the case in the centre, close contacts around it, secondary contacts outside — each
node a shape and colour by role (with a legend), labelled with the masked name, role and time.

Labels that would overlap are left out, most important first (the case, then close contacts, then secondary
ones), and placed again after every zoom: zooming in shows more of them. Colours come from the widget's
palette, so the graph reads in light and dark themes alike.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.map.point_painter import symbol_pixmap
from app.models.label_placement import place_candidates
from app.models.trace_view import TraceNode
from app.timebase import format_seconds

# by depth: the case, close (密接), secondary (次密接), tertiary contacts — Okabe–Ito colours, told apart by shape too
ROLE_COLOURS = ["#d55e00", "#e69f00", "#0072b2", "#009e73"]
ROLE_SYMBOLS = ["s", "o", "t", "d"]
ROLE_SIZES = [18, 13, 10, 9]
LABEL_GAP_PX = 8
# (anchor, direction of the gap in view units) of each candidate position in place_labels (the view's y is up)
LABEL_SIDES = [((0, 0.5), (1, 0)), ((1, 0.5), (-1, 0)), ((0.5, 1), (0, 1)), ((0.5, 0), (0, -1))]


class TraceGraphView(QWidget):
    """Signals: ``sigNodeClicked(int)`` — the index of the node clicked (0 the case)."""

    sigNodeClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nodes: list[TraceNode] = []
        self.pos = np.zeros((0, 2))
        self.selected = -1
        self.canvas = pg.GraphicsLayoutWidget(self)
        self.box = self.canvas.addViewBox()
        self.box.setAspectLocked(True)
        self.box.setMenuEnabled(False)
        self.graph = pg.GraphItem()
        self.box.addItem(self.graph)
        self.ring = pg.ScatterPlotItem(size=26, brush=None, pxMode=True)
        self.box.addItem(self.ring)
        self.labels: list[pg.TextItem] = []
        self.graph.scatter.sigClicked.connect(lambda _item, points, _ev: self.sigNodeClicked.emit(points[0].index()))
        self.box.sigRangeChanged.connect(self.place_labels)
        self.legend = QGridLayout()  # two roles a line: the legend fits a narrow dock
        self.legend.setHorizontalSpacing(4)
        for depth, text in enumerate(self.role_names()):
            icon = QLabel(self)
            icon.setPixmap(symbol_pixmap(ROLE_COLOURS[depth], ROLE_SYMBOLS[depth], 14))
            entry = QHBoxLayout()
            entry.addWidget(icon)
            entry.addWidget(QLabel(text, self), 1)
            self.legend.addLayout(entry, depth // 2, depth % 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.legend)
        box.addWidget(self.canvas, 1)
        self._apply_palette()

    def role_names(self) -> list[str]:
        return [self.tr("Case"), self.tr("Close contact"), self.tr("Secondary contact"), self.tr("Tertiary contact")]

    def role(self, depth: int) -> str:
        return self.role_names()[min(depth, 3)]

    # --- content ------------------------------------------------------------------------------------
    def set_graph(self, nodes: list[TraceNode], pos: np.ndarray, edges: np.ndarray) -> None:
        self.nodes, self.pos, self.selected = nodes, np.asarray(pos, float), -1
        depth = np.array([min(n.depth, 3) for n in nodes], np.int64)
        self.graph.setData(pos=self.pos, adj=edges if len(edges) else None, pxMode=True,
                           size=np.array(ROLE_SIZES)[depth], symbol=[ROLE_SYMBOLS[d] for d in depth.tolist()],
                           symbolBrush=[pg.mkBrush(ROLE_COLOURS[d]) for d in depth.tolist()],
                           symbolPen=self._node_pen, pen=self._edge_pen)
        for item in self.labels:
            self.box.removeItem(item)
        self.labels = []
        for node in nodes:
            item = pg.TextItem(self.label_text(node), color=self._text, fill=self._fill, anchor=(0, 0.5))
            self.box.addItem(item)
            self.labels.append(item)
        self.ring.setData([], [])
        self.box.autoRange(padding=0.15)
        self.place_labels()

    def label_text(self, node: TraceNode) -> str:
        """"张*明 · 密接" over the exposure (or onset) time."""
        return f"{node.name_masked} · {self.role(node.depth)}\n{format_seconds(node.at)[5:16]}"

    def select(self, index: int) -> None:
        """Ring node ``index`` (−1: none) and make sure its label shows."""
        self.selected = index
        if 0 <= index < len(self.pos):
            self.ring.setData([self.pos[index, 0]], [self.pos[index, 1]], pen=pg.mkPen(self._text, width=2.5))
        else:
            self.ring.setData([], [])
        self.place_labels()

    # --- label placement ----------------------------------------------------------------------------
    def place_labels(self) -> None:
        """Show the labels that fit without overlapping, by priority: the case, the selected node, close, secondary…"""
        if not self.labels:
            return
        view = self.box.viewRect()
        area = self.box.sceneBoundingRect()
        if view.width() <= 0 or view.height() <= 0:
            return
        # view → scene pixels from the view rectangle itself: the view box's own transform lags a range change
        px = area.left() + (self.pos[:, 0] - view.left()) / view.width() * area.width()
        py = area.top() + (view.bottom() - self.pos[:, 1]) / view.height() * area.height()
        w, h = (np.array([[item.boundingRect().width(), item.boundingRect().height()] for item in self.labels]).T)
        gap = LABEL_GAP_PX
        candidates = np.stack([  # right of the node, left, above, below: the first free one is taken
            np.column_stack([px + gap, py - h / 2, px + gap + w, py + h / 2]),
            np.column_stack([px - gap - w, py - h / 2, px - gap, py + h / 2]),
            np.column_stack([px - w / 2, py - gap - h, px + w / 2, py - gap]),
            np.column_stack([px - w / 2, py + gap, px + w / 2, py + gap + h])], axis=1)
        # whole labels only: a candidate cut by the graph's edge is no candidate
        cut = ((candidates[:, :, 0] < area.left()) | (candidates[:, :, 2] > area.right())
               | (candidates[:, :, 1] < area.top()) | (candidates[:, :, 3] > area.bottom()))
        candidates[cut] = np.nan
        depth = np.array([n.depth for n in self.nodes])
        priority = np.where(np.arange(len(depth)) == self.selected, 0.5, depth)
        kept, side = place_candidates(candidates, np.lexsort((np.arange(len(depth)), priority)))
        shown = dict(zip(kept.tolist(), side.tolist()))
        per_px = view.width() / area.width()  # view units per screen pixel
        for i, item in enumerate(self.labels):
            item.setVisible(i in shown)
            if i in shown:
                anchor, (dx, dy) = LABEL_SIDES[shown[i]]
                item.setAnchor(anchor)
                item.setPos(self.pos[i, 0] + dx * gap * per_px, self.pos[i, 1] + dy * gap * per_px)

    def shown_labels(self) -> list[int]:
        return [i for i, item in enumerate(self.labels) if item.isVisible()]

    # --- theme --------------------------------------------------------------------------------------
    def _apply_palette(self) -> None:
        palette = self.palette()
        base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        self._text = text
        self._fill = pg.mkBrush(QColor(base.red(), base.green(), base.blue(), 200))
        edge = QColor(text)
        edge.setAlpha(90)
        self._edge_pen = pg.mkPen(edge, width=1)
        self._node_pen = pg.mkPen(base, width=1.2)
        self.canvas.setBackground(base)
        for item in self.labels:
            item.setColor(text)
            item.fill = self._fill
            item.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
            if self.nodes:
                self.set_graph(self.nodes, self.pos, self.graph.adjacency if self.graph.adjacency is not None
                               else np.zeros((0, 2), np.int64))
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self.place_labels()
