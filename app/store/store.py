"""Opening and creating stores: one schema on an embedded SQLite/GeoPackage file or on PostgreSQL/PostGIS.

``Store`` is the one handle the rest of the program holds: an SQLAlchemy engine plus what it knows about the
backend. Everything above the store asks it for connections and never builds engines itself.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from app.domain.roles import AccessDenied, Principal, Role
from app.store import access, audit, geopackage, level_layers, partitions, triggers
from app.store.errors import SchemaVersionError, StoreError, explain_store_problems
from app.store.migrations import MIGRATIONS
from app.store.tables import Base
from app.store.tables.meta import Meta, new_store_id

SCHEMA_VERSION = 14  # one more than the last key of MIGRATIONS
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_STORE = ROOT / "data" / "jingkong.gpkg"

# How long an SQLite writer waits for another's write lock before giving up with a message: long enough for any
# write of ours (milliseconds), short enough that a command stuck behind a hung writer answers promptly.
BUSY_TIMEOUT_S = 5
# SQLite page cache of each of the store's connections (KiB). The operating system caches the file's pages too, so
# rereads stay fast; a bigger cache only holds memory: a connection keeps what a whole-table scan (the indicators,
# the record counts) read for as long as it stays in the pool — at 200 MB it was 600 MB of a full console's resident
# memory, three pooled connections each holding a scan.
CACHE_KIB = 32_000


def default_store_path() -> Path:
    """The embedded store: ``$JINGKONG_DB`` if it names a file, else ``data/jingkong.gpkg``."""
    env = os.environ.get("JINGKONG_DB")
    return Path(env) if env and "://" not in env else DEFAULT_STORE


def resolve_url(db: str | os.PathLike[str] | None) -> str:
    """A store URL from a path, an SQLAlchemy URL, or nothing (the embedded default)."""
    if db is None:
        env = os.environ.get("JINGKONG_DB")
        db = env if env else default_store_path()
    text_db = os.fspath(db).strip()
    if not text_db:
        raise StoreError("no store given: name a store file or an SQLAlchemy URL")
    if "://" in text_db:
        try:
            url = make_url(text_db)
        except ArgumentError:
            raise StoreError(f"not a store path or URL: {text_db!r}") from None
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise StoreError(f"unsupported store backend {url.get_backend_name()!r}: use a file path, sqlite:// or postgresql+psycopg://")
        return text_db
    return f"sqlite:///{Path(text_db).expanduser().resolve()}"


def os_user() -> str:
    """Who runs this program: ``$JINGKONG_USER`` or the login name (an embedded store's owner)."""
    return os.environ.get("JINGKONG_USER") or getpass.getuser()


@dataclass(frozen=True)
class Login:
    """A user of the store and their password (never printed: it is kept out of ``repr``)."""

    user: str
    password: str = field(repr=False)


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    return Path(parsed.database) if parsed.get_backend_name() == "sqlite" and parsed.database else None


def _make_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys = ON")
            cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
            cur.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            cur.close()
    else:
        engine = create_engine(url, pool_pre_ping=True)
    event.listen(engine, "handle_error", explain_store_problems(_shown(url), BUSY_TIMEOUT_S))
    return engine


def _shown(url: str) -> str:
    path = sqlite_path(url)
    return str(path) if path else _safe(url)


def store_exists(db: str | os.PathLike[str] | None) -> bool:
    """Whether ``db`` already holds something a new store would replace: any file, or a database with a store."""
    url = resolve_url(db)
    path = sqlite_path(url)
    if path is not None:
        return path.exists()
    engine = _make_engine(url)
    try:
        with engine.connect() as conn:
            return inspect(conn).has_table(Meta.__tablename__)
    except DBAPIError as exc:
        raise StoreError(f"cannot open store {_safe(url)}: {exc.orig}") from None
    finally:
        engine.dispose()


class Store:
    """A Jingkong store at ``url``. Use :meth:`open` for an existing store, :meth:`create` for a new one."""

    def __init__(self, url: str, engine: Engine, principal: Principal | None = None) -> None:
        self.url = url
        self.engine = engine
        self.principal = principal or access.owner_principal(os_user())

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def display_name(self) -> str:
        """The store as a user would name it, without a password."""
        path = sqlite_path(self.url)
        return str(path) if path else make_url(self.url).render_as_string(hide_password=True)

    @classmethod
    def open(cls, db: str | os.PathLike[str] | None = None, login: Login | None = None) -> Store:
        """Open an existing store, migrating an older schema and re-creating missing guard triggers, as ``login``
        (PostgreSQL: the database login; embedded: a user of the store) or as the owner; raise StoreError with
        the reason if it can't. A login is written to the audit trail."""
        url = resolve_url(db)
        path = sqlite_path(url)
        if path is not None and not path.exists():
            raise StoreError(f"no store at {path} (create one with: jingkong demo --out {path})")
        if path is not None and not path.is_file():
            raise StoreError(f"{path} is a folder, not a store file")
        if login is not None and path is None:
            url = make_url(url).set(username=login.user, password=login.password).render_as_string(hide_password=False)
        engine = _make_engine(url)
        try:
            with engine.begin() as conn:
                if not inspect(conn).has_table(Meta.__tablename__):
                    raise StoreError(f"{_shown(url)} is not a Jingkong store (no {Meta.__tablename__} table)")
                version = int(conn.scalar(select(Meta.value).where(Meta.key == "schema_version")) or 0)
                _migrate(conn, version)
                triggers.ensure(conn)
                partitions.ensure(conn)  # this month and the next ones partitioned (a login that owns the tables)
                principal = _principal(conn, login)
            if login is not None:
                with engine.begin() as conn:
                    audit.record(conn, principal.name, "login", "store", {"role": principal.role.value,
                                                                           "unit": principal.unit_code})
                    if conn.dialect.name == "sqlite":
                        audit.seal(conn)
        except DBAPIError as exc:
            engine.dispose()
            raise StoreError(f"cannot open store {_shown(url)}: {exc.orig}") from None
        except StoreError:
            engine.dispose()
            raise
        return cls(url, engine, principal)

    @classmethod
    def connect_new(cls, url: str) -> Store:
        """A handle on a store URL that may be empty; :func:`create_schema` fills it."""
        return cls(url, _make_engine(url))

    @contextmanager
    def begin(self, cache_kib: int | None = None) -> Iterator[Connection]:
        """A write transaction: committed on success, rolled back on any error (on SQLite it holds the write
        lock from its first statement, so its reads are not stale when it writes). ``cache_kib`` bounds SQLite's
        page cache for this transaction (a bulk writer's pages are written once: caching them only grows memory
        with the data); the connection gets the store's cache back afterwards."""
        with self.engine.begin() as conn:
            if self.dialect == "sqlite":
                # Take the write lock first, so two writers queue on the busy timeout instead of both reading and
                # one then failing to upgrade its stale snapshot ("database is locked"). pysqlite opens no
                # transaction of its own before a statement that is not DML, and commits or rolls back this one.
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                if cache_kib is not None:
                    conn.exec_driver_sql(f"PRAGMA cache_size = -{int(cache_kib)}")
            try:
                yield conn
                if self.dialect == "sqlite":
                    audit.seal(conn)  # chain what it added to the audit trail (PostgreSQL's trigger does it)
            finally:
                if self.dialect == "sqlite" and cache_kib is not None:
                    with suppress(DBAPIError):  # a broken connection's own error is the one to report
                        conn.exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KIB}")

    def add_user(self, name: str, role: Role, unit_code: str, password: str) -> Principal:
        """A new user of this store (PostgreSQL: a login in its role's group), recorded in the audit trail."""
        if self.dialect == "sqlite" and self.principal.role is not Role.ADMIN:
            raise AccessDenied(f"{self.principal.name} ({self.principal.role.value}) may not add users")
        with self.begin() as conn:
            user = access.add_user(conn, name, role, unit_code, password)
            audit.record(conn, self.principal.name, "user.add", f"user:{name}",
                         {"role": role.value, "unit": user.unit_code})
        return user

    def meta(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return dict(conn.execute(select(Meta.key, Meta.value)).all())

    def close(self) -> None:
        self.engine.dispose()


def _safe(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


TRANSIENT_SQLSTATES = ("40001", "40P01")  # serialization failure, deadlock detected: the same work may succeed again


def is_transient(exc: BaseException) -> bool:
    """True for a database error that retrying the whole transaction may resolve."""
    return isinstance(exc, DBAPIError) and getattr(exc.orig, "sqlstate", None) in TRANSIENT_SQLSTATES


def _principal(conn: Connection, login: Login | None) -> Principal:
    if conn.dialect.name == "postgresql":
        user = str(conn.scalar(text("SELECT session_user")))
        return access.principal_of(conn, user) or access.owner_principal(user)
    return access.login_embedded(conn, login.user, login.password) if login else access.owner_principal(os_user())


def _migrate(conn: Connection, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise SchemaVersionError(
            f"this store has schema version {version}, newer than this Jingkong ({SCHEMA_VERSION}): update Jingkong"
        )
    if version < 1:
        raise SchemaVersionError(f"store schema version {version} is not one Jingkong can read")
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](conn)
        version += 1
        conn.execute(text("UPDATE jingkong_meta SET value = :v WHERE key = 'schema_version'"), {"v": str(version)})


def create_schema(conn: Connection, meta: dict[str, str]) -> None:
    """Create every table and level view (dropping old ones) and, on SQLite, the GeoPackage registration."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis")
    level_layers.drop_views(conn)  # they depend on admin_units: PostgreSQL would refuse to drop it
    Base.metadata.drop_all(conn)
    if conn.dialect.name == "postgresql":  # the record tables partitioned by month (app.store.partitions)
        Base.metadata.create_all(conn, tables=[t for t in Base.metadata.sorted_tables
                                               if t.name not in partitions.PARTITIONED])
        for name in partitions.PARTITIONED:
            partitions.create(conn, name, partitions.period_of(meta))
    else:
        Base.metadata.create_all(conn)
    triggers.ensure(conn)
    geopackage.publish_layers(conn)
    meta = {"schema_version": str(SCHEMA_VERSION), "store_id": new_store_id(), **meta}
    conn.execute(Meta.__table__.insert(), [{"key": k, "value": v} for k, v in meta.items()])
