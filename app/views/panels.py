"""The dock panels of the main window, in the order they are added.

Each entry names a QWidget class ``module:Class`` whose constructor takes ``(console, parent=None)``.
Adding a panel to the console means adding one line here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PanelSpec:
    key: str  # object name of the dock, stable across runs (saved layouts refer to it)
    target: str  # "package.module:Class"
    area: str  # "left" | "right" | "bottom"
    title_zh: str
    title_en: str


PANELS: list[PanelSpec] = [
    PanelSpec("task_queue", "app.views.task_queue_panel:TaskQueuePanel", "bottom", "调度队列", "Dispatch queue"),
    PanelSpec("task_transfers", "app.views.task_transfer_panel:TaskTransferPanel", "right", "闭环转运", "Transfers"),
    PanelSpec("warnings", "app.views.warning_panel:WarningPanel", "bottom", "一脑智查 · 预警", "Smart warnings"),
    PanelSpec("screening", "app.views.screening_panel:ScreeningPanel", "right", "人员排查", "Cohort screening"),
    PanelSpec("tracing", "app.views.trace_panel:TracePanel", "right", "流调溯源", "Contact tracing"),
    PanelSpec("indicators", "app.views.indicator_panel:IndicatorPanel", "right", "监测指标", "Indicators"),
    PanelSpec("vaccination", "app.views.vaccination_table:VaccinationTablePanel", "bottom", "疫苗接种统计", "Vaccination table"),
    PanelSpec("dashboard", "app.views.dashboard:DashboardPanel", "bottom", "关键指标大屏", "Key figures"),
]

# Widgets placed in the main tool bar (e.g. the as-of date control); same ``module:Class`` convention.
TOOLBAR_WIDGETS: list[str] = ["app.views.as_of_control:AsOfControl"]
