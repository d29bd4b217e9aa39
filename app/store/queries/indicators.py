"""Reads for the indicator engine: the record tables as int64 arrays of people, days and small codes.

Each reader takes a ``Scope``: every row, only rows of some people (an incremental refresh re-reads the
people that new records touch), and optionally the row ids (to tell records already counted from new ones).
Days are CST day numbers; times become days in SQL so that few, narrow integers cross into Python.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import inspect, text

from app.store.queries.arrays import fetch_ints
from app.store.queries.packed import Field, bits_for, clip_sql, fetch_packed
from app.store.queries.scope import visible_rows
from app.store.store import Store

Arrays = dict[str, np.ndarray]
DAY_BASE = 10_957  # 2000-01-01: days are read as offsets from it, so 15 bits reach 2089
DAY_BITS = 15
DELAY_BITS = 25  # seconds from sampling to report, or pickup to arrival: up to 388 days
ID_CHUNK = 1_000_000  # rows per query when reading a whole table
PEOPLE_CHUNK = 100_000  # people per query when reading the records of some
BIRTH_BASE = 60_000  # birth days from 1805 on
RECORD_TABLES = ("scans", "test_samples", "vaccinations", "quarantine_orders", "transfers", "clinic_visits",
                 "pharmacy_purchases")


def _day(col: str) -> str:
    return clip_sql(f"({col} + 28800) / 86400 - {DAY_BASE}", (1 << DAY_BITS) - 1)


@dataclass(frozen=True)
class Scope:
    """Which rows to read: all, or those of ``persons``; ``with_ids`` adds each row's id."""

    persons: np.ndarray | None = None
    with_ids: bool = False
    limits: dict[str, int] = field(default_factory=dict)  # table -> largest id to read (also sets bit widths)


def id_limits(store: Store) -> dict[str, int]:
    """Largest id of every table the engine reads (0 when empty or absent): watermarks and bit widths."""
    with store.engine.connect() as conn:
        present = set(inspect(conn).get_table_names())
        tables = (*RECORD_TABLES, "warnings", "persons", "places", "admin_units", "cities")
        return {t: int(conn.execute(text(f"SELECT COALESCE(MAX(id), 0) FROM {t}")).scalar() or 0) if t in present else 0
                for t in tables}


def _read(store: Store, table: str, fields: list[Field], scope: Scope) -> Arrays:
    pid_bits = bits_for(scope.limits.get("persons", 1))
    fields = [("person", "person_id", pid_bits), *fields]
    if scope.with_ids:
        fields.append(("id", "id", bits_for(scope.limits.get(table, 1))))
    return _chunks(store, table, fields, scope, "person_id")


def _chunks(store: Store, table: str, fields: list[Field], scope: Scope, person_column: str) -> Arrays:
    """Read in chunks: of ids (rows up to the snapshot's id), or of the people in scope."""
    upto = int(scope.limits.get(table, 0))
    visible, params = visible_rows(store, table)  # a unit operator's rows only, as PostgreSQL's policy keeps them
    parts = []
    with store.engine.connect() as conn:
        if upto <= 0:  # empty, or absent from a store made before the table existed
            pass
        elif scope.persons is None:
            for lo in range(0, upto, ID_CHUNK):
                where = f"{table} WHERE id > {lo} AND id <= {min(lo + ID_CHUNK, upto)}{visible}"
                parts.append(fetch_packed(conn, fields, where, params))
        else:
            people = np.unique(scope.persons)
            where = f"{table} WHERE id <= {upto} AND {person_column} IN ({_id_list(conn.dialect.name)}){visible}"
            for lo in range(0, len(people), PEOPLE_CHUNK):
                ids = people[lo:lo + PEOPLE_CHUNK].tolist()
                parts.append(fetch_packed(conn, fields, where,
                                          {"ids": json.dumps(ids) if conn.dialect.name == "sqlite" else ids, **params}))
    if not parts:
        return {name: np.zeros(0, np.int64) for name, _, _ in fields}
    return {name: np.concatenate([p[name] for p in parts]) for name, _, _ in fields}


