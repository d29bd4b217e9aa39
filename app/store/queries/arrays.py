"""Integer columns straight into numpy: what the engines read from the big record tables."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import Connection, bindparam, text

if TYPE_CHECKING:  # the migrations read arrays (camera history), and the store imports them
    from app.store.store import Store

IN_CHUNK = 20_000  # ids per IN list: below SQLite's variable limit, few round trips


def fetch_ints(conn: Connection, sql: str, names: Sequence[str], params: Mapping[str, Any] | None = None,
               expanding: Iterable[str] = ()) -> dict[str, np.ndarray]:
    """Run ``sql`` (integer columns only; NULLs coalesced in SQL) and return one int64 array per name."""
    statement = text(sql)
    for name in expanding:
        statement = statement.bindparams(bindparam(name, expanding=True))
    rows = conn.execute(statement, dict(params or {})).fetchall()
    k = len(names)
    flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64, count=len(rows) * k)
    table = flat.reshape(len(rows), k)
    return {name: table[:, i].copy() for i, name in enumerate(names)}


def fetch_ints_for(store: Store, sql: str, names: Sequence[str], ids: np.ndarray, params: Mapping[str, Any] | None = None,
                   key: str = "ids") -> dict[str, np.ndarray]:
    """Like :func:`fetch_ints` for a query with an expanding ``:ids`` list, run in chunks over ``ids``."""
    ids = np.unique(np.asarray(ids, dtype=np.int64))
    parts: list[dict[str, np.ndarray]] = []
    with store.engine.connect() as conn:
        for start in range(0, len(ids), IN_CHUNK):
            chunk = ids[start : start + IN_CHUNK].tolist()
            parts.append(fetch_ints(conn, sql, names, {**(params or {}), key: chunk}, expanding=(key,)))
    if not parts:
        return {name: np.zeros(0, np.int64) for name in names}
    return {name: np.concatenate([p[name] for p in parts]) for name in names}


__all__ = ["fetch_ints", "fetch_ints_for"]
