"""Point facilities shared by several libraries: test sites and labs (5), vaccination sites (6),
quarantine hotels (7), clinics and pharmacies (8). One GeoPackage point layer, filtered by ``kind``."""

from __future__ import annotations

from shapely import Geometry
from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from app.store.geometry import GeometryType
from app.store.tables.base import Base, IntPK, Name, Small


class Facility(Base):
    __tablename__ = "facilities"
    __table_args__ = (Index("ix_facilities_kind_grid", "kind", "grid_id"), {"sqlite_autoincrement": True})

    id: Mapped[IntPK]
    kind: Mapped[Small]
    name: Mapped[Name]
    capacity: Mapped[int] = mapped_column(default=0)  # beds, samples a day, doses a day
    fever_clinic: Mapped[bool] = mapped_column(default=False)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("admin_units.id"))
    geom: Mapped[Geometry] = mapped_column(GeometryType("POINT"))
