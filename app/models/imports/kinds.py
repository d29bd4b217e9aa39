"""The kinds of department file Jingkong imports: which fields each has (required or not), how a checked row
becomes a record of its table, and how a record already in the store is recognised.

Entities other records refer to carry a source key (persons their identity number, hashed; places, cameras and
facilities their code); events are recognised by what they say (the same person, time, place…), so a file
exported twice, or re-sent with new rows added, adds only what is new.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import shapely

from app.domain.errors import InputError
from app.domain.facilities import FacilityKind
from app.domain.places import PlaceKind
from app.domain.quarantine import QuarantineKind
from app.models import inputs
from app.models.imports.fields import F, Field
from app.models.imports.lookups import Lookups
from app.models.imports.problems import RowProblem
from app.store.masking import mask_identity
from app.store.tables.places import CHECKPOINT_CATEGORIES
from app.timebase import day_number


@dataclass
class Built:
    """A checked row as its table's columns; ``person`` is the identity hash to resolve (events), ``key`` the
    source key (entities), ``natural`` the columns that tell an event apart (after ``person_id`` is known)."""

    columns: dict[str, object]
    person: str | None = None
    key: str | None = None


Build = Callable[[dict[str, object], Lookups], Built]


@dataclass(frozen=True)
class Kind:
    name: str
    zh: str
    en: str
    table: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    build: Build
    unique_column: str | None = None  # an entity recognised by a unique column of its table (else by source key)
    natural: tuple[str, ...] = ()  # an event: person, time, then the rest
    depends: tuple[str, ...] = field(default=())  # kinds to import first

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(F[n] for n in (*self.required, *self.optional))

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def _point(values: dict[str, object], lookups: Lookups) -> tuple[shapely.Point, int | None]:
    """The row's point (a point geometry, else longitude and latitude) inside the county, and its grid."""
    geom = values.get("geometry")
    if isinstance(geom, shapely.Geometry) and not geom.is_empty:
        if geom.geom_type == "MultiPoint" and len(geom.geoms) == 1:
            geom = geom.geoms[0]
        if geom.geom_type != "Point":
            raise RowProblem(F["geometry"], geom.geom_type, "invalid",
                             InputError("", "wrong_geometry", allowed="Point", kind=geom.geom_type))
        lon, lat = geom.x, geom.y
    elif values.get("lon") is not None and values.get("lat") is not None:
        lon, lat = values["lon"], values["lat"]
    else:
        raise RowProblem(None, "", "no_point")
    try:
        point = inputs.point_inside(lon, lat, "lon/lat", lookups.county, lookups.county_name)
    except inputs.InputError:
        raise RowProblem(F["lon"], f"{lon}, {lat}", "outside") from None
    return point, lookups.grid_of(point)


def _facility(values: dict[str, object], field: str, lookups: Lookups, kinds: tuple[FacilityKind, ...]) -> int:
    code = str(values[field])
    found = lookups.facilities.get(code)
    if found is None or found[1] not in kinds:
        raise RowProblem(F[field], code, "unknown_facility")
    return found[0]


def _city(values: dict[str, object], field: str, lookups: Lookups) -> int | None:
    name = str(values.get(field) or "")
    if not name:
        return None
    city = lookups.cities.get(name) or lookups.cities.get(name.lower())
    if city is None:
        raise RowProblem(F[field], name, "unknown_city")
    return city


def _person(values: dict[str, object], lookups: Lookups) -> str:
    return lookups.hash(str(values["id_number"]))  # remembered: a person's many records hash once


