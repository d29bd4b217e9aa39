"""Errors the store raises with a message meant for the user (defined in the domain so views can catch them), and
the translation of what a database says about a store it cannot use into one of them."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from app.domain.errors import SchemaVersionError, StoreError

__all__ = ["SchemaVersionError", "StoreError", "ensure_not_in_use", "explain_store_problems"]

_READ_ONLY = "the store {} is read-only: open a writable copy, or get write access to it and its folder"
# Clues in the database's message (SQLite or PostgreSQL, lower case) when the store itself is the problem. Anything
# else (a bug, a constraint our own checks should have caught) keeps its own exception.
_PROBLEMS = (
    ("readonly", _READ_ONLY),
    ("read-only", _READ_ONLY),
    ("database is locked", ("the store {} is busy: another program has held its write lock for over {} s; "
                            "try again when it is done")),
    ("file is not a database", "the store {} is damaged or is not a database"),
    ("malformed", "the store {} is damaged (database disk image is malformed)"),
    ("unable to open database file", "cannot open the store {}: the file or its folder cannot be opened"),
    ("disk is full", "cannot write the store {}: the disk is full"),
    ("disk i/o error", "cannot read or write the store {}: disk I/O error"),
    ("value too long", "a value is longer than the store {} can hold"),
)


def explain_store_problems(name: str, busy_seconds: float) -> Callable[[object], None]:
    """An engine ``handle_error`` hook: raise a StoreError naming the store ``name`` for a store problem."""
    def explain(context) -> None:  # context: sqlalchemy.engine.ExceptionContext
        said = str(context.original_exception).lower()
        for clue, message in _PROBLEMS:
            if clue in said:
                raise StoreError(message.format(name, busy_seconds))

    return explain


def ensure_not_in_use(path: Path) -> None:
    """Refuse (StoreError) when another connection — a console, a script — has the SQLite store at ``path`` open.
    Replacing the file under it would send its later writes into the replaced file, where they are lost. In WAL
    mode an idle connection holds no lock a normal transaction sees; taking the file in exclusive locking mode does."""
    if not path.is_file():
        return
    conn = sqlite3.connect(path, timeout=1)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.rollback()
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreError(f"the store {path} is in use by another program (a console or a script): close it first") from None
        # not a database at all: nobody can have it open as a store
    finally:
        conn.close()
