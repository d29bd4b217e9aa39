"""Task titles the console writes read in the interface language; a title a person typed reads as typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.console import Console
from app.domain.admin import Level
from app.models.dispatch.cascade import cascade
from tests.factories import World

TYPED = "巡查重点场所"


@pytest.fixture
def titled(map_world: World) -> tuple[Console, dict[str, int]]:
    """A transfer of two people (the console writes its title), a typed task fanned out to the villages of town
    001 (the children repeat the typed title and add their village)."""
    console = Console(map_world.store)
    people = [map_world.add_person() for _ in range(2)]
    hotel_id = console.transport.hotels()[0].id
    transfer = console.transport.plan_transfer(people, hotel_id, vehicle="浙C·12345", origin="home", by="op")
    typed = console.tasks.create(kind="custom", source="manual", title=TYPED, target_unit_code="330382001")
    children = cascade(console.tasks, typed, Level.VILLAGE, by="op")
    return console, {"transfer": transfer, "typed": typed, "child": children[0]}


def _titles(window) -> dict[int, str]:  # noqa: ANN001
    panel = window.panel("task_queue")
    panel.status.setCurrentIndex(1)  # all
    panel.reload()
    model = panel.model
    return {row.id: model.index(i, 4).data(Qt.ItemDataRole.DisplayRole) for i, row in enumerate(model.rows)}


def _assignees(window) -> dict[int, str]:  # noqa: ANN001
    model = window.panel("task_queue").model
    return {row.id: model.index(i, 5).data(Qt.ItemDataRole.DisplayRole) for i, row in enumerate(model.rows)}


def _window(qtbot, console: Console, english: bool):  # noqa: ANN001, ANN202
    from app.views.main_window import MainWindow

    window = MainWindow(console, english=english)
    qtbot.addWidget(window)
    return window


def test_the_english_queue_reads_console_titles_in_english(qtbot, titled, settings_dir) -> None:  # noqa: ANN001
    console, ids = titled
    window = _window(qtbot, console, english=True)
    titles = _titles(window)
    hotel = console.transport.hotels()[0].name
    assert titles[ids["transfer"]] == f"Transfer 2 people → {hotel}"  # the hotel's name is data
    assert titles[ids["typed"]] == TYPED  # typed by a person: as typed
    assert titles[ids["child"]] == f"{TYPED} · Unit 330382001001"  # the village in its English (pinyin) name
    assert _assignees(window)[ids["typed"]].startswith("Unit 330382001 · ")  # the assignee unit too


def test_the_chinese_queue_reads_them_in_chinese(qtbot, titled, settings_dir, chinese_translations) -> None:  # noqa: ANN001
    console, ids = titled
    titles = _titles(_window(qtbot, console, english=False))
    hotel = console.transport.hotels()[0].name
    assert titles[ids["transfer"]] == f"转运 2 人 → {hotel}"
    assert titles[ids["typed"]] == TYPED
    assert titles[ids["child"]].startswith(f"{TYPED} · ")
