"""A trace as rows for the CLI, the list and export: masked identity, depth, home grid, exposures."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from app.models.tracing import Trace
from app.store.queries.people import masked_ids, unit_codes
from app.store.store import Store
from app.timebase import format_seconds


def trace_rows(store: Store, result: Trace) -> list[dict[str, object]]:
    masked = masked_ids(store, np.array([c.person_id for c in result.contacts], np.int64))
    codes = unit_codes(store)
    rows = []
    for c in result.contacts:
        evidence = [{"via": ln.source, "place_id": ln.place_id, "place": result.places.get(ln.place_id, ("?",))[0],
                     "via_scan": ln.source_scan, "via_at": ln.source_at, "scan": ln.contact_scan, "at": ln.contact_at}
                    for ln in c.links]
        rows.append({"person_id": c.person_id, "id_masked": masked.get(c.person_id), "depth": c.depth,
                     "grid": codes.get(c.grid_id) if c.grid_id is not None else None, "evidence": evidence})
    return rows


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
