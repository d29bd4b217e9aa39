"""Entity library 7 — quarantine: centralised and home orders, and transfers to facilities."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.tables.base import Base, IntPK, Name, OptSeconds, Seconds, Small


class QuarantineOrder(Base):
    __tablename__ = "quarantine_orders"
    __table_args__ = (
        Index("ix_quarantine_person", "person_id"),
        Index("ix_quarantine_start", "start_at"),
    )

    id: Mapped[IntPK]
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    kind: Mapped[Small]
    reason: Mapped[Small]  # index into QUARANTINE_REASONS
    facility_id: Mapped[int | None] = mapped_column(ForeignKey("facilities.id"))
    start_at: Mapped[Seconds]
    end_at: Mapped[Seconds]


class Transfer(Base):
    """A trip taking a person to a quarantine facility (closed loop: pickup → arrival)."""

    __tablename__ = "transfers"
    __table_args__ = (Index("ix_transfers_person", "person_id"),)

    id: Mapped[IntPK]
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"))
    vehicle: Mapped[str] = mapped_column(String(16))
    origin: Mapped[Name]
    pickup_at: Mapped[Seconds]
    arrival_at: Mapped[OptSeconds]
