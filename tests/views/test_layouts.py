"""The default layouts fit the screen: at 1366 × 768 (laptop) and 1920 × 1080 (workstation), in both languages,
every panel shows at least 8 rows of its list and all of its buttons without scrolling, and no tab title is cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtWidgets import QApplication, QToolButton

from app.console import Console
from app.views.layouts import LAPTOP, WORKSTATION, apply_layout, layout_for
from app.views.widgets import ElidedLabel
from tests.views.layout_fit import cut_tab_titles, dock_fit

SIZES = {"laptop": (1366, 768), "workstation": (1920, 1080)}
NOT_LISTS = {"thematic", "dashboard", "undo_history"}  # a form, the key-figure tiles, the (short) undo history


def test_the_layout_follows_the_screen_size() -> None:
    assert layout_for(QSize(1366, 768)) is LAPTOP and layout_for(QSize(1280, 1024)) is LAPTOP
    assert layout_for(QSize(1920, 1080)) is WORKSTATION and layout_for(QSize(2560, 1440)) is WORKSTATION


@pytest.fixture
def console_font(qapp):  # noqa: ANN001, ANN201
    """The font the console chooses at start (a CJK font, 10 pt and more): its rows are what a user sees."""
    from app.views.app import choose_font

    before = qapp.font()
    choose_font(qapp)
    yield qapp.font()
    qapp.setFont(before)


@pytest.fixture(params=["en", "zh"])
def window(request, qtbot, console: Console, settings_dir, console_font):  # noqa: ANN001, ANN201
    from app.views.main_window import MainWindow

    if request.param == "zh":
        request.getfixturevalue("chinese_translations")
    w = MainWindow(console, english=request.param == "en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.mark.parametrize("name", SIZES)
def test_every_panel_fits_its_dock(window, qtbot, name: str) -> None:  # noqa: ANN001
    """On the laptop every panel opens on demand from the panel strip, alone in the side column: each is measured
    open (the rule is the same — 8 rows, every button whole, no scrolling); the strip's titles are whole, and
    with the column closed (as the laptop starts) the map has at least 60 % of the window."""
    window.resize(*SIZES[name])
    layout = layout_for(QSize(*SIZES[name]))
    apply_layout(window, window.docks, layout, window.panels)
    qtbot.wait(20)
    fits = {}
    for key in window.docks:
        if layout.switched:
            window.show_panel(key)
        fits[key] = dock_fit(window, key)
    assert {k: f.rows for k, f in fits.items() if k not in NOT_LISTS and f.rows < 8} == {}
    assert {k: f.hidden_buttons for k, f in fits.items() if f.hidden_buttons} == {}
    assert [k for k, f in fits.items() if f.scrolls] == []
    assert cut_tab_titles(window) == []
    window.show_panel("dashboard")
    dashboard = window.docks["dashboard"]
    dashboard.raise_()
    QApplication.processEvents()
    viewport = dashboard.widget().viewport()
    tiles = dashboard.widget().widget().tiles
    assert all(viewport.rect().contains(t.geometry().translated(t.parentWidget().mapTo(viewport, t.parentWidget().rect().topLeft())))
               for t in tiles) and len(tiles) == 16
    if layout.switched:
        assert window.canvas.width() >= 700  # a panel open: the map still has most of the width
        strip = [b for b in window.panels.findChildren(QToolButton) if b.defaultAction() in window.panels.actions()]
        assert len(strip) == len(window.docks) and all(b.isVisible() and b.width() >= b.sizeHint().width() for b in strip)
        window.panels.show_panel(None)
        QApplication.processEvents()
        assert window.canvas.width() * window.canvas.height() >= 0.6 * window.width() * window.height()
    else:
        assert window.canvas.width() >= 800 and window.canvas.height() >= 260  # the map keeps the room it needs


@pytest.mark.parametrize("name", SIZES)
def test_the_map_opens_on_the_whole_county(qtbot, console: Console, settings_dir, name: str) -> None:  # noqa: ANN001
    from app.views.main_window import MainWindow

    window = MainWindow(console, english=True)
    qtbot.addWidget(window)
    window.resize(*SIZES[name])
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._opening is False)
    x0, y0, x1, y1 = console.atlas.extent()
    view = window.canvas.vb.viewRect()
    assert view.contains(QRectF(x0, y0, x1 - x0, y1 - y0))  # the whole county is in view …
    assert max((x1 - x0) / view.width(), (y1 - y0) / view.height()) >= 0.9  # … and fills the map one way


def test_reset_layout_restores_the_default(main_window, qtbot) -> None:  # noqa: ANN001
    main_window.docks["warnings"].setFloating(True)
    main_window.docks["screening"].hide()
    main_window.reset_layout()
    assert not main_window.docks["warnings"].isFloating()
    screening = main_window.docks["screening"]  # shown, or on the laptop closed in the panel strip (as it starts)
    assert screening.isVisibleTo(main_window) or (main_window.panels.owns("screening") and main_window.panels.shown is None)


def test_long_names_are_elided_in_the_middle_and_whole_on_hover(qtbot) -> None:  # noqa: ANN001
    name = "Vaccination coverage, three doses, people aged 60 and over"
    label = ElidedLabel(name)
    qtbot.addWidget(label)
    label.resize(160, 20)
    label.show()
    assert label.text().startswith("Vacc") and label.text().endswith("over") and "…" in label.text()
    assert label.toolTip() == name and label.full_text() == name


def _board_states(zero: int) -> list:
    """Every milestone met, with the widest figures the reference drill has (455 contacts of 455, 1,140 m²)."""
    from app.domain.incidents import Rating
    from app.models.incident.catalogue import milestone_catalogue
    from app.models.incident.milestones import MilestoneState

    return [MilestoneState(m.key, m.title_zh, m.title_en, zero + m.minutes * 60, zero + (m.minutes - 5) * 60, 9, 9,
                           {"contacts": (455, 455), "m2": (1140, 1140)}, "met", Rating.PERFORMED, m.reference)
            for m in milestone_catalogue().milestones]


@pytest.mark.parametrize("name", SIZES)
def test_the_milestone_board_reads_whole_without_scrolling_sideways(window, qtbot, name: str) -> None:  # noqa: ANN001
    from app.views.milestone_board import ACTUAL, DONE, NAME, RATED, TARGET

    window.resize(*SIZES[name])
    apply_layout(window, window.docks, layout_for(QSize(*SIZES[name])))
    window.docks["incident"].raise_()
    panel = window.panel("incident")
    panel.pages.setCurrentIndex(panel.board_page)
    board = panel.board
    board.show_board(_board_states(0), 0)
    qtbot.wait(20)
    assert board.horizontalHeader().length() <= board.viewport().width()  # nothing to the right of the view
    assert not dock_fit(window, "incident").scrolls and board.viewport().height() >= 8 * board.rowHeight(0)
    for column in (TARGET, ACTUAL, DONE, RATED):  # the figures are whole
        texts = [board.item(r, column).text() for r in range(board.rowCount())]
        assert board.columnWidth(column) >= max(board.fontMetrics().horizontalAdvance(t) for t in texts)
    assert board.columnWidth(NAME) >= 6 * board.fontMetrics().averageCharWidth()  # names keep room to be read
    titles = [board.item(r, NAME).toolTip() for r in range(board.rowCount())]
    english = window.english
    assert titles[0] == ("Leading group at the command post, police + CDC tracing started, case's places sealed"
                         if english else "领导小组到位、公安+疾控流调启动、病例场所封控")  # whole on hover
    assert board.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert board.item(0, RATED).text() == ("on time P" if english else "按时 P")
    assert board.item(5, DONE).text() == ("455/455 contacts, …" if english else "455/455 名接触者, …")
    assert board.item(5, DONE).toolTip().splitlines()[1] == ("1,140/1,140 m²" if english else "1,140/1,140 m²")
