"""Trainer-mode tours (``resources/tours/*.json``): scripted steps a trainer pages through — layers on or off, an
indicator on the map, a unit to zoom to, a caption in Chinese and English, optionally a drill step."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TOURS = Path(__file__).resolve().parents[2] / "resources" / "tours"
DRILL_STEPS = ("open", "dispatch", "wartime", "peacetime")
STEP_KEYS = {"layers", "indicator", "zoom", "caption", "drill"}


@dataclass(frozen=True)
class TourStep:
    caption_zh: str
    caption_en: str
    layers: dict[str, bool] = field(default_factory=dict)
    indicator: str | None = None  # an indicator id, coloured over the county's towns; "" clears the map's colours
    zoom: str | None = None  # a unit code; "" is the whole county
    drill: str | None = None  # open | dispatch | wartime | peacetime


@dataclass(frozen=True)
class Tour:
    key: str
    title_zh: str
    title_en: str
    steps: tuple[TourStep, ...]


def _step(i: int, raw: dict[str, Any], where: str) -> TourStep:
    unknown = set(raw) - STEP_KEYS
    if unknown:
        raise ValueError(f"{where}: step {i + 1} has unknown keys {sorted(unknown)} (allowed: {sorted(STEP_KEYS)})")
    caption = raw.get("caption", {})
    drill = raw.get("drill")
    if drill is not None and drill not in DRILL_STEPS:
        raise ValueError(f"{where}: step {i + 1}: drill must be one of {', '.join(DRILL_STEPS)}")
    return TourStep(caption.get("zh", ""), caption.get("en", ""), {str(k): bool(v) for k, v in raw.get("layers", {}).items()},
                    raw.get("indicator"), raw.get("zoom"), drill)


def tour_names() -> list[str]:
    return sorted(p.stem for p in TOURS.glob("*.json"))


def load_tour(path_or_key: str | Path) -> Tour:
    path = Path(path_or_key)
    if not path.suffix:
        path = TOURS / f"{path_or_key}.json"
    if not path.exists():
        raise ValueError(f"no tour {path_or_key!r} (tours: {', '.join(tour_names())})")
    raw = json.loads(path.read_text(encoding="utf-8"))
    steps = tuple(_step(i, s, path.name) for i, s in enumerate(raw["steps"]))
    if not steps:
        raise ValueError(f"{path.name}: a tour needs at least one step")
    return Tour(path.stem, raw["title_zh"], raw["title_en"], steps)
