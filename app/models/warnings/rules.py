"""The warning rules, declared as data in ``resources/warning_rules.json`` and checked when loaded.

A rule names its evaluator (``id``), its Chinese and English names, a severity and its parameters; each
evaluator declares the parameters it needs as a frozen dataclass, so a missing, unknown or negative parameter
is reported with the rule and the parameter's name instead of failing somewhere inside the engine.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, get_type_hints

RULES_FILE = Path(__file__).resolve().parents[3] / "resources" / "warning_rules.json"
SEVERITIES = ("low", "medium", "high")
P = TypeVar("P")


class RuleError(ValueError):
    """A rules file that cannot be used, with what is wrong and where."""


@dataclass(frozen=True)
class Rule:
    id: str
    name_zh: str
    name_en: str
    severity: str
    parameters: dict[str, Any]

    def name(self, lang: str) -> str:
        """The rule's name in ``lang`` (``"en"``; anything else gives the Chinese name)."""
        return self.name_en if lang == "en" else self.name_zh


def parse_params(cls: type[P], data: object, where: str) -> P:
    """Build the parameter dataclass ``cls`` from ``data``: exact keys, non-negative numbers, lists of str."""
    if not isinstance(data, dict):
        raise RuleError(f"{where}: parameters must be an object, not {type(data).__name__}")
    fields = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    missing, unknown = fields - data.keys(), data.keys() - fields
    if missing or unknown:
        raise RuleError(f"{where}: missing parameter(s) {sorted(missing)}, unknown {sorted(unknown)}")
    values: dict[str, Any] = {}
    for name, hint in get_type_hints(cls).items():
        value, here = data[name], f"{where}.{name}"
        if dataclasses.is_dataclass(hint):
            values[name] = parse_params(hint, value, here)
        elif hint in (int, float):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise RuleError(f"{here}: must be a non-negative number, not {value!r}")
            values[name] = hint(value)
        elif not (isinstance(value, list) and value and all(isinstance(v, str) for v in value)):
            raise RuleError(f"{here}: must be a non-empty list of names, not {value!r}")
        else:
            values[name] = tuple(value)
    try:
        return cls(**values)
    except RuleError as exc:  # a parameter class's own check (e.g. an unknown category name)
        raise RuleError(f"{where}: {exc}") from None


def check_names(names: tuple[str, ...], known: tuple[str, ...], what: str) -> None:
    """For parameter classes' ``__post_init__``: every name must be one of ``known``."""
    unknown = [n for n in names if n not in known]
    if unknown:
        raise RuleError(f"unknown {what} {unknown} (known: {', '.join(known)})")


def load_rules(path: Path = RULES_FILE, known: dict[str, type] | None = None) -> list[Rule]:
    """Read and validate the rules; ``known`` maps rule ids to their parameter dataclasses."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise RuleError(f"cannot read warning rules {path}: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("rules"), list):
        raise RuleError(f"{path}: expected an object with a 'rules' list")
    rules: list[Rule] = []
    for i, raw in enumerate(doc["rules"]):
        where = f"{Path(path).name} rule {i}"
        if not isinstance(raw, dict):
            raise RuleError(f"{where}: must be an object")
        for key in ("id", "name_zh", "name_en", "severity"):
            if not isinstance(raw.get(key), str) or not raw[key]:
                raise RuleError(f"{where}: '{key}' must be a non-empty string")
        where = f"{Path(path).name} rule {raw['id']!r}"
        if raw["severity"] not in SEVERITIES:
            raise RuleError(f"{where}: severity must be one of {', '.join(SEVERITIES)}, not {raw['severity']!r}")
        if any(r.id == raw["id"] for r in rules):
            raise RuleError(f"{where}: duplicate rule id")
        if known is not None:
            if raw["id"] not in known:
                raise RuleError(f"{where}: no evaluator for this rule (known: {', '.join(sorted(known))})")
            parse_params(known[raw["id"]], raw.get("parameters"), where)
        rules.append(Rule(raw["id"], raw["name_zh"], raw["name_en"], raw["severity"], dict(raw.get("parameters") or {})))
    return rules
