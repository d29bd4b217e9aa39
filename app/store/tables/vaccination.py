"""Entity library 6 — vaccinations."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from app.store.tables.base import Base, BigPK, Seconds, Small

VACCINES = ("Sinovac CoronaVac", "Sinopharm BBIBP", "CanSino Ad5", "Zhifei ZF2001")


class Vaccination(Base):
    __tablename__ = "vaccinations"
    __table_args__ = (
        Index("ix_vaccinations_person_dose", "person_id", "dose"),
        Index("ix_vaccinations_at", "at"),
    )

    id: Mapped[BigPK]
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    dose: Mapped[Small]  # 1, 2, 3 (booster), 4
    vaccine: Mapped[Small]  # index into VACCINES
    at: Mapped[Seconds]
    site_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"))
