"""Bulk dispatch from the screening, trace and warning panels: say what will be done ("904 tasks to 212 grid
leaders"), ask, then do it as an undoable command (undo cancels the tasks, recorded in their audit trail)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from app.models.dispatch.service import TaskService
from app.models.dispatch_plan import BulkDispatch, DispatchPlan, Revoked
from app.models.warnings.service import WarningService
from app.views.undo_commands import DispatchCommand

ROLE_ORDER = ("grid_leader", "village_office", "town_office", "county_office")


class DispatchConfirmDialog(QMessageBox):
    """The question before a bulk dispatch; Cancel is the default button (a stray Enter sends nothing)."""

    def __init__(self, question: str, people: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Dispatch tasks"))
        self.setText(question)
        self.setInformativeText(self.tr("%n person(s) in all. Edit › Undo (Ctrl+Z) takes the dispatch back: the tasks "
                                        "are cancelled, with a note in their audit trail.", "", people))
        self.dispatch_button = self.addButton(self.tr("Dispatch"), QMessageBox.ButtonRole.AcceptRole)
        self.setDefaultButton(self.addButton(QMessageBox.StandardButton.Cancel))

    def confirmed(self) -> bool:
        self.exec()
        return self.clickedButton() is self.dispatch_button


class BulkDispatcher(QObject):
    """Asks before a panel's bulk dispatch and pushes it on ``undo_stack`` (the window's, once it sets it);
    ``report(text)`` shows the outcome in the panel."""

    def __init__(self, parent: QWidget, tasks: TaskService, report: Callable[[str], None],
                 warnings: WarningService | None = None) -> None:
        super().__init__(parent)
        self._parent, self._tasks, self._report, self._warnings = parent, tasks, report, warnings
        self.undo_stack = QUndoStack(self)

    def describe(self, plan: DispatchPlan) -> str:
        """``904 tasks to 212 grid leaders, 1 village office`` — receivers by role, grid leaders first."""
        phrases = {"grid_leader": lambda n: self.tr("%n grid leader(s)", "", n),
                   "village_office": lambda n: self.tr("%n village office(s)", "", n),
                   "town_office": lambda n: self.tr("%n town office(s)", "", n),
                   "county_office": lambda n: self.tr("the county command office", "", n)}
        receivers = self.tr(", ").join(phrases[r](plan.assignees[r]) for r in ROLE_ORDER if plan.assignees.get(r))
        return self.tr("%1 to %2").replace("%1", self.tr("%n task(s)", "", plan.tasks)).replace("%2", receivers)

    def dispatch(self, plan: DispatchPlan) -> list[int]:
        """The created task ids; [] when there is nothing to dispatch or the user says no."""
        if not plan.tasks:
            self._report(self.tr("Nothing to dispatch"))
            return []
        what = self.describe(plan)
        if not DispatchConfirmDialog(self.tr("Dispatch %1?").replace("%1", what), plan.people, self._parent).confirmed():
            self._report(self.tr("Dispatch cancelled: no task created"))
            return []
        bulk = BulkDispatch(self._tasks, plan, "console", self._warnings)
        self.undo_stack.push(DispatchCommand(bulk, self.tr("Dispatch %1").replace("%1", what), self._on_done, self._on_revoked))
        return bulk.task_ids

    def _on_done(self, task_ids: list[int]) -> None:
        self._report(self.tr("%n task(s) created", "", len(task_ids)))

    def _on_revoked(self, revoked: Revoked) -> None:
        text = self.tr("Dispatch taken back: %n task(s) cancelled", "", len(revoked.cancelled))
        if revoked.kept:
            text += " · " + self.tr("%n already closed, left as they are", "", len(revoked.kept))
        self._report(text)
