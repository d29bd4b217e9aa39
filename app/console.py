"""Composition root: builds the console's models from a store URL. No Qt here.

The GUI and the CLI get every service here. The main window hands each panel the typed models it uses,
never the console itself; each model is created on first use so a console opens fast and tests build only
what they touch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import Cancelled, StoreError
from app.domain.roles import Principal
from app.models.admin_atlas import AdminAtlas
from app.models.as_of import Period, store_period
from app.models.audit_trail import AuditTrail
from app.models.camera_history import CameraHistory
from app.models.cameras import CameraLinks
from app.models.change_feed import ChangeFeed
from app.models.context import ConsoleContext
from app.models.dispatch.service import TaskService
from app.models.dispatch.transport import TransportService
from app.models.drill import DrillPath
from app.models.engine_runs import ScreeningRun, TraceRun
from app.models.facility_status import FacilityStatus
from app.models.feature_selection import FeatureSelection
from app.models.identify import FeatureCatalog, IdentifyResults
from app.models.incident.desk import IncidentDesk
from app.models.incident.service import IncidentService
from app.models.indicators import IndicatorEngine
from app.models.indicators.saved import SavedIndicators
from app.models.layers import LayerList
from app.models.map_layers import build_layers, show_camera_status
from app.models.packs.desk import PackDesk
from app.models.packs.files import carried_file
from app.models.packs.review import ConflictReview
from app.models.packs.service import pack_area, pack_principal, stamp_device
from app.models.people_directory import PeopleDirectory
from app.models.scenario import Scenario
from app.models.search import UnitSearch
from app.models.thematic import Thematic
from app.models.warnings.service import WarningService
from app.store import Store
from app.store.demo.generate import GenerationReport, Progress, generate_store
from app.store.packs.area import PackArea
from app.store.queries.admin import level_counts
from app.store.queries.camera_status import status_events
from app.store.queries.occupancy import quarantine_stays
from app.store.queries.points import CameraSet, load_cameras, load_facilities, load_places
from app.store.queries.spatial import Spatial, spatial_of
from app.store.queries.summary import records_total, table_counts
from app.store.store import Login, default_store_path

if TYPE_CHECKING:
    from app.models.imports.service import ImportService


# what the console builds from the admin layers: dropped when they are replaced, built again from the store on next use
GEOGRAPHY = ("level_counts", "atlas", "thematic", "features", "feature_selection", "identify", "drill", "unit_search",
             "camera_links")


class Console:
    """One open store plus the models over it; ``context`` is the shared selection/as-of state."""

    def __init__(self, store: Store) -> None:
        self.store = store
        meta = store.meta()
        self.meta = meta
        end = meta.get("period_end")
        self.period_start = dt.date.fromisoformat(meta["period_start"]) if "period_start" in meta else None
        self.period_end = dt.date.fromisoformat(end) if end else dt.date.today()
        self.period: Period | None = store_period(meta)  # the days questions may be asked about
        self.context = ConsoleContext(as_of=self.period_end, today=self.period_end)
        self.scenario = Scenario.from_meta(meta)
        self.pack_area: PackArea | None = pack_area(store)  # None unless the store is an offline pack
        if self.pack_area is not None:
            stamp_device(store)  # offline work is recorded as this laptop's
            store.principal = pack_principal(store)  # the data layer keeps the pack's role offline

    @classmethod
    def open(cls, db: str | None = None, login: Login | None = None) -> Console:
        """The store at ``db`` as ``login`` (a user of the store), or as its owner without one."""
        return cls(Store.open(db, login))

    @property
    def principal(self) -> Principal:
        """Who this console acts as: every query and write is limited to what this principal may do."""
        return self.store.principal

    @staticmethod
    def default_store_path() -> Path:
        """The embedded store a console opens when no ``--db`` is given."""
        return default_store_path()

    @staticmethod
    def create_demo_store(path: Path, scale: str = "small", progress: Progress | None = None,
                          should_cancel: Callable[[], bool] | None = None) -> GenerationReport:
        """Generate the demo county at ``path`` (first start); raises ``Cancelled`` if cancelled."""
        return generate_store(path, scale=scale, seed=1, progress=progress, should_cancel=should_cancel)

    def table_counts(self) -> dict[str, int]:
        """Rows per table (a few ``COUNT(*)``: callers on the GUI thread run it in a worker)."""
        return table_counts(self.store)

    @staticmethod
    def records_total(counts: dict[str, int]) -> int:
        return records_total(counts)

    @cached_property
    def level_counts(self) -> dict[str, int]:
        return level_counts(self.store)

    @cached_property
    def indicators(self) -> IndicatorEngine:
        """The indicator engine; computed on first question (seconds at full scale: views compute it off the GUI thread)."""
        return IndicatorEngine(self.store, (self.period_start or self.period_end, self.period_end), saved=SavedIndicators())

    @cached_property
    def atlas(self) -> AdminAtlas:
        return AdminAtlas(self.store)

    @cached_property
    def thematic(self) -> Thematic:
        return Thematic(self.atlas, self.context, self.drill, self.indicators)

    @cached_property
    def cameras(self) -> CameraSet:
        return load_cameras(self.store)

    @cached_property
    def layers(self) -> LayerList:
        layers = build_layers(load_places(self.store), load_facilities(self.store), self.cameras)
        show_camera_status(layers["cameras"], self.camera_history.status)
        self.camera_history.events.status.connect(partial(show_camera_status, layers["cameras"]))
        return layers

    @cached_property
    def camera_history(self) -> CameraHistory:
        return CameraHistory(self.cameras.ids, self.cameras.status, lambda: status_events(self.store), self.context)

    @cached_property
    def features(self) -> FeatureCatalog:
        return FeatureCatalog(self.atlas, self.layers)

    @cached_property
    def feature_selection(self) -> FeatureSelection:
        return FeatureSelection(self.features, self.context)

    @cached_property
    def identify(self) -> IdentifyResults:
        return IdentifyResults(self.features)

    @cached_property
    def drill(self) -> DrillPath:
        return DrillPath(self.atlas)

    @cached_property
    def unit_search(self) -> UnitSearch:
        return UnitSearch(self.atlas)

    @cached_property
    def spatial(self) -> Spatial:
        """Polygon screening, nearest cameras, point routing: in PostGIS, or shapely on the embedded store."""
        return spatial_of(self.store)

    @cached_property
    def camera_links(self) -> CameraLinks:
        carried = (lambda name: carried_file(self.store, name)) if self.pack_area is not None else None
        return CameraLinks(self.cameras, self.atlas, self.context, self.spatial, carried=carried,
                           history=self.camera_history)

    @cached_property
    def facility_status(self) -> FacilityStatus:
        return FacilityStatus(lambda: quarantine_stays(self.store), self.context)

    @cached_property
    def audit(self) -> AuditTrail:
        return AuditTrail(self.store)

    @cached_property
    def changes(self) -> ChangeFeed:
        """Changes made by other consoles: pushed on PostgreSQL, polled on the embedded store."""
        return ChangeFeed(self.store)

    @cached_property
    def people(self) -> PeopleDirectory:
        return PeopleDirectory(self.store, self.audit, self.check_unit)

    @cached_property
    def tasks(self) -> TaskService:
        return TaskService(self.store)

    @cached_property
    def transport(self) -> TransportService:
        return TransportService(self.tasks)

    @cached_property
    def warnings(self) -> WarningService:
        return WarningService(self.store)

    @cached_property
    def screening(self) -> ScreeningRun:
        return ScreeningRun(self.store, self.context, self.tasks)

    @cached_property
    def tracing(self) -> TraceRun:
        return TraceRun(self.store, self.context, self.tasks)

    @cached_property
    def incidents(self) -> IncidentService:
        """Incidents and drills (平战结合), on their own clock (a drill's clock replaces the wall clock)."""
        return IncidentService(self.store, self.atlas)

    @cached_property
    def incident_desk(self) -> IncidentDesk:
        """The incident in hand in the console, its drill clock and the picture shown (live or replayed)."""
        return IncidentDesk(self.incidents, self.context)

    @cached_property
    def imports(self) -> ImportService:
        """Department data imports; they keep the indicators current when the engine has been built."""
        from app.models.imports.service import ImportService  # the file readers (pyogrio, openpyxl) load on first use

        return ImportService(self.store, lambda: self.__dict__.get("indicators"))

    @cached_property
    def conflict_review(self) -> ConflictReview:
        """Sync conflicts kept for review, and (on a pack) how the pack stands."""
        return ConflictReview(self.store, self.pack_area)

    @cached_property
    def pack_desk(self) -> PackDesk:
        """Making packs (at a centre), syncing the open pack (on a pack), the packs out and how stale."""
        return PackDesk(self.store, lambda: self.atlas, self.pack_area)

    def reload_geography(self) -> None:
        """After the admin layers were replaced (or the replacement undone): the atlas and all built from it are made
        again from the store. The drill focus goes to the deepest unit of its path still there (the county at worst),
        a selected unit no longer there is let go, and the map shown (indicator or choropleth) is shown over the new
        units. (The indicator engine recomputes itself with the replacement.)"""
        path = self.drill.path if "drill" in self.__dict__ else []
        indicator, choropleth = self.context.indicator, self.context.choropleth
        for name in GEOGRAPHY:
            self.__dict__.pop(name, None)
        kept = [code for code in path[1:] if self.atlas.find(code) is not None]
        if kept:
            self.drill.drill_to(kept[-1])
        if "incidents" in self.__dict__:  # an incident in hand carries on over the new units
            self.incidents.use_atlas(self.atlas)
        if self.context.selected_unit is not None and self.atlas.find(self.context.selected_unit) is None:
            self.context.selected_unit = None
        self.thematic  # noqa: B018 -- built now: a new thematic starts on the density (and lets the indicator go)
        if indicator is not None:
            self.context.indicator = indicator
        elif choropleth is not None:
            self.context.choropleth = choropleth

    def check_unit(self, code: str) -> None:
        """Refuse a unit outside the pack's area ("not in this pack"); any unit of a centre store passes."""
        if self.pack_area is not None:
            self.pack_area.check(code)

    def close(self) -> None:
        if "changes" in self.__dict__:
            self.changes.close()
        self.store.close()


__all__ = ["Cancelled", "Console", "Login", "StoreError"]
