"""Topology checks of admin boundaries before they replace the store's: codes nested (a village's code is its
town's plus three digits), no overlaps between siblings, no gaps inside a parent, no child crossing its parent.

Areas are measured in EPSG:4549 metres; slivers under ``TOLERANCE`` of the smaller area (digitising noise) pass.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from app.models.projection import geoms_to_display

TOLERANCE = 1e-3
LEVEL_OF_LENGTH = {6: 0, 9: 1, 12: 2, 15: 3}

# code -> (Chinese, English)
PROBLEMS = {
    "not_nested": ("编码未嵌套：上级 {parent} 不存在", "code not nested: no parent {parent}"),
    "overlap": ("与 {other} 重叠 {area:.0f} 平方米", "overlaps {other} by {area:.0f} m²"),
    "crosses_parent": ("越出上级 {parent} {area:.0f} 平方米", "crosses its parent {parent} by {area:.0f} m²"),
    "gap": ("下级未覆盖的空隙 {area:.0f} 平方米", "a gap of {area:.0f} m² its children leave uncovered"),
    "not_in_county": ("编码不属于本县 {county}", "code is not in the county {county}"),
    "duplicate_code": ("编码重复", "the code appears twice"),
}

# Problems that break the hierarchy: the layers cannot replace the store's until the file is mended. The others
# (gaps, overlaps, crossing the parent) are geometry flaws a user may accept.
BLOCKING = frozenset({"not_nested", "not_in_county", "duplicate_code"})


@dataclass(frozen=True)
class TopologyProblem:
    code: str  # the unit's admin code
    kind: str
    detail: dict[str, object]

    def text(self, lang: str) -> str:
        zh, en = PROBLEMS[self.kind]
        return (zh if lang == "zh" else en).format(**self.detail)


def check_topology(codes: list[str], geoms: np.ndarray, known: dict[str, shapely.Geometry],
                   county: str) -> list[TopologyProblem]:
    """Problems of the new units ``codes``/``geoms`` (EPSG:4490) among ``known`` units that stay (code -> geometry)."""
    problems: list[TopologyProblem] = []
    projected = geoms_to_display(np.asarray(geoms, dtype=object))
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            problems.append(TopologyProblem(code, "duplicate_code", {}))
        seen.add(code)
        if not code.startswith(county):
            problems.append(TopologyProblem(code, "not_in_county", {"county": county}))
    shapes = dict(zip(codes, projected))
    stay = {c: g for c, g in zip(known, geoms_to_display(np.asarray(list(known.values()), dtype=object)))
            if c not in shapes} if known else {}
    every = {**stay, **shapes}
    children: dict[str, list[str]] = {}
    for code in codes:
        parent = code[:-3]
        if len(code) > len(county) and parent not in every:
            problems.append(TopologyProblem(code, "not_nested", {"parent": parent}))
        elif parent in every:
            children.setdefault(parent, []).append(code)
            outside = shapely.area(shapely.difference(shapes[code], every[parent]))
            if outside > TOLERANCE * shapely.area(shapes[code]):
                problems.append(TopologyProblem(code, "crosses_parent", {"parent": parent, "area": outside}))
    for parent, kids in children.items():
        siblings = [c for c in every if c[:-3] == parent]
        problems += _overlaps(kids, siblings, every)
        covered = shapely.union_all([every[c] for c in siblings])
        gap = shapely.area(shapely.difference(every[parent], covered))
        if gap > TOLERANCE * shapely.area(every[parent]):
            problems.append(TopologyProblem(parent, "gap", {"area": gap}))
    return problems


def _overlaps(kids: list[str], siblings: list[str], every: dict[str, shapely.Geometry]) -> list[TopologyProblem]:
    geoms = np.array([every[c] for c in siblings], dtype=object)
    tree = shapely.STRtree(geoms)
    out = []
    for code in kids:
        shape = every[code]
        for j in tree.query(shape, predicate="intersects"):
            other = siblings[int(j)]
            if other == code or (other in kids and other < code):  # each pair once
                continue
            area = shapely.area(shapely.intersection(shape, geoms[j]))
            if area > TOLERANCE * min(shapely.area(shape), shapely.area(geoms[j])):
                out.append(TopologyProblem(code, "overlap", {"other": other, "area": area}))
    return out
