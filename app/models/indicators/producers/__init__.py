"""Producers: each turns some source tables into measure contributions and declares the measures it makes.

Static producers read only the unit, point, task and warning tables (small: re-run whole on every refresh, so
camera status, task and warning changes show); the others read people and records, and a refresh re-runs them for touched people.
"""

from __future__ import annotations

from collections.abc import Callable

from app.models.indicators.contributions import Contributions
from app.models.indicators.producers import (
    care,
    flows,
    population,
    resources,
    tasks,
    testing,
    units,
    vaccination,
    warnings,
)
from app.models.indicators.sources import Sources

STATIC = (units, resources, tasks, warnings)
RECORDS = (population, flows, testing, vaccination, care)
STATIC_MEASURES: frozenset[str] = frozenset(m for module in STATIC for m in module.MEASURES)
MEASURES: frozenset[str] = STATIC_MEASURES | frozenset(m for module in RECORDS for m in module.MEASURES)


def produce_static(sources: Sources, out: Contributions) -> None:
    for module in STATIC:
        module.produce(sources, out)


def produce_records(sources: Sources, out: Contributions, records: Callable[[], dict] | None = None) -> None:
    """Run the record producers over ``sources``; with ``records``, each producer gets ``sources.records`` fresh
    from it (and the tables the one before read are let go)."""
    for module in RECORDS:
        if records is not None:
            sources.records = records()
        module.produce(sources, out)


__all__ = ["MEASURES", "STATIC_MEASURES", "produce_records", "produce_static"]
