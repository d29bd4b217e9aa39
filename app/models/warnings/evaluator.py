"""What every rule module provides: its parameter dataclass, how far back it reads, and its evaluation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.models.warnings.evidence import Evidence
from app.models.warnings.inputs import RecordWindow

HOUR = 3600


@dataclass(frozen=True)
class Evaluator:
    params: type
    reach_hours: Callable[[Any], float]  # how far before ``as_of`` the rule reads records
    evaluate: Callable[[RecordWindow, Any], Evidence]  # one evidence row per record that made it fire


def seconds(hours: float) -> int:
    return int(round(hours * HOUR))
