"""Reads for the warning rules: the record tables over a time window, as int64 arrays.

Every read takes the window ``[since, until]`` (Unix seconds, both ends included) so the rules can be
evaluated as of any time: nothing after ``until`` is ever read.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from app.domain.people import PersonKind
from app.domain.places import Direction, PlaceKind
from app.domain.quarantine import QuarantineKind
from app.store.queries.arrays import fetch_ints, fetch_ints_for
from app.store.store import Store

Arrays = dict[str, np.ndarray]


def _read(store: Store, sql: str, names: Sequence[str], **params: object) -> Arrays:
    with store.engine.connect() as conn:
        return fetch_ints(conn, sql, names, params, expanding=[k for k, v in params.items() if isinstance(v, list)])


def samples_between(store: Store, since: int, until: int) -> Arrays:
    """Samples taken in the window: id, person_id, sampled_at, reported_at and result (-1 while pending)."""
    return _read(store, "SELECT id, person_id, sampled_at, COALESCE(reported_at, -1), COALESCE(result, -1) "
                        "FROM test_samples WHERE sampled_at BETWEEN :since AND :until",
                 ("id", "person_id", "sampled_at", "reported_at", "result"), since=since, until=until)


def purchases_between(store: Store, since: int, until: int, drugs: Sequence[int]) -> Arrays:
    return _read(store, "SELECT id, person_id, at FROM pharmacy_purchases "
                        "WHERE at BETWEEN :since AND :until AND drug IN :drugs",
                 ("id", "person_id", "at"), since=since, until=until, drugs=list(drugs))


def clinic_visits_between(store: Store, since: int, until: int, diagnoses: Sequence[int] | None = None,
                          fever_clinic_only: bool = False) -> Arrays:
    where = " AND diagnosis IN :diagnoses" if diagnoses is not None else ""
    where += " AND fever_clinic = :yes" if fever_clinic_only else ""
    params: dict[str, object] = {"since": since, "until": until}
    if diagnoses is not None:
        params["diagnoses"] = list(diagnoses)
    if fever_clinic_only:
        params["yes"] = True
    return _read(store, f"SELECT id, person_id, at FROM clinic_visits WHERE at BETWEEN :since AND :until{where}",
                 ("id", "person_id", "at"), **params)


def home_orders_active(store: Store, at: int) -> Arrays:
    """Home-quarantine orders in force at ``at``."""
    return _read(store, "SELECT id, person_id, start_at, end_at FROM quarantine_orders "
                        "WHERE kind = :home AND start_at <= :at AND end_at > :at",
                 ("id", "person_id", "start_at", "end_at"), home=int(QuarantineKind.HOME), at=at)


def scans_under_home_orders(store: Store, since: int, until: int) -> Arrays:
    """Scans made while the person was under a home-quarantine order, with the place's grid (-1: none)."""
    return _read(store, "SELECT s.id, s.person_id, s.at, COALESCE(p.grid_id, -1), o.id FROM quarantine_orders o "
                        "JOIN scans s ON s.person_id = o.person_id AND s.at >= o.start_at AND s.at < o.end_at "
                        "JOIN places p ON p.id = s.place_id "
                        "WHERE o.kind = :home AND o.start_at <= :until AND o.end_at > :since "
                        "AND s.at BETWEEN :since AND :until",
                 ("id", "person_id", "at", "place_grid_id", "order_id"), home=int(QuarantineKind.HOME),
                 since=since, until=until)


def risk_arrivals(store: Store, since: int, until: int) -> Arrays:
    """Inbound checkpoint scans from a city that was a risk area at the time, with the person's declared return."""
    return _read(store, "SELECT s.id, s.person_id, s.at, s.from_city_id, COALESCE(pe.declared_return_at, -1) "
                        "FROM scans s JOIN persons pe ON pe.id = s.person_id "
                        "WHERE s.place_id IN (SELECT id FROM places WHERE kind = :checkpoint) "
                        "AND s.at BETWEEN :since AND :until AND s.direction = :inbound "
                        "AND EXISTS (SELECT 1 FROM risk_areas r WHERE r.city_id = s.from_city_id "
                        "AND r.since_at <= s.at AND (r.until_at IS NULL OR r.until_at > s.at))",
                 ("id", "person_id", "at", "from_city_id", "declared_return_at"),
                 checkpoint=int(PlaceKind.CHECKPOINT), inbound=int(Direction.INBOUND), since=since, until=until)


def people_with_occupations(store: Store, occupations: Sequence[int]) -> np.ndarray:
    """Ids of people in the county (not natives living elsewhere) whose occupation is one of ``occupations``."""
    return _read(store, "SELECT id FROM persons WHERE occupation IN :occ AND kind != :away",
                 ("id",), occ=list(occupations), away=int(PersonKind.NATIVE_ELSEWHERE))["id"]


def home_grids(store: Store, person_ids: np.ndarray) -> Arrays:
    """(person id, home grid id or -1) for the given people, sorted by person id."""
    out = fetch_ints_for(store, "SELECT id, COALESCE(home_grid_id, -1) FROM persons WHERE id IN :ids",
                         ("person_id", "grid_id"), person_ids)
    order = np.argsort(out["person_id"], kind="stable")
    return {k: v[order] for k, v in out.items()}


__all__ = ["clinic_visits_between", "home_grids", "home_orders_active", "people_with_occupations",
           "purchases_between", "risk_arrivals", "samples_between", "scans_under_home_orders"]
