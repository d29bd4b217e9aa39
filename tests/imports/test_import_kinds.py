"""Each kind of department file from each format goes in with the values it holds; running it again adds
nothing; undoing it leaves the store as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from app.models.imports.service import ImportService
from app.store.queries.summary import table_counts
from app.timebase import to_seconds
from tests.factories import World, at
from tests.imports.conftest import valid_numbers
from tests.imports.files import FORMATS, SPATIAL, write_table

PEOPLE = valid_numbers(4)
GRID = "330382001001001"
TABULAR = tuple(f for f in FORMATS if f not in ("geojson", "shp"))


def _run(world: World, kind: str, path: Path, **options: object):  # noqa: ANN202
    return ImportService(world.store).job(kind, path, **options).run()


def _rows(world: World, sql: str) -> list[tuple]:
    with world.store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql)).all()]


def _people(world: World, tmp_path: Path, fmt: str = "csv-utf8") -> None:
    path = write_table(tmp_path, "persons", fmt, ["序号", "姓名", "证件号码", "所属网格", "备注"],
                       [[i, f"人员{i}", n, GRID, "多余的列"] for i, n in enumerate(PEOPLE)])
    assert _run(world, "persons", path).imported == len(PEOPLE)


def _sites(world: World, tmp_path: Path) -> None:
    x, y = world.grid_center(GRID)
    path = write_table(tmp_path, "sites", "csv-utf8", ["机构编码", "机构名称", "类型", "经度", "纬度"],
                       [[f"S{k}", f"点{k}", kind, x, y] for k, kind in enumerate(
                           ["核酸采样点", "疫苗接种点", "卫生院", "药店", "集中隔离点"])])
    assert _run(world, "facilities", path).imported == 5
    place = write_table(tmp_path, "places", "csv-utf8", ["场所编码", "场所名称", "经度", "纬度"], [["P1", "市场", x, y]])
    assert _run(world, "places", place).imported == 1


@pytest.mark.parametrize("fmt", TABULAR)
def test_persons_from_each_format_are_stored_hashed_and_masked(keyed_world: World, tmp_path: Path, fmt: str) -> None:
    _people(keyed_world, tmp_path, fmt)
    rows = _rows(keyed_world, "SELECT id_hash, id_masked, name, sex, home_grid_id FROM persons ORDER BY id")
    assert [r[0] for r in rows] == [keyed_world.key.hash(n) for n in PEOPLE]
    assert [r[1] for r in rows] == [n[:6] + "*" * 11 + n[-1] for n in PEOPLE]
    assert [r[3] for r in rows] == [1 if int(n[16]) % 2 else 2 for n in PEOPLE]
    assert {r[4] for r in rows} == {keyed_world.unit_ids[GRID]}


SPATIAL_KINDS = {  # kind -> (header, row for a point (x, y), table, columns read back, expected)
    "places": (["场所编码", "场所名称", "场所类别", "经度", "纬度"], lambda x, y: ["C1", "农贸市场甲", "高速卡口", x, y],
               "SELECT kind, category, name FROM places", (1, "highway", "农贸市场甲")),
    "cameras": (["设备编码", "设备名称", "设备类型", "在线状态", "经度", "纬度"], lambda x, y: ["CAM1", "路口", "车牌识别", "离线", x, y],
                "SELECT code, kind, status FROM cameras", ("CAM1", 3, 1)),
    "test_sites": (["点位编码", "点位名称", "日采样能力", "经度", "纬度"], lambda x, y: ["H1", "采样点甲", "800", x, y],
                   "SELECT kind, name, capacity FROM facilities", (0, "采样点甲", 800)),
    "quarantine_facilities": (["编码", "名称", "床位数", "经度", "纬度"], lambda x, y: ["Q1", "隔离酒店", "120", x, y],
                              "SELECT kind, name, capacity FROM facilities", (3, "隔离酒店", 120)),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", SPATIAL_KINDS)
def test_points_from_each_format_land_in_their_grid(keyed_world: World, tmp_path: Path, kind: str, fmt: str) -> None:
    header, row, sql, expected = SPATIAL_KINDS[kind]
    grid = "330382002002001"
    x, y = keyed_world.grid_center(grid)
    path = write_table(tmp_path, kind, fmt, header, [row(x, y)])
    report = _run(keyed_world, kind, path)
    assert (report.imported, report.rejected) == (1, 0)
    assert _rows(keyed_world, sql) == [expected]
    table = "cameras" if kind == "cameras" else "facilities" if "facilities" in kind or "sites" in kind else "places"
    assert _rows(keyed_world, f"SELECT grid_id FROM {table}") == [(keyed_world.unit_ids[grid],)]
    if fmt in SPATIAL:
        assert report.detected["crs"].startswith("EPSG:4549" if fmt == "shp" else "EPSG:4")



def test_an_imported_camera_starts_its_status_history_and_its_undo_takes_it_away(keyed_world: World, tmp_path: Path) -> None:
    header, row, _sql, _expected = SPATIAL_KINDS["cameras"]
    path = write_table(tmp_path, "cameras", "csv-utf8", header, [row(*keyed_world.grid_center("330382002002001"))])
    report = _run(keyed_world, "cameras", path)
    assert _rows(keyed_world, "SELECT e.status, e.source FROM camera_status_events e JOIN cameras c ON c.id = e.camera_id "
                              "WHERE c.code = 'CAM1'") == [(1, "import")]
    ImportService(keyed_world.store).undo(report.import_id)
    assert _rows(keyed_world, "SELECT COUNT(*) FROM camera_status_events") == [(0,)]

EVENTS = {  # kind -> (header, rows from (number, i), SQL reading them back, expected rows from the person ids)
    "scans": (["身份证号", "场所编码", "扫码时间", "进出方向", "来源城市"],
              lambda n, i: [n, "P1", f"2022/3/{i + 1} 8:05", "进", "乐清"],
              "SELECT person_id, at, direction, from_city_id FROM scans ORDER BY id",
              lambda pid, i: (pid, at(f"2022-03-{i + 1:02d} 08:05"), 1, 1)),
    "test_samples": (["证件号码", "采样点编码", "采样时间", "报告时间", "检测结果"],
                     lambda n, i: [n, "S0", f"2022-03-0{i + 1} 09:00:00", f"2022年3月{i + 2}日 6时0分", "阳性" if i == 0 else "阴性"],
                     "SELECT person_id, sampled_at, reported_at, result FROM test_samples ORDER BY id",
                     lambda pid, i: (pid, at(f"2022-03-0{i + 1} 09:00"), at(f"2022-03-0{i + 2} 06:00"), 1 if i == 0 else 0)),
    "vaccinations": (["身份证号码", "接种剂次", "疫苗名称", "接种时间", "接种点编码"],
                     lambda n, i: [n, "加强针", "国药", f"2022030{i + 1}100000", "S1"],
                     "SELECT person_id, dose, vaccine, at FROM vaccinations ORDER BY id",
                     lambda pid, i: (pid, 3, 1, at(f"2022-03-0{i + 1} 10:00"))),
    "quarantine_orders": (["身份证号", "隔离类型", "隔离原因", "隔离点编码", "开始时间", "结束时间"],
                          lambda n, i: [n, "集中隔离", "次密接", "S4", f"2022-03-0{i + 1}", f"2022-03-1{i + 1}"],
                          "SELECT person_id, kind, reason, start_at, end_at FROM quarantine_orders ORDER BY id",
                          lambda pid, i: (pid, 0, 1, at(f"2022-03-0{i + 1} 00:00"), at(f"2022-03-1{i + 1} 00:00"))),
    "clinic_visits": (["身份证号", "医院编码", "就诊时间", "发热门诊", "诊断"],
                      lambda n, i: [n, "S2", f"2022-03-0{i + 1}T08:00:00+08:00", "是", "发热"],
                      "SELECT person_id, at, fever_clinic, diagnosis FROM clinic_visits ORDER BY id",
                      lambda pid, i: (pid, at(f"2022-03-0{i + 1} 08:00"), 1, 0)),
    "pharmacy_purchases": (["身份证号", "药店编码", "购药时间", "药品类别", "数量"],
                           lambda n, i: [n, "S3", f"2022-03-0{i + 1} 20:30", "止咳药", "2"],
                           "SELECT person_id, at, drug, quantity FROM pharmacy_purchases ORDER BY id",
                           lambda pid, i: (pid, at(f"2022-03-0{i + 1} 20:30"), 1, 2)),
}


@pytest.mark.parametrize("fmt", TABULAR)
@pytest.mark.parametrize("kind", EVENTS)
def test_events_from_each_format_name_their_people_and_places(keyed_world: World, tmp_path: Path, kind: str,
                                                             fmt: str) -> None:
    _people(keyed_world, tmp_path)
    _sites(keyed_world, tmp_path)
    header, row, sql, expected = EVENTS[kind]
    path = write_table(tmp_path, kind, fmt, header, [row(n, i) for i, n in enumerate(PEOPLE[:3])])
    report = _run(keyed_world, kind, path)
    assert (report.read, report.imported, report.skipped, report.rejected) == (3, 3, 0, 0)
    ids = dict(_rows(keyed_world, "SELECT id_hash, id FROM persons"))
    assert _rows(keyed_world, sql) == [expected(ids[keyed_world.key.hash(n)], i) for i, n in enumerate(PEOPLE[:3])]


def _data(counts: dict[str, int]) -> dict[str, int]:
    return {t: n for t, n in counts.items() if t not in ("imports", "import_mappings")}


def test_reimport_adds_nothing_and_undo_restores_the_store(keyed_world: World, tmp_path: Path) -> None:
    _people(keyed_world, tmp_path)
    _sites(keyed_world, tmp_path)
    before = table_counts(keyed_world.store)
    header, row, _, _ = EVENTS["scans"]
    path = write_table(tmp_path, "scans", "csv-gbk", header, [row(n, i) for i, n in enumerate(PEOPLE)])
    first = _run(keyed_world, "scans", path)
    after = table_counts(keyed_world.store)
    assert after["scans"] == before["scans"] + len(PEOPLE)
    again = _run(keyed_world, "scans", path)
    assert (again.imported, again.skipped, again.rejected) == (0, len(PEOPLE), 0)
    assert table_counts(keyed_world.store)["scans"] == after["scans"]
    service = ImportService(keyed_world.store)
    assert service.undo(first.import_id) == {"scans": len(PEOPLE)}
    # the data as before; the run stays listed (undone), with the mapping saved for its source
    assert _data(table_counts(keyed_world.store)) == _data(before)
    assert [r["status"] for r in service.runs()][-2:] == ["undone", "done"]


def test_undo_is_refused_while_later_imports_refer_to_its_records(keyed_world: World, tmp_path: Path) -> None:
    _people(keyed_world, tmp_path)
    _sites(keyed_world, tmp_path)
    header, row, _, _ = EVENTS["scans"]
    _run(keyed_world, "scans", write_table(tmp_path, "scans", "csv-utf8", header, [row(PEOPLE[0], 0)]))
    with pytest.raises(Exception, match="cannot be undone: 1 scans refer to its persons"):
        ImportService(keyed_world.store).undo(1)
    assert table_counts(keyed_world.store)["persons"] == len(PEOPLE)


def test_the_saved_mapping_is_reused_for_the_same_source(keyed_world: World, tmp_path: Path) -> None:
    path = write_table(tmp_path, "p", "csv-utf8", ["XM", "SFZH"], [["甲", PEOPLE[0]]])
    service = ImportService(keyed_world.store)
    with pytest.raises(ValueError, match="no column for id_number"):
        service.job("persons", path, source="公安")
    service.job("persons", path, source="公安", mapping={"name": "XM", "id_number": "SFZH"}).run()
    path2 = write_table(tmp_path, "p2", "csv-utf8", ["XM", "SFZH"], [["乙", PEOPLE[1]]])
    assert service.job("persons", path2, source="公安").run().imported == 1


def test_a_time_without_a_zone_is_china_standard_time(keyed_world: World, tmp_path: Path) -> None:
    _people(keyed_world, tmp_path)
    _sites(keyed_world, tmp_path)
    path = write_table(tmp_path, "s", "csv-utf8", ["身份证号", "场所编码", "扫码时间"],
                       [[PEOPLE[0], "P1", "2022-03-01 08:00"], [PEOPLE[1], "P1", "2022-03-01T00:00:00Z"]])
    _run(keyed_world, "scans", path)
    import datetime as dt

    expected = to_seconds(dt.datetime(2022, 3, 1, 8, 0))
    assert [r[0] for r in _rows(keyed_world, "SELECT at FROM scans ORDER BY id")] == [expected, expected]
