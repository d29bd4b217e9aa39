"""Camera feed links: the cameras in the selected unit or nearest the clicked point, and playback."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.cameras import CameraStatus
from app.models.cameras import CameraLinks, CameraRow
from app.models.context import ConsoleContext
from app.models.map_layers import CAMERA_COLOURS
from app.views.playback_notice import unavailable_text
from app.views.qt_libraries import multimedia_unavailable
from app.views.worker import detached_worker

MAX_ROWS = 500  # a town can hold thousands of cameras; the list stays quick to fill and to read


class CameraPanel(QWidget):
    """Follows ``links.events.listing``; ``open_row(i)`` plays a camera (double-click or the Play button).

    Qt Multimedia is imported when a feed is first opened (it costs start-up time and logs about audio servers).
    Where it cannot load (a system library missing), ``notice`` says so from then on and Play is disabled; the list
    and the rest of the console work as before.
    """

    def __init__(self, links: CameraLinks, context: ConsoleContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._links, self._context = links, context
        self.player = None  # a VideoPlayerDialog, made when a feed is first opened
        self._listed: list[tuple[str, float | None]] | None = None  # the cameras the table lists, in order
        self.in_unit = QRadioButton(self.tr("In selected unit"), self)
        self.nearest = QRadioButton(self.tr("Nearest to click"), self)
        self.in_unit.setChecked(links.mode == "unit")
        self.nearest.setChecked(links.mode == "nearest")
        group = QButtonGroup(self)
        group.addButton(self.in_unit)
        group.addButton(self.nearest)
        self.in_unit.toggled.connect(self._on_mode_edit)
        self.count = QSpinBox(self)
        self.count.setRange(1, 100)
        self.count.setValue(links.nearest_n)
        self.count.valueChanged.connect(lambda n: setattr(self._links, "nearest_n", n))
        self.summary = QLabel(self)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Status"), self.tr("Distance"),
                                              self.tr("Code"), self.tr("Stream")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.open_row(row))
        self.play = QPushButton(self.tr("Play"), self)
        self.play.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #c53030;")
        self.notice.hide()
        modes = QHBoxLayout()
        modes.addWidget(self.in_unit)
        modes.addWidget(self.nearest)
        modes.addWidget(self.count)
        modes.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.play)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(modes)
        box.addWidget(self.table, 1)
        box.addWidget(self.notice)
        box.addLayout(bottom)
        links.events.listing.connect(self._on_listing_change)
        self._on_listing_change(links.rows)
        if context is not None:
            context.events.as_of.connect(self._show_summary)

    def pick_point(self, x: float, y: float) -> None:
        """A click on the map (display coordinates): in ``nearest`` mode the store is asked off the GUI thread."""
        if self._links.mode != "nearest":
            return
        links = self._links
        finder = detached_worker(lambda: links.nearest(x, y))
        finder.sigDone.connect(self._on_nearest)
        finder.start()

    def _on_nearest(self, rows: list[CameraRow] | None) -> None:
        if rows is not None:  # None: the mode changed meanwhile
            self._links.show(rows)

    def _on_mode_edit(self) -> None:
        self._links.mode = "unit" if self.in_unit.isChecked() else "nearest"
        self._show_summary()

    def _status_text(self, status: int) -> tuple[str, str]:
        """The status's name, in the colour the map and its legend give it (one colour table: CAMERA_COLOURS)."""
        names = {CameraStatus.ONLINE: self.tr("online"), CameraStatus.OFFLINE: self.tr("offline"),
                 CameraStatus.FAULT: self.tr("fault")}
        known = 0 <= status < len(CAMERA_COLOURS)
        return names.get(status, str(status)), CAMERA_COLOURS[status] if known else "#1a202c"

    def _kind_text(self, kind: str) -> str:
        return {"dome": self.tr("dome"), "bullet": self.tr("bullet"), "face_capture": self.tr("face capture"),
                "plate_recognition": self.tr("plate recognition"), "thermal": self.tr("thermal")}.get(kind, kind)

    def _on_listing_change(self, rows: list[CameraRow]) -> None:
        shown = rows[:MAX_ROWS]
        listed = [(c.code, c.distance_m) for c in shown]
        if listed == self._listed:  # the same cameras, their status moved with the as-of date
            self._show_statuses(shown)
            return
        self._listed = listed
        self.table.setRowCount(len(shown))
        for i, cam in enumerate(shown):
            status, colour = self._status_text(cam.status)
            distance = self.tr("%1 m").replace("%1", f"{cam.distance_m:,.0f}") if cam.distance_m is not None else ""
            cells = [cam.name, self._kind_text(cam.kind), status, distance, cam.code, cam.url]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 2:
                    item.setForeground(QColor(colour))
                self.table.setItem(i, j, item)
        self.table.setColumnHidden(3, all(cam.distance_m is None for cam in shown))
        self.table.resizeColumnsToContents()
        self._show_summary()

    def _show_statuses(self, shown: list[CameraRow]) -> None:
        for i, cam in enumerate(shown):
            status, colour = self._status_text(cam.status)
            item = self.table.item(i, 2)
            item.setText(status)
            item.setForeground(QColor(colour))
        self._show_summary()

    def _show_summary(self, *_: object) -> None:
        rows = self._links.rows
        if not rows and self._links.mode == "nearest":
            self.summary.setText(self.tr("Click the map to list the cameras nearest that point"))
            return
        if not rows and (self._context is None or self._context.selected_unit is None):
            self.summary.setText(self.tr("Select a town, village or grid on the map to list its cameras"))
            return
        summary = self.tr("%n camera(s)", "", len(rows))
        if len(rows) > MAX_ROWS:
            summary += self.tr(", first %1 listed: select a smaller unit").replace("%1", str(MAX_ROWS))
        if self._context is not None and self._context.in_past:  # the statuses are history
            summary += self.tr(" — status as it stood at the end of %1").replace("%1", self._context.as_of.isoformat())
        self.summary.setText(summary)

    def open_row(self, row: int) -> str:
        """Play camera ``row`` of the list; returns "player" or "handler" ("" for no such row or no playback)."""
        if not 0 <= row < len(self._links.rows) or not self._playback_loads():
            return ""
        from app.views.video_player import VideoPlayerDialog, open_stream

        if self.player is None:
            self.player = VideoPlayerDialog(self)
        cam = self._links.rows[row]
        return open_stream(self._links.stream_url(cam), self.player, f"{cam.name} {cam.code}")

    def _playback_loads(self) -> bool:
        if self.player is not None:
            return True
        problem = multimedia_unavailable()
        if problem is not None:
            self.play.setEnabled(False)
            self.notice.setText(unavailable_text(problem))
            self.notice.setToolTip(problem.detail)
            self.notice.show()
        return problem is None
