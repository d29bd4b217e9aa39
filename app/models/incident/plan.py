"""An incident plan: the zones, their figures, and the actions to dispatch, each with the quantity it brings to
its milestone. A plan is data (it round-trips through JSON), so it is stored with its incident, edited before
dispatch and replayed as it was."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from app.models.incident.zones import Zones


@dataclass(frozen=True)
class ZoneStats:
    grids: int
    population: int
    households: int
    key_facilities: int
    cameras: int


@dataclass(frozen=True)
class PlanItem:
    """One action to dispatch as a task: routed to ``unit_code``, the point ``lon``/``lat``, or its people."""

    action: str  # command_post, seal_point, traffic_checkpoint, sampling_site, contact …
    kind: str  # the task kind (dispatch catalogue)
    title: str
    quantity: int = 1
    unit: str = "tasks"  # what the quantity counts: staff, checkpoints, stations, contacts, m2, samples
    unit_code: str | None = None
    person_ids: tuple[int, ...] = ()
    lon: float | None = None
    lat: float | None = None
    priority: int = 1


@dataclass(frozen=True)
class ContactRef:
    person_id: int
    depth: int  # 1 close, 2 secondary
    grid_code: str | None


@dataclass
class Plan:
    """What the console proposes for a case; ``numbers`` are the figures the board and the report show."""

    case_person_id: int | None
    case_at: int
    home_grid: str | None
    visited: list[str]  # grid codes of the places the case visited
    zones: Zones
    stats: dict[str, ZoneStats]
    items: list[PlanItem]
    contacts: list[ContactRef] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=dict)

    def count(self, action: str) -> int:
        return sum(1 for i in self.items if i.action == action)

    def quantity(self, action: str) -> int:
        return sum(i.quantity for i in self.items if i.action == action)

    def to_json(self) -> dict[str, Any]:
        return {"case_person_id": self.case_person_id, "case_at": self.case_at, "home_grid": self.home_grid,
                "visited": self.visited, "zones": self.zones.to_json(),
                "stats": {k: asdict(v) for k, v in self.stats.items()},
                "items": [asdict(i) for i in self.items], "contacts": [asdict(c) for c in self.contacts],
                "numbers": self.numbers}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Plan:
        return cls(raw["case_person_id"], int(raw["case_at"]), raw.get("home_grid"), list(raw.get("visited", [])),
                   Zones.from_json(raw["zones"]), {k: ZoneStats(**v) for k, v in raw.get("stats", {}).items()},
                   [PlanItem(**{**i, "person_ids": tuple(i.get("person_ids", ()))}) for i in raw.get("items", [])],
                   [ContactRef(**c) for c in raw.get("contacts", [])], dict(raw.get("numbers", {})))
