"""Colour-blind-safe sequential palettes (ColorBrewer and matplotlib's viridis/cividis), light to dark."""

from __future__ import annotations

import numpy as np

PALETTES: dict[str, tuple[str, ...]] = {
    "YlOrRd": ("#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026", "#800026"),
    "YlGnBu": ("#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"),
    "viridis": ("#fde725", "#b5de2b", "#6ece58", "#35b779", "#1f9e89", "#26828e", "#31688e", "#3e4989", "#482878"),
    "cividis": ("#fee838", "#e1cc55", "#c3b369", "#a59c74", "#8a8678", "#707173", "#575d6d", "#3b496c", "#00224e"),
}
NO_DATA = "#d9d9d9"
THRESHOLD_COLOURS = ("#c7e9c0", "#fd8d3c", "#bd0026")  # ok: light green, warning: orange, alarm: dark red


def default_palette(good: str) -> str:
    """A judging palette (light → dark red) for indicators with a good direction, a neutral one otherwise."""
    return "YlGnBu" if good == "neutral" else "YlOrRd"


def class_colours(palette: str, k: int, good: str = "down") -> list[str]:
    """``k`` colours spread evenly over a palette, for classes of ascending value.

    The dark end marks the bad end: high values when ``good`` is "down" (or "neutral"), low values when "up" —
    so the best-vaccinated villages are light and the worst dark red, never the other way round."""
    stops = PALETTES[palette]
    picks = np.linspace(0, len(stops) - 1, k).round().astype(int) if k > 1 else [len(stops) // 2]
    colours = [stops[i] for i in picks]
    return colours[::-1] if good == "up" else colours

