"""The indicator catalogue, declared as data in ``resources/indicators.json`` and checked when it loads.

An indicator is a sum of measure terms, optionally over another (a rate), times a scale. A term is
``measure`` (its running total: a count so far, or a stock on the day) or ``measure@N`` (what was added in
the last N days). A rate keeps numerator and denominator, so a town's rate is the ratio of its summed parts.

``range`` says where values can lie: ``[0, null]`` (the default: counts and ratios are never negative),
``[0, 100]`` for a share in percent whose numerator is part of its denominator, ``[null, null]`` for a
difference (a net inflow). The engine's figures are tested against it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.models.thresholds import threshold_status

CATALOGUE_PATH = Path(__file__).resolve().parents[3] / "resources" / "indicators.json"
GOOD = ("up", "down", "neutral")
_TERM = re.compile(r"^([a-z][a-z0-9_]*)(?:@([0-9]+))?$")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class CatalogueError(ValueError):
    """A catalogue that cannot be used; the message names each bad entry and what is wrong with it."""


@dataclass(frozen=True)
class Term:
    measure: str
    window: int  # 0: the running total; N: added in the last N days
    sign: int


@dataclass(frozen=True)
class Group:
    id: str
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class Indicator:
    id: str
    name_zh: str
    name_en: str
    group: str
    unit: str
    numerator: tuple[Term, ...]
    denominator: tuple[Term, ...] | None
    scale: float
    good: str
    warning: float | None
    alarm: float | None
    formula: str
    low: float | None = 0.0  # the least value it can take (None: unbounded)
    high: float | None = None  # the greatest (None: unbounded)

    @property
    def is_rate(self) -> bool:
        return self.denominator is not None

    def status(self, value: float) -> str:
        """"alarm", "warning", "ok", or "none" (no thresholds, or no value)."""
        return threshold_status(value, self.good, self.warning, self.alarm)


@dataclass(frozen=True)
class Catalogue:
    groups: tuple[Group, ...]
    indicators: tuple[Indicator, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {i.id: i for i in self.indicators})

    def __getitem__(self, indicator_id: str) -> Indicator:
        try:
            return self._by_id[indicator_id]  # type: ignore[attr-defined]
        except KeyError:
            raise KeyError(f"no indicator {indicator_id!r} in the catalogue") from None

    def __len__(self) -> int:
        return len(self.indicators)

    def __iter__(self):  # noqa: ANN204
        return iter(self.indicators)

    def in_group(self, group: str) -> list[Indicator]:
        return [i for i in self.indicators if i.group == group]

    def measures(self) -> set[str]:
        return {t.measure for i in self.indicators for t in (*i.numerator, *(i.denominator or ()))}


def parse_terms(text: str) -> tuple[Term, ...]:
    """``"a + b@7 - c"`` -> terms; ValueError naming the first bad token."""
    tokens = text.replace("+", " + ").replace("-", " - ").split()
    terms, sign, expect_term = [], 1, True
    for token in tokens:
        if token in "+-" and not expect_term:
            sign, expect_term = (1 if token == "+" else -1), True
            continue
        match = _TERM.match(token)
        if not expect_term or match is None:
            raise ValueError(f"bad term {token!r} in {text!r} (expected measure or measure@DAYS joined by + or -)")
        window = int(match.group(2) or 0)
        if match.group(2) is not None and window < 1:
            raise ValueError(f"window must be at least 1 day in {token!r}")
        terms.append(Term(match.group(1), window, sign))
        expect_term = False
    if expect_term:
        raise ValueError(f"formula {text!r} is empty or ends with an operator")
    return tuple(terms)


def load_catalogue(path: Path = CATALOGUE_PATH, measures: Collection[str] | None = None) -> Catalogue:
    """Load and check a catalogue; CatalogueError lists every bad entry with its problem."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise CatalogueError(f"cannot read indicator catalogue {path}: {exc}") from None
    return parse_catalogue(doc, measures)


