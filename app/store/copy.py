"""``copy_store``: copy a whole store to another backend (GeoPackage/SQLite ⇄ PostgreSQL/PostGIS), all or nothing.

The target's schema is made by :func:`create_schema` at this Jingkong's version (on PostgreSQL with the record
tables partitioned by month), the rows are streamed table by table (``COPY`` on PostgreSQL, geometry as hex
EWKB), and keys, foreign keys and indexes are built after the rows, then ANALYZE.

What travels and how:

- **Identity hashes** travel as they are, so the target is keyed by the source's key: the source's key file is
  installed beside the target (or, for a store keyed by ``$JINGKONG_ID_KEY``, the target is keyed by that
  variable too); the fingerprint in ``jingkong_meta`` travels with the other metadata.
- **The audit trail** travels entry by entry with its ids and hashes (its guard triggers are suspended for the
  load only, so they neither re-chain the entries nor add entries for the copied task events): the hashes cover
  only the entries' own fields, so ``jingkong audit verify`` checks the copied chain on the target as it did on
  the source. One new entry, ``store.copy``, chained after them, anchors the copy: where from, the source's
  chain head and the rows copied.
- **Users** travel as rows of ``jingkong_users`` (name, role, unit); passwords do not — PostgreSQL keeps its
  logins' passwords itself and the embedded store keeps scrypt hashes, and neither is the other's to hold — so
  until a user's password is set again on the target (``jingkong centre``), only the target's owner opens it.
  On PostgreSQL the roles and row-level security are installed by ``jingkong centre init --url`` as for any store.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from app.store import audit, geopackage, partitions, triggers
from app.store.bulk import deferred_constraints, insert_rows
from app.store.errors import StoreError
from app.store.geometry import GeometryType, decode_many, encode_many
from app.store.identity_key import install_key, store_key
from app.store.side_file import written_aside
from app.store.store import Store, create_schema, os_user, resolve_url, sqlite_path
from app.store.tables import Base
from app.store.tables.meta import Meta

Progress = Callable[[float, str], None]
BATCH = 100_000
# the target's own version and identity (saved indicators are named by it); its roles are installed by `centre`
_NOT_COPIED_META = ("schema_version", "store_id", "centre")
_NOT_COPIED_COLUMNS = {("jingkong_users", "password_hash")}  # a password is set again on the target


@dataclass
class CopyReport:
    source: str
    target: str
    seconds: float
    rows: dict[str, int] = field(default_factory=dict)
    audit_entries: int = 0


def _same_store(a: str, b: str) -> bool:
    pa, pb = sqlite_path(a), sqlite_path(b)
    if pa is not None or pb is not None:
        return pa is not None and pb is not None and pa.resolve() == pb.resolve()
    ua, ub = make_url(a), make_url(b)
    return ((ua.host or "localhost"), ua.port or 5432, ua.database) == ((ub.host or "localhost"), ub.port or 5432, ub.database)


def _target_is_empty(url: str) -> bool:
    path = sqlite_path(url)
    if path is not None:
        return not path.exists()
    store = Store.connect_new(url)
    try:
        with store.engine.connect() as conn:
            return not [t for t in inspect(conn).get_table_names() if t != "spatial_ref_sys"]
    except DBAPIError as exc:
        raise StoreError(f"cannot reach the target {store.display_name}: {str(exc.orig).splitlines()[0]}") from None
    finally:
        store.close()


def copy_store(source: str | os.PathLike[str], target: str | os.PathLike[str], force: bool = False,
               progress: Progress | None = None) -> CopyReport:
    """Copy the store at ``source`` into ``target`` (a new file, or an empty database unless ``force``)."""
    progress = progress or (lambda _f, _m: None)
    started = time.perf_counter()
    src_url, dst_url = resolve_url(source), resolve_url(target)
    if _same_store(src_url, dst_url):
        raise StoreError("the source and the target are the same store")
    src = Store.open(src_url)
    try:
        key = store_key(src)  # a copy nobody can match identity numbers in is not worth making: fail first
        if not force and not _target_is_empty(dst_url):
            raise StoreError(f"the target {Store.connect_new(dst_url).display_name} is not empty: add --force to "
                             "replace what is there")
        report = _copy_to(src, dst_url, progress)
        install_key(dst_url, key)
    finally:
        src.close()
    report.seconds = time.perf_counter() - started
    progress(1.0, "done")
    return report


def _copy_to(src: Store, dst_url: str, progress: Progress) -> CopyReport:
    path = sqlite_path(dst_url)
    with written_aside(dst_url) as dst:
        report = _load(src, dst, progress)
        report.target = str(path) if path else dst.display_name
    return report


def _load(src: Store, dst: Store, progress: Progress) -> CopyReport:
    report = CopyReport(src.display_name, dst.display_name, 0.0)
    with src.engine.connect() as sconn, dst.engine.begin() as dconn:
        present = set(inspect(sconn).get_table_names())
        meta = {k: v for k, v in sconn.execute(text("SELECT key, value FROM jingkong_meta")).all()
                if k not in _NOT_COPIED_META}
        tables = [t for t in Base.metadata.sorted_tables if t.name in present and t.name != Meta.__tablename__]
        sizes = {t.name: int(sconn.scalar(text(f"SELECT count(*) FROM {t.name}"))) for t in tables}
        total, done = max(sum(sizes.values()), 1), 0
        if dconn.dialect.name == "sqlite":
            dconn.exec_driver_sql("PRAGMA synchronous = OFF")
        create_schema(dconn, meta)
        with _guards_suspended(dconn), deferred_constraints(dconn, [t.name for t in tables]):
            for table in tables:
                progress(0.9 * done / total, f"copying:{table.name}")
                report.rows[table.name] = _copy_table(sconn, dconn, table.name)
                done += sizes[table.name]
            progress(0.9, "indexes")
        _continue_sequences(dconn, [t.name for t in tables])
        partitions.ensure(dconn, sweep_default=True)  # months past the period copied into the default: their own
        if dconn.dialect.name == "sqlite":
            geopackage.update_extents(dconn)
        report.audit_entries = report.rows.get("audit_log", 0)
        head = sconn.scalar(text("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")) if "audit_log" in present else None
        audit.record(dconn, os_user(), "store.copy", f"store:{src.display_name}",
                     {"from": src.display_name, "source_chain_head": head or "",
                      "rows": sum(report.rows.values()), "audit_entries": report.audit_entries})
        if dconn.dialect.name == "sqlite":
            audit.seal(dconn)
        _, broken = audit.check_chain(dconn)
        if broken is not None:  # the source's own chain was broken: do not hand on a copy that hides where
            raise StoreError(f"the source's audit trail does not verify ({broken.reason}): run jingkong audit verify "
                             f"on {src.display_name}")
    return report


def _copy_table(sconn: Connection, dconn: Connection, name: str) -> int:
    table = Base.metadata.tables[name]
    source_columns = {c["name"] for c in inspect(sconn).get_columns(name)}
    columns = [c for c in table.columns if c.name in source_columns]
    geometry = [i for i, c in enumerate(columns) if isinstance(c.type, GeometryType)]
    selected = ["NULL" if (name, c.name) in _NOT_COPIED_COLUMNS else c.name for c in columns]
    n = 0
    for batch in _batches(sconn, name, selected):
        if geometry:
            batch = _convert_geometry(batch, geometry, dconn.dialect.name)
        insert_rows(dconn, name, [c.name for c in columns], batch)
        n += len(batch)
    return n


def _batches(conn: Connection, name: str, columns: list[str]) -> Iterator[list[tuple]]:
    """The table's rows in batches, streamed by the driver (a PostgreSQL server-side cursor)."""
    raw = conn.connection.driver_connection
    select = f"SELECT {', '.join(columns)} FROM {name}"
    if conn.dialect.name == "postgresql":
        cursor = raw.cursor(name=f"jingkong_copy_{name}")
        cursor.itersize = BATCH
    else:
        cursor = raw.cursor()
    try:
        cursor.execute(select)
        while batch := cursor.fetchmany(BATCH):
            yield batch
    finally:
        cursor.close()


