"""``generate_store``: build the demo county for a scale and seed into a new store, all or nothing.

SQLite stores are written to a side file and renamed into place when complete; PostgreSQL stores are
loaded in one transaction. Either way a failed or cancelled run leaves the previous store untouched.
Identity numbers are hashed under a fresh random key per store (or ``$JINGKONG_ID_KEY``), kept beside the
store once it is in place: everything else in the store depends on the seed alone.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import shapely
from sqlalchemy import Connection

from app.domain.admin import Level
from app.domain.errors import Cancelled
from app.domain.people import PersonKind
from app.store import geopackage
from app.store.bulk import bulk_insert, deferred_constraints
from app.store.demo import records, scenarios
from app.store.demo.camera_history import camera_history
from app.store.demo.geography import SCHEMATIC_NOTE, Geography, build_geography, to_geographic
from app.store.demo.infrastructure import build_infrastructure
from app.store.demo.people import CITIES, OUTBREAK_CITY_ID, People, generate_people
from app.store.demo.scale import OUTBREAK_CITY, OUTBREAK_SINCE, PERIOD_END, PERIOD_START, SCALES, Scale
from app.store.geometry import encode_many
from app.store.identity_key import FINGERPRINT_META, IdentityKey, install_key, new_store_key
from app.store.side_file import written_aside
from app.store.store import Store, create_schema, resolve_url, sqlite_path
from app.store.tables import RECORD_TABLES
from app.timebase import to_seconds

# progress(fraction, stage): stage is one of STAGES, "writing" as "writing:<table>".
Progress = Callable[[float, str], None]
STAGES = ("geography", "people", "records", "writing", "indexes", "done")
HOUSEHOLD_SIZE = 3.4  # people per household, on average


@dataclass
class GenerationReport:
    store: str
    scale: str
    seed: int
    seconds: float
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def records_total(self) -> int:
        return sum(n for t, n in self.rows.items() if t in RECORD_TABLES)


class _Writer:
    """Loads tables into one connection, reporting progress and honouring cancellation."""

    def __init__(self, conn: Connection, total_rows: int, progress: Progress, should_cancel: Callable[[], bool]) -> None:
        self.conn, self.total, self.done = conn, max(total_rows, 1), 0
        self.progress, self.should_cancel = progress, should_cancel
        self.rows: dict[str, int] = {}

    def write(self, table: str, columns: dict[str, np.ndarray], geoms: np.ndarray | None = None) -> None:
        if self.should_cancel():
            raise Cancelled()
        if geoms is not None:
            columns = {**columns, "geom": encode_many(self.conn.dialect.name, geoms)}
        n = bulk_insert(self.conn, table, columns)
        self.rows[table] = self.rows.get(table, 0) + n
        self.done += n
        self.progress(0.25 + 0.7 * min(self.done / self.total, 1.0), f"writing:{table}")


def _concat(parts: list[dict[str, np.ndarray]], order_by: str) -> dict[str, np.ndarray]:
    merged = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    order = np.argsort(merged[order_by], kind="stable")
    return {k: v[order] for k, v in merged.items()}


def _admin_columns(geo: Geography, people: People) -> tuple[dict[str, np.ndarray], np.ndarray]:
    n = len(geo.level)
    parent = np.asarray(geo.parent)
    kinds = people.columns["kind"]
    home = people.home_grid_row
    in_county = (home >= 0) & (kinds != PersonKind.NATIVE_ELSEWHERE)
    population = np.bincount(home[in_county], minlength=n)
    # Households by construction: the people of a grid live in ceil(people / 3.4) households, so every grid with
    # people has at least one, none is empty, and a unit's households are the sum of its grids'.
    households = np.ceil(population / HOUSEHOLD_SIZE).astype(np.int64)
    households[np.asarray(geo.level) != Level.GRID] = 0
    # Roll grid counts up: grids -> villages -> towns -> county (parents always precede children).
    for level in (Level.GRID, Level.VILLAGE, Level.TOWN):
        rows = geo.indices(level)
        np.add.at(population, parent[rows], population[rows])
        np.add.at(households, parent[rows], households[rows])
    projected = np.asarray(geo.geoms, dtype=object)
    return {
        "id": np.arange(1, n + 1),
        "level": np.asarray(geo.level),
        "code": np.asarray(geo.code, dtype=object),
        "parent_id": np.where(parent >= 0, parent + 1, None).astype(object),
        "name_zh": np.asarray(geo.name_zh, dtype=object),
        "name_pinyin": np.asarray(geo.name_pinyin, dtype=object),
        "kind": np.asarray(geo.kind, dtype=object),
        "terrain": np.asarray(geo.terrain, dtype=object),
        "population": population,
        "households": households,
        "area_km2": np.round(shapely.area(projected) / 1e6, 6),
    }, to_geographic(projected)


def generate_store(db: str | os.PathLike[str] | None, scale: str = "small", seed: int = 1,
                   progress: Progress | None = None, should_cancel: Callable[[], bool] | None = None) -> GenerationReport:
    """Generate the demo county into ``db`` (path or URL), replacing what is there only on success."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r} (choose {', '.join(SCALES)})")
    progress = progress or (lambda _f, _m: None)
    should_cancel = should_cancel or (lambda: False)
    started = time.perf_counter()
    url = resolve_url(db)
    target = sqlite_path(url)
    key = new_store_key(url)
    with written_aside(url) as store:
        rows = _generate_into(store, SCALES[scale], seed, key, progress, should_cancel)
    install_key(url, key)
    progress(1.0, "done")
    return GenerationReport(str(target) if target else url, scale, seed, time.perf_counter() - started, rows)


