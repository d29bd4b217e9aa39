"""Entering a person found door to door on an offline pack (the console's form of ``jingkong persons add``).

The number is checked by the same rules as the command line (GB 11643, in ``app.models.inputs``) and only its
keyed hash and mask are kept. The form shows the number only while it is typed: the field dots it once left,
and it is emptied once the person is in; what the form says afterwards carries the mask only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app.domain.errors import InputError, StoreError
from app.domain.roles import AccessDenied
from app.map.language import interface_language
from app.models.people_directory import KINDS, PeopleDirectory
from app.views.vocabulary import PERSON_KIND
from app.views.widgets import MessageLabel


class PersonEntryDialog(QDialog):
    """Identity number, name, home grid and kind; Enter adds the person, or says in one line what is wrong."""

    sigEntered = Signal(int)  # the new person's id

    def __init__(self, people: PeopleDirectory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enter a person found door to door"))
        self.setMinimumWidth(460)
        self.people = people
        self.number = QLineEdit(self)
        self.number.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)  # seen while typed, dotted once left
        self.number.setMaxLength(18)
        self.number.setPlaceholderText(self.tr("18 characters"))
        self.name = QLineEdit(self)
        self.grid = QLineEdit(self)
        self.grid.setPlaceholderText(self.tr("15-digit grid code"))
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(PERSON_KIND(kind), kind)
        self.labels = {"--id-number": self.tr("Identity number"), "--name": self.tr("Name"),
                       "--grid": self.tr("Home grid"), "--kind": self.tr("Kind")}
        form = QFormLayout()
        for field, widget in zip(self.labels, (self.number, self.name, self.grid, self.kind)):
            form.addRow(self.labels[field], widget)
        self.message = MessageLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.enter = self.buttons.addButton(self.tr("Enter"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.close)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.message)
        box.addWidget(self.buttons)

    def submit(self) -> int | None:
        """Enter the person; returns the new id, or None with the problem said in the message line."""
        try:
            person_id = self.people.add(self.number.text(), self.name.text(), self.grid.text().strip(),
                                        self.kind.currentData())
        except InputError as exc:  # the problem never echoes the number (inputs.identity_number)
            self.message.setText(f"{self.labels.get(exc.field, exc.field)}: {exc.problem_in(interface_language())}")
            return None
        except (StoreError, AccessDenied) as exc:  # outside the pack, already entered, not allowed
            self.message.setText(str(exc))
            return None
        masked = self.people.open(person_id).id_masked
        self.number.clear()
        self.name.clear()
        self.message.setText(self.tr("Person %1 entered (%2); sent to the centre at the next sync.")
                             .replace("%1", str(person_id)).replace("%2", masked))
        self.sigEntered.emit(person_id)
        return person_id


def open_person_entry(people: PeopleDirectory, parent: QWidget) -> PersonEntryDialog:
    """Show the form (kept by ``parent``, gone when closed)."""
    dialog = PersonEntryDialog(people, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