def _id_list(dialect: str) -> str:
    """A list of ids bound as one parameter (a JSON text on SQLite, an array on PostgreSQL): no SQL per id."""
    return "SELECT value FROM json_each(:ids)" if dialect == "sqlite" else "SELECT unnest(CAST(:ids AS bigint[]))"


def _days(arrays: Arrays, *names: str) -> Arrays:
    for name in names:
        arrays[name] = arrays[name] + DAY_BASE
    return arrays


def persons(store: Store, scope: Scope) -> Arrays:
    """Person rows: id, home grid id (-1: none), kind, occupation, sex, health code, birth day."""
    grid_bits = bits_for(scope.limits.get("admin_units", 1) + 1)
    fields: list[Field] = [("id", "id", bits_for(scope.limits.get("persons", 1))),
                           ("grid", "COALESCE(home_grid_id, -1) + 1", grid_bits), ("kind", clip_sql("kind", 3), 2),
                           ("occupation", clip_sql("occupation", 15), 4), ("sex", clip_sql("sex", 3), 2),
                           ("health", clip_sql("health_code", 3), 2), ("birth", clip_sql(f"birth_day + {BIRTH_BASE}", (1 << 17) - 1), 17)]
    out = _chunks(store, "persons", fields, scope, "id")
    out["grid"] -= 1
    out["birth"] -= BIRTH_BASE
    return out


def scans(store: Store, scope: Scope) -> Arrays:
    """Scans: person, place, day, direction, from city (0: none)."""
    fields: list[Field] = [("place", "place_id", bits_for(scope.limits.get("places", 1))), ("day", _day("at"), DAY_BITS),
                           ("direction", clip_sql("direction", 3), 2),
                           ("city", "COALESCE(from_city_id, 0)", bits_for(scope.limits.get("cities", 1)))]
    return _days(_read(store, "scans", fields, scope), "day")


def samples(store: Store, scope: Scope) -> Arrays:
    """Samples: person, day sampled, result (-1 pending), day reported, seconds to the report (0 while pending).

    Turnaround stays in exact seconds: a result 12 h 00 m 11 s after sampling is not "within 12 h"."""
    fields: list[Field] = [("day", _day("sampled_at"), DAY_BITS), ("result", "COALESCE(result, -1) + 1", 2),
                           ("second", "(sampled_at + 28800) % 86400", 17),
                           ("seconds", clip_sql("COALESCE(reported_at, sampled_at) - sampled_at", (1 << DELAY_BITS) - 1),
                            DELAY_BITS)]
    out = _days(_read(store, "test_samples", fields, scope), "day")
    out["result"] -= 1
    out["report_day"] = out["day"] + (out.pop("second") + out["seconds"]) // 86_400
    return out


def vaccinations(store: Store, scope: Scope) -> Arrays:
    fields: list[Field] = [("dose", clip_sql("dose", 7), 3), ("day", _day("at"), DAY_BITS)]
    return _days(_read(store, "vaccinations", fields, scope), "day")


def quarantine_orders(store: Store, scope: Scope) -> Arrays:
    fields: list[Field] = [("kind", clip_sql("kind", 3), 2), ("reason", clip_sql("reason", 7), 3),
                           ("start", _day("start_at"), DAY_BITS), ("end", _day("end_at"), DAY_BITS)]
    return _days(_read(store, "quarantine_orders", fields, scope), "start", "end")


def transfers(store: Store, scope: Scope) -> Arrays:
    """Transfers: person, pickup day, arrival day (-1 while under way), seconds from pickup to arrival."""
    fields: list[Field] = [("pickup", _day("pickup_at"), DAY_BITS),
                           ("arrival", f"CASE WHEN arrival_at IS NULL THEN 0 ELSE ({_day('arrival_at')}) + 1 END", DAY_BITS + 1),
                           ("seconds", clip_sql("COALESCE(arrival_at, pickup_at) - pickup_at", (1 << DELAY_BITS) - 1),
                            DELAY_BITS)]
    out = _days(_read(store, "transfers", fields, scope), "pickup")
    out["arrival"] = np.where(out["arrival"] > 0, out["arrival"] - 1 + DAY_BASE, -1)
    return out


