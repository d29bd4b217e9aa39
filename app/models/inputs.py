"""The rules for values taken at the edge — command-line options, form fields, imported rows — one per kind of
value, so the CLI, the panels and importers refuse the same things with the same words.

Each rule takes the raw value and the name of the field it came from, and returns the clean value or raises
:class:`InputError` naming the field and the value. Limits come from what the store can hold: an id or a text
value is checked against its column (``Integer`` ids fit 32 bits, ``String(n)`` holds n characters), so SQLite —
which would take anything — and PostgreSQL refuse the same values, before anything is written.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import operator
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError
from shapely.errors import ShapelyError
from sqlalchemy import BigInteger, Column, String
from sqlalchemy.orm import InstrumentedAttribute

from app.domain.errors import InputError
from app.store.tables.persons import Person
from app.timebase import CST, end_of_day_seconds, parse_datetime, to_seconds

INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
# Times the store's data can be about: Unix seconds of 1970-01-01 .. 2099-12-31 (CST).
FIRST_DAY, LAST_DAY = dt.date(1970, 1, 2), dt.date(2099, 12, 31)
FIRST_BIRTH_DAY = dt.date(1900, 1, 1)

ColumnLike = Column | InstrumentedAttribute
PERSON_ID = Person.id  # for forms, which name the column without importing the store


def _column(column: ColumnLike) -> Column:
    return column.property.columns[0] if isinstance(column, InstrumentedAttribute) else column


def _shown(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "…")


def whole_number(value: str | int, field: str, minimum: int = 0, maximum: int = INT32_MAX) -> int:
    """A whole number in ``minimum .. maximum``."""
    text = str(value).strip()
    if not text.lstrip("+-").isdigit():
        raise InputError(field, "not_whole_number", value=_shown(value))
    # past 30 digits it is out of any range here (and int() refuses past 4,300)
    if len(text) > 30 or not minimum <= int(text) <= maximum:
        raise InputError(field, "out_of_range", value=_shown(value), low=minimum, high=maximum)
    return int(text)


DRILL_SPEEDS = (1, 60)  # a drill clock runs ×1 … ×60 real time


def drill_speed(value: str | int, field: str = "--speed") -> int:
    """A drill clock's speed: a whole number from 1 to 60."""
    return whole_number(value, field, *DRILL_SPEEDS)


def id_limit(column: ColumnLike) -> int:
    """The largest id ``column`` can hold: 64 bits for BigInteger, else 32 (PostgreSQL's integer)."""
    return INT64_MAX if isinstance(_column(column).type, BigInteger) else INT32_MAX


def record_id(value: str | int, field: str, column: ColumnLike) -> int:
    """The id of a record kept in ``column`` (a primary or foreign key): a positive whole number it can hold."""
    return whole_number(value, field, 1, id_limit(column))


def id_list(text: str, field: str, column: ColumnLike) -> list[int]:
    """``"1,2,3"`` -> [1, 2, 3]: at least one id, each one checked by :func:`record_id`."""
    items = [item.strip() for item in str(text).split(",")]
    if not any(items):
        raise InputError(field, "no_ids")
    return [record_id(item, field, column) for item in items]


def name_list(text: str, field: str) -> list[str]:
    """``"a,b"`` -> ["a", "b"]: codes or names, at least one, none empty."""
    items = [item.strip() for item in str(text).split(",")]
    if not all(items):
        raise InputError(field, "empty_item", value=_shown(text))
    return items


def number(value: str | float, field: str, minimum: float, maximum: float) -> float:
    """A finite number in ``minimum .. maximum``."""
    try:
        result = float(str(value).strip())
    except ValueError:
        raise InputError(field, "not_number", value=_shown(value)) from None
    if not math.isfinite(result) or not minimum <= result <= maximum:
        raise InputError(field, "out_of_range", value=_shown(value), low=f"{minimum:g}", high=f"{maximum:g}")
    return result


