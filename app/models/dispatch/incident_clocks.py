"""Which clock a task's time left counts on: the clock of the incident that dispatched it.

A task of no incident, or of a real incident, counts on the wall clock. A drill's task counts on the drill's clock
while that drill runs in this console, else on the last moment the drill recorded (a drill not running stands
still) — so a drill task due in 2021 simulated time shows minutes left, not "-1696 days".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Clock = Callable[[], int]


@dataclass(frozen=True)
class IncidentClocks:
    """What the queue knows of the tasks it has shown: the incident of each and each incident's mode and last
    recorded moment (read with the page, off the GUI thread, so a countdown repaint reads no store)."""

    owner: dict[int, int] = field(default_factory=dict)  # task id -> incident id
    incidents: dict[int, tuple[str, int]] = field(default_factory=dict)  # incident id -> (mode, last moment)

    def merged(self, owner: dict[int, int], incidents: dict[int, tuple[str, int]]) -> IncidentClocks:
        """These clocks with a newer read added (a newer read wins: a drill's last moment moves on)."""
        return IncidentClocks({**self.owner, **owner}, {**self.incidents, **incidents})

    def incident_now(self, incident_id: int, wall: Clock, running: Callable[[int], Clock | None]) -> int:
        mode, last = self.incidents.get(incident_id, ("real", 0))
        if mode != "drill":
            return wall()
        clock = running(incident_id)
        return clock() if clock is not None else last

    def task_now(self, task_id: int, wall: Clock, running: Callable[[int], Clock | None]) -> int:
        incident_id = self.owner.get(task_id)
        return wall() if incident_id is None else self.incident_now(incident_id, wall, running)
