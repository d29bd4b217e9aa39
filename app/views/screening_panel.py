"""The cohort-screening panel (排查): pick a city (or paste a polygon, or draw an area on the map) and a window, run
the screening off the GUI thread, read the classes with their evidence and the counts by town/village/grid, export,
dispatch."""

from __future__ import annotations

import datetime as dt

import numpy as np
import shapely
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.admin import Level
from app.map.language import unit_labels
from app.models.admin_atlas import AdminAtlas
from app.models.as_of import Period
from app.models.engine_runs import ScreeningRun
from app.models.screening import area_names
from app.models.screening_result import CLASSES, LEVELS, Screening
from app.timebase import end_of_day_seconds, to_seconds
from app.views.array_table_model import ArrayTableModel
from app.views.bulk_dispatch import BulkDispatcher
from app.views.data_period import bound_to_period, refused
from app.views.map_text import level_names
from app.views.vocabulary import SCREENING_CLASS, evidence_text, interface_language
from app.views.widgets import button_row, record_view
from app.views.worker import FunctionWorker, run_with_button


class ScreeningPanel(QWidget):
    """Follows ``console.screening.events.result``; its runs set the context's choropleth and highlighted people.

    An area drawn on the map (``context.events.drawn_area``) becomes its polygon and is screened at once."""

    def __init__(self, run: ScreeningRun, atlas: AdminAtlas, period: Period | None, period_end: dt.date,
                 outbreak_city: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._atlas = atlas  # names the units
        self._run = run
        self._period = period
        self.worker: FunctionWorker | None = None
        self.city = QComboBox(self)
        self.city.setEditable(True)
        self.city.addItems(self._run.cities())
        if outbreak_city:
            self.city.setCurrentText(outbreak_city)
        self.polygon = QLineEdit(self)
        self.polygon.setPlaceholderText(self.tr("or a WKT polygon (EPSG:4490 lon/lat)"))
        self.default_window = QCheckBox(self.tr("Default (since the risk area began, else 14 days)"), self)
        self.default_window.setChecked(True)
        end = period_end
        self.since, self.until = QDateEdit(QDate(end.year, end.month, 1), self), QDateEdit(QDate(end.year, end.month, end.day), self)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        bound_to_period(period, self.since, self.until)
        self.run_button = QPushButton(self.tr("Screen"), self)
        self.run_button.clicked.connect(self.run)
        self.totals = QLabel(self)
        self.dispatch_status = QLabel(self)
        self.bulk = BulkDispatcher(self, run.tasks, self.dispatch_status.setText)
        self.level = QComboBox(self)
        names = level_names()
        for level in LEVELS:
            self.level.addItem(names[Level[level.upper()]], level)
        self.level.currentIndexChanged.connect(lambda _i: self._fill_counts())
        self.counts = ArrayTableModel([self.tr("Unit"), *map(SCREENING_CLASS, CLASSES)], self)
        self.people = ArrayTableModel([self.tr("Person"), self.tr("Class"), self.tr("Grid"), self.tr("Evidence")], self)
        self.counts_view, self.people_view = record_view(self.counts, self), record_view(self.people, self)
        self.dispatch_classes = {c: QCheckBox(SCREENING_CLASS(c), self) for c in CLASSES}
        for c in ("returned", "planning"):
            self.dispatch_classes[c].setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("City"), self.city)
        form.addRow(self.tr("Polygon"), self.polygon)
        dates = QHBoxLayout()
        for w in (self.since, self.until):
            dates.addWidget(w)
        form.addRow(self.tr("Window"), self.default_window)
        form.addRow("", dates)
        actions = button_row(self, [(self.tr("Dispatch to grids"), self.dispatch), (self.tr("Export…"), self._export_dialog)])
        for n, box in enumerate(self.dispatch_classes.values()):  # the classes to dispatch, before the button
            actions.insertWidget(n, box)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(form)
        box.addWidget(self.run_button)
        box.addWidget(self.totals)
        box.addWidget(self.level)
        box.addWidget(self.counts_view, 1)
        box.addWidget(self.people_view, 2)
        box.addLayout(actions)
        box.addWidget(self.dispatch_status)
        self._run.events.result.connect(self._on_result_change)
        self._drawn_wkt = ""
        run.context.events.drawn_area.connect(self._on_drawn_area_change)

    def run(self) -> FunctionWorker | None:
        """Screen the chosen area off the GUI thread; a bad area or window is reported in the panel."""
        try:
            area = self._run.area(self.city.currentText(), self.polygon.text())
        except ValueError as exc:
            self.totals.setText(str(exc))
            return None
        since = until = None
        if not self.default_window.isChecked():
            since = to_seconds(self.since.date().toPython())
            until = end_of_day_seconds(self.until.date().toPython())
            if refused(self._period, self.totals, (since, "window start"), (until, "window end")):
                return None
        run = self._run
        self.worker = run_with_button(self, lambda: run.compute(area, since, until), self.run_button, self.totals,
                                      self.tr("Screening…"), run.publish)
        return self.worker

    def _on_drawn_area_change(self, area: shapely.Geometry | None) -> None:
        if area is None:
            if self.polygon.text() == self._drawn_wkt:
                self.polygon.clear()
            self._drawn_wkt = ""
            return
        self._drawn_wkt = shapely.to_wkt(area, rounding_precision=6)  # 6 decimals of a degree: about 0.1 m
        self.polygon.setText(self._drawn_wkt)
        self.polygon.setCursorPosition(0)  # show where the WKT starts
        if self.run_button.isEnabled():  # else a screening is running: the next Screen uses the drawn area
            self.run()

    def _on_result_change(self, result: Screening) -> None:
        totals = result.totals()
        name_zh, name_en = area_names(result.area)
        self.totals.setText(f"{name_zh if interface_language() == 'zh' else name_en}: {len(result)} · "
                            + " · ".join(f"{SCREENING_CLASS(k)} {v}" for k, v in totals.items()))
        evidence = ["; ".join(evidence_text(e["why"], e["table"], e["id"]) for e in ev) for ev in result.evidence]
        labels = [SCREENING_CLASS(c) for c in CLASSES]
        self.people.set_columns([result.masked_ids, np.array([labels[c] for c in result.cls.tolist()], object),
                                 unit_labels(self._atlas, result.units["grid"]), np.array(evidence, object)])
        self._fill_counts()

    def _fill_counts(self) -> None:
        result = self._run.result
        if result is None:
            return
        counts = result.counts_by(self.level.currentData())
        units = sorted(counts)
        self.counts.set_columns([np.array(unit_labels(self._atlas, units), object)] + [np.array([counts[u][c] for u in units]) for c in CLASSES])

    def dispatch(self) -> list[int]:
        """Say how many tasks go to how many grid leaders, ask, then dispatch (undoable); the created task ids."""
        return self.bulk.dispatch(self._run.plan([c for c, box in self.dispatch_classes.items() if box.isChecked()]))

    def export_to(self, path: str) -> int:
        return self._run.result.export_csv(path) if self._run.result is not None else 0

    def _export_dialog(self) -> None:
        name = f"screening_{dt.date.today():%Y%m%d}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export screening"), name, "CSV (*.csv)")
        if path:
            self.export_to(path)
