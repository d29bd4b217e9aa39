"""Incidents and drills (平战结合): the incident, the tasks its plan dispatched, its recorded timeline, and the
improvement plan of its after-action report.

Task status changes are already in the append-only ``task_events``; an incident's own timeline adds what is not
a task change (the plan proposed, zones changed, notes, the clock paused or resumed), so the two together
replay the command picture at any moment.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.tables.base import Base, BigPK, IntPK, Name, OptSeconds, Seconds


class Incident(Base):
    """One incident (``mode`` real, on the wall clock) or drill (on a drill clock, ``speed`` × real time)."""

    __tablename__ = "incidents"
    __table_args__ = (Index("ix_incidents_mode_started", "mode", "started_at"),)

    id: Mapped[IntPK]
    mode: Mapped[str] = mapped_column(String(8))  # drill | real
    name: Mapped[Name]
    scenario: Mapped[str | None] = mapped_column(String(40))
    case_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    case_at: Mapped[Seconds]  # when the case became known (the incident clock's zero)
    started_at: Mapped[Seconds]
    dispatched_at: Mapped[OptSeconds]
    closed_at: Mapped[OptSeconds]
    speed: Mapped[int] = mapped_column(default=1)
    seed: Mapped[int | None] = mapped_column()
    plan: Mapped[str] = mapped_column(Text, default="{}")  # the plan as proposed or edited (JSON)
    created_by: Mapped[Name]


class IncidentTask(Base):
    """A task the incident's plan dispatched: which milestone it counts towards and how much it brings."""

    __tablename__ = "incident_tasks"
    __table_args__ = (Index("ix_incident_tasks_task", "task_id"),)

    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), primary_key=True)
    action: Mapped[str] = mapped_column(String(24))  # the plan item: seal_point, traffic_checkpoint, contact …
    milestone: Mapped[str | None] = mapped_column(String(24))  # None for the cascade's parent tasks
    quantity: Mapped[int] = mapped_column(default=1)
    unit: Mapped[str] = mapped_column(String(16), default="tasks")  # staff, stations, people, contacts, m2 …


class IncidentEvent(Base):
    """One line of an incident's own timeline: plan, zone change, note, clock (task changes are task_events)."""

    __tablename__ = "incident_events"
    __table_args__ = (Index("ix_incident_events_incident_at", "incident_id", "at"),)

    id: Mapped[BigPK]
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"))
    at: Mapped[Seconds]
    kind: Mapped[str] = mapped_column(String(16))  # plan | dispatch | zone | note | clock | close
    by: Mapped[Name]
    note: Mapped[str] = mapped_column(Text, default="", info={"export": "free_text"})
    data: Mapped[str] = mapped_column(Text, default="{}")  # JSON: a zone change's grid codes, the clock's speed


class Improvement(Base):
    """A row of the after-action report's improvement plan (HSEEP): issue, corrective action, owner, due date."""

    __tablename__ = "incident_improvements"
    __table_args__ = (Index("ix_incident_improvements_incident", "incident_id"),)

    id: Mapped[IntPK]
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"))
    milestone: Mapped[str | None] = mapped_column(String(24))
    issue: Mapped[str] = mapped_column(Text, info={"export": "free_text"})
    action: Mapped[str] = mapped_column(Text, info={"export": "free_text"})
    owner: Mapped[Name]
    due: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD
