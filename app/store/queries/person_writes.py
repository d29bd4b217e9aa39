"""Entering a person found door to door: the identity number is hashed under the store's key and masked here,
and only the hash and the mask are written (the number itself is never stored, logged or returned)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select

from app.domain.admin import Level
from app.domain.errors import InputError, StoreError
from app.store.identity_key import hash_identity
from app.store.masking import mask_identity
from app.store.store import Store
from app.store.tables.admin import AdminUnit
from app.store.tables.persons import Person


class PersonKnown(StoreError):
    """The identity number is one the store already holds (the person is already entered)."""


def grid_id(store: Store, code: str) -> int:
    """The id of the grid ``code``; InputError if there is no such grid (a code that must exist, as an import's)."""
    a = AdminUnit.__table__
    with store.engine.connect() as conn:
        found = conn.scalar(select(a.c.id).where(a.c.code == code, a.c.level == int(Level.GRID)))
    if found is None:
        raise InputError("--grid", "unknown_grid", code=code)
    return int(found)


def insert_person(store: Store, number: str, values: dict[str, Any]) -> int:
    """Insert a person with ``values`` and the keyed hash and mask of ``number``; returns the new id.
    PersonKnown if a person with this number is already in the store."""
    id_hash = hash_identity(store, number)
    p = Person.__table__
    with store.begin() as conn:
        known = conn.scalar(select(p.c.id).where(p.c.id_hash == id_hash))
        if known is not None:
            raise PersonKnown(f"this identity number is already entered (person {known})")
        row = {**values, "id_hash": id_hash, "id_masked": mask_identity(number)}
        return int(conn.execute(insert(p).returning(p.c.id), [row]).scalar_one())
