"""Vaccination coverage of towns or villages by age band and dose: the table that took a day by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from app.domain.admin import Level
from app.models.indicators.engine import IndicatorEngine
from app.models.indicators.producers.vaccination import DOSES, VACCINE_BANDS

BAND_LABELS = ("3–11", "12–17", "18–59", "60–69", "70–79", "80+")


@dataclass(frozen=True)
class VaccinationTable:
    """Row-aligned with ``codes``: ``population[i, band]`` and ``vaccinated[i, band, dose]`` (people with that dose)."""

    level: Level
    as_of: dt.date
    codes: list[str]
    names: list[str]
    population: np.ndarray
    vaccinated: np.ndarray

    @property
    def coverage(self) -> np.ndarray:
        """Percent of each band with each dose (NaN where a band has nobody)."""
        pop = self.population[:, :, None].astype(float)
        return np.divide(self.vaccinated * 100.0, pop, out=np.full(self.vaccinated.shape, np.nan), where=pop > 0)


def vaccination_table(engine: IndicatorEngine, level: Level, as_of: dt.date, lang: str = "zh") -> VaccinationTable:
    """The table for every unit of ``level`` the principal may see (towns or villages; any level works) as of ``as_of``; names in ``lang``."""
    engine.ensure()
    slot = engine.slot(as_of)
    cube = engine.cube
    population = np.column_stack([cube.at(f"pop_{band}", level, slot) for band, _, _ in VACCINE_BANDS])
    vaccinated = np.stack([np.column_stack([cube.at(f"vax_d{d}_{band}", level, slot) for d in DOSES])
                           for band, _, _ in VACCINE_BANDS], axis=1)
    shown = np.flatnonzero(~engine.hidden(level))  # the units the principal may see
    codes, names = engine.tree.codes[level], engine.tree.level_names(level, lang)
    return VaccinationTable(level, as_of, [str(codes[i]) for i in shown], [str(names[i]) for i in shown],
                            population[shown], vaccinated[shown])
