"""Service levels: how long a task of each kind and priority may stay open, read from resources/task_sla.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from app.models.dispatch.catalogue import KINDS, PRIORITIES, check_kind, check_priority

SLA_FILE = Path(__file__).resolve().parents[3] / "resources" / "task_sla.json"


@dataclass(frozen=True)
class ServiceLevels:
    due_minutes: dict[tuple[str, int], int]
    escalate_every_minutes: int

    def due_after(self, kind: str, priority: int) -> int:
        """Seconds from creation until a task of this kind and priority is due."""
        return self.due_minutes[check_kind(kind), check_priority(priority)] * 60

    @property
    def escalate_every(self) -> int:
        return self.escalate_every_minutes * 60


def load_service_levels(path: Path = SLA_FILE) -> ServiceLevels:
    """Read and check the table: every kind needs a positive number of minutes for every priority."""
    data = json.loads(path.read_text(encoding="utf-8"))
    table: dict[tuple[str, int], int] = {}
    for kind in KINDS:
        per_priority = data["due_minutes"].get(kind)
        if per_priority is None:
            raise ValueError(f"{path.name}: no service level for task kind {kind!r}")
        for priority in PRIORITIES:
            minutes = int(per_priority[str(priority)])
            if minutes <= 0:
                raise ValueError(f"{path.name}: {kind} priority {priority} must be due after a positive time")
            table[kind, priority] = minutes
    return ServiceLevels(table, int(data["escalate_every_minutes"]))
