"""Named benchmark cases for ``jingkong bench GROUP``.

A group is a module ``app/bench/<group>.py`` with a function ``cases(ctx: BenchContext) -> list[Case]``.
Each case's ``setup`` runs once, then ``run`` once as a warm-up and ``ctx.runs`` times measured.
Groups may need Qt (the map group); they are imported only when asked for.
"""

from __future__ import annotations

import importlib
import pkgutil
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class BenchContext:
    db: str | None
    runs: int
    options: dict[str, str] = field(default_factory=dict)


@dataclass
class Case:
    name: str
    run: Callable[[], object]
    setup: Callable[[], object] | None = None
    teardown: Callable[[], object] | None = None
    runs: int | None = None  # override for cases too slow to repeat often
    warmup: bool = True
    notes: dict[str, object] = field(default_factory=dict)


def groups() -> list[str]:
    import app.bench as pkg

    return sorted(m.name for m in pkgutil.iter_modules(pkg.__path__))


def measure(case: Case, runs: int) -> dict[str, object]:
    if case.setup:
        case.setup()
    try:
        if case.warmup:
            case.run()
        times = []
        for _ in range(case.runs or runs):
            start = time.perf_counter()
            case.run()
            times.append((time.perf_counter() - start) * 1000)
    finally:
        if case.teardown:
            case.teardown()
    result: dict[str, object] = {
        "median_ms": round(statistics.median(times), 3),
        "min_ms": round(min(times), 3),
        "max_ms": round(max(times), 3),
        "runs": len(times),
    }
    result.update(case.notes)
    return result


def load_cases(group: str, ctx: BenchContext) -> list[Case]:
    if group not in groups():
        raise ValueError(f"unknown benchmark group {group!r} (groups: {', '.join(groups())})")
    return importlib.import_module(f"app.bench.{group}").cases(ctx)
