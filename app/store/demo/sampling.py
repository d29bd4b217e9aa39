"""Vectorised sampling helpers shared by the demo generator."""

from __future__ import annotations

import numpy as np
import shapely

from app.store.demo.scale import PERIOD_END, PERIOD_START
from app.timebase import DAY, to_seconds

# Share of a day's scans per hour: morning, lunch and evening peaks, quiet nights.
HOURLY = np.array([0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 4.0, 6.5, 6.0, 5.5, 6.5, 7.0, 5.5, 5.0, 5.0, 5.5,
                   7.0, 8.0, 7.0, 5.5, 4.0, 2.0, 0.8])
START_S = to_seconds(PERIOD_START)
END_S = to_seconds(PERIOD_END) + DAY - 1


def points_in(rng: np.random.Generator, geoms: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """One random point inside ``geoms[row]`` for each row (rejection sampling in each bounding box)."""
    xy = np.empty((len(rows), 2))
    todo = np.arange(len(rows))
    bounds = shapely.bounds(geoms)
    while len(todo):
        b = bounds[rows[todo]]
        cand = rng.uniform(b[:, :2], b[:, 2:])
        ok = shapely.contains_xy(geoms[rows[todo]], cand[:, 0], cand[:, 1])
        xy[todo[ok]] = cand[ok]
        todo = todo[~ok]
    return xy


def times(rng: np.random.Generator, n: int, start: int = START_S, end: int = END_S,
          hourly: np.ndarray = HOURLY, weekend: float = 1.25) -> np.ndarray:
    """``n`` Unix seconds between start and end with a daily rhythm and busier weekends."""
    first_day, last_day = (start + 8 * 3600) // DAY, (end + 8 * 3600) // DAY
    days = np.arange(first_day, last_day + 1)
    weights = np.where(((days + 3) % 7) >= 5, weekend, 1.0)  # 1970-01-01 was a Thursday
    day = rng.choice(days, n, p=weights / weights.sum())
    hour = rng.choice(24, n, p=hourly / hourly.sum())
    t = day * DAY - 8 * 3600 + hour * 3600 + rng.integers(0, 3600, n)
    return np.clip(t, start, end)


class Picker:
    """Pick, for each person's town, one item located in that town (or any item when there is none)."""

    def __init__(self, item_towns: np.ndarray) -> None:
        self.order = np.argsort(item_towns, kind="stable")
        sorted_towns = item_towns[self.order]
        keys = np.arange(max(int(item_towns.max()), 0) + 1)
        self.start = np.searchsorted(sorted_towns, keys)
        self.count = np.searchsorted(sorted_towns, keys, side="right") - self.start
        self.n = len(item_towns)

    def pick(self, rng: np.random.Generator, towns: np.ndarray, local: float = 0.85) -> np.ndarray:
        """An item index per entry of ``towns``; with probability ``local`` one in that town."""
        towns = np.asarray(towns)
        safe = np.clip(towns, 0, len(self.count) - 1)
        have = (towns >= 0) & (towns < len(self.count)) & (self.count[safe] > 0) & (rng.random(len(towns)) < local)
        out = rng.integers(0, self.n, len(towns))
        offset = (rng.random(len(towns)) * self.count[safe]).astype(np.int64)
        out[have] = self.order[self.start[safe[have]] + offset[have]]
        return out
