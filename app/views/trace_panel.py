"""The contact-tracing panel (流调): from a case and an onset, trace close and secondary contacts off the GUI
thread, draw the contact graph, list the contacts with their exposures, export and dispatch.

The graph, the list and the map show one person at a time together: a node clicked (or a contact chosen in
the list) selects the other, outlines the person's home grid on the map and rings the places of the exposures."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QDateTime, QItemSelectionModel
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

from app.models.as_of import Period
from app.models.engine_runs import TraceRun
from app.models.feature_selection import FeatureSelection
from app.models.trace_layout import trace_graph
from app.models.trace_view import export_trace_csv
from app.models.tracing import MAX_DEPTH, Trace
from app.timebase import CST, format_seconds, from_seconds
from app.views.array_table_model import ArrayTableModel
from app.views.bulk_dispatch import BulkDispatcher
from app.views.data_period import bound_to_period, refused
from app.views.trace_graph import TraceGraphView
from app.views.widgets import button_row, record_view
from app.views.worker import FunctionWorker, run_with_button

PLACE_LAYERS = ("venues", "checkpoints")  # the map layers a scan's place can be on
GRAPH_MIN_HEIGHT = 140  # room for the rings and a few labels even in a short dock (the list keeps 8 rows)


class TracePanel(QWidget):
    """Follows ``console.tracing.events.result``; a run sets the context's choropleth and highlighted people.

    With ``selection`` (the console's feature selection) a chosen person is shown on the map."""

    def __init__(self, run: TraceRun, period: Period | None, case_person_id: int = 1, case_onset: int | None = None,
                 parent: QWidget | None = None, selection: FeatureSelection | None = None) -> None:
        super().__init__(parent)
        self._run, self._selection, self._period = run, selection, period
        self.worker: FunctionWorker | None = None
        self.person = QSpinBox(self)
        self.person.setRange(1, 2**31 - 1)
        self.onset = QDateTimeEdit(self)
        self.onset.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.onset.setCalendarPopup(True)
        bound_to_period(period, self.onset)
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
        self.summary.setWordWrap(True)  # a long summary wraps instead of widening the dock
        self.dispatch_status = QLabel(self)
        self.bulk = BulkDispatcher(self, run.tasks, self.dispatch_status.setText)
        self.graph_view = TraceGraphView(self)
        self.graph_view.setMinimumHeight(GRAPH_MIN_HEIGHT)
        self.graph_view.sigNodeClicked.connect(self.show_node)
        self.model = ArrayTableModel([self.tr("Person"), self.tr("Name"), self.tr("Role"), self.tr("Grid"), self.tr("Via"),
                                      self.tr("Place"), self.tr("Time")], self)
        self.table = record_view(self.model, self)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_chosen)
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
        box.addWidget(self.graph_view, 1)  # the list keeps 8 rows and more in a laptop's dock
        box.addWidget(self.table, 2)
        box.addLayout(actions)
        box.addWidget(self.dispatch_status)
        self._run.events.result.connect(self._on_result_change)

    def run(self) -> FunctionWorker | None:
        """Trace off the GUI thread; an onset outside the data period is refused in the panel instead."""
        onset = int(self.onset.dateTime().toPython().replace(tzinfo=CST).timestamp())
        if refused(self._period, self.summary, (onset, "onset")):
            return None
        args = (self.person.value(), onset, self.window.value(), self.depth.value())
        run = self._run
        self.worker = run_with_button(self, lambda: run.compute(*args), self.run_button, self.summary,
                                      self.tr("Tracing…"), run.publish)
        return self.worker

    def _on_result_change(self, result: Trace) -> None:
        counts = " · ".join(f"{self._depth_name(d)} {len(result.at_depth(d))}" for d in range(1, result.depth + 1))
        case = self.tr("Case %1").replace("%1", str(result.case_id))
        self.summary.setText(f"{case} · {format_seconds(result.onset)} · {counts}")
        _people, _depths, pos, edges = trace_graph(result)
        self.graph_view.set_graph(self._run.nodes, pos, edges)
        rows = self._run.rows
        first = [r["evidence"][0] for r in rows]  # type: ignore[index]
        self.model.set_columns([
            np.array([r["id_masked"] for r in rows], object), np.array([r["name_masked"] for r in rows], object),
            np.array([self.graph_view.role(int(r["depth"])) for r in rows], object),
            np.array([r["grid"] or "" for r in rows], object), np.array([e["via"] for e in first]),
            np.array([e["place"] for e in first], object), np.array([format_seconds(e["at"]) for e in first], object)])

    def show_node(self, index: int) -> None:
        """Show person ``index`` of the graph (0 the case) in the graph, the list and on the map."""
        nodes = self._run.nodes
        if not 0 <= index < len(nodes):
            return
        node = nodes[index]
        self.graph_view.select(index)
        view_row = self.model.view_row(index - 1) if index else -1
        if view_row >= 0 and self.table.currentIndex().row() != view_row:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(view_row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._run.context.selected_unit = node.grid
        if self._selection is not None:
            catalog = self._selection.catalog
            places = {key: catalog.rows_of_ids(key, np.array(node.place_ids, np.int64))
                      for key in PLACE_LAYERS if key in catalog.keys}
            self._selection.select_points(places)
            grid = catalog.row_of_code("grid", node.grid) if node.grid else -1
            self._selection.zoom_to_many(places | ({"grid": np.array([grid])} if grid >= 0 else {}))

    def _on_row_chosen(self, current) -> None:  # noqa: ANN001
        # the graph's own click moves the list too: that move must not show the person a second time
        if current.isValid() and self.model.source_row(current.row()) + 1 != self.graph_view.selected:
            self.show_node(self.model.source_row(current.row()) + 1)

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
