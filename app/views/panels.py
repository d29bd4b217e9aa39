"""The dock panels of the main window, in the order they are added.

Each entry names a QWidget class ``module:Class`` whose constructor takes ``(console, parent=None)``.
Adding a panel to the console means adding one line here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PanelSpec:
    key: str  # object name of the dock, stable across runs (saved layouts refer to it)
    target: str  # "package.module:Class"
    area: str  # "left" | "right" | "bottom"
    title_zh: str
    title_en: str


PANELS: list[PanelSpec] = []
