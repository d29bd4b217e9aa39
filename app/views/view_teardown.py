"""Taking a main window's views down while the models live on (a language switch rebuilds them).

Model events (psygnal) hold their view receivers weakly, but a view whose Qt object is deleted can outlive it as a
Python wrapper (a lambda or another object still refers to it); its slot would then run on a dead object, so the
slots of deleted views are cut."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable

from psygnal import SignalInstance
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar
from shiboken6 import isValid


def take_down_views(window: QMainWindow, docks: Iterable[QDockWidget], made: Iterable[QObject]) -> None:
    """Remove and delete what a window's build ``made`` (docks, tool bars, menus, central widget, status bar,
    actions, workers), keeping the parts Qt made for the window itself (its dock tab bars and splitters), and cut
    the models' slots into the deleted views."""
    for dock in docks:
        window.removeDockWidget(dock)
    for bar in window.findChildren(QToolBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
        window.removeToolBar(bar)
    window.menuBar().clear()
    for menu in window.menuBar().findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
        menu.deleteLater()
    window.takeCentralWidget().deleteLater()
    window.setStatusBar(None)
    for action in window.actions():
        window.removeAction(action)
    for child in made:
        if isValid(child):
            child.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    disconnect_dead_receivers()


def disconnect_dead_receivers() -> int:
    """Disconnect every model-event slot bound to a deleted Qt object; returns how many. Walks the live objects
    once (a language switch is rare; the walk costs milliseconds) and reads psygnal's slot list, which it has no
    public way to enumerate."""
    return _disconnect(lambda owner: not isValid(owner))


def disconnect_views_under(root: QObject) -> int:
    """Disconnect every model-event slot bound to ``root`` or a Qt object inside it (a window that is closed for
    good, such as the wall: once Python lets it go its items are deleted, while a model could still call them)."""

    def inside(owner: QObject) -> bool:
        while owner is not None and isValid(owner):
            if owner is root:
                return True
            owner = owner.parent()
        return False

    return _disconnect(inside)


def _disconnect(cut_if: Callable[[QObject], bool]) -> int:
    cut = 0
    for signal in [o for o in gc.get_objects() if isinstance(o, SignalInstance)]:
        # (an instance the collector still lists while psygnal tears it down has no slots left)
        for slot in list(getattr(signal, "_slots", ())):
            receiver = slot.dereference()
            owner = getattr(receiver, "__self__", None)
            if isinstance(owner, QObject) and cut_if(owner):
                signal.disconnect(receiver)
                cut += 1
    return cut
