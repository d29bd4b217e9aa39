"""Kinds of quarantine order and their reasons."""

from __future__ import annotations

import enum


class QuarantineKind(enum.IntEnum):
    CENTRALISED = 0
    HOME = 1


QUARANTINE_REASONS = ("close_contact", "secondary_contact", "risk_area_arrival", "inbound_travel")
