"""Synthetic Chinese names for people, villages and venues (with pinyin where it is shown)."""

from __future__ import annotations

import numpy as np

SURNAMES = np.array(list("陈郑黄林王张李赵周吴徐孙胡朱高叶金潘施杨刘蔡卢章倪钱邵虞"))
SURNAME_WEIGHTS = np.array([14, 9, 8, 7, 7, 6, 5, 4, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1], float)
GIVEN = np.array(list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志海飞晓燕文斌宇浩琳佳欣雪梅"))

# Syllables for village names, with pinyin so the search box can find them.
_PREFIX = {"东": "Dong", "西": "Xi", "南": "Nan", "北": "Bei", "上": "Shang", "下": "Xia", "前": "Qian", "后": "Hou",
           "新": "Xin", "大": "Da", "小": "Xiao", "高": "Gao", "黄": "Huang", "白": "Bai", "石": "Shi", "沙": "Sha",
           "山": "Shan", "河": "He", "江": "Jiang", "长": "Chang", "塘": "Tang", "岭": "Ling", "湖": "Hu", "盘": "Pan",
           "青": "Qing", "金": "Jin", "龙": "Long", "凤": "Feng", "桥": "Qiao", "水": "Shui", "林": "Lin", "岩": "Yan"}
_SUFFIX = {"岙": "ao", "垟": "yang", "桥": "qiao", "塘": "tang", "山": "shan", "溪": "xi", "湾": "wan", "头": "tou",
           "浦": "pu", "岩": "yan", "坑": "keng", "宅": "zhai", "洋": "yang", "岸": "an", "园": "yuan", "屿": "yu",
           "田": "tian", "岭": "ling", "港": "gang", "门": "men"}


def person_names(rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` synthetic full names (surname + one or two given characters)."""
    surname = SURNAMES[rng.choice(len(SURNAMES), n, p=SURNAME_WEIGHTS / SURNAME_WEIGHTS.sum())]
    first = GIVEN[rng.integers(0, len(GIVEN), n)]
    second = np.where(rng.random(n) < 0.7, GIVEN[rng.integers(0, len(GIVEN), n)], "")
    return np.char.add(np.char.add(surname, first), second).astype(object)


def masked_phones(rng: np.random.Generator, n: int) -> np.ndarray:
    prefix = np.array(["138", "139", "135", "136", "137", "150", "151", "158", "159", "187", "188", "177"])
    tail = rng.integers(0, 10_000, n)
    return np.array([f"{p}****{t:04d}" for p, t in zip(prefix[rng.integers(0, len(prefix), n)], tail)], dtype=object)


def village_names(rng: np.random.Generator, n: int, community: bool) -> list[tuple[str, str]]:
    """``n`` distinct (Chinese, pinyin) village or community names."""
    prefixes, suffixes = list(_PREFIX), list(_SUFFIX)
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    while len(out) < n:
        p, s = prefixes[rng.integers(len(prefixes))], suffixes[rng.integers(len(suffixes))]
        stem = p + s
        if stem in seen:
            continue
        seen.add(stem)
        kind_zh, kind_en = ("社区", "Community") if community else ("村", "Village")
        out.append((stem + kind_zh, f"{_PREFIX[p]}{_SUFFIX[s]} {kind_en}"))
    return out
