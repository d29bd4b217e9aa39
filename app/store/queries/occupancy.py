"""Quarantine facilities and every stay in one of them, as flat arrays: what bed occupancy on any day needs."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import select

from app.domain.facilities import FacilityKind
from app.store.store import Store
from app.store.tables.facilities import Facility
from app.store.tables.quarantine import QuarantineOrder


@dataclass(frozen=True)
class Stays:
    """Quarantine facilities (``ids``, ``names``, ``capacity``) and the orders placed in them (``facility``,
    ``start``, ``end`` in Unix seconds), row-aligned per table."""

    ids: np.ndarray
    names: list[str]
    capacity: np.ndarray
    facility: np.ndarray
    start: np.ndarray
    end: np.ndarray


def quarantine_stays(store: Store) -> Stays:
    f, q = Facility.__table__, QuarantineOrder.__table__
    with store.engine.connect() as conn:
        hotels = conn.execute(select(f.c.id, f.c.name, f.c.capacity).where(f.c.kind == int(FacilityKind.QUARANTINE_HOTEL))
                              .order_by(f.c.id)).all()
        stays = conn.execute(select(q.c.facility_id, q.c.start_at, q.c.end_at).where(q.c.facility_id.is_not(None))).all()
    column = lambda rows, i: np.array([r[i] for r in rows], dtype=np.int64)  # noqa: E731
    return Stays(column(hotels, 0), [r[1] for r in hotels], column(hotels, 2), column(stays, 0), column(stays, 1),
                 column(stays, 2))


__all__ = ["Stays", "quarantine_stays"]
