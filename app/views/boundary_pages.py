"""The import wizard's pages for boundaries (towns, villages, grids): the file read and its topology checked in a
worker (progress, cancel) and every problem listed before anything is replaced; then, once the user has accepted
what may be accepted, the admin layers replaced in a worker — one transaction, undoable from the same page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app.models.imports.boundaries import BoundaryJob, BoundaryReport, Cancelled
from app.views.map_text import level_names
from app.views.worker import FunctionWorker

if TYPE_CHECKING:
    from app.views.import_wizard import ImportWizard


class TopologyPage(QWizardPage):
    """Reads and checks the boundaries file; complete when it may replace the store's layers (no blocking problem,
    and the listed gaps or overlaps accepted with the tick box)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Topology check"))
        self.setSubTitle(self.tr("Gaps, overlaps, grids crossing their village and codes not nested are listed "
                                 "before anything is replaced"))
        self.progress = QProgressBar()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.cancel = QPushButton(self.tr("Cancel check"))
        self.cancel.clicked.connect(self._cancel)
        self.problems = QTableWidget(0, 2)
        self.problems.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Problem")])
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setCommitPage(True)  # once replaced, Back would replace again: undo is on the next page
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Replace"))
        self.accept = QCheckBox(self.tr("Replace the admin layers although these problems were found"))
        self.accept.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        for widget in (self.progress, self.summary, self.cancel):
            layout.addWidget(widget)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.accept)
        self.worker: FunctionWorker | None = None
        self.report: BoundaryReport | None = None

    def initializePage(self) -> None:
        job = self.wiz.job
        assert isinstance(job, BoundaryJob)

        def work(progress: Callable[[float, str], None], cancelled: Callable[[], bool]) -> BoundaryReport | None:
            try:
                return job.check(lambda read, expected: progress(read / expected if expected else 0.0, f"{read:,}"),
                                 cancelled)
            except Cancelled:
                return None

        self.report = None
        self.problems.setRowCount(0)
        self.accept.setChecked(False)
        self.accept.setVisible(False)
        self.cancel.setEnabled(True)
        self.summary.setText(self.tr("Reading and checking the boundaries…"))
        self.worker = FunctionWorker(work, self)
        self.worker.sigProgress.connect(lambda fraction, _rows: self.progress.setValue(int(fraction * 100)))
        self.worker.sigDone.connect(self._on_done)
        self.worker.sigFailed.connect(self._on_failed)
        self.worker.start()

    def cleanupPage(self) -> None:  # going back: stop a check still running
        self._cancel()

    def _cancel(self) -> None:
        if self.worker is not None and self.worker.isRunning():
            self.worker.cancel()
        self.cancel.setEnabled(False)

    def _on_failed(self, message: str) -> None:
        self.cancel.setEnabled(False)
        self.summary.setText(message)

    def _on_done(self, report: BoundaryReport | None) -> None:
        self.cancel.setEnabled(False)
        if report is None:
            self.summary.setText(self.tr("Check cancelled: nothing was replaced."))
            return
        self.report = report
        self.progress.setValue(100)
        names = {level.key: name for level, name in level_names().items()}
        units = ", ".join(f"{names.get(key, key)} {n:,}" for key, n in report.units.items()) or "0"
        rows = [(code, self.tr("row %1: %2").replace("%1", str(row)).replace("%2", why.problem_in(self.wiz.lang)))
                for row, code, why in report.rejected]
        rows += [(p.code, p.text(self.wiz.lang)) for p in report.problems]
        self.problems.setRowCount(len(rows))
        for r, (code, text) in enumerate(rows):
            self.problems.setItem(r, 0, QTableWidgetItem(code))
            self.problems.setItem(r, 1, QTableWidgetItem(text))
        if report.ok:
            text = self.tr("%1 in the file, no topology problem: ready to replace the store's layers.")
        elif report.replaceable:
            text = self.tr("%1 in the file; %n problem(s) listed below. Nothing has been replaced: tick the box to "
                           "replace the layers anyway (points in a gap then belong to no grid).", "", len(rows))
        else:
            text = self.tr("%1 in the file; %n problem(s) listed below block the replacement (rows that cannot be "
                           "read, codes not nested): mend the file. Nothing has been replaced.", "", len(rows))
        self.summary.setText(text.replace("%1", units))
        self.accept.setVisible(report.replaceable and not report.ok)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        report = self.report
        return report is not None and report.replaceable and (report.ok or self.accept.isChecked())


class ReplacePage(QWizardPage):
    """Replaces the admin layers with the checked file's in a worker, then offers to undo it."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Replace the admin layers"))
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.undo = QPushButton(self.tr("Undo this import"))
        self.undo.clicked.connect(self._undo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.undo)
        layout.addStretch(1)
        self.worker: FunctionWorker | None = None
        self.report: BoundaryReport | None = None
        self.undone: dict[str, int] | None = None

    def initializePage(self) -> None:
        job, service = self.wiz.job, self.wiz.service
        accept = self.wiz.topology_page.accept.isChecked()
        self.report, self.undone = None, None
        self.undo.setEnabled(False)
        self._run(lambda _progress, _cancelled: service.replace_boundaries(job, accept), self._on_replaced,
                  self.tr("Replacing the admin layers and re-assigning every record to its grid (one transaction: "
                          "it completes or changes nothing)…"))

    def _run(self, work: Callable[..., object], done: Callable[..., None], busy: str) -> None:
        self.progress.setRange(0, 0)  # busy: one transaction has no steps to count
        self.status.setText(busy)
        self.worker = FunctionWorker(work, self)
        self.worker.sigDone.connect(done)
        self.worker.sigFailed.connect(self._on_failed)
        self.worker.start()

    def _on_failed(self, message: str) -> None:
        self.progress.setRange(0, 100)
        self.status.setText(message)

    def _on_replaced(self, report: BoundaryReport) -> None:
        self.report = report
        self.progress.setRange(0, 100)
        self.progress.setValue(100)
        counts = report.replaced
        self.status.setText(self.tr("Import %1: %2 units updated, %3 added, %4 removed; records re-assigned to their "
                                    "grids and the indicators recomputed.")
                            .replace("%1", str(report.import_id)).replace("%2", f"{counts.get('updated', 0):,}")
                            .replace("%3", f"{counts.get('added', 0):,}")
                            .replace("%4", f"{counts.get('removed', 0):,}"))
        self.undo.setEnabled(True)
        self.completeChanged.emit()
        self.wiz.sigBoundariesChanged.emit()

    def _undo(self) -> None:
        if self.report is None or self.report.import_id is None:
            return
        run_id = self.report.import_id
        self.undo.setEnabled(False)
        self._run(lambda _progress, _cancelled: self.wiz.service.undo(run_id), self._on_undone,
                  self.tr("Putting the previous admin layers back…"))

    def _on_undone(self, undone: dict[str, int]) -> None:
        self.undone = undone
        self.progress.setRange(0, 100)
        self.status.setText(self.tr("Import %1 undone: the previous admin layers are back and every record is in its "
                                    "grid again.").replace("%1", str(self.report.import_id if self.report else "")))
        self.wiz.sigBoundariesChanged.emit()

    def isComplete(self) -> bool:
        return self.report is not None

