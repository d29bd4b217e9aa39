"""The wall mode's chooser: which units and indicators the wall cycles through, and for how long each stays up."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.console import Console
from app.domain.admin import Level
from app.map.language import unit_names
from app.models.wall import WallChoice
from app.views import settings

LEVELS = (Level.COUNTY, Level.TOWN, Level.VILLAGE)  # what a wall can show: the county, a town, a village


class WallChooserDialog(QDialog):
    """``units`` and ``indicators`` are (key, name in the interface language) pairs; :meth:`chosen` is the choice
    the dialog shows (what the wall uses once accepted)."""

    def __init__(self, choice: WallChoice, units: Sequence[tuple[str, str]], indicators: Sequence[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Wall mode: what to show"))
        self.units = self._list(units, choice.units)
        self.indicators = self._list(indicators, choice.indicators)
        self.seconds = QSpinBox(self)
        self.seconds.setRange(3, 3600)
        self.seconds.setSuffix(self.tr(" s"))
        self.seconds.setValue(choice.seconds)
        lists = QHBoxLayout()
        for title, view in ((self.tr("Units (none: the whole county)"), self.units), (self.tr("Indicators"), self.indicators)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title, self))
            column.addWidget(view, 1)
            lists.addLayout(column, 1)
        form = QFormLayout()
        form.addRow(self.tr("Each unit and indicator stays up for"), self.seconds)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(lists, 1)
        box.addLayout(form)
        box.addWidget(self.buttons)
        self.resize(720, 520)

    def _list(self, entries: Sequence[tuple[str, str]], chosen: Sequence[str]) -> QListWidget:
        view = QListWidget(self)
        for key, name in entries:
            item = QListWidgetItem(name, view)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
        return view

    @staticmethod
    def _checked(view: QListWidget) -> tuple[str, ...]:
        return tuple(view.item(i).data(Qt.ItemDataRole.UserRole) for i in range(view.count())
                     if view.item(i).checkState() == Qt.CheckState.Checked)

    def chosen(self) -> WallChoice:
        return WallChoice(self._checked(self.units), self._checked(self.indicators), self.seconds.value())


def open_wall_chooser(console: Console, english: bool, parent: QWidget) -> WallChooserDialog:
    """The chooser over this store's county, towns and villages and the catalogue's indicators; accepted, the
    choice is saved for the next wall and the next start."""
    units = [(code, name) for level in LEVELS for code, name in _unit_names(console, level)]
    indicators = [(i.id, i.name_en if english else i.name_zh) for i in console.indicators.catalogue]
    dialog = WallChooserDialog(saved_wall_choice(console), units, indicators, parent)
    dialog.accepted.connect(lambda: settings.set_wall_choice(_checked(console, dialog.chosen())))
    dialog.open()
    return dialog


def saved_wall_choice(console: Console) -> WallChoice:
    """The saved choice, less what this store or catalogue does not have."""
    return _checked(console, settings.wall_choice())


def _checked(console: Console, choice: WallChoice) -> WallChoice:
    known = [str(c) for level in LEVELS for c in console.atlas.levels[level].data.codes]
    return choice.checked(known, [i.id for i in console.indicators.catalogue])


def _unit_names(console: Console, level: Level) -> list[tuple[str, str]]:
    """(code, name) of a level's units in the interface language; a village's name carries its town's."""
    data = console.atlas.levels[level].data
    names = unit_names(data)
    if level != Level.VILLAGE:
        return [(str(c), str(n)) for c, n in zip(data.codes, names)]
    towns = dict(_unit_names(console, Level.TOWN))
    return [(str(c), f"{towns.get(str(c)[:9], '')} · {n}") for c, n in zip(data.codes, names)]
