"""The contact-tracing panel (流调): from a case and an onset, trace close and secondary contacts off the GUI
thread, draw the contact graph (pyqtgraph), list the contacts with their exposures, export and dispatch."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.models.engine_runs import TraceRun
from app.models.trace_layout import trace_graph
from app.models.trace_view import export_trace_csv
from app.models.tracing import MAX_DEPTH, Trace
from app.timebase import CST, format_seconds, from_seconds
from app.views.array_table_model import ArrayTableModel
from app.views.bulk_dispatch import BulkDispatcher
from app.views.widgets import button_row, record_view
from app.views.worker import FunctionWorker, run_with_button

DEPTH_COLOURS = ["#c53030", "#dd6b20", "#d69e2e", "#3182ce"]  # case, close, secondary, tertiary


class TracePanel(QWidget):
    """Follows ``console.tracing.events.result``; a run sets the context's choropleth and highlighted people."""

    def __init__(self, run: TraceRun, case_person_id: int = 1, case_onset: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._run = run
        self.worker: FunctionWorker | None = None
        self.person = QSpinBox(self)
        self.person.setRange(1, 2**31 - 1)
        self.onset = QDateTimeEdit(self)
        self.onset.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.onset.setCalendarPopup(True)
        self.person.setValue(case_person_id)
        self.onset.setDateTime(QDateTime(from_seconds(case_onset).replace(tzinfo=None)) if case_onset
                               else QDateTime.currentDateTime())
        self.window = QDoubleSpinBox(self)
        self.window.setRange(0, 24 * 60)
        self.window.setValue(30)
        self.window.setSuffix(" " + self.tr("min"))
        self.depth = QSpinBox(self)
        self.depth.setRange(1, MAX_DEPTH)
        self.depth.setValue(2)
        self.run_button = QPushButton(self.tr("Trace"), self)
        self.run_button.clicked.connect(self.run)
        self.summary = QLabel(self)
        self.dispatch_status = QLabel(self)
        self.bulk = BulkDispatcher(self, run.tasks, self.dispatch_status.setText)
        self.graph_view = pg.GraphicsLayoutWidget(self)
        self.graph_box = self.graph_view.addViewBox()
        self.graph_box.setAspectLocked(True)
        self.graph = pg.GraphItem()
        self.graph_box.addItem(self.graph)
        self.model = ArrayTableModel([self.tr("Person"), self.tr("Depth"), self.tr("Grid"), self.tr("Via"),
                                      self.tr("Place"), self.tr("Time")], self)
        self.table = record_view(self.model, self)
        form = QFormLayout()
        form.addRow(self.tr("Case (person id)"), self.person)
        form.addRow(self.tr("Onset"), self.onset)
        form.addRow(self.tr("Window ±"), self.window)
        form.addRow(self.tr("Depth"), self.depth)
        actions = button_row(self, [(self.tr("Dispatch to grids"), self.dispatch), (self.tr("Export…"), self._export_dialog)])
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(form)
        box.addWidget(self.run_button)
        box.addWidget(self.summary)
        box.addWidget(self.graph_view, 2)  # the list keeps 8 rows and more in a laptop's dock
        box.addWidget(self.table, 3)
        box.addLayout(actions)
        box.addWidget(self.dispatch_status)
        self._run.events.result.connect(self._on_result_change)

    def run(self) -> FunctionWorker:
        onset = int(self.onset.dateTime().toPython().replace(tzinfo=CST).timestamp())
        args = (self.person.value(), onset, self.window.value(), self.depth.value())
        run = self._run
        self.worker = run_with_button(self, lambda: run.compute(*args), self.run_button, self.summary,
                                      self.tr("Tracing…"), run.publish)
        return self.worker

    def _on_result_change(self, result: Trace) -> None:
        counts = " · ".join(f"{self._depth_name(d)} {len(result.at_depth(d))}" for d in range(1, result.depth + 1))
        case = self.tr("Case %1").replace("%1", str(result.case_id))
        self.summary.setText(f"{case} · {format_seconds(result.onset)} · {counts}")
        _people, depths, pos, edges = trace_graph(result)
        brushes = [pg.mkBrush(DEPTH_COLOURS[min(d, len(DEPTH_COLOURS) - 1)]) for d in depths.tolist()]
        self.graph.setData(pos=pos, adj=edges if len(edges) else None, size=np.where(depths == 0, 16, 9),
                           symbolBrush=brushes, pen=pg.mkPen("#a0aec0", width=1), pxMode=True)
        rows = self._run.rows
        first = [r["evidence"][0] for r in rows]  # type: ignore[index]
        self.model.set_columns([
            np.array([r["id_masked"] for r in rows], object), np.array([r["depth"] for r in rows]),
            np.array([r["grid"] or "" for r in rows], object), np.array([e["via"] for e in first]),
            np.array([e["place"] for e in first], object), np.array([format_seconds(e["at"]) for e in first], object)])
        self.graph_box.autoRange()

    def _depth_name(self, depth: int) -> str:
        """Close contacts (密接) are depth 1, secondary contacts (次密接) depth 2."""
        names = {1: self.tr("close contacts"), 2: self.tr("secondary contacts")}
        return names.get(depth) or self.tr("depth %1").replace("%1", str(depth))

    def dispatch(self) -> list[int]:
        """Say how many tasks go to how many grid leaders, ask, then dispatch (undoable); the created task ids."""
        return self.bulk.dispatch(self._run.plan())

    def export_to(self, path: str) -> int:
        return export_trace_csv(self._run.rows, path)

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export contacts"), "contacts.csv", "CSV (*.csv)")
        if path:
            self.export_to(path)
