"""Importing a county's own admin boundaries (towns, villages, grids: the level is told by the code's length).

The topology is checked first and reported (``jingkong import --kind boundaries FILE``), nothing written. Codes
that are not nested, not the county's or repeated, and rows that cannot be read, block the replacement: the
hierarchy would break, or a unit vanish. Gaps, overlaps and grids crossing their village are geometry flaws
departments' layers often carry (digitising slivers under 0.1 % of a unit's area pass unreported): the user sees
them listed with their areas and may accept them (``--replace --accept-topology``, the wizard's confirmation);
a point in a gap then belongs to no grid, one in an overlap to the first grid found. The replacement is an import
run that can be undone (the replaced layers are kept). The indicator cube must then be rebuilt
(``IndicatorEngine.compute``): units changed, not only records added.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely

from app.domain.admin import Level
from app.domain.errors import InputError
from app.models import inputs
from app.models.imports.fields import F
from app.models.imports.mapping import guess_mapping
from app.models.imports.runner import Progress, estimated_rows, file_sha256
from app.models.imports.topology import BLOCKING, LEVEL_OF_LENGTH, TopologyProblem, check_topology
from app.models.projection import geoms_to_display
from app.store.errors import StoreError
from app.store.imports import boundaries as store_boundaries
from app.store.imports import provenance as runs
from app.store.imports.sources import GEOMETRY, open_source
from app.store.store import Store

FIELDS = (F["unit_code"], F["unit_name"])
PROGRESS_EVERY = 200  # features between progress reports (and questions whether to stop)


class Cancelled(Exception):
    """The check was asked to stop; nothing was written."""


@dataclass
class BoundaryReport:
    """What a boundaries file holds and what its check found; ``replaced`` once the layers were replaced."""

    file: str
    units: dict[str, int] = field(default_factory=dict)  # per level
    rejected: list[tuple[int, str, InputError]] = field(default_factory=list)  # (row, code, why: said in a language)
    problems: list[TopologyProblem] = field(default_factory=list)
    replaced: dict[str, int] = field(default_factory=dict)
    import_id: int | None = None
    lang: str = "zh"

    @property
    def ok(self) -> bool:
        return not self.problems and not self.rejected

    @property
    def blocking(self) -> list[TopologyProblem]:
        """Problems that break the hierarchy (codes): the layers cannot replace the store's until they are mended."""
        return [p for p in self.problems if p.kind in BLOCKING]

    @property
    def replaceable(self) -> bool:
        """No rejected row (its unit would vanish) and no blocking problem: gaps, overlaps and grids crossing
        their village may be accepted by the user, who sees them listed."""
        return bool(self.units) and not self.rejected and not self.blocking

    def as_dict(self) -> dict[str, object]:
        return {"import_id": self.import_id, "kind": "boundaries", "file": self.file, "units": self.units,
                "rejected": [{"row": r, "code": c, "reason": e.problem_in(self.lang)} for r, c, e in self.rejected],
                "problems": [{"code": p.code, "problem": p.kind, "blocking": p.kind in BLOCKING,
                              "text": p.text(self.lang)} for p in self.problems],
                "replaced": self.replaced, "ok": self.ok}

    def text(self, lang: str) -> str:
        lines = [f"{self.file}: " + ", ".join(f"{n} {lvl}" for lvl, n in self.units.items())]
        lines += [f"row {r} {c}: {e.problem_in(lang)}" for r, c, e in self.rejected]
        lines += [f"{p.code}: {p.text(lang)}" for p in self.problems]
        if self.replaced:
            lines.append(f"import {self.import_id} replaced: " + ", ".join(f"{k} {v}" for k, v in self.replaced.items())
                         + f" (jingkong import undo {self.import_id} puts the previous layers back)")
        elif self.ok:
            lines.append("topology checked: no problems (give --replace to replace the admin layers)")
        elif self.replaceable:
            lines.append("nothing replaced: to replace the layers with these gaps or overlaps, give --replace "
                         "--accept-topology")
        else:
            lines.append("nothing replaced: mend the rows and codes listed first")
        return "\n".join(lines)


