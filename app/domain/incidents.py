"""Incident words: modes, HSEEP ratings of a milestone, and the stored incident row."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class IncidentMode(enum.StrEnum):
    DRILL = "drill"  # on a drill clock (×1 … ×60, pause, resume)
    REAL = "real"  # on the wall clock


class Rating(enum.StrEnum):
    """How a milestone was performed, in the manner of HSEEP's after-action report."""

    PERFORMED = "P"  # performed without challenges
    SOME = "S"  # performed with some challenges
    MAJOR = "M"  # performed with major challenges
    UNABLE = "U"  # unable to be performed


@dataclass(frozen=True)
class IncidentRow:
    id: int
    mode: str
    name: str
    scenario: str | None
    case_person_id: int | None
    case_at: int
    started_at: int
    dispatched_at: int | None
    closed_at: int | None
    speed: int
    seed: int | None
    plan: str
    created_by: str


@dataclass(frozen=True)
class LinkedTask:
    """A task an incident dispatched, with what it counts for and its status now."""

    task_id: int
    action: str
    milestone: str | None
    quantity: int
    unit: str
    status: int
    assignee_code: str
    parent_id: int | None
    title: str
    target_wkt: str | None
    due_at: int = 0


@dataclass(frozen=True)
class TimelineEvent:
    at: int
    kind: str  # a task event's action (create, claim, transition, rollup …) or an incident event's kind
    by: str
    note: str
    task_id: int | None = None
    to_status: int | None = None
    data: str = "{}"


@dataclass(frozen=True)
class ImprovementRow:
    id: int
    milestone: str | None
    issue: str
    action: str
    owner: str
    due: str
