"""One layer's attribute table: its features as rows, filtered by text and sorted by a column (Qt-free, numpy).

The view hands in how it shows each column (``display``: translated kinds, formatted numbers), so the filter
matches what the user reads, in either language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from app.models.identify import FeatureCatalog

Display = Callable[[str, np.ndarray], np.ndarray]


def plain_text(_key: str, values: np.ndarray) -> np.ndarray:
    return np.array(["" if v is None else str(v) for v in values.tolist()], object)


def _lowered(texts: np.ndarray) -> np.ndarray:
    return np.char.lower(texts.astype(str)) if len(texts) else np.zeros(0, str)


class AttributeTable:
    """``order`` holds the layer rows shown, top to bottom; ``keys`` the columns shown."""

    def __init__(self, catalog: FeatureCatalog, key: str, keys: Sequence[str] | None = None,
                 display: Display = plain_text) -> None:
        self.layer_key, self._catalog, self._display = key, catalog, display
        columns = catalog.columns(key)
        self.keys = [k for k in (keys if keys is not None else columns) if k in columns]
        self.values = [columns[k] for k in self.keys]
        self.texts = [display(k, v) for k, v in zip(self.keys, self.values)]
        n = catalog.size(key)
        # each column's shown text in lower case: a filter is one vectorised substring search a column, and a
        # column the layer replaces is lowered again alone
        self._lower = [_lowered(t) for t in self.texts]
        self._sorted = np.arange(n)
        self._match = np.ones(n, bool)
        self.filter_text = ""
        self.sort_column: int | None = None
        self.descending = False
        self.order = self._sorted

    def follow(self) -> bool:
        """Re-read the columns the layer has replaced since (a camera's status, when the as-of date moves), in
        place: the same filter and sort are applied to the new values. True if any column moved."""
        columns = self._catalog.columns(self.layer_key)
        moved = [i for i, k in enumerate(self.keys) if columns[k] is not self.values[i]]
        for i in moved:
            self.values[i] = columns[self.keys[i]]
            self.texts[i] = self._display(self.keys[i], self.values[i])
            self._lower[i] = _lowered(self.texts[i])
        if moved:
            if self.sort_column in moved:
                self.sort_by(self.sort_column, self.descending)
            self.set_filter(self.filter_text)
        return bool(moved)

    def __len__(self) -> int:
        return len(self.order)

    @property
    def total(self) -> int:
        return len(self._match)

    def text(self, view_row: int, column: int) -> str:
        return str(self.texts[column][self.order[view_row]])

    def set_filter(self, text: str) -> None:
        """Keep the rows whose shown text contains ``text`` (any column, case-insensitive; "" keeps all)."""
        self.filter_text = text
        needle = text.strip().lower()
        self._match = np.ones(self.total, bool) if not needle else np.zeros(self.total, bool)
        for column in self._lower if needle else []:
            self._match |= np.char.find(column, needle) >= 0
        self._apply()

    def sort_by(self, column: int, descending: bool = False) -> None:
        """Sort by a column: numbers by value (no value last), text by its shown form; ties keep feature order."""
        self.sort_column, self.descending = column, descending
        values = self.values[column]
        if values.dtype.kind in "biuf":
            keys = values.astype(float)
            missing = np.isnan(keys)
            keys = np.where(missing, 0.0, -keys if descending else keys)
            self._sorted = np.lexsort((np.arange(len(keys)), keys, missing))
        else:
            _, rank = np.unique(self.texts[column].astype(str), return_inverse=True)
            self._sorted = np.lexsort((np.arange(len(rank)), -rank if descending else rank))
        self._apply()

    def _apply(self) -> None:
        self.order = self._sorted[self._match[self._sorted]]

    def view_rows(self, rows: np.ndarray) -> np.ndarray:
        """Positions in the table of these layer rows (those filtered out are left out)."""
        where = np.full(self.total, -1, np.int64)
        where[self.order] = np.arange(len(self.order))
        found = where[np.asarray(rows, np.int64)] if len(rows) else np.zeros(0, np.int64)
        return found[found >= 0]
