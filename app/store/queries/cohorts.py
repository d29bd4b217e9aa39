"""Reads for cohort screening: the area's people (register and scans there) and every record of a cohort."""

from __future__ import annotations

import numpy as np
from sqlalchemy import text

from app.domain.people import PersonKind
from app.domain.places import Direction, PlaceKind
from app.store.queries.arrays import fetch_ints, fetch_ints_for
from app.store.store import Store

Arrays = dict[str, np.ndarray]
COUNTY_CITY_ID = 1  # the cities row of the county itself (see app.store.tables.persons.City)

# Records that place a person in the county at a time: (table, time column, where they happened).
RECORD_TABLES = (
    ("scans", "at", "place_id"),
    ("test_samples", "sampled_at", "site_id"),
    ("clinic_visits", "at", "facility_id"),
    ("pharmacy_purchases", "at", "facility_id"),
    ("vaccinations", "at", "site_id"),
    ("quarantine_orders", "start_at", "COALESCE(facility_id, -1)"),
)


def city_names(store: Store) -> list[str]:
    """Names of the cities outside the county, for choosing a screening area."""
    with store.engine.connect() as conn:
        return list(conn.execute(text("SELECT name_zh FROM cities WHERE id != :home ORDER BY name_zh"),
                                 {"home": COUNTY_CITY_ID}).scalars())


def city_by_name(store: Store, name: str) -> int | None:
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT id FROM cities WHERE name_zh = :n OR name_pinyin = :n"), {"n": name}).scalar()


def risk_since(store: Store, city_id: int) -> int | None:
    """When the city first became a risk area (None if it never did)."""
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT MIN(since_at) FROM risk_areas WHERE city_id = :c"), {"c": city_id}).scalar()


def registered_in(store: Store, city_id: int) -> np.ndarray:
    """Natives living elsewhere whose register names the city."""
    with store.engine.connect() as conn:
        return fetch_ints(conn, "SELECT id FROM persons WHERE kind = :k AND current_city_id = :c", ("id",),
                          {"k": int(PersonKind.NATIVE_ELSEWHERE), "c": city_id})["id"]


def places_of_city(store: Store, city_id: int) -> np.ndarray:
    with store.engine.connect() as conn:
        return fetch_ints(conn, "SELECT id FROM places WHERE city_id = :c", ("id",), {"c": city_id})["id"]


def scans_at_places(store: Store, place_ids: np.ndarray, since: int, until: int) -> Arrays:
    return fetch_ints_for(store, "SELECT id, person_id, at FROM scans WHERE place_id IN :ids AND at BETWEEN :since AND :until",
                          ("id", "person_id", "at"), place_ids, {"since": since, "until": until})


def arrivals_from(store: Store, city_id: int, since: int, until: int) -> Arrays:
    """Inbound checkpoint scans coming from the city."""
    with store.engine.connect() as conn:
        return fetch_ints(conn, "SELECT id, person_id, at FROM scans WHERE place_id IN "
                                "(SELECT id FROM places WHERE kind = :cp) AND direction = :inb AND from_city_id = :c "
                                "AND at BETWEEN :since AND :until", ("id", "person_id", "at"),
                          {"cp": int(PlaceKind.CHECKPOINT), "inb": int(Direction.INBOUND), "c": city_id,
                           "since": since, "until": until})


def declarations(store: Store, person_ids: np.ndarray) -> Arrays:
    """person_id, declared_return_at (-1: none), sorted by person."""
    out = fetch_ints_for(store, "SELECT id, COALESCE(declared_return_at, -1) FROM persons WHERE id IN :ids",
                         ("person_id", "declared_at"), person_ids)
    order = np.argsort(out["person_id"])
    return {k: v[order] for k, v in out.items()}


