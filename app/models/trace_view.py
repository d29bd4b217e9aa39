"""A trace as rows for the CLI, the list and export — masked identity, depth, home grid, exposures — and as
nodes for the contact graph: who (masked name), which role, since when, where they live and scanned."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.models.tracing import Trace
from app.store.queries.health_records import home_grids
from app.store.queries.people import masked_ids, masked_names, unit_codes
from app.store.store import Store
from app.timebase import format_seconds


@dataclass(frozen=True)
class TraceNode:
    """One person of the graph. ``depth`` 0 is the case (``at`` its onset), 1 a close contact, 2 a secondary
    one (``at`` the first exposure); ``place_ids`` where the exposures happened; identity masked."""

    person_id: int
    depth: int
    name_masked: str
    id_masked: str
    grid: str | None
    at: int
    place_ids: tuple[int, ...]


def trace_rows(store: Store, result: Trace) -> list[dict[str, object]]:
    ids = np.array([c.person_id for c in result.contacts], np.int64)
    masked, names = masked_ids(store, ids), masked_names(store, ids)
    codes = unit_codes(store)
    rows = []
    for c in result.contacts:
        evidence = [{"via": ln.source, "place_id": ln.place_id, "place": result.places.get(ln.place_id, ("?",))[0],
                     "via_scan": ln.source_scan, "via_at": ln.source_at, "scan": ln.contact_scan, "at": ln.contact_at}
                    for ln in c.links]
        rows.append({"person_id": c.person_id, "id_masked": masked.get(c.person_id),
                     "name_masked": names.get(c.person_id), "depth": c.depth,
                     "grid": codes.get(c.grid_id) if c.grid_id is not None else None, "evidence": evidence})
    return rows


def trace_nodes(store: Store, result: Trace, rows: list[dict[str, object]]) -> list[TraceNode]:
    """The case, then every contact in ``result.contacts`` order (the graph's node order); ``rows`` from
    :func:`trace_rows`. A person's places are where the trace saw them: exposed there, or exposing others."""
    places: dict[int, dict[int, None]] = {}
    for c in result.contacts:
        for ln in c.links:
            places.setdefault(ln.contact, {})[ln.place_id] = None
            places.setdefault(ln.source, {})[ln.place_id] = None
    case = np.array([result.case_id], np.int64)
    home = home_grids(store, case)["grid_id"]
    case_grid = unit_codes(store).get(int(home[0])) if len(home) and home[0] >= 0 else None
    nodes = [TraceNode(result.case_id, 0, masked_names(store, case).get(result.case_id, "*"),
                       masked_ids(store, case).get(result.case_id, ""), case_grid, result.onset,
                       tuple(places.get(result.case_id, ())))]
    for c, row in zip(result.contacts, rows):
        nodes.append(TraceNode(c.person_id, c.depth, str(row["name_masked"] or "*"), str(row["id_masked"] or ""),
                               row["grid"], min(ln.contact_at for ln in c.links),  # type: ignore[arg-type]
                               tuple(places.get(c.person_id, ()))))
    return nodes


def export_trace_csv(rows: list[dict[str, object]], path: str | Path) -> int:
    """One line per exposure (masked identity only); returns the number of contacts written."""
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow(["person_id", "id_masked", "depth", "grid", "via_person", "place", "via_at", "at"])
        for row in rows:
            for ev in row["evidence"]:  # type: ignore[union-attr]
                writer.writerow([row["person_id"], row["id_masked"], row["depth"], row["grid"] or "", ev["via"],
                                 ev["place"], format_seconds(ev["via_at"]), format_seconds(ev["at"])])
    return len(rows)
