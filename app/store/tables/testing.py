"""Entity library 5 — nucleic-acid testing: samples and results (sites are facilities)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from app.store.tables.base import Base, BigPK, OptSeconds, Seconds


class TestSample(Base):
    """A swab. ``result`` and ``reported_at`` stay NULL while the lab has not reported."""

    __tablename__ = "test_samples"
    __table_args__ = (
        Index("ix_test_samples_person_at", "person_id", "sampled_at"),
        Index("ix_test_samples_at", "sampled_at"),
    )

    id: Mapped[BigPK]
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    site_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"))
    sampled_at: Mapped[Seconds]
    reported_at: Mapped[OptSeconds]
    result: Mapped[int | None] = mapped_column()
