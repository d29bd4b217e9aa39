"""Users, roles and what each may see, enforced by the store.

On PostgreSQL (:func:`install`) every role of ``app.domain.roles`` is a group role ``jingkong_<role>``:
row-level security limits persons, their records, tasks (with their events, people and trips) and warnings to
the units under the login's unit; masked roles may select every column of ``persons`` but the identity hash
and the full name; read-only roles write nothing; nobody but the owner may change ``audit_log`` (triggers
refuse even the owner). A login's scope comes from ``jingkong_users`` through a SECURITY DEFINER function
keyed on ``session_user`` — not from a setting the session could change.

On the embedded store the same rules are kept by the data layer: queries filter by ``Store.principal``.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time

from sqlalchemy import Connection, insert, select, text

from app.domain.roles import COUNTY_CODE, Principal, Role, check_unit_for, local_admin
from app.store.errors import StoreError
from app.store.tables import RECORD_TABLES
from app.store.tables.access import User
from app.store.triggers import run_ddl

MASKED_COLUMNS = ("id_hash", "name")  # what a masked role may never select
WRITABLE = {"tasks": "INSERT, UPDATE", "warnings": "INSERT, UPDATE", "trips": "INSERT, UPDATE",
            "task_events": "INSERT", "task_people": "INSERT", "transfers": "INSERT", "quarantine_orders": "INSERT"}
_UNIT_SCOPED = {"tasks": "assignee_code LIKE (SELECT jingkong_scope()) || '%'",
                "warnings": "grid_id = ANY ((SELECT jingkong_visible_units())::integer[])",
                "persons": "home_grid_id = ANY ((SELECT jingkong_visible_units())::integer[])",
                **{t: "task_id IN (SELECT id FROM tasks)" for t in ("task_events", "task_people", "trips")},
                **{t: "person_id IN (SELECT id FROM persons)" for t in RECORD_TABLES}}


def group_role(role: Role) -> str:
    return f"jingkong_{role.value}"


_FUNCTIONS = (
    # '' for county-wide roles (everything), the unit code for town/grid operators, NULL (nothing) for a login
    # that is no user of this store
    f"""CREATE OR REPLACE FUNCTION jingkong_scope() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
      SELECT CASE WHEN role IN ('{Role.TOWN_OPERATOR}', '{Role.GRID_OPERATOR}') THEN unit_code ELSE '' END
      FROM jingkong_users WHERE name = session_user::text $$""",
    """CREATE OR REPLACE FUNCTION jingkong_visible_units() RETURNS integer[] LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
      SELECT coalesce(array_agg(id), '{}') FROM admin_units WHERE code LIKE jingkong_scope() || '%' $$""",
)


def _create_group_roles(conn: Connection) -> None:
    for role in Role:
        run_ddl(conn, 
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group_role(role)}') THEN "
            f"CREATE ROLE {group_role(role)} NOLOGIN; END IF; END $$")


def _tables(conn: Connection) -> list[str]:
    """The store's tables and views, but not the partitions of a partitioned table: row-level security applies to
    reads through the parent only, so a partition must stay out of every role's reach."""
    return list(conn.scalars(text("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                                  "AND NOT coalesce((SELECT relispartition FROM pg_class WHERE oid = to_regclass("
                                  "quote_ident(table_name))), false) ORDER BY table_name")))


def install(conn: Connection) -> None:
    """Group roles, scope functions, row-level security and privileges on a PostgreSQL store (idempotent)."""
    if conn.dialect.name != "postgresql":
        raise StoreError("roles and row-level security are for a PostgreSQL store: the embedded store keeps its "
                         "rules in the data layer")
    _create_group_roles(conn)
    for ddl in _FUNCTIONS:
        run_ddl(conn, ddl)
    groups = [group_role(r) for r in Role]
    everyone = ", ".join(groups)
    tables = _tables(conn)
    run_ddl(conn, f"GRANT USAGE ON SCHEMA public TO {everyone}")
    run_ddl(conn, f"REVOKE ALL ON {', '.join(tables)} FROM PUBLIC, {everyone}")
    plain = [t for t in tables if t not in ("persons", "audit_log", "jingkong_users")]
    run_ddl(conn, f"GRANT SELECT ON {', '.join(plain)} TO {everyone}")
    run_ddl(conn, f"GRANT SELECT ON jingkong_users TO {everyone}")
    run_ddl(conn, f"GRANT INSERT ON audit_log TO {everyone}")
    run_ddl(conn, f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {everyone}")
    run_ddl(conn, f"GRANT SELECT ON audit_log TO {group_role(Role.ADMIN)}, {group_role(Role.AUDITOR)}")
    run_ddl(conn, f"GRANT INSERT, UPDATE, DELETE ON jingkong_users TO {group_role(Role.ADMIN)}")
    person_columns = conn.scalars(text("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                       "'public' AND table_name = 'persons' ORDER BY ordinal_position")).all()
    shown = ", ".join(c for c in person_columns if c not in MASKED_COLUMNS)
    for role in Role:
        who = group_role(role)
        run_ddl(conn, f"GRANT SELECT ({shown}) ON persons TO {who}" if role.masked
                             else f"GRANT SELECT ON persons TO {who}")
        if not role.read_only:
            for table, rights in WRITABLE.items():
                run_ddl(conn, f"GRANT {rights} ON {table} TO {who}")
    for table, rule in {**_UNIT_SCOPED, "jingkong_users": None}.items():
        run_ddl(conn, f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        run_ddl(conn, f"DROP POLICY IF EXISTS jingkong_scope ON {table}")
        using = ("name = session_user::text" if rule is None
                 else f"(SELECT jingkong_scope()) = '' OR {rule}")
        run_ddl(conn, f"CREATE POLICY jingkong_scope ON {table} USING ({using})")
    run_ddl(conn, "INSERT INTO jingkong_meta (key, value) VALUES ('centre', '1') ON CONFLICT (key) DO NOTHING")


def _scram(conn: Connection, name: str, password: str) -> str:
    """The password as PostgreSQL stores it, computed by libpq here: the clear text never reaches the server
    (nor its statement log)."""
    pgconn = conn.connection.dbapi_connection.pgconn  # type: ignore[union-attr]
    return pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256").decode()


def _scrypt(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


def _check_name(name: str) -> str:
    if not name or len(name.encode()) > 63 or not (name[0].isalpha() or name[0] == "_") \
            or not all(c.isalnum() or c == "_" for c in name):
        raise ValueError(f"{name!r} is not a user name (letters, digits and _, starting with a letter; at most 63 bytes)")
    return name


def add_user(conn: Connection, name: str, role: Role, unit_code: str, password: str) -> Principal:
    """A user of this store: a PostgreSQL login in its role's group, or (embedded) a row with a password hash."""
    _check_name(name)
    code = check_unit_for(role, unit_code)
    if not password:
        raise ValueError("a user needs a password")
    postgres = conn.dialect.name == "postgresql"
    if postgres:
        exists = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
        verb = "ALTER" if exists else "CREATE"
        extra = " CREATEROLE" if role is Role.ADMIN else ""
        run_ddl(conn, f"{verb} ROLE \"{name}\" LOGIN{extra} PASSWORD '{_scram(conn, name, password)}'")
        run_ddl(conn, f"GRANT {group_role(role)} TO \"{name}\"")
        if role is Role.ADMIN:  # adds users: may hand out every group
            run_ddl(conn, f"GRANT {', '.join(group_role(r) for r in Role)} TO \"{name}\" WITH ADMIN OPTION")
            run_ddl(conn, f"ALTER ROLE \"{name}\" BYPASSRLS")
    conn.execute(text("DELETE FROM jingkong_users WHERE name = :n"), {"n": name})
    conn.execute(insert(User.__table__).values(name=name, role=role.value, unit_code=code, created_at=int(time.time()),
                                               password_hash=None if postgres else _scrypt(password)))
    return Principal(name, role, code)


def principal_of(conn: Connection, login: str) -> Principal | None:
    """The user ``login`` of this store, or None if it is none."""
    row = conn.execute(select(User.role, User.unit_code).where(User.name == login)).first()
    return Principal(login, Role(row.role), row.unit_code) if row else None


def login_embedded(conn: Connection, name: str, password: str) -> Principal:
    """Check a user's password on the embedded store; one message for an unknown user or a wrong password."""
    row = conn.execute(select(User.role, User.unit_code, User.password_hash).where(User.name == name)).first()
    if row is not None and row.password_hash:
        _scheme, salt, _digest = row.password_hash.split("$")
        if hmac.compare_digest(_scrypt(password, bytes.fromhex(salt)), row.password_hash):
            return Principal(name, Role(row.role), row.unit_code)
    raise StoreError(f"login refused for {name!r}: unknown user or wrong password")


def owner_principal(name: str) -> Principal:
    """Who opens a store without being one of its users: its owner (an embedded file's, or the database's)."""
    return local_admin(name)


__all__ = ["COUNTY_CODE", "MASKED_COLUMNS", "add_user", "group_role", "install", "login_embedded", "owner_principal",
           "principal_of"]
