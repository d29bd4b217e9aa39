"""Synthetic people: residents, floating residents and natives living elsewhere, with their identities.

Identity numbers follow GB 11643 (region, birth date, sequence with sex parity, ISO 7064 check digit) so
matching works as it would on real data, but they leave this module only in masked form (the generator hashes
them under the new store's key).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from app.domain.admin import Level
from app.domain.people import OCCUPATIONS, PersonKind
from app.store.demo.geography import Geography
from app.store.demo.names import masked_phones, person_names
from app.store.demo.scale import OUTBREAK_CITY, PERIOD_END, Scale
from app.store.masking import mask_identity
from app.timebase import day_number, to_seconds

# Cities people come from, live in or travel to: (name, pinyin, province, weight among natives elsewhere).
CITIES = [
    ("乐清", "Yueqing", "浙江", 0), ("上海", "Shanghai", "上海", 0), ("杭州", "Hangzhou", "浙江", 14),
    ("温州", "Wenzhou", "浙江", 12), ("宁波", "Ningbo", "浙江", 7), ("台州", "Taizhou", "浙江", 5),
    ("北京", "Beijing", "北京", 6), ("广州", "Guangzhou", "广东", 5), ("深圳", "Shenzhen", "广东", 6),
    ("南京", "Nanjing", "江苏", 4), ("苏州", "Suzhou", "江苏", 5), ("武汉", "Wuhan", "湖北", 3),
    ("成都", "Chengdu", "四川", 3), ("重庆", "Chongqing", "重庆", 2), ("西安", "Xi'an", "陕西", 2),
    ("天津", "Tianjin", "天津", 2), ("郑州", "Zhengzhou", "河南", 2), ("长沙", "Changsha", "湖南", 2),
    ("合肥", "Hefei", "安徽", 2), ("福州", "Fuzhou", "福建", 2), ("厦门", "Xiamen", "福建", 2),
    ("昆明", "Kunming", "云南", 1), ("沈阳", "Shenyang", "辽宁", 1), ("青岛", "Qingdao", "山东", 2),
    ("义乌", "Yiwu", "浙江", 3), ("金华", "Jinhua", "浙江", 2), ("绍兴", "Shaoxing", "浙江", 2),
    ("哈尔滨", "Harbin", "黑龙江", 1), ("南昌", "Nanchang", "江西", 1), ("贵阳", "Guiyang", "贵州", 1),
]
HOME_CITY = 1  # city ids are 1-based in CITIES order
OUTBREAK_CITY_ID = next(i + 1 for i, c in enumerate(CITIES) if c[0] == OUTBREAK_CITY)
# Where floating residents' identity numbers were issued (province prefixes).
FLOATING_REGIONS = np.array(["522401", "510722", "362321", "341221", "411323", "421023", "532126", "430524"])
_CHECK_WEIGHTS = np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2])
_CHECK_CHARS = np.array(list("10X98765432"))


@dataclass
class People:
    columns: dict[str, np.ndarray]  # persons table columns but id_hash, row i is person id i + 1
    age: np.ndarray
    home_town: np.ndarray  # index of the town in the geography order, -1 without a home grid
    home_grid_row: np.ndarray  # row in Geography order, -1 without a home grid
    present: np.ndarray  # bool: in the county during the period (residents, floating)
    returned_at: np.ndarray  # seconds a native returned (0 if not)
    clear_ids: np.ndarray  # identity numbers in clear: kept in memory only, never written anywhere

    def __len__(self) -> int:
        return len(self.age)


def identity_numbers(rng: np.random.Generator, regions: np.ndarray, birth_days: np.ndarray, sex: np.ndarray) -> np.ndarray:
    """GB 11643 identity numbers, unique: the sequence is the rank within region × birth date × sex."""
    order = np.lexsort((sex, birth_days, regions))
    r, b, s = regions[order], birth_days[order], sex[order]
    new_group = np.ones(len(order), bool)
    new_group[1:] = (r[1:] != r[:-1]) | (b[1:] != b[:-1]) | (s[1:] != s[:-1])
    starts = np.flatnonzero(new_group)
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.append(starts, len(order))))
    seq = np.empty(len(order), np.int64)
    seq[order] = (2 * rank + (sex[order] == 1)) % 1000
    dates = np.datetime64("1970-01-01") + birth_days.astype("timedelta64[D]")
    ymd = np.char.replace(dates.astype("U10"), "-", "")
    body = np.char.add(np.char.add(regions.astype("U6"), ymd), np.char.zfill(seq.astype("U3"), 3))
    digits = body.astype("U17").view("U1").reshape(len(body), 17).astype(np.int64)
    check = _CHECK_CHARS[(digits * _CHECK_WEIGHTS).sum(axis=1) % 11]
    return np.char.add(body, check)


def _ages(rng: np.random.Generator, kind: PersonKind, n: int) -> np.ndarray:
    if kind == PersonKind.RESIDENT:
        bands = np.array([0, 3, 12, 18, 30, 45, 60, 70, 80, 95])
        weights = np.array([3.0, 9.0, 6.0, 14.0, 22.0, 21.0, 12.0, 8.0, 5.0])
        band = rng.choice(len(weights), n, p=weights / weights.sum())
        return rng.integers(bands[band], bands[band + 1])
    if kind == PersonKind.FLOATING:
        return np.clip(rng.normal(34, 10, n), 16, 70).astype(np.int64)
    return np.clip(rng.normal(38, 11, n), 18, 75).astype(np.int64)


def _occupations(rng: np.random.Generator, age: np.ndarray, kind: np.ndarray) -> np.ndarray:
    occ = {name: i for i, name in enumerate(OCCUPATIONS)}
    working = ["factory", "retail", "catering", "medical", "transport", "cold_chain", "public_service", "agriculture", "other"]
    weights = np.array([30, 14, 9, 4, 6, 1.5, 5, 8, 22.5])
    floating_weights = np.array([55, 12, 10, 1, 6, 2, 1, 2, 11.0])
    out = np.array([occ[working[i]] for i in rng.choice(len(working), len(age), p=weights / weights.sum())])
    floating = kind == PersonKind.FLOATING
    out[floating] = np.array([occ[working[i]] for i in rng.choice(len(working), floating.sum(), p=floating_weights / floating_weights.sum())])
    out[age < 6] = occ["other"]
    out[(age >= 6) & (age < 18)] = occ["student"]
    old = age >= 60
    out[old] = np.where(rng.random(old.sum()) < 0.75, occ["retired"], occ["agriculture"])
    return out


def _home_grids(rng: np.random.Generator, weights: np.ndarray, grid_rows: np.ndarray, n: int) -> np.ndarray:
    p = weights / weights.sum()
    return grid_rows[rng.choice(len(grid_rows), n, p=p)]


def generate_people(rng: np.random.Generator, geo: Geography, scale: Scale) -> People:
    grid_rows = geo.indices(Level.GRID)
    res_w = np.asarray(geo.resident_weight)[grid_rows]
    flo_w = np.asarray(geo.floating_weight)[grid_rows]
    kinds = np.concatenate([
        np.full(scale.residents, PersonKind.RESIDENT), np.full(scale.floating, PersonKind.FLOATING),
        np.full(scale.natives_elsewhere, PersonKind.NATIVE_ELSEWHERE),
    ]).astype(np.int64)
    n = len(kinds)
    home = np.concatenate([
        _home_grids(rng, res_w, grid_rows, scale.residents),
        _home_grids(rng, flo_w, grid_rows, scale.floating),
        _home_grids(rng, res_w, grid_rows, scale.natives_elsewhere),
    ])
    # About 0.5 % of floating residents have registered no address yet: no home grid.
    unregistered = (kinds == PersonKind.FLOATING) & (rng.random(n) < 0.005)
    home[unregistered] = -1
    age = np.concatenate([_ages(rng, k, c) for k, c in ((PersonKind.RESIDENT, scale.residents),
                          (PersonKind.FLOATING, scale.floating), (PersonKind.NATIVE_ELSEWHERE, scale.natives_elsewhere))])
    sex = np.where(rng.random(n) < 0.51, 1, 2)
    ref = day_number(PERIOD_END)
    birth_day = (ref - np.floor(age * 365.25) - rng.integers(1, 365, n)).astype(np.int64)
    regions = np.where(kinds == PersonKind.FLOATING, FLOATING_REGIONS[rng.integers(0, len(FLOATING_REGIONS), n)], "330382")
    numbers = identity_numbers(rng, regions, birth_day, sex)

    natives = np.flatnonzero(kinds == PersonKind.NATIVE_ELSEWHERE)
    city = np.full(n, -1, np.int64)
    city_weights = np.array([c[3] for c in CITIES], float)
    city[natives] = rng.choice(len(CITIES), len(natives), p=city_weights / city_weights.sum()) + 1
    outbreak = rng.choice(natives, scale.outbreak_natives, replace=False)
    city[outbreak] = OUTBREAK_CITY_ID
    returned_at = np.zeros(n, np.int64)
    declared = np.full(n, -1, np.int64)
    back = outbreak[: scale.outbreak_returned]
    since = to_seconds(dt.date(2022, 3, 2))
    returned_at[back] = rng.integers(since, to_seconds(PERIOD_END) - 3 * 86_400, len(back))
    planning = outbreak[scale.outbreak_returned : scale.outbreak_returned + scale.outbreak_planning]
    declared[planning] = to_seconds(PERIOD_END) + rng.integers(1, 14, len(planning)) * 86_400 + 9 * 3600

    health = rng.choice(3, n, p=[0.995, 0.004, 0.001])
    health[back] = 1  # arrivals from the outbreak city show a yellow code
    columns = {
        "id": np.arange(1, n + 1),
        "kind": kinds,
        "id_masked": np.array([mask_identity(n) for n in numbers.tolist()], dtype=object),
        "name": person_names(rng, n),
        "sex": sex,
        "birth_day": birth_day,
        "occupation": _occupations(rng, age, kinds),
        "health_code": health,
        "phone_masked": masked_phones(rng, n),
        "home_grid_id": np.where(home >= 0, home + 1, None).astype(object),
        "current_city_id": np.where(city > 0, city, None).astype(object),
        "declared_return_at": np.where(declared > 0, declared, None).astype(object),
    }
    parent = np.asarray(geo.parent)
    home_town = np.where(home >= 0, parent[parent[np.maximum(home, 0)]], -1)
    present = (kinds != PersonKind.NATIVE_ELSEWHERE)
    return People(columns, age, home_town, home, present, returned_at, numbers)
