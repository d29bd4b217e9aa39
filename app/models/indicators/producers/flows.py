"""Checkpoints and flows: scans where they happen (the place's grid); visitors and travellers where they live,
if they are of the population present (see ``People``)."""

from __future__ import annotations

import numpy as np

from app.domain.places import Direction, PlaceKind
from app.models.indicators.contributions import Contributions, PersonDays
from app.models.indicators.sources import Sources

MEASURES = ("scans_venue", "scans_checkpoint", "cp_inbound", "cp_outbound", "cp_inbound_outside", "cp_inbound_risk",
            "venue_visitors_w1", "venue_visitors_w7", "travellers_w14", "risk_arrivals_w14")


def produce(src: Sources, out: Contributions) -> None:
    scans = src.records["scans"]
    place = np.clip(scans["place"], 0, len(src.place_grid) - 1)
    where, kind = src.place_grid[place], src.place_kind[place]
    person, day, direction, city = scans["person"], scans["day"], scans["direction"], scans["city"]
    venue, checkpoint = kind == PlaceKind.VENUE, kind == PlaceKind.CHECKPOINT
    inbound = checkpoint & (direction == Direction.INBOUND)
    outside = inbound & (city > 0) & (city != src.home_city)
    risky = inbound & _from_risk(src, city, day)
    out.add("scans_venue", where[venue], day[venue])
    out.add("scans_checkpoint", where[checkpoint], day[checkpoint])
    out.add("cp_inbound", where[inbound], day[inbound])
    out.add("cp_outbound", where[checkpoint & (direction == Direction.OUTBOUND)], day[checkpoint & (direction == Direction.OUTBOUND)])
    out.add("cp_inbound_outside", where[outside], day[outside])
    out.add("cp_inbound_risk", where[risky], day[risky])
    home = src.people.home
    visits = PersonDays(person[venue], day[venue])
    out.add_within("venue_visitors_w1", visits, home, 1)
    out.add_within("venue_visitors_w7", visits, home, 7)
    out.add_within("travellers_w14", PersonDays(person[outside], day[outside]), home, 14)
    out.add_within("risk_arrivals_w14", PersonDays(person[risky], day[risky]), home, 14)


def _from_risk(src: Sources, city: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Whether each scan's origin city was a declared risk area on its day."""
    risk = src.static.get("risk") or {}
    hit = np.zeros(len(city), bool)
    for c, since, until in zip(risk.get("city", ()), risk.get("since", ()), risk.get("until", ())):
        hit |= (city == c) & (day >= since) & (day <= until)
    return hit
