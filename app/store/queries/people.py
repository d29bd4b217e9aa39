"""Display fields of people (masked forms only) and unit codes, for the engines' results."""

from __future__ import annotations

import numpy as np
from sqlalchemy import bindparam, text

from app.store.masking import mask_identity, mask_name
from app.store.queries.arrays import IN_CHUNK
from app.store.store import Store


def _column_of(store: Store, column: str, person_ids: np.ndarray) -> dict[int, str]:
    """person id -> one column of ``persons`` (``column`` is one of this module's literals, never user input)."""
    ids = np.unique(np.asarray(person_ids, np.int64)).tolist()
    statement = text(f"SELECT id, {column} FROM persons WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
    out: dict[int, str] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(ids), IN_CHUNK):
            out.update(conn.execute(statement, {"ids": ids[start : start + IN_CHUNK]}).all())
    return out


def masked_ids(store: Store, person_ids: np.ndarray) -> dict[int, str]:
    """person id -> masked identity number (the only form ever shown; a looser mask kept by an older store is
    narrowed on the way out)."""
    return {pid: mask_identity(m) for pid, m in _column_of(store, "id_masked", person_ids).items()}


def masked_names(store: Store, person_ids: np.ndarray) -> dict[int, str]:
    """person id -> masked name (:func:`mask_name`)."""
    return {pid: mask_name(name) for pid, name in _column_of(store, "name", person_ids).items()}


def unit_codes(store: Store) -> dict[int, str]:
    """unit id -> hierarchical code, for every admin unit."""
    with store.engine.connect() as conn:
        return dict(conn.execute(text("SELECT id, code FROM admin_units")).all())


def person_exists(store: Store, person_id: int) -> bool:
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT 1 FROM persons WHERE id = :id"), {"id": person_id}).first() is not None


__all__ = ["mask_name", "masked_ids", "masked_names", "person_exists", "unit_codes"]
