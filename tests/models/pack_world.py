"""A centre with dispatched tasks in both towns of the test world, and packs of town 330382001 made from it."""

from __future__ import annotations

from pathlib import Path

from app.models.dispatch.service import TaskService
from app.models.packs.service import make_pack
from app.store import Store
from tests.factories import Clock, World, at

TOWN = "330382001"
OTHER_TOWN = "330382002"
VILLAGE = "330382001001"


def centre_with_tasks(tmp: Path, n_tasks: int = 4, db: str | None = None) -> tuple[World, list[int]]:
    """The test world (at ``db``, else ``tmp/centre.gpkg``) with people in each town and ``n_tasks`` dispatched
    tasks to a village of town 1."""
    world = World.create(db or tmp / "centre.gpkg")
    for grid in ("330382001001001", "330382001002002", "330382002001001"):
        world.add_person(grid)
    service = TaskService(world.store, clock=Clock(at("2022-03-10 08:00")))
    ids = [service.create(kind="custom", source="manual", title=f"任务{i}", target_unit_code=VILLAGE, by="centre")
           for i in range(n_tasks)]
    service.create(kind="custom", source="manual", title="外镇任务", target_unit_code=OTHER_TOWN + "001", by="centre")
    for task_id in ids:
        service.transition(task_id, "dispatched", by="centre")
    return world, ids


def pack_copy(world: World, tmp: Path, name: str, role: str = "town_operator") -> Path:
    out = tmp / f"{name}.gpkg"
    make_pack(world.store, TOWN, role, out)
    return out


def open_store(path: Path) -> Store:
    return Store.open(path)
