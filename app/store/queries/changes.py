"""One cheap read that changes whenever any console changes the data the figures are computed from."""

from __future__ import annotations

from sqlalchemy import inspect, text

from app.store.queries.indicators import id_limits
from app.store.store import Store

# Rows changed in place, which new ids do not reveal: warnings moving along their lifecycle, cameras going
# off line, samples getting a result, task events (appended, but a task's status is changed in place).
_IN_PLACE = {
    "warnings": "SELECT COUNT(*), COALESCE(MAX(updated_at), 0), COALESCE(SUM(status), 0) FROM warnings",
    "cameras": "SELECT COALESCE(SUM(status), 0) FROM cameras",
    "test_samples": "SELECT COUNT(result) FROM test_samples",
    "task_events": "SELECT COALESCE(MAX(id), 0) FROM task_events",
}


def data_token(store: Store) -> tuple[int, ...]:
    """Equal between two calls only if no record was added and none of the rows above changed in between."""
    limits = id_limits(store)
    with store.engine.connect() as conn:
        present = set(inspect(conn).get_table_names())
        in_place = [int(v or 0) for table, sql in _IN_PLACE.items() if table in present
                    for v in conn.execute(text(sql)).one()]
    return (*limits.values(), *in_place)
