"""Drill-down through the hierarchy (county → town → village → grid) and the breadcrumb back up.

Emits ``events.path(list[str])`` with the codes from the county down to the unit in focus.
"""

from __future__ import annotations

from psygnal import Signal, SignalGroup

from app.domain.admin import Level
from app.models.admin_atlas import AdminAtlas


class DrillPath:
    """The unit in focus and its ancestors; ``depth`` 0 is the whole county."""

    class _Events(SignalGroup):
        path = Signal(object)

    def __init__(self, atlas: AdminAtlas) -> None:
        self.events = self._Events()
        self._atlas = atlas
        county = atlas.levels[Level.COUNTY].data.codes
        self.path: list[str] = [str(county[0])] if len(county) else []

    @property
    def depth(self) -> int:
        return max(len(self.path) - 1, 0)

    @property
    def child_level(self) -> Level:
        """The level a click picks at this depth: towns in the county, villages in a town, grids below."""
        return Level(min(self.depth + 1, int(Level.GRID)))

    def drill_to(self, code: str) -> None:
        """Focus on ``code`` (any level); the breadcrumb becomes its ancestry."""
        path = self._atlas.ancestors(code)
        if path and path != self.path:
            self.path = path
            self.events.path.emit(list(path))

    def go_up_to(self, depth: int) -> None:
        if 0 <= depth < len(self.path) - 1:
            self.path = self.path[: depth + 1]
            self.events.path.emit(list(self.path))
