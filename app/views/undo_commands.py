"""The console's reversible actions, one ``QUndoCommand`` class each (QGIS and napari keep one per action).

Commands change the state through the same models the user's clicks do, so every view follows an undo as it
follows a click. ``redo()`` of a freshly pushed command is the action itself for :class:`DispatchCommand`;
the others record an action already done and skip their first ``redo()``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QUndoCommand

from app.map.area_sketch import AreaSketch
from app.models.context import ConsoleContext
from app.models.dispatch_plan import BulkDispatch, Revoked


class Replay:
    """Set while a command replays an action, so the recorder that listens to the models does not record the
    replay as a new action (``with replay:``; ``bool(replay)`` tells)."""

    def __init__(self) -> None:
        self._depth = 0

    def __bool__(self) -> bool:
        return self._depth > 0

    def __enter__(self) -> Replay:
        self._depth += 1
        return self

    def __exit__(self, *_: object) -> None:
        self._depth -= 1


class _Recorded(QUndoCommand):
    """A command for an action the user has already done: pushing it must not do it twice."""

    def __init__(self, text: str, replay: Replay) -> None:
        super().__init__(text)
        self._replay = replay
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        with self._replay:
            self.apply_new()

    def undo(self) -> None:
        with self._replay:
            self.apply_old()

    def apply_new(self) -> None:
        raise NotImplementedError

    def apply_old(self) -> None:
        raise NotImplementedError


class ViewCommand(_Recorded):
    """A map navigation: pan, zoom, Home, drill or search moved the view from ``old`` to ``new`` (map metres)."""

    def __init__(self, replay: Replay, show: Callable[[QRectF], None], old: QRectF, new: QRectF) -> None:
        super().__init__(QCoreApplication.translate("Undo", "Move the map"), replay)
        self._show, self.old, self.new = show, QRectF(old), QRectF(new)

    def apply_old(self) -> None:
        self._show(self.old)

    def apply_new(self) -> None:
        self._show(self.new)


class SelectUnitCommand(_Recorded):
    """The selected unit changed from ``old`` to ``new`` (codes; None is no selection)."""

    def __init__(self, replay: Replay, context: ConsoleContext, old: str | None, new: str | None, text: str) -> None:
        super().__init__(text, replay)
        self._context, self.old, self.new = context, old, new

    def apply_old(self) -> None:
        self._context.selected_unit = self.old

    def apply_new(self) -> None:
        self._context.selected_unit = self.new


class AddVertexCommand(_Recorded):
    """A corner clicked while drawing an area. Once the drawing is finished or cancelled the corner is gone
    with it: undoing it then does nothing and the command leaves the stack (obsolete)."""

    def __init__(self, replay: Replay, sketch: AreaSketch, x: float, y: float) -> None:
        super().__init__(QCoreApplication.translate("Undo", "Add a corner"), replay)
        self._sketch, self.vertex = sketch, (x, y)

    def _current(self) -> bool:
        return self._sketch.active

    def apply_old(self) -> None:
        if self._current() and self._sketch.vertices and self._sketch.vertices[-1] == self.vertex:
            self._sketch.remove_last()
        else:
            self.setObsolete(True)

    def apply_new(self) -> None:
        if self._current():
            self._sketch.add(*self.vertex)
        else:
            self.setObsolete(True)


class DispatchCommand(QUndoCommand):
    """A bulk dispatch: redo creates the tasks, undo cancels those still open (recorded in their audit trail)
    and reports what it did through ``on_revoked``."""

    def __init__(self, dispatch: BulkDispatch, text: str, on_done: Callable[[list[int]], None],
                 on_revoked: Callable[[Revoked], None]) -> None:
        super().__init__(text)
        self.dispatch, self._on_done, self._on_revoked = dispatch, on_done, on_revoked

    def redo(self) -> None:
        self._on_done(self.dispatch.run())

    def undo(self) -> None:
        note = QCoreApplication.translate("Undo", "undo in the console: %1").replace("%1", self.text())
        self._on_revoked(self.dispatch.revoke(note))