def crs(value: str, field: str) -> str:
    """A coordinate reference system as pyproj reads it (``EPSG:4549``, ``4549``, a WKT or PROJ string), given back
    as its authority code where it has one."""
    raw = str(value).strip()
    try:
        found = CRS.from_user_input(int(raw) if raw.isdigit() else raw)
    except (CRSError, ValueError):
        raise InputError(field, "not_crs", value=_shown(value)) from None
    authority = found.to_authority()
    return ":".join(authority) if authority else found.to_wkt()


def text_limit(column: ColumnLike) -> int | None:
    """How many characters ``column`` holds (None: unlimited)."""
    kind = _column(column).type
    return kind.length if isinstance(kind, String) else None


def text(value: str, field: str, column: ColumnLike | None = None, *, required: bool = True) -> str:
    """Text without surrounding blanks; not empty when ``required``; no longer than ``column`` holds."""
    clean = str(value).strip()
    if required and not clean:
        raise InputError(field, "empty")
    limit = None if column is None else text_limit(column)
    if limit is not None and len(clean) > limit:
        raise InputError(field, "too_long", length=len(clean), limit=limit, value=_shown(clean))
    return clean


def choice(value: str, field: str, choices: Iterable[str]) -> str:
    """One of ``choices``."""
    options = list(choices)
    if value not in options:
        raise InputError(field, "not_one_of", value=_shown(value), options=", ".join(options))
    return value


def _normal(text: str) -> str:
    return re.sub(r"[\s_\-（）()：:]+", "", str(text)).lower()


def spelled_choice(value: str, field: str, spellings: dict[str, int], what: str) -> int:
    """The number one of ``spellings`` stands for (case, blanks and brackets ignored), or the number itself when it
    is one of them: ``"阳性"``, ``"Positive"`` and ``"1"`` all give 1 for ``{"阳性": 1, "positive": 1}``."""
    text_ = _normal(value)
    for spelled, number_ in spellings.items():
        if _normal(spelled) == text_:
            return number_
    if text_.isdigit() and int(text_) in set(spellings.values()):
        return int(text_)
    raise InputError(field, "not_known", value=_shown(value), what=what)


def admin_code(value: str, field: str) -> str:
    """An admin division code nested the county's way: 9 (town), 12 (village) or 15 digits (grid)."""
    code = str(value).strip()
    if not (code.isdigit() and len(code) in (9, 12, 15)):
        raise InputError(field, "not_admin_code", value=_shown(value))
    return code


def day(value: str, field: str) -> dt.date:
    """A calendar day written YYYY-MM-DD, between 1970 and 2099."""
    try:
        result = dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(field, "not_iso_date", value=_shown(value)) from None
    if not FIRST_DAY <= result <= LAST_DAY:
        raise InputError(field, "day_out_of_range", value=_shown(value), first=FIRST_DAY.year, last=LAST_DAY.year)
    return result


def moment(value: str, field: str, end_of_day: bool = True) -> int:
    """Unix seconds from whole seconds, ``YYYY-MM-DD`` (its last second, or first if not ``end_of_day``) or
    ``YYYY-MM-DDTHH:MM[:SS]`` (CST); between 1970 and 2099."""
    raw = str(value).strip()
    first, last = to_seconds(FIRST_DAY), end_of_day_seconds(LAST_DAY)
    if raw.lstrip("+-").isdigit():
        return whole_number(raw, field, first, last)
    if len(raw) == 10:
        date = day(raw, field)
        return end_of_day_seconds(date) if end_of_day else to_seconds(date)
    try:
        when = parse_datetime(raw)
    except ValueError:
        raise InputError(field, "not_date_or_time", value=_shown(value)) from None
    day(when.date().isoformat(), field)
    return int(when.timestamp())


# GB 11643: 17 digits weighted by 2^(17-i) mod 11 (ISO 7064 MOD 11-2) select the check character.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_FORM = re.compile(r"[1-9]\d{16}[\dX]")


