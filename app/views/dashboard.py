"""The county dashboard: large key-figure tiles for the command-centre wall, coloured by threshold.

Each tile shows one indicator of the selected unit (the county when none) as of the as-of date, and its
change since the day before.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.admin import Level
from app.models.context import ConsoleContext
from app.models.indicators import Indicator, IndicatorEngine
from app.views.indicator_format import STATUS_COLOURS, format_value, indicator_names
from app.views.indicator_loader import IndicatorLoader
from app.views.vocabulary import interface_language
from app.views.widgets import ElidedLabel

KEY_FIGURES = ("pop_present", "coverage_1d", "positive_today", "pending", "turnaround_hours_7d", "vax_d1_cov",
               "vax_d3_cov_elderly", "q_persons_active", "tr_under_way", "risk_arrivals_14d",
               "fever_clinic_persons_7d", "warn_open", "camera_online_rate", "bed_occupancy", "key_screen_7d",
               "symptom_buyers_7d")
COLUMNS = 2  # at least (a laptop's side column); more as the dock widens
TILE_WIDTH = 180  # pixels a tile of 16-pt figures needs for its name and figure


class KeyFigureTile(QFrame):
    """One large figure: name, value with unit, change since the day before; the value coloured by status.

    ``value_pt`` sizes the figure: compact in a dock (all 16 tiles in view), large on the wall."""

    def __init__(self, indicator: Indicator, parent: QWidget | None = None, value_pt: int = 16) -> None:
        super().__init__(parent)
        self.indicator, self.value_pt = indicator, value_pt
        self.setFrameShape(QFrame.Shape.StyledPanel)
        name, other_name = indicator_names(indicator)
        self.setToolTip(f"{other_name}\n{indicator.formula}")
        self.name, self.value, self.change = ElidedLabel(name, self), QLabel("—", self), ElidedLabel("", self)
        self.value.setStyleSheet(f"font-size: {value_pt}pt; font-weight: bold;")
        self.name.setStyleSheet(f"font-size: {max(10, value_pt * 2 // 5)}pt;")
        self.change.setStyleSheet("color: palette(mid);")
        figure = QHBoxLayout()  # the change beside the figure: a tile is two lines high
        figure.addWidget(self.value)
        figure.addWidget(self.change, 1, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(0)
        layout.addWidget(self.name)
        layout.addLayout(figure)

    def show_value(self, value: float, previous: float | None) -> None:
        self.value.setText(format_value(self.indicator, value))
        colour = STATUS_COLOURS.get(self.indicator.status(value))
        tint = f" color: {colour.name()};" if colour else ""  # else the text colour of the theme (the wall's is dark)
        self.value.setStyleSheet(f"font-size: {self.value_pt}pt; font-weight: bold;{tint}")
        if previous is None or math.isnan(previous) or math.isnan(value):
            self.change.setText("")
        else:
            delta = value - previous
            arrow = "▲" if delta > 0 else "▼" if delta < 0 else "="
            change = format_value(self.indicator, abs(delta), with_unit=False)
            self.change.setText(self.tr("%1 %2 since the day before").replace("%1", arrow).replace("%2", change))


class DashboardPanel(QWidget):
    """Follows ``context.selected_unit``, ``context.as_of`` and ``context.data_version`` (the store moved on).
    ``figures`` are indicator ids; ``value_pt`` the size of the figures (the wall mode shows fewer, larger ones);
    ``columns`` the fewest columns of tiles."""

    def __init__(self, engine: IndicatorEngine, context: ConsoleContext, parent: QWidget | None = None,
                 figures: Sequence[str] = KEY_FIGURES, value_pt: int = 16, columns: int = COLUMNS) -> None:
        super().__init__(parent)
        self.context = context
        self.engine = engine
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.tiles = [KeyFigureTile(self.engine.catalogue[i], self, value_pt) for i in figures]
        self._tile_width, self._min_columns = TILE_WIDTH * value_pt // 16, min(columns, len(self.tiles))
        self._grid = QGridLayout()
        self._columns = 0
        self._flow(self._min_columns)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addLayout(self._grid, 1)
        self.context.events.as_of.connect(self._on_as_of_change)
        self.context.events.data_version.connect(self._on_as_of_change)
        self.context.events.selected_unit.connect(self._on_selected_unit_change)
        self.loader = IndicatorLoader.of(self.engine)
        self.loader.sigReady.connect(self.refresh)
        if self.loader.start():
            self.refresh()
        else:
            self.heading.setText(self.tr("Computing indicators…"))

    def refresh(self) -> None:
        if not self.engine.ready:
            return
        code = self.context.selected_unit or str(self.engine.codes(Level.COUNTY)[0])
        as_of = self.context.as_of
        indicators = [t.indicator for t in self.tiles]
        try:
            values = self.engine.unit_values(code, as_of, indicators)
        except (KeyError, ValueError) as exc:
            self.heading.setText(str(exc).strip("'\""))
            return
        day_before = as_of - dt.timedelta(days=1)
        previous = self.engine.unit_values(code, day_before, indicators) if day_before >= self.engine.period[0] else {}
        self.heading.setText(f"{self.engine.tree.name(code, interface_language())} · {as_of}")
        for tile in self.tiles:
            tile.show_value(values[tile.indicator.id], previous.get(tile.indicator.id))

    def _flow(self, columns: int) -> None:
        """Tiles in ``columns`` columns: a wide dock shows all sixteen in fewer, longer rows."""
        if columns != self._columns:
            self._columns = columns
            for n, tile in enumerate(self.tiles):
                self._grid.addWidget(tile, n // columns, n % columns)
            self.updateGeometry()  # fewer rows, less height: the scroll area holding the panel sizes it again

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._flow(max(self._min_columns, min(len(self.tiles), event.size().width() // self._tile_width)))

    def _on_as_of_change(self, _as_of: object) -> None:
        self.refresh()

    def _on_selected_unit_change(self, _code: str | None) -> None:
        self.refresh()
