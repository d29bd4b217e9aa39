"""The console's reversible actions, one ``QUndoCommand`` class each (QGIS and napari keep one per action).

Commands change the state through the same models the user's clicks do, so every view follows an undo as it
follows a click. They hold no widget of one build of the window (a language switch rebuilds the views while the
stack lives on): the map and its sketch are reached through the session's :class:`ConsoleUndo`, and a panel that
reported a dispatch is told its outcome only while it lives. ``redo()`` of a freshly pushed command is the action itself for :class:`DispatchCommand`;
the others record an action already done and skip their first ``redo()``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRectF
from PySide6.QtGui import QUndoCommand
from shiboken6 import isValid

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
    """A corner clicked while drawing an area, on the sketch ``sketch()`` gives now (the map of the current build).
    Once the drawing is finished or cancelled the corner is gone with it: undoing it then does nothing and the
    command leaves the stack (obsolete)."""

    def __init__(self, replay: Replay, sketch: Callable[[], AreaSketch | None], x: float, y: float) -> None:
        super().__init__(QCoreApplication.translate("Undo", "Add a corner"), replay)
        self._sketch, self.vertex = sketch, (x, y)

    def apply_old(self) -> None:
        sketch = self._sketch()
        if sketch is not None and sketch.active and sketch.vertices and sketch.vertices[-1] == self.vertex:
            sketch.remove_last()
        else:
            self.setObsolete(True)

    def apply_new(self) -> None:
        sketch = self._sketch()
        if sketch is not None and sketch.active:
            sketch.add(*self.vertex)
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
        task_ids = self.dispatch.run()
        if _alive(self._on_done):
            self._on_done(task_ids)

    def undo(self) -> None:
        note = QCoreApplication.translate("Undo", "undo in the console: %1").replace("%1", self.text())
        revoked = self.dispatch.revoke(note)
        if _alive(self._on_revoked):  # the panel that dispatched may have been rebuilt (language switch) since
            self._on_revoked(revoked)


def _alive(callback: Callable[..., object]) -> bool:
    """False for a method of a Qt object already deleted (calling it would touch freed memory)."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or isValid(owner)