def identity_number(value: str, field: str) -> str:
    """A citizen identity number (GB 11643): 18 characters, a real birth date, the right check character.
    Returned upper-cased. The problem never echoes the number (it is personal)."""
    number = str(value).strip().upper()
    if not _ID_FORM.fullmatch(number):
        raise InputError(field, "id_form", length=len(number))
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InputError(field, "id_birth_not_date") from None
    if not FIRST_BIRTH_DAY <= born <= LAST_DAY:
        raise InputError(field, "id_birth_out_of_range")
    check = _ID_CHECK[sum(map(operator.mul, map(int, number[:17]), _ID_WEIGHTS)) % 11]
    if number[17] != check:
        raise InputError(field, "id_check")
    return number


def identity_birth_day(number: str) -> dt.date:
    """The birth date written in a checked identity number."""
    return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def identity_sex(number: str) -> int:
    """1 male, 2 female (GB/T 2261.1): the parity of the sequence's last digit in a checked identity number."""
    return 1 if int(number[16]) % 2 else 2


# Dates and times as departments write them: 2022-03-01, 2022/3/1, 2022.3.1, 20220301, 2022年3月1日, with a time
# 8:05, 08:05:09, 8时5分, T08:05, 080509 after a date of 8 digits; a zone (Z, +08:00) where given, else CST.
_DAY_FORM = re.compile(r"(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))")
_TIME_FORM = re.compile(r"[ T]*(\d{1,2})(?:[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.\d+)?秒?)?|(\d{2})(\d{2})?)?分?"
                        r"\s*(Z|[+-]\d{2}:?\d{2})?")


def _date_parts(raw: str, field: str, value: object, first: dt.date = FIRST_DAY) -> tuple[dt.date, str]:
    m = _DAY_FORM.match(raw)
    if not m:
        raise InputError(field, "not_date", value=_shown(value))
    year, month, day_ = int(m[1]), int(m[2] or m[4]), int(m[3] or m[5])
    try:
        date = dt.date(year, month, day_)
    except ValueError:
        raise InputError(field, "no_such_day", value=_shown(value)) from None
    if not first <= date <= LAST_DAY:
        raise InputError(field, "day_out_of_range", value=_shown(value), first=first.year, last=LAST_DAY.year)
    return date, raw[m.end():]


def calendar_day(value: str, field: str, first: dt.date = FIRST_DAY) -> dt.date:
    """A calendar day in any of the usual written forms (2022-03-01, 2022/3/1, 20220301, 2022年3月1日), from
    ``first`` (1970 for the store's data; 1900 for birth dates) to 2099; a time of midnight after it is allowed
    (spreadsheets add one)."""
    raw = str(value).strip()
    date, rest = _date_parts(raw, field, value, first)
    if rest.strip() not in ("", "0:00", "00:00", "00:00:00", "0:00:00"):
        raise InputError(field, "date_with_time", value=_shown(value))
    return date


def date_time(value: str, field: str) -> int:
    """Unix seconds of a date and time written in any of the usual forms, China Standard Time unless a zone is
    given (``2022-03-01 08:05``, ``2022/3/1 8:05:09``, ``2022年3月1日 8时5分``, ``20220301080509``,
    ``2022-03-01T00:05:00Z``); a date alone is its first second. Between 1970 and 2099."""
    raw = str(value).strip()
    fast = _ISO_SECONDS.fullmatch(raw)  # the common export form, read without the general patterns
    if fast and int(fast[4]) < 24 and int(fast[5]) < 60 and int(fast[6]) < 60:
        start = _day_start(int(fast[1]), int(fast[2]), int(fast[3]))
        if start is not None:
            return start + int(fast[4]) * 3600 + int(fast[5]) * 60 + int(fast[6])
    date, rest = _date_parts(raw, field, value)
    hour = minute = second = 0
    zone: dt.tzinfo = CST
    if rest:
        m = _TIME_FORM.fullmatch(rest)
        if not m:
            raise InputError(field, "not_date_time", value=_shown(value))
        hour, minute, second = int(m[1]), int(m[2] or m[4] or 0), int(m[3] or m[5] or 0)
        if m[6]:
            zone = dt.timezone.utc if m[6] == "Z" else _zone(m[6])
        if hour > 23 or minute > 59 or second > 59:
            raise InputError(field, "no_such_time", value=_shown(value))
    return int(dt.datetime(date.year, date.month, date.day, hour, minute, second, tzinfo=zone).timestamp())


