"""Quarantine and transfers, clinic visits and pharmacy purchases: records at the person's home grid, people
(in quarantine, at fever clinics, buying symptom drugs) where they live if present (see ``People``)."""

from __future__ import annotations

import numpy as np

from app.domain.quarantine import QUARANTINE_REASONS, QuarantineKind
from app.models.indicators.contributions import Contributions, PersonDays
from app.models.indicators.sources import Sources
from app.store.tables.health import DIAGNOSES, DRUGS

Q_KINDS = {"central": QuarantineKind.CENTRALISED, "home": QuarantineKind.HOME}
SYMPTOM_DRUGS = (DRUGS.index("fever"), DRUGS.index("cough"), DRUGS.index("antibiotic"))
MEASURES = (
    *(f"q_started_{k}" for k in Q_KINDS), *(f"q_reason_{r}" for r in QUARANTINE_REASONS),
    *(f"q_active_{k}" for k in Q_KINDS), "q_released", "q_persons_active", "q_persons_ever",
    "tr_started", "tr_arrived", "tr_under_way", "tr_seconds", "tr_within_2h",
    "visits", "visits_fever_clinic", *(f"visits_dx_{d}" for d in DIAGNOSES), "fever_clinic_persons_w7",
    "purchases", *(f"purchases_{d}" for d in DRUGS), "fever_drug_units", "symptom_buyers_w7",
)


def produce(src: Sources, out: Contributions) -> None:
    _quarantine(src, out)
    _transfers(src, out)
    _clinic(src, out)
    _pharmacy(src, out)


def _quarantine(src: Sources, out: Contributions) -> None:
    q = src.records["quarantine_orders"]
    person, kind, start, end = q["person"], q["kind"], q["start"], q["end"]
    grid = src.people.grid[person]
    for name, k in Q_KINDS.items():
        sel = kind == k
        out.add(f"q_started_{name}", grid[sel], start[sel])
        out.add(f"q_active_{name}", grid[sel], start[sel])
        out.add(f"q_active_{name}", grid[sel], end[sel], -1.0)
    for i, reason in enumerate(QUARANTINE_REASONS):
        out.add(f"q_reason_{reason}", grid[q["reason"] == i], start[q["reason"] == i])
    out.add("q_released", grid, end)
    out.add_intervals("q_persons_active", person, src.people.home[person], start, end)
    out.add_first("q_persons_ever", PersonDays(person, start), src.people.home)


def _transfers(src: Sources, out: Contributions) -> None:
    t = src.records["transfers"]
    grid = src.people.grid[t["person"]]
    arrived = t["arrival"] >= 0
    out.add("tr_started", grid, t["pickup"])
    out.add("tr_arrived", grid[arrived], t["arrival"][arrived])
    out.add("tr_under_way", grid, t["pickup"])
    out.add("tr_under_way", grid[arrived], t["arrival"][arrived], -1.0)
    out.add("tr_seconds", grid[arrived], t["arrival"][arrived], t["seconds"][arrived])
    quick = arrived & (t["seconds"] <= 2 * 3600)
    out.add("tr_within_2h", grid[quick], t["arrival"][quick])


def _clinic(src: Sources, out: Contributions) -> None:
    c = src.records["clinic_visits"]
    person, day = c["person"], c["day"]
    grid = src.people.grid[person]
    fever = c["fever_clinic"] == 1
    out.add("visits", grid, day)
    out.add("visits_fever_clinic", grid[fever], day[fever])
    for i, dx in enumerate(DIAGNOSES):
        out.add(f"visits_dx_{dx}", grid[c["diagnosis"] == i], day[c["diagnosis"] == i])
    out.add_within("fever_clinic_persons_w7", PersonDays(person[fever], day[fever]), src.people.home, 7)


def _pharmacy(src: Sources, out: Contributions) -> None:
    p = src.records["pharmacy_purchases"]
    person, day, drug = p["person"], p["day"], p["drug"]
    grid = src.people.grid[person]
    out.add("purchases", grid, day)
    for i, name in enumerate(DRUGS):
        out.add(f"purchases_{name}", grid[drug == i], day[drug == i])
    fever = drug == DRUGS.index("fever")
    out.add("fever_drug_units", grid[fever], day[fever], p["quantity"][fever])
    symptom = np.isin(drug, SYMPTOM_DRUGS)
    out.add_within("symptom_buyers_w7", PersonDays(person[symptom], day[symptom]), src.people.home, 7)
