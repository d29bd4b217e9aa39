"""Dispatch-queue statuses, sort keys and trip cargo."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.domain.task_titles import task_title


class TaskStatus(enum.IntEnum):
    NEW = 0
    DISPATCHED = 1
    ACKNOWLEDGED = 2
    IN_PROGRESS = 3
    DONE = 4
    FAILED = 5
    CANCELLED = 6

    @property
    def key(self) -> str:
        return self.name.lower()


OPEN_STATUSES = (TaskStatus.NEW, TaskStatus.DISPATCHED, TaskStatus.ACKNOWLEDGED, TaskStatus.IN_PROGRESS)

CLOSED_STATUSES = (TaskStatus.DONE, TaskStatus.FAILED, TaskStatus.CANCELLED)

SORT_KEYS = ("id", "due_at", "priority", "status", "kind", "source", "created_at", "updated_at", "title", "assignee_code")


class TripCargo(enum.IntEnum):
    PEOPLE = 0
    SPECIMENS = 1


@dataclass(frozen=True)


class TaskRow:
    id: int
    kind: str
    source: str
    source_ref: str | None
    title: str
    priority: int
    status: int
    target_unit_id: int | None
    target_code: str | None
    target_name: str | None
    target_wkt: str | None
    assignee_unit_id: int
    assignee_code: str
    assignee_role: str
    assignee_name: str | None
    assignee_unit_name: str
    claimed_by: str | None
    escalated_unit_id: int | None
    escalated_at: int | None
    parent_id: int | None
    facility_id: int | None
    created_at: int
    due_at: int
    updated_at: int
    closed_at: int | None
    version: int
    title_key: str | None = None  # a title the console wrote: app.domain.task_titles renders it per language
    title_args: str | None = None
    assignee_unit_pinyin: str = ""  # the assignee unit's name for an English reader

    def title_in(self, lang: str) -> str:
        """The title as a reader of ``lang`` ("zh" or "en") sees it; a typed title as it was typed."""
        return task_title(self.title, self.title_key, self.title_args, lang)


@dataclass(frozen=True)


class EventRow:
    id: int
    task_id: int
    at: int
    by: str
    action: str
    from_status: int | None
    to_status: int | None
    note: str
