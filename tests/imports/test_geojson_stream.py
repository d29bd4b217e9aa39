"""A GeoJSON FeatureCollection is decoded a feature at a time from a buffer refilled as needed: whatever the buffer's
size, the features come out whole and in order, and a damaged file is refused with a reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.store.imports import geojson_stream
from app.store.imports.geojson_stream import feature_batches
from app.store.imports.table_source import SourceError

COLLECTION = {"type": "FeatureCollection", "name": "场所", "bbox": [120.5, 28.1, 121.0, 28.4],
              "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4490"}},
              "features": [{"type": "Feature", "properties": {"名称": f"场所{i}", "面积": i * 1.25, "n": 10 ** i},
                            "geometry": {"type": "Point", "coordinates": [120.5 + i / 100, 28.2]}} for i in range(9)]}


@pytest.mark.parametrize("chunk", [3, 64, 1 << 20])
def test_features_come_whole_and_in_order_whatever_the_buffer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             chunk: int) -> None:
    monkeypatch.setattr(geojson_stream, "CHUNK", chunk)
    path = tmp_path / "places.geojson"
    path.write_text(json.dumps(COLLECTION, ensure_ascii=False, indent=2), encoding="utf-8-sig")
    batches = list(feature_batches(path, 4))
    assert [len(b) for b in batches] == [4, 4, 1]
    assert [f for b in batches for f in b] == COLLECTION["features"]


def test_a_single_feature_and_an_empty_collection(tmp_path: Path) -> None:
    path = tmp_path / "one.geojson"
    path.write_text(json.dumps(COLLECTION["features"][2]), encoding="utf-8")
    assert list(feature_batches(path, 4)) == [[COLLECTION["features"][2]]]
    path.write_text('{"type": "FeatureCollection", "features": [ ]}', encoding="utf-8")
    assert list(feature_batches(path, 4)) == []


def test_a_cut_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.geojson"
    path.write_text(json.dumps(COLLECTION)[:-200], encoding="utf-8")
    with pytest.raises(SourceError, match="cut.geojson: not valid JSON"):
        list(feature_batches(path, 4))
