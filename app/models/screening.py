"""Cohort screening (排查): everyone linked to a risk area, correlated with every record, and classified.

An area is a city named in the natives-elsewhere register (people registered there or scanned at its places)
or a polygon in store coordinates (people scanned at places inside it). Each person is then

- **returned** — a county record (checkpoint or venue scan, test, clinic visit, purchase, vaccination,
  quarantine order) at or after they were first linked to the area in the window; the earliest is the evidence;
- **planning** — not returned, but a declared return (报备) is on file;
- **still_there** — registered there, or scanned there within ``recent_days`` of the window's end;
- **unknown** — none of these.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from app.models import inputs
from app.models.as_of import check_time, period_end, store_period
from app.models.screening_result import Screening
from app.models.units import unit_codes_by_level
from app.store.queries import cohorts as q
from app.store.queries.health_records import home_grids
from app.store.queries.people import masked_ids
from app.store.queries.scope import visible_people
from app.store.queries.spatial import spatial_of
from app.store.store import Store
from app.timebase import DAY, to_seconds


class ScreeningError(ValueError):
    """An area or window that cannot be screened."""


@dataclass(frozen=True)
class Area:
    label: str
    city_id: int | None = None
    polygon: shapely.Geometry | None = None


POLYGON = "polygon"  # the label of an area given as a polygon


def area_names(label: str) -> tuple[str, str]:
    """The Chinese and English name of a screened area: a city's own name, or 自定义范围 / custom area."""
    return ("自定义范围", "custom area") if label == POLYGON else (label, label)


def city_area(store: Store, name: str) -> Area:
    city = q.city_by_name(store, name.strip())
    if city is None or city == q.COUNTY_CITY_ID:
        raise ScreeningError(f"no city named {name!r} outside the county (known: {', '.join(q.city_names(store)[:12])}…)")
    return Area(name.strip(), city_id=int(city))


def polygon_area(wkt: str) -> Area:
    """A polygon given as WKT in store coordinates (EPSG:4490 longitude/latitude)."""
    return Area(POLYGON, polygon=inputs.geometry(wkt, "polygon", ("Polygon", "MultiPolygon")))


@dataclass(frozen=True)
class Cohort:
    """The area's people, with when each was first linked to it in the window and how."""

    person_id: np.ndarray  # sorted
    link_at: np.ndarray
    registered: np.ndarray  # bool: in the natives-elsewhere register for the city
    first_scan: np.ndarray  # earliest scan in the area (-1: none)
    last_there: np.ndarray  # time of the latest scan in the area (-1: none)
    last_scan: np.ndarray


def _link(store: Store, area: Area, since: int, until: int) -> tuple[Cohort, np.ndarray, np.ndarray]:
    """The cohort plus the ids of the places and facilities that are *in the area* (not county evidence)."""
    if area.city_id is not None:
        reg = q.registered_in(store, area.city_id)
        area_places, area_facilities = q.places_of_city(store, area.city_id), np.zeros(0, np.int64)
        arrivals = q.arrivals_from(store, area.city_id, since, until)
    else:
        reg, empty = np.zeros(0, np.int64), np.zeros(0, np.int64)
        where = spatial_of(store)  # in the database on PostGIS
        area_places, area_facilities = where.places_in(area.polygon), where.facilities_in(area.polygon)
        arrivals = {"id": empty, "person_id": empty, "at": empty}
    there = q.scans_at_places(store, area_places, since, until)
    people = np.unique(np.concatenate([reg, there["person_id"], arrivals["person_id"]]))
    first = np.full(len(people), np.iinfo(np.int64).max)
    first_scan, last, last_scan = (np.full(len(people), -1) for _ in range(3))
    order = np.lexsort((there["at"], there["person_id"]))  # by person, then time
    who, at, sid = there["person_id"][order], there["at"][order], there["id"][order]
    if len(who):
        head = np.r_[True, who[1:] != who[:-1]]  # each person's earliest scan there
        tail = np.r_[who[1:] != who[:-1], True]  # and latest
        first[np.searchsorted(people, who[head])], first_scan[np.searchsorted(people, who[head])] = at[head], sid[head]
        last[np.searchsorted(people, who[tail])], last_scan[np.searchsorted(people, who[tail])] = at[tail], sid[tail]
    np.minimum.at(first, np.searchsorted(people, arrivals["person_id"]), arrivals["at"])
    registered = np.isin(people, reg)
    first[registered] = since
    return Cohort(people, first, registered, first_scan, last, last_scan), area_places, area_facilities


