"""The unit tree and the day axis the roll-up cube is laid out on.

Units of each level are rows ordered by code, so the grids of a village (and the villages of a town)
are contiguous rows and a roll-up is one ``np.add.reduceat`` per level.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from app.domain.admin import Level
from app.models.as_of import check_date
from app.store.queries.indicator_statics import UnitRows
from app.timebase import date_of_day, day_number


@dataclass(eq=False)
class UnitTree:
    """Codes per level; for every grid row, the row of its ancestor at each level."""

    codes: dict[Level, np.ndarray]
    names: dict[Level, np.ndarray]  # Chinese names, row-aligned with codes
    ancestor: dict[Level, np.ndarray]  # level -> ancestor row per grid row (GRID: identity)
    grid_row_of_id: np.ndarray  # admin unit id -> grid row (-1: not a grid)
    names_pinyin: dict[Level, np.ndarray] = field(default_factory=dict)  # the names in the English interface
    index: dict[str, tuple[Level, int]] = field(init=False)
    _plans: dict[Level, tuple[np.ndarray, np.ndarray, np.ndarray]] = field(init=False, default_factory=dict)
    _ups: dict[tuple[Level, Level], np.ndarray] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.index = {str(c): (level, i) for level, codes in self.codes.items() for i, c in enumerate(codes)}

    @classmethod
    def from_rows(cls, rows: UnitRows) -> UnitTree:
        codes = {level: rows.codes[rows.levels == int(level)] for level in Level}
        names = {level: rows.names[rows.levels == int(level)] for level in Level}
        pinyin = {level: rows.names_pinyin[rows.levels == int(level)] for level in Level}
        row_of = {level: {c: i for i, c in enumerate(codes[level])} for level in Level}
        grid_codes = codes[Level.GRID]
        ancestor = {level: np.array([row_of[level].get(c[: 6 + 3 * int(level)], -1) for c in grid_codes], np.int64)
                    for level in Level}
        grid_row_of_id = np.full(int(rows.ids.max(initial=0)) + 1, -1, np.int64)
        is_grid = rows.levels == int(Level.GRID)
        grid_row_of_id[rows.ids[is_grid]] = [row_of[Level.GRID][c] for c in rows.codes[is_grid]]
        return cls(codes, names, ancestor, grid_row_of_id, pinyin)

    @property
    def n_grids(self) -> int:
        return len(self.codes[Level.GRID])

    def find(self, code: str) -> tuple[Level, int]:
        """(level, row) of a unit code; KeyError naming the code if there is none."""
        try:
            return self.index[code]
        except KeyError:
            raise KeyError(f"no admin unit with code {code!r}") from None

    def name(self, code: str, lang: str = "zh") -> str:
        """The unit's name: Chinese, or pinyin for ``lang="en"`` (as the map names places)."""
        level, row = self.find(code)
        return str(self.level_names(level, lang)[row])

    def level_names(self, level: Level, lang: str = "zh") -> np.ndarray:
        return self.names_pinyin[level] if lang == "en" and level in self.names_pinyin else self.names[level]

    def grid_rows(self, admin_ids: np.ndarray) -> np.ndarray:
        """Grid rows of admin unit ids (-1 for ids that are not grids, or negative)."""
        ids = np.asarray(admin_ids, np.int64)
        ok = (ids >= 0) & (ids < len(self.grid_row_of_id))
        return np.where(ok, self.grid_row_of_id[np.where(ok, ids, 0)], -1)

    def up(self, from_level: Level, rows: np.ndarray, to_level: Level) -> np.ndarray:
        """Rows at ``to_level`` of the ancestors of ``rows`` at ``from_level`` (-1 where ``to_level`` is below)."""
        if to_level > from_level:
            return np.full(len(rows), -1, np.int64)
        key = (from_level, to_level)
        if key not in self._ups:
            width = 6 + 3 * int(to_level)
            self._ups[key] = np.array([self.index.get(str(c)[:width], (to_level, -1))[1] for c in self.codes[from_level]],
                                      np.int64)
        return self._ups[key][rows]

    def rollup(self, values: np.ndarray, level: Level) -> np.ndarray:
        """Sum a (days, grids) array into (days, units of ``level``); grids without such an ancestor drop out."""
        if level == Level.GRID:
            return values
        order, starts, present = self._plan(level)
        out = np.zeros((values.shape[0], len(self.codes[level])), values.dtype)
        if len(order):
            out[:, present] = np.add.reduceat(values[:, order], starts, axis=1)
        return out

    def _plan(self, level: Level) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Grid rows grouped by ancestor, where each group starts, and which units have grids."""
        if level not in self._plans:
            anc = self.ancestor[level]
            order = np.argsort(anc, kind="stable")
            order = order[anc[order] >= 0]
            counts = np.bincount(anc[order], minlength=len(self.codes[level]))
            present = counts > 0
            starts = (np.cumsum(counts) - counts)[present]
            self._plans[level] = (order, starts, present)
        return self._plans[level]


@dataclass(frozen=True)
class Slots:
    """The day axis: slot 0 holds everything before the axis, slot ``k`` its ``k``-th day.

    The axis starts ``lead`` days before the data period, so that a window ending on any day of the period
    (the doses of the last 7 days, as of the period's third day) sums exact days, never an opening bucket.
    Only days of the period can be asked about (``of_date``).
    """

    first_day: int  # the first day of the data period
    n_days: int  # days in the data period
    lead: int = 0  # days of the axis before the period

    @classmethod
    def for_period(cls, start: dt.date, end: dt.date, lead: int = 0) -> Slots:
        return cls(day_number(start), day_number(end) - day_number(start) + 1, lead)

    @property
    def origin(self) -> int:
        """The day of slot 1."""
        return self.first_day - self.lead

    @property
    def size(self) -> int:
        return self.lead + self.n_days + 1

    @property
    def first(self) -> int:
        """The slot of the period's first day."""
        return self.lead + 1

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        return date_of_day(self.first_day), date_of_day(self.first_day + self.n_days - 1)

    def of_days(self, days: np.ndarray) -> np.ndarray:
        """Slot of each CST day number; days after the period get ``size`` (outside the axis)."""
        return np.clip(np.asarray(days, np.int64) - self.origin + 1, 0, self.size)

    def of_date(self, date: dt.date) -> int:
        """Slot of an as-of date; OutsidePeriod if it is outside the data period."""
        check_date(date, self.period)
        return day_number(date) - self.origin + 1

    def date(self, slot: int) -> dt.date:
        return date_of_day(self.origin + slot - 1)
