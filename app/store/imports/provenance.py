"""Import runs in the store: start one, write its batches (records, their provenance and the run's counts in
one transaction each, so a run killed at any point leaves whole batches only), finish, list and undo.

Ids are given by the writer: on SQLite one past the largest under the write lock the batch holds, on PostgreSQL
drawn from the table's sequence; new records therefore always have larger ids than the ones before, which is
what the indicator engine's incremental refresh counts on.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import Connection, delete, insert, select, text, update

from app.store.bulk import bulk_insert
from app.store.errors import StoreError
from app.store.geometry import encode_for, gpkg_blobs
from app.store.imports import boundary_undo
from app.store.store import Store
from app.store.tables.imports import ImportMapping, ImportRun, RecordSource

# Tables imports write to, numbered for record_sources.table_code. Never renumber: stores keep these numbers.
TABLE_CODES = {"admin_units": 1, "persons": 2, "places": 3, "scans": 4, "cameras": 5, "facilities": 6,
               "test_samples": 7, "vaccinations": 8, "quarantine_orders": 9, "clinic_visits": 10,
               "pharmacy_purchases": 11}
TABLE_NAMES = {code: name for name, code in TABLE_CODES.items()}
# Undo deletes in this order: what refers to persons, places and facilities goes before them.
UNDO_ORDER = ("scans", "test_samples", "vaccinations", "quarantine_orders", "clinic_visits", "pharmacy_purchases",
              "cameras", "places", "facilities", "persons")


@dataclass(frozen=True)
class RunCounts:
    rows_read: int = 0
    imported: int = 0
    skipped: int = 0
    rejected: int = 0


def start_run(store: Store, kind: str, source: str, file_name: str, sha256: str, mapping: dict, now: int) -> int:
    with store.begin() as conn:
        return int(conn.execute(insert(ImportRun).values(
            kind=kind, source=source, file_name=file_name[-260:], file_sha256=sha256, status="running",
            started_at=now, mapping=json.dumps(mapping, ensure_ascii=False))).inserted_primary_key[0])


def set_reject_file(store: Store, run_id: int, path: str) -> None:
    with store.begin() as conn:
        conn.execute(update(ImportRun).where(ImportRun.id == run_id).values(reject_file=path))


def _allocate_ids(conn: Connection, table: str, n: int) -> list[int]:
    if conn.dialect.name == "postgresql":
        return list(conn.execute(text(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) "
                                      "FROM generate_series(1, :n)"), {"n": n}).scalars())
    start = int(conn.execute(text(f"SELECT COALESCE(MAX(id), 0) FROM {table}")).scalar() or 0) + 1
    return list(range(start, start + n))


def write_batch(conn: Connection, run_id: int, table: str, rows: Sequence[dict[str, Any]],
                file_rows: Sequence[int], keys: Sequence[str | None], counts: RunCounts) -> list[int]:
    """Insert ``rows`` (column -> value; a ``geom`` as shapely) with their provenance, and add ``counts`` to the
    run, inside the caller's transaction. Returns the new ids."""
    ids = _allocate_ids(conn, table, len(rows)) if rows else []
    if rows:
        columns: dict[str, list[Any]] = {"id": ids}
        for name in rows[0]:
            columns[name] = [r[name] for r in rows]
        if "geom" in columns:
            dialect = conn.dialect.name
            geoms = columns["geom"]
            columns["geom"] = gpkg_blobs(_array(geoms)) if dialect == "sqlite" else [encode_for(dialect, g) for g in geoms]
        bulk_insert(conn, table, columns)
        bulk_insert(conn, RecordSource.__tablename__, {
            "table_code": [TABLE_CODES[table]] * len(ids), "record_id": ids, "import_id": [run_id] * len(ids),
            "file_row": list(file_rows), "key": list(keys)})
    conn.execute(update(ImportRun).where(ImportRun.id == run_id).values(
        rows_read=ImportRun.rows_read + counts.rows_read, imported=ImportRun.imported + counts.imported,
        skipped=ImportRun.skipped + counts.skipped, rejected=ImportRun.rejected + counts.rejected))
    return ids


