"""The import wizard (导入部门数据): file → kind → column mapping with a preview → validation report → import
with progress and cancel, off the GUI thread. "Try with a sample" picks one of the sample department files.
Boundaries take their own way after the file: topology check → replacement (``boundary_pages``)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.models.imports.boundaries import BoundaryJob
from app.models.imports.kinds import BOUNDARIES, KINDS
from app.models.imports.mapping import guess_mapping
from app.models.imports.rejects import shown_value
from app.models.imports.runner import ImportJob, ImportReport
from app.models.imports.service import ImportService
from app.views.boundary_pages import ReplacePage, TopologyPage
from app.views.vocabulary import said
from app.views.worker import FunctionWorker

PREVIEW_ROWS = 20
VALIDATE_ROWS = 1000
NOT_MAPPED = ""
FILE, MAPPING, CHECK, RUN, TOPOLOGY, REPLACE = range(6)  # page ids: boundaries go FILE → TOPOLOGY → REPLACE


class ImportWizard(QWizard):
    """Imports one department file through ``service``; ``lang`` is the UI language of the reasons (zh|en).
    ``sigBoundariesChanged`` says the admin layers were replaced, or the replacement undone."""

    sigBoundariesChanged = Signal()

    def __init__(self, service: ImportService, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.lang = service, lang
        self.job: ImportJob | BoundaryJob | None = None
        self.mapping: dict[str, str] | None = None
        self.setWindowTitle(self.tr("Import department data"))
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.run_page = RunPage(self)
        self.topology_page = TopologyPage(self)
        self.replace_page = ReplacePage(self)
        for page_id, page in enumerate((self.file_page, self.mapping_page, self.check_page, self.run_page,
                                        self.topology_page, self.replace_page)):
            self.setPage(page_id, page)
        self.resize(960, 640)

    def make_job(self) -> ImportJob | BoundaryJob:
        path, source = Path(self.file_page.path.text()), self.file_page.source.text() or None
        if self.file_page.kind() == BOUNDARIES:
            return self.service.boundary_job(path, mapping=self.mapping, source=source, lang=self.lang)
        return self.service.job(self.file_page.kind(), path, mapping=self.mapping, source=source, lang=self.lang,
                                crs=self.mapping_page.crs.text().strip() or None)

    def nextId(self) -> int:
        following = {FILE: TOPOLOGY if self.file_page.kind() == BOUNDARIES else MAPPING, MAPPING: CHECK, CHECK: RUN,
                     TOPOLOGY: REPLACE}
        return following.get(self.currentId(), -1)


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("File and kind"))
        self.setSubTitle(self.tr("CSV (UTF-8 or GBK), Excel, GeoJSON, Shapefile or GeoPackage"))
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        sample = QPushButton(self.tr("Try with a sample"))
        sample.clicked.connect(self._sample)
        self.kinds = QComboBox()
        for name, kind in KINDS.items():
            self.kinds.addItem(kind.label(wizard.lang), name)
        self.kinds.addItem(self.tr("Boundaries (towns, villages, grids)"), BOUNDARIES)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("department (default: the file's name)"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        row.addWidget(sample)
        form = QFormLayout(self)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Kind"), self.kinds)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.error)
        self.path.textChanged.connect(self.completeChanged)
        self._samples = iter(())

    def kind(self) -> str:
        return self.kinds.currentData()

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Department file"), "", self.tr(
            "Department files (*.csv *.txt *.xlsx *.geojson *.json *.shp *.gpkg)"))
        if name:
            self.path.setText(name)

    def _sample(self) -> None:
        """Each click offers the next sample file (persons first: the others name them); with boundaries chosen,
        the sample boundaries."""
        if self.kind() == BOUNDARIES:
            boundaries = self.wiz.service.boundary_samples()
            if boundaries:
                self.path.setText(str(boundaries[0].path))
                self.wiz.mapping = boundaries[0].mapping
            return
        sample = next(self._samples, None)
        if sample is None:
            self._samples = iter(self.wiz.service.samples())
            sample = next(self._samples, None)
        if sample is not None:
            self.path.setText(str(sample.path))
            self.kinds.setCurrentIndex(self.kinds.findData(sample.kind))
            self.wiz.mapping = sample.mapping

    def isComplete(self) -> bool:
        return Path(self.path.text()).is_file()

    def validatePage(self) -> bool:
        try:
            self.wiz.job = self.wiz.make_job()
        except ValueError as exc:  # a file we cannot read, or a required field without a column
            projected = getattr(exc, "field", "") == "--crs"
            unmapped = getattr(exc, "key", "") == "no_column_for"
            if self.kind() != BOUNDARIES and (projected or (self.wiz.mapping is None and unmapped)):
                self.wiz.job = None
                self.wiz.mapping_page.error.setText(said(exc) if projected else "")
                return True  # the mapping page lets the user choose the columns and their coordinate system
            self.error.setText(said(exc))
            return False
        self.error.clear()
        return True


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Column mapping"))
        self.setSubTitle(self.tr("Which column holds each field (guessed from the headers; * required)"))
        self.fields = QTableWidget(0, 2)
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Column")])
        self.fields.horizontalHeader().setStretchLastSection(True)
        self.preview = QTableWidget(0, 0)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.crs = QLineEdit()
        self.crs.setPlaceholderText(self.tr("empty: longitude/latitude in degrees"))
        left = QFormLayout()
        left.addRow(self.fields)
        left.addRow(self.tr("Coordinate system of x/y (e.g. EPSG:4549)"), self.crs)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Preview (first rows as read)")))
        right.addWidget(self.preview, 1)
        right.addWidget(self.error)
        layout.addLayout(right, 2)
        self._combos: dict[str, QComboBox] = {}

    def initializePage(self) -> None:
        kind = KINDS[self.wiz.file_page.kind()]
        table = self.wiz.service.open_file(Path(self.wiz.file_page.path.text()))
        job = self.wiz.job
        mapping = job.mapping if isinstance(job, ImportJob) else self.wiz.mapping or guess_mapping(kind, table.headers)
        if isinstance(job, ImportJob):
            self.crs.setText(job.crs or "")
        self.fields.setRowCount(len(kind.fields))
        self._combos = {}
        for r, f in enumerate(kind.fields):
            star = " *" if f.name in kind.required else ""
            self.fields.setItem(r, 0, QTableWidgetItem(f.label(self.wiz.lang) + star))
            combo = QComboBox()
            combo.addItems([NOT_MAPPED, *table.headers])
            combo.setCurrentText(mapping.get(f.name, NOT_MAPPED))
            self.fields.setCellWidget(r, 1, combo)
            self._combos[f.name] = combo
        rows = []
        for cells in table.rows():
            if cells:
                rows.append(cells)
            if len(rows) >= PREVIEW_ROWS:
                break
        # the file's own identity numbers, names and phones are shown masked, as everywhere in the console
        personal = {table.headers.index(mapping[f.name]): f for f in kind.fields
                    if f.personal and mapping.get(f.name) in table.headers}
        self.preview.setColumnCount(len(table.headers))
        self.preview.setHorizontalHeaderLabels(table.headers)
        self.preview.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                shown = shown_value(personal[c], value) if c in personal else shown_value(None, value)
                self.preview.setItem(r, c, QTableWidgetItem(shown))

    def validatePage(self) -> bool:
        self.wiz.mapping = {f: c.currentText() for f, c in self._combos.items() if c.currentText() != NOT_MAPPED}
        try:
            self.wiz.job = self.wiz.make_job()
        except ValueError as exc:
            self.error.setText(said(exc))
            return False
        return True


class CheckPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Validation report"))
        self.summary = QLabel()
        self.reasons = QTableWidget(0, 2)
        self.reasons.setHorizontalHeaderLabels([self.tr("Reason"), self.tr("Rows")])
        header = self.reasons.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.reasons, 1)

    def initializePage(self) -> None:
        checked = self.wiz.job.preview(VALIDATE_ROWS)
        reasons = Counter(p.reason(self.wiz.lang) for c in checked for p in c.problems)
        bad = sum(1 for c in checked if c.problems)
        self.summary.setText(self.tr("First %n row(s) checked: ", "", len(checked))
                             + self.tr("%1 good, %2 with problems (they go to the reject file; "
                                       "people and codes are checked against the store during the import)")
                             .replace("%1", f"{len(checked) - bad:,}").replace("%2", f"{bad:,}"))
        self.reasons.setRowCount(len(reasons))
        for r, (reason, n) in enumerate(reasons.most_common()):
            self.reasons.setItem(r, 0, QTableWidgetItem(reason))
            self.reasons.setItem(r, 1, QTableWidgetItem(f"{n:,}"))


class RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Import"))
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.cancel = QPushButton(self.tr("Cancel import"))
        self.cancel.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.cancel)
        layout.addStretch(1)
        self.worker: FunctionWorker | None = None
        self.report: ImportReport | None = None

    def initializePage(self) -> None:
        job, service = self.wiz.job, self.wiz.service

        def work(progress, cancelled):  # noqa: ANN001, ANN202
            report = job.run(lambda read, expected: progress(read / expected if expected else 0.0, f"{read:,}"),
                             cancelled)
            service.refresh_indicators()
            return report

        self.report = None
        self.worker = FunctionWorker(work, self)
        self.worker.sigProgress.connect(self._on_progress)
        self.worker.sigDone.connect(self._on_done)
        self.worker.sigFailed.connect(self.status.setText)
        self.cancel.setEnabled(True)
        self.status.setText(self.tr("Importing…"))
        self.worker.start()

    def _cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel.setEnabled(False)

    def _on_progress(self, fraction: float, rows: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.status.setText(self.tr("Rows read: %1").replace("%1", rows))

    def _on_done(self, report: ImportReport) -> None:
        self.report = report
        self.cancel.setEnabled(False)
        self.progress.setValue(100)
        text = self.tr("Import %1 %2: read %3, imported %4, skipped %5 already present, rejected %6.")
        for key, value in (("%6", report.rejected), ("%5", report.skipped), ("%4", report.imported),
                           ("%3", report.read), ("%2", self.tr("cancelled") if report.status == "cancelled" else ""),
                           ("%1", report.import_id)):
            text = text.replace(key, f"{value:,}" if isinstance(value, int) else value)
        if report.rejected:
            text += "\n" + self.tr("Reject file: %1").replace("%1", report.reject_file or "")
        self.status.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.report is not None

