"""The result of one cohort screening: per person class and evidence, totals, counts per admin level, export."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

CLASSES = ("returned", "planning", "still_there", "unknown")
LEVELS = ("town", "village", "grid")


@dataclass(frozen=True)
class Screening:
    """Row-aligned per-person arrays; ``units[level][i]`` is person i's home unit code at that level ('' if none)."""

    area: str
    since: int
    until: int
    person_id: np.ndarray
    cls: np.ndarray  # index into CLASSES
    grid_id: np.ndarray  # -1: no home grid
    units: dict[str, np.ndarray]  # level -> object array of codes
    masked_ids: np.ndarray  # object: masked identity numbers, the only form shown
    evidence: list[list[dict[str, object]]]

    def __len__(self) -> int:
        return len(self.person_id)

    def class_of(self, person_id: int) -> str:
        hit = np.flatnonzero(self.person_id == person_id)
        if not len(hit):
            raise KeyError(person_id)
        return CLASSES[int(self.cls[hit[0]])]

    def totals(self) -> dict[str, int]:
        counts = np.bincount(self.cls, minlength=len(CLASSES))
        return {name: int(counts[i]) for i, name in enumerate(CLASSES)}

    def counts_by(self, level: str) -> dict[str, dict[str, int]]:
        """unit code -> class -> count at ``level`` (people with no home grid under '')."""
        if level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}")
        out: dict[str, dict[str, int]] = {}
        for code, c in zip(self.units[level].tolist(), self.cls.tolist()):
            row = out.setdefault(code, dict.fromkeys(CLASSES, 0))
            row[CLASSES[c]] += 1
        return out

    def rows(self) -> list[dict[str, object]]:
        return [{"person_id": int(p), "id_masked": m, "class": CLASSES[c], "grid": g or None, "evidence": ev}
                for p, m, c, g, ev in zip(self.person_id.tolist(), self.masked_ids.tolist(), self.cls.tolist(),
                                          self.units["grid"].tolist(), self.evidence)]

    def export_csv(self, path: str | Path) -> int:
        """Write one line per person (masked identity only); returns the number of people written."""
        with open(path, "w", newline="", encoding="utf-8-sig") as f:
            writer = csv.writer(f)
            writer.writerow(["person_id", "id_masked", "class", "town", "village", "grid", "evidence"])
            for i, row in enumerate(self.rows()):
                ev = "; ".join(f"{e['why']}:{e['table']}#{e['id']}" for e in row["evidence"])  # type: ignore[union-attr]
                writer.writerow([row["person_id"], row["id_masked"], row["class"], self.units["town"][i],
                                 self.units["village"][i], self.units["grid"][i], ev])
        return len(self)
