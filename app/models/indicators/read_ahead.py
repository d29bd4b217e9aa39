"""Record tables read ahead in a worker process while the engine counts the ones before (embedded store only).

A first computation on the full county spends half its time in SQLite reading the record tables, on one core.
A second thread gained nothing (two connections' reads ran no faster side by side: the sqlite3 module and SQLite's
own locks serialise them), so a spawned process reads the next tables while this one counts what it has; only the
arrays come back. PostgreSQL reads server-side already, and a small store is read before a process would start.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from app.domain.roles import Principal
from app.store.queries.indicators import READERS, Arrays, Scope
from app.store.store import Store, sqlite_path

# record rows from which a worker pays off: starting one (a Python with numpy and SQLAlchemy) costs about a second
# of the other core; the full county has 11.8 M
READ_AHEAD_ROWS = 2_000_000
# tables read ahead of the one being counted: each waiting table is held in memory (the full county's scans, 160 MB)
AHEAD = 2


def worthwhile(store: Store, limits: dict[str, int], min_rows: int = READ_AHEAD_ROWS) -> bool:
    """Whether to read ``store``'s record tables in a worker: an embedded store in a file, with enough rows."""
    path = sqlite_path(store.url)
    rows = sum(limits.get(t, 0) for t in READERS)
    return path is not None and path.is_file() and rows >= min_rows


def _read(url: str, principal: Principal, table: str, scope: Scope) -> Arrays:  # runs in the worker
    store = Store.connect_new(url, principal)
    try:
        return READERS[table](store, scope)
    finally:
        store.engine.dispose()


class ReadAhead:
    """Reads ``tables`` in that order in a worker, ``AHEAD`` at a time; ``take(table)`` waits for one (or reads it
    here if the worker did not, or could not, read it). Close it to stop the worker."""

    def __init__(self, store: Store, scope: Scope, tables: tuple[str, ...]) -> None:
        self._store, self._scope = store, scope
        self._queue = list(tables)
        self._futures: dict[str, Future[Arrays]] = {}
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        self._fill()

    def _fill(self) -> None:
        while self._pool is not None and self._queue and len(self._futures) < AHEAD:
            table = self._queue.pop(0)
            try:
                self._futures[table] = self._pool.submit(_read, self._store.url, self._store.principal, table, self._scope)
            except (BrokenProcessPool, RuntimeError):  # no worker could start: read here
                self.close()

    def take(self, table: str) -> Arrays:
        future = self._futures.pop(table, None)
        self._fill()  # the worker goes on with the next table while this one is counted
        if future is not None:
            try:
                return future.result()
            except BrokenProcessPool:
                self.close()
        return READERS[table](self._store, self._scope)

    def close(self, wait: bool = False) -> None:
        """Stop the worker; ``wait``: until it has ended (it is idle once every table was taken)."""
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
            self._pool = None
            self._futures.clear()
