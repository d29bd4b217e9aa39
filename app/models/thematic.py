"""The thematic (choropleth) map: which level is coloured by which value, how it is classified, the legend.

Values come from the unit figures (population, density, households) or from another panel through
``context.choropleth``. Emits ``events.style`` after every change: a restyle, never a geometry rebuild.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from psygnal import Signal, SignalGroup

from app.domain.admin import Level
from app.models.admin_atlas import AdminAtlas
from app.models.classify import Method, classify
from app.models.context import Choropleth, ConsoleContext
from app.models.palettes import NO_DATA, class_colours

FIELDS: dict[str, tuple[str, str, str]] = {  # key -> (title zh, title en, unit key, labelled by the views)
    "density": ("人口密度", "Population density", "people/km²"),
    "population": ("常住人口", "Population", "people"),
    "households": ("户数", "Households", "households"),
}


@dataclass(frozen=True)
class LegendEntry:
    colour: str
    label: str  # value range; empty for the no-data entry
    count: int
    no_data: bool = False


class Thematic:
    """The current choropleth: ``level``, ``values`` per unit row, ``classes`` and ``colours`` per class."""

    class _Events(SignalGroup):
        style = Signal()

    def __init__(self, atlas: AdminAtlas, context: ConsoleContext) -> None:
        self.events = self._Events()
        self._atlas = atlas
        self.level = Level.GRID
        self.field = "density"
        self.title = ""
        self.title_en = ""  # a choropleth's English title ("" when it has none, or for a field)
        self.unit = ""
        self.method = Method.QUANTILES
        self.k = 6
        self.palette = "YlOrRd"
        self.values = np.zeros(0)
        self.classes = classify(self.values, self.method, self.k)
        self.colours: list[str] = []
        context.events.choropleth.connect(self._on_choropleth_change)
        self.show_field("density", Level.GRID)

    def show_field(self, field: str, level: Level) -> None:
        """Colour ``level`` by one of the unit figures in ``FIELDS``."""
        units = self._atlas.levels[level]
        self.field, self.level = field, level
        self.title, _, self.unit = FIELDS[field]
        self.title_en = ""
        self.values = units.density if field == "density" else getattr(units.data, field).astype(float)
        self._restyle()

    def set_style(self, method: Method | None = None, k: int | None = None, palette: str | None = None) -> None:
        self.method = method or self.method
        self.k = k or self.k
        self.palette = palette or self.palette
        self._restyle()

    def _on_choropleth_change(self, choropleth: Choropleth | None) -> None:
        if choropleth is None:
            self.show_field("density", Level.GRID)
            return
        level = Level[choropleth.level.upper()]
        codes = self._atlas.levels[level].data.codes
        self.field, self.level, self.title, self.unit = "", level, choropleth.title, choropleth.unit
        self.title_en = choropleth.title_en
        self.values = np.array([choropleth.values.get(c, np.nan) for c in codes], dtype=float)
        self._restyle()

    def _restyle(self) -> None:
        self.classes = classify(self.values, self.method, self.k)
        self.colours = class_colours(self.palette, max(self.classes.k, 1))[: self.classes.k]
        self.events.style.emit()

    def legend(self) -> list[LegendEntry]:
        c = self.classes
        counts = c.counts()
        lows = np.concatenate([[c.lower], c.bins[:-1]])
        widths = (c.bins - lows)[c.bins > lows]
        digits = int(min(3, max(0, 1 - np.floor(np.log10(widths.min()))))) if len(widths) else 0
        entries = [LegendEntry(colour, f"{lo:,.{digits}f} – {hi:,.{digits}f}", int(n))
                   for colour, lo, hi, n in zip(self.colours, lows, c.bins, counts)]
        missing = int((c.index < 0).sum())
        if missing:
            entries.append(LegendEntry(NO_DATA, "", missing, no_data=True))
        return entries

