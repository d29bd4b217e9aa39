"""Model events (psygnal) hold their view receivers weakly, but a view whose Qt object is deleted can outlive it
as a Python wrapper (a lambda or another object still refers to it); its slot would then run on a dead object.
When the console takes views down while the models live on (a language switch), it cuts those slots."""

from __future__ import annotations

import gc

from psygnal import SignalInstance
from PySide6.QtCore import QObject
from shiboken6 import isValid


def disconnect_dead_receivers() -> int:
    """Disconnect every model-event slot bound to a deleted Qt object; returns how many. Walks the live objects
    once (a language switch is rare; the walk costs milliseconds) and reads psygnal's slot list, which it has no
    public way to enumerate."""
    cut = 0
    for signal in [o for o in gc.get_objects() if isinstance(o, SignalInstance)]:
        for slot in list(signal._slots):
            receiver = slot.dereference()
            owner = getattr(receiver, "__self__", None)
            if isinstance(owner, QObject) and not isValid(owner):
                signal.disconnect(receiver)
                cut += 1
    return cut
