"""Sample department files for the import walk-through, the tests and the wizard's "try with a sample".

Made from the demo county (``jingkong demo --scale tiny --seed 1`` holds the same people, places and facilities,
so the files' good rows match it), a few hundred rows each, with the mess real exports have: GBK and GB18030,
a BOM, semicolons and tabs, Chinese headers, extra columns, a Shapefile in a projected CRS with a ``.cpg``, dates
in several forms — and bad rows of every kind. ``manifest.json`` says, for each file, how many rows a tiny seed-1
store imports, skips as already present and rejects: known by construction.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from openpyxl import Workbook

from app.domain.admin import Level
from app.domain.facilities import FacilityKind
from app.store.demo.generate import random_streams
from app.store.demo.geography import build_geography, to_geographic
from app.store.demo.infrastructure import build_infrastructure
from app.store.demo.people import generate_people, identity_numbers
from app.store.demo.scale import SCALES
from app.timebase import CST

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples" / "import"
SEED, SCALE = 1, "tiny"
DAY0 = dt.datetime(2022, 3, 1, tzinfo=CST)
FORMULA = "=cmd|' /C calc'!A1"
ORDER = ("persons", "places", "checkpoints", "cameras", "test_sites", "quarantine_facilities", "facilities", "scans",
         "test_samples", "vaccinations", "quarantine_orders", "clinic_visits", "pharmacy_purchases")


def _bad_check(number: str) -> str:
    return number[:17] + ("0" if number[17] != "0" else "1")


@dataclass
class Sample:
    """One file's rows (header first) and what importing it into the tiny seed-1 store gives."""

    kind: str
    name: str
    rows: list[list[object]] = field(default_factory=list)
    imported: int = 0
    skipped: int = 0
    rejected: int = 0

    def good(self, row: list[object], already: bool = False) -> None:
        self.rows.append(row)
        if already:
            self.skipped += 1
        else:
            self.imported += 1

    def bad(self, row: list[object]) -> None:
        self.rows.append(row)
        self.rejected += 1


class Demo:
    """A demo county as the generator makes it (tiny, seed 1 for the samples): people with their identity numbers,
    places, facilities."""

    def __init__(self, scale: str = SCALE, seed: int = SEED) -> None:
        streams = random_streams(seed)
        self.geo = build_geography(seed)
        self.people = generate_people(streams[0], self.geo, SCALES[scale])
        self.infra = build_infrastructure(streams[1], self.geo)
        self.rng = np.random.default_rng(20220301)
        self.grid_rows = self.geo.indices(Level.GRID)

    def grid_code(self, i: int) -> str:
        return self.geo.code[int(self.grid_rows[i % len(self.grid_rows)])]

    def point_in_grid(self, i: int) -> tuple[float, float]:
        poly = self.geo.geoms[int(self.grid_rows[i % len(self.grid_rows)])]
        p = to_geographic(np.array([shapely.point_on_surface(poly)], dtype=object))[0]
        return round(p.x, 6), round(p.y, 6)

    def facilities_of(self, kind: FacilityKind) -> np.ndarray:
        cols = self.infra.facilities.columns
        return cols["id"][cols["kind"] == int(kind)]

    def moment(self, fmt: int = 0) -> str:
        t = DAY0 + dt.timedelta(seconds=int(self.rng.integers(0, 30 * 86400)))
        forms = ("%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y年%m月%d日 %H时%M分", "%Y%m%d%H%M%S")
        return t.strftime(forms[fmt % len(forms)])

    def new_numbers(self, n: int) -> list[str]:
        born = (self.rng.integers(-3000, 15000, n)).astype(np.int64)
        sex = self.rng.integers(1, 3, n)
        regions = np.full(n, "330382")
        # sequence numbers from 900 up cannot collide with the demo's (ranks within a birth day are small)
        numbers = identity_numbers(self.rng, regions, born, sex).tolist()
        out = []
        for s in numbers:
            body = s[:14] + str(900 + int(s[14:17]) % 100)
            weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
            out.append(body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11])
        return list(dict.fromkeys(out))[:n]


