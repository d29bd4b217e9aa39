"""Trainer mode (培训演示): full screen, large fonts, a scripted tour paged with PageUp/PageDown (or a presenter's
clicker, which sends those keys), a caption in the interface's language, and a highlight that follows the
pointer. Everything it shows comes from the embedded store, offline; identity numbers are masked everywhere
in the console already, so a tour cannot show one in clear."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.models.context import Choropleth
from app.models.indicators.unit_profile import choropleth_values
from app.models.tour import Tour, TourStep
from app.views.worker import FunctionWorker

if TYPE_CHECKING:
    from app.views.main_window import MainWindow

FONT_SCALE = 1.6


class PointerHighlight(QWidget):
    """A translucent ring around the mouse pointer over the map, transparent to clicks."""

    RADIUS = 34

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.pos_ = QPoint(-100, -100)
        parent.installEventFilter(self)
        parent.setMouseTracking(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.MouseMove:
            self.pos_ = event.position().toPoint()
            self.update()
        elif event.type() == QEvent.Type.Resize:
            self.resize(watched.size())
        return False

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QColor(255, 200, 0, 230))
        p.setBrush(QColor(255, 220, 0, 70))
        p.drawEllipse(self.pos_, self.RADIUS, self.RADIUS)


class TrainerMode(QObject):
    """Runs a tour over the main window; ``index`` is the step shown. Emits ``sigStep(index)``."""

    sigStep = Signal(int)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.tour: Tour | None = None
        self.index = -1
        self._font: QFont | None = None
        self._worker: FunctionWorker | None = None
        self.caption = QLabel(window.canvas)
        self.caption.setObjectName("trainer_caption")
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setStyleSheet("background: rgba(20, 30, 50, 200); color: white; padding: 12px; font-size: 24pt;")
        self.caption.hide()
        self.pointer = PointerHighlight(window.canvas.viewport())
        self.pointer.hide()
        self._keys = [QShortcut(QKeySequence(key), window, slot) for key, slot in
                      ((Qt.Key.Key_PageDown, self.next), (Qt.Key.Key_PageUp, self.previous))]
        for shortcut in self._keys:
            shortcut.setEnabled(False)

    @property
    def active(self) -> bool:
        return self.tour is not None

    def start(self, tour: Tour) -> None:
        self.tour = tour
        if self._font is None:
            self._font = QApplication.font()
            big = QFont(self._font)
            big.setPointSizeF(self._font.pointSizeF() * FONT_SCALE)
            QApplication.setFont(big)
        self.window.showFullScreen()
        for shortcut in self._keys:
            shortcut.setEnabled(True)
        self.caption.show()
        self.pointer.resize(self.window.canvas.viewport().size())
        self.pointer.show()
        self.go(0)

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.wait()
        self.tour, self.index = None, -1
        for shortcut in self._keys:
            shortcut.setEnabled(False)
        self.caption.hide()
        self.pointer.hide()
        if self._font is not None:
            QApplication.setFont(self._font)
            self._font = None
        self.window.showNormal()

    def next(self) -> None:
        if self.tour is not None and self.index + 1 < len(self.tour.steps):
            self.go(self.index + 1)

    def previous(self) -> None:
        if self.tour is not None and self.index > 0:
            self.go(self.index - 1)

    def go(self, index: int) -> None:
        assert self.tour is not None
        self.index = index
        self._apply(self.tour.steps[index])
        self.sigStep.emit(index)

    def _apply(self, step: TourStep) -> None:
        w, console = self.window, self.window.console
        for key, visible in step.layers.items():
            if key in console.layers.keys():
                console.layers[key].visible = visible
        if step.zoom is not None:
            w.show_county() if step.zoom == "" else w.show_unit(step.zoom)
        if step.indicator == "":
            console.context.choropleth = None
        elif step.indicator:
            self._colour_by(step.indicator)
        if step.drill in ("wartime", "peacetime"):
            w.wartime.set_wartime(step.drill == "wartime")
        elif step.drill is not None and "incident" in w.docks:
            panel = w.panel("incident")
            panel.open_drill() if step.drill == "open" else panel.confirm_dispatch_now()
        n = len(self.tour.steps) if self.tour else 0
        text = step.caption_en if w.english else step.caption_zh
        self.caption.setText(f"{text}   ({self.index + 1}/{n})")
        self.caption.setFixedWidth(w.canvas.viewport().width())
        self.caption.adjustSize()
        self.caption.move(0, w.canvas.viewport().height() - self.caption.height())
        self.caption.raise_()

    def _colour_by(self, indicator_id: str) -> None:
        console = self.window.console
        engine, context = console.indicators, console.context
        county = str(console.drill.path[0]) if console.drill.path else ""

        def compute() -> Choropleth:
            ind = engine.catalogue[indicator_id]
            level, values = choropleth_values(engine, ind, county, context.as_of)
            return Choropleth(ind.name_zh, level, values, ind.unit, ind.good, ind.name_en, integer=not ind.is_rate,
                              warning=ind.warning, alarm=ind.alarm)

        self._worker = FunctionWorker(lambda _p, _c: compute(), self)
        self._worker.sigDone.connect(lambda c: setattr(context, "choropleth", c))
        self._worker.start()

    def wait(self) -> None:
        if self._worker is not None:
            self._worker.wait()
