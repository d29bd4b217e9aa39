"""Benchmark group ``generate``: the demo county generator at a chosen scale (``--scale``)."""

from __future__ import annotations

import resource
import tempfile
from pathlib import Path

from app.bench import BenchContext, Case
from app.store.demo.generate import generate_store
from app.store.demo.geography import build_geography
from app.store.demo.scale import SCALES


def cases(ctx: BenchContext) -> list[Case]:
    scale = ctx.options.get("scale", "tiny")
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r} (choose {', '.join(SCALES)})")
    workdir = Path(tempfile.mkdtemp(prefix="jingkong-bench-"))
    notes: dict[str, object] = {}

    def store() -> None:
        report = generate_store(workdir / f"{scale}.gpkg", scale, 1)
        notes.update(records=report.records_total, store_mb=round((workdir / f"{scale}.gpkg").stat().st_size / 2**20, 1),
                     peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))

    slow = scale == "full"
    return [
        Case("geography", lambda: build_geography(1)),
        # A full-scale store takes minutes: measure it once, without a warm-up run.
        Case(f"store_{scale}", store, runs=1 if slow else None, warmup=not slow, notes=notes),
    ]
