"""Kinds of point facility."""

from __future__ import annotations

import enum


class FacilityKind(enum.IntEnum):
    TEST_SITE = 0
    LAB = 1
    VACCINATION_SITE = 2
    QUARANTINE_HOTEL = 3
    CLINIC = 4
    PHARMACY = 5
