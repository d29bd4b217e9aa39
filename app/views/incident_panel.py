"""The incident panel (战时指挥): open a drill from a scenario, see and edit its plan (zones on the map), dispatch it
in one confirmed action, follow the incident clock and the milestone board live, replay any moment, fill the
improvement plan and write the after-action report. Store work runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSlider,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.incidents import IncidentRow
from app.models.context import ConsoleContext
from app.models.incident.catalogue import ZONE_KINDS
from app.models.incident.desk import IncidentDesk
from app.models.incident.replay import Snapshot
from app.models.incident.scenarios import REFERENCE, load_scenario, scenario_names
from app.views.flow_layout import FlowLayout
from app.views.improvement_plan import ImprovementPlanPage
from app.views.milestone_board import MilestoneBoard
from app.views.vocabulary import interface_language
from app.views.worker import FunctionWorker

TICK_MS = 500
Work = tuple[Callable[[], object], Callable[[object], None], str]
NARROW_PX = 760  # narrower than this (a side column), the pages go under the controls


def _clock_text(seconds: int) -> str:
    sign = "-" if seconds < 0 else "+"
    seconds = abs(seconds)
    return f"T{sign}{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class IncidentPanel(QWidget):
    """Over ``console.incident_desk``; listens to its ``incident`` and ``picture`` events."""

    def __init__(self, desk: IncidentDesk, context: ConsoleContext, english: bool | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        english = interface_language() == "en" if english is None else english
        self.desk, self.context, self.english = desk, context, english
        self.worker: FunctionWorker | None = None
        self.queued: list[Work] = []  # a user's action while other store work runs: it runs next, never dropped
        self.scenario = QComboBox(self)
        self.names: dict[str, str] = {}
        for key in scenario_names():
            s = load_scenario(key)
            self.names[key] = s.name_en if english else s.name_zh
            self.scenario.addItem(self.names[key], key)
        self.scenario.setCurrentIndex(max(self.scenario.findData(REFERENCE), 0))  # the reference drill first
        self.scenario.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scenario.setMinimumContentsLength(16)  # a long scenario name is cut in the box, whole in its list
        self.speed = QSpinBox(self)
        self.speed.setRange(1, 60)
        self.speed.setValue(60)
        self.speed.setPrefix("×")
        self.speed.valueChanged.connect(self._on_speed_change)
        self.open_button = QPushButton(self.tr("Open drill"), self)
        self.open_button.clicked.connect(self.open_drill)
        self.dispatch_button = QPushButton(self.tr("Dispatch plan…"), self)
        self.dispatch_button.clicked.connect(self.confirm_dispatch)
        self.pause_button = QPushButton(self.tr("Pause"), self)
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self._on_pause_toggle)
        self.clock_label = QLabel("T+00:00:00", self)
        self.clock_label.setStyleSheet("font-size: 22pt; font-weight: bold; font-family: monospace;")
        self.clock_label.setObjectName("incident_clock")
        self.title = QLabel(self)  # the incident's name
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.summary = QLabel(self)  # its zones and plan figures
        self.summary.setWordWrap(True)
        self.shown_dispatched: bool | None = None  # the dispatch state the pages were last turned to
        self.alarm = QLabel(self)  # overdue milestones and tasks of the picture shown (live or replayed)
        self.alarm.setObjectName("incident_alarm")
        self.alarm.setWordWrap(True)
        self.alarm.setStyleSheet("QLabel { color: white; background: #c0392b; padding: 4px; font-weight: bold; }")
        self.alarm.hide()
        self.zone_kind = QComboBox(self)
        for kind, zh, en in zip((*ZONE_KINDS, ""), ("封控区", "管控区", "防范区", "移出区划"),
                                ("Lockdown", "Control", "Precaution", "No zone")):
            self.zone_kind.addItem(en if english else zh, kind)
        self.zone_selected = QPushButton(self.tr("Selected grid → zone"), self)
        self.zone_selected.clicked.connect(lambda: self.edit_zone(self._selected_grids()))
        self.zone_drawn = QPushButton(self.tr("Drawn area → zone"), self)
        self.zone_drawn.clicked.connect(lambda: self.edit_zone(self._drawn_grids()))
        self.zone_out = QPushButton(self.tr("Drawn area out of zone"), self)
        self.zone_out.clicked.connect(lambda: self.edit_zone(self._drawn_grids(), remove=True))
        self.zone_undo = QPushButton(self.tr("Undo zone edit"), self)
        self.zone_undo.clicked.connect(lambda: self._run(self.desk.undo_zone, self._took_up))
        self.board = MilestoneBoard(english, self)
        self.replay = QSlider(Qt.Orientation.Horizontal, self)
        self.replay.setRange(0, 0)
        self.replay.sliderMoved.connect(self._on_replay_move)
        self.live_button = QPushButton(self.tr("Live"), self)
        self.live_button.clicked.connect(self.go_live)
        self.improvements = ImprovementPlanPage(desk.service, self._run, english, self)
        self.report_button = QPushButton(self.tr("After-action report…"), self)
        self.report_button.clicked.connect(self.save_report)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.improvements.message = self.status.setText
        self._layout()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        desk.events.incident.connect(self._on_incident_change)
        desk.events.picture.connect(self._on_picture_change)
        context.events.store_changed.connect(self._on_store_changed_change)
        self.follower: FunctionWorker | None = None
        self._on_incident_change(desk.incident)

    def _layout(self) -> None:
        """Controls beside the pages in a wide dock, above them in a narrow one (the laptop's side column): button
        rows wrap, and the plan (zones, figures, zone editing), the milestone board and the improvement plan are
        pages, so the board keeps its rows and its columns and every action stays in view."""
        self._outer = outer = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        outer.setContentsMargins(4, 4, 4, 4)
        box = QVBoxLayout()
        box.addLayout(_flow(self.scenario, self.speed, self.open_button, self.dispatch_button, self.pause_button,
                            self.report_button))
        box.addWidget(self.clock_label)
        box.addWidget(self.title)
        box.addWidget(self.alarm)
        box.addStretch(1)
        box.addWidget(self.status)
        outer.addLayout(box, 2)
        plan = QWidget(self)
        zones = QVBoxLayout(plan)
        zones.setContentsMargins(4, 4, 4, 4)
        zones.addWidget(self.summary)
        zones.addLayout(_flow(self.zone_kind, self.zone_selected, self.zone_drawn, self.zone_out, self.zone_undo))
        zones.addStretch(1)
        board = QWidget(self)
        page = QVBoxLayout(board)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(self.board, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Replay"), board))
        row.addWidget(self.replay, 1)
        row.addWidget(self.live_button)
        page.addLayout(row)
        self.pages = _Pages(self)
        self.pages.addTab(plan, self.tr("Plan"))
        self.board_page = self.pages.addTab(board, self.tr("Milestones"))
        self.pages.addTab(self.improvements, self.tr("Improvement plan"))
        self.pages.setCurrentIndex(self.board_page)  # the board until a plan is proposed
        outer.addWidget(self.pages, 3)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        direction = (QBoxLayout.Direction.TopToBottom if event.size().width() < NARROW_PX
                     else QBoxLayout.Direction.LeftToRight)
        if direction != self._outer.direction():
            self._outer.setDirection(direction)
            self.updateGeometry()  # the scroll area holding the panel sizes it again for its new minimum

    # --- running store work off the GUI thread --------------------------------------------------------
    def _run(self, fn: Callable[[], object], done: Callable[[object], None], busy: str = "") -> bool:
        """Run ``fn`` off the GUI thread, then ``done`` with its result; while other work runs it waits its turn
        (one worker at a time: the store is written in order). Returns whether it started now."""
        if self.worker is not None and self.worker.isRunning():
            self.queued.append((fn, done, busy))
            return False
        self.worker = FunctionWorker(lambda _p, _c: fn(), self)
        self.worker.sigDone.connect(done)
        self.worker.sigFailed.connect(self.status.setText)
        self.worker.finished.connect(self._run_next)
        if busy:
            self.status.setText(busy)
        self.worker.start()
        return True

    def _run_next(self) -> None:
        if self.queued and not (self.worker is not None and self.worker.isRunning()):
            self._run(*self.queued.pop(0))

    def wait(self) -> None:
        """Let the running store work finish, then do the work queued behind it here (closing, tests): no event
        loop turns meanwhile, so no new work starts."""
        for worker in (self.worker, self.follower):
            if worker is not None:
                worker.wait()
        while self.queued:
            fn, done, _busy = self.queued.pop(0)
            try:
                result = fn()
            except Exception as exc:  # noqa: BLE001  (shown to the user, as a worker's failure is)
                self.status.setText(f"{type(exc).__name__}: {exc}")
            else:
                done(result)

    # --- actions ----------------------------------------------------------------------------------------
    def open_drill(self) -> None:
        key, speed = self.scenario.currentData(), self.speed.value()
        self._run(lambda: self.desk.open_scenario(key, speed), self._took_up, self.tr("Proposing the plan…"))

    def confirm_dispatch(self) -> None:
        plan = self.desk.plan
        if plan is None:
            return
        count = plan.numbers["tasks"]
        answer = QMessageBox.question(self, self.tr("Dispatch plan"),
                                      self.tr("Dispatch the whole plan as %1 tasks, cascaded to towns, villages and "
                                              "grids?").replace("%1", str(count)))
        if answer == QMessageBox.StandardButton.Yes:
            self.dispatch()

    def confirm_dispatch_now(self) -> None:
        """Dispatch without asking (a trainer's scripted step: the confirmation is the trainer's key press)."""
        if self.desk.incident is not None and self.desk.incident.dispatched_at is None:
            self.dispatch()

    def dispatch(self) -> None:
        self._run(self.desk.dispatch, self._took_up, self.tr("Dispatching…"))

    def edit_zone(self, codes: list[str], remove: bool = False) -> None:
        """Move ``codes`` to the chosen zone, or (``remove``) take those in the chosen zone out of it."""
        if not codes or self.desk.incident is None:
            self.status.setText(self.tr("Select a grid on the map, or draw an area, first"))
            return
        kind = self.zone_kind.currentData() or None
        self._run(lambda: self.desk.edit_zone(codes, kind, remove), self._took_up)

    def go_live(self) -> None:
        self.desk.replaying = False
        self._tick()

    def save_report(self) -> None:
        if self.desk.incident is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("After-action report"), str(Path.home() / "aar.pdf"), "PDF (*.pdf)")
        if path:
            self.write_report(Path(path))

    def write_report(self, path: Path) -> None:
        from app.models.incident.report_data import report_data
        from app.reports.after_action import write_report

        incident_id, lang = self.desk.incident.id, "en" if self.english else "zh"
        self._run(lambda: write_report(report_data(self.desk.service, incident_id), path, lang),
                  lambda p: self.status.setText(self.tr("Report written: %1").replace("%1", str(p))))

    def _selected_grids(self) -> list[str]:
        code = self.context.selected_unit
        return [code] if code and len(code) == 15 else []

    def _drawn_grids(self) -> list[str]:
        area = self.context.drawn_area
        return self.desk.grids_in(area) if area is not None else []

    # --- following ------------------------------------------------------------------------------------
    def _took_up(self, row: object) -> None:
        self.desk.take_up(row if isinstance(row, IncidentRow) else None)
        self.status.clear()
        self._tick()

    def _tick(self) -> None:
        if self.desk.incident is None or self.desk.replaying or self.queued:
            return
        if self.desk.clock is not None:
            self.clock_label.setText(f"{_clock_text(self.desk.clock() - self.desk.incident.case_at)} ×{self.desk.clock.speed}")
        self._run(self.desk.advance, lambda snap: self.desk.publish(snap))

    def _on_store_changed_change(self, topics: frozenset[str]) -> None:
        """Another console (or this one) changed incidents: re-read the one in hand off the GUI thread."""
        if "incidents" not in topics or self.desk.incident is None or self.desk.replaying:
            return
        held = self.desk.incident.id
        self.follower = FunctionWorker(lambda _p, _c: self.desk.reread(), self)
        self.follower.sigDone.connect(lambda got: self._on_reread(held, *got))
        self.follower.sigFailed.connect(self.status.setText)
        self.follower.start()

    def _on_reread(self, held: int, row: IncidentRow, snap: Snapshot) -> None:
        if self.desk.incident is None or self.desk.incident.id != held:  # another incident was taken up meanwhile
            return
        self.desk.take_up(row)
        if not self.desk.replaying:
            self.desk.publish(snap)

    def _on_speed_change(self, value: int) -> None:
        if self.desk.clock is not None:
            self.desk.clock.speed = value

    def _on_pause_toggle(self, paused: bool) -> None:
        if self.desk.clock is None or self.desk.incident is None:
            return
        (self.desk.clock.pause if paused else self.desk.clock.resume)()
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))

    def _on_replay_move(self, minutes: int) -> None:
        if self.desk.incident is None:
            return
        self.desk.replaying = True
        at = self.desk.incident.case_at + minutes * 60
        self.clock_label.setText(f"{_clock_text(at - self.desk.incident.case_at)} ⏵ {self.tr('replay')}")
        self._run(lambda: self.desk.picture_at(at), lambda snap: self.desk.publish(snap))

    def _on_incident_change(self, row: IncidentRow | None) -> None:
        has = row is not None
        self.dispatch_button.setEnabled(has and row.dispatched_at is None)
        for w in (self.zone_selected, self.zone_drawn, self.zone_out, self.zone_undo):
            w.setEnabled(has and row.dispatched_at is None)
        for w in (self.pause_button, self.replay, self.live_button, self.report_button):
            w.setEnabled(has)
        if (row.id if has else None) != self.improvements.incident_id:
            self.improvements.set_incident(row.id if has else None)
        dispatched = has and row.dispatched_at is not None
        if has and dispatched != self.shown_dispatched:  # a new plan opens on its zones, a dispatched one on its board
            self.pages.setCurrentIndex(self.board_page if dispatched else 0)
        self.shown_dispatched = dispatched if has else None
        if has and not self.timer.isActive():
            self.timer.start()
        plan = self.desk.plan
        if plan is not None:
            n = plan.numbers
            names = dict(zip(ZONE_KINDS, (self.zone_kind.itemText(i) for i in range(len(ZONE_KINDS)))))
            stats = " · ".join(f"{names[k]} {v.grids}/{v.population:,}" for k, v in plan.stats.items())
            heading = self.tr("Zones (grids/people)")
            name = (self.tr("Drill: %1").replace("%1", self.names[row.scenario]) if row.scenario in self.names
                    else row.name)  # a scenario's name in the interface language; an incident's as it was named
            self.title.setText(name)
            self.summary.setText(
                f"{heading}: {stats}<br>"
                + self.tr("staff %1 · checkpoints %2 + %3 · sites %4 / stations %5 · beds %6 of %7 free · "
                          "contacts %8 + %9").replace("%1", str(n["staff"])).replace("%2", str(n["seal_points"]))
                .replace("%3", str(n["traffic_checkpoints"])).replace("%4", str(n["sites"]))
                .replace("%5", str(n["stations"])).replace("%6", str(n["beds_needed"]))
                .replace("%7", f"{n['beds_free']:,}").replace("%8", str(n["close"])).replace("%9", str(n["secondary"])))

    def _on_picture_change(self, snap: Snapshot) -> None:
        row = self.desk.incident
        if row is None:
            return
        last = max(m.target_at for m in snap.board) if snap.board else row.case_at
        self.replay.setRange(0, max((max(last, snap.at) - row.case_at) // 60, 1))
        if not self.desk.replaying:
            self.replay.setValue((snap.at - row.case_at) // 60)
        self.board.show_board(snap.board, row.case_at)
        self._show_alarms(snap)

    def _show_alarms(self, snap: Snapshot) -> None:
        late = [m.title_en if self.english else m.title_zh for m in snap.overdue_milestones()]
        lines = []
        if late:
            lines.append(self.tr("Milestones overdue: %1").replace("%1", "、".join(late)))
        if snap.overdue_tasks:
            lines.append(self.tr("%n incident task(s) overdue", "", len(snap.overdue_tasks)))
        self.alarm.setText("<br>".join(lines))
        self.alarm.setVisible(bool(lines))


class _Pages(QTabWidget):
    """Pages that take the height the dock has and ask only for their minimum: a tab widget asks for its tallest
    page's preferred height whatever the page's size policy, and the dock's scroll area sizes the panel by it."""

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint().expandedTo(QSize(super().sizeHint().width(), 0))


def _flow(*widgets: QWidget) -> FlowLayout:
    row = FlowLayout()
    for widget in widgets:
        row.addWidget(widget)
    return row
