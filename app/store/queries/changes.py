"""Cheap reads that change whenever any console changes a kind of data: one token per topic, so a console can
tell *what* moved on (records, warnings, tasks, transfers, incidents) and re-read only that."""

from __future__ import annotations

from sqlalchemy import inspect, text

from app.store.queries.indicators import id_limits
from app.store.store import Store

# Rows changed in place, which new ids do not reveal: warnings moving along their lifecycle, cameras going
# off line, samples getting a result, task events (appended, but a task's status is changed in place), trips
# picked up and arrived, incidents dispatched and closed.
_IN_PLACE: dict[str, dict[str, str]] = {
    "records": {"cameras": "SELECT COALESCE(SUM(status), 0) FROM cameras",
                "camera_status_events": "SELECT COALESCE(MAX(id), 0) FROM camera_status_events",
                "test_samples": "SELECT COUNT(result) FROM test_samples"},
    "warnings": {"warnings": "SELECT COUNT(*), COALESCE(MAX(updated_at), 0), COALESCE(SUM(status), 0) FROM warnings"},
    "tasks": {"task_events": "SELECT COALESCE(MAX(id), 0) FROM task_events"},
    "transfers": {"trips": "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM trips",
                  "transfers": "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM transfers"},
    "incidents": {"incidents": "SELECT COUNT(*), COALESCE(SUM(COALESCE(dispatched_at, 0) + COALESCE(closed_at, 0)), 0) "
                               "FROM incidents",
                  "incident_events": "SELECT COALESCE(MAX(id), 0) FROM incident_events"},
}
TOPICS = tuple(_IN_PLACE)


def data_tokens(store: Store) -> dict[str, tuple[int, ...]]:
    """Per topic, a token equal between two calls only if nothing of that topic was added or changed in between."""
    limits = id_limits(store)
    with store.engine.connect() as conn:
        present = set(inspect(conn).get_table_names())
        tokens = {topic: tuple(int(v or 0) for table, sql in reads.items() if table in present
                               for v in conn.execute(text(sql)).one())
                  for topic, reads in _IN_PLACE.items()}
    tokens["records"] = (*limits.values(), *tokens["records"])
    return tokens