def clinic_visits(store: Store, scope: Scope) -> Arrays:
    fields: list[Field] = [("day", _day("at"), DAY_BITS), ("fever_clinic", "CASE WHEN fever_clinic THEN 1 ELSE 0 END", 1),
                           ("diagnosis", clip_sql("diagnosis", 7), 3)]
    return _days(_read(store, "clinic_visits", fields, scope), "day")


def pharmacy_purchases(store: Store, scope: Scope) -> Arrays:
    fields: list[Field] = [("day", _day("at"), DAY_BITS), ("drug", clip_sql("drug", 7), 3),
                           ("quantity", clip_sql("quantity", 255), 8)]
    return _days(_read(store, "pharmacy_purchases", fields, scope), "day")


def warnings(store: Store, scope: Scope) -> Arrays:
    """Warnings: person, grid (-1: none), day raised, status, day of the last status change, dispatched (0/1).
    Warnings change status in place, so the engine reads them whole each time (there are few)."""
    fields: list[Field] = [("grid", "COALESCE(grid_id, -1) + 1", bits_for(scope.limits.get("admin_units", 1) + 1)),
                           ("day", _day("created_at"), DAY_BITS), ("status", clip_sql("status", 7), 3),
                           ("changed", _day("updated_at"), DAY_BITS),
                           ("dispatched", "CASE WHEN task_id IS NULL THEN 0 ELSE 1 END", 1)]
    out = _days(_read(store, "warnings", fields, scope), "day", "changed")
    out["grid"] -= 1
    return out


READERS = {"scans": scans, "test_samples": samples, "vaccinations": vaccinations, "quarantine_orders": quarantine_orders,
           "transfers": transfers, "clinic_visits": clinic_visits, "pharmacy_purchases": pharmacy_purchases}


def new_record_persons(store: Store, after: dict[str, int], limits: dict[str, int]) -> dict[str, np.ndarray]:
    """Per record table, the people named by its records with ids in ``(after, limits]`` (table -> id); under
    ``"persons"``, the people added in that range. Sorted, distinct ids."""
    out = {}
    with store.engine.connect() as conn:
        for table in (*RECORD_TABLES, "persons"):
            column = "id" if table == "persons" else "person_id"
            rows = []
            if limits.get(table, 0) > after.get(table, 0):
                rows = conn.execute(text(f"SELECT DISTINCT {column} FROM {table} WHERE id > :after AND id <= :upto"),
                                    {"after": after.get(table, 0), "upto": limits[table]}).fetchall()
            out[table] = np.unique(np.fromiter((r[0] for r in rows), np.int64, len(rows)))
    return out


def pending_samples(store: Store, after: int, upto: int) -> Arrays:
    """Samples with ids in ``(after, upto]`` still without a result: id and person."""
    with store.engine.connect() as conn:
        return fetch_ints(conn, "SELECT id, person_id FROM test_samples WHERE result IS NULL AND id > :after AND id <= :upto",
                          ("id", "person"), {"after": after, "upto": upto})


def reported_samples(store: Store, ids: np.ndarray) -> Arrays:
    """Of the samples ``ids``, those that have a result now: id and person."""
    parts = []
    with store.engine.connect() as conn:
        where = f"result IS NOT NULL AND id IN ({_id_list(conn.dialect.name)})"
        for lo in range(0, len(ids), PEOPLE_CHUNK):
            chunk = np.asarray(ids[lo:lo + PEOPLE_CHUNK]).tolist()
            parts.append(fetch_ints(conn, f"SELECT id, person_id FROM test_samples WHERE {where}", ("id", "person"),
                                    {"ids": json.dumps(chunk) if conn.dialect.name == "sqlite" else chunk}))
    if not parts:
        return {"id": np.zeros(0, np.int64), "person": np.zeros(0, np.int64)}
    return {k: np.concatenate([p[k] for p in parts]) for k in ("id", "person")}


__all__ = ["DAY_BASE", "READERS", "RECORD_TABLES", "Scope", "id_limits", "new_record_persons", "pending_samples",
           "persons", "reported_samples", "warnings"]
