"""Six consoles transferring people to one hotel at the same moment: every call answers (a task, or one line
saying the hotel is full), no deadlock, and exactly the beds that were free are taken — on both backends."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from app.domain.facilities import FacilityKind
from app.models.dispatch.service import TaskService
from app.models.dispatch.transport import TransportService
from tests.factories import World

ROOT = Path(__file__).resolve().parents[2]
CALLERS = 6
ROUNDS = 9

# Each caller process runs one transfer per round through the real CLI (in-process, so all six hit the store
# within milliseconds of each other): round r starts at start + r * STEP; it prints "code message" per round.
STEP = 1.5
CALLER = """
import contextlib, io, sys, time
from app.cli import main
start, step, db, vehicle = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
for r, pair in enumerate(sys.argv[5:]):
    person, hotel = pair.split(":")
    while time.time() < start + r * step:
        time.sleep(0.002)
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["transfers", "people", "--person", person, "--hotel", hotel, "--vehicle", vehicle, "--db", db])
    print(code, err.getvalue().strip().replace(chr(10), " | "), flush=True)
"""


def test_concurrent_transfers_to_one_hotel_fill_it_exactly(shared: tuple[World, str]) -> None:
    world, db = shared
    capacities = [1 + r % 5 for r in range(ROUNDS)]  # 1..5 beds for 6 callers of one person each
    hotels = [world.add_facility(FacilityKind.QUARANTINE_HOTEL, capacity=c, name=f"酒店{r}") for r, c in enumerate(capacities)]
    people = [[world.add_person() for _ in range(CALLERS)] for _ in range(ROUNDS)]
    start = time.time() + 6  # room for the six interpreters to start on a busy machine
    runs = [subprocess.Popen([sys.executable, "-c", CALLER, str(start), str(STEP), db, f"浙C{i}",
                              *(f"{people[r][i]}:{hotels[r]}" for r in range(ROUNDS))],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for i in range(CALLERS)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert all(run.returncode == 0 and not err for run, (_, err) in zip(runs, outputs)), outputs  # no caller crashed
    lines = [out.strip().splitlines() for out, _ in outputs]
    transport = TransportService(TaskService(world.store))
    loads = {h.id: h for h in transport.hotels()}
    for r, capacity in enumerate(capacities):
        answers = [(int(code), message) for code, _, message in (ln[r].partition(" ") for ln in lines)]
        accepted = [m for code, m in answers if code == 0]
        assert len(accepted) == capacity, (r, answers)
        assert all(code == 2 and "free beds" in m for code, m in answers if code), (r, answers)
        assert (loads[hotels[r]].used, loads[hotels[r]].free) == (capacity, 0)
