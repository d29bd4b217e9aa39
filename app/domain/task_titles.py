"""Titles of the tasks the console writes itself, kept as a template key and its arguments so each reader sees
the title in their own language; a title a person typed has no key and reads as it was typed.

An argument is a number, a name that is data (a hotel's name, shown as it is in both languages), a pair of
names ``{"zh": …, "en": …}`` (a unit: its Chinese name and its pinyin), a word of ``WORDS`` (written in
Chinese, read in English through the table), or a whole title of its own ``{"key": …, "args": …}`` / ``{"text":
…}`` (the parent a fanned-out task repeats). ``tasks.title`` keeps the Chinese text, so search, export and the
command line read as before.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

# key -> (Chinese, English); {name} is an argument
TEMPLATES: dict[str, tuple[str, str]] = {
    "transfer": ("转运 {people} 人 → {hotel}", "Transfer {people} people → {hotel}"),
    "specimen": ("送检 {samples} 份 {site} → {lab}", "Take {samples} samples {site} → {lab}"),
    "screening": ("排查 {area} 关联人员 {people} 人", "Screen {people} people linked to {area}"),
    "contact_control": ("{contacts}管控 {people} 人", "Control {people} {contacts}"),
    "warning_check": ("{rule}核查 {person}", "Verify {rule}: {person}"),
    "incident_order": ("{incident} · {order} · {unit}", "{incident} · {order} · {unit}"),
    "plan_contact": ("{contacts}管控 · 人员 {person}", "Control {contacts}: person {person}"),
    "plan_command_post": ("启动应急指挥部：领导小组到位", "Open the emergency command post: leading group in place"),
    "plan_trace_start": ("公安大数据+疾控现场流调启动", "Start tracing: police big data and CDC field teams"),
    "plan_seal_case_place": ("病例场所封控 · {unit}", "Seal the case's places · {unit}"),
    "plan_quarantine_ready": ("集中隔离场所就绪：{rooms} 间", "Quarantine sites ready: {rooms} rooms"),
    "plan_seal_point": ("封控区卡点封闭 · {unit}", "Close the sealed zone's checkpoints · {unit}"),
    "plan_disinfection": ("终末消杀 · {unit}", "Final disinfection · {unit}"),
    "plan_environment_samples": ("环境采样 · {unit}", "Environmental sampling · {unit}"),
    "plan_muster": ("第一梯队人员集结 · {unit}", "First echelon musters · {unit}"),
    "fan_out": ("{parent} · {unit}", "{parent} · {unit}"),  # last: it matches any title with " · " in it
}
# Words the console writes into titles in Chinese, and how an English reader reads them.
WORDS: dict[str, str] = {
    "密接": "close contacts", "次密接": "secondary contacts", "自定义范围": "custom area",
    "处置总指令": "response order", "乡镇处置": "town response", "村社处置": "village response",
}
_FIELD = re.compile(r"\{(\w+)\}")
# what each argument can look like in a Chinese title (the rest: a name, which holds no " · ")
_SHAPES = {"people": r"\d+", "samples": r"\d+", "rooms": r"\d+", "parent": r".+", "incident": r".+?",
           "order": "|".join(("处置总指令", "乡镇处置", "村社处置")), "contacts": r"密接|次密接|\d+级接触者"}


@dataclass(frozen=True)
class Title:
    """A title template and its arguments; ``text(lang)`` renders it."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "zh") -> str:
        return render(self.key, self.args, lang)

    def as_arg(self) -> dict[str, Any]:
        """This title as the argument of another (a fanned-out task repeats its parent's title)."""
        return {"key": self.key, "args": self.args}

    def dumps(self) -> str:
        return json.dumps(self.args, ensure_ascii=False, sort_keys=True)


def names(zh: str, en: str) -> dict[str, str]:
    """A name with its English (pinyin) form."""
    return {"zh": zh, "en": en or zh}


def render(key: str, args: dict[str, Any], lang: str = "zh") -> str:
    """The title ``key`` with ``args`` in ``lang`` ("zh" or "en")."""
    template = TEMPLATES[key][1 if lang == "en" else 0]
    return _FIELD.sub(lambda m: _arg(args.get(m.group(1), ""), lang), template)


def _arg(value: Any, lang: str) -> str:  # noqa: ANN401
    if isinstance(value, dict):
        if "key" in value:
            return render(value["key"], value.get("args", {}), lang)
        if "text" in value:
            return str(value["text"])
        return str(value.get(lang) or value.get("zh", ""))
    if isinstance(value, str) and lang == "en":
        return WORDS.get(value, value)
    return str(value)


def task_title(title: str, key: str | None, args: str | None, lang: str) -> str:
    """What a reader in ``lang`` sees of a stored task title (``args`` as stored: JSON)."""
    if not key or key not in TEMPLATES:
        return title
    return render(key, json.loads(args or "{}"), lang)


def parse(title: str, words: dict[str, dict[str, str]] | None = None, fanned: bool = False) -> Title | None:
    """The template a title the console wrote was made from, read back from its Chinese text (None: typed by a
    person). ``words`` gives the two-language form of known names (units, rules) met as arguments; ``fanned``
    says the task was fanned out from a parent (only then is "… · unit" the parent's title and a unit)."""
    words = words or {}
    for key, (zh, _en) in TEMPLATES.items():
        if key == "fan_out" and not fanned:
            continue
        pattern = "".join(f"(?P<{part}>{_SHAPES.get(part, '[^·]+?')})" if i % 2 else re.escape(part)
                          for i, part in enumerate(_FIELD.split(zh)))
        found = re.fullmatch(pattern, title)
        if found is None:
            continue
        args: dict[str, Any] = {}
        for name, value in found.groupdict().items():
            if name == "parent":
                inner = parse(value, words, fanned=True)
                args[name] = inner.as_arg() if inner is not None else {"text": value}
            elif value.isdigit():
                args[name] = int(value)
            else:
                args[name] = words.get(value, value)
        return Title(key, args)
    return None
