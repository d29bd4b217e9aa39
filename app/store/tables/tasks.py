"""The dispatch queue: tasks routed to units, their people, their vehicle trips and an append-only audit log.

``tasks.version`` grows by one on every change; writers update ``WHERE version = :seen`` (compare-and-set),
so two consoles on one store never lose an update or both claim a task. ``task_events`` is append-only:
triggers on both backends (``app.store.triggers``) refuse any UPDATE or DELETE of an event.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.tasks import SORT_KEYS, TaskStatus
from app.store.tables.base import Base, BigPK, IntPK, Name, OptSeconds, Seconds, Small


class Task(Base):
    """One instruction to one unit; ``assignee_code`` copies the unit code so subtree filters are a prefix."""

    __tablename__ = "tasks"
    __table_args__ = (
        Index("ix_tasks_status_due", "status", "due_at"),
        Index("ix_tasks_parent", "parent_id"),
        Index("ix_tasks_source_ref", "source", "source_ref"),
        Index("ix_tasks_target_unit", "target_unit_id"),
        # the queue sorts by any of these, ties broken by id: one index each walks a page without sorting
        *(Index(f"ix_tasks_{key}_id", key, "id") for key in SORT_KEYS if key != "id"),
    )

    id: Mapped[IntPK]
    kind: Mapped[str] = mapped_column(String(24))
    source: Mapped[str] = mapped_column(String(16))
    source_ref: Mapped[str | None] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(String(200), info={"export": "free_text"})  # as written (Chinese)
    # a title the console wrote: its template and arguments (JSON), rendered in the reader's language
    # (app.domain.task_titles); NULL for a title a person typed
    title_key: Mapped[str | None] = mapped_column(String(32))
    title_args: Mapped[str | None] = mapped_column(Text, info={"export": "free_text"})
    priority: Mapped[Small]  # 1 urgent .. 3 routine
    status: Mapped[Small] = mapped_column(default=int(TaskStatus.NEW))
    target_unit_id: Mapped[int | None] = mapped_column(ForeignKey("admin_units.id"))
    target_wkt: Mapped[str | None] = mapped_column(Text)  # a point or polygon target, EPSG:4490
    assignee_unit_id: Mapped[int] = mapped_column(ForeignKey("admin_units.id"))
    assignee_code: Mapped[str] = mapped_column(String(24))
    assignee_role: Mapped[str] = mapped_column(String(16))  # grid_leader | village_office | town_office | county_office
    assignee_name: Mapped[str | None] = mapped_column(String(80))
    claimed_by: Mapped[str | None] = mapped_column(String(80))
    escalated_unit_id: Mapped[int | None] = mapped_column(ForeignKey("admin_units.id"))
    escalated_at: Mapped[OptSeconds]
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id"))
    facility_id: Mapped[int | None] = mapped_column(ForeignKey("facilities.id"))  # transfer/specimen destination
    created_at: Mapped[Seconds]
    due_at: Mapped[Seconds]
    updated_at: Mapped[Seconds]
    closed_at: Mapped[OptSeconds]
    version: Mapped[int] = mapped_column(Integer, default=1)


class TaskEvent(Base):
    """One line of a task's audit trail: who did what when, and the status before and after."""

    __tablename__ = "task_events"
    __table_args__ = (Index("ix_task_events_task", "task_id", "id"),)

    id: Mapped[BigPK]
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"))
    at: Mapped[Seconds]
    by: Mapped[Name]
    action: Mapped[str] = mapped_column(String(16))  # create | transition | claim | escalate | cascade | trip | note
    from_status: Mapped[int | None] = mapped_column(Integer)
    to_status: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="", info={"export": "free_text"})


class TaskPerson(Base):
    """A person a task is about (to screen, to transfer, to verify)."""

    __tablename__ = "task_people"
    __table_args__ = (Index("ix_task_people_person", "person_id"),)

    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), primary_key=True)


class Trip(Base):
    """The vehicle run of a transfer or specimen task (closed loop: planned → picked up → arrived)."""

    __tablename__ = "trips"
    __table_args__ = (Index("ix_trips_destination", "destination_id", "arrival_at"),)

    id: Mapped[IntPK]
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), unique=True)
    cargo: Mapped[Small]
    vehicle: Mapped[str] = mapped_column(String(16))
    origin: Mapped[Name]
    origin_facility_id: Mapped[int | None] = mapped_column(ForeignKey("facilities.id"))  # the test site of a batch
    destination_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"))
    samples: Mapped[int] = mapped_column(Integer, default=0)
    planned_at: Mapped[Seconds]
    pickup_at: Mapped[OptSeconds]
    arrival_at: Mapped[OptSeconds]
