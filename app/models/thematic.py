"""The thematic (choropleth) map: which level is coloured by which value, how it is classified, the legend.

Values come from the unit figures (population, density, households), from a catalogue indicator named by
``context.indicator`` — computed here for the level shown (the children of the drill focus, like DHIS2's
thematic layer) and the as-of date, again whenever either or the store's data changes — or from a value
snapshot another panel sends through ``context.choropleth``. Emits ``events.style`` after every change: a
restyle, never a geometry rebuild.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from psygnal import Signal, SignalGroup

from app.domain.admin import Level
from app.models.admin_atlas import AdminAtlas
from app.models.classify import Classes, Method, classify
from app.models.context import Category, Choropleth, ConsoleContext
from app.models.drill import DrillPath
from app.models.indicators import Indicator, IndicatorEngine
from app.models.palettes import NO_DATA, THRESHOLD_COLOURS, class_colours, default_palette
from app.models.thresholds import STATUSES, threshold_classes

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
    status: str = ""  # "ok" | "warning" | "alarm" in a threshold legend (the views name it)
    label_en: str = ""  # a category's English name in a categorical legend ("" shows ``label``)


class Thematic:
    """The current choropleth: ``level``, ``values`` per unit row, ``classes`` and ``colours`` per class."""

    class _Events(SignalGroup):
        style = Signal()

    def __init__(self, atlas: AdminAtlas, context: ConsoleContext, drill: DrillPath | None = None,
                 engine: IndicatorEngine | None = None) -> None:
        self.events = self._Events()
        self._atlas, self._context, self._drill, self._engine = atlas, context, drill, engine
        self.indicator: Indicator | None = None  # the catalogue indicator shown (None: a field or a snapshot)
        self._engine_rows: dict[Level, np.ndarray] = {}
        self.level = Level.GRID
        self.field = "density"
        self.title = ""
        self.title_en = ""  # a choropleth's English title ("" when it has none, or for a field)
        self.unit = ""
        self.method = Method.QUANTILES
        self.k = 6
        self.palette = "YlOrRd"
        self.good = "down"
        self.integer = False
        self.thresholds: tuple[float, float] | None = None  # (warning, alarm): fixed classes instead of breaks
        self.categories: tuple[Category, ...] = ()  # named classes with fixed colours (a choropleth's)
        self.values = np.zeros(0)
        self.classes = classify(self.values, self.method, self.k)
        self.colours: list[str] = []
        context.events.choropleth.connect(self._on_choropleth_change)
        context.events.indicator.connect(self._on_indicator_change)
        context.events.as_of.connect(self._on_indicator_input_change)
        context.events.data_version.connect(self._on_indicator_input_change)
        if drill is not None:
            drill.events.path.connect(self._on_indicator_input_change)
        self.show_field("density", Level.GRID)

    def show_field(self, field: str, level: Level) -> None:
        """Colour ``level`` by one of the unit figures in ``FIELDS``."""
        units = self._atlas.levels[level]
        self.field, self.level, self.indicator = field, level, None
        self._context.indicator = None  # the picture no longer shows it (choosing it again shows it again)
        self.title, _, self.unit = FIELDS[field]
        self.title_en = ""
        self.categories = ()
        self._set_polarity("neutral", field != "density", None)
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
        self.indicator = None
        self.title_en = choropleth.title_en
        self.categories = choropleth.categories
        thresholds = (choropleth.warning, choropleth.alarm) if None not in (choropleth.warning, choropleth.alarm) else None
        self._set_polarity(choropleth.good, choropleth.integer, thresholds)  # type: ignore[arg-type]
        self.values = np.array([choropleth.values.get(c, np.nan) for c in codes], dtype=float)
        self._restyle()

    def _on_indicator_change(self, indicator_id: str | None) -> None:
        if indicator_id is not None:
            self._show_indicator()
        elif self.indicator is not None:  # cleared, and no snapshot took its place
            self.show_field("density", Level.GRID)

    def _on_indicator_input_change(self, *_: object) -> None:
        if self.indicator is not None:
            self._show_indicator()

    @property
    def level_shown(self) -> Level:
        """The level an indicator is shown at: the children of the drill focus (towns for the county)."""
        return self._drill.child_level if self._drill is not None else Level.TOWN

    def _show_indicator(self) -> None:
        """Colour the level shown by ``context.indicator`` as of ``context.as_of``, from the engine."""
        engine, as_of = self._engine, self._context.as_of
        if engine is None or not engine.ready or self._context.indicator is None:
            return
        ind = engine.catalogue[self._context.indicator]
        level = self.level_shown
        self.field, self.level, self.indicator = "", level, ind
        self.categories = ()
        self.title, self.title_en, self.unit = f"{ind.name_zh} {as_of}", f"{ind.name_en} {as_of}", ind.unit
        thresholds = (ind.warning, ind.alarm) if ind.warning is not None and ind.alarm is not None else None
        self._set_polarity(ind.good, not ind.is_rate, thresholds)
        values, rows = engine.level_values(ind.id, level, as_of), self._rows_in_engine(level)
        self.values = np.where(rows >= 0, values[np.maximum(rows, 0)], np.nan)
        self._restyle()

    def _rows_in_engine(self, level: Level) -> np.ndarray:
        """For each unit of the atlas at ``level``, its row in the engine's arrays (-1: none)."""
        if level not in self._engine_rows:
            position = {str(c): i for i, c in enumerate(self._engine.codes(level))}
            codes = self._atlas.levels[level].data.codes
            self._engine_rows[level] = np.array([position.get(str(c), -1) for c in codes], dtype=np.int64)
        return self._engine_rows[level]

    def _set_polarity(self, good: str, integer: bool, thresholds: tuple[float, float] | None) -> None:
        """A new value to show: its direction picks the palette's orientation (bad is dark red)."""
        self.good, self.integer, self.thresholds = good, integer, thresholds
        self.palette = default_palette(good)

    @property
    def fewer_classes(self) -> bool:
        """Fewer classes than asked because the values have fewer distinct values (the legend says so)."""
        return self.thresholds is None and not self.categories and 0 < self.classes.k < self.k and self.classes.distinct <= self.classes.k

    def _restyle(self) -> None:
        if self.categories:
            marks = np.array([c.value for c in self.categories])
            hit = self.values[:, None] == marks[None, :]
            index = np.where(hit.any(axis=1), hit.argmax(axis=1), -1).astype(np.int16)
            self.classes = Classes(0.0, np.arange(len(marks), dtype=float), index, True, len(marks))
            self.colours = [c.colour for c in self.categories]
        elif self.thresholds is not None:
            warning, alarm = self.thresholds
            index = threshold_classes(self.values, self.good, warning, alarm)
            self.classes = Classes(0.0, np.arange(len(STATUSES), dtype=float), index, True, len(STATUSES))
            self.colours = list(THRESHOLD_COLOURS)
        else:
            self.classes = classify(self.values, self.method, self.k, self.integer)
            self.colours = class_colours(self.palette, max(self.classes.k, 1), self.good)[: self.classes.k]
        self.events.style.emit()

    def legend(self) -> list[LegendEntry]:
        c = self.classes
        counts = c.counts()
        if self.categories:
            entries = [LegendEntry(c.colour, c.name, int(n), label_en=c.name_en) for c, n in zip(self.categories, counts)]
        elif self.thresholds is not None:
            entries = [LegendEntry(colour, self._threshold_label(status), int(n), status=status)
                       for colour, status, n in zip(self.colours, STATUSES, counts)]
        else:
            entries = [LegendEntry(colour, self._range_label(lo, hi), int(n))
                       for colour, lo, hi, n in zip(self.colours, c.lows(), c.bins, counts)]
        missing = int((c.index < 0).sum())
        if missing:
            entries.append(LegendEntry(NO_DATA, "", missing, no_data=True))
        return entries

    def _digits(self) -> int:
        if self.integer:
            return 0
        c = self.classes
        widths = (c.bins - c.lows())[c.bins > c.lows()]
        return int(min(3, max(0, 1 - np.floor(np.log10(widths.min()))))) if len(widths) else 0

    def _range_label(self, lo: float, hi: float) -> str:
        digits = self._digits()
        return f"{lo:,.{digits}f}" if lo >= hi else f"{lo:,.{digits}f} – {hi:,.{digits}f}"

    def _threshold_label(self, status: str) -> str:
        """The value range of one threshold class, e.g. ``≥ 98`` / ``90 – 98`` / ``≤ 90`` when higher is better."""
        warning, alarm = self.thresholds or (0.0, 0.0)
        w, a = f"{warning:,g}", f"{alarm:,g}"
        if self.good == "up":
            return {"ok": f"> {w}", "warning": f"{a} – {w}", "alarm": f"≤ {a}"}[status]
        return {"ok": f"< {w}", "warning": f"{w} – {a}", "alarm": f"≥ {a}"}[status]

