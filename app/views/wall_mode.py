"""The wall mode (一屏协同): the command picture full screen for the command-centre wall — the map, the key
figures and the open alarms, in large type on a dark ground, refreshing itself and cycling through the chosen
units and indicators. Nothing on it can be edited; F11 (or Esc) leaves it.

It shows the console's one state: a cycle step selects a unit and colours the map through the shared context,
and leaving puts back what the console showed before (:class:`app.models.wall.WallScene`). The alarms follow the
console's one change feed (``context.store_changed``): re-read off the GUI thread when tasks or warnings changed,
and when the next open task falls due — the one change that comes with time, not with a write.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from app.console import Console
from app.domain.admin import Level
from app.map.canvas import MapCanvas
from app.models.wall import Alarms, WallChoice, WallScene, read_alarms
from app.timebase import format_seconds
from app.views.dashboard import DashboardPanel
from app.views.map_text import legend, unit_tooltip
from app.views.refresher import Refresher
from app.views.view_teardown import disconnect_views_under
from app.views.vocabulary import interface_language

WALL_FIGURES = ("positive_today", "pending", "q_persons_active", "warn_open", "risk_arrivals_14d",
                "fever_clinic_persons_7d", "coverage_1d", "vax_d3_cov_elderly")
WALL_INDICATORS = WallChoice().indicators
CYCLE_MS = WallChoice().seconds * 1000  # each unit and indicator this long on the wall
ALARM_TOPICS = frozenset({"tasks", "warnings"})  # the store changes that move the alarms
MAX_TIMER_MS = 2**31 - 1  # a QTimer's longest interval (about 24 days): past it, wait in steps
LEAVE_KEYS = ("F11", "Ctrl+Shift+W", "Esc")
# sizes in points on a 1080-line screen (readable from 5 m on a wall); other screens scale them by their height
HEADING_PT, FIGURE_PT, ALARM_PT, LIST_PT = 30, 40, 24, 20
DARK = """
WallMode, WallMode QWidget {{ background: #0b1220; color: #e2e8f0; }}
WallMode QFrame {{ border: 1px solid #2d3748; border-radius: 6px; }}
WallMode QLabel {{ border: none; }}
WallMode QListWidget {{ font-size: {list}pt; border: none; }}
WallMode QLabel#heading {{ font-size: {heading}pt; font-weight: bold; }}
WallMode QLabel#alarm {{ font-size: {alarm}pt; font-weight: bold; color: #fc8181; }}
"""


class WallMode(QWidget):
    """A top-level, full-screen, read-only presentation; ``sigLeft()`` when it closes."""

    sigLeft = Signal()

    def __init__(self, console: Console, units: Sequence[str] = (), indicators: Sequence[str] = WALL_INDICATORS,
                 cycle_ms: int = CYCLE_MS) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("wall")
        self.choice = (tuple(units), tuple(indicators), cycle_ms)  # to make the same wall again (language switch)
        self.setWindowTitle(self.tr("Jingkong — wall"))
        k = self.screen().geometry().height() / 1080
        self.setStyleSheet(DARK.format(heading=round(HEADING_PT * k), alarm=round(ALARM_PT * k), list=round(LIST_PT * k)))
        c = console
        county = str(c.atlas.levels[Level.COUNTY].data.codes[0])
        self.scene_ = WallScene(c.context, c.indicators, list(units) or [county], list(indicators))
        self.canvas = MapCanvas(c.atlas, c.layers, c.thematic, c.drill, c.context,
                                lambda u, row: unit_tooltip(c.atlas, c.thematic, u, row), lambda: legend(c.thematic, c.layers))
        self.canvas.setBackground("#0b1220")
        self.canvas.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # a wall shows, nobody clicks
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.heading = QLabel(self, objectName="heading")
        self.clock = QLabel(self, objectName="heading")
        self.figures = DashboardPanel(c.indicators, c.context, self, WALL_FIGURES, value_pt=round(FIGURE_PT * k), columns=2)
        self.overdue, self.warnings = QLabel(self, objectName="alarm"), QLabel(self, objectName="alarm")
        self.overdue_list, self.warning_list = QListWidget(self), QListWidget(self)
        for view in (self.overdue_list, self.warning_list):
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            view.setSelectionMode(QListWidget.SelectionMode.NoSelection)
            view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        grid = QGridLayout(self)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.addWidget(self.heading, 0, 0)
        grid.addWidget(self.clock, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.canvas, 1, 0, 2, 1)
        grid.addWidget(self.figures, 1, 1)
        alarms = QVBoxLayout()
        for widget in (self.overdue, self.overdue_list, self.warnings, self.warning_list):
            alarms.addWidget(widget)
        grid.addLayout(alarms, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 2)
        for keys in LEAVE_KEYS:
            QShortcut(QKeySequence(keys), self, self.close)
        self._cycle = QTimer(self, interval=cycle_ms)
        self._cycle.timeout.connect(self.advance)
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._tick)
        tasks, warnings, lang = c.tasks, c.warnings, interface_language()
        self.reader = Refresher(lambda: read_alarms(tasks, warnings, int(time.time()), lang), self)
        self.reader.sigResult.connect(self.show_alarms)
        self._due = QTimer(self, singleShot=True)  # the next task falling overdue
        self._due.timeout.connect(self.reader.request)
        self._context = c.context
        self.alarms: Alarms | None = None
        self._names = c.atlas
        self.advance()
        self._tick()

    def start(self) -> None:
        """Show full screen and start cycling and refreshing."""
        self.showFullScreen()
        if self.geometry() != self.screen().geometry():  # no window manager made it full screen: cover the screen
            self.setGeometry(self.screen().geometry())
            self.setWindowState(Qt.WindowState.WindowFullScreen)
        self._cycle.start()
        self._ticker.start()
        self._context.events.store_changed.connect(self._on_store_changed_change)
        self.reader.request()

    def _on_store_changed_change(self, topics: frozenset[str]) -> None:
        if topics & ALARM_TOPICS:
            self.reader.request()

    def advance(self) -> None:
        """The next unit and indicator: the map, the figures and the heading follow."""
        step = self.scene_.advance()
        self.canvas.zoom_to(step.unit)
        found = self._names.find(step.unit)
        name = str((found[0].data.names_zh if interface_language() == "zh" else found[0].data.names_pinyin)[found[1]]) \
            if found else step.unit
        indicator = self.scene_.engine.catalogue[step.indicator]
        title = indicator.name_zh if interface_language() == "zh" else indicator.name_en
        picture = self.tr("Command picture")
        self.heading.setText(f"{picture} · {name} · {title}")

    def show_alarms(self, alarms: Alarms) -> None:
        self.alarms = alarms
        self.overdue.setText(self.tr("Overdue tasks: %1").replace("%1", f"{alarms.overdue:,}"))
        self.warnings.setText(self.tr("New warnings: %1").replace("%1", f"{alarms.new_warnings:,}"))
        for view, rows in ((self.overdue_list, alarms.overdue_tasks), (self.warning_list, alarms.warnings)):
            view.clear()
            view.addItems([f"{format_seconds(a.since)[5:16]}  {a.title}  {a.where}" for a in rows])
        self._due.stop()
        if alarms.next_due is not None:  # a second after it falls due (due before now: overdue)
            self._due.start(max(0, min(MAX_TIMER_MS, round((alarms.next_due + 1 - time.time()) * 1000))))

    def _tick(self) -> None:
        now = dt.datetime.now()
        as_of = self.tr("as of %1").replace("%1", str(self.scene_.context.as_of))
        self.clock.setText(f"{as_of} · {now:%H:%M}")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._cycle.stop()
        self._ticker.stop()
        self._due.stop()
        self._context.events.store_changed.disconnect(self._on_store_changed_change)
        self.scene_.restore()
        disconnect_views_under(self)  # the models stop drawing on a wall that is left
        super().closeEvent(event)
        self.sigLeft.emit()
