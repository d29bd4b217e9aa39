"""Transfers dock: free beds of the quarantine hotels and the labs' samples left today, planning a transfer or
a specimen batch (refused with the reason when there is no room), and marking pickups and arrivals.

The loads are re-read off the GUI thread whenever the console learns that tasks or transfers changed
(``context.store_changed``: pushed by another console on a command-centre store, polled on the embedded one)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models import inputs
from app.models.context import ConsoleContext
from app.models.dispatch.errors import REFUSALS
from app.models.dispatch.queue import console_user
from app.models.dispatch.transport import FacilityLoad, TransportService
from app.views.widgets import button_row
from app.views.worker import FunctionWorker, detached_worker

FOLLOWED = frozenset({"tasks", "transfers"})  # the changes that move a hotel's or a lab's load


class TaskTransferPanel(QWidget):
    """Plans trips through :class:`TransportService`; the load table follows the console's change feed, and
    refreshes at once after this panel's own plans and marks."""

    def __init__(self, transport: TransportService, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.transport = transport
        self.user = console_user()
        self.loads = QTableWidget(0, 5, self)
        self.loads.setHorizontalHeaderLabels([self.tr("Facility"), self.tr("Kind"), self.tr("Capacity"),
                                              self.tr("Used"), self.tr("Free")])
        self.loads.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.loads.verticalHeader().setVisible(False)
        self.people = QLineEdit(self)
        self.people.setPlaceholderText(self.tr("person ids, e.g. 12,15,31"))
        self.hotel = QComboBox(self)
        self.lab = QComboBox(self)
        self.site = QSpinBox(self, minimum=1, maximum=10**9)
        self.samples = QSpinBox(self, minimum=1, maximum=10**6, value=100)
        self.vehicle = QLineEdit(self)
        self.vehicle.setPlaceholderText(self.tr("plate, e.g. 浙C·12345"))
        self.origin = QLineEdit(self.tr("home"), self)
        self.task = QSpinBox(self, minimum=1, maximum=10**9)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Vehicle"), self.vehicle)
        form.addRow(self.tr("People"), self.people)
        form.addRow(self.tr("Hotel"), self.hotel)
        form.addRow(self.tr("Pick up at"), self.origin)
        form.addRow(self.tr("Lab"), self.lab)
        form.addRow(self.tr("Test site id"), self.site)
        form.addRow(self.tr("Samples"), self.samples)
        form.addRow(self.tr("Task id"), self.task)
        buttons = button_row(self, [(self.tr("Plan transfer"), self.plan_transfer), (self.tr("Plan specimen batch"), self.plan_specimens),
                                    (self.tr("Picked up"), self.pick_up), (self.tr("Arrived"), self.arrive)])
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.loads, 1)
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.message)
        self.refresh()
        context.events.store_changed.connect(self._on_store_changed_change)

    def refresh(self) -> None:
        self._show(self.transport.hotels(), self.transport.labs())

    def _on_store_changed_change(self, topics: frozenset[str]) -> None:
        if topics & FOLLOWED:
            self.reload()

    def reload(self) -> FunctionWorker:
        """Re-read the loads off the GUI thread (another console planned or moved a transfer)."""
        transport = self.transport
        worker = detached_worker(lambda: (transport.hotels(), transport.labs()))
        worker.sigDone.connect(self._on_loads)
        worker.sigFailed.connect(self.message.setText)
        worker.start()
        return worker

    def _on_loads(self, loads: tuple[list[FacilityLoad], list[FacilityLoad]]) -> None:
        self._show(*loads)

    def _show(self, hotels: list[FacilityLoad], labs: list[FacilityLoad]) -> None:
        rows = [(h, self.tr("hotel")) for h in hotels] + [(lab, self.tr("lab (samples today)")) for lab in labs]
        self.loads.setRowCount(len(rows))
        for i, (load, kind) in enumerate(rows):
            for j, text in enumerate((load.name, kind, str(load.capacity), str(load.used), str(load.free))):
                self.loads.setItem(i, j, QTableWidgetItem(text))
        self._fill(self.hotel, hotels, self.tr("{0} — {1} free beds"))
        self._fill(self.lab, labs, self.tr("{0} — {1} samples left today"))

    def _fill(self, combo: QComboBox, loads: list[FacilityLoad], text: str) -> None:
        current = combo.currentData()
        combo.clear()
        for load in loads:
            combo.addItem(text.format(load.name, load.free), load.id)
        if current is not None and (i := combo.findData(current)) >= 0:
            combo.setCurrentIndex(i)

    def _do(self, action: str, work: Callable[[], int]) -> None:
        try:
            task = work()
        except REFUSALS as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("{0}: task {1}").format(action, task))
        self.refresh()

    def plan_transfer(self) -> None:
        self._do(self.tr("transfer planned"), lambda: self.transport.plan_transfer(
            inputs.id_list(self.people.text(), self.tr("person ids"), inputs.PERSON_ID), self.hotel.currentData() or 0,
            vehicle=self.vehicle.text(), origin=self.origin.text(), by=self.user))

    def plan_specimens(self) -> None:
        self._do(self.tr("specimen batch planned"), lambda: self.transport.plan_specimens(
            self.lab.currentData() or 0, self.samples.value(), vehicle=self.vehicle.text(), site_id=self.site.value(),
            by=self.user))

    def pick_up(self) -> None:
        self._do(self.tr("picked up"), lambda: self.transport.pick_up(self.task.value(), by=self.user).id)

    def arrive(self) -> None:
        self._do(self.tr("arrived"), lambda: self.transport.arrive(self.task.value(), by=self.user).id)
