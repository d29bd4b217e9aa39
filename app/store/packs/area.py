"""A pack's area: the unit taken out and every unit below it (codes nest, so the area is a code prefix)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from app.domain.admin import Level
from app.domain.errors import StoreError
from app.store.tables.admin import AdminUnit


class NotInPack(StoreError):
    """A unit outside the area a pack holds was asked for."""


@dataclass(frozen=True)
class PackArea:
    """The unit a pack holds (``code``) with the ids of every unit of its subtree and of its grids."""

    code: str
    level: Level
    name: str
    unit_ids: frozenset[int]
    grid_ids: frozenset[int]

    def holds(self, code: str) -> bool:
        """Whether the unit ``code`` lies in the area (the unit itself, or below it)."""
        return code.startswith(self.code)

    def check(self, code: str) -> None:
        """Refuse a unit outside the area with the one line every caller shows."""
        if not self.holds(code):
            raise NotInPack(f"unit {code} is not in this pack (the pack holds {self.code} {self.name})")


def load_area(conn: Connection, code: str) -> PackArea:
    """The area of unit ``code``; StoreError if there is no such unit."""
    a = AdminUnit.__table__
    top = conn.execute(select(a.c.level, a.c.name_zh).where(a.c.code == code)).first()
    if top is None:
        raise StoreError(f"no admin unit with code {code}")
    rows = conn.execute(select(a.c.id, a.c.level).where(a.c.code.startswith(code, autoescape=True))).all()
    return PackArea(code, Level(top.level), top.name_zh, frozenset(int(r.id) for r in rows),
                    frozenset(int(r.id) for r in rows if r.level == Level.GRID))
