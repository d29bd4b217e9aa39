"""The drill scenario library (``resources/scenarios/*.json``): each names how its case is found in a store, so
one scenario plays on any demo county (the planted index case, a market in the densest town, an imported case
at a boundary checkpoint), and how long its tasks take in an autoplay (a log-normal delay per plan action, given
as median and 95th percentile in minutes from dispatch to done)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from app.domain.admin import Level
from app.models.admin_atlas import AdminAtlas
from app.models.as_of import parse_time, period_end
from app.models.incident.catalogue import RESOURCES, milestone_catalogue
from app.models.incident.errors import IncidentError
from app.store.queries import incident_area as q
from app.store.store import Store

SCENARIOS = RESOURCES / "scenarios"
REFERENCE = "yueqing-2021-12"  # the reference drill; its delays also pace a drill opened without a scenario
Z95 = 1.6448536269514722  # the standard normal's 95th percentile


@dataclass(frozen=True)
class Delay:
    """A log-normal completion delay: half the tasks are done by ``median`` minutes after dispatch, 95 % by
    ``p95``."""

    median: float
    p95: float

    @property
    def sigma(self) -> float:
        return math.log(self.p95 / self.median) / Z95


@dataclass(frozen=True)
class Scenario:
    key: str
    name_zh: str
    name_en: str
    case: dict[str, Any]
    seed: int
    speed: int
    delays: dict[str, Delay]  # plan action -> its completion delay in an autoplay


@dataclass(frozen=True)
class Case:
    """Where a scenario's incident starts in one store."""

    at: int
    person_id: int | None = None
    place_id: int | None = None


def scenario_names() -> list[str]:
    return sorted(p.stem for p in SCENARIOS.glob("*.json"))


def load_scenario(key: str, directory: Path = SCENARIOS) -> Scenario:
    path = directory / f"{key}.json"
    if not path.exists():
        raise IncidentError(f"unknown scenario {key!r} (scenarios: {', '.join(scenario_names())})")
    raw = json.loads(path.read_text(encoding="utf-8"))
    return Scenario(key, raw["name_zh"], raw["name_en"], raw["case"], int(raw["seed"]), int(raw["speed"]),
                    _delays(key, raw.get("delays_minutes", {})))


def _delays(key: str, raw: dict[str, Any]) -> dict[str, Delay]:
    """Every action that meets a milestone needs its delay: a scenario that leaves one out is refused, not paced
    by a guess."""
    delays = {action: Delay(float(d["median"]), float(d["p95"])) for action, d in raw.items()}
    missing = [a for a in milestone_catalogue().actions if a not in delays]
    if missing:
        raise IncidentError(f"scenario {key}: no completion delay for {', '.join(missing)} (delays_minutes)")
    bad = [a for a, d in delays.items() if not 0 < d.median < d.p95]
    if bad:
        raise IncidentError(f"scenario {key}: delay of {bad[0]} needs 0 < median < p95")
    return delays


def find_case(scenario: Scenario, store: Store, atlas: AdminAtlas) -> Case:
    how = scenario.case["from"]
    meta = store.meta()
    if how == "store_trace_case":
        if "trace_case_person_id" not in meta:
            raise IncidentError(f"scenario {scenario.key} needs a demo county with its planted drill case")
        return Case(int(meta["trace_case_at"]), person_id=int(meta["trace_case_person_id"]))
    if how == "market_in_densest_town":
        towns = atlas.levels[Level.TOWN]
        town = str(towns.data.codes[int(np.nanargmax(towns.density))])
        grids = atlas.levels[Level.GRID]
        in_town = grids.data.ids[[str(c).startswith(town) for c in grids.data.codes]].tolist()
        place = q.first_place(store, in_town, "market")
        if place is None:
            raise IncidentError(f"scenario {scenario.key}: no market in town {town}")
        return Case(parse_time(scenario.case["at"]), place_id=place)
    if how == "inbound_checkpoint_scan":
        found = q.last_inbound_scan(store, period_end(meta) - 86_400)
        if found is None:
            raise IncidentError(f"scenario {scenario.key}: no inbound checkpoint scan from outside the county")
        person, at = found
        return Case(at + int(scenario.case.get("after_minutes", 0)) * 60, person_id=person)
    raise IncidentError(f"scenario {scenario.key}: unknown way to find its case {how!r}")
