"""After an import the indicators follow incrementally: the refreshed engine gives what a full recomputation
gives, and undo brings the figures back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

from app.domain.admin import Level
from app.models.imports.service import ImportService
from app.models.indicators import IndicatorEngine
from app.models.indicators.saved import SavedIndicators
from tests.factories import World
from tests.imports.conftest import valid_numbers
from tests.imports.files import write_table

PERIOD = (dt.date(2022, 3, 1), dt.date(2022, 3, 31))


def _values(engine: IndicatorEngine) -> np.ndarray:
    return np.array([engine.level_values(i.id, Level.TOWN, PERIOD[1]) for i in engine.catalogue.indicators])


def test_an_import_is_counted_incrementally_and_undo_takes_it_back(keyed_world: World, tmp_path: Path) -> None:
    numbers = valid_numbers(6)
    service = ImportService(keyed_world.store)
    x, y = keyed_world.grid_center("330382002001001")
    service.job("persons", write_table(tmp_path, "p", "csv-utf8", ["姓名", "身份证号", "网格编码"],
                                       [[f"人{i}", n, "330382002001001"] for i, n in enumerate(numbers)])).run()
    service.job("facilities", write_table(tmp_path, "f", "csv-utf8", ["编码", "名称", "类型", "经度", "纬度"],
                                          [["S", "采样点", "核酸采样点", x, y], ["V", "接种点", "疫苗接种点", x, y]])).run()
    engine = IndicatorEngine(keyed_world.store, PERIOD)
    engine.compute()
    before = _values(engine)
    service = ImportService(keyed_world.store, lambda: engine)
    samples = service.job("test_samples", write_table(
        tmp_path, "t", "csv-gbk", ["身份证号", "采样点编码", "采样时间", "检测结果"],
        [[n, "S", f"2022-03-{10 + i} 09:00", "阳性" if i == 0 else "阴性"] for i, n in enumerate(numbers)])).run()
    service.job("vaccinations", write_table(tmp_path, "v", "xlsx", ["身份证号", "剂次", "疫苗", "接种时间", "接种点编码"],
                                            [[n, "1", "科兴", "2022-03-05 10:00", "V"] for n in numbers[:4]])).run()
    assert service.refresh_indicators() == len(numbers)
    fresh = IndicatorEngine(keyed_world.store, PERIOD)
    fresh.compute()
    assert np.allclose(_values(engine), _values(fresh), equal_nan=True)
    assert not np.allclose(_values(engine), before, equal_nan=True)
    for run in service.runs()[::-1]:
        if run["kind"] in ("test_samples", "vaccinations"):
            service.undo(run["id"])
    assert samples.imported == len(numbers)
    assert np.allclose(_values(engine), before, equal_nan=True)


def test_indicators_saved_before_an_undone_import_are_not_used(keyed_world: World, tmp_path: Path) -> None:
    numbers = valid_numbers(4)
    service = ImportService(keyed_world.store)
    x, y = keyed_world.grid_center("330382002001001")
    service.job("persons", write_table(tmp_path, "p", "csv-utf8", ["姓名", "身份证号", "网格编码"],
                                       [[f"人{i}", n, "330382002001001"] for i, n in enumerate(numbers)])).run()
    service.job("facilities", write_table(tmp_path, "f", "csv-utf8", ["编码", "名称", "类型", "经度", "纬度"],
                                          [["V", "接种点", "疫苗接种点", x, y]])).run()
    service.job("vaccinations", write_table(tmp_path, "v", "xlsx", ["身份证号", "剂次", "疫苗", "接种时间", "接种点编码"],
                                            [[n, "1", "科兴", "2022-03-05 10:00", "V"] for n in numbers])).run()
    saved = SavedIndicators(tmp_path / "cache")
    first = IndicatorEngine(keyed_world.store, PERIOD, saved=saved)
    first.compute()
    assert first.save()
    service.undo(next(r["id"] for r in service.runs() if r["kind"] == "vaccinations"))
    second = IndicatorEngine(keyed_world.store, PERIOD, saved=saved)
    second.compute()
    fresh = IndicatorEngine(keyed_world.store, PERIOD)
    fresh.compute()
    assert not second.from_saved
    assert np.array_equal(_values(second), _values(fresh), equal_nan=True)
    assert not np.array_equal(_values(second), _values(first), equal_nan=True)
