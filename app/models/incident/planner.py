"""Proposing a plan for a case (a person, or a place and time): zones from the case's home and visited places,
their figures, the checkpoints on their boundaries, sampling sites and stations, staff per town, beds, and the
contacts from the tracing engine, each routed to its grid."""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np

from app.domain.admin import Level
from app.models.admin_atlas import AdminAtlas
from app.models.as_of import check_time, store_period
from app.models.incident.catalogue import ZONE_KINDS, ZoneRules, zone_rules
from app.models.incident.errors import IncidentError
from app.models.incident.plan import ContactRef, Plan, PlanItem, ZoneStats
from app.models.incident.zones import Zones, draw_zones, nearest, seal_points, zone_geometry
from app.models.projection import to_display, to_lonlat
from app.models.tracing import trace
from app.store.queries import incident_area as q
from app.store.queries.people import person_exists
from app.store.store import Store
from app.timebase import DAY

TRACE_WINDOW_MINUTES = 30
TRACE_DAYS = 14


class Planner:
    """Plans over one store; the grids come from the console's atlas (display CRS, spatial index)."""

    def __init__(self, store: Store, atlas: AdminAtlas, rules: ZoneRules | None = None) -> None:
        self.store, self.atlas = store, atlas
        self.rules = rules or zone_rules()
        self.grids = atlas.levels[Level.GRID]
        self._codes = {int(i): str(c) for i, c in zip(self.grids.data.ids, self.grids.data.codes)}

    def grid_code(self, grid_id: int | None) -> str | None:
        return None if grid_id is None or grid_id < 0 else self._codes.get(int(grid_id))

    # --- proposing ----------------------------------------------------------------------------------
    def propose(self, person_id: int | None, at: int, place_id: int | None = None) -> Plan:
        """The plan for a person who tested positive at ``at``, or for a positive place (``place_id``) at ``at``."""
        check_time(at, store_period(self.store.meta()), "case time")
        if person_id is None and place_id is None:
            raise IncidentError("an incident starts from a case: a person, or a place and a time")
        visited: list[str] = []
        home = None
        if person_id is not None:
            if not person_exists(self.store, person_id):
                raise IncidentError(f"no person with id {person_id} in this store")
            home = self.grid_code(q.home_grid(self.store, person_id))
            places = q.visited_places(self.store, person_id, at - self.rules.visit_days * DAY, at)
            visited = [c for c in (self.grid_code(p[2]) for p in q.place_points(self.store, places).values()) if c]
        if place_id is not None:
            point = q.place_points(self.store, [place_id]).get(place_id)
            if point is None:
                raise IncidentError(f"no place with id {place_id} in this store")
            visited = [c for c in [self.grid_code(point[2]), *visited] if c]
        seeds = [c for c in [home, *visited] if c]
        zones = draw_zones(self.grids, seeds, self.rules)
        contacts = self._contacts(person_id, place_id, at)
        plan = Plan(person_id, at, home, list(dict.fromkeys(visited)), zones, {}, [], contacts)
        return self.replan(plan, zones)

    def _contacts(self, person_id: int | None, place_id: int | None, at: int) -> list[ContactRef]:
        if person_id is not None:
            result = trace(self.store, person_id, at, TRACE_WINDOW_MINUTES, 2, TRACE_DAYS)
            return [ContactRef(c.person_id, c.depth, self.grid_code(c.grid_id)) for c in result.contacts]
        people = q.people_at_place(self.store, int(place_id), at - self.rules.visit_days * DAY, at)
        return [ContactRef(p, 1, self.grid_code(g)) for p, g in people]

    # --- deriving the rest from the zones ------------------------------------------------------------
    def replan(self, plan: Plan, zones: Zones) -> Plan:
        """The plan again for edited zones: figures, checkpoints, sites, staff and beds follow; contacts stay."""
        if not zones.grids.get("lockdown"):
            raise IncidentError("the lockdown zone is empty: an incident needs at least one lockdown grid")
        stats = {k: self._stats(zones.grids.get(k, ())) for k in ZONE_KINDS}
        items: list[PlanItem] = []
        county = str(self.atlas.levels[Level.COUNTY].data.codes[0])
        items += [PlanItem("command_post", "custom", "启动应急指挥部：领导小组到位", unit_code=county),
                  PlanItem("trace_start", "custom", "公安大数据+疾控现场流调启动", unit_code=county)]
        for code in sorted({plan.home_grid, *plan.visited} - {None}):
            items.append(PlanItem("seal_case_place", "lockdown", f"病例场所封控 · {self._name(code)}", unit_code=code))
        items += self._muster(zones)
        beds_total, beds_free = q.free_beds(self.store, plan.case_at)
        close = sum(1 for c in plan.contacts if c.depth == 1)
        beds_needed = close * self.rules.beds_per_close_contact + (self.rules.beds_for_case if plan.case_person_id else 0)
        items.append(PlanItem("quarantine_ready", "custom", f"集中隔离场所就绪：{beds_needed} 间", beds_needed, "beds",
                              unit_code=county))
        for code, x, y in seal_points(self.grids, zones):
            lon, lat = to_lonlat(x, y)
            items.append(PlanItem("seal_point", "lockdown", f"封控区卡点封闭 · {self._name(code)}", 1, "checkpoints",
                                  code, lon=lon, lat=lat))
        items += self._traffic_checkpoints(zones)
        people = stats["lockdown"].population
        items += self._sampling(zones, people)
        for c in plan.contacts:
            label = "密接" if c.depth == 1 else "次密接"
            items.append(PlanItem("close_contact" if c.depth == 1 else "secondary_contact", "control", f"{label}管控 · 人员 {c.person_id}", 1, "contacts",
                                  person_ids=(c.person_id,), priority=1 if c.depth == 1 else 2))
        for code in sorted({plan.home_grid, *plan.visited} - {None}):
            items.append(PlanItem("disinfection", "custom", f"终末消杀 · {self._name(code)}",
                                  self.rules.disinfection_m2_per_place, "m2", code, priority=2))
            items.append(PlanItem("environment_samples", "custom", f"环境采样 · {self._name(code)}",
                                  self.rules.environment_samples_per_place, "samples", code, priority=2))
        numbers = {"staff": sum(i.quantity for i in items if i.action == "muster"),
                   "seal_points": sum(1 for i in items if i.action == "seal_point"),
                   "traffic_checkpoints": sum(1 for i in items if i.action == "traffic_checkpoint"),
                   "sites": sum(1 for i in items if i.action == "sampling_site"),
                   "stations": sum(i.quantity for i in items if i.action == "sampling_site"),
                   "people_to_sample": people, "beds_needed": beds_needed, "beds_free": beds_free,
                   "beds_total": beds_total, "close": close, "secondary": len(plan.contacts) - close,
                   "m2": sum(i.quantity for i in items if i.action == "disinfection"),
                   "environment_samples": sum(i.quantity for i in items if i.action == "environment_samples"),
                   "tasks": len(items)}
        return Plan(plan.case_person_id, plan.case_at, plan.home_grid, plan.visited, zones, stats, items,
                    plan.contacts, numbers)

    def _name(self, code: str) -> str:
        found = self.atlas.find(code)
        return str(found[0].data.names_zh[found[1]]) if found else code

    def _stats(self, codes: tuple[str, ...]) -> ZoneStats:
        rows = [self.grids.index[c] for c in codes if c in self.grids.index]
        ids = self.grids.data.ids[rows].tolist()
        key = q.places_by_grid(self.store, ids, self.rules.key_categories)
        cams = q.cameras_by_grid(self.store, ids)
        return ZoneStats(len(rows), int(self.grids.data.population[rows].sum()),
                         int(self.grids.data.households[rows].sum()), sum(key.values()), sum(cams.values()))

    def _muster(self, zones: Zones) -> list[PlanItem]:
        per_town: dict[str, float] = defaultdict(float)
        for kind in ZONE_KINDS:
            for code in zones.grids.get(kind, ()):
                population = int(self.grids.data.population[self.grids.index[code]])
                per_town[code[:9]] += population / 1000 * self.rules.staff_per_1000[kind]
        return [PlanItem("muster", "custom", f"第一梯队人员集结 · {self._name(town)}",
                         max(math.ceil(need), self.rules.staff_min_per_town), "staff", town)
                for town, need in sorted(per_town.items())]

    def _centre(self, zones: Zones) -> tuple[float, float]:
        point = zone_geometry(self.grids, zones.grids["lockdown"]).centroid
        return point.x, point.y

    def _traffic_checkpoints(self, zones: Zones) -> list[PlanItem]:
        points = q.checkpoints(self.store)
        ids = np.array(sorted(points), np.int64)
        if not len(ids):
            return []
        xs, ys = to_display(np.array([points[i][0] for i in ids]), np.array([points[i][1] for i in ids]))
        chosen = ids[nearest(xs, ys, *self._centre(zones), self.rules.traffic_checkpoints)]
        grid_of = q.place_points(self.store, chosen.tolist())
        return [PlanItem("traffic_checkpoint", "lockdown", f"交通卡口设置 · {points[i][2]}", 1, "checkpoints",
                         self.grid_code(grid_of[i][2]), lon=points[i][0], lat=points[i][1])
                for i in chosen.tolist()]

    def _sampling(self, zones: Zones, people: int) -> list[PlanItem]:
        per_station = self.rules.people_per_station_hour * self.rules.sampling_minutes / 60
        stations = max(math.ceil(people / per_station), 1)
        sites = q.test_sites(self.store)
        if not len(sites):
            return []
        n_sites = min(math.ceil(stations / self.rules.stations_per_site), len(sites))
        xs, ys = to_display(sites.lon, sites.lat)
        chosen = nearest(xs, ys, *self._centre(zones), n_sites)
        share = [stations // n_sites + (1 if i < stations % n_sites else 0) for i in range(n_sites)]
        return [PlanItem("sampling_site", "test_site", f"核酸采样点 · {sites.names[r]}（{n} 个采样台）", n, "stations",
                         self.grid_code(int(sites.grid_ids[r])), lon=float(sites.lon[r]), lat=float(sites.lat[r]))
                for r, n in zip(chosen.tolist(), share)]