_ISO_SECONDS = re.compile(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")


# --- batch forms: a rule over a column of values (a batch of imported rows) ------------------------------------
Checked = tuple[list[object], dict[int, InputError]]  # clean values (None where bad), problems by position


def each(rule: Callable[[str, str], object], values: Sequence[str], field: str) -> Checked:
    """``rule`` over ``values``, each distinct value checked once (a batch repeats its people, places and codes)."""
    seen: dict[str, object] = {}
    out: list[object] = []
    problems: dict[int, InputError] = {}
    for i, value in enumerate(values):
        result = seen.get(value, seen)
        if result is seen:
            try:
                result = rule(value, field)
            except InputError as exc:
                result = exc
            seen[value] = result
        if isinstance(result, InputError):
            problems[i] = result
            out.append(None)
        else:
            out.append(result)
    return out, problems


def identity_numbers(values: Sequence[str], field: str) -> Checked:
    """:func:`identity_number` over ``values``: the form, birth date and check character of well-formed numbers
    computed at once (numpy) with the same weights; any number failing them goes through
    :func:`identity_number` for its exact problem."""
    upper = [str(v).strip().upper() for v in values]
    out: list[object] = list(upper)
    good = np.zeros(len(upper), bool)
    sized = np.flatnonzero(np.fromiter(map(len, upper), np.int64, len(upper)) == 18)
    if len(sized):
        raw = np.frombuffer("".join(upper[i] for i in sized.tolist()).encode("ascii", "replace"), np.uint8)
        chars = raw.reshape(-1, 18)
        digits = chars[:, :17].astype(np.int64) - ord("0")
        form = (digits >= 0).all(1) & (digits <= 9).all(1) & (digits[:, 0] > 0)
        check = np.frombuffer(_ID_CHECK.encode(), np.uint8)[(digits @ np.array(_ID_WEIGHTS)) % 11]
        import pandas as pd  # here, not at the top: a console starts without it (half a second)

        born = pd.to_datetime(pd.Series(chars[:, 6:14].copy().view("S8").ravel()).str.decode("ascii"),
                              format="%Y%m%d", errors="coerce")
        in_range = born.between(pd.Timestamp(FIRST_BIRTH_DAY), pd.Timestamp(LAST_DAY)).to_numpy()
        good[sized] = form & (check == chars[:, 17]) & in_range
    problems: dict[int, InputError] = {}
    for i in np.flatnonzero(~good).tolist():
        try:
            out[i] = identity_number(upper[i], field)
        except InputError as exc:
            out[i], problems[i] = None, exc
    return out, problems


_CST_SECONDS = int(CST.utcoffset(None).total_seconds())


def date_times(values: Sequence[str], field: str) -> Checked:
    """:func:`date_time` over ``values``: the common export form ``YYYY-MM-DD HH:MM:SS`` read at once (pandas, in
    C), any other form — and any value that is not a real time in range — by :func:`date_time` itself."""
    import pandas as pd  # here, not at the top: a console starts without it (half a second)

    texts = pd.Series(values, dtype=object)
    common = texts.str.len().to_numpy() == 19
    seconds = np.full(len(texts), -1, np.int64)
    if common.any():
        parsed = pd.to_datetime(texts[common], format="%Y-%m-%d %H:%M:%S", errors="coerce")
        ok = parsed.notna().to_numpy() & (texts[common].str.slice(17, 19) < "60").to_numpy()  # pandas takes :60
        utc = np.where(ok, parsed.to_numpy("datetime64[s]").astype(np.int64, copy=False), -1) - _CST_SECONDS
        first, last = to_seconds(FIRST_DAY), end_of_day_seconds(LAST_DAY)
        seconds[common] = np.where(ok & (utc >= first) & (utc <= last), utc, -1)
    out: list[object] = seconds.tolist()
    problems: dict[int, InputError] = {}
    for i in np.flatnonzero(seconds < 0).tolist():
        try:
            out[i] = date_time(values[i], field)
        except InputError as exc:
            out[i], problems[i] = None, exc
    return out, problems


@functools.lru_cache(maxsize=4096)
def _day_start(year: int, month: int, day_: int) -> int | None:
    """Unix seconds of the CST midnight starting a day in range (None: no such day, or out of range)."""
    try:
        date = dt.date(year, month, day_)
    except ValueError:
        return None
    return to_seconds(date) if FIRST_DAY <= date <= LAST_DAY else None


def _zone(text: str) -> dt.timezone:
    digits = text[1:].replace(":", "")
    offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return dt.timezone(-offset if text[0] == "-" else offset)


def point_inside(lon: str | float, lat: str | float, field: str, area: shapely.Geometry, area_name: str) -> shapely.Point:
    """A longitude/latitude point (EPSG:4490 degrees) inside ``area`` (the county: prepare it once)."""
    x, y = number(lon, field, -180, 180), number(lat, field, -90, 90)
    if not shapely.contains_xy(area, x, y):
        raise InputError(field, "outside_area", x=f"{x:.6f}", y=f"{y:.6f}", area=area_name)
    return shapely.Point(x, y)


def geometry(wkt: str, field: str, kinds: Iterable[str]) -> shapely.Geometry:
    """A valid, non-empty geometry of one of ``kinds`` (``"Point"``, ``"Polygon"``…) in longitude/latitude."""
    allowed = tuple(kinds)
    try:
        geom = shapely.from_wkt(str(wkt))
    except (ShapelyError, ValueError):
        raise InputError(field, "not_wkt", value=_shown(wkt)) from None
    if geom is None or geom.is_empty:
        raise InputError(field, "empty_geometry", value=_shown(wkt))
    if geom.geom_type not in allowed:
        raise InputError(field, "wrong_geometry", allowed=" or ".join(allowed), kind=geom.geom_type)
    if not geom.is_valid:
        raise InputError(field, "invalid_geometry", value=_shown(wkt), kind=geom.geom_type,
                         reason=shapely.is_valid_reason(geom))
    x0, y0, x1, y1 = geom.bounds
    if not (-180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90):
        raise InputError(field, "not_degrees", value=_shown(wkt))
    return geom


def output_file(value: str | Path, field: str, suffixes: Iterable[str] = ()) -> Path:
    """A file to write: ending in one of ``suffixes`` (any if none), in an existing folder we may write to,
    not a folder itself."""
    allowed = tuple(suffixes)
    raw = str(value).strip()
    if not raw:
        raise InputError(field, "no_file")
    path = Path(raw).expanduser()
    if path.is_dir():
        raise InputError(field, "is_folder", path=path)
    if allowed and path.suffix.lower() not in allowed:
        raise InputError(field, "wrong_suffix", name=repr(path.name), suffixes=" or ".join(allowed))
    folder = path.parent
    if not folder.is_dir():
        raise InputError(field, "no_folder", folder=folder)
    if not _writable(folder) or (path.exists() and not _writable(path)):
        raise InputError(field, "not_writable", path=path)
    return path


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def audit_anchor(value: str | Path, field: str) -> tuple[int, str]:
    """An anchor file written by ``jingkong audit anchor``: (entry id, the 64-hex-digit hash of that entry)."""
    path = Path(str(value).strip()).expanduser()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entry, digest = data["entry"], data["hash"]
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(field, "cannot_read", path=path, reason=exc.strerror or exc) from None
    except (ValueError, KeyError, TypeError):
        raise InputError(field, "not_anchor", path=path) from None
    if not isinstance(entry, int) or entry < 1 or not (isinstance(digest, str) and re.fullmatch(r"[0-9a-f]{64}", digest)):
        raise InputError(field, "bad_anchor", path=path, entry=_shown(entry), hash=_shown(digest))
    return entry, digest


def store_location(value: str, field: str = "--db") -> str:
    """A store path or URL: not empty."""
    clean = str(value).strip()
    if not clean:
        raise InputError(field, "no_store")
    return clean


def new_store_location(value: str, field: str) -> str:
    """Where to create a store: an SQLAlchemy URL, or a file as :func:`output_file` takes it."""
    clean = store_location(value, field)
    return clean if "://" in clean else str(output_file(clean, field))
