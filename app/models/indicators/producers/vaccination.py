"""Vaccination: doses given, and people of the county with dose k by age band and population group.

A person counts from the first day they had dose ``k``; age bands are ages on the reference date (the last
day of the data), so a band's coverage moves only with vaccinations, never with birthdays.
"""

from __future__ import annotations

import numpy as np

from app.domain.people import PersonKind
from app.models.indicators.contributions import Contributions, PersonDays
from app.models.indicators.producers.population import KEY_CODES
from app.models.indicators.sources import AGE_BANDS, Sources

DOSES = (1, 2, 3, 4)
VACCINE_BANDS = AGE_BANDS[1:]  # nobody under 3 is vaccinated
GROUPS = ("resident", "floating", "key_occ", "elderly")
MEASURES = (
    *(f"doses_d{d}" for d in DOSES),
    *(f"vax_d{d}_{b}" for d in DOSES for b, _, _ in VACCINE_BANDS),
    *(f"vax_d{d}_{g}" for d in DOSES for g in GROUPS),
)


def produce(src: Sources, out: Contributions) -> None:
    v = src.records["vaccinations"]
    person, dose, day = v["person"], v["dose"], v["day"]
    grid = src.people.grid[person]
    for d in DOSES:
        out.add(f"doses_d{d}", grid[dose == d], day[dose == d])
    people = src.people
    for d in DOSES:
        this = dose == d
        got = PersonDays(person[this], day[this])
        first = got.first()
        p, first_day = got.persons[first], got.days[first]
        p_grid = people.home[p]
        band, kind = people.band[p], people.kind[p]
        for i, (name, _, _) in enumerate(VACCINE_BANDS, start=1):
            out.add(f"vax_d{d}_{name}", p_grid[band == i], first_day[band == i])
        groups = {"resident": kind == PersonKind.RESIDENT, "floating": kind == PersonKind.FLOATING,
                  "key_occ": np.isin(people.occupation[p], KEY_CODES), "elderly": band >= 4}
        for name, member in groups.items():
            out.add(f"vax_d{d}_{name}", p_grid[member], first_day[member])
