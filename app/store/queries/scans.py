"""Scan reads for contact tracing and screening, through the (person_id, at) and (place_id, at) indexes."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sqlalchemy import bindparam, text

from app.store.queries.arrays import IN_CHUNK, fetch_ints, fetch_ints_for
from app.store.store import Store

Arrays = dict[str, np.ndarray]


def scans_of_people(store: Store, person_ids: np.ndarray, since: int, until: int) -> Arrays:
    """Scans of the given people in ``[since, until]``: id, person_id, place_id, at."""
    return fetch_ints_for(store, "SELECT id, person_id, place_id, at FROM scans "
                                 "WHERE person_id IN :ids AND at BETWEEN :since AND :until",
                          ("id", "person_id", "place_id", "at"), person_ids, {"since": since, "until": until})


# PostgreSQL: every window in one statement (the windows travel as three arrays; each probes the (place_id, at)
# index) — one round trip instead of one per window, which is what made a trace slow over the network.
_WINDOWS_PG = ("SELECT w.i - 1, s.id, s.person_id, s.at FROM unnest(CAST(:places AS bigint[]), CAST(:starts AS bigint[]), "
               "CAST(:ends AS bigint[])) WITH ORDINALITY AS w(place, a, b, i) "
               "JOIN scans s ON s.place_id = w.place AND s.at BETWEEN w.a AND w.b")
# SQLite runs in the process: a statement per window costs microseconds, and probes the same index.
_WINDOW_SQLITE = "SELECT :i, id, person_id, at FROM scans WHERE place_id = :place AND at BETWEEN :a AND :b"
_COLUMNS = ("window", "id", "person_id", "at")


def scans_in_windows(store: Store, place_ids: Sequence[int], starts: Sequence[int], ends: Sequence[int]) -> Arrays:
    """Every scan at ``place_ids[i]`` within ``[starts[i], ends[i]]``: window (i), id, person_id, at — ordered by
    window, then time, then id (the same order on both backends)."""
    windows = [[int(v) for v in np.asarray(column).tolist()] for column in (place_ids, starts, ends)]
    with store.engine.connect() as conn:
        if store.dialect == "postgresql":
            parts = [fetch_ints(conn, _WINDOWS_PG, _COLUMNS, {"places": windows[0], "starts": windows[1],
                                                               "ends": windows[2]})]
        else:
            parts = [fetch_ints(conn, _WINDOW_SQLITE, _COLUMNS, {"i": i, "place": place, "a": a, "b": b})
                     for i, (place, a, b) in enumerate(zip(*windows))]
    if not parts:
        return {k: np.zeros(0, np.int64) for k in _COLUMNS}
    out = {k: np.concatenate([p[k] for p in parts]) for k in _COLUMNS}
    order = np.lexsort((out["id"], out["at"], out["window"]))
    return {k: v[order] for k, v in out.items()}


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
