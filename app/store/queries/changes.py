"""Cheap reads that change whenever any console changes a kind of data: one token per topic, so a console can
tell *what* moved on (records, warnings, tasks, transfers, incidents) and re-read only that."""

from __future__ import annotations

from sqlalchemy import inspect, text

from app.store.queries.indicators import id_limits
from app.store.store import Store

# Rows changed in place, which new ids do not reveal: warnings moving along their lifecycle, cameras going
# off line, samples getting a result, task events (appended, but a task's status is changed in place), trips
# picked up and arrived, incidents dispatched and closed. A task's status set behind the console's back (an
# UPDATE in a database shell: no event, no new version) still moves the sum of statuses, so the integrity alarm hears.
_IN_PLACE: dict[str, dict[str, str]] = {
    "records": {"cameras": "SELECT COALESCE(SUM(status), 0) FROM cameras",
                "camera_status_events": "SELECT COALESCE(MAX(id), 0) FROM camera_status_events",
                "test_samples": "SELECT COUNT(result) FROM test_samples"},
    "warnings": {"warnings": "SELECT COUNT(*), COALESCE(MAX(updated_at), 0), COALESCE(SUM(status), 0) FROM warnings"},
    "tasks": {"task_events": "SELECT COALESCE(MAX(id), 0) FROM task_events",
              "tasks": "SELECT COUNT(*), COALESCE(SUM(status), 0), COALESCE(SUM(version), 0) FROM tasks"},
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


def data_changes(store: Store) -> tuple[int, int]:
    """(count, token) of the changes to the indicators' data that new ids do not reveal (see app.store.triggers):
    equal between two calls only if no such change was committed in between."""
    with store.engine.connect() as conn:
        row = conn.execute(text("SELECT n, token FROM jingkong_data_changes WHERE id = 1")).first()
    return (int(row[0]), int(row[1])) if row else (0, 0)
