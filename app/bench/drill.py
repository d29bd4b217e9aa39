"""Benchmark group ``drill``: incidents and drills on a temporary COPY of the given store (never the store itself).

- ``plan``: propose the plan for a positive market in the densest town (zones, figures, checkpoints, sites,
  staff, beds, contacts);
- ``dispatch_plan``: open the reference drill's incident and dispatch its plan (hundreds of tasks, cascaded);
- ``replay_step``: one step of the replay slider in the real main window (offscreen, 1600 × 1000): the command
  picture (task statuses, milestone board, zones, timeline) at the next moment of a played drill, published to
  the window (board, zone choropleth) and the map's viewport repainted synchronously;
- ``report``: the after-action report's data and its PDF;
- ``autoplay``: the reference drill played through at once (``--instant``: the same writes as ×60 without
  waiting for its clock; ×60 itself takes the drill's 4 simulated hours / 60 by construction).
"""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
from pathlib import Path

from app.bench import BenchContext, Case
from app.bench.map import WindowBench
from app.console import Console
from app.models.incident.drill_run import run_drill
from app.models.incident.report_data import report_data
from app.models.incident.scenarios import find_case, load_scenario
from app.store import StoreError
from app.store.store import resolve_url, sqlite_path


class StoreCopy:
    """A console over a temporary copy of a store file, made on first use."""

    def __init__(self, db: str | None) -> None:
        self.source = sqlite_path(resolve_url(db))
        if self.source is None or not self.source.exists():
            raise StoreError("bench drill needs an existing store file (--db PATH): it writes into a copy of it")
        self.console: Console | None = None
        self.folder = Path(tempfile.mkdtemp(prefix="jingkong-bench-drill-"))
        atexit.register(shutil.rmtree, self.folder, ignore_errors=True)

    def ensure(self) -> Console:
        if self.console is None:
            copy = self.folder / "store.gpkg"
            with sqlite3.connect(self.source) as src, sqlite3.connect(copy) as dst:
                src.backup(dst)
            self.console = Console.open(str(copy))
            atexit.register(self.console.close)
        return self.console


def cases(ctx: BenchContext) -> list[Case]:
    copy = StoreCopy(ctx.db)
    state: dict[str, object] = {}

    def market_case() -> None:
        console = copy.ensure()
        case = find_case(load_scenario("market-dense-town"), console.store, console.atlas)
        state.update(place=case.place_id, at=case.at)

    def plan() -> None:
        console = copy.ensure()
        result = console.incidents.planner.propose(None, int(state["at"]), int(state["place"]))
        state.update(plan_tasks=result.numbers["tasks"], lockdown_grids=len(result.zones.grids["lockdown"]))

    def reference_case() -> None:
        console = copy.ensure()
        case = find_case(load_scenario("yueqing-2021-12"), console.store, console.atlas)
        state.update(person=case.person_id, case_at=case.at)

    def dispatch() -> None:
        service = copy.ensure().incidents
        with service.at(int(state["case_at"])):
            incident = service.open(at=int(state["case_at"]), person_id=int(state["person"]), name="bench")
            state["dispatched_tasks"] = len(service.dispatch(incident, by="bench"))

    def played() -> None:
        service = copy.ensure().incidents
        if "drill" not in state:
            state["drill"] = run_drill(service, load_scenario("yueqing-2021-12"), paced=False).incident_id

    windows: list[WindowBench] = []

    def replaying() -> None:
        """The played drill taken up in the real window, its replay slider in hand (the live tick stays quiet)."""
        played()
        console = copy.ensure()
        windows.append(WindowBench(None, console))
        atexit.register(windows[0].window.close)  # its panels' store work finishes before the store closes
        console.incident_desk.take_up(console.incidents.get(int(state["drill"])))
        console.incident_desk.replaying = True
        windows[0].settle()
        state["step"] = 0

    def replay_step() -> None:
        desk, bench = copy.ensure().incident_desk, windows[0]
        state["step"] = int(state["step"]) + 1
        minute = (7 * int(state["step"])) % 240  # moments spread over the drill's 4 hours
        desk.publish(desk.picture_at(desk.incident.case_at + minute * 60))
        bench.settle()

    def report() -> None:
        from app.reports.after_action import write_report

        service = copy.ensure().incidents
        write_report(report_data(service, int(state["drill"])), copy.folder / "aar.pdf", "zh")

    def autoplay() -> None:
        run = run_drill(copy.ensure().incidents, load_scenario("yueqing-2021-12"), paced=False)
        state["autoplay_steps"] = run.performed

    return [Case("plan", plan, setup=market_case, notes=state),
            Case("dispatch_plan", dispatch, setup=reference_case, notes=state, runs=3),
            Case("replay_step", replay_step, setup=replaying, notes=state),
            Case("report", report, setup=played, notes=state, runs=3),
            Case("autoplay", autoplay, notes=state, runs=1, warmup=False)]