class BoundaryJob:
    """A boundaries file checked (``check``: reads it a batch at a time, checks the topology, writes nothing) and
    then, once the user has seen the report, put in place of the store's layers (``replace``)."""

    def __init__(self, store: Store, path: Path, *, mapping: dict[str, str] | None = None, source: str | None = None,
                 layer: str | None = None, lang: str = "zh", clock: Callable[[], float] = time.time) -> None:
        self.store, self.path, self.lang, self.clock = store, path, lang, clock
        self.table = open_source(path, layer)
        if GEOMETRY not in self.table.headers:
            raise InputError("FILE", "no_geometries", name=path.name)
        self.columns = check_mapping_fields(mapping, self.table.headers)
        self.source = source or path.stem
        self.report: BoundaryReport | None = None
        self._units: list[tuple[str, int, str, shapely.Geometry]] = []

    def check(self, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> BoundaryReport:
        """Read and check the file (nothing is written). Raises Cancelled when ``cancelled()`` says so."""
        index = {h: i for i, h in enumerate(self.table.headers)}
        report = BoundaryReport(str(self.path), lang=self.lang)
        units: list[tuple[str, int, str, shapely.Geometry]] = []
        expected = estimated_rows(self.table)
        for row, cells in enumerate(self.table.rows(), start=1):
            if row % PROGRESS_EVERY == 0:
                if cancelled and cancelled():
                    raise Cancelled
                if progress:
                    progress(row, expected)
            unit = _unit(row, cells, index[self.columns["unit_code"]], index[self.columns["unit_name"]], report)
            if unit is not None:
                units.append(unit)
        if progress:
            progress(expected, expected)
        for level in sorted({u[1] for u in units}):
            report.units[Level(level).key] = sum(u[1] == level for u in units)
        existing = store_boundaries.existing_units(self.store)
        county = next((c for c, (_, lvl, _) in existing.items() if lvl == Level.COUNTY), "")
        levels = {u[1] for u in units}
        known = {c: g for c, (_, lvl, g) in existing.items() if lvl not in levels}
        report.problems = check_topology([u[0] for u in units], np.array([u[3] for u in units], dtype=object), known,
                                         county)
        self.report, self._units = report, units
        return report

    def replace(self, accept_topology: bool = False) -> BoundaryReport:
        """Replace the store's layers with the checked ones, as an import that can be undone. Refused (InputError)
        when the check found blocking problems, or gaps and overlaps the user did not accept."""
        report = self.report or self.check()
        if not report.replaceable:
            raise InputError("--replace", "no_units" if not report.units else "rejected_units")
        if report.problems and not accept_topology:
            raise InputError("--replace", "topology_problems", count=len(report.problems))
        units = self._units
        areas = shapely.area(geoms_to_display(np.array([u[3] for u in units], dtype=object))) / 1e6
        now = int(self.clock())
        run_id = runs.start_run(self.store, "boundaries", self.source, str(self.path), file_sha256(self.path),
                                {"columns": self.columns}, now)
        try:
            report.replaced = store_boundaries.replace_units(
                self.store, [(*u, round(float(a), 6)) for u, a in zip(units, areas)], run_id)
        except StoreError:
            runs.finish_run(self.store, run_id, "failed", int(self.clock()))
            raise
        with self.store.begin() as conn:
            runs.write_batch(conn, run_id, "admin_units", [], [], [], runs.RunCounts(len(units), len(units), 0, 0))
        runs.finish_run(self.store, run_id, "done", int(self.clock()))
        report.import_id = run_id
        return report


def _unit(row: int, cells: list[object], code_at: int, name_at: int,
          report: BoundaryReport) -> tuple[str, int, str, shapely.Geometry] | None:
    """The row's unit (code, level, name, multipolygon), or None with the reason added to ``report.rejected``."""
    code_raw, name, geom = cells[code_at], cells[name_at], cells[-1]
    try:
        code = inputs.admin_code(str(code_raw), "code")
        name = inputs.text(str(name), "name")
    except InputError as exc:
        report.rejected.append((row, str(code_raw), exc))
        return None
    if not isinstance(geom, shapely.Geometry) or geom.geom_type not in ("Polygon", "MultiPolygon") or not geom.is_valid:
        # GEOS says what is wrong with a polygon in English only (e.g. "Self-intersection[x y]")
        why = (InputError("geometry", "not_polygon", reason=shapely.is_valid_reason(geom))
               if isinstance(geom, shapely.Geometry) else InputError("geometry", "no_polygon"))
        report.rejected.append((row, code, why))
        return None
    return code, LEVEL_OF_LENGTH[len(code)], name, shapely.MultiPolygon(shapely.get_parts(geom))


def import_boundaries(store: Store, path: Path, *, mapping: dict[str, str] | None = None, source: str | None = None,
                      layer: str | None = None, lang: str = "zh", replace: bool = False,
                      accept_topology: bool = False) -> BoundaryReport:
    """Check ``path``; with ``replace`` (and ``accept_topology`` when gaps or overlaps were found), replace the
    admin layers when the check allows it. The report says what was found and done."""
    job = BoundaryJob(store, path, mapping=mapping, source=source, layer=layer, lang=lang)
    report = job.check()
    if replace and report.replaceable and (accept_topology or report.ok):
        job.replace(accept_topology)
    return report


def check_mapping_fields(mapping: dict[str, str] | None, headers: list[str]) -> dict[str, str]:
    columns = {f: h for f, h in (mapping or guess_mapping(FIELDS, headers)).items() if f in ("unit_code", "unit_name")}
    missing = [f.name for f in FIELDS if f.name not in columns]
    if missing:
        raise InputError("--mapping", "no_column_for", names=", ".join(missing), headers=", ".join(headers))
    absent = [h for h in columns.values() if h not in headers]
    if absent:
        raise InputError("--mapping", "no_such_column", columns=", ".join(map(repr, absent)))
    return columns
