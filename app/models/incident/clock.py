"""The incident clock: a drill runs on a drill clock (×1 … ×60 the wall clock, paused and resumed), a real
incident on the wall clock. Both are callables returning Unix seconds, as the task service's ``clock=`` takes."""

from __future__ import annotations

import time
from collections.abc import Callable

from app.models.inputs import drill_speed


class DrillClock:
    """Simulated time from ``start``, running ``speed`` times the wall clock (``wall`` returns seconds; tests
    pass their own). ``pause``/``resume`` stop and restart it; ``jump_to`` moves it (headless autoplay)."""

    def __init__(self, start: int, speed: int = 1, wall: Callable[[], float] = time.monotonic) -> None:
        self._wall = wall
        self._speed = drill_speed(speed, "speed")
        self._anchor_sim = float(start)
        self._anchor_wall = wall()
        self._paused = False

    def _now(self) -> float:
        if self._paused:
            return self._anchor_sim
        return self._anchor_sim + (self._wall() - self._anchor_wall) * self._speed

    def __call__(self) -> int:
        return int(self._now())

    def _reanchor(self) -> None:
        self._anchor_sim, self._anchor_wall = self._now(), self._wall()

    @property
    def speed(self) -> int:
        return self._speed

    @speed.setter
    def speed(self, value: int) -> None:
        self._reanchor()
        self._speed = drill_speed(value, "speed")

    @property
    def paused(self) -> bool:
        return self._paused

    def pause(self) -> None:
        if not self._paused:
            self._reanchor()
            self._paused = True

    def resume(self) -> None:
        if self._paused:
            self._anchor_wall = self._wall()
            self._paused = False

    def jump_to(self, at: int) -> None:
        """Set the simulated time (never backwards)."""
        self._anchor_sim, self._anchor_wall = max(float(at), self._now()), self._wall()

    def wall_seconds_until(self, at: int) -> float:
        """Real seconds until the clock shows ``at`` (inf while paused, 0 if past)."""
        if self._paused:
            return float("inf")
        return max((at - self._now()) / self._speed, 0.0)


def wall_clock() -> int:
    return int(time.time())
