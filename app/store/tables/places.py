"""Entity library 3 — places and checkpoints (卡口), with their QR-code scan records."""

from __future__ import annotations

from shapely import Geometry
from sqlalchemy import ForeignKey, Index, text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.geometry import GeometryType
from app.store.tables.base import Base, BigPK, IntPK, Name, Seconds, Small

VENUE_CATEGORIES = ("market", "supermarket", "restaurant", "factory", "school", "hospital", "office",
                    "station", "hotel", "mall", "temple", "park")
CHECKPOINT_CATEGORIES = ("highway", "railway", "national_road", "provincial_road", "port")


class Place(Base):
    __tablename__ = "places"
    __table_args__ = (Index("ix_places_grid", "grid_id"), {"sqlite_autoincrement": True})

    id: Mapped[IntPK]
    kind: Mapped[Small]
    category: Mapped[Name]
    name: Mapped[Name]
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("admin_units.id"))
    city_id: Mapped[int] = mapped_column(ForeignKey("cities.id"))
    geom: Mapped[Geometry] = mapped_column(GeometryType("POINT"))


class Scan(Base):
    """One QR-code scan: a person at a place. Checkpoint scans carry a direction and where from."""

    __tablename__ = "scans"
    __table_args__ = (
        Index("ix_scans_person_at", "person_id", "at"),
        Index("ix_scans_place_at", "place_id", "at"),
        Index("ix_scans_at", "at"),
        # arrivals from a risk city (screening): only checkpoint scans carry a city, a small part of the table
        Index("ix_scans_from_city_at", "from_city_id", "at", sqlite_where=text("from_city_id IS NOT NULL"),
              postgresql_where=text("from_city_id IS NOT NULL")),
    )

    id: Mapped[BigPK]
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    place_id: Mapped[int] = mapped_column(ForeignKey("places.id"))
    at: Mapped[Seconds]
    direction: Mapped[Small]
    from_city_id: Mapped[int | None] = mapped_column(ForeignKey("cities.id"))
