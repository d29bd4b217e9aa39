"""The print sheet: the export dialog (title, subtitle, format, file) and the sheet's words for the map shown.

Whatever the user types, the sheet always carries the as-of date the map shows, the data source and the
schematic-boundary note; the legend and scale are the map's own.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.console import Console
from app.map.canvas import MapCanvas
from app.map.export import Sheet, save_pdf, save_png
from app.map.language import unit_names
from app.views.map_text import legend


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def breadcrumb(console: Console) -> str:
    """The units from the county down to the one the map shows, in the interface's language."""
    names = [console.atlas.find(code) for code in console.drill.path]
    return " › ".join(str(unit_names(u.data)[r]) for u, r in (n for n in names if n is not None))


def briefing_sheet(console: Console, title: str, subtitle: str, now: dt.datetime | None = None) -> Sheet:
    """The sheet for the map as it is now: the user's title and subtitle, the map's legend, date and source."""
    legend_title, entries = legend(console.thematic, console.layers)
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
    footer = (QCoreApplication.translate("ExportDialog", "As of %1 · Data: Jingkong, %2 · Printed %3")
              .replace("%1", str(console.context.as_of)).replace("%2", console.store.display_name).replace("%3", stamp))
    return Sheet(title, subtitle, legend_title, entries, footer,
                 QCoreApplication.translate("ExportDialog", "Schematic map: boundaries are not official"),
                 QCoreApplication.translate("ExportDialog", "Scale 1 : %1"))


def export_sheet(canvas: MapCanvas, sheet: Sheet, path: Path) -> bool:
    """Write ``sheet`` to ``path``: a vector PDF for ``.pdf``, else a 300-dpi PNG."""
    return save_pdf(canvas, sheet, path) if path.suffix.lower() == ".pdf" else save_png(canvas, sheet, path)


class ExportDialog(QDialog):
    """Title and subtitle (both editable, filled with the map's), format and file."""

    def __init__(self, title: str, subtitle: str, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export map"))
        self.title = QLineEdit(title, self)
        self.subtitle = QLineEdit(subtitle, self)
        self.format = QComboBox(self)
        self.format.addItem(self.tr("PDF, vector (A4)"), "pdf")
        self.format.addItem(self.tr("PNG (300 dpi)"), "png")
        self.path = QLineEdit(str(folder / "jingkong_map.pdf"), self)
        self.format.currentIndexChanged.connect(self._on_format_edit)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Subtitle"), self.subtitle)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("File"), row)
        form.addRow(buttons)
        self.resize(560, 0)

    def _on_format_edit(self) -> None:
        self.path.setText(str(Path(self.path.text()).with_suffix("." + self.format.currentData())))

    def _browse(self) -> None:
        kind = self.format.currentData()
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export map"), self.path.text(), f"{kind.upper()} (*.{kind})")
        if chosen:
            self.path.setText(chosen)
