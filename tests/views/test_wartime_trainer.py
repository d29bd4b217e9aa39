"""The wartime switch round-trips both layouts; the incident panel dispatches and shows the board; trainer tours
drive the real window by PageUp/PageDown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.models.tour import load_tour
from tests.factories import World
from tests.models.incident_world import CASE_AT, HOME, build_incident_world


def _visible(window) -> set[str]:  # noqa: ANN001
    return {k for k, d in window.docks.items() if d.isVisible()}


def test_the_wartime_switch_round_trips_the_layout(main_window, qtbot) -> None:  # noqa: ANN001
    main_window.show_panel("warnings")  # the test screen is a laptop's: panels open from the strip
    peacetime = _visible(main_window)
    assert "warnings" in peacetime
    main_window.act_wartime.trigger()
    assert main_window.wartime.wartime and main_window.act_wartime.isChecked()
    qtbot.waitUntil(lambda: "incident" in _visible(main_window))
    assert _visible(main_window) == {"layers", "incident", "task_queue", "tracing"}
    main_window.docks["tracing"].hide()  # the coordinator rearranges the wartime layout
    wartime = _visible(main_window)
    main_window.act_wartime.trigger()
    qtbot.waitUntil(lambda: _visible(main_window) == peacetime)
    main_window.act_wartime.trigger()
    qtbot.waitUntil(lambda: _visible(main_window) == wartime)
    assert "tracing" not in wartime


def test_the_incident_panel_dispatches_and_shows_the_board(main_window, map_world: World, qtbot) -> None:  # noqa: ANN001
    ids = build_incident_world(map_world)
    desk = main_window.console.incident_desk
    panel = main_window.panel("incident")
    with desk.service.at(CASE_AT):
        incident = desk.service.open(at=CASE_AT, person_id=ids["case"])
    desk.take_up(desk.service.get(incident))
    assert panel.dispatch_button.isEnabled() and "contacts 1 + 0" in panel.summary.text()
    panel.wait()
    panel.confirm_dispatch_now()
    qtbot.waitUntil(lambda: desk.incident.dispatched_at is not None and panel.board.rowCount() == 6)
    panel.wait()
    assert not panel.dispatch_button.isEnabled()
    assert main_window.console.context.choropleth.values[HOME] == 3.0  # the lockdown grid, on the map
    assert panel.board.item(0, 4).text().startswith(("pending", "overdue"))


def test_a_trainer_tour_steps_through_the_window(main_window, qtbot) -> None:  # noqa: ANN001
    normal_font = QApplication.font().pointSizeF()
    layers = main_window.console.layers
    main_window.trainer.start(load_tour("layers"))
    assert main_window.isFullScreen() and QApplication.font().pointSizeF() > normal_font
    assert not layers["cameras"].visible and layers["grid"].visible
    assert "(1/6)" in main_window.trainer.caption.text()
    qtbot.keyClick(main_window, Qt.Key.Key_PageDown)
    assert main_window.trainer.index == 1
    main_window.trainer.wait()
    qtbot.waitUntil(lambda: main_window.console.context.choropleth is not None)
    assert main_window.console.context.choropleth.title_en.startswith("Population")
    for _ in range(3):
        qtbot.keyClick(main_window, Qt.Key.Key_PageDown)
    assert main_window.trainer.index == 4 and layers["cameras"].visible
    assert main_window.console.context.selected_unit == "330382001"  # zoomed to the step's town
    qtbot.keyClick(main_window, Qt.Key.Key_PageUp)
    assert main_window.trainer.index == 3
    main_window.trainer.stop()
    assert not main_window.isFullScreen() and QApplication.font().pointSizeF() == normal_font
    qtbot.keyClick(main_window, Qt.Key.Key_PageDown)
    assert main_window.trainer.index == -1


def test_wartime_narrows_the_queue_to_the_incident_and_the_panel_raises_alarms(main_window, map_world: World,  # noqa: ANN001
                                                                               qtbot) -> None:  # noqa: ANN001
    ids = build_incident_world(map_world)
    desk, service = main_window.console.incident_desk, main_window.console.incidents
    panel = main_window.panel("incident")
    queue_panel = main_window.panel("task_queue")
    with service.at(CASE_AT):
        first = service.open(at=CASE_AT, person_id=ids["case"], mode="drill")
        other = service.open(at=CASE_AT, person_id=ids["case"], mode="drill")
        service.dispatch(first)
        service.dispatch(other)
    desk.take_up(service.get(first))
    panel.wait()
    mine = {t.task_id for t in service.linked(first)}
    queue_panel.reload()
    assert {r.id for r in queue_panel.model.rows} - mine  # peacetime: every open task
    main_window.act_wartime.trigger()
    assert queue_panel.queue.filter.incident_id == first
    qtbot.waitUntil(lambda: {r.id for r in queue_panel.model.rows} == mine)
    desk.replaying = True  # the replay slider in hand: the live tick stays quiet
    panel.wait()
    desk.publish(desk.picture_at(CASE_AT + 5 * 3600))  # five hours on, nothing done: everything is late
    assert panel.alarm.isVisible() and "Milestones overdue" in panel.alarm.text()
    assert f"{len([t for t in service.linked(first) if t.milestone])} incident task" in panel.alarm.text()
    desk.publish(desk.picture_at(CASE_AT + 60))  # one minute in: nothing due yet
    assert not panel.alarm.isVisible()
    main_window.act_wartime.trigger()
    assert queue_panel.queue.filter.incident_id is None


def test_the_improvement_plan_is_filled_in_the_console(main_window, map_world: World, qtbot) -> None:  # noqa: ANN001
    from app.models.incident.report_data import report_data

    ids = build_incident_world(map_world)
    desk, service = main_window.console.incident_desk, main_window.console.incidents
    panel = main_window.panel("incident")
    with service.at(CASE_AT):
        incident = service.open(at=CASE_AT, person_id=ids["case"], mode="drill")
    desk.take_up(service.get(incident))
    page = panel.improvements
    panel.pages.setCurrentWidget(page)
    for field, value in ((page.issue, "交通卡口设置超时"), (page.action, "预置卡口物资"), (page.owner, "交警大队")):
        field.setText(value)  # typed through an input method (QTest types ASCII only)
    qtbot.keyClicks(page.due, "2022-05-01")
    page.milestone.setCurrentIndex(page.milestone.findData("traffic_checkpoints"))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    panel.wait()
    assert [page.table.item(0, c).text() for c in range(4)] == ["交通卡口设置超时", "预置卡口物资", "交警大队", "2022-05-01"]
    assert page.issue.text() == ""  # the form is ready for the next row
    rows = report_data(service, incident).improvements  # what the after-action report prints
    assert [(r.issue, r.action, r.owner, r.due, r.milestone) for r in rows] == [
        ("交通卡口设置超时", "预置卡口物资", "交警大队", "2022-05-01", "traffic_checkpoints")]
    page.table.selectRow(0)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 0)
    panel.wait()
    assert service.improvements(incident) == []
