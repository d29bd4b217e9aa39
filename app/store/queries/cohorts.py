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


def county_records(store: Store, person_ids: np.ndarray, since: int, until: int) -> dict[str, Arrays]:
    """Each record table's rows of these people in ``[since, until]``: id, person_id, at, where (place/facility)."""
    out = {}
    for table, at, where in RECORD_TABLES:
        out[table] = fetch_ints_for(store, f"SELECT id, person_id, {at}, {where} FROM {table} "
                                           f"WHERE person_id IN :ids AND {at} BETWEEN :since AND :until",
                                    ("id", "person_id", "at", "where"), person_ids, {"since": since, "until": until})
    return out


def county_places(store: Store) -> np.ndarray:
    """Ids of places in the county (checkpoints included)."""
    with store.engine.connect() as conn:
        return fetch_ints(conn, "SELECT id FROM places WHERE city_id = :c", ("id",), {"c": COUNTY_CITY_ID})["id"]


__all__ = ["arrivals_from", "city_by_name", "city_names", "county_places", "county_records", "declarations",
           "places_of_city", "registered_in", "risk_since", "scans_at_places"]
