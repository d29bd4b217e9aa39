"""Who may use a store, and the audit trail of what they did.

``jingkong_users`` binds each user to a role and a unit (the root of what they may see). On PostgreSQL each
user is also a database login role, a member of the group role of its role (``jingkong_town_operator``…), and
the password lives in PostgreSQL only; on the embedded store the password's scrypt hash lives here.

``audit_log`` is append-only and tamper-evident: each entry carries the hash of the one before it
(``prev_hash``) and its own ``hash`` over its contents and ``prev_hash`` (``app.store.audit.entry_hash``), so
changing or removing any entry breaks the chain from there on. Triggers refuse UPDATE, DELETE and TRUNCATE;
on PostgreSQL a trigger computes the chain (the application cannot choose a hash), on SQLite the store seals
new entries at the end of each write transaction.
"""

from __future__ import annotations

from sqlalchemy import Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.tables.base import Base, BigPK, Name, Seconds


class User(Base):
    __tablename__ = "jingkong_users"

    name: Mapped[str] = mapped_column(String(63), primary_key=True)  # a PostgreSQL role name: at most 63 bytes
    role: Mapped[str] = mapped_column(String(24))
    unit_code: Mapped[str] = mapped_column(String(24))
    password_hash: Mapped[str | None] = mapped_column(String(200))  # embedded store only
    created_at: Mapped[Seconds]


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (
        # the entries a SQLite write transaction has still to seal
        Index("ix_audit_log_unsealed", "id", sqlite_where=text("hash IS NULL"), postgresql_where=text("hash IS NULL")),
    )

    id: Mapped[BigPK]
    at: Mapped[Seconds]
    db_user: Mapped[str] = mapped_column(String(63), default="")  # the database login (PostgreSQL's session_user)
    actor: Mapped[Name]  # who, as the application names them
    action: Mapped[str] = mapped_column(String(40))  # login | person.view | export | task.<event action>
    subject: Mapped[str] = mapped_column(String(120))  # task:12, person:345, table:persons …
    detail: Mapped[str] = mapped_column(Text, default="")  # JSON
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))
