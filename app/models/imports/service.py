"""Imports as the console and the CLI use them: start a job, list runs, undo one, and keep the indicators
current afterwards (an import only adds records with larger ids: the engine's incremental refresh counts them;
an undo deletes records, which only a recomputation takes back)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.models.imports.boundaries import BoundaryJob, BoundaryReport
from app.models.imports.kinds import BOUNDARIES
from app.models.imports.mapping import read_mapping_file
from app.models.imports.runner import ImportJob
from app.models.indicators.engine import IndicatorEngine
from app.store.imports import provenance as runs
from app.store.imports.sources import TableSource, open_source
from app.store.store import ROOT, Store

SAMPLES = ROOT / "resources" / "samples" / "import"


@dataclass(frozen=True)
class SampleFile:
    """A sample department file (``resources/samples/import``) and the mapping it needs, if any."""

    path: Path
    kind: str
    mapping: dict[str, str] | None


def sample_files(folder: Path = SAMPLES, boundaries: bool = False) -> list[SampleFile]:
    """The sample files of records in the order they import (entities before the records naming them); with
    ``boundaries``, the sample boundary layers instead."""
    manifest = folder / "manifest.json"
    if not manifest.exists():
        return []
    data = json.loads(manifest.read_text(encoding="utf-8"))
    names = [n for n, info in data["files"].items() if info["kind"] == BOUNDARIES] if boundaries else data["order"]
    out = []
    for name in names:
        mapping = folder / (Path(name).stem + ".mapping.json")
        out.append(SampleFile(folder / name, data["files"][name]["kind"],
                              read_mapping_file(mapping) if mapping.exists() else None))
    return out


@dataclass(frozen=True)
class ImportRecord:
    """One past import as the import history lists it; ``blocked`` is why it cannot be undone (``undone``: it was;
    ``later_boundaries``: only the latest boundaries import can be), None when it can."""

    id: int
    kind: str
    source: str
    file: str
    started_at: int  # seconds since the epoch
    status: str
    read: int
    imported: int
    skipped: int
    rejected: int
    blocked: str | None


class ImportService:
    """Import runs over ``store``; ``engine()`` gives the indicator engine when one has been built (None: nothing
    to keep current)."""

    def __init__(self, store: Store, engine: Callable[[], IndicatorEngine | None] = lambda: None,
                 clock: Callable[[], float] = time.time) -> None:
        self.store, self._engine, self.clock = store, engine, clock

    def job(self, kind: str, path: Path, **options: object) -> ImportJob:
        return ImportJob(self.store, kind, path, clock=self.clock, **options)

    def boundary_job(self, path: Path, **options: object) -> BoundaryJob:
        """A boundaries file to check (``check()``), then to put in place of the admin layers
        (``replace_boundaries``)."""
        return BoundaryJob(self.store, path, clock=self.clock, **options)

    def replace_boundaries(self, job: BoundaryJob, accept_topology: bool = False) -> BoundaryReport:
        """Replace the admin layers with the checked file's, then rebuild the indicators: every unit and grid
        assignment may have changed, which no incremental refresh follows."""
        report = job.replace(accept_topology)
        self._recompute()
        return report

    @staticmethod
    def open_file(path: Path) -> TableSource:
        """A department file's headers and rows (for the wizard's preview, before a kind's mapping fits)."""
        return open_source(path)

    @staticmethod
    def samples() -> list[SampleFile]:
        return sample_files()

    @staticmethod
    def boundary_samples() -> list[SampleFile]:
        return sample_files(boundaries=True)

    def runs(self) -> list[dict[str, object]]:
        return runs.list_runs(self.store)

    def history(self) -> list[ImportRecord]:
        """The imports so far, newest first, each saying whether it can be undone and if not why."""
        rows = self.runs()
        latest_boundaries = max((int(r["id"]) for r in rows if r["kind"] == BOUNDARIES and r["status"] == "done"),
                                default=None)
        out = []
        for r in reversed(rows):
            blocked = None
            if r["status"] == "undone":
                blocked = "undone"
            elif r["kind"] == BOUNDARIES and r["id"] != latest_boundaries:
                # boundary_undo puts back the layers the run replaced: only the newest replacement has them
                blocked = "later_boundaries"
            out.append(ImportRecord(int(r["id"]), str(r["kind"]), str(r["source"]), str(r["file_name"]),
                                    int(r["started_at"]), str(r["status"]), int(r["rows_read"]), int(r["imported"]),
                                    int(r["skipped"]), int(r["rejected"]), blocked))
        return out

    def undo_removes(self, run_id: int) -> dict[str, int]:
        """Table -> records undoing the import deletes (a boundaries import puts the previous layers back instead)."""
        return runs.run_tables(self.store, run_id)

    def undo(self, run_id: int) -> dict[str, int]:
        deleted = runs.undo_run(self.store, run_id, int(self.clock()))
        self._recompute()
        return deleted

    def _recompute(self) -> None:
        engine = self._engine()
        if engine is not None and engine.ready:
            engine.compute()

    def refresh_indicators(self) -> int:
        """After an import: count the new records into the indicators, incrementally (no full recompute)."""
        engine = self._engine()
        return engine.refresh() if engine is not None and engine.ready else 0
