"""Entity library 4 — cameras of the video surveillance network."""

from __future__ import annotations

from shapely import Geometry
from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.geometry import GeometryType
from app.store.tables.base import Base, IntPK, Name, Small


class Camera(Base):
    __tablename__ = "cameras"
    __table_args__ = (Index("ix_cameras_grid", "grid_id"), {"sqlite_autoincrement": True})

    id: Mapped[IntPK]
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[Name]
    kind: Mapped[Small]  # index into CAMERA_KINDS
    status: Mapped[Small]
    stream_url: Mapped[str] = mapped_column(String(200))
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("admin_units.id"))
    geom: Mapped[Geometry] = mapped_column(GeometryType("POINT"))
