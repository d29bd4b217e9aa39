"""Reads for the indicator engine's unchanging inputs: the unit tree, and the point tables per grid."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import inspect, text

from app.store.queries.arrays import fetch_ints
from app.store.queries.packed import bits_for, fetch_packed
from app.store.store import Store

Arrays = dict[str, np.ndarray]


@dataclass(frozen=True)
class UnitRows:
    """Every admin unit: id, level, parent id (-1 for the county), code and its figures."""

    ids: np.ndarray
    levels: np.ndarray
    parents: np.ndarray
    codes: np.ndarray  # object (str)
    names: np.ndarray  # object (str), Chinese
    population: np.ndarray
    households: np.ndarray
    area_km2: np.ndarray
    names_pinyin: np.ndarray  # object (str): the names in the English interface


def unit_rows(store: Store) -> UnitRows:
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, level, COALESCE(parent_id, -1), code, name_zh, population, households, "
                                 "area_km2, name_pinyin FROM admin_units ORDER BY code")).fetchall()
    cols = list(zip(*rows)) if rows else [()] * 9
    ints = [np.asarray(c, np.int64) for c in cols[:3]]
    return UnitRows(*ints, np.asarray(cols[3], object), np.asarray(cols[4], object), np.asarray(cols[5], np.int64),
                    np.asarray(cols[6], np.int64), np.asarray(cols[7], np.float64), np.asarray(cols[8], object))


def _ints(store: Store, sql: str, names: tuple[str, ...]) -> Arrays:
    with store.engine.connect() as conn:
        return fetch_ints(conn, sql, names)


def _packed(store: Store, table: str, fields: list[tuple[str, str]]) -> Arrays:
    """Non-negative integer columns of a point table, packed (widths from each column's largest value)."""
    with store.engine.connect() as conn:
        highs = conn.execute(text(f"SELECT {', '.join(f'COALESCE(MAX({sql}), 0)' for _, sql in fields)} FROM {table}")).one()
        return fetch_packed(conn, [(name, sql, bits_for(int(high))) for (name, sql), high in zip(fields, highs)], table)


def _grid(out: Arrays) -> Arrays:
    out["grid"] = out["grid"] - 1
    return out


def places(store: Store) -> Arrays:
    """Places: id, grid id (-1: none), kind."""
    return _grid(_packed(store, "places", [("id", "id"), ("grid", "COALESCE(grid_id, -1) + 1"), ("kind", "kind")]))


def cameras(store: Store) -> Arrays:
    """Cameras: grid id, status now, kind, and whether the camera has a status history (``tracked``)."""
    tracked = ("CASE WHEN EXISTS (SELECT 1 FROM camera_status_events e WHERE e.camera_id = cameras.id) "
               "THEN 1 ELSE 0 END")
    return _grid(_packed(store, "cameras", [("grid", "COALESCE(grid_id, -1) + 1"), ("status", "status"), ("kind", "kind"),
                                            ("tracked", tracked)]))


def camera_changes(store: Store) -> Arrays:
    """Every camera status event: the camera's grid id, the CST day, the status it set and the one before it
    (-1: the camera's first event)."""
    out = _ints(store, "SELECT COALESCE(c.grid_id, -1), (e.at + 28800) / 86400, e.status, "
                       "COALESCE(LAG(e.status) OVER (PARTITION BY e.camera_id ORDER BY e.at, e.id), -1) "
                       "FROM camera_status_events e JOIN cameras c ON c.id = e.camera_id",
                ("grid", "day", "status", "before"))
    return out


def facilities(store: Store) -> Arrays:
    return _grid(_packed(store, "facilities", [("grid", "COALESCE(grid_id, -1) + 1"), ("kind", "kind"),
                                               ("capacity", "capacity"),
                                               ("fever_clinic", "CASE WHEN fever_clinic THEN 1 ELSE 0 END")]))


def grid_leaders(store: Store) -> np.ndarray:
    return _packed(store, "grid_leaders", [("grid", "grid_id")])["grid"]


def tasks(store: Store) -> dict[str, np.ndarray]:
    """Dispatch tasks: assignee unit code, status, priority, and created/due/closed/escalated times (-1: not yet)."""
    with store.engine.connect() as conn:
        if not inspect(conn).has_table("tasks"):
            rows = []
        else:
            rows = conn.execute(text("SELECT assignee_code, status, priority, created_at, due_at, COALESCE(closed_at, -1), "
                                     "COALESCE(escalated_at, -1) FROM tasks")).fetchall()
    cols = list(zip(*rows)) if rows else [()] * 7
    names = ("code", "status", "priority", "created", "due", "closed", "escalated")
    return {name: np.asarray(col, object if name == "code" else np.int64) for name, col in zip(names, cols)}


def risk_periods(store: Store) -> Arrays:
    """Risk-area declarations: city, first and last CST day (a very late day while it lasts)."""
    return _ints(store, "SELECT city_id, (since_at + 28800) / 86400, COALESCE((until_at + 28800) / 86400, 999999) "
                        "FROM risk_areas", ("city", "since", "until"))


def home_city(store: Store) -> int:
    """The city id of the county itself (cities row 1 by convention; 0 if there is none)."""
    with store.engine.connect() as conn:
        return int(conn.execute(text("SELECT COALESCE(MIN(id), 0) FROM cities")).scalar() or 0)


__all__ = ["UnitRows", "camera_changes", "cameras", "facilities", "grid_leaders", "home_city", "places", "risk_periods", "tasks", "unit_rows"]
