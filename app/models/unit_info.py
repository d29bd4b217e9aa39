"""What a tooltip or an info line says about one admin unit: name, code, parent and key figures."""

from __future__ import annotations

import math

from app.models.admin_atlas import UnitLevel
from app.models.thematic import Thematic


def describe(units: UnitLevel, row: int, parent: UnitLevel | None, thematic: Thematic,
             leader: tuple[str, str] | None = None) -> list[tuple[str, str]]:
    """(label key, text) pairs; label keys are English and translated by the view."""
    d = units.data
    lines = [("Name", f"{d.names_zh[row]} ({d.names_pinyin[row]})"), ("Code", str(d.codes[row]))]
    if parent is not None and units.parent_index[row] >= 0:
        lines.append(("Parent", str(parent.data.names_zh[units.parent_index[row]])))
    if leader is not None:
        lines.append(("Grid leader", f"{leader[0]}  {leader[1]}"))
    lines += [
        ("Population", f"{int(d.population[row]):,}"),
        ("Households", f"{int(d.households[row]):,}"),
        ("Area", f"{d.area_km2[row]:,.2f} km²"),
        ("Density", f"{units.density[row]:,.0f} /km²" if math.isfinite(units.density[row]) else "—"),
    ]
    if thematic.level == units.level and not thematic.field:
        value = thematic.values[row]
        lines.append((thematic.title, f"{value:,.2f} {thematic.unit}".strip() if math.isfinite(value) else "—"))
    return lines
