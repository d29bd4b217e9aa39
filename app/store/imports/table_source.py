"""What every reader of a department file gives: its headers, and its rows streamed as lists of cells.

Cells are text (``""`` for an empty cell), except the ``geometry`` column of a spatial file, which holds a
shapely geometry already in EPSG:4490. Row numbers count data rows from 1, as a user sees them in a spreadsheet
below the header (the reject file names them).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

GEOMETRY = "geometry"


class TableSource(Protocol):
    path: Path
    headers: list[str]
    description: dict[str, str]  # what was detected (format, encoding, delimiter, CRS…), for reports

    def rows(self) -> Iterator[list[object]]: ...


@dataclass
class Detected:
    """A source's detected properties, shown to the user (``format``, ``encoding``, ``delimiter``, ``crs``)."""

    values: dict[str, str] = field(default_factory=dict)


class SourceError(ValueError):
    """A file that cannot be read as a table: the message says why (one line)."""
