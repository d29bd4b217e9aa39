"""The export dialog: title, format (PNG or PDF) and file of the briefing sheet."""

from __future__ import annotations

from pathlib import Path

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


class ExportDialog(QDialog):
    def __init__(self, title: str, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export map"))
        self.title = QLineEdit(title, self)
        self.format = QComboBox(self)
        self.format.addItem("PNG (300 dpi)", "png")
        self.format.addItem("PDF (A4)", "pdf")
        self.path = QLineEdit(str(folder / "jingkong_map.png"), self)
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
