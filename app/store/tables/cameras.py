"""Entity library 4 — cameras of the video surveillance network, and the history of their status.

``cameras.status`` is the status now; ``camera_status_events`` records each change (the last event of a camera
says what ``cameras.status`` says), so the console reads any day's status back (``app.store.queries.camera_status``).
"""

from __future__ import annotations

from shapely import Geometry
from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.geometry import GeometryType
from app.store.tables.base import Base, BigPK, IntPK, Name, Seconds, Small


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


class CameraStatusEvent(Base):
    """One change of a camera's status: from ``at`` on it was ``status``. ``source`` says who recorded it
    (``demo``, ``import``, ``migration``: a store made before the history seeds each camera at its status then)."""

    __tablename__ = "camera_status_events"
    __table_args__ = (Index("ix_camera_status_events_at", "at"), Index("ix_camera_status_events_camera", "camera_id", "at"))

    id: Mapped[BigPK]
    camera_id: Mapped[int] = mapped_column(ForeignKey("cameras.id"))
    at: Mapped[Seconds]
    status: Mapped[Small]
    source: Mapped[str] = mapped_column(String(16))
