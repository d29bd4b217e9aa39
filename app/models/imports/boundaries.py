"""Importing a county's own admin boundaries (towns, villages, grids: the level is told by the code's length).

The topology is checked first and reported (``jingkong import --kind boundaries FILE``); only with ``replace``
and no problems are the layers replaced, records re-assigned to the grids they fall in, and the run listed. The
indicator cube must then be rebuilt (``IndicatorEngine.compute``): units changed, not only records added.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely

from app.domain.admin import Level
from app.domain.errors import InputError
from app.models import inputs
from app.models.imports.fields import F
from app.models.imports.mapping import guess_mapping
from app.models.imports.runner import file_sha256
from app.models.imports.topology import LEVEL_OF_LENGTH, TopologyProblem, check_topology
from app.models.projection import geoms_to_display
from app.store.imports import boundaries as store_boundaries
from app.store.imports import provenance as runs
from app.store.imports.sources import GEOMETRY, open_source
from app.store.store import Store

FIELDS = (F["unit_code"], F["unit_name"])


@dataclass
class BoundaryReport:
    file: str
    units: dict[str, int] = field(default_factory=dict)  # per level
    rejected: list[tuple[int, str, str]] = field(default_factory=list)  # (row, code, reason)
    problems: list[TopologyProblem] = field(default_factory=list)
    replaced: dict[str, int] = field(default_factory=dict)
    import_id: int | None = None
    lang: str = "zh"

    @property
    def ok(self) -> bool:
        return not self.problems and not self.rejected

    def as_dict(self) -> dict[str, object]:
        return {"import_id": self.import_id, "kind": "boundaries", "file": self.file, "units": self.units,
                "rejected": [{"row": r, "code": c, "reason": m} for r, c, m in self.rejected],
                "problems": [{"code": p.code, "problem": p.kind, "text": p.text(self.lang)} for p in self.problems],
                "replaced": self.replaced, "ok": self.ok}

    def text(self, lang: str) -> str:
        lines = [f"{self.file}: " + ", ".join(f"{n} {lvl}" for lvl, n in self.units.items())]
        lines += [f"row {r} {c}: {m}" for r, c, m in self.rejected]
        lines += [f"{p.code}: {p.text(lang)}" for p in self.problems]
        if self.replaced:
            lines.append("replaced: " + ", ".join(f"{k} {v}" for k, v in self.replaced.items()))
        elif self.ok:
            lines.append("topology checked: no problems (give --replace to replace the admin layers)")
        else:
            lines.append("nothing replaced")
        return "\n".join(lines)


def import_boundaries(store: Store, path: Path, *, mapping: dict[str, str] | None = None, source: str | None = None,
                      layer: str | None = None, lang: str = "zh", replace: bool = False) -> BoundaryReport:
    table = open_source(path, layer)
    if GEOMETRY not in table.headers:
        raise InputError("FILE", f"{path.name} holds no geometries: boundaries come as GeoPackage, Shapefile or GeoJSON")
    columns = check_mapping_fields(mapping, table.headers)
    index = {h: i for i, h in enumerate(table.headers)}
    report = BoundaryReport(str(path), lang=lang)
    units: list[tuple[str, int, str, shapely.Geometry]] = []
    for row, cells in enumerate(table.rows(), start=1):
        code_raw, name, geom = cells[index[columns["unit_code"]]], cells[index[columns["unit_name"]]], cells[-1]
        try:
            code = inputs.admin_code(str(code_raw), "code")
            name = inputs.text(str(name), "name")
        except InputError as exc:
            report.rejected.append((row, str(code_raw), exc.problem))
            continue
        if not isinstance(geom, shapely.Geometry) or geom.geom_type not in ("Polygon", "MultiPolygon") \
                or not geom.is_valid:
            reason = shapely.is_valid_reason(geom) if isinstance(geom, shapely.Geometry) else "no geometry"
            report.rejected.append((row, code, f"not a valid polygon ({reason})"))
            continue
        units.append((code, LEVEL_OF_LENGTH[len(code)], name, shapely.MultiPolygon(shapely.get_parts(geom))))
    for level in sorted({u[1] for u in units}):
        report.units[Level(level).key] = sum(u[1] == level for u in units)
    existing = store_boundaries.existing_units(store)
    county = next((c for c, (_, lvl, _) in existing.items() if lvl == Level.COUNTY), "")
    levels = {u[1] for u in units}
    known = {c: g for c, (_, lvl, g) in existing.items() if lvl not in levels}
    report.problems = check_topology([u[0] for u in units], np.array([u[3] for u in units], dtype=object), known, county)
    if replace and report.ok and units:
        areas = shapely.area(geoms_to_display(np.array([u[3] for u in units], dtype=object))) / 1e6
        report.replaced = store_boundaries.replace_units(store, [(*u, round(float(a), 6)) for u, a in zip(units, areas)])
        now = int(time.time())
        run_id = runs.start_run(store, "boundaries", source or path.stem, str(path), file_sha256(path),
                                {"columns": columns}, now)
        with store.begin() as conn:
            runs.write_batch(conn, run_id, "admin_units", [], [], [], runs.RunCounts(len(units), len(units), 0, 0))
        runs.finish_run(store, run_id, "done", now)
        report.import_id = run_id
    return report


def check_mapping_fields(mapping: dict[str, str] | None, headers: list[str]) -> dict[str, str]:
    columns = {f: h for f, h in (mapping or guess_mapping(FIELDS, headers)).items() if f in ("unit_code", "unit_name")}
    missing = [f.name for f in FIELDS if f.name not in columns]
    if missing:
        raise InputError("--mapping", f"no column for {', '.join(missing)} among the headers {', '.join(headers)}")
    absent = [h for h in columns.values() if h not in headers]
    if absent:
        raise InputError("--mapping", f"the file has no column {', '.join(map(repr, absent))}")
    return columns
