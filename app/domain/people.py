"""Kinds of person, health-code colours and occupations."""

from __future__ import annotations

import enum


class PersonKind(enum.IntEnum):
    RESIDENT = 0
    FLOATING = 1
    NATIVE_ELSEWHERE = 2


class HealthCode(enum.IntEnum):
    GREEN = 0
    YELLOW = 1
    RED = 2


OCCUPATIONS = (
    "other", "student", "factory", "retail", "catering", "medical", "transport", "cold_chain",
    "public_service", "agriculture", "retired",
)

KEY_OCCUPATIONS = ("medical", "transport", "cold_chain", "catering", "public_service")