def _convert_geometry(rows: list[tuple], positions: list[int], dialect: str) -> list[tuple]:
    columns = [list(c) for c in zip(*rows)]
    for i in positions:
        geoms = decode_many(columns[i])
        columns[i] = encode_many(dialect, geoms)
    return list(zip(*columns))


@contextmanager
def _guards_suspended(conn: Connection) -> Iterator[None]:
    """The triggers that would re-chain copied audit entries or add entries for copied task events, off while
    the rows go in and back on before the transaction ends (PostgreSQL: disabled; SQLite: dropped and re-made)."""
    postgres = conn.dialect.name == "postgresql"
    tables = sorted({t for t, _ in triggers.PG_TRIGGERS})
    if postgres:
        for table in tables:
            conn.exec_driver_sql(f"ALTER TABLE {table} DISABLE TRIGGER USER")
    else:
        for _table, name in triggers.SQLITE_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    yield
    if postgres:
        for table in tables:
            conn.exec_driver_sql(f"ALTER TABLE {table} ENABLE TRIGGER USER")
    else:
        triggers.ensure(conn)


def _continue_sequences(conn: Connection, tables: list[str]) -> None:
    """PostgreSQL: each table's id sequence continues after the copied ids (SQLite's AUTOINCREMENT does so)."""
    if conn.dialect.name != "postgresql":
        return
    for name in tables:
        for column in Base.metadata.tables[name].primary_key.columns:
            sequence = conn.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": name, "c": column.name})
            if sequence:
                conn.exec_driver_sql(f"SELECT setval('{sequence}', coalesce(max({column.name}), 0) + 1, false) "
                                     f"FROM {name}")
