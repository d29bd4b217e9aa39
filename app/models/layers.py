"""The map's layers and their order: admin polygon layers and point layers, each with evented state.

Every layer emits ``layer.events.<attr>`` for ``visible``, ``opacity`` and ``labels`` (visual changes only), a point
layer also for ``classes`` (its points' colours).
``LayerList.events.order`` fires when the drawing order changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from psygnal import Signal, SignalGroup, evented

from app.domain.admin import Level


@evented
@dataclass(eq=False)
class Layer:
    """What every layer has. ``max_view_m``: drawn only when the view is at most this wide (level of detail)."""

    key: str
    title_zh: str
    title_en: str
    visible: bool = True
    opacity: float = 1.0
    labels: bool = True
    max_view_m: float = float("inf")

    def shown_at(self, view_width_m: float) -> bool:
        return self.visible and view_width_m <= self.max_view_m


@evented
@dataclass(eq=False)
class PolygonLayer(Layer):
    """An admin level; its outlines and, when it carries the thematic map, its fills."""

    level: Level = Level.TOWN


@evented
@dataclass(eq=False)
class PointLayer(Layer):
    """Points in the display CRS drawn with one symbol; ``names`` for tooltips, ``ids`` the store's row ids and
    ``fields`` the other attributes by column key (row-aligned arrays, keys translated by the views)."""

    x: np.ndarray = field(default_factory=lambda: np.zeros(0))
    y: np.ndarray = field(default_factory=lambda: np.zeros(0))
    names: np.ndarray = field(default_factory=lambda: np.zeros(0, object))
    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    fields: dict[str, np.ndarray] = field(default_factory=dict)
    colour: str = "#1f77b4"
    symbol: str = "o"  # "o" circle, "s" square, "t" triangle, "d" diamond
    # a class per point (a camera's status) drawn in ``class_colours[class]`` instead of ``colour``; replaced
    # whole (``events.classes``) when the as-of date moves
    classes: np.ndarray | None = None
    class_colours: tuple[str, ...] = ()
    class_keys: tuple[str, ...] = ()  # what each class means (a key the views translate: "online")

    def __len__(self) -> int:
        return len(self.x)

    def class_of_points(self) -> np.ndarray:
        """Each point's class, as the painter draws it (an out-of-range class in the last colour)."""
        return np.clip(self.classes, 0, len(self.class_colours) - 1)

    def class_legend(self) -> list[tuple[str, str, int]]:
        """(colour, key, points) per class, read from the very colours the painter draws with; [] for a layer in
        one colour. A count of 18,000 classes is one ``bincount``, cheap on every move of the as-of date."""
        if self.classes is None or not self.class_colours:
            return []
        counts = np.bincount(self.class_of_points(), minlength=len(self.class_colours))
        return [(colour, key, int(n)) for colour, key, n in zip(self.class_colours, self.class_keys, counts.tolist())]


class LayerList:
    """Layers bottom to top; ``events.order`` fires on every reorder."""

    class _Events(SignalGroup):
        order = Signal()

    def __init__(self, layers: list[Layer]) -> None:
        self.events = self._Events()
        self._layers = list(layers)

    def __iter__(self):  # noqa: ANN204
        return iter(self._layers)

    def __len__(self) -> int:
        return len(self._layers)

    def __getitem__(self, key: str) -> Layer:
        return next(layer for layer in self._layers if layer.key == key)

    def keys(self) -> list[str]:
        return [layer.key for layer in self._layers]

    def move(self, key: str, to: int) -> None:
        """Put a layer at position ``to`` (0 = bottom)."""
        layer = self[key]
        self._layers.remove(layer)
        self._layers.insert(max(0, min(to, len(self._layers))), layer)
        self.events.order.emit()