def build_person(v: dict[str, object], lookups: Lookups) -> Built:
    number = str(v["id_number"])
    born, sex = inputs.identity_birth_day(number), inputs.identity_sex(number)
    if v.get("birth_day") is not None and v["birth_day"] != born:
        raise RowProblem(F["birth_day"], v["birth_day"], "birth_mismatch")
    if v.get("sex") is not None and v["sex"] != sex:
        raise RowProblem(F["sex"], v["sex"], "sex_mismatch")
    grid = None
    if v.get("grid_code"):
        grid = lookups.grid_codes.get(str(v["grid_code"]))
        if grid is None:
            raise RowProblem(F["grid_code"], v["grid_code"], "unknown_grid")
    h = lookups.hash(number)
    return Built({"kind": int(v["person_kind"]), "id_hash": h, "id_masked": mask_identity(number), "name": v["name"],
                  "sex": sex, "birth_day": day_number(born), "occupation": v["occupation"],
                  "health_code": v["health_code"], "phone_masked": v["phone"], "home_grid_id": grid,
                  "current_city_id": _city(v, "current_city", lookups), "declared_return_at": None}, key=h)


def build_place(v: dict[str, object], lookups: Lookups) -> Built:
    point, grid = _point(v, lookups)
    category = str(v["category"] or "other")
    kind = PlaceKind.CHECKPOINT if category in CHECKPOINT_CATEGORIES else PlaceKind.VENUE
    return Built({"kind": int(kind), "category": category, "name": v["place_name"], "grid_id": grid,
                  "city_id": lookups.home_city, "geom": point}, key=str(v["code"]))


def build_camera(v: dict[str, object], lookups: Lookups) -> Built:
    point, grid = _point(v, lookups)
    return Built({"code": v["code"], "name": v["place_name"], "kind": v["camera_kind"], "status": v["status"],
                  "stream_url": v["stream_url"], "grid_id": grid, "geom": point}, key=str(v["code"]))


def facility_builder(default: FacilityKind | None) -> Build:
    def build(v: dict[str, object], lookups: Lookups) -> Built:
        kind = v.get("facility_kind")
        if kind is None:
            if default is None:
                raise RowProblem(F["facility_kind"], "", "missing")
            kind = default
        point, grid = _point(v, lookups)
        return Built({"kind": int(kind), "name": v["place_name"], "capacity": v["capacity"],
                      "fever_clinic": bool(v["fever_clinic"]), "grid_id": grid, "geom": point}, key=str(v["code"]))

    return build


def build_scan(v: dict[str, object], lookups: Lookups) -> Built:
    place = lookups.places.get(str(v["place_code"]))
    if place is None:
        raise RowProblem(F["place_code"], v["place_code"], "unknown_place")
    return Built({"person_id": None, "place_id": place, "at": v["at"], "direction": v["direction"],
                  "from_city_id": _city(v, "from_city", lookups)}, _person(v, lookups))


def build_sample(v: dict[str, object], lookups: Lookups) -> Built:
    sampled, reported, result = v["sampled_at"], v.get("reported_at"), v.get("result")
    if reported is not None and reported < sampled:
        raise RowProblem(F["reported_at"], v["reported_at"], "report_before_sample")
    if result is not None and reported is None:
        reported = sampled  # a result without a report time: known no later than it is read
    site = _facility(v, "site_code", lookups, (FacilityKind.TEST_SITE, FacilityKind.LAB))
    return Built({"person_id": None, "site_id": site, "sampled_at": sampled,
                  "reported_at": reported if result is not None else None, "result": result}, _person(v, lookups))


def build_vaccination(v: dict[str, object], lookups: Lookups) -> Built:
    site = _facility(v, "site_code", lookups, (FacilityKind.VACCINATION_SITE, FacilityKind.CLINIC))
    return Built({"person_id": None, "dose": v["dose"], "vaccine": v["vaccine"], "at": v["at"], "site_id": site},
                 _person(v, lookups))


def build_quarantine(v: dict[str, object], lookups: Lookups) -> Built:
    if v["end_at"] < v["start_at"]:
        raise RowProblem(F["end_at"], v["end_at"], "end_before_start")
    facility = None
    if v.get("facility_code"):
        facility = _facility(v, "facility_code", lookups, (FacilityKind.QUARANTINE_HOTEL,))
    elif v["quarantine_kind"] == QuarantineKind.CENTRALISED:
        raise RowProblem(F["facility_code"], "", "needs_facility")
    return Built({"person_id": None, "kind": v["quarantine_kind"], "reason": v["reason"], "facility_id": facility,
                  "start_at": v["start_at"], "end_at": v["end_at"]}, _person(v, lookups))


