"""Kinds of place and directions of a checkpoint scan."""

from __future__ import annotations

import enum


class PlaceKind(enum.IntEnum):
    VENUE = 0
    CHECKPOINT = 1


class Direction(enum.IntEnum):
    NONE = 0
    INBOUND = 1
    OUTBOUND = 2
