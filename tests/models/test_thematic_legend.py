"""The thematic map's colours and legend say what the values mean: polarity, counts, thresholds; search by initials."""

from __future__ import annotations

import datetime as dt

import numpy as np

from app.domain.admin import Level
from app.models.admin_atlas import AdminAtlas
from app.models.classify import Method, classify
from app.models.context import Choropleth, ConsoleContext
from app.models.incident.desk import zone_choropleth
from app.models.incident.zones import Zones
from app.models.indicators.catalogue import load_catalogue
from app.models.palettes import PALETTES, THRESHOLD_COLOURS
from app.models.pinyin import initials, syllables
from app.models.search import UnitSearch
from app.models.thematic import Thematic
from app.store import Store
from tests.factories import World


def _thematic(world: World, **choropleth: object) -> tuple[Thematic, list[str]]:
    context = ConsoleContext(dt.date(2022, 3, 10))
    thematic = Thematic(AdminAtlas(world.store), context)
    codes = list(thematic._atlas.levels[Level.GRID].data.codes)
    values = choropleth.pop("values")
    context.choropleth = Choropleth("t", "grid", dict(zip(codes, values)), **choropleth)  # type: ignore[arg-type]
    return thematic, codes


def _colour_of(thematic: Thematic, row: int) -> str:
    return thematic.colours[int(thematic.classes.index[row])]


def test_higher_is_better_paints_the_best_light_and_the_worst_dark_red(world: World) -> None:
    values = [99.0, 95.0, 90.0, 80.0, 70.0, 60.0, 50.0, 40.0]
    thematic, _ = _thematic(world, values=values, good="up")
    darkest_red = PALETTES["YlOrRd"][-1]
    assert _colour_of(thematic, 7) == darkest_red  # 40 % coverage: the worst
    assert _colour_of(thematic, 0) == PALETTES["YlOrRd"][0]  # 99 %: the best, lightest
    worse, _ = _thematic(world, values=values, good="down")
    assert _colour_of(worse, 0) == darkest_red  # a count of bad things: the highest is the worst


def test_counts_get_whole_number_classes_and_say_why_there_are_fewer(world: World) -> None:
    thematic, _ = _thematic(world, values=[1, 1, 1, 1, 1, 2, 2, 2], integer=True)
    labels = [e.label for e in thematic.legend()]
    assert labels == ["1", "2"] and thematic.fewer_classes  # 6 asked, 2 distinct values: no "1.0 – 1.0"
    spread, _ = _thematic(world, values=[0, 3, 4, 7, 10, 12, 15, 40], integer=True)
    ranges = [e.label for e in spread.legend()]
    assert not spread.fewer_classes and all("." not in r for r in ranges)
    lows = [int(r.split(" – ")[0].replace(",", "")) for r in ranges]
    highs = [int(r.split(" – ")[-1].replace(",", "")) for r in ranges]
    assert lows[0] == 0 and highs[-1] == 40 and all(lo == hi + 1 for lo, hi in zip(lows[1:], highs))


def test_integer_classes_never_repeat_a_bound() -> None:
    c = classify(np.array([0, 0, 0, 0, 1, 1, 2, 9, 30.0]), Method.QUANTILES, 6, integer=True)
    assert len(set(c.bins.tolist())) == c.k and all(b == int(b) for b in c.bins)


def test_thresholds_are_a_fixed_legend_that_agrees_with_the_catalogue(world: World) -> None:
    indicator = load_catalogue()["key_screen_7d"]  # good "up": warning 90, alarm 75
    values = [100.0, 95.0, 90.0, 89.0, 80.0, 75.0, 60.0, np.nan]
    thematic, _ = _thematic(world, values=values, good=indicator.good, warning=indicator.warning, alarm=indicator.alarm)
    statuses = [indicator.status(v) for v in values[:-1]]
    shown = [e.status for e in thematic.legend() if not e.no_data]
    assert shown == ["ok", "warning", "alarm"] and thematic.colours == list(THRESHOLD_COLOURS)
    assert [shown[i] for i in thematic.classes.index[:-1]] == statuses
    assert [e.count for e in thematic.legend()] == [2, 3, 2, 1]  # 90 is a warning, 75 an alarm; the no-data grid apart


def test_zones_are_a_categorical_legend_of_names_and_fixed_colours(world: World) -> None:
    codes = list(AdminAtlas(world.store).levels[Level.GRID].data.codes)
    zones = Zones({"lockdown": (codes[0],), "control": (codes[1], codes[2]), "precaution": (codes[5],)})
    context = ConsoleContext(dt.date(2022, 3, 10))
    thematic = Thematic(AdminAtlas(world.store), context)
    context.choropleth = zone_choropleth(zones)
    legend = thematic.legend()
    assert [(e.label, e.label_en, e.colour, e.count) for e in legend if not e.no_data] == [
        ("封控区", "Lockdown zone", "#c53030", 1), ("管控区", "Control zone", "#dd6b20", 2),
        ("防范区", "Precaution zone", "#ecc94b", 1)]
    assert all(e.status == "" for e in legend) and not thematic.fewer_classes
    assert [_colour_of(thematic, r) for r in (0, 1, 2, 5)] == ["#c53030", "#dd6b20", "#dd6b20", "#ecc94b"]
    assert thematic.classes.index[3] == -1 and legend[-1].no_data and legend[-1].count == len(codes) - 4
    context.choropleth = None  # back to a field: no categories left behind
    assert not thematic.categories and all(e.label_en == "" for e in thematic.legend())


def test_pinyin_initials_split_syllables() -> None:
    assert syllables("beibaixiang") == ("bei", "bai", "xiang") and syllables("xianxi") == ("xian", "xi")
    assert initials("Liushi") == "ls" and initials("Bei Baixiang") == "bbx"


def test_search_finds_liushi_by_its_initials(tiny_store_path: str) -> None:
    store = Store.open(tiny_store_path)
    try:
        found = UnitSearch(AdminAtlas(store)).find("ls")
        assert found and found[0].name_zh == "柳市镇"
    finally:
        store.close()
