"""The audit trail as the console and the CLI use it: write what the principal did, read it, and check it.

:meth:`check` walks the hash chain from its first entry and compares every task with its events; a task whose
status was set behind the application's back (``UPDATE tasks SET status = 4`` in psql) shows as a mismatch.
"""

from __future__ import annotations

from typing import Any

from app.store import Store, audit
from app.store.audit import Anchor, AuditReport, Mismatch


class AuditTrail:
    def __init__(self, store: Store) -> None:
        self.store = store

    def record(self, action: str, subject: str, detail: dict[str, Any] | None = None) -> None:
        """One entry by the store's principal, in a transaction of its own."""
        with self.store.begin() as conn:
            audit.record(conn, self.store.principal.name, action, subject, detail)

    def record_export(self, what: str, rows: int, out: str) -> None:
        """Data leaving the store: who, what and how many rows."""
        self.record("export", what, {"rows": rows, "out": out})

    def check(self, anchor: Anchor | None = None) -> AuditReport:
        with self.store.engine.connect() as conn:
            return audit.verify(conn, anchor)

    def head(self) -> Anchor | None:
        """The newest sealed entry: written down elsewhere, it makes a later rewrite of the chain detectable."""
        with self.store.engine.connect() as conn:
            return audit.head(conn)

    def mismatches(self) -> list[Mismatch]:
        """Tasks whose status is not where their events leave them (cheap enough to poll)."""
        with self.store.engine.connect() as conn:
            return audit.state_mismatches(conn, limit=100)

    def recent(self, limit: int = 50) -> list[dict[str, Any]]:
        with self.store.engine.connect() as conn:
            return audit.recent(conn, limit)
