"""Small factories that build stores whose right answers are known by construction.

``World.create(path_or_url)`` makes an empty store with a tiny hierarchy laid out on a 4 × 4 km square
near Yueqing (EPSG:4490 degrees):

    county 330382 ── towns 330382001 (west half), 330382002 (east half)
       each town ── villages <town>001 (south), <town>002 (north)
          each village ── grids <village>001 (west), <village>002 (east)

so 1 county, 2 towns, 4 villages, 8 grids. Then ``add_*`` methods insert rows and return their ids.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import shapely
from sqlalchemy import insert

from app.domain.admin import Level
from app.domain.facilities import FacilityKind
from app.domain.people import PersonKind
from app.domain.places import PlaceKind
from app.store import Store
from app.store.identity_key import FINGERPRINT_META, IdentityKey
from app.store.masking import mask_identity
from app.store.queries.camera_status import record_status
from app.store.store import create_schema, resolve_url
from app.store.tables.admin import AdminUnit, GridLeader
from app.store.tables.cameras import Camera
from app.store.tables.facilities import Facility
from app.store.tables.health import ClinicVisit, PharmacyPurchase
from app.store.tables.persons import City, Person, RiskArea
from app.store.tables.places import Place, Scan
from app.store.tables.quarantine import QuarantineOrder, Transfer
from app.store.tables.testing import TestSample
from app.store.tables.vaccination import Vaccination
from app.timebase import day_number, to_seconds

X0, Y0 = 120.90, 28.10  # south-west corner of the test county
STEP = 0.01  # a grid is 0.01° wide


def at(text: str) -> int:
    """Unix seconds of a CST time written ``YYYY-MM-DD HH:MM``."""
    return to_seconds(dt.datetime.fromisoformat(text))


class Clock:
    """A clock the test moves by hand (``clock.now += 3600``); call it for Unix seconds."""

    def __init__(self, now: int) -> None:
        self.now = now

    def __call__(self) -> int:
        return self.now


class World:
    """A test store plus the ids of its units by code."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.unit_ids: dict[str, int] = {}
        self.home_city_id = 0
        self._n_person = 0
        self.key = IdentityKey.generate("the test world")

    @classmethod
    def create(cls, db: str | Path, period: tuple[str, str] = ("2022-03-01", "2022-03-31")) -> World:
        world = cls(Store.connect_new(resolve_url(db)))
        with world.store.begin() as conn:
            create_schema(conn, {"scale": "test", "seed": "0", "period_start": period[0], "period_end": period[1],
                                 FINGERPRINT_META: world.key.fingerprint})
        world._build_hierarchy()
        world.home_city_id = world.add_city("乐清", "Yueqing", "浙江")
        return world

    # --- admin hierarchy -------------------------------------------------------------------------
    def _insert_unit(self, level: Level, code: str, parent: str | None, box: tuple[float, float, float, float], population: int) -> None:
        geom = shapely.MultiPolygon([shapely.box(*box)])
        with self.store.begin() as conn:
            uid = conn.execute(insert(AdminUnit).values(
                level=int(level), code=code, parent_id=self.unit_ids.get(parent) if parent else None,
                name_zh=f"单元{code[-3:]}" if level else "测试县", name_pinyin=f"Unit {code}", kind=None, terrain="plain",
                population=population, households=population // 3, area_km2=1.0, geom=geom,
            )).inserted_primary_key[0]
            if level == Level.GRID:
                conn.execute(insert(GridLeader).values(grid_id=uid, name=f"网格长{code[-4:]}", phone_masked="138****0000"))
        self.unit_ids[code] = uid

    def _build_hierarchy(self) -> None:
        self._insert_unit(Level.COUNTY, "330382", None, (X0, Y0, X0 + 4 * STEP, Y0 + 4 * STEP), 800)
        for t in range(2):
            town = f"330382{t + 1:03d}"
            self._insert_unit(Level.TOWN, town, "330382", (X0 + 2 * t * STEP, Y0, X0 + 2 * (t + 1) * STEP, Y0 + 4 * STEP), 400)
            for v in range(2):
                village = f"{town}{v + 1:03d}"
                vx, vy = X0 + 2 * t * STEP, Y0 + 2 * v * STEP
                self._insert_unit(Level.VILLAGE, village, town, (vx, vy, vx + 2 * STEP, vy + 2 * STEP), 200)
                for g in range(2):
                    self._insert_unit(Level.GRID, f"{village}{g + 1:03d}", village,
                                      (vx + g * STEP, vy, vx + (g + 1) * STEP, vy + 2 * STEP), 100)

    def grid_codes(self) -> list[str]:
        return sorted(c for c in self.unit_ids if len(c) == 15)

    def grid_center(self, code: str) -> tuple[float, float]:
        """A point inside a grid (its centre)."""
        t, v, g = int(code[6:9]) - 1, int(code[9:12]) - 1, int(code[12:15]) - 1
        return X0 + (2 * t + g + 0.5) * STEP, Y0 + (2 * v + 1) * STEP

    # --- rows -------------------------------------------------------------------------------------
    def _add(self, table, **values) -> int:  # noqa: ANN001
        with self.store.begin() as conn:
            return conn.execute(insert(table).values(**values)).inserted_primary_key[0]

    def add_city(self, name_zh: str, name_pinyin: str = "", province: str = "") -> int:
        return self._add(City, name_zh=name_zh, name_pinyin=name_pinyin or name_zh, province=province or "")

    def add_risk_area(self, city_id: int, since: str, until: str | None = None, level: int = 2) -> int:
        return self._add(RiskArea, city_id=city_id, level=level, since_at=at(since), until_at=at(until) if until else None)

    def add_person(self, grid: str | None = "330382001001001", *, kind: PersonKind = PersonKind.RESIDENT,
                   born: str = "1980-06-01", sex: int = 1, occupation: int = 0, health_code: int = 0,
                   city_id: int | None = None, declared_return: str | None = None) -> int:
        self._n_person += 1
        fake_id = f"33038219800601{self._n_person:04d}"
        return self._add(
            Person, kind=int(kind), id_hash=self.key.hash(fake_id), id_masked=mask_identity(fake_id),
            name=f"测试{self._n_person}", sex=sex,
            birth_day=day_number(dt.date.fromisoformat(born)), occupation=occupation, health_code=health_code,
            phone_masked="139****0000", home_grid_id=self.unit_ids[grid] if grid else None,
            current_city_id=city_id, declared_return_at=at(declared_return) if declared_return else None,
        )

    def add_place(self, grid: str | None = "330382001001001", *, kind: PlaceKind = PlaceKind.VENUE,
                  category: str = "market", name: str = "", city_id: int | None = None,
                  xy: tuple[float, float] | None = None) -> int:
        x, y = xy or (self.grid_center(grid) if grid else (121.47, 31.23))
        return self._add(Place, kind=int(kind), category=category, name=name or f"{category}@{grid}",
                         grid_id=self.unit_ids[grid] if grid else None, city_id=city_id or self.home_city_id,
                         geom=shapely.Point(x, y))

    def add_scan(self, person: int, place: int, when: str, *, direction: int = 0, from_city: int | None = None) -> int:
        return self._add(Scan, person_id=person, place_id=place, at=at(when), direction=direction, from_city_id=from_city)

    def add_facility(self, kind: FacilityKind, grid: str = "330382001001001", *, capacity: int = 0,
                     fever_clinic: bool = False, name: str = "") -> int:
        return self._add(Facility, kind=int(kind), name=name or f"{kind.name.lower()}@{grid}", capacity=capacity,
                         fever_clinic=fever_clinic, grid_id=self.unit_ids[grid], geom=shapely.Point(*self.grid_center(grid)))

    def add_camera(self, grid: str, *, code: str, status: int = 0, kind: int = 0, url: str = "rtsp://127.0.0.1/live",
                   xy: tuple[float, float] | None = None) -> int:
        return self._add(Camera, code=code, name=f"摄像头{code}", kind=kind, status=status, stream_url=url,
                         grid_id=self.unit_ids[grid], geom=shapely.Point(*(xy or self.grid_center(grid))))

    def set_camera_status(self, camera: int, status: int, when: str, source: str = "test") -> None:
        """Record a change of a camera's status at ``when`` (as every writer does: the event, and the status now)."""
        with self.store.begin() as conn:
            record_status(conn, [(camera, at(when), status)], source)

    def add_sample(self, person: int, site: int, when: str, *, result: int | None = 0, reported: str | None = None) -> int:
        sampled = at(when)
        reported_at = at(reported) if reported else (sampled + 8 * 3600 if result is not None else None)
        return self._add(TestSample, person_id=person, site_id=site, sampled_at=sampled, reported_at=reported_at, result=result)

    def add_vaccination(self, person: int, dose: int, when: str, site: int, vaccine: int = 0) -> int:
        return self._add(Vaccination, person_id=person, dose=dose, vaccine=vaccine, at=at(when), site_id=site)

    def add_quarantine(self, person: int, start: str, end: str, *, kind: int = 1, reason: int = 0, facility: int | None = None) -> int:
        return self._add(QuarantineOrder, person_id=person, kind=kind, reason=reason, facility_id=facility,
                         start_at=at(start), end_at=at(end))

    def add_transfer(self, person: int, facility: int, pickup: str, arrival: str | None = None, vehicle: str = "浙C·12345") -> int:
        return self._add(Transfer, person_id=person, facility_id=facility, vehicle=vehicle, origin="home",
                         pickup_at=at(pickup), arrival_at=at(arrival) if arrival else None)

    def add_clinic_visit(self, person: int, facility: int, when: str, *, fever_clinic: bool = False, diagnosis: int = 0) -> int:
        return self._add(ClinicVisit, person_id=person, facility_id=facility, at=at(when), fever_clinic=fever_clinic, diagnosis=diagnosis)

    def add_purchase(self, person: int, facility: int, when: str, *, drug: int = 0, quantity: int = 1) -> int:
        return self._add(PharmacyPurchase, person_id=person, facility_id=facility, at=at(when), drug=drug, quantity=quantity)