def _persons(d: Demo) -> tuple[Sample, list[str]]:
    s = Sample("persons", "persons_公安_gbk.csv")
    s.rows.append(["序号", "姓名", "证件号码", "性别", "出生日期", "人员类别", "联系电话", "所属网格", "职业", "备注"])
    numbers = d.new_numbers(260)
    names = ["王伟", "李娜", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴芳"]
    for i, n in enumerate(numbers[:240]):
        sex = "男" if int(n[16]) % 2 else "女"
        born = f"{n[6:10]}-{n[10:12]}-{n[12:14]}" if i % 3 else f"{n[6:10]}/{int(n[10:12])}/{int(n[12:14])}"
        kind = ("户籍", "流动人口", "新居民")[i % 3]
        note = FORMULA if i == 7 else ("外来务工" if kind != "户籍" else "")
        s.good([i + 1, names[i % 10] + "新", n, sex, born, kind, f"138{i:08d}", d.grid_code(i * 7), "工人", note])
    clear = d.people.clear_ids.tolist()
    for j in range(40):  # already in the store: the demo's own people
        n = clear[j * 50]
        s.good([300 + j, "某某", n, "", "", "户籍", "", "", "", ""], already=True)
    spare = numbers[240:]
    s.bad([401, "错号", _bad_check(spare[0]), "男", "", "户籍", "", "", "", "校验位错误"])
    s.bad([402, "短号", spare[1][:15], "", "", "", "", "", "", "15位旧号"])
    s.bad([403, "", spare[2], "", "", "", "", "", "", "缺姓名"])
    s.bad([404, "错生日", spare[3], "", "1901-01-01", "", "", "", "", "出生日期不符"])
    s.bad([405, "错网格", spare[4], "", "", "", "", "330382999999999", "", ""])
    s.bad([406, "错类别", spare[5], "", "", "外星人", "", "", "", ""])
    s.bad([407, "错电话", spare[6], "", "", "", "12345", "", "", ""])
    s.bad([408, names[0] + "新", numbers[0], "", "", "户籍", "", "", "", "文件内重复"])
    return s, numbers[:240]


def _points(d: Demo, kind: str, name: str, header: list[str], make: Callable[[int, tuple[float, float]], list[object]],
            n: int, bad: list[list[object]]) -> Sample:
    s = Sample(kind, name, [header])
    for i in range(n):
        s.good(make(i, d.point_in_grid(i * 13 + 5)))
    for row in bad:
        s.bad(row)
    return s


def _places(d: Demo) -> Sample:
    cats = ["农贸市场", "超市", "饭店", "工厂", "学校", "宾馆"]
    return _points(
        d, "places", "places_市场监管.xlsx", ["场所编码", "场所名称", "场所类别", "经度", "纬度", "负责人", "登记日期"],
        lambda i, p: [f"CS{i:05d}", f"样例{cats[i % 6]}{i}号", cats[i % 6], p[0], p[1],
                      "张*", "2021-05-01"], 180,
        [["CS90001", "县外场所", "超市", 121.47, 31.23, "", ""], ["CS90002", "坏经度", "超市", "东经120度", 28.1, "", ""],
         ["", "无编码", "超市", 120.95, 28.12, "", ""], ["CS90003", "怪类别", "火箭发射场", 120.95, 28.12, "", ""],
         ["CS00001", "重复编码", "超市", 120.95, 28.12, "", ""]])


def _checkpoints(d: Demo) -> Sample:
    cats = ["高速卡口", "国道卡口", "省道卡口", "火车站卡口", "码头卡口"]
    return _points(d, "places", "checkpoints_交通.shp", ["KKBM", "KKMC", "KKLX", "geometry"],
                   lambda i, p: [f"KK{i:03d}", f"样例{cats[i % 5]}{i}", cats[i % 5], shapely.Point(p)], 30,
                   [["KK900", "县外卡口", "高速卡口", shapely.Point(121.47, 31.23)]])


def _cameras(d: Demo) -> Sample:
    kinds = ["球机", "枪机", "人脸抓拍", "车牌识别", "热成像"]
    return _points(d, "cameras", "cameras_公安.csv", ["设备编码", "设备名称", "设备类型", "在线状态", "视频流地址", "经度", "纬度"],
                   lambda i, p: [f"SXT-IMP-{i:04d}", FORMULA if i == 3 else f"样例摄像头{i}", kinds[i % 5], ("在线", "离线", "故障")[i % 3],
                                 f"rtsp://127.0.0.1/cam{i}", p[0], p[1]], 150,
                   [["SXT-IMP-9000", "未知类型", "无人机", "在线", "", 120.95, 28.12],
                    ["SXT-IMP-9001", "无坐标", "球机", "在线", "", "", ""]])


def _facilities(d: Demo, kind: str, name: str, prefix: str, zh: list[str], n: int) -> Sample:
    return _points(d, kind, name, ["机构编码", "机构名称", "类型", "容量", "发热门诊", "经度", "纬度"],
                   lambda i, p: [f"{prefix}{i:03d}", f"样例{zh[i % len(zh)]}{i}", zh[i % len(zh)], 100 + i,
                                 "是" if i % 5 == 0 and zh[i % len(zh)] == "卫生院" else "否", p[0], p[1]], n,
                   [[f"{prefix}900", "坏容量", zh[0], "很多", "否", 120.95, 28.12]])


def _events(d: Demo, kind: str, name: str, header: list[str], make: Callable[[int, str], list[object]],
            people: list[str], n: int, bad: list[list[object]]) -> Sample:
    s = Sample(kind, name, [header])
    for i in range(n):
        s.good(make(i, people[i % len(people)]))
    s.rows.append(list(s.rows[1]))  # the first row again: a duplicate within the file
    s.rejected += 1
    for row in bad:
        s.bad(row)
    return s


def build_samples() -> list[Sample]:
    d = Demo()
    persons, new_people = _persons(d)
    demo_people = d.people.clear_ids[d.people.present].tolist()[:200]
    people = [p for pair in zip(demo_people, new_people) for p in pair]
    unknown = d.new_numbers(300)[-1]
    venues = d.infra.places.columns["id"][d.infra.venue_rows].tolist()
    test_sites = d.facilities_of(FacilityKind.TEST_SITE).tolist()
    vacc = d.facilities_of(FacilityKind.VACCINATION_SITE).tolist()
    clinics = d.facilities_of(FacilityKind.CLINIC).tolist()
    pharmacies = d.facilities_of(FacilityKind.PHARMACY).tolist()
    hotels = d.facilities_of(FacilityKind.QUARANTINE_HOTEL).tolist()
    bad_id = _bad_check(people[0])
    samples = [
        persons, _places(d), _checkpoints(d), _cameras(d),
        _facilities(d, "test_sites", "test_sites_卫健.gpkg", "HS", ["核酸采样点"], 40),
        _facilities(d, "quarantine_facilities", "quarantine_facilities_卫健.csv", "GL", ["集中隔离点"], 12),
        _facilities(d, "facilities", "facilities_卫健.csv", "JG", ["卫生院", "药店", "疫苗接种点"], 60),
        _events(d, "scans", "scans_交通_gbk.csv", ["身份证号", "场所编码", "扫码时间", "进出方向", "来源城市", "车牌号"],
                lambda i, p: [p, f"CS{i % 180:05d}" if i % 2 else str(venues[i * 17 % len(venues)]), d.moment(i),
                              ("进", "出", "")[i % 3], ("上海", "杭州", "")[i % 3], f"浙C{i:05d}"],
                people, 360, [[bad_id, "CS00001", d.moment(), "进", "", ""], [unknown, "CS00001", d.moment(), "进", "", ""],
                              [people[1], "CS99999", d.moment(), "进", "", ""], [people[2], "CS00002", "2022-02-30 08:00", "", "", ""],
                              [people[3], "CS00002", d.moment(), "进", "火星", ""], [people[4], "", d.moment(), "", "", ""]]),
        _events(d, "test_samples", "test_samples_卫健_bom.csv", ["证件号码", "采样点编码", "采样时间", "报告时间", "检测结果"],
                lambda i, p: [p, f"HS{i % 40:03d}" if i % 2 else str(test_sites[i % len(test_sites)]),
                              f"2022-03-{1 + i % 28:02d} {8 + i % 10:02d}:{i % 60:02d}",
                              f"2022-03-{2 + i % 28:02d} 06:00" if i % 7 else "", "阴性" if i % 7 else ""],
                people, 300, [[people[5], "HS000", "2022-03-05 08:00", "2022-03-04 08:00", "阴性"],
                              [people[6], "HS000", "2022-03-05 08:00", "", "弱阳"],
                              [bad_id, "HS000", "2022-03-05 08:00", "", ""]]),
        _events(d, "vaccinations", "vaccinations_卫健.xlsx", ["身份证号码", "接种剂次", "疫苗名称", "接种时间", "接种点编码", "批号"],
                lambda i, p: [p, ("第一针", "第二针", "加强针")[i % 3], ("科兴", "国药", "智飞")[i % 3],
                              f"2022-03-{1 + i % 28:02d} 09:{i % 60:02d}:00", str(vacc[i % len(vacc)]), f"B{i:06d}"],
                people, 300, [[people[7], "第九针", "科兴", "2022-03-01 09:00", str(vacc[0]), ""],
                              [people[8], "第一针", "不明疫苗", "2022-03-01 09:00", str(vacc[0]), ""],
                              [people[9], "第一针", "科兴", "2022-03-01 09:00", str(clinics[0] + 99999), ""]]),
        _events(d, "quarantine_orders", "quarantine_orders_防控办.csv", ["身份证号", "隔离类型", "隔离原因", "隔离点编码", "开始时间", "结束时间"],
                lambda i, p: [p, "集中隔离" if i % 2 else "居家隔离", ("密接", "次密接", "中高风险地区来返")[i % 3],
                              (f"GL{i % 12:03d}" if i % 4 == 1 else str(hotels[i % len(hotels)])) if i % 2 else "",
                              f"2022-03-{1 + i % 20:02d}", f"2022-03-{8 + i % 20:02d}"],
                people, 200, [[people[10], "集中隔离", "密接", "", "2022-03-01", "2022-03-08"],
                              [people[11], "居家隔离", "密接", "", "2022-03-09", "2022-03-02"]]),
        _events(d, "clinic_visits", "clinic_visits_卫健_gb18030.csv", ["身份证号", "医院编码", "就诊时间", "发热门诊", "诊断"],
                lambda i, p: [p, str(clinics[i % len(clinics)]), d.moment(i), "是" if i % 4 == 0 else "否",
                              ("发热", "呼吸道", "外伤", "慢性病", "其他")[i % 5]],
                people, 250, [[people[12], str(pharmacies[0]), d.moment(), "否", "发热"]]),
        _events(d, "pharmacy_purchases", "pharmacy_purchases_市场监管.csv", ["身份证号", "药店编码", "购药时间", "药品类别", "数量"],
                lambda i, p: [p, str(pharmacies[i % len(pharmacies)]), d.moment(i), ("退烧药", "止咳药", "抗生素", "其他")[i % 4],
                              1 + i % 3], people, 250, [[people[13], str(pharmacies[0]), d.moment(), "退烧药", "5000"]]),
    ]
    return samples


ENCODINGS = {"gbk": "gbk", "gb18030": "gb18030", "bom": "utf-8-sig"}
DELIMITERS = {"test_samples": ";", "quarantine_orders": "\t"}


def write_sample(sample: Sample, folder: Path) -> Path:
    path = folder / sample.name
    header, rows = sample.rows[0], sample.rows[1:]
    if path.suffix == ".csv":
        encoding = next((e for k, e in ENCODINGS.items() if path.stem.endswith(k)), "utf-8")
        with path.open("w", encoding=encoding, newline="") as f:
            csv.writer(f, delimiter=DELIMITERS.get(sample.kind, ",")).writerows([header, *rows])
    elif path.suffix == ".xlsx":
        book = Workbook()
        sheet = book.active
        for row in [header, *rows]:
            sheet.append(row)
        book.save(path)
    else:
        geo = "geometry" in header
        frame = gpd.GeoDataFrame(
            [dict(zip(header, r)) for r in rows],
            geometry=[dict(zip(header, r))["geometry"] for r in rows] if geo else
            [shapely.Point(float(r[5]), float(r[6])) if str(r[5]).replace(".", "").isdigit() else None for r in rows],
            crs=4490)
        frame = frame.drop(columns=[c for c in ("经度", "纬度") if c in frame])
        if path.suffix == ".shp":  # a projected CRS and GBK attributes, as survey offices deliver them
            frame.to_crs(4549).to_file(path, encoding="GBK", engine="pyogrio")
        else:
            frame.to_file(path, engine="pyogrio")
    return path


BOUNDARIES = "村社区界线_民政.shp"
SLIVER_M = 25  # width of the overlap one village was digitised with into its neighbour: reported, acceptable
NOISE_M = 1  # width of a digitising overlap under the check's tolerance: passes unreported
RENAMED = 3  # villages become communities (撤村建居): the file's names replace the store's


def _shared_pair(geoms: list[shapely.Geometry], codes: list[str], skip: set[int]) -> tuple[int, int, shapely.Point]:
    """Two villages of one town sharing a boundary longer than 400 m, and the middle of that boundary."""
    for i, j in itertools.combinations(range(len(codes)), 2):
        if i in skip or j in skip or codes[i][:9] != codes[j][:9]:
            continue
        line = shapely.line_merge(shapely.intersection(geoms[i].boundary, geoms[j].boundary))
        if line.length > 400:
            return i, j, shapely.line_interpolate_point(line, 0.5, normalized=True)
    raise ValueError("no two neighbouring villages")


def boundary_sample(d: Demo) -> tuple[gpd.GeoDataFrame, dict[str, object]]:
    """The demo's villages as a civil-affairs bureau delivers them (EPSG:4549 metres, GBK attributes with Chinese
    names), one village digitised 25 m into its neighbour (an overlap the check lists and the user may accept),
    another 1 m (under the tolerance), a few villages renamed; and what the check reports."""
    rows = [int(i) for i in d.geo.indices(Level.VILLAGE)]
    codes = [d.geo.code[i] for i in rows]
    geoms = [d.geo.geoms[i] for i in rows]
    towns = {d.geo.code[i]: d.geo.name_zh[i] for i in d.geo.indices(Level.TOWN)}
    names = [d.geo.name_zh[i] for i in rows]
    problems = []
    for width, reported in ((SLIVER_M, True), (NOISE_M, False)):
        i, j, middle = _shared_pair(geoms, codes, {k for p in problems for k in p["pair"]})
        strip = shapely.intersection(geoms[j], shapely.buffer(geoms[i], width)) & shapely.buffer(middle, 200)
        geoms[i] = shapely.MultiPolygon(shapely.get_parts(shapely.union(geoms[i], strip)))
        problems.append({"pair": (i, j), "code": min(codes[i], codes[j]), "other": max(codes[i], codes[j]),
                         "problem": "overlap", "reported": reported, "area_m2": round(strip.area)})
    for k in range(RENAMED):
        names[k * 97] = names[k * 97].removesuffix("村") + "社区"
    frame = gpd.GeoDataFrame({"村社区代码": codes, "村社区名称": names, "所属乡镇": [towns[c[:9]] for c in codes],
                              "面积亩": [round(g.area / 666.67, 1) for g in geoms], "备注": [""] * len(codes)},
                             geometry=geoms, crs=4549)
    info = {"kind": "boundaries", "rows": len(codes), "units": {"village": len(codes)}, "renamed": RENAMED,
            "problems": [{k: v for k, v in p.items() if k != "pair"} for p in problems if p["reported"]],
            "unreported": [{k: v for k, v in p.items() if k != "pair"} for p in problems if not p["reported"]]}
    return frame, info


def write_boundary_sample(folder: Path = SAMPLES, d: Demo | None = None) -> dict[str, object]:
    frame, info = boundary_sample(d or Demo())
    frame.to_file(folder / BOUNDARIES, engine="pyogrio", encoding="GBK")
    return info


def write_samples(folder: Path = SAMPLES) -> dict[str, dict[str, object]]:
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for s in build_samples():
        write_sample(s, folder)
        manifest[s.name] = {"kind": s.kind, "rows": len(s.rows) - 1, "imported": s.imported, "skipped": s.skipped,
                            "rejected": s.rejected}
    # survey offices abbreviate headers in pinyin initials: this file needs a mapping
    (folder / "checkpoints_交通.mapping.json").write_text(json.dumps(
        {"columns": {"code": "KKBM", "place_name": "KKMC", "category": "KKLX"}}, ensure_ascii=False) + "\n", encoding="utf-8")
    manifest[BOUNDARIES] = write_boundary_sample(folder)
    write_manifest(folder, manifest)
    return manifest


def write_manifest(folder: Path, manifest: dict[str, dict[str, object]]) -> None:
    """``manifest.json``: each file's kind and expected counts; ``order`` lists the record files in the order they
    import (boundaries are offered apart: they replace layers, they add no records)."""
    order = [name for name, info in manifest.items() if info["kind"] != "boundaries"]
    (folder / "manifest.json").write_text(json.dumps({"order": order, "files": manifest}, ensure_ascii=False,
                                                     indent=1) + "\n", encoding="utf-8")
