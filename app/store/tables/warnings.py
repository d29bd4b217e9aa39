"""Smart-engine warnings (一脑智查): one row per person and rule that fired, with its lifecycle.

Status runs new → dispatched → verified | dismissed. A partial unique index keeps at most one *open*
(new or dispatched) warning per person and rule, so re-evaluating the rules never duplicates one.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.warnings import WarningStatus
from app.store.tables.base import Base, BigPK, Seconds, Small

_OPEN = text("status IN (0, 1)")


class WarningRecord(Base):
    __tablename__ = "warnings"
    __table_args__ = (
        Index("uq_warnings_open_rule_person", "rule_id", "person_id", unique=True,
              sqlite_where=_OPEN, postgresql_where=_OPEN),
        Index("ix_warnings_status_grid", "status", "grid_id"),
        Index("ix_warnings_person", "person_id"),
    )

    id: Mapped[BigPK]
    rule_id: Mapped[str] = mapped_column(String(40))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("admin_units.id"))
    evidence: Mapped[str] = mapped_column(Text)  # JSON list of {"table", "id", "at"} record refs
    as_of: Mapped[Seconds]  # the evaluation time at which the rule fired
    status: Mapped[Small] = mapped_column(default=int(WarningStatus.NEW))
    reason: Mapped[str | None] = mapped_column(Text, info={"export": "free_text"})  # why it was dismissed
    task_id: Mapped[int | None] = mapped_column()
    created_at: Mapped[Seconds]
    updated_at: Mapped[Seconds]
