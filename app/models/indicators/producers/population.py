"""Population and grids: people by kind, age band, sex, occupation and health code; the unit figures."""

from __future__ import annotations

import numpy as np

from app.domain.people import KEY_OCCUPATIONS, OCCUPATIONS, HealthCode, PersonKind
from app.models.indicators.contributions import Contributions
from app.models.indicators.sources import AGE_BANDS, Sources

KINDS = {"resident": PersonKind.RESIDENT, "floating": PersonKind.FLOATING, "away": PersonKind.NATIVE_ELSEWHERE}
KEY_CODES = np.array([OCCUPATIONS.index(o) for o in KEY_OCCUPATIONS])
MEASURES = (
    "pop_present", *(f"pop_{k}" for k in KINDS), *(f"pop_{b}" for b, _, _ in AGE_BANDS), "pop_male", "pop_female",
    *(f"pop_occ_{o}" for o in OCCUPATIONS), "pop_key_occ", *(f"pop_hc_{h.name.lower()}" for h in HealthCode),
)


def produce(src: Sources, out: Contributions) -> None:
    rows = src.persons
    grid = src.tree.grid_rows(rows["grid"])
    for name, kind in KINDS.items():
        out.add_static(f"pop_{name}", grid[rows["kind"] == kind])
    home = src.people.home[rows["id"]]
    present = home >= 0
    g, band = home[present], src.people.band[rows["id"][present]]
    out.add_static("pop_present", g)
    for i, (name, _, _) in enumerate(AGE_BANDS):
        out.add_static(f"pop_{name}", g[band == i])
    sex, occupation, health = rows["sex"][present], rows["occupation"][present], rows["health"][present]
    out.add_static("pop_male", g[sex == 1])
    out.add_static("pop_female", g[sex == 2])
    for i, name in enumerate(OCCUPATIONS):
        out.add_static(f"pop_occ_{name}", g[occupation == i])
    out.add_static("pop_key_occ", g[np.isin(occupation, KEY_CODES)])
    for h in HealthCode:
        out.add_static(f"pop_hc_{h.name.lower()}", g[health == h])