def _array(values: list) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def finish_run(store: Store, run_id: int, status: str, now: int) -> None:
    with store.begin() as conn:
        conn.execute(update(ImportRun).where(ImportRun.id == run_id).values(status=status, finished_at=now))


def run_row(store: Store, run_id: int) -> dict[str, Any] | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(ImportRun).where(ImportRun.id == run_id)).mappings().first()
    return dict(row) if row else None


def list_runs(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(*[c for c in ImportRun.__table__.c if c.name != "mapping"])
                            .order_by(ImportRun.id)).mappings().all()
    return [dict(r) for r in rows]


def run_tables(store: Store, run_id: int) -> dict[str, int]:
    """Table -> records that the run added and still holds (what undoing it deletes)."""
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT table_code, COUNT(*) FROM record_sources WHERE import_id = :run "
                                 "GROUP BY table_code"), {"run": run_id}).all()
    return {TABLE_NAMES[code]: int(n) for code, n in rows}


# --- duplicates ---------------------------------------------------------------------------------------------
def _json_or_array(conn: Connection, values: list) -> tuple[str, Any]:
    """A parameter holding a list, and the SQL that unnests it, on either backend."""
    if conn.dialect.name == "sqlite":
        return "SELECT value FROM json_each(:vals)", json.dumps(values)
    return "SELECT unnest(CAST(:vals AS text[]))", [str(v) for v in values]


def present_keys(conn: Connection, table: str, keys: list[str]) -> dict[str, int]:
    """Source key -> record id of the keys of ``table`` that imports already wrote."""
    if not keys:
        return {}
    sql, vals = _json_or_array(conn, keys)
    return dict(conn.execute(text(f"SELECT key, record_id FROM record_sources WHERE table_code = :t AND key IN ({sql})"),
                             {"t": TABLE_CODES[table], "vals": vals}).all())


def present_values(conn: Connection, table: str, column: str, values: list[str]) -> dict[str, int]:
    """Value -> id of the ``values`` a unique column already holds (persons' identity hashes, cameras' codes)."""
    if not values:
        return {}
    sql, vals = _json_or_array(conn, values)
    return dict(conn.execute(text(f"SELECT {column}, id FROM {table} WHERE {column} IN ({sql})"), {"vals": vals}).all())


def person_ids(conn: Connection, hashes: list[str]) -> dict[str, int]:
    """Identity hash -> person id of the persons among ``hashes``."""
    return present_values(conn, "persons", "id_hash", hashes)


def present_events(conn: Connection, table: str, columns: Sequence[str], rows: list[tuple]) -> dict[tuple, int]:
    """Which of ``rows`` (values of ``columns``: person, time, then the rest) ``table`` already holds — the same
    person at the same time saying the same thing — with their ids. Probes the table's person index."""
    if not rows:
        return {}
    person, at = columns[0], columns[1]
    pairs = sorted({(r[0], r[1]) for r in rows})
    cols = ", ".join(f"t.{c}" for c in columns)
    if conn.dialect.name == "sqlite":
        sql = (f"SELECT {cols}, t.id FROM json_each(:pairs) j JOIN {table} t "
               f"ON t.{person} = json_extract(j.value, '$[0]') AND t.{at} = json_extract(j.value, '$[1]')")
        params: dict[str, Any] = {"pairs": json.dumps(pairs)}
    else:
        sql = (f"SELECT {cols}, t.id FROM unnest(CAST(:p AS bigint[]), CAST(:a AS bigint[])) AS j(p, a) "
               f"JOIN {table} t ON t.{person} = j.p AND t.{at} = j.a")
        params = {"p": [p for p, _ in pairs], "a": [a for _, a in pairs]}
    return {tuple(r[:-1]): r[-1] for r in conn.execute(text(sql), params).all()}


