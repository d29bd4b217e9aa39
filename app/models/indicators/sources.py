"""The engine's inputs in one place: people as lookups by id, the point tables per grid, and records.

``Sources`` is read once for a full computation; an incremental refresh builds a narrower one holding
only the records of the people that new records touch (``records``/``persons`` in that scope).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from app.domain.people import PersonKind
from app.models.indicators.tree import Slots, UnitTree
from app.store.queries import indicator_statics as statics
from app.store.queries.indicators import READERS, Scope, warnings
from app.store.store import Store
from app.timebase import whole_years

Arrays = dict[str, np.ndarray]
PRESENT_KINDS = (PersonKind.RESIDENT, PersonKind.FLOATING)  # natives living elsewhere are not present
GRID, KIND, OCCUPATION = np.int32, np.int8, np.int16  # see People
AGE_BANDS = (("a0_2", 0, 3), ("a3_11", 3, 12), ("a12_17", 12, 18), ("a18_59", 18, 60), ("a60_69", 60, 70),
             ("a70_79", 70, 80), ("a80p", 80, 999))


def age_band(birth_days: np.ndarray, on: dt.date) -> np.ndarray:
    """Index into AGE_BANDS of each person's age in whole years on ``on`` (birth days are CST day numbers)."""
    age = whole_years(birth_days, on)
    edges = np.array([lo for _, lo, _ in AGE_BANDS[1:]])
    return np.searchsorted(edges, age, side="right")


@dataclass(eq=False)
class People:
    """Person attributes as dense arrays indexed by person id (grid -1 for unknown ids or no home grid).

    ``grid`` is the home grid of anyone who has one, natives living elsewhere included: records count there.
    ``home`` is the one definition of the population present — residents and floating residents with a home
    grid — and every count of people (the population, the tested, visitors, the vaccinated…) counts by it, so
    a count of people is always part of the population it is a share of.
    """

    # narrow types (grid rows fit int32, kinds, bands and occupations int8/int16): the full county's two and a half
    # million people took 93 MB as int64 arrays, 28 MB so; the arrays are only indexed and compared
    grid: np.ndarray
    home: np.ndarray
    kind: np.ndarray
    band: np.ndarray
    occupation: np.ndarray

    @classmethod
    def empty(cls) -> People:
        return cls(np.full(1, -1, GRID), np.full(1, -1, GRID), np.zeros(1, KIND), np.zeros(1, KIND), np.zeros(1, OCCUPATION))

    def extend(self, rows: Arrays, tree: UnitTree, reference: dt.date) -> None:
        """Take in person rows (new people, or all of them)."""
        size = int(rows["id"].max(initial=0)) + 1
        if size > len(self.grid):
            grow = size - len(self.grid)
            self.grid, self.home = (np.r_[a, np.full(grow, -1, a.dtype)] for a in (self.grid, self.home))
            self.kind, self.band, self.occupation = (np.r_[a, np.zeros(grow, a.dtype)] for a in (self.kind, self.band, self.occupation))
        ids = rows["id"]
        self.grid[ids] = tree.grid_rows(rows["grid"])
        self.kind[ids] = rows["kind"]
        self.band[ids] = age_band(rows["birth"], reference)
        self.occupation[ids] = rows["occupation"]
        present = np.isin(rows["kind"], PRESENT_KINDS)
        self.home[ids] = np.where(present, self.grid[ids], -1)


@dataclass(eq=False)
class Sources:
    """What the producers read: lookups, the point tables, and the person and record rows in scope."""

    tree: UnitTree
    slots: Slots
    people: People
    units: statics.UnitRows
    persons: Arrays  # person rows in scope
    records: dict[str, Arrays]
    static: dict[str, Arrays] = field(default_factory=dict)  # places, cameras, facilities, leaders, risk, tasks, warnings
    place_grid: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    place_kind: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    home_city: int = 0


def read_statics(store: Store, tree: UnitTree, limits: dict[str, int]) -> tuple[dict[str, Arrays], np.ndarray, np.ndarray]:
    """Point, task and warning tables and risk periods; plus place id -> grid row and place id -> kind lookups."""
    places = statics.places(store)
    size = int(places["id"].max(initial=0)) + 1
    place_grid, place_kind = np.full(size, -1, np.int64), np.zeros(size, np.int64)
    place_grid[places["id"]] = tree.grid_rows(places["grid"])
    place_kind[places["id"]] = places["kind"]
    static = {"places": places, "cameras": statics.cameras(store), "camera_changes": statics.camera_changes(store),
              "facilities": statics.facilities(store),
              "leaders": {"grid": statics.grid_leaders(store)}, "risk": statics.risk_periods(store),
              "tasks": statics.tasks(store), "warnings": warnings(store, Scope(limits=limits))}
    return static, place_grid, place_kind


class RecordsOnDemand(dict):
    """Record tables read when a producer first asks for one. A full computation gives each producer a fresh one,
    so a table is held only while the producer that reads it runs: the full county's scans, samples and doses held
    at once were the peak of the console's memory."""

    def __init__(self, store: Store, scope: Scope) -> None:
        super().__init__()
        self._store, self._scope = store, scope

    def __missing__(self, table: str) -> Arrays:
        self[table] = READERS[table](self._store, self._scope)
        return self[table]