def build_visit(v: dict[str, object], lookups: Lookups) -> Built:
    facility = _facility(v, "facility_code", lookups, (FacilityKind.CLINIC,))
    return Built({"person_id": None, "facility_id": facility, "at": v["at"], "fever_clinic": bool(v["fever_clinic"]),
                  "diagnosis": v["diagnosis"]}, _person(v, lookups))


def build_purchase(v: dict[str, object], lookups: Lookups) -> Built:
    facility = _facility(v, "facility_code", lookups, (FacilityKind.PHARMACY,))
    return Built({"person_id": None, "facility_id": facility, "at": v["at"], "drug": v["drug"],
                  "quantity": v["quantity"]}, _person(v, lookups))


_POINT = ("lon", "lat", "geometry")
_FACILITY = ("capacity", "fever_clinic", *_POINT)
KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("persons", "人员", "persons", "persons", ("id_number", "name"),
         ("sex", "birth_day", "person_kind", "phone", "grid_code", "occupation", "health_code", "current_city"),
         build_person, unique_column="id_hash"),
    Kind("places", "场所与卡口", "places and checkpoints", "places", ("code", "place_name"), ("category", *_POINT),
         build_place),
    Kind("cameras", "摄像头", "cameras", "cameras", ("code", "place_name"),
         ("camera_kind", "status", "stream_url", *_POINT), build_camera, unique_column="code"),
    Kind("facilities", "机构点位", "facilities", "facilities", ("code", "place_name", "facility_kind"), _FACILITY,
         facility_builder(None)),
    Kind("test_sites", "核酸采样点", "test sites", "facilities", ("code", "place_name"), ("facility_kind", *_FACILITY),
         facility_builder(FacilityKind.TEST_SITE)),
    Kind("quarantine_facilities", "隔离点", "quarantine facilities", "facilities", ("code", "place_name"),
         ("facility_kind", *_FACILITY), facility_builder(FacilityKind.QUARANTINE_HOTEL)),
    Kind("scans", "扫码记录", "scans", "scans", ("id_number", "place_code", "at"), ("direction", "from_city"),
         build_scan, natural=("person_id", "at", "place_id", "direction"), depends=("persons", "places")),
    Kind("test_samples", "核酸检测", "test samples", "test_samples", ("id_number", "site_code", "sampled_at"),
         ("reported_at", "result"), build_sample, natural=("person_id", "sampled_at", "site_id"),
         depends=("persons", "test_sites")),
    Kind("vaccinations", "疫苗接种", "vaccinations", "vaccinations", ("id_number", "dose", "vaccine", "at", "site_code"),
         (), build_vaccination, natural=("person_id", "at", "dose"), depends=("persons", "facilities")),
    Kind("quarantine_orders", "隔离管控", "quarantine orders", "quarantine_orders",
         ("id_number", "quarantine_kind", "start_at", "end_at"), ("reason", "facility_code"), build_quarantine,
         natural=("person_id", "start_at", "kind"), depends=("persons", "quarantine_facilities")),
    Kind("clinic_visits", "就诊记录", "clinic visits", "clinic_visits", ("id_number", "facility_code", "at"),
         ("fever_clinic", "diagnosis"), build_visit, natural=("person_id", "at", "facility_id"),
         depends=("persons", "facilities")),
    Kind("pharmacy_purchases", "购药记录", "pharmacy purchases", "pharmacy_purchases",
         ("id_number", "facility_code", "at", "drug"), ("quantity",), build_purchase,
         natural=("person_id", "at", "facility_id", "drug"), depends=("persons", "facilities")),
)}
BOUNDARIES = "boundaries"
KIND_NAMES = (BOUNDARIES, *KINDS)