def imported_by(conn: Connection, run_id: int, table: str, ids: list[int]) -> set[int]:
    """Which of ``ids`` of ``table`` the run ``run_id`` wrote (a row repeating one of them repeats its own file)."""
    if not ids:
        return set()
    sql, vals = _json_or_array(conn, ids)
    if conn.dialect.name != "sqlite":
        sql, vals = "SELECT unnest(CAST(:vals AS bigint[]))", [int(i) for i in ids]
    return set(conn.execute(text(f"SELECT record_id FROM record_sources WHERE table_code = :t AND import_id = :run "
                                 f"AND record_id IN ({sql})"), {"t": TABLE_CODES[table], "run": run_id, "vals": vals}).scalars())


# --- undo ---------------------------------------------------------------------------------------------------
REFERENCES = {  # table -> where other tables refer to it
    "persons": [(t, "person_id") for t in ("scans", "test_samples", "vaccinations", "quarantine_orders", "transfers",
                                           "clinic_visits", "pharmacy_purchases", "warnings", "task_people")],
    "places": [("scans", "place_id")],
    "facilities": [("test_samples", "site_id"), ("vaccinations", "site_id"), ("quarantine_orders", "facility_id"),
                   ("transfers", "facility_id"), ("clinic_visits", "facility_id"),
                   ("pharmacy_purchases", "facility_id"), ("tasks", "facility_id"), ("trips", "destination_id")],
}
_MINE = "SELECT record_id FROM record_sources WHERE import_id = :run AND table_code = :code"


def undo_run(store: Store, run_id: int, now: int) -> dict[str, int]:
    """Delete every record the run added, in one transaction; refused (StoreError) while other records refer to
    them. A boundaries run puts back the admin layers it replaced (see ``boundary_undo``)."""
    with store.begin() as conn:
        run = conn.execute(select(ImportRun).where(ImportRun.id == run_id)).mappings().first()
        if run is None:
            raise StoreError(f"no import {run_id} (see: jingkong import list)")
        if run["status"] == "undone":
            raise StoreError(f"import {run_id} was already undone")
        if run["kind"] == "boundaries":
            deleted = boundary_undo.restore(conn, run_id)
        else:
            deleted = _delete_records(conn, run_id)
        conn.execute(delete(RecordSource).where(RecordSource.import_id == run_id))
        conn.execute(update(ImportRun).where(ImportRun.id == run_id).values(status="undone", finished_at=now))
    return deleted


def _delete_records(conn: Connection, run_id: int) -> dict[str, int]:
    deleted: dict[str, int] = {}
    for table in UNDO_ORDER:
        params = {"run": run_id, "code": TABLE_CODES[table]}
        n = int(conn.execute(text(f"SELECT COUNT(*) FROM ({_MINE}) m"), params).scalar() or 0)
        if not n:
            continue
        for other, column in REFERENCES.get(table, []):
            refs = conn.execute(text(f"SELECT COUNT(*) FROM {other} WHERE {column} IN ({_MINE})"), params).scalar()
            if refs:
                raise StoreError(f"import {run_id} cannot be undone: {refs} {other} refer to its {table} "
                                 "(undo the imports that added them first)")
        if table == "cameras":  # their status history goes with them
            conn.execute(text(f"DELETE FROM camera_status_events WHERE camera_id IN ({_MINE})"), params)
        conn.execute(text(f"DELETE FROM {table} WHERE id IN ({_MINE})"), params)
        deleted[table] = n
    return deleted


# --- mappings -----------------------------------------------------------------------------------------------
def saved_mapping(store: Store, source: str, kind: str) -> dict | None:
    with store.engine.connect() as conn:
        value = conn.scalar(select(ImportMapping.mapping).where(ImportMapping.source == source, ImportMapping.kind == kind))
    return json.loads(value) if value else None


def save_mapping(store: Store, source: str, kind: str, mapping: dict, now: int) -> None:
    with store.begin() as conn:
        conn.execute(delete(ImportMapping).where(ImportMapping.source == source, ImportMapping.kind == kind))
        conn.execute(insert(ImportMapping).values(source=source, kind=kind, updated_at=now,
                                                  mapping=json.dumps(mapping, ensure_ascii=False)))
