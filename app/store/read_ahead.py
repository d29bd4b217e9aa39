"""Batches read by a thread of their own while the caller writes the previous ones.

Copying a town from a PostgreSQL centre into a pack spends its time in two places that can overlap: the server
producing the next batch (the reading thread waits on the socket, the GIL released) and SQLite storing this one
(``sqlite3`` releases the GIL while it steps). Read in turn, each waits for the other.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
_DONE = object()


def read_ahead(batches: Iterable[T], depth: int = 2) -> Iterator[T]:
    """The items of ``batches``, up to ``depth`` of them read ahead on another thread. What the reading raises is
    raised here; a caller that stops early stops the reader (it must not use the source meanwhile)."""
    ready: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        try:
            for batch in batches:
                if not put(batch):
                    return
        except BaseException as exc:  # noqa: BLE001  (handed to the caller, which raises it)
            put(exc)
            return
        put(_DONE)

    reader = threading.Thread(target=read, name="read-ahead", daemon=True)
    reader.start()
    try:
        while (item := ready.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        reader.join()