def random_streams(seed: int) -> list[np.random.Generator]:
    """Independent generators per stage, so changing one stage does not reshuffle the others."""
    return [np.random.default_rng(s) for s in np.random.SeedSequence([seed, 1]).spawn(6)]


def _generate_into(store: Store, scale: Scale, seed: int, key: IdentityKey, progress: Progress,
                   should_cancel: Callable[[], bool]) -> dict[str, int]:
    streams = random_streams(seed)
    progress(0.0, "geography")
    geo = build_geography(seed)
    if should_cancel():
        raise Cancelled()
    progress(0.08, "people")
    people = generate_people(streams[0], geo, scale)
    infra = build_infrastructure(streams[1], geo)
    if should_cancel():
        raise Cancelled()
    progress(0.15, "records")
    scans_parts = [records.venue_scans(streams[2], people, infra, scale.venue_scans),
                   records.checkpoint_scans(streams[2], people, infra, scale.checkpoint_scans)]
    rng = streams[5]
    visits = records.clinic_visits(rng, people, infra, scale.clinic_visits)
    purchases = records.purchases(rng, people, infra, scale.purchases)
    sample_parts = [records.samples(streams[3], people, infra, scale, purchases, visits)]
    planted = scenarios.plant(streams[4], people, infra, scale)
    tables: list[tuple[str, dict[str, np.ndarray], np.ndarray | None]] = []
    admin, admin_geoms = _admin_columns(geo, people)
    tables.append(("admin_units", admin, admin_geoms))
    tables.append(("grid_leaders", infra.grid_leaders.columns, None))
    tables.append(("cities", _cities(), None))
    tables.append(("risk_areas", {"id": np.array([1]), "city_id": np.array([OUTBREAK_CITY_ID]), "level": np.array([2]),
                                  "since_at": np.array([to_seconds(OUTBREAK_SINCE)]), "until_at": np.array([None], object)}, None))
    id_hash = np.array([key.hash(n) for n in people.clear_ids.tolist()], dtype=object)
    tables.append(("persons", {**people.columns, "id_hash": id_hash}, None))
    for name, table in (("places", infra.places), ("cameras", infra.cameras), ("facilities", infra.facilities)):
        tables.append((name, table.columns, table.geoms_projected))
    cams = infra.cameras.columns
    tables.append(("camera_status_events", camera_history(seed, cams["id"], cams["status"]), None))
    if should_cancel():
        raise Cancelled()
    tables.append(("scans", _concat(scans_parts + planted.scans, "at"), None))
    tables.append(("test_samples", _concat(sample_parts + planted.samples, "sampled_at"), None))
    tables.append(("vaccinations", _concat([records.vaccinations(rng, people, infra)], "at"), None))
    tables.append(("quarantine_orders", _concat(planted.quarantine, "start_at"), None))
    tables.append(("transfers", _concat(planted.transfers, "pickup_at"), None))
    tables.append(("clinic_visits", _concat([visits], "at"), None))
    tables.append(("pharmacy_purchases", _concat([purchases], "at"), None))
    progress(0.25, "writing")
    meta = {
        "scale": scale.name, "seed": str(seed), "period_start": PERIOD_START.isoformat(), "period_end": PERIOD_END.isoformat(),
        "outbreak_city": OUTBREAK_CITY, "outline": SCHEMATIC_NOTE, "generator": "jingkong demo",
        FINGERPRINT_META: key.fingerprint, **planted.meta,
    }
    with store.engine.begin() as conn:  # a new file no one else has open: no write lock to queue for
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA synchronous = OFF")
        create_schema(conn, meta)
        writer = _Writer(conn, sum(len(next(iter(c.values()))) for _, c, _ in tables), progress, should_cancel)
        with deferred_constraints(conn, [name for name, _, _ in tables]):  # keys and indexes built after the load
            for name, columns, geoms in tables:
                writer.write(name, columns, geoms)
            progress(0.96, "indexes")
        if conn.dialect.name == "sqlite":
            geopackage.update_extents(conn)  # of the feature tables and of the level views over admin_units
    return writer.rows


def _cities() -> dict[str, np.ndarray]:
    return {"id": np.arange(1, len(CITIES) + 1), "name_zh": np.array([c[0] for c in CITIES], dtype=object),
            "name_pinyin": np.array([c[1] for c in CITIES], dtype=object), "province": np.array([c[2] for c in CITIES], dtype=object)}

