"""The drill scenario library (``resources/scenarios/*.json``): each names how its case is found in a store, so
one scenario plays on any demo county (the planted index case, a market in the densest town, an imported case
at a boundary checkpoint)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import numpy as np

from app.domain.admin import Level
from app.models.admin_atlas import AdminAtlas
from app.models.as_of import parse_time, period_end
from app.models.incident.catalogue import RESOURCES
from app.models.incident.errors import IncidentError
from app.store.queries import incident_area as q
from app.store.store import Store

SCENARIOS = RESOURCES / "scenarios"


@dataclass(frozen=True)
class Scenario:
    key: str
    name_zh: str
    name_en: str
    case: dict[str, Any]
    seed: int
    speed: int


@dataclass(frozen=True)
class Case:
    """Where a scenario's incident starts in one store."""

    at: int
    person_id: int | None = None
    place_id: int | None = None


def scenario_names() -> list[str]:
    return sorted(p.stem for p in SCENARIOS.glob("*.json"))


def load_scenario(key: str) -> Scenario:
    path = SCENARIOS / f"{key}.json"
    if not path.exists():
        raise IncidentError(f"unknown scenario {key!r} (scenarios: {', '.join(scenario_names())})")
    raw = json.loads(path.read_text(encoding="utf-8"))
    return Scenario(key, raw["name_zh"], raw["name_en"], raw["case"], int(raw["seed"]), int(raw["speed"]))


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
