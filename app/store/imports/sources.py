"""Open a department file as a table, the format told by its extension."""

from __future__ import annotations

from pathlib import Path

from app.store.imports.csv_source import CsvSource
from app.store.imports.geo_source import BATCH as GEO_BATCH
from app.store.imports.geo_source import SUFFIXES as GEO_SUFFIXES
from app.store.imports.geo_source import GeoSource
from app.store.imports.table_source import GEOMETRY, SourceError, TableSource
from app.store.imports.xlsx_source import XlsxSource

SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", *GEO_SUFFIXES)


def open_source(path: Path, layer: str | None = None, batch: int = GEO_BATCH) -> TableSource:
    """The table in ``path``: ``layer`` names a GeoPackage layer or a workbook sheet; a spatial file is read
    ``batch`` features at a time. Raises SourceError."""
    if not path.is_file():
        raise SourceError(f"no file {path}")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return CsvSource(path)
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return XlsxSource(path, layer)
    if suffix in GEO_SUFFIXES:
        return GeoSource(path, layer, batch=batch)
    raise SourceError(f"{path.name}: cannot tell the format (use {', '.join(SUFFIXES)})")


__all__ = ["GEOMETRY", "SUFFIXES", "SourceError", "TableSource", "open_source"]
