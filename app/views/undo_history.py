"""The console's undo stack: records map navigation, selection and the corners of an area being drawn as the
user makes them, and takes bulk dispatches pushed by the panels; Edit › Undo / Redo and a history view.

The stack belongs to the session, not to a window: the composition root makes one :class:`ConsoleUndo` and hands it
to the main window, which attaches each build of its views to it (a language switch rebuilds them). Its commands
act on the console's models and on this object — never on a widget of one build — so Ctrl+Z after a language switch
undoes what was done before it.

Navigation is recorded once the view settles (a wheel spin or a drag is one step, as QGIS's "zoom last"), and
not when the window is resized: a resize changes the view's extent but is not a place the user went to.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, QSize, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QUndoView, QWidget

from app.map.area_sketch import AreaSketch
from app.map.canvas import MapCanvas
from app.map.language import unit_names
from app.models.admin_atlas import AdminAtlas
from app.models.context import ConsoleContext
from app.views.bulk_dispatch import BulkDispatcher
from app.views.undo_commands import AddVertexCommand, Replay, SelectUnitCommand, ViewCommand

SETTLE_MS = 350  # a view unchanged this long is a step of its own


class ConsoleUndo(QObject):
    """``stack`` holds the commands for the whole session; ``attach(canvas, atlas, window)`` follows one build of
    the window's views and makes its ``undo_action`` / ``redo_action`` (Ctrl+Z, Ctrl+Shift+Z) for the menus."""

    def __init__(self, context: ConsoleContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.replay = Replay()
        self._context = context
        self._canvas: MapCanvas | None = None
        self._atlas: AdminAtlas | None = None
        self._selected = context.selected_unit
        self.recording = True  # off while the wall presents: the units it cycles through are not the user's steps
        self._settled, self._size = QRectF(), QSize()
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._on_view_settled)
        context.events.selected_unit.connect(self._on_selected_unit_change)

    def attach(self, canvas: MapCanvas, atlas: AdminAtlas, window: QWidget) -> None:
        """Follow this build's map (its view and its sketch) and name units from ``atlas``. The actions are made
        anew for each build, as children of ``window``, so their words are in the language of that build."""
        self._canvas, self._atlas = canvas, atlas
        canvas.sigViewChanged.connect(self._settle.start)
        canvas.sketch.sigVertexAdded.connect(self._on_vertex_added)
        self.undo_action = self._shortcut(self.stack.createUndoAction(window, self.tr("Undo")), QKeySequence("Ctrl+Z"))
        self.redo_action = self._shortcut(self.stack.createRedoAction(window, self.tr("Redo")),
                                          QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))
        self.rebase()

    @property
    def sketch(self) -> AreaSketch | None:
        """The area being drawn on the map of the current build."""
        return self._canvas.sketch if self._canvas is not None else None

    @staticmethod
    def _shortcut(action: QAction, *keys: QKeySequence) -> QAction:
        action.setShortcuts(list(keys))
        return action

    def adopt(self, root: QObject) -> None:
        """Panels' bulk dispatches under ``root`` go on this stack (a panel alone keeps its own)."""
        for dispatcher in root.findChildren(BulkDispatcher):
            dispatcher.undo_stack = self.stack

    def history_view(self, parent: QWidget) -> QUndoView:
        view = QUndoView(self.stack, parent)
        view.setEmptyLabel(self.tr("<opened>"))
        return view

    def rebase(self) -> None:
        """Take the current view as where the user is (after restoring the last session's view)."""
        self._settle.stop()
        if self._canvas is not None:
            self._settled, self._size = QRectF(self._canvas.vb.viewRect()), QSize(self._canvas.viewport().size())

    # --- recording ------------------------------------------------------------------------------------
    def _show(self, rect: QRectF) -> None:
        if self._canvas is not None:
            self._canvas.vb.setRange(rect, padding=0)
            self.rebase()

    def _on_view_settled(self) -> None:
        if self._canvas is None:
            return
        rect, size = QRectF(self._canvas.vb.viewRect()), QSize(self._canvas.viewport().size())
        if self.replay or size != self._size or rect == self._settled:
            self._settled, self._size = rect, size
            return
        self.stack.push(ViewCommand(self.replay, self._show, self._settled, rect))
        self._settled = rect

    def _on_selected_unit_change(self, code: str | None) -> None:
        old, self._selected = self._selected, code
        if self.recording and not self.replay:
            self.stack.push(SelectUnitCommand(self.replay, self._context, old, code, self._selection_text(code)))

    def _selection_text(self, code: str | None) -> str:
        if not code:
            return self.tr("Clear selection")
        found = self._atlas.find(code) if self._atlas is not None else None
        return self.tr("Select %1").replace("%1", str(unit_names(found[0].data)[found[1]]) if found else code)

    def _on_vertex_added(self, x: float, y: float) -> None:
        if not self.replay:
            self.stack.push(AddVertexCommand(self.replay, lambda: self.sketch, x, y))
