"""Reads an incident plan needs about an area: what lies in a set of grids, and where the case went."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sqlalchemy import func, select

from app.domain.facilities import FacilityKind
from app.domain.places import Direction, PlaceKind
from app.store.queries.arrays import IN_CHUNK
from app.store.queries.points import PointSet, load_facilities
from app.store.queries.scans import scans_of_people
from app.store.queries.trips import beds_used, facilities
from app.store.store import Store
from app.store.tables.cameras import Camera
from app.store.tables.facilities import Facility
from app.store.tables.persons import Person
from app.store.tables.places import Place, Scan


def _by_grid(store: Store, table, grid_ids: Sequence[int], *where) -> dict[int, int]:  # noqa: ANN001
    ids = sorted({int(g) for g in grid_ids})
    out: dict[int, int] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(ids), IN_CHUNK):
            query = (select(table.c.grid_id, func.count()).where(table.c.grid_id.in_(ids[start : start + IN_CHUNK]), *where)
                     .group_by(table.c.grid_id))
            out.update((int(g), int(n)) for g, n in conn.execute(query))
    return out


def cameras_by_grid(store: Store, grid_ids: Sequence[int]) -> dict[int, int]:
    return _by_grid(store, Camera.__table__, grid_ids)


def places_by_grid(store: Store, grid_ids: Sequence[int], categories: Sequence[str]) -> dict[int, int]:
    """Venues of the given categories (the plan's key facilities: markets, schools, hospitals …) per grid."""
    t = Place.__table__
    return _by_grid(store, t, grid_ids, t.c.category.in_(list(categories)))


def facilities_by_grid(store: Store, grid_ids: Sequence[int], kinds: Sequence[int]) -> dict[int, int]:
    t = Facility.__table__
    return _by_grid(store, t, grid_ids, t.c.kind.in_([int(k) for k in kinds]))


def place_points(store: Store, place_ids: Sequence[int]) -> dict[int, tuple[float, float, int | None, str]]:
    """place id -> (lon, lat, grid id, name) for the given places."""
    t = Place.__table__
    ids = sorted({int(p) for p in place_ids})
    out: dict[int, tuple[float, float, int | None, str]] = {}
    with store.engine.connect() as conn:
        for start in range(0, len(ids), IN_CHUNK):
            for pid, geom, grid, name in conn.execute(select(t.c.id, t.c.geom, t.c.grid_id, t.c.name)
                                                      .where(t.c.id.in_(ids[start : start + IN_CHUNK]))):
                out[int(pid)] = (geom.x, geom.y, grid, name)
    return out


def checkpoints(store: Store) -> dict[int, tuple[float, float, str]]:
    """Every checkpoint (卡口) in the county: place id -> (lon, lat, name)."""
    t = Place.__table__
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.c.id, t.c.geom, t.c.name).where(t.c.kind == int(PlaceKind.CHECKPOINT),
                                                                      t.c.grid_id.is_not(None)))
        return {int(i): (g.x, g.y, n) for i, g, n in rows}


def test_sites(store: Store) -> PointSet:
    sites = load_facilities(store)
    keep = sites.kinds == int(FacilityKind.TEST_SITE)
    return PointSet(sites.ids[keep], sites.names[keep], sites.kinds[keep], sites.grid_ids[keep], sites.lon[keep],
                    sites.lat[keep])


def free_beds(store: Store, at: int) -> tuple[int, int]:
    """(quarantine-hotel beds in the county, beds free at ``at``)."""
    hotels = facilities(store, int(FacilityKind.QUARANTINE_HOTEL))
    with store.engine.connect() as conn:
        used = beds_used(conn, [h.id for h in hotels], at)
    total = sum(h.capacity for h in hotels)
    return total, sum(max(h.capacity - used.get(h.id, 0), 0) for h in hotels)


def visited_places(store: Store, person_id: int, since: int, until: int) -> list[int]:
    """The places a person scanned at in ``[since, until]``, most recent first (each once)."""
    scans = scans_of_people(store, np.array([person_id], np.int64), since, until)
    order = np.argsort(-scans["at"], kind="stable")
    return list(dict.fromkeys(scans["place_id"][order].tolist()))


def home_grid(store: Store, person_id: int) -> int | None:
    p = Person.__table__
    with store.engine.connect() as conn:
        return conn.execute(select(p.c.home_grid_id).where(p.c.id == person_id)).scalar()


def people_at_place(store: Store, place_id: int, since: int, until: int) -> list[tuple[int, int | None]]:
    """(person id, home grid id) of everyone scanned at a place in ``[since, until]``, by person id."""
    s, p = Scan.__table__, Person.__table__
    query = (select(p.c.id, p.c.home_grid_id).where(p.c.id.in_(
        select(s.c.person_id).where(s.c.place_id == place_id, s.c.at.between(since, until)))).order_by(p.c.id))
    with store.engine.connect() as conn:
        return [(int(i), g) for i, g in conn.execute(query)]



def first_place(store: Store, grid_ids: Sequence[int], category: str) -> int | None:
    """The venue of ``category`` with the lowest id in the given grids."""
    t = Place.__table__
    with store.engine.connect() as conn:
        return conn.execute(select(func.min(t.c.id)).where(t.c.grid_id.in_(list(grid_ids)),
                                                           t.c.category == category)).scalar()


def last_inbound_scan(store: Store, before: int) -> tuple[int, int] | None:
    """(person id, time) of the last inbound checkpoint scan from another city before ``before``."""
    s = Scan.__table__
    query = (select(s.c.person_id, s.c.at).where(s.c.direction == int(Direction.INBOUND), s.c.from_city_id.is_not(None),
                                                s.c.at < before).order_by(s.c.at.desc(), s.c.id.desc()).limit(1))
    with store.engine.connect() as conn:
        row = conn.execute(query).first()
    return (int(row[0]), int(row[1])) if row else None

__all__ = [
    "cameras_by_grid",
    "checkpoints",
    "facilities_by_grid",
    "first_place",
    "free_beds",
    "home_grid",
    "last_inbound_scan",
    "people_at_place",
    "place_points",
    "places_by_grid",
    "test_sites",
    "visited_places",
]
