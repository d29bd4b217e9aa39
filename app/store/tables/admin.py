"""Entity library 1 — admin units: county → towns/sub-districts → villages/communities → micro-grids."""

from __future__ import annotations

from shapely import Geometry
from sqlalchemy import Float, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from app.store.geometry import GeometryType
from app.store.tables.base import Base, Code, IntPK, Name, Small


class AdminUnit(Base):
    """One unit of the hierarchy. Codes nest: 330382 / +3 digits town / +3 village / +3 grid."""

    __tablename__ = "admin_units"
    __table_args__ = (
        Index("ix_admin_units_level_parent", "level", "parent_id"),
        {"sqlite_autoincrement": True},  # GeoPackage feature tables want AUTOINCREMENT ids
    )

    id: Mapped[IntPK]
    level: Mapped[Small]
    code: Mapped[Code] = mapped_column(unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("admin_units.id"))
    name_zh: Mapped[Name]
    name_pinyin: Mapped[Name]
    kind: Mapped[str | None] = mapped_column()  # subdistrict / town / township, community / village
    terrain: Mapped[str | None] = mapped_column()  # urban / plain / coast / mountain
    population: Mapped[int] = mapped_column(Integer, default=0)
    households: Mapped[int] = mapped_column(Integer, default=0)
    area_km2: Mapped[float] = mapped_column(Float, default=0.0)
    geom: Mapped[Geometry] = mapped_column(GeometryType("MULTIPOLYGON"))


class GridLeader(Base):
    """The grid leader (网格长) of one micro-grid; the phone is kept masked only."""

    __tablename__ = "grid_leaders"

    id: Mapped[IntPK]
    grid_id: Mapped[int] = mapped_column(ForeignKey("admin_units.id"), unique=True)
    name: Mapped[Name]
    phone_masked: Mapped[Code]
