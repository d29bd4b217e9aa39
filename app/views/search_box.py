"""The unit search box: completion by Chinese name, pinyin or code; choosing a unit zooms to it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from app.models.search import UnitSearch


class SearchBox(QLineEdit):
    """Emits ``sigUnitChosen(code)`` when a completion is picked or Return finds a match.

    Home is the window's "whole county" even while typing here (End, arrows and Ctrl+A move the cursor)."""

    sigUnitChosen = Signal(str)

    def __init__(self, search: UnitSearch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._codes: dict[str, str] = {}
        self.setPlaceholderText(self.tr("Find a town, village or grid (name, pinyin or code)"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(320)
        self.setMaximumWidth(460)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(12)
        completer.activated[str].connect(self._on_chosen)
        self.setCompleter(completer)
        self.textEdited.connect(self._on_text_edited)
        self.returnPressed.connect(self._on_return)

    def event(self, ev: QEvent) -> bool:
        if (ev.type() == QEvent.Type.ShortcutOverride and ev.key() == Qt.Key.Key_Home
                and ev.modifiers() == Qt.KeyboardModifier.NoModifier):
            ev.ignore()  # not ours: the window's shortcut takes it
            return True
        return super().event(ev)

    def _on_text_edited(self, text: str) -> None:
        matches = self._search.find(text)
        self._codes = {m.display: m.code for m in matches}
        self._model.setStringList(list(self._codes))

    def _on_chosen(self, display: str) -> None:
        code = self._codes.get(display)
        if code:
            self.sigUnitChosen.emit(code)

    def _on_return(self) -> None:
        matches = self._search.find(self.text(), limit=1)
        if matches:
            self.sigUnitChosen.emit(matches[0].code)
