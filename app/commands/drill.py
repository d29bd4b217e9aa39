"""``jingkong drill``: play a scenario headless on a drill clock, replay a recorded drill, write its report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands._incident_output import board_data, board_text, incident_data
from app.commands.common import Result, add_action
from app.console import Console
from app.models import inputs
from app.models.as_of import parse_time
from app.models.incident.drill_run import run_drill
from app.models.incident.report_data import report_data
from app.models.incident.scenarios import load_scenario, scenario_names
from app.models.incident.service import IncidentService


def _service(console: Console) -> IncidentService:
    return console.incidents


def _drill_id(service: IncidentService, value: int | None) -> int:
    return value if value is not None else service.latest("drill").id


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("drill", help="drills: run a scenario, replay it, write its after-action report (平时演练)",
                              description=f"Drill scenarios: {', '.join(scenario_names())}.")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    run = add_action(actions, "run", "play a scenario on a drill clock and record it", _service, _run)
    run.add_argument("--scenario", required=True, metavar="NAME", help=f"one of: {', '.join(scenario_names())}")
    run.add_argument("--speed", type=int, metavar="N", help="drill clock speed, 1 … 60 (default: the scenario's)")
    run.add_argument("--seed", type=int, metavar="N", help="seed of the synthetic completions (default: the scenario's)")
    run.add_argument("--autoplay", action="store_true", help="complete the tasks synthetically (else: dispatch only)")
    run.add_argument("--instant", action="store_true", help="do not wait for the drill clock: same record, at once")
    run.add_argument("--report", metavar="PATH", help="write the after-action report here (PDF)")
    run.add_argument("--lang", choices=("zh", "en"), default="zh", help="report language (default zh)")
    replay = add_action(actions, "replay", "the drill's board at a time, or at every --step minutes", _service, _replay)
    replay.add_argument("id", type=int, nargs="?", help="drill id (default: the latest)")
    replay.add_argument("--at", metavar="T", help="one moment: Unix seconds or YYYY-MM-DDTHH:MM (CST)")
    replay.add_argument("--step", type=int, default=30, metavar="MIN", help="minutes between frames (default 30)")
    report = add_action(actions, "report", "write the after-action report (PDF)", _service, _report)
    report.add_argument("id", type=int, nargs="?", help="drill or incident id (default: the latest drill)")
    report.add_argument("--out", required=True, metavar="PATH", help="the PDF to write")
    report.add_argument("--lang", choices=("zh", "en"), default="zh", help="language (default zh)")
    improve = add_action(actions, "improve", "add a row to the improvement plan", _service, _improve)
    improve.add_argument("id", type=int, nargs="?", help="drill or incident id (default: the latest drill)")
    improve.add_argument("--issue", required=True)
    improve.add_argument("--action", dest="corrective", required=True, metavar="TEXT", help="the corrective action")
    improve.add_argument("--owner", required=True)
    improve.add_argument("--due", required=True, metavar="YYYY-MM-DD")
    improve.add_argument("--milestone", metavar="KEY", help="the milestone it is about")


def _write(service: IncidentService, incident_id: int, out: str, lang: str) -> Path:
    from app.reports.after_action import write_report  # reportlab loads only when a report is written

    return write_report(report_data(service, incident_id), Path(out), lang)


def _run(service: IncidentService, args: argparse.Namespace) -> Result:
    scenario = load_scenario(args.scenario)
    quiet = getattr(args, "json", False) or not sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if not quiet:
            print(f"\r{done}/{total} steps", end="", file=sys.stderr, flush=True)

    run = run_drill(service, scenario, speed=args.speed, seed=args.seed, autoplay=args.autoplay,
                    paced=not args.instant, progress=progress)
    if not quiet:
        print(file=sys.stderr)
    row = service.get(run.incident_id)
    snap = service.snapshot(run.incident_id)
    data = {"incident": incident_data(row), "steps": run.steps, "performed": run.performed, **board_data(snap)}
    text = f"drill {row.id} ({scenario.key}): {run.performed}/{run.steps} synthetic steps\n" + board_text(row.case_at, snap)
    if args.report:
        data["report"] = str(_write(service, row.id, args.report, args.lang))
        text += f"\nreport: {data['report']}"
    return Result(data, text)


def _replay(service: IncidentService, args: argparse.Namespace) -> Result:
    incident_id = _drill_id(service, args.id)
    row = service.get(incident_id)
    if args.at:
        times = [parse_time(args.at, end_of_day=False)]
    else:
        if args.step <= 0:
            raise ValueError(f"--step must be a positive number of minutes (got {args.step})")
        end = row.closed_at or service.now()
        times = list(range(row.case_at, end, args.step * 60)) + [end]  # the last frame is the end
    frames = [service.snapshot(incident_id, t) for t in times]
    return Result({"incident": incident_id, "frames": [board_data(f) for f in frames]},
                  "\n".join(board_text(row.case_at, f) for f in frames))


def _report(service: IncidentService, args: argparse.Namespace) -> Result:
    incident_id = _drill_id(service, args.id)
    path = _write(service, incident_id, args.out, args.lang)
    return Result({"incident": incident_id, "report": str(path)}, f"report of incident {incident_id}: {path}")


def _improve(service: IncidentService, args: argparse.Namespace) -> Result:
    incident_id = _drill_id(service, args.id)
    row_id = service.add_improvement(incident_id, issue=args.issue, action=args.corrective, owner=args.owner,
                                     due=inputs.day(args.due, "--due").isoformat(), milestone=args.milestone)
    return Result({"incident": incident_id, "improvement": row_id}, f"improvement {row_id} added to incident {incident_id}")
