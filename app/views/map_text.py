"""Translated text the map shows: tooltips, legend titles, level and field names."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.admin import Level
from app.models.admin_atlas import AdminAtlas, UnitLevel
from app.models.layers import LayerList, PointLayer
from app.models.thematic import LegendEntry, Thematic
from app.models.unit_info import describe
from app.views.feature_text import FEATURE_VALUE, layer_title
from app.views.vocabulary import UNIT, interface_language


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def label_names() -> dict[str, str]:
    return {"Name": tr("Name"), "Code": tr("Code"), "Parent": tr("Parent"), "Population": tr("Population"),
            "Households": tr("Households"), "Area": tr("Area"), "Density": tr("Density"),
            "Grid leader": tr("Grid leader")}


def level_names() -> dict[Level, str]:
    return {Level.COUNTY: tr("County"), Level.TOWN: tr("Town"), Level.VILLAGE: tr("Village"), Level.GRID: tr("Grid")}


def field_names() -> dict[str, str]:
    return {"density": tr("Population density"), "population": tr("Population"), "households": tr("Households")}


def thematic_title(thematic: Thematic) -> str:
    """The field's name, or the choropleth's title, in the interface language."""
    if thematic.field in field_names():
        return field_names()[thematic.field]
    return thematic.title_en if thematic.title_en and interface_language() == "en" else thematic.title


def unit_tooltip(atlas: AdminAtlas, thematic: Thematic, units: UnitLevel, row: int) -> str:
    """Plain text: level, then one ``label: value`` line per figure."""
    parent = atlas.levels[Level(units.level - 1)] if units.level > Level.COUNTY else None
    labels = label_names()
    leader = atlas.grid_leaders.get(int(units.data.ids[row])) if units.level == Level.GRID else None
    lines = [f"{labels.get(key, key)}: {value}" for key, value in describe(units, row, parent, thematic, leader)]
    return "\n".join([f"[{level_names()[units.level]}]"] + lines)


def class_entries(layer: PointLayer) -> list[tuple[str, str]]:
    """(colour, "online  17,012") per class of a point layer coloured by category, as it stands on the as-of date."""
    return [(colour, f"{FEATURE_VALUE(key)}  {n:,}") for colour, key, n in layer.class_legend()]


def point_legend(layers: LayerList) -> list[tuple[str, str]]:
    """The classes of every visible point layer coloured by category, each under its layer's name."""
    entries: list[tuple[str, str]] = []
    for layer in layers:
        if isinstance(layer, PointLayer) and layer.visible and (classes := class_entries(layer)):
            entries += [("", layer_title(layer)), *classes]
    return entries


def legend(thematic: Thematic, layers: LayerList | None = None) -> tuple[str, list[tuple[str, str]]]:
    """(title, [(colour, label)]) for the current thematic map, then the classes of the point layers shown."""
    unit = f" ({UNIT(thematic.unit)})" if thematic.unit else ""
    heading = f"{thematic_title(thematic)}{unit} · {level_names()[thematic.level]}"
    status = {"ok": tr("Normal"), "warning": tr("Warning"), "alarm": tr("Alarm")}
    english = interface_language() == "en"

    def label(e: LegendEntry) -> str:
        if e.no_data:
            return tr("No data")
        if e.status:
            return f"{status[e.status]}  {e.label}"
        return e.label_en if english and e.label_en else e.label

    entries = [(e.colour, label(e)) for e in thematic.legend()]
    if thematic.fewer_classes:
        entries.append(("", tr("(only %1 distinct values: one class each)").replace("%1", str(thematic.classes.distinct))))
    return heading, entries + (point_legend(layers) if layers is not None else [])
