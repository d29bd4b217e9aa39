"""Nucleic-acid test results."""

from __future__ import annotations

import enum


class TestResult(enum.IntEnum):
    NEGATIVE = 0
    POSITIVE = 1
