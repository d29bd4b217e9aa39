"""The console's shared state that every panel and the map listen to — Qt-free and evented.

Panels never call each other: they set fields here and react to the events of the fields they care about.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import shapely
from psygnal import Signal, SignalGroup


@dataclass(frozen=True)
class Category:
    """One class of a categorical choropleth: the value that marks it, its names and its fixed colour."""

    value: float
    name: str  # Chinese
    name_en: str
    colour: str


@dataclass(frozen=True)
class Choropleth:
    """A request to colour one admin level by a value per unit code (NaN or missing: no data).

    ``title`` is Chinese; ``title_en`` its English, for the English interface ("" shows ``title``)."""

    title: str
    level: str  # "town" | "village" | "grid"
    values: dict[str, float] = field(default_factory=dict)
    unit: str = ""
    good: str = "down"  # which way is better: "up", "down" or "neutral" (the catalogue's direction)
    title_en: str = ""
    integer: bool = False  # the values are counts (whole-number class bounds)
    warning: float | None = None  # the catalogue's thresholds: a fixed ok / warning / alarm legend
    alarm: float | None = None
    categories: tuple[Category, ...] = ()  # named classes with fixed colours instead of value ranges (zones)


class ConsoleContext:
    """The command picture every view follows: selection, as-of date, what the map is coloured by (a catalogue
    indicator, which the map recomputes for the level shown and the date, or a value snapshot of another panel),
    the version of the store's data, highlighted people and the area drawn on the map. The unit in focus (and so
    the level shown) is ``DrillPath``. No view keeps a copy of any of these: each listens to its event.

    ``today`` is the store's present (the last day of its period): an as-of date before it shows the picture as it
    stood then (``in_past``), which views show read-only.

    Events (``context.events.<name>.connect(cb)``): ``selected_unit(code | None)``,
    ``as_of(date)``, ``indicator(id | None)``, ``choropleth(Choropleth | None)``, ``data_version(int)``,
    ``highlighted_persons(list[int])``, ``drawn_area(Polygon | MultiPolygon | None)`` (store coordinates,
    EPSG:4490), ``store_changed(frozenset[str])`` (what of the store's data moved on, before ``data_version``:
    every live view follows this one feed rather than a timer of its own). ``indicator`` and ``choropleth`` exclude each other: setting one clears the other.
    """

    class _Events(SignalGroup):
        selected_unit = Signal(object)
        as_of = Signal(object)
        indicator = Signal(object)
        choropleth = Signal(object)
        data_version = Signal(int)
        store_changed = Signal(object)
        highlighted_persons = Signal(object)
        drawn_area = Signal(object)

    def __init__(self, as_of: dt.date, today: dt.date | None = None) -> None:
        self.events = self._Events()
        self.today = today or as_of
        self._selected_unit: str | None = None
        self._as_of = as_of
        self._choropleth: Choropleth | None = None
        self._indicator: str | None = None
        self._data_version = 0
        self._highlighted_persons: list[int] = []
        self._drawn_area: shapely.Polygon | shapely.MultiPolygon | None = None

    @property
    def selected_unit(self) -> str | None:
        return self._selected_unit

    @selected_unit.setter
    def selected_unit(self, code: str | None) -> None:
        if code != self._selected_unit:
            self._selected_unit = code
            self.events.selected_unit.emit(code)

    @property
    def as_of(self) -> dt.date:
        return self._as_of

    @as_of.setter
    def as_of(self, value: dt.date) -> None:
        if value != self._as_of:
            self._as_of = value
            self.events.as_of.emit(value)

    @property
    def in_past(self) -> bool:
        """The as-of date is before today: the picture is history (read, not acted on)."""
        return self._as_of < self.today

    @property
    def choropleth(self) -> Choropleth | None:
        return self._choropleth

    @choropleth.setter
    def choropleth(self, value: Choropleth | None) -> None:
        cleared = self._indicator is not None and value is not None
        self._choropleth = value
        if cleared:
            self._indicator = None
        self.events.choropleth.emit(value)
        if cleared:
            self.events.indicator.emit(None)

    @property
    def indicator(self) -> str | None:
        """The catalogue indicator (id) the map is coloured by, or None."""
        return self._indicator

    @indicator.setter
    def indicator(self, indicator_id: str | None) -> None:
        if indicator_id == self._indicator:
            return
        self._indicator = indicator_id
        if indicator_id is not None:
            self._choropleth = None
        self.events.indicator.emit(indicator_id)

    @property
    def data_version(self) -> int:
        """Grows whenever the store's data moved on (written by this console or another): figures are re-read."""
        return self._data_version

    def data_changed(self, topics: frozenset[str] = frozenset({"records"})) -> None:
        """The store moved on (by this console or another): ``topics`` says what (records, warnings, tasks,
        transfers, incidents). Figures are re-read; panels showing a topic re-read it."""
        self._data_version += 1
        self.events.store_changed.emit(frozenset(topics))
        self.events.data_version.emit(self._data_version)

    @property
    def highlighted_persons(self) -> list[int]:
        return self._highlighted_persons

    @highlighted_persons.setter
    def highlighted_persons(self, person_ids: list[int]) -> None:
        self._highlighted_persons = list(person_ids)
        self.events.highlighted_persons.emit(self._highlighted_persons)

    @property
    def drawn_area(self) -> shapely.Polygon | shapely.MultiPolygon | None:
        """The area last drawn on the map, in store coordinates (EPSG:4490); None when cleared."""
        return self._drawn_area

    @drawn_area.setter
    def drawn_area(self, area: shapely.Polygon | shapely.MultiPolygon | None) -> None:
        self._drawn_area = area
        self.events.drawn_area.emit(area)
