"""The incident catalogues under ``resources/``: how zones and the plan are drawn (``incident_zones.json``) and
the incident clock's milestones with the reference drill's quantities (``drill_milestones.json``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

RESOURCES = Path(__file__).resolve().parents[3] / "resources"
ZONE_KINDS = ("lockdown", "control", "precaution")  # 封控区, 管控区, 防范区


@dataclass(frozen=True)
class ZoneRules:
    visit_days: int
    rings_m: dict[str, float]
    key_categories: tuple[str, ...]
    traffic_checkpoints: int
    sampling_minutes: int
    people_per_station_hour: int
    stations_per_site: int
    staff_per_1000: dict[str, float]
    staff_min_per_town: int
    beds_per_close_contact: int
    beds_for_case: int
    disinfection_m2_per_place: int
    environment_samples_per_place: int

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> ZoneRules:
        s, staff, q = raw["sampling"], raw["staff"], raw["quarantine"]
        return cls(int(raw["visit_days"]), {k: float(raw["rings_m"][k]) for k in ZONE_KINDS},
                   tuple(raw["key_facility_categories"]), int(raw["traffic_checkpoints"]), int(s["target_minutes"]),
                   int(s["people_per_station_hour"]), int(s["stations_per_site"]),
                   {k: float(staff["per_1000"][k]) for k in ZONE_KINDS}, int(staff["min_per_town"]),
                   int(q["beds_per_close_contact"]), int(q["beds_for_case"]), int(raw["disinfection_m2_per_place"]),
                   int(raw["environment_samples_per_place"]))


@dataclass(frozen=True)
class Milestone:
    key: str
    minutes: int  # target, after the incident clock's zero
    actions: tuple[str, ...]  # the plan actions whose tasks meet it
    title_zh: str
    title_en: str
    reference: dict[str, int | None]  # the reference drill's quantities


@dataclass(frozen=True)
class MilestoneCatalogue:
    milestones: tuple[Milestone, ...]
    acknowledge_fraction: float  # when a task is acknowledged, as a fraction of its delay
    dispatch_minutes: int  # a drill's plan is dispatched this long after the clock's zero
    some_late_fraction: float  # met late by at most this fraction of the target: "with some challenges"

    @property
    def actions(self) -> tuple[str, ...]:
        return tuple(a for m in self.milestones for a in m.actions)

    def of_action(self, action: str) -> str | None:
        return next((m.key for m in self.milestones if action in m.actions), None)

    def get(self, key: str) -> Milestone:
        return next(m for m in self.milestones if m.key == key)


def _read(name: str) -> dict[str, Any]:
    return json.loads((RESOURCES / name).read_text(encoding="utf-8"))


@cache
def zone_rules() -> ZoneRules:
    return ZoneRules.from_json(_read("incident_zones.json"))


@cache
def milestone_catalogue() -> MilestoneCatalogue:
    raw = _read("drill_milestones.json")
    milestones = tuple(Milestone(m["key"], int(m["minutes"]), tuple(m["actions"]), m["title_zh"], m["title_en"],
                                 dict(m.get("reference", {}))) for m in raw["milestones"])
    return MilestoneCatalogue(milestones, float(raw["acknowledge_fraction"]), int(raw["dispatch_minutes"]),
                              float(raw["rating"]["some_challenges_late_fraction"]))
