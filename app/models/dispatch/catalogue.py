"""The vocabulary of tasks: kinds, sources, priorities and assignee roles, with their validation."""

from __future__ import annotations

from app.models.dispatch.errors import TaskError

KINDS = ("screening", "control", "transfer", "specimen", "lockdown", "test_site", "warning_verification", "custom")
SOURCES = ("warning", "screening", "trace", "drill", "manual")
PRIORITIES = (1, 2, 3)  # 1 urgent .. 3 routine
ROLE_BY_LEVEL = ("county_office", "town_office", "village_office", "grid_leader")


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise TaskError(f"unknown task kind {kind!r} (kinds: {', '.join(KINDS)})")
    return kind


def check_source(source: str) -> str:
    if source not in SOURCES:
        raise TaskError(f"unknown task source {source!r} (sources: {', '.join(SOURCES)})")
    return source


def check_priority(priority: int) -> int:
    if priority not in PRIORITIES:
        raise TaskError(f"priority must be 1 (urgent), 2 or 3 (routine), not {priority!r}")
    return priority
