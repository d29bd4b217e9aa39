"""Row counts of the store's tables, for the status bar."""

from __future__ import annotations

from sqlalchemy import func, select

from app.store.store import Store
from app.store.tables import Base


def table_counts(store: Store, tables: tuple[str, ...]) -> dict[str, int]:
    """Rows in each named table (a full count: slow on the big record tables, run it off the GUI thread)."""
    out: dict[str, int] = {}
    with store.engine.connect() as conn:
        for name in tables:
            out[name] = int(conn.scalar(select(func.count()).select_from(Base.metadata.tables[name])) or 0)
    return out


__all__ = ["table_counts"]
