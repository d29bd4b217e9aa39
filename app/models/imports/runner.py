"""One import of one department file: read it in batches, check every row, write the good ones with their
provenance, send the bad ones to the reject file with their reasons.

Each batch is one transaction holding its records, their provenance and the run's counts, so a run killed at any
point (kill -9 included) leaves whole batches only; running the same file again skips what is there and imports
the rest. Memory is bounded by the batch: rows are streamed from the file and checked against the store a batch
at a time.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import operator
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import shapely

from app.domain.errors import InputError
from app.models import inputs
from app.models.imports.fields import F, Field
from app.models.imports.kinds import KINDS, Built
from app.models.imports.lookups import Lookups
from app.models.imports.mapping import check_mapping, guess_mapping, missing_fields
from app.models.imports.problems import RowProblem
from app.models.imports.rejects import RejectWriter
from app.store.imports import provenance as runs
from app.store.imports.geo_source import GeoSource, lonlat_of
from app.store.imports.sources import GEOMETRY, TableSource, open_source
from app.store.queries.camera_status import record_status
from app.store.store import ROOT, Store, sqlite_path

BATCH = 5_000
DEGREE_PROBE = 200  # rows looked at to tell projected x/y from longitude/latitude
# SQLite page cache of the import's transactions (KiB): enough for the indexes' upper levels, which every batch
# touches; the records themselves are written once, and caching them made memory grow with the file.
CACHE_KIB = 32_000
Progress = Callable[[int, int], None]  # rows read, rows expected (0: unknown)


@dataclass
class ImportReport:
    """What an import did: ``jingkong import --json`` prints it."""

    import_id: int
    kind: str
    source: str
    file: str
    status: str
    read: int = 0
    imported: int = 0
    skipped: int = 0
    rejected: int = 0
    reject_file: str | None = None
    detected: dict[str, str] = field(default_factory=dict)
    mapping: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class Checked:
    row: int
    built: Built | None
    problems: list[RowProblem]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def estimated_rows(source: TableSource) -> int:
    """Data rows in the file, for progress (a CSV counts its line ends: quoted line breaks make it an estimate)."""
    if isinstance(source, GeoSource):
        return source.count
    if source.description.get("format") != "CSV":
        return 0
    n = 0
    with source.path.open("rb") as f:
        while chunk := f.read(1 << 20):
            n += chunk.count(b"\n")
    return max(n - 1, 0)


def _number(value: object) -> float:
    try:
        return float(str(value).strip())
    except ValueError:
        return math.nan


def default_reject_path(store: Store, run_id: int) -> Path:
    """``<store folder>/imports/import-<id>-rejects.csv`` (``data/imports/`` for a database store)."""
    path = sqlite_path(store.url)
    folder = (path.parent if path else ROOT / "data") / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"import-{run_id}-rejects.csv"


class ImportJob:
    """An import of ``path`` as ``kind`` into ``store``: ``mapping`` (field -> header) as given, else the one saved
    for ``source`` if it fits the headers, else guessed. Raises InputError when a required field has no column.

    ``crs`` is the coordinate system of the longitude/latitude (x/y) columns (default: the one saved with the
    source's mapping, else degrees): their values are reprojected to the store's. Without one, x/y values that are
    plainly not degrees stop the job here (InputError on ``--crs``) rather than rejecting every row one by one."""

    def __init__(self, store: Store, kind: str, path: Path, *, mapping: dict[str, str] | None = None,
                 source: str | None = None, lang: str = "zh", layer: str | None = None,
                 reject_path: Path | None = None, batch_size: int = BATCH, crs: str | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        if kind not in KINDS:
            raise InputError("--kind", "not_a_kind", kind=repr(kind), kinds=", ".join(KINDS))
        self.store, self.kind, self.path, self.lang = store, KINDS[kind], path, lang
        self.table = open_source(path, layer, batch_size)
        self.source = (source or path.stem).strip()[:80] or path.stem
        saved = runs.saved_mapping(self.store, self.source, self.kind.name)
        self.mapping = self._mapping(mapping, saved)
        given_crs = crs or (saved or {}).get("crs")
        self.crs = inputs.crs(given_crs, "--crs") if given_crs else None
        self.batch_size, self.clock, self.reject_path = batch_size, clock, reject_path
        self._lookups: Lookups | None = None
        self._columns = self._plan()
        self._xy = self._xy_columns()
        self.northing_first: bool | None = None  # projected x/y given as (northing, easting): told on the first batch
        if self.crs is None:
            self._check_degrees()

    def _mapping(self, given: dict[str, str] | None, saved: dict | None) -> dict[str, str]:
        headers = self.table.headers
        if given is not None:
            mapping = check_mapping(self.kind, given, headers)
        else:
            columns = (saved or {}).get("columns", {})
            fits = bool(columns) and all(h in headers for h in columns.values())
            mapping = check_mapping(self.kind, columns, headers) if fits else guess_mapping(self.kind, headers)
        if GEOMETRY in headers and "geometry" in {f.name for f in self.kind.fields}:
            mapping.setdefault("geometry", GEOMETRY)
        missing = missing_fields(self.kind, mapping)
        if missing:
            names = ", ".join(f"{f.name} ({f.zh})" for f in missing)
            raise InputError("--mapping", "no_column_for", names=names, headers=", ".join(headers))
        return mapping

    def _plan(self) -> list[tuple[Field, int | None, object, str]]:
        """Per field: the column it is read from (None: not in the file), its value when empty, and its label."""
        index = {h: i for i, h in enumerate(self.table.headers)}
        plan = []
        for f in self.kind.fields:
            try:
                empty = None if f.name in self.kind.required else f.rule("", f.label(self.lang))
            except InputError:
                empty = None
            column = index.get(self.mapping[f.name]) if f.name in self.mapping else None
            plan.append((f, column, empty, f.label(self.lang)))
        return plan

    def _xy_columns(self) -> tuple[int, int] | None:
        """The columns of longitude (x) and latitude (y), when the kind takes them and the file has both."""
        index = {f.name: i for f, i, _, _ in self._columns if i is not None}
        return (index["lon"], index["lat"]) if "lon" in index and "lat" in index else None

    def _check_degrees(self) -> None:
        """Stop with one line when most x/y values of the first rows are numbers that cannot be degrees."""
        if self._xy is None:
            return
        ix, iy = self._xy
        pairs = [(_number(cells[ix]), _number(cells[iy])) for _, cells in itertools.islice(self.rows(), DEGREE_PROBE)
                 if max(ix, iy) < len(cells)]
        pairs = [(x, y) for x, y in pairs if math.isfinite(x) and math.isfinite(y)]
        projected = [(x, y) for x, y in pairs if abs(x) > 180 or abs(y) > 90]
        if pairs and len(projected) * 2 > len(pairs):
            x, y = projected[0]
            raise InputError("--crs", "projected", x=f"{x:.0f}", y=f"{y:.0f}",
                                 columns=f"{self.mapping['lon']}/{self.mapping['lat']}")

    def _reproject(self, columns: list[tuple]) -> None:
        """The x/y columns of ``columns`` (in the file's ``crs``) become longitude/latitude text in place; a cell
        that is no number stays as it is, for its rule to refuse.

        Chinese survey practice names the northing X and the easting Y: on the first batch both readings are tried
        and the one putting more points inside the county is kept for the whole file (``detected["axes"]``)."""
        if self.crs is None or self._xy is None or max(self._xy) >= len(columns):
            return
        ix, iy = self._xy
        x = np.array([_number(v) for v in columns[ix]])
        y = np.array([_number(v) for v in columns[iy]])
        ok = np.isfinite(x) & np.isfinite(y)
        if self.northing_first is None and ok.any():
            county = self.lookups.county
            inside = [int(shapely.contains_xy(county, *lonlat_of(a[ok], b[ok], self.crs)).sum())
                      for a, b in ((x, y), (y, x))]
            self.northing_first = inside[1] > inside[0]
        if self.northing_first:
            x, y = y, x
        lon, lat = lonlat_of(x[ok], y[ok], self.crs)
        xs, ys = list(columns[ix]), list(columns[iy])
        for k, a, b in zip(np.flatnonzero(ok), lon, lat):
            xs[k], ys[k] = f"{a:.7f}", f"{b:.7f}"
        columns[ix], columns[iy] = tuple(xs), tuple(ys)

    @property
    def lookups(self) -> Lookups:
        if self._lookups is None:
            self._lookups = Lookups.read(self.store)
        return self._lookups

    # --- checking rows --------------------------------------------------------------------------------------
    def check(self, row: int, cells: list[object]) -> Checked:
        return self.check_batch([(row, cells)])[0]

    def check_batch(self, rows: list[tuple[int, list[object]]]) -> list[Checked]:
        """Check ``rows`` (row number, cells) a field at a time: each field's rule runs over the batch's column
        (its batch form where it has one), then each row without a problem is built into its record."""
        n = len(rows)
        problems: dict[int, list[RowProblem]] = {}  # by position in the batch: most rows have none
        cells_by_column = list(itertools.zip_longest(*(cells for _, cells in rows), fillvalue=""))
        self._reproject(cells_by_column)
        columns: dict[str, list[object]] = {}
        for f, i, empty, label in self._columns:
            raw = cells_by_column[i] if i is not None and i < len(cells_by_column) else ("",) * n
            if f.name == "geometry":
                columns[f.name] = [r if r != "" else None for r in raw]
                continue
            texts = [str(r).strip() for r in raw]
            filled = [k for k, t in enumerate(texts) if t]
            if len(filled) < n and f.name in self.kind.required:
                for k in set(range(n)).difference(filled):
                    problems.setdefault(k, []).append(RowProblem(f, "", "missing"))
            if "\ufffd" in "".join(texts):  # bytes the file's encoding could not read
                for k in [k for k in filled if "\ufffd" in texts[k]]:
                    problems.setdefault(k, []).append(RowProblem(f, texts[k], "undecodable"))
                filled = [k for k in filled if "\ufffd" not in texts[k]]
            clean, bad = f.check_column([texts[k] for k in filled] if len(filled) < n else texts, label)
            values: list[object] = clean if len(filled) == n else [empty] * n
            if len(filled) < n:
                for j, k in enumerate(filled):
                    values[k] = clean[j]
            for j, problem in bad.items():
                problems.setdefault(filled[j], []).append(RowProblem(f, texts[filled[j]], "invalid", problem))
            columns[f.name] = values
        names = list(columns)
        build, lookups = self.kind.build, self.lookups
        out = []
        for k, ((row, _), values) in enumerate(zip(rows, zip(*columns.values()))):
            if k in problems:
                out.append(Checked(row, None, problems[k]))
                continue
            try:
                out.append(Checked(row, build(dict(zip(names, values)), lookups), []))
            except RowProblem as problem:
                out.append(Checked(row, None, [problem]))
        return out

    def rows(self) -> Iterator[tuple[int, list[object]]]:
        """(row number, cells) of every non-blank data row; row 1 is the first below the header."""
        for n, cells in enumerate(self.table.rows(), start=1):
            if cells:
                yield n, cells

    def preview(self, n: int = 20) -> list[Checked]:
        return self.check_batch(list(itertools.islice(self.rows(), n)))

    @property
    def options(self) -> dict[str, object]:
        """What the run used and the source's next file is offered: the column mapping and the x/y CRS."""
        return {"columns": self.mapping, **({"crs": self.crs} if self.crs else {})}

    # --- the run --------------------------------------------------------------------------------------------
    def run(self, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> ImportReport:
        """Import the file; ``cancelled()`` is asked between batches (what was committed stays, and a run of the
        same file later completes it)."""
        expected = estimated_rows(self.table)
        sha = file_sha256(self.path)
        lookups = self.lookups
        run_id = runs.start_run(self.store, self.kind.name, self.source, str(self.path), sha, self.options,
                                int(self.clock()))
        reject_path = self.reject_path or default_reject_path(self.store, run_id)
        runs.set_reject_file(self.store, run_id, str(reject_path))
        report = ImportReport(run_id, self.kind.name, self.source, str(self.path), "running",
                              reject_file=str(reject_path), detected=dict(self.table.description),
                              mapping=dict(self.mapping))
        rejects = RejectWriter(reject_path, self.lang)
        status = "done"
        try:
            rows = self.rows()
            while batch := list(itertools.islice(rows, self.batch_size)):
                self._flush(run_id, self.check_batch(batch), rejects, report, lookups)
                if progress:
                    progress(report.read, expected)
                if len(batch) == self.batch_size and cancelled and cancelled():
                    status = "cancelled"
                    break
        finally:
            rejects.close()
        runs.finish_run(self.store, run_id, status, int(self.clock()))
        if status == "done":
            runs.save_mapping(self.store, self.source, self.kind.name, self.options, int(self.clock()))
        if progress:
            progress(report.read, report.read)
        report.status = status
        if self.crs and self._xy:
            report.detected["crs"] = self.crs
            if self.northing_first is not None:
                report.detected["axes"] = "northing, easting" if self.northing_first else "easting, northing"
        return report

    def _flush(self, run_id: int, batch: list[Checked], rejects: RejectWriter, report: ImportReport,
               lookups: Lookups) -> None:
        kind, table = self.kind, self.kind.table
        with self.store.begin(cache_kib=CACHE_KIB) as conn:
            good = [c for c in batch if c.built is not None]
            if kind.natural:
                found = runs.person_ids(conn, sorted({c.built.person for c in good}))
                for c in good:
                    pid = found.get(c.built.person)
                    if pid is None:
                        c.built, c.problems = None, [RowProblem(F["id_number"], "", "unknown_person")]
                    else:
                        c.built.columns["person_id"] = pid
                good = [c for c in good if c.built is not None]
            new, skipped = self._new_records(conn, run_id, good)
            rejected = [c for c in batch if c.built is None]
            for c in rejected:
                rejects.write(c.row, c.problems)
            ids = runs.write_batch(conn, run_id, table, [c.built.columns for c in new], [c.row for c in new],
                                   [None if kind.unique_column == "id_hash" else c.built.key for c in new],
                                   runs.RunCounts(len(batch), len(new), skipped, len(rejected)))
            if table == "cameras":  # an imported camera's history starts at its import, in the status the file gives
                record_status(conn, [(rid, int(self.clock()), int(c.built.columns["status"])) for c, rid in zip(new, ids)],
                              "import")
        rejects.flush()  # after the commit: a kill leaves at most the lines of one batch unwritten
        for c, rid in zip(new, ids):
            self._learn(lookups, c.built, rid)
        report.read += len(batch)
        report.imported += len(new)
        report.skipped += skipped
        report.rejected += len(rejected)

    def _new_records(self, conn, run_id: int, good: list[Checked]) -> tuple[list[Checked], int]:
        """The rows of ``good`` not in the store yet; a row found from before is skipped (already present), one
        repeating a row this run wrote or another of the batch is rejected (it repeats its file). Returns (new
        rows, skipped count)."""
        kind, table = self.kind, self.kind.table
        if kind.natural:
            natural = operator.itemgetter(*kind.natural)
            identity = [natural(c.built.columns) for c in good]
            present = runs.present_events(conn, table, kind.natural, identity)
        else:
            identity = [c.built.key for c in good]
            present = (runs.present_values(conn, table, kind.unique_column, identity) if kind.unique_column
                       else runs.present_keys(conn, table, identity))
        mine = runs.imported_by(conn, run_id, table, list(set(present.values())))
        seen: set[object] = set()
        new, skipped = [], 0
        for c, key in zip(good, identity):
            # a row the store held before this run is skipped however often the file repeats it (whichever batch
            # the repeats fall in); one this run wrote, or one repeating a row of this batch, repeats the file
            if key in present and present[key] not in mine:
                skipped += 1
            elif key in present or key in seen:
                c.built, c.problems = None, [RowProblem(None, "", "duplicate_in_file")]
            else:
                new.append(c)
            seen.add(key)
        return new, skipped

    def _learn(self, lookups: Lookups, built: Built, record_id: int) -> None:
        """Entities written by this run can be referred to by later rows of other files of the same session."""
        if self.kind.table == "places":
            lookups.places[built.key] = record_id
        elif self.kind.table == "facilities":
            lookups.facilities[built.key] = (record_id, int(built.columns["kind"]))
