"""Admin units as a person reads them in a table: 柳市镇, 长虹村, "长虹村 第3网格" — not their 9–15 digit codes."""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.admin import Level
from app.models.admin_atlas import AdminAtlas
from app.models.feature_columns import grid_numbers


def readable_units(atlas: AdminAtlas, codes: Iterable[str], english: bool, grid_pattern: str) -> list[str]:
    """Each code's name in the chosen language; a grid as its village's name and its number in ``grid_pattern``
    ("第%1网格" / "Grid %1"). Codes the store does not hold (another pack's area, an empty cell) stay as given."""
    cache: dict[str, str] = {}

    def name(code: str) -> str:
        found = atlas.find(code) if code else None
        if found is None:
            return code
        units, row = found
        names = units.data.names_pinyin if english else units.data.names_zh
        if units.level != Level.GRID:
            return str(names[row])
        village = atlas.find(code[:-3])
        number = grid_pattern.replace("%1", str(int(grid_numbers([code])[0])))
        if village is None:
            return number
        village_units, village_row = village
        village_names = village_units.data.names_pinyin if english else village_units.data.names_zh
        return f"{village_names[village_row]} {number}"

    out = []
    for code in codes:
        code = "" if code is None else str(code)
        if code not in cache:
            cache[code] = name(code)
        out.append(cache[code])
    return out
