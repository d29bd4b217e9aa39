"""The smart-warnings panel (一脑智查): list, filter and sort the stored warnings, evaluate the rules as of the
console's date off the GUI thread, turn warnings into tasks, verify or dismiss them, and map counts per grid."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.warnings import OPEN_STATUSES, WarningStatus
from app.map.language import unit_labels
from app.models.admin_atlas import AdminAtlas
from app.models.as_of import Period
from app.models.context import ConsoleContext
from app.models.dispatch.service import TaskService
from app.models.dispatch_plan import plan_warning_dispatch
from app.models.warnings.listing import WarningListing, build_listing
from app.models.warnings.service import WarningService
from app.timebase import end_of_day_seconds, format_seconds
from app.views.array_table_model import ArrayTableModel
from app.views.bulk_dispatch import BulkDispatcher
from app.views.data_period import refused
from app.views.vocabulary import SEVERITY, WARNING_STATUS, evidence_text, interface_language
from app.views.widgets import button_row, fill_height, record_view
from app.views.worker import FunctionWorker

LIST_LIMIT = 20_000  # rows the table holds; filters narrow what a grid worker scans


class WarningPanel(QWidget):
    """Follows ``console.warnings.events.changed``; writes warnings' status and the context's choropleth.

    ``sigListed(n)`` is emitted when a (re)listing has been shown."""

    sigListed = Signal(int)

    def __init__(self, warnings: WarningService, context: ConsoleContext, atlas: AdminAtlas,
                 period: Period | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._atlas = atlas  # names the grids
        self._context, self._service, self._period = context, warnings, period
        self.listing: WarningListing | None = None
        self.worker: FunctionWorker | None = None
        self.last_added = 0
        self.loader: FunctionWorker | None = None
        self._generation = 0
        self._lang = interface_language()
        self.rule = QComboBox(self)
        self.rule.addItem(self.tr("All rules"), None)
        for r in self._service.rules:
            self.rule.addItem(r.name(self._lang), r.id)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("open"), tuple(int(s) for s in OPEN_STATUSES))
        for s in WarningStatus:
            self.status.addItem(WARNING_STATUS(s.key), (int(s),))
        self.status.addItem(self.tr("all"), None)
        self.rule.currentIndexChanged.connect(self.reload)
        self.status.currentIndexChanged.connect(self.reload)
        self.evaluate_button = QPushButton(self.tr("Evaluate rules"), self)
        self.evaluate_button.clicked.connect(self.evaluate)
        self.model = ArrayTableModel([self.tr("Rule"), self.tr("Severity"), self.tr("Person"), self.tr("Grid"),
                                      self.tr("Grid leader"), self.tr("Status"), self.tr("Task"), self.tr("As of")], self)
        self.table = record_view(self.model, self)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_evidence(cur.row()))
        self.evidence = QListWidget(self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason for dismissing"))
        self.summary = QLabel(self)
        self.bulk = BulkDispatcher(self, TaskService(warnings.store), self.summary.setText, warnings)
        buttons = button_row(self, [(self.tr("Dispatch to grids"), self.dispatch_selected), (self.tr("Verified"), self.verify_selected),
                                    (self.tr("Dismiss"), self.dismiss_selected), (self.tr("Show on map"), self.show_on_map)])
        top = QHBoxLayout()
        top.addWidget(self.rule, 1)
        top.addWidget(self.status)
        top.addWidget(self.evaluate_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)  # the evidence beside the list: the list keeps its rows
        split.addWidget(self.table)
        split.addWidget(self.evidence)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        fill_height(split)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(top)
        box.addWidget(split, 1)
        self.reason.setMinimumWidth(220)
        buttons.addWidget(self.reason)  # beside Dismiss, which needs it (wraps to a line of its own when narrow)
        box.addLayout(buttons)
        box.addWidget(self.summary)
        self._service.events.changed.connect(self.reload)
        context.events.store_changed.connect(self._on_store_changed_change)  # another console's warnings too
        self.reload()

    def _on_store_changed_change(self, topics: frozenset[str]) -> None:
        if "warnings" in topics:
            self.reload()

    def reload(self) -> FunctionWorker:
        """List the newest warnings matching the filters (read off the GUI thread); emits ``sigListed(n)``."""
        self._generation += 1
        generation, statuses, rule = self._generation, self.status.currentData(), self.rule.currentData()
        service, lang = self._service, self._lang
        worker = FunctionWorker(lambda _p, _c: build_listing(service, statuses, rule, LIST_LIMIT, lang), self)
        worker.sigDone.connect(lambda listing: self._on_listed(generation, listing))
        worker.sigFailed.connect(self.summary.setText)
        self.loader = worker
        worker.start()
        return worker

    def _on_listed(self, generation: int, listing: WarningListing) -> None:
        if generation != self._generation:  # a newer filter is being listed
            return
        keep = set(self.selected_ids())  # a relisting (this console's or another's change) keeps the selection
        self.listing = listing
        self.model.set_columns([listing.rule_names, [SEVERITY(s) for s in listing.severity.tolist()], listing.masked,
                                unit_labels(self._atlas, listing.grids), listing.leaders, [WARNING_STATUS(s) for s in listing.status.tolist()],
                                [t if t >= 0 else "" for t in listing.task_ids.tolist()],
                                [format_seconds(a) for a in listing.as_of.tolist()]])
        shown = self.tr("%n warning(s)", "", listing.total)
        if len(listing) < listing.total:
            shown += " · " + self.tr("newest %1 listed").replace("%1", str(len(listing)))
        self.summary.setText(shown)
        self.evidence.clear()
        self._select(keep)
        self.sigListed.emit(len(listing))

    def _select(self, warning_ids: set[int]) -> None:
        selection = QItemSelection()
        if warning_ids:
            rows = self.model.view_rows(np.flatnonzero(np.isin(self.listing.ids, list(warning_ids))))
            for row in rows.tolist():
                index = self.model.index(row, 0)
                selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)

    def evaluate(self) -> FunctionWorker | None:
        """Evaluate every rule as of the console's date and record the new warnings, off the GUI thread (a date
        outside the data period is refused in the panel instead)."""
        as_of = end_of_day_seconds(self._context.as_of)
        if refused(self._period, self.summary, (as_of, "as-of date")):
            return None
        service = self._service
        self.worker = FunctionWorker(lambda _p, _c: service.record(service.evaluate(as_of), notify=False), self)
        self.worker.sigDone.connect(self._on_evaluated)
        self.worker.sigFailed.connect(self.summary.setText)
        self.evaluate_button.setEnabled(False)
        self.summary.setText(self.tr("Evaluating the rules as of %1…").replace("%1", format_seconds(as_of)))
        self.worker.start()
        return self.worker

    def _on_evaluated(self, added: int) -> None:
        self.evaluate_button.setEnabled(True)
        self.last_added = added
        self._service.events.changed.emit()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [int(self.listing.ids[self.model.source_row(r)]) for r in rows] if self.listing is not None else []

    def _show_evidence(self, view_row: int) -> None:
        self.evidence.clear()
        if self.listing is None or view_row < 0:
            return
        row = self.model.source_row(view_row)
        self._context.highlighted_persons = [int(self.listing.person_ids[row])]
        for ref in self._service.evidence(int(self.listing.ids[row])):
            when = format_seconds(ref["at"]) if ref.get("at") is not None else ""
            self.evidence.addItem(f"{evidence_text(ref['why'], ref['table'], ref['id'])} {when}")

    def dispatch_selected(self) -> list[int]:
        """One verification task per selected new warning, after saying how many go to whom (undoable)."""
        return self.bulk.dispatch(plan_warning_dispatch(self._service, self.selected_ids()))

    def verify_selected(self) -> list[int]:
        return self._service.verify(self.selected_ids())

    def dismiss_selected(self) -> list[int]:
        if not self.reason.text().strip():
            self.summary.setText(self.tr("Give a reason to dismiss a warning"))
            return []
        return self._service.dismiss(self.selected_ids(), self.reason.text())

    def show_on_map(self) -> None:
        self._context.choropleth = self._service.grid_choropleth()
