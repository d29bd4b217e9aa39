"""Attribute columns of every map layer: one source for the identify results and the attribute tables.

Column keys are English words the views translate; values are plain numbers or text (kinds and statuses as
lower-case keys the views translate too). Names of places come in both languages where the store has both:
``village`` (Chinese) and ``village_pinyin``; a view shows the one of its language (:data:`LANGUAGE_COLUMNS`).
"""

from __future__ import annotations

import numpy as np

from app.domain.admin import Level
from app.models.admin_atlas import AdminAtlas, UnitLevel
from app.models.layers import PointLayer

# columns shown only in one interface language: key -> "zh" | "en"
LANGUAGE_COLUMNS = {"name": "zh", "name_pinyin": "en", "parent": "zh", "parent_pinyin": "en", "village": "zh",
                    "village_pinyin": "en", "town": "zh", "town_pinyin": "en"}


def grid_numbers(codes: np.ndarray) -> np.ndarray:
    """A grid's number within its village: the last three digits of its code (…001003 → 3)."""
    return np.array([int(str(c)[-3:]) for c in codes], np.int64)


def _ancestor_names(atlas: AdminAtlas, units: UnitLevel, rows: np.ndarray, level: Level) -> tuple[np.ndarray, np.ndarray]:
    """(Chinese, pinyin) names of the ``level`` ancestor of each row (rows -1: empty)."""
    current, idx = units, np.asarray(rows, np.int64)
    while current.level > level:
        idx = np.where(idx >= 0, current.parent_index[np.maximum(idx, 0)], -1) if len(current) else idx
        current = atlas.levels[Level(current.level - 1)]
    zh = np.where(idx >= 0, current.data.names_zh[np.maximum(idx, 0)] if len(current) else "", "").astype(object)
    en = np.where(idx >= 0, current.data.names_pinyin[np.maximum(idx, 0)] if len(current) else "", "").astype(object)
    return zh, en


def unit_columns(atlas: AdminAtlas, level: Level) -> dict[str, np.ndarray]:
    """Every unit of ``level``: code, names, (grids) number and leader, parent, figures."""
    units = atlas.levels[level]
    d = units.data
    every = np.arange(len(units))
    columns: dict[str, np.ndarray] = {"code": d.codes.astype(object), "name": d.names_zh.astype(object),
                                      "name_pinyin": d.names_pinyin.astype(object)}
    if level == Level.GRID:
        leaders = atlas.grid_leaders
        columns["number"] = grid_numbers(d.codes)
        columns["leader"] = np.array([leaders.get(int(i), ("", ""))[0] for i in d.ids], object)
        columns["leader_phone"] = np.array([leaders.get(int(i), ("", ""))[1] for i in d.ids], object)
    if level > Level.COUNTY:
        columns["parent"], columns["parent_pinyin"] = _ancestor_names(atlas, units, every, Level(level - 1))
    if level > Level.VILLAGE:
        columns["town"], columns["town_pinyin"] = _ancestor_names(atlas, units, every, Level.TOWN)
    columns.update(population=d.population, households=d.households, area_km2=np.round(d.area_km2, 2),
                   density=np.round(units.density, 0))
    return columns


def point_columns(atlas: AdminAtlas, layer: PointLayer) -> dict[str, np.ndarray]:
    """Every point of ``layer``: id, name, its own fields, then the grid and village it lies in."""
    grids = atlas.levels[Level.GRID]
    grid_ids = layer.fields.get("grid_id", np.full(len(layer), -1, np.int64))
    row_of = {int(i): r for r, i in enumerate(grids.data.ids)}
    rows = np.array([row_of.get(int(g), -1) for g in grid_ids], np.int64)
    columns: dict[str, np.ndarray] = {"id": layer.ids, "name": layer.names.astype(object)}
    columns.update((k, v) for k, v in layer.fields.items() if k != "grid_id")
    columns["grid"] = np.where(rows >= 0, grids.data.codes[np.maximum(rows, 0)] if len(grids) else "", "").astype(object)
    columns["village"], columns["village_pinyin"] = _ancestor_names(atlas, grids, rows, Level.VILLAGE)
    columns["town"], columns["town_pinyin"] = _ancestor_names(atlas, grids, rows, Level.TOWN)
    return columns