def parse_catalogue(doc: Any, measures: Collection[str] | None = None) -> Catalogue:
    if measures is None:
        from app.models.indicators.producers import MEASURES as measures  # noqa: N811
    if not isinstance(doc, dict) or not isinstance(doc.get("groups"), dict) or not isinstance(doc.get("indicators"), list):
        raise CatalogueError("indicator catalogue must be an object with 'groups' (object) and 'indicators' (list)")
    groups = tuple(Group(k, v.get("name_zh", ""), v.get("name_en", "")) for k, v in doc["groups"].items())
    indicators, errors, seen = [], [], set()
    for n, entry in enumerate(doc["indicators"]):
        name = entry.get("id") if isinstance(entry, dict) and isinstance(entry.get("id"), str) else f"#{n + 1}"
        try:
            indicator = _indicator(entry, {g.id for g in groups}, measures)
            if indicator.id in seen:
                raise ValueError("duplicate id")
            seen.add(indicator.id)
            indicators.append(indicator)
        except (ValueError, TypeError, KeyError) as exc:
            errors.append(f"indicator {name}: {str(exc).strip(chr(39))}")
    if errors:
        raise CatalogueError("bad indicator catalogue entries:\n  " + "\n  ".join(errors))
    return Catalogue(groups, tuple(indicators))


def _indicator(entry: Any, groups: set[str], measures: Collection[str]) -> Indicator:
    if not isinstance(entry, dict):
        raise TypeError("entry is not an object")
    missing = [k for k in ("id", "name_zh", "name_en", "group", "unit", "formula", "good") if k not in entry]
    if missing:
        raise KeyError(f"missing field(s) {', '.join(missing)}")
    if not _ID.match(str(entry["id"])):
        raise ValueError(f"id {entry['id']!r} must be lower-case letters, digits and _")
    if entry["group"] not in groups:
        raise ValueError(f"unknown group {entry['group']!r} (groups: {', '.join(sorted(groups))})")
    if entry["good"] not in GOOD:
        raise ValueError(f"good must be one of {', '.join(GOOD)}, not {entry['good']!r}")
    formula = entry["formula"]
    if not isinstance(formula, dict) or "numerator" not in formula:
        raise ValueError("formula must be an object with a numerator")
    numerator = parse_terms(str(formula["numerator"]))
    denominator = parse_terms(str(formula["denominator"])) if formula.get("denominator") else None
    unknown = sorted({t.measure for t in (*numerator, *(denominator or ()))} - set(measures))
    if unknown:
        raise ValueError(f"unknown measure(s) {', '.join(unknown)}")
    scale = formula.get("scale", 1)
    if not isinstance(scale, (int, float)) or scale <= 0:
        raise ValueError(f"scale must be a positive number, not {scale!r}")
    if entry["unit"] == "%" and denominator is None:
        raise ValueError("a percentage needs a denominator")
    warning, alarm = _thresholds(entry.get("thresholds"), entry["good"])
    low, high = _range(entry.get("range", [0, None]))
    text = str(formula["numerator"]) + (f" / ({formula['denominator']})" if denominator else "") + (f" × {scale:g}" if scale != 1 else "")
    return Indicator(entry["id"], entry["name_zh"], entry["name_en"], entry["group"], entry["unit"], numerator,
                     denominator, float(scale), entry["good"], warning, alarm, text, low, high)


def _thresholds(value: Any, good: str) -> tuple[float | None, float | None]:
    if value is None:
        return None, None
    if not isinstance(value, dict) or not all(isinstance(value.get(k), (int, float)) for k in ("warning", "alarm")):
        raise ValueError("thresholds must be null or {\"warning\": number, \"alarm\": number}")
    warning, alarm = float(value["warning"]), float(value["alarm"])
    if good == "neutral":
        raise ValueError("a neutral indicator (good: neutral) cannot have thresholds")
    if (good == "up" and alarm > warning) or (good == "down" and alarm < warning):
        raise ValueError(f"alarm {alarm:g} must be {'below' if good == 'up' else 'above'} warning {warning:g} when good is {good!r}")
    return warning, alarm



def _range(value: Any) -> tuple[float | None, float | None]:
    bound = (int, float, type(None))
    if not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, bound) and not isinstance(v, bool) for v in value):
        raise ValueError("range must be [low, high] with numbers or null")
    low, high = (None if v is None else float(v) for v in value)
    if low is not None and high is not None and low > high:
        raise ValueError(f"range low {low:g} is above high {high:g}")
    return low, high
