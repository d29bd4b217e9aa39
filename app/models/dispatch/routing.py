"""Who does a task: the unit and role derived from its target, and where an overdue task escalates to.

A grid goes to its grid leader, a village to the village office, a town to the town office, the county to
the command centre. People without a unit target go to the lowest unit holding all their home grids (one
grid's leader when they share a grid); people with no home grid go to the command centre. A polygon target
goes the same way, by the grids it touches; a point target to the one grid it lies in (on a boundary shared by
several grids, the lowest code: ``app.store.queries.spatial``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.models.dispatch.catalogue import ROLE_BY_LEVEL
from app.models.dispatch.errors import TaskError
from app.store.queries.tasks import UnitRow


@dataclass(frozen=True)
class Assignee:
    unit_id: int
    code: str
    role: str
    name: str | None  # the grid leader's name; None for an office


class Router:
    """The admin hierarchy as routing needs it; built once from :func:`unit_directory`."""

    def __init__(self, units: Sequence[UnitRow]) -> None:
        self._by_id = {u.id: u for u in units}
        self._by_code = {u.code: u for u in units}
        self._children: dict[int, list[int]] = {}
        for u in sorted(units, key=lambda u: u.code):
            if u.parent_id is not None:
                self._children.setdefault(u.parent_id, []).append(u.id)
        roots = [u for u in units if u.parent_id is None]
        if not roots:
            raise TaskError("the store has no county unit to route tasks to")
        self.county = roots[0]

    def unit(self, unit_id: int) -> UnitRow:
        return self._by_id[unit_id]

    def by_code(self, code: str) -> UnitRow:
        unit = self._by_code.get(code)
        if unit is None:
            raise TaskError(f"no admin unit with code {code!r}")
        return unit

    def parent(self, unit_id: int) -> UnitRow | None:
        parent_id = self._by_id[unit_id].parent_id
        return None if parent_id is None else self._by_id[parent_id]

    def assignee(self, unit_id: int) -> Assignee:
        u = self._by_id[unit_id]
        return Assignee(u.id, u.code, ROLE_BY_LEVEL[u.level], u.leader)

    def for_grids(self, grid_ids: Iterable[int | None]) -> Assignee:
        """The lowest unit holding every given grid (people's home grids, or the grids a drawn target
        touches); the county if any is unknown or there are none."""
        grids = set(grid_ids)
        if not grids or None in grids:
            return self.assignee(self.county.id)
        chains = [self._ancestry(g) for g in grids if g is not None]
        common = set(chains[0]).intersection(*chains[1:])
        return self.assignee(next(u for u in chains[0] if u in common))

    def descendants(self, unit_id: int, level: int) -> list[UnitRow]:
        """Units at ``level`` under ``unit_id``, in code order."""
        frontier = [unit_id]
        while frontier and self._by_id[frontier[0]].level < level:
            frontier = [c for u in frontier for c in self._children.get(u, [])]
        return [self._by_id[u] for u in frontier if self._by_id[u].level == level]

    def _ancestry(self, unit_id: int) -> list[int]:
        """The unit and its ancestors, nearest first."""
        chain = [unit_id]
        while (parent := self._by_id[chain[-1]].parent_id) is not None:
            chain.append(parent)
        return chain
