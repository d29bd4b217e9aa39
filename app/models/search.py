"""Finding admin units by Chinese name, pinyin (with or without spaces, or syllable initials: ``ls`` → 柳市) or code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from app.models.admin_atlas import AdminAtlas
from app.models.pinyin import initials

_NOT_ALNUM = re.compile(r"[^0-9a-z]")


@dataclass(frozen=True)
class Match:
    code: str
    name_zh: str
    name_pinyin: str
    level: int

    @property
    def display(self) -> str:
        return f"{self.name_zh}  {self.name_pinyin}  {self.code}"


def _compact(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())


class UnitSearch:
    """An index over every unit; ``find`` ranks exact, then prefix, then substring matches, coarse levels first."""

    def __init__(self, atlas: AdminAtlas) -> None:
        self._atlas = atlas

    @cached_property
    def _rows(self) -> list[tuple[Match, str, str]]:
        """Built on the first search, not when the console opens: splitting 8,517 names into syllables takes half a
        second, which the first paint of the map would wait for."""
        return [(Match(code, zh, py, int(level)), _compact(py), initials(py))
                for level, units in self._atlas.levels.items()
                for code, zh, py in zip(units.data.codes, units.data.names_zh, units.data.names_pinyin)]

    def find(self, text: str, limit: int = 20) -> list[Match]:
        query = text.strip()
        key = _compact(query)
        if not query:
            return []
        ranked: list[tuple[int, int, str, Match]] = []
        for match, pinyin, first_letters in self._rows:
            if query == match.name_zh or query == match.code or (key and key in (pinyin, first_letters)):
                rank = 0
            elif match.name_zh.startswith(query) or match.code.startswith(query) or (key and pinyin.startswith(key)):
                rank = 1
            elif query in match.name_zh or (key and (key in pinyin or first_letters.startswith(key))):
                rank = 2
            else:
                continue
            ranked.append((rank, match.level, match.code, match))
        ranked.sort(key=lambda r: r[:3])
        return [r[3] for r in ranked[:limit]]
