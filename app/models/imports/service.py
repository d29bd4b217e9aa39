"""Imports as the console and the CLI use them: start a job, list runs, undo one, and keep the indicators
current afterwards (an import only adds records with larger ids: the engine's incremental refresh counts them;
an undo deletes records, which only a recomputation takes back)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from app.models.imports.runner import ImportJob
from app.models.indicators.engine import IndicatorEngine
from app.store.imports import provenance as runs
from app.store.store import Store


class ImportService:
    """Import runs over ``store``; ``engine()`` gives the indicator engine when one has been built (None: nothing
    to keep current)."""

    def __init__(self, store: Store, engine: Callable[[], IndicatorEngine | None] = lambda: None,
                 clock: Callable[[], float] = time.time) -> None:
        self.store, self._engine, self.clock = store, engine, clock

    def job(self, kind: str, path: Path, **options: object) -> ImportJob:
        return ImportJob(self.store, kind, path, clock=self.clock, **options)

    def runs(self) -> list[dict[str, object]]:
        return runs.list_runs(self.store)

    def undo(self, run_id: int) -> dict[str, int]:
        deleted = runs.undo_run(self.store, run_id, int(self.clock()))
        engine = self._engine()
        if engine is not None and engine.ready:
            engine.compute()
        return deleted

    def refresh_indicators(self) -> int:
        """After an import: count the new records into the indicators, incrementally (no full recompute)."""
        engine = self._engine()
        return engine.refresh() if engine is not None and engine.ready else 0
