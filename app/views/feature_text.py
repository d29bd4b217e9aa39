"""How features read in the interface: translated column names, kinds, categories and statuses, and values
formatted for a table cell — shared by the identify results and the attribute tables."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.models.feature_columns import LANGUAGE_COLUMNS
from app.models.layers import Layer
from app.views.vocabulary import Vocabulary, interface_language

FEATURE_FIELD = Vocabulary("FeatureField", {
    "id": QT_TRANSLATE_NOOP("FeatureField", "ID"),
    "name": QT_TRANSLATE_NOOP("FeatureField", "Name"),
    "name_pinyin": QT_TRANSLATE_NOOP("FeatureField", "Name (pinyin)"),
    "code": QT_TRANSLATE_NOOP("FeatureField", "Code"),
    "number": QT_TRANSLATE_NOOP("FeatureField", "Grid no."),
    "leader": QT_TRANSLATE_NOOP("FeatureField", "Grid leader"),
    "leader_phone": QT_TRANSLATE_NOOP("FeatureField", "Leader's phone"),
    "parent": QT_TRANSLATE_NOOP("FeatureField", "Parent"),
    "parent_pinyin": QT_TRANSLATE_NOOP("FeatureField", "Parent"),
    "town": QT_TRANSLATE_NOOP("FeatureField", "Town"),
    "town_pinyin": QT_TRANSLATE_NOOP("FeatureField", "Town"),
    "village": QT_TRANSLATE_NOOP("FeatureField", "Village"),
    "village_pinyin": QT_TRANSLATE_NOOP("FeatureField", "Village"),
    "grid": QT_TRANSLATE_NOOP("FeatureField", "Grid code"),
    "population": QT_TRANSLATE_NOOP("FeatureField", "Population"),
    "households": QT_TRANSLATE_NOOP("FeatureField", "Households"),
    "area_km2": QT_TRANSLATE_NOOP("FeatureField", "Area (km²)"),
    "density": QT_TRANSLATE_NOOP("FeatureField", "Density (people/km²)"),
    "category": QT_TRANSLATE_NOOP("FeatureField", "Category"),
    "kind": QT_TRANSLATE_NOOP("FeatureField", "Kind"),
    "capacity": QT_TRANSLATE_NOOP("FeatureField", "Capacity"),
    "fever_clinic": QT_TRANSLATE_NOOP("FeatureField", "Fever clinic"),
    "status": QT_TRANSLATE_NOOP("FeatureField", "Status"),
})
FEATURE_VALUE = Vocabulary("FeatureValue", {  # categories of places, kinds of facility and camera, camera statuses
    "market": QT_TRANSLATE_NOOP("FeatureValue", "farmers' market"),
    "supermarket": QT_TRANSLATE_NOOP("FeatureValue", "supermarket"),
    "restaurant": QT_TRANSLATE_NOOP("FeatureValue", "restaurant"),
    "factory": QT_TRANSLATE_NOOP("FeatureValue", "factory"),
    "school": QT_TRANSLATE_NOOP("FeatureValue", "school"),
    "hospital": QT_TRANSLATE_NOOP("FeatureValue", "hospital"),
    "office": QT_TRANSLATE_NOOP("FeatureValue", "office"),
    "station": QT_TRANSLATE_NOOP("FeatureValue", "station"),
    "hotel": QT_TRANSLATE_NOOP("FeatureValue", "hotel"),
    "mall": QT_TRANSLATE_NOOP("FeatureValue", "shopping mall"),
    "temple": QT_TRANSLATE_NOOP("FeatureValue", "temple"),
    "park": QT_TRANSLATE_NOOP("FeatureValue", "park"),
    "other": QT_TRANSLATE_NOOP("FeatureValue", "other"),
    "highway": QT_TRANSLATE_NOOP("FeatureValue", "expressway checkpoint"),
    "railway": QT_TRANSLATE_NOOP("FeatureValue", "railway station checkpoint"),
    "national_road": QT_TRANSLATE_NOOP("FeatureValue", "national road checkpoint"),
    "provincial_road": QT_TRANSLATE_NOOP("FeatureValue", "provincial road checkpoint"),
    "port": QT_TRANSLATE_NOOP("FeatureValue", "port checkpoint"),
    "test_site": QT_TRANSLATE_NOOP("FeatureValue", "test site"),
    "lab": QT_TRANSLATE_NOOP("FeatureValue", "laboratory"),
    "vaccination_site": QT_TRANSLATE_NOOP("FeatureValue", "vaccination site"),
    "quarantine_hotel": QT_TRANSLATE_NOOP("FeatureValue", "quarantine hotel"),
    "clinic": QT_TRANSLATE_NOOP("FeatureValue", "clinic"),
    "pharmacy": QT_TRANSLATE_NOOP("FeatureValue", "pharmacy"),
    "dome": QT_TRANSLATE_NOOP("FeatureValue", "dome camera"),
    "bullet": QT_TRANSLATE_NOOP("FeatureValue", "bullet camera"),
    "face_capture": QT_TRANSLATE_NOOP("FeatureValue", "face capture"),
    "plate_recognition": QT_TRANSLATE_NOOP("FeatureValue", "plate recognition"),
    "thermal": QT_TRANSLATE_NOOP("FeatureValue", "thermal camera"),
    "online": QT_TRANSLATE_NOOP("FeatureValue", "online"),
    "offline": QT_TRANSLATE_NOOP("FeatureValue", "offline"),
    "fault": QT_TRANSLATE_NOOP("FeatureValue", "fault"),
})
TRANSLATED_VALUES = {"category", "kind", "status"}


def layer_title(layer: Layer) -> str:
    return layer.title_en if interface_language() == "en" else layer.title_zh


def shown_keys(keys: list[str]) -> list[str]:
    """The columns this interface language shows (place names of the other language are left out)."""
    lang = interface_language()
    return [k for k in keys if LANGUAGE_COLUMNS.get(k, lang) == lang]


def display_values(key: str, values: np.ndarray) -> np.ndarray:
    """Cell texts of one column: kinds translated, counts with separators, yes/no for flags."""
    if key in TRANSLATED_VALUES:  # a few keys over 18,000 cameras: each translated once
        keys, inverse = np.unique(np.array([str(v) for v in values.tolist()], dtype=str), return_inverse=True)
        return np.array([FEATURE_VALUE(k) for k in keys.tolist()], object)[inverse.reshape(-1)]
    if values.dtype.kind == "b":
        yes, no = QCoreApplication.translate("FeatureValue", "yes"), QCoreApplication.translate("FeatureValue", "no")
        return np.array([yes if v else no for v in values.tolist()], object)
    if values.dtype.kind in "iu" and key not in ("id", "number"):
        return np.array([f"{v:,}" for v in values.tolist()], object)
    if values.dtype.kind == "f":
        digits = 2 if key == "area_km2" else 0
        return np.array(["—" if math.isnan(v) else f"{v:,.{digits}f}" for v in values.tolist()], object)
    return np.array(["" if v is None else str(v) for v in values.tolist()], object)


def display_value(key: str, value: object) -> str:
    return str(display_values(key, np.array([value]))[0])
