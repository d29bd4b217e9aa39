"""The dock panels of the main window, in the order they are added, and the tool bar's widgets.

Each entry holds a factory that hands a panel the typed models it uses from the ``Console`` (never the console
itself); the classes are imported here like any other code, so the import and type checkers see every panel.
Adding a panel to the console means adding one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from app.console import Console
from app.views.as_of_control import AsOfControl
from app.views.attribute_table import AttributeTablePanel
from app.views.conflict_panel import ConflictPanel
from app.views.dashboard import DashboardPanel
from app.views.facility_panel import FacilityPanel
from app.views.identify_panel import IdentifyPanel
from app.views.incident_panel import IncidentPanel
from app.views.indicator_panel import IndicatorPanel
from app.views.screening_panel import ScreeningPanel
from app.views.task_queue_panel import TaskQueuePanel
from app.views.task_transfer_panel import TaskTransferPanel
from app.views.trace_panel import TracePanel
from app.views.vaccination_table import VaccinationTablePanel
from app.views.warning_panel import WarningPanel

PanelFactory = Callable[[Console, QWidget | None], QWidget]


@dataclass(frozen=True)
class PanelSpec:
    key: str  # object name of the dock, stable across runs (saved layouts refer to it)
    build: PanelFactory
    area: str  # "left" | "right" | "bottom"
    title_zh: str
    title_en: str
    eager: bool = False  # built at start even when hidden (else the first time its dock is shown: LazyPanel)


PANELS: list[PanelSpec] = [
    PanelSpec("task_queue", lambda c, parent: TaskQueuePanel(c.tasks, c.context, c.audit, parent, c.incident_desk),
              # eager: it escalates overdue tasks on its clock and watches the tasks' integrity from the start,
              # whether or not anyone opens the queue
              "bottom", "调度队列", "Tasks", eager=True),
    PanelSpec("task_transfers", lambda c, parent: TaskTransferPanel(c.transport, c.context, parent),
              "right", "闭环转运", "Transfers"),
    PanelSpec("warnings", lambda c, parent: WarningPanel(c.warnings, c.context, c.atlas, c.period, parent),
              "bottom", "一脑智查 · 预警", "Warnings"),
    PanelSpec("screening", lambda c, parent: ScreeningPanel(c.screening, c.atlas, c.period, c.period_end,
                                                            c.scenario.outbreak_city, parent),
              # eager: an area drawn on the map is screened by this panel at once, whether or not it was ever shown
              "right", "人员排查", "Screening", eager=True),
    PanelSpec("tracing", lambda c, parent: TracePanel(c.tracing, c.period, c.scenario.case_person_id,
                                                      c.scenario.case_onset, parent, c.feature_selection),
              "right", "流调溯源", "Tracing"),
    PanelSpec("incident", lambda c, parent: IncidentPanel(c.incident_desk, c.context, parent=parent),
              "right", "战时指挥", "Incident"),
    PanelSpec("facilities", lambda c, parent: FacilityPanel(c.facility_status, c.context, parent),
              "right", "隔离场所床位", "Facilities"),
    PanelSpec("indicators", lambda c, parent: IndicatorPanel(c.indicators, c.context, parent),
              "right", "监测指标", "Indicators"),
    PanelSpec("vaccination", lambda c, parent: VaccinationTablePanel(c.indicators, c.context, parent),
              "bottom", "疫苗接种统计", "Vaccination"),
    PanelSpec("identify", lambda c, parent: IdentifyPanel(c.identify, c.features, c.feature_selection, parent),
              "right", "识别", "Identify"),
    PanelSpec("attributes", lambda c, parent: AttributeTablePanel(c.features, c.feature_selection, parent),
              "bottom", "属性表", "Attributes"),
    PanelSpec("sync_conflicts", lambda c, parent: ConflictPanel(c.conflict_review, parent, c.pack_desk),
              "bottom", "同步冲突", "Conflicts"),
    PanelSpec("dashboard", lambda c, parent: DashboardPanel(c.indicators, c.context, parent),
              "bottom", "关键指标大屏", "Key figures"),
]

# Widgets placed in the main tool bar, after the search box.
TOOLBAR_WIDGETS: list[PanelFactory] = [
    lambda c, parent: AsOfControl(c.context, c.period_start or c.period_end, c.period_end, parent),
]
