"""Setting up a command centre on an existing PostgreSQL server: database, schema, roles, policies, first admin."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from app.domain.roles import COUNTY_CODE, Role
from app.store import access, triggers
from app.store.errors import StoreError
from app.store.store import Store, create_schema
from app.store.tables.meta import Meta


def _create_database(url: str) -> bool:
    """Create the URL's database on its server if it is missing; True if it was created."""
    target = make_url(url)
    engine = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            if conn.exec_driver_sql("SELECT 1 FROM pg_database WHERE datname = %(n)s", {"n": target.database}).first():
                return False
            conn.exec_driver_sql(f'CREATE DATABASE "{target.database}"')
            return True
    finally:
        engine.dispose()


def init_centre(url: str, admin: str | None, password: str | None) -> list[str]:
    """Make the database at ``url`` a command centre (idempotent); returns what was done, one line each."""
    done = []
    try:
        if _create_database(url):
            done.append(f"created database {make_url(url).database}")
        store = Store.connect_new(url)
        try:
            with store.begin() as conn:
                conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis")
                if not inspect(conn).has_table(Meta.__tablename__):
                    create_schema(conn, {"scale": "empty", "seed": "0"})
                    done.append("created an empty store (fill it with: jingkong demo --out URL, then init again)")
            store.close()
            store = Store.open(url)  # migrates an older store and re-creates missing guard triggers
            with store.begin() as conn:
                triggers.ensure(conn)
                access.install(conn)
                done.append(f"roles {', '.join(access.group_role(r) for r in Role)}, row-level security and "
                            "privileges installed")
            if admin:
                store.add_user(admin, Role.ADMIN, COUNTY_CODE, password or "")
                done.append(f"admin {admin} can log in")
        finally:
            store.close()
    except DBAPIError as exc:
        raise StoreError(f"cannot set up the centre at {make_url(url).render_as_string(hide_password=True)}: "
                         f"{str(exc.orig).splitlines()[0]}") from None
    return done
