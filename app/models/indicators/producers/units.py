"""Population and grids: the figures of the units themselves (registered population, households, area, leaders)."""

from __future__ import annotations

import numpy as np

from app.models.indicators.contributions import Contributions
from app.models.indicators.sources import Sources

MEASURES = ("reg_population", "households", "area_m2", "grids", "grid_leaders")


def produce(src: Sources, out: Contributions) -> None:
    units = src.units
    grid = src.tree.grid_rows(units.ids)
    is_grid = grid >= 0
    out.add_static("reg_population", grid[is_grid], units.population[is_grid])
    out.add_static("households", grid[is_grid], units.households[is_grid])
    # square metres: whole numbers for the cube, yet exact enough that a village's area is the sum of its grids'
    # (rounding each grid to hectares put villages of small grids off by 7 %)
    out.add_static("area_m2", grid[is_grid], np.rint(units.area_km2[is_grid] * 1e6))
    out.add_static("grids", grid[is_grid])
    out.add_static("grid_leaders", src.tree.grid_rows(src.static["leaders"]["grid"]))
