"""Writing one table as a department would send it: CSV in any encoding and delimiter, XLSX, or a spatial file."""

from __future__ import annotations

import csv
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely
from openpyxl import Workbook

FORMATS = ("csv-utf8", "csv-gbk", "csv-bom-tab", "xlsx", "gpkg", "geojson", "shp")
SPATIAL = ("gpkg", "geojson", "shp")


def write_table(folder: Path, name: str, fmt: str, header: list[str], rows: list[list[object]]) -> Path:
    """``rows`` under ``header``; a spatial format takes 经度/纬度 columns as the point (and drops them)."""
    if fmt.startswith("csv"):
        path = folder / f"{name}.csv"
        encoding = {"csv-utf8": "utf-8", "csv-gbk": "gbk", "csv-bom-tab": "utf-8-sig"}[fmt]
        with path.open("w", encoding=encoding, newline="") as f:
            csv.writer(f, delimiter="\t" if fmt.endswith("tab") else ",").writerows([header, *rows])
        return path
    if fmt == "xlsx":
        path = folder / f"{name}.xlsx"
        book = Workbook()
        for row in [header, *rows]:
            book.active.append(row)
        for cells in book.active.iter_rows():
            for cell in cells:  # text that looks like a formula stays text, as a department's export holds it
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"
        book.save(path)
        return path
    path = folder / f"{name}.{fmt}"
    frame = pd.DataFrame(rows, columns=header).astype(str)
    if "经度" in header:
        geoms = [shapely.Point(float(x), float(y)) for x, y in zip(frame.pop("经度"), frame.pop("纬度"))]
        gframe = gpd.GeoDataFrame(frame, geometry=geoms, crs=4490)
        if fmt == "shp":  # a projected CRS, GBK attributes with a .cpg
            gframe = gframe.to_crs(4549)
        gframe.to_file(path, engine="pyogrio", encoding="GBK" if fmt == "shp" else None)
    else:
        pyogrio.write_dataframe(frame, path, encoding="GBK" if fmt == "shp" else None)
    return path
