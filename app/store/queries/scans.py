"""Scan reads for contact tracing and screening, through the (person_id, at) and (place_id, at) indexes."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sqlalchemy import bindparam, text

from app.store.queries.arrays import IN_CHUNK, fetch_ints, fetch_ints_for
from app.store.store import Store

Arrays = dict[str, np.ndarray]
WINDOW_BATCH = 5_000
_WINDOW = "SELECT id, person_id, at FROM scans WHERE place_id = :place AND at BETWEEN :a AND :b ORDER BY at, id"
_WINDOWS_PG = """SELECT w.i - 1, s.id, s.person_id, s.at
    FROM unnest(CAST(:places AS bigint[]), CAST(:starts AS bigint[]), CAST(:ends AS bigint[])) WITH ORDINALITY AS w(place, a, b, i)
    CROSS JOIN LATERAL (SELECT id, person_id, at FROM scans WHERE place_id = w.place AND at BETWEEN w.a AND w.b) s
    ORDER BY w.i, s.at, s.id"""


def scans_of_people(store: Store, person_ids: np.ndarray, since: int, until: int) -> Arrays:
    """Scans of the given people in ``[since, until]``: id, person_id, place_id, at."""
    return fetch_ints_for(store, "SELECT id, person_id, place_id, at FROM scans "
                                 "WHERE person_id IN :ids AND at BETWEEN :since AND :until",
                          ("id", "person_id", "place_id", "at"), person_ids, {"since": since, "until": until})


def scans_in_windows(store: Store, place_ids: Sequence[int], starts: Sequence[int], ends: Sequence[int]) -> Arrays:
    """Every scan at ``place_ids[i]`` within ``[starts[i], ends[i]]``: window (i), id, person_id, at."""
    names = ("window", "id", "person_id", "at")
    windows = [(int(p), int(a), int(b)) for p, a, b in zip(place_ids, starts, ends)]
    parts: list[Arrays] = []
    with store.engine.connect() as conn:
        if conn.dialect.name == "postgresql":  # one round trip per batch of windows, not one per window
            for lo in range(0, len(windows), WINDOW_BATCH):
                places, firsts, lasts = (list(c) for c in zip(*windows[lo : lo + WINDOW_BATCH]))
                part = fetch_ints(conn, _WINDOWS_PG, names, {"places": places, "starts": firsts, "ends": lasts})
                part["window"] += lo
                parts.append(part)
        else:  # in-process: a query per window costs no round trip
            for i, (place, a, b) in enumerate(windows):
                part = fetch_ints(conn, _WINDOW, names[1:], {"place": place, "a": a, "b": b})
                part["window"] = np.full(len(part["id"]), i, np.int64)
                parts.append(part)
    if not parts:
        return {k: np.zeros(0, np.int64) for k in names}
    return {k: np.concatenate([p[k] for p in parts]) for k in names}


def place_labels(store: Store, place_ids: np.ndarray) -> dict[int, tuple[str, int, int | None]]:
    """place id -> (name, kind, grid id or None)."""
    ids = sorted({int(p) for p in np.asarray(place_ids).tolist()})
    statement = text("SELECT id, name, kind, grid_id FROM places WHERE id IN :ids").bindparams(
        bindparam("ids", expanding=True))
    out: dict[int, tuple[str, int, int | None]] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(ids), IN_CHUNK):
            for pid, name, kind, grid in conn.execute(statement, {"ids": ids[start : start + IN_CHUNK]}):
                out[pid] = (name, kind, grid)
    return out


__all__ = ["place_labels", "scans_in_windows", "scans_of_people"]
