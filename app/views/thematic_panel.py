"""Thematic-map controls: which value and level, classification method, number of classes, palette."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QSpinBox, QWidget

from app.domain.admin import Level
from app.models.classify import Method
from app.models.palettes import PALETTES
from app.models.thematic import FIELDS, Thematic
from app.views.map_text import field_names, level_names, thematic_title


class ThematicPanel(QWidget):
    """Writes to ``thematic``; follows ``thematic.events.style`` (e.g. a choropleth set by another panel)."""

    def __init__(self, thematic: Thematic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._thematic, self._syncing = thematic, False
        self.field = QComboBox(self)
        for key in FIELDS:
            self.field.addItem(field_names()[key], key)
        self.field.addItem("", "")  # a value another panel sent through the shared context (its title)
        self.level = QComboBox(self)
        for level in (Level.TOWN, Level.VILLAGE, Level.GRID):
            self.level.addItem(level_names()[level], int(level))
        self.method = QComboBox(self)
        for method, text in ((Method.QUANTILES, self.tr("Quantiles")), (Method.EQUAL_INTERVAL, self.tr("Equal interval")),
                             (Method.NATURAL_BREAKS, self.tr("Natural breaks (Jenks)"))):
            self.method.addItem(text, method.value)
        self.classes = QSpinBox(self)
        self.classes.setRange(3, 9)
        self.palette = QComboBox(self)
        for name in PALETTES:
            self.palette.addItem(name, name)
        form = QFormLayout(self)
        form.addRow(self.tr("Value"), self.field)
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Classification"), self.method)
        form.addRow(self.tr("Classes"), self.classes)
        form.addRow(self.tr("Palette"), self.palette)
        self.field.currentIndexChanged.connect(self._on_field_edit)
        self.level.currentIndexChanged.connect(self._on_field_edit)
        for widget in (self.method, self.palette):
            widget.currentIndexChanged.connect(self._on_style_edit)
        self.classes.valueChanged.connect(self._on_style_edit)
        thematic.events.style.connect(self._on_style_change)
        self._on_style_change()

    def _on_field_edit(self) -> None:
        if not self._syncing and self.field.currentData():
            self._thematic.show_field(self.field.currentData(), Level(self.level.currentData()))

    def _on_style_edit(self) -> None:
        if not self._syncing:
            self._thematic.set_style(Method(self.method.currentData()), self.classes.value(), self.palette.currentData())

    def _on_style_change(self) -> None:
        t = self._thematic
        self._syncing = True
        self.field.setItemText(self.field.count() - 1, "" if t.field else thematic_title(t))
        self.field.setCurrentIndex(self.field.findData(t.field))
        self.level.setCurrentIndex(self.level.findData(int(t.level)))
        self.method.setCurrentIndex(self.method.findData(t.method.value))
        self.classes.setValue(t.k)
        self.palette.setCurrentIndex(self.palette.findData(t.palette))
        self._syncing = False
