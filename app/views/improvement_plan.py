"""The after-action report's improvement plan, filled in the console: a row per issue (corrective action, owner,
due date, and the milestone it is about), listed as the report will print it, added and removed here."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.incidents import ImprovementRow
from app.models.incident.catalogue import Milestone
from app.models.incident.service import IncidentService
from app.views.widgets import compact_rows

Runner = Callable[[Callable[[], object], Callable[[object], None]], bool]  # store work off the GUI thread
COLUMNS = 5


class ImprovementPlanPage(QWidget):
    """The improvement plan of incident ``incident_id`` (set by the panel; None: no incident in hand)."""

    def __init__(self, service: IncidentService, run: Runner, english: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.run = service, run
        self.incident_id: int | None = None
        self.rows: list[ImprovementRow] = []
        milestones: Sequence[Milestone] = service.catalogue.milestones
        self.titles = {m.key: m.title_en if english else m.title_zh for m in milestones}
        self.issue, self.action, self.owner, self.due = (QLineEdit(self) for _ in range(4))
        self.due.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.milestone = QComboBox(self)
        self.milestone.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.milestone.setMinimumContentsLength(12)  # a milestone's long title is cut in the box, whole in its list
        self.milestone.addItem(self.tr("(whole incident)"), None)
        for key, title in self.titles.items():
            self.milestone.addItem(title, key)
        self.add_button = QPushButton(self.tr("Add to improvement plan"), self)
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("improvement_plan")
        self.table.setHorizontalHeaderLabels([self.tr("Issue"), self.tr("Corrective action"), self.tr("Owner"),
                                              self.tr("Due date"), self.tr("Milestone")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        compact_rows(self.table)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)  # never widens the dock
        header = self.table.horizontalHeader()
        for column in range(COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.message: Callable[[str], None] = lambda _text: None
        form = QFormLayout()
        form.addRow(self.tr("Issue"), self.issue)
        form.addRow(self.tr("Corrective action"), self.action)
        owner_due = QHBoxLayout()
        owner_due.addWidget(self.owner, 2)
        owner_due.addWidget(self.due, 1)
        form.addRow(self.tr("Owner / due date"), owner_due)
        form.addRow(self.tr("Milestone"), self.milestone)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.table, 1)
        self.set_incident(None)

    def set_incident(self, incident_id: int | None) -> None:
        self.incident_id = incident_id
        for w in (self.add_button, self.remove_button):
            w.setEnabled(incident_id is not None)
        self.reload()

    def reload(self) -> None:
        incident_id = self.incident_id
        if incident_id is None:
            self._show([])
            return
        self.run(lambda: self.service.improvements(incident_id), self._show)

    def add(self) -> None:
        incident_id = self.incident_id
        if incident_id is None:
            return
        values = {"issue": self.issue.text(), "action": self.action.text(), "owner": self.owner.text(),
                  "due": self.due.text(), "milestone": self.milestone.currentData()}

        def added(_row_id: object) -> None:
            for field in (self.issue, self.action, self.owner, self.due):
                field.clear()
            self.message(self.tr("Added to the improvement plan"))
            self.reload()

        self.run(lambda: self.service.add_improvement(incident_id, **values), added)

    def remove_selected(self) -> None:
        incident_id = self.incident_id
        ids = [self.rows[i.row()].id for i in self.table.selectionModel().selectedRows()]
        if incident_id is None or not ids:
            return

        def remove() -> None:
            for row_id in ids:
                self.service.remove_improvement(incident_id, row_id)

        self.run(remove, lambda _none: self.reload())

    def _show(self, rows: object) -> None:
        self.rows = list(rows) if isinstance(rows, list) else []
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = (row.issue, row.action, row.owner, row.due, self.titles.get(row.milestone or "", "—"))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
