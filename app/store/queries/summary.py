"""Counts for ``jingkong info`` and the status bar: rows per table and per entity library."""

from __future__ import annotations

from sqlalchemy import func, inspect, select, table

from app.store.store import Store
from app.store.tables import ENTITY_LIBRARIES, RECORD_TABLES, Base


def table_counts(store: Store) -> dict[str, int]:
    """Rows in every Jingkong table present in the store."""
    with store.engine.connect() as conn:
        present = set(inspect(conn).get_table_names())
        names = [t for t in Base.metadata.tables if t in present and t != "jingkong_meta"]
        return {name: conn.scalar(select(func.count()).select_from(table(name))) or 0 for name in sorted(names)}


def library_counts(counts: dict[str, int]) -> dict[str, dict[str, int]]:
    return {lib: {t: counts.get(t, 0) for t in tables} for lib, tables in ENTITY_LIBRARIES.items()}


def records_total(counts: dict[str, int]) -> int:
    return sum(counts.get(t, 0) for t in RECORD_TABLES)