def _county_evidence(store: Store, cohort: Cohort, area_places: np.ndarray, area_facilities: np.ndarray,
                     until: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per cohort person: (table index, record id, time) of the earliest county record at or after its link (-1: none)."""
    records = q.first_county_records(store, cohort.person_id, cohort.link_at, until, area_places, area_facilities)
    parts = [np.column_stack([np.full(len(rows["id"]), t), rows["id"], rows["person_id"], rows["at"]])
             for t, rows in enumerate(records.values())]
    allrec = np.concatenate(parts) if parts else np.zeros((0, 4), np.int64)
    pi = np.searchsorted(cohort.person_id, allrec[:, 2])
    table, rid, at = (np.full(len(cohort.person_id), -1) for _ in range(3))
    order = np.lexsort((allrec[:, 3], pi))  # by person, then time
    pi, allrec = pi[order], allrec[order]
    head = np.r_[True, pi[1:] != pi[:-1]] if len(pi) else np.zeros(0, bool)  # each person's earliest record
    table[pi[head]], rid[pi[head]], at[pi[head]] = allrec[head, 0], allrec[head, 1], allrec[head, 3]
    return table, rid, at


def default_window(store: Store, area: Area) -> tuple[int, int]:
    """Until the end of the store's period; since the city became a risk area, else 14 days before — but not
    before the period starts."""
    meta = store.meta()
    until = period_end(meta)
    since = q.risk_since(store, area.city_id) if area.city_id is not None else None
    since = since if since is not None else until - 14 * DAY
    period = store_period(meta)
    return (max(since, to_seconds(period[0])) if period else since), until


def screen(store: Store, area: Area, since: int | None = None, until: int | None = None, recent_days: int = 3) -> Screening:
    """Screen everyone linked to ``area`` in ``[since, until]`` (defaults: :func:`default_window`). OutsidePeriod if
    either end is not a day of the store's data (nobody would have a record there, and all would look unreached)."""
    d_since, d_until = default_window(store, area)
    since, until = (d_since if since is None else since), (d_until if until is None else until)
    period = store_period(store.meta())
    check_time(since, period, "window start")
    check_time(until, period, "window end")
    if since > until:
        raise ScreeningError("the window's start is after its end")
    cohort, area_places, area_facilities = _link(store, area, since, until)
    table, rid, at = _county_evidence(store, cohort, area_places, area_facilities, until)
    declared = q.declarations(store, cohort.person_id)["declared_at"]
    recent = cohort.last_there >= until - recent_days * DAY
    cls = np.select([rid >= 0, declared >= 0, cohort.registered | recent], [0, 1, 2], 3)
    evidence = []
    for i, pid in enumerate(cohort.person_id.tolist()):
        ev: list[dict[str, object]] = []
        if cohort.registered[i]:
            ev.append({"table": "persons", "id": pid, "at": None, "why": "registered_there"})
        if cohort.first_scan[i] >= 0:
            ev.append({"table": "scans", "id": int(cohort.first_scan[i]), "at": int(cohort.link_at[i]), "why": "scanned_there"})
        if cls[i] == 0:
            ev.append({"table": q.RECORD_TABLES[table[i]][0], "id": int(rid[i]), "at": int(at[i]), "why": "county_record"})
        elif cls[i] == 1:
            ev.append({"table": "persons", "id": pid, "at": int(declared[i]), "why": "declared_return"})
        elif recent[i]:
            ev.append({"table": "scans", "id": int(cohort.last_scan[i]), "at": int(cohort.last_there[i]), "why": "last_seen_there"})
        evidence.append(ev)
    shown = np.flatnonzero(visible_people(store, cohort.person_id))  # a unit operator screens its own people
    people, evidence = cohort.person_id[shown], [evidence[i] for i in shown.tolist()]
    grids = home_grids(store, people)["grid_id"]
    masked = masked_ids(store, people)
    return Screening(area.label, since, until, people, cls[shown].astype(np.int64), grids, unit_codes_by_level(store, grids),
                     np.array([masked[p] for p in people.tolist()], dtype=object), evidence)