def first_county_records(store: Store, person_ids: np.ndarray, link_at: np.ndarray, until: int,
                         area_places: np.ndarray, area_facilities: np.ndarray) -> dict[str, Arrays]:
    """Each record table's earliest row per person (id, person_id, at) at or after that person's ``link_at`` and up
    to ``until``, that puts them in the county: scans at county places outside ``area_places``, other records at a
    facility outside ``area_facilities``. Ties at one time go to the smaller id.

    Only the one row per person and table leaves the database, not every record of the cohort: on PostgreSQL the
    cohort goes in as two arrays (one round trip per table, each person's first row found by one index probe);
    SQLite reads the cohort's rows in its own process and keeps the earliest."""
    order = np.argsort(person_ids, kind="stable")
    ids, links = np.asarray(person_ids, np.int64)[order], np.asarray(link_at, np.int64)[order]
    if store.engine.dialect.name == "postgresql":
        return _first_in_database(store, ids, links, until, area_places, area_facilities)
    since = int(links.min()) if len(links) else until
    county = np.setdiff1d(county_places(store), area_places)
    out = {}
    for table, at, where in RECORD_TABLES:
        rows = fetch_ints_for(store, f"SELECT id, person_id, {at}, {where} FROM {table} "
                                     f"WHERE person_id IN :ids AND {at} BETWEEN :since AND :until",
                              ("id", "person_id", "at", "where"), ids, {"since": since, "until": until})
        ok = np.isin(rows["where"], county) if table == "scans" else ~np.isin(rows["where"], area_facilities)
        ok &= rows["at"] >= links[np.searchsorted(ids, rows["person_id"])]
        rows = {k: rows[k][ok] for k in ("id", "person_id", "at")}
        first = np.lexsort((rows["id"], rows["at"], rows["person_id"]))
        who = rows["person_id"][first]
        head = first[np.r_[True, who[1:] != who[:-1]]] if len(who) else first
        out[table] = {k: v[head] for k, v in rows.items()}
    return out


def _first_in_database(store: Store, ids: np.ndarray, links: np.ndarray, until: int,
                       area_places: np.ndarray, area_facilities: np.ndarray) -> dict[str, Arrays]:
    params = {"ids": ids.tolist(), "links": links.tolist(), "since": int(links.min()) if len(links) else until,
              "until": until, "home": COUNTY_CITY_ID, "area_places": np.asarray(area_places, np.int64).tolist(),
              "area_facilities": np.asarray(area_facilities, np.int64).tolist()}
    out = {}
    with store.engine.connect() as conn:
        for table, at, where in RECORD_TABLES:
            in_county = (f"{where} IN (SELECT id FROM places WHERE city_id = :home) "
                         f"AND NOT ({where} = ANY(CAST(:area_places AS bigint[])))" if table == "scans"
                         else f"NOT ({where} = ANY(CAST(:area_facilities AS bigint[])))")
            # A read of the (person_id, time) index per cohort person (OFFSET 0 keeps the LATERAL from being
            # flattened): a plain join, planned on the unnest's guessed size, hashed whole months of clinic visits
            # and spilled to disk; with ORDER BY … LIMIT 1 inside, the planner walked quarantine orders by start time
            # for every person. The since/until bounds on the time column let it skip months' partitions.
            out[table] = fetch_ints(conn, f"SELECT DISTINCT ON (c.person_id) r.id, c.person_id, r.at FROM "
                                          f"unnest(CAST(:ids AS bigint[]), CAST(:links AS bigint[])) AS c(person_id, link_at) "
                                          f"CROSS JOIN LATERAL (SELECT id, {at} AS at FROM {table} "
                                          f"WHERE person_id = c.person_id AND {at} >= c.link_at "
                                          f"AND {at} BETWEEN :since AND :until AND {in_county} OFFSET 0) AS r "
                                          f"ORDER BY c.person_id, r.at, r.id", ("id", "person_id", "at"), params)
    return out


def county_places(store: Store) -> np.ndarray:
    """Ids of places in the county (checkpoints included)."""
    with store.engine.connect() as conn:
        return fetch_ints(conn, "SELECT id FROM places WHERE city_id = :c", ("id",), {"c": COUNTY_CITY_ID})["id"]


__all__ = ["arrivals_from", "city_by_name", "city_names", "county_places", "declarations", "first_county_records",
           "places_of_city", "registered_in", "risk_since", "scans_at_places"]
