"""The dispatch queue in the store, on SQLite and PostgreSQL: filters, sorts and pages in SQL, compare-and-set,
the append-only audit log, and the tables added to a store made before they existed."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.domain.admin import Level
from app.domain.tasks import TaskStatus as S
from app.models.dispatch.cascade import cascade
from app.models.dispatch.service import TaskService, TaskSpec
from app.store.queries import task_writes as w
from app.store.queries.tasks import TaskFilter, change_token, task_count, task_page
from tests.factories import World, at

T0 = at("2022-03-10 08:00")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def service(request: pytest.FixtureRequest, tmp_path) -> TaskService:  # noqa: ANN001
    db = tmp_path / "w.gpkg" if request.param == "sqlite" else request.getfixturevalue("postgres").new_database()
    world = World.create(db)
    for grid in world.grid_codes():
        world.add_person(grid)
    yield TaskService(world.store, clock=lambda: T0)
    world.store.close()


def _seed(service: TaskService) -> list[int]:
    """12 tasks: priorities cycle 1,2,3; grids cycle over the 8 grids; titles t00..t11."""
    grids = sorted(u.code for u in service.router.descendants(service.router.county.id, Level.GRID))
    return service.create_many([TaskSpec("screening" if i % 2 else "control", "manual", f"t{i:02d}", grids[i % 8],
                                         priority=i % 3 + 1) for i in range(12)])


def test_filters_sort_and_pages(service: TaskService) -> None:
    ids = _seed(service)
    store = service.store
    town = TaskFilter(unit_code="330382002", sort="title")
    assert [r.title for r in task_page(store, town)] == ["t04", "t05", "t06", "t07"]
    assert task_count(store, TaskFilter(kinds=("control",), priorities=(1,))) == 2  # t00, t06
    by_priority = TaskFilter(sort="priority", descending=True)
    pages = task_page(store, by_priority, 0, 5) + task_page(store, by_priority, 5, 5) + task_page(store, by_priority, 10, 5)
    assert [r.id for r in pages] == sorted(ids, key=lambda i: (-((i - ids[0]) % 3 + 1), -i))
    assert [r.title for r in task_page(store, TaskFilter(text="t1", sort="title"))] == ["t10", "t11"]
    service.transition(ids[3], "dispatched", by="x")
    assert [r.id for r in task_page(store, TaskFilter(statuses=(int(S.DISPATCHED),)))] == [ids[3]]
    assert task_count(store, TaskFilter(overdue_at=T0 + 10 * 86_400)) == 12
    with pytest.raises(ValueError, match="cannot sort tasks by 'secret'"):
        task_page(store, TaskFilter(sort="secret"))


def test_person_filter_and_change_token(service: TaskService) -> None:
    before = change_token(service.store)
    task = service.create(kind="warning_verification", source="warning", title="p", person_ids=[1])
    assert change_token(service.store) > before
    assert [r.id for r in task_page(service.store, TaskFilter(person_id=1))] == [task]


def test_compare_and_set_and_cascade_on_each_backend(service: TaskService) -> None:
    [task] = _seed(service)[:1]
    row = service.get(task)
    with service.store.begin() as conn:
        assert w.compare_and_set(conn, task, row.version, {"title": "first"})
        assert not w.compare_and_set(conn, task, row.version, {"title": "second"})
    assert (service.get(task).title, service.get(task).version) == ("first", row.version + 1)
    parent = service.create(kind="lockdown", source="drill", title="town", target_unit_code="330382001")
    kids = cascade(service, parent, Level.GRID, by="cmd")
    for kid in kids:
        service.transition(kid, "cancelled", by="cmd")
    assert service.get(parent).status == S.CANCELLED


def test_audit_log_refuses_rewrites_on_each_backend(service: TaskService) -> None:
    task = service.create(kind="custom", source="manual", title="x", target_unit_code="330382001")
    with pytest.raises(DBAPIError, match="append-only"), service.store.begin() as conn:
        conn.execute(text("UPDATE task_events SET note = 'x' WHERE task_id = :t"), {"t": task})
    assert len(service.events(task)) == 1
