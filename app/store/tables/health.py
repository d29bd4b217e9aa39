"""Entity library 8 — health events: clinic visits and pharmacy purchases."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from app.store.tables.base import Base, BigPK, Seconds, Small

DIAGNOSES = ("fever", "respiratory", "gastro", "injury", "chronic", "other")
DRUGS = ("fever", "cough", "antibiotic", "other")


class ClinicVisit(Base):
    __tablename__ = "clinic_visits"
    __table_args__ = (
        Index("ix_clinic_visits_person_at", "person_id", "at"),
        Index("ix_clinic_visits_at", "at"),
    )

    id: Mapped[BigPK]
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"))
    at: Mapped[Seconds]
    fever_clinic: Mapped[bool]
    diagnosis: Mapped[Small]  # index into DIAGNOSES


class PharmacyPurchase(Base):
    __tablename__ = "pharmacy_purchases"
    __table_args__ = (
        Index("ix_pharmacy_purchases_person_at", "person_id", "at"),
        Index("ix_pharmacy_purchases_at", "at"),
    )

    id: Mapped[BigPK]
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"))
    at: Mapped[Seconds]
    drug: Mapped[Small]  # index into DRUGS
    quantity: Mapped[Small]
