"""Admin levels of the unit tree: county → town → village → micro-grid."""

from __future__ import annotations

import enum


class Level(enum.IntEnum):
    COUNTY = 0
    TOWN = 1
    VILLAGE = 2
    GRID = 3

    @property
    def key(self) -> str:
        return self.name.lower()
