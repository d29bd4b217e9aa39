"""Writing a whole new store without ever leaving a half-written one where a store is expected."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.store.errors import ensure_not_in_use
from app.store.store import Store, sqlite_path


@contextmanager
def written_aside(url: str) -> Iterator[Store]:
    """A new, empty store for ``url``. A file store is written to ``<file>.part`` and put in place only when the
    block ends without error — analysed, in WAL mode, and refused while someone has the target open; on an error or
    a cancel the part file goes and the target is as it was. A server store is written in place."""
    target = sqlite_path(url)
    part = target.with_name(target.name + ".part") if target else None
    if target:
        target.parent.mkdir(parents=True, exist_ok=True)
        ensure_not_in_use(target)  # fail before the work, and again just before the file is replaced
        part.unlink(missing_ok=True)
    store = Store.connect_new(f"sqlite:///{part}" if part else url)
    try:
        yield store
        if part:
            with store.engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE")
                conn.exec_driver_sql("PRAGMA journal_mode = WAL")
            store.close()
            ensure_not_in_use(target)
            for suffix in ("-wal", "-shm"):
                Path(str(target) + suffix).unlink(missing_ok=True)
            os.replace(part, target)
    except BaseException:
        store.close()
        if part:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(str(part) + suffix).unlink(missing_ok=True)
        raise
    finally:
        store.close()
