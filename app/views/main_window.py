"""The main window: the county map in the middle, dockable panels around it, tool bar, menus, status bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.console import Console
from app.map.canvas import MapCanvas
from app.map.export import Sheet
from app.map.language import interface_language
from app.models.projection import to_lonlat
from app.models.tour import load_tour, tour_names
from app.views import settings
from app.views.app import swap_language
from app.views.breadcrumb import BreadcrumbBar
from app.views.camera_panel import CameraPanel
from app.views.export_dialog import ExportDialog, breadcrumb, briefing_sheet, export_sheet
from app.views.feature_tools import FeatureTools
from app.views.import_history import ImportHistoryDialog
from app.views.import_wizard import ImportWizard
from app.views.layer_panel import LayerPanel
from app.views.layouts import apply_layout, layout_for, whole_tab_titles
from app.views.lazy_panel import LazyPanel
from app.views.map_text import legend, level_names, unit_tooltip
from app.views.pack_status import PackStatusLabel
from app.views.panel_switcher import PanelSwitcher
from app.views.panels import PANELS, TOOLBAR_WIDGETS, PanelFactory, PanelSpec
from app.views.person_entry import open_person_entry
from app.views.search_box import SearchBox
from app.views.status_bar import MapStatusBar
from app.views.store_follower import StoreFollower
from app.views.thematic_panel import ThematicPanel
from app.views.trainer import TrainerMode
from app.views.undo_history import ConsoleUndo
from app.views.view_teardown import take_down_views
from app.views.wall_chooser import WallChooserDialog, open_wall_chooser, saved_wall_choice
from app.views.wall_mode import WallMode
from app.views.wartime import WartimeSwitch
from app.views.worker import FunctionWorker

AREAS = {"left": Qt.DockWidgetArea.LeftDockWidgetArea, "right": Qt.DockWidgetArea.RightDockWidgetArea,
         "bottom": Qt.DockWidgetArea.BottomDockWidgetArea}


class MainWindow(QMainWindow):
    """The console shell over one ``Console``; ``docks`` by object name, ``canvas`` the map.

    ``panels`` and ``toolbar`` are the registries of :mod:`app.views.panels` (tests pass their own); a panel is
    built when its dock is first shown (or ``panel(key)`` asks for it), an eager one at start. A panel that cannot
    be built raises then: a broken panel is a bug to see at once, not a dock that hides it."""

    def __init__(self, console: Console, english: bool = False, panels: Sequence[PanelSpec] = PANELS,
                 toolbar: Sequence[PanelFactory] = TOOLBAR_WIDGETS, undo: ConsoleUndo | None = None) -> None:
        super().__init__()
        self.console, self.english = console, english
        # the session's undo stack (the composition root's; a window made alone keeps its own): it outlives every
        # rebuild of the views, so a language switch loses no step
        self.undo = undo if undo is not None else ConsoleUndo(console.context, self)
        self._registry = (panels, toolbar)
        self._wartime = False
        self._missed_language = False
        screen = self.screen().availableGeometry()
        self.resize(min(1920, screen.width()), min(1080, screen.height()))
        self._build()
        apply_layout(self, self.docks, layout_for(screen.size()), self.panels)
        self._opening: QRectF | None | bool = settings.restore_window(self, console.layers)
        self._finish()

    def _build(self) -> None:
        """Every view, action and menu, in the interface language installed now."""
        c, (panels, toolbar) = self.console, self._registry
        english = self.english
        before = set(self.children())
        self.setWindowTitle(self.tr("Jingkong — epidemic-prevention command console") + f" · {c.store.display_name}")
        self.canvas = MapCanvas(c.atlas, c.layers, c.thematic, c.drill, c.context,
                                lambda units, row: unit_tooltip(c.atlas, c.thematic, units, row),
                                lambda: legend(c.thematic, c.layers))
        self.breadcrumb = BreadcrumbBar(c.drill, c.atlas, self)
        central = QWidget(self)
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.breadcrumb)
        box.addWidget(self.canvas, 1)
        self.setCentralWidget(central)
        self.docks: dict[str, QDockWidget] = {}
        self.layer_panel = LayerPanel(c.layers, english, self)
        self.thematic_panel = ThematicPanel(c.thematic, self)
        self.camera_panel = CameraPanel(c.camera_links, c.context, self)
        self._add_dock("layers", self.tr("Layers"), self.layer_panel, "left")
        self._add_dock("thematic", self.tr("Thematic map"), self.thematic_panel, "left")
        self._add_dock("cameras", self.tr("Cameras"), self.camera_panel, "right")
        for spec in panels:
            title = spec.title_en if english else spec.title_zh
            self._add_dock(spec.key, title, spec.build(c, self) if spec.eager else None, spec.area,
                           lambda build=spec.build: build(c, self))
        self.wartime = WartimeSwitch(self, self.docks)
        self.wartime.sigModeChanged.connect(c.incident_desk.set_wartime)  # the queue narrows to the incident
        c.incident_desk.set_wartime(self.wartime.wartime)
        self.trainer = TrainerMode(self)
        self.undo.attach(self.canvas, c.atlas, self)
        self.undo.adopt(self)
        self._add_dock("undo_history", self.tr("Undo history"), self.undo.history_view(self), "left")
        self.panels = PanelSwitcher(self, self.docks)
        self.search = SearchBox(c.unit_search, self)
        self.search.sigUnitChosen.connect(self.show_unit)
        self.status = MapStatusBar(self)
        self.setStatusBar(self.status)
        self.pack_status = PackStatusLabel(c.conflict_review, c.context, self) if c.pack_area is not None else None
        if self.pack_status is not None:  # a console on an offline pack shows how the pack stands
            self.status.addPermanentWidget(self.pack_status)
        self._build_actions(toolbar)
        self.canvas.sigPointClicked.connect(self.camera_panel.pick_point)
        self.canvas.sigViewChanged.connect(self._on_view_change)
        c.context.events.drawn_area.connect(self._on_drawn_area_change)
        self.canvas.scene().sigMouseMoved.connect(self._on_mouse_moved)
        # what a language switch takes down: only what this build made (the dock tab bars and splitters Qt makes
        # as it lays the docks out stay Qt's own)
        self._made = set(self.children()) - before - {self.menuBar()}

    def _finish(self) -> None:
        c = self.console
        self.panels.follow()
        whole_tab_titles(self)
        self.undo.rebase()
        self._show_counts({})
        self._counter = FunctionWorker(lambda _progress, _cancel: c.table_counts(), self)
        self._counter.sigDone.connect(self._show_counts)
        self._counter.start()
        self.follower = StoreFollower(c.indicators, c.context, c.changes, self)
        self._made |= {self._counter, self.follower}

    # --- building ---------------------------------------------------------------------------------
    def _add_dock(self, key: str, title: str, widget: QWidget | None, area: str,
                  build: Callable[[], QWidget] | None = None) -> None:
        """A dock for ``widget``, or, without one, for the panel ``build()`` makes the first time it is shown."""
        dock = QDockWidget(title, self)
        dock.setObjectName(key)
        scroll = QScrollArea(dock)  # a tall panel scrolls instead of stretching the window past the screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        if widget is None and build is not None:
            scroll.setWidget(LazyPanel(scroll, build, lambda panel: self._on_panel_built(key, panel)))
        else:
            scroll.setWidget(widget)
        dock.setWidget(scroll)
        dock.setProperty("area", int(AREAS[area].value))  # placed by the layout (see apply_layout)
        self.docks[key] = dock

    def panel(self, key: str) -> QWidget:
        """The panel of dock ``key``, built now if it has not been shown yet."""
        widget = self.docks[key].widget().widget()
        return widget.panel() if isinstance(widget, LazyPanel) else widget

    def _on_panel_built(self, key: str, panel: QWidget) -> None:
        """What the window wires into a panel, done when the panel is built (at start or when first shown)."""
        self.undo.adopt(panel)
        if key == "sync_conflicts" and self.pack_status is not None:
            panel.sigSynced.connect(self.pack_status.refresh)

    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        self.addAction(action)
        return action

    def _build_actions(self, toolbar: Sequence[PanelFactory]) -> None:
        self.act_extent = self._action(self.tr("Whole county"), self.show_county, "Home")
        self.act_up = self._action(self.tr("Up one level"), self.drill_up, "Alt+Up")
        self.act_export = self._action(self.tr("Export map…"), self.export_dialog, "Ctrl+E")
        self.act_reset = self._action(self.tr("Reset layout"), self.reset_layout, "Ctrl+Shift+R")
        self.act_import = self._action(self.tr("Import department data…"), self.import_wizard, "Ctrl+Shift+I")
        self.act_import_history = self._action(self.tr("Import history…"), self.import_history)
        self.act_wall = self._action(self.tr("Wall mode"), self.toggle_wall, "F11")
        self.act_wall.setShortcuts([QKeySequence("F11"), QKeySequence("Ctrl+Shift+W")])
        self.act_wall_choose = self._action(self.tr("Wall mode: what to show…"), self.choose_wall, "Ctrl+Shift+F11")
        self.wall: WallMode | None = None
        act_find = self._action(self.tr("Find unit"), self.search.setFocus, QKeySequence.StandardKey.Find)
        act_clear = self._action(self.tr("Clear selection"), lambda: setattr(self.console.context, "selected_unit", None), "Esc")
        self.act_draw = self._action(self.tr("Draw area"), self.draw_area, "Ctrl+D")
        self.act_draw.setCheckable(True)
        self.act_draw.setStatusTip(self.tr("Click the corners of an area; double-click or Enter finishes, right-click or Esc cancels"))
        self.canvas.sketch.sigActiveChanged.connect(self._on_sketch_active_change)
        act_clear_area = self._action(self.tr("Clear drawn area"), lambda: setattr(self.console.context, "drawn_area", None))
        act_quit = self._action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        tools = QToolBar(self.tr("Map"), self)
        tools.setObjectName("map_tools")
        tools.setMovable(False)
        for action in (self.act_extent, self.act_up, self.act_draw, self.act_export):
            tools.addAction(action)
        tools.addSeparator()
        tools.addWidget(self.search)
        for build in toolbar:
            tools.addSeparator()
            tools.addWidget(build(self.console, self))
        self.addToolBar(tools)
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(self.act_import)
        file_menu.addAction(self.act_import_history)
        file_menu.addAction(self.act_export)
        file_menu.addSeparator()
        if self.console.pack_area is None:
            file_menu.addAction(self._action(self.tr("Make offline pack…"),
                                             lambda: self.panel("sync_conflicts").make_pack()))
        else:
            file_menu.addAction(self._action(self.tr("Sync pack with centre…"),
                                             lambda: self.panel("sync_conflicts").sync_pack()))
            if self.console.people.may_enter:  # people found door to door, sent to the centre at sync
                file_menu.addAction(self._action(self.tr("Enter person found door to door…"),
                                                 lambda: open_person_entry(self.console.people, self)))
        file_menu.addSeparator()
        file_menu.addAction(act_quit)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo.undo_action)
        edit_menu.addAction(self.undo.redo_action)
        edit_menu.addAction(self.docks["undo_history"].toggleViewAction())
        map_menu = menu.addMenu(self.tr("&Map"))
        for action in (self.act_extent, self.act_up, act_find, act_clear):
            map_menu.addAction(action)
        map_menu.addSeparator()
        map_menu.addAction(self.act_draw)
        map_menu.addAction(act_clear_area)
        self.feature_tools = FeatureTools(self, tools, map_menu)
        view_menu = menu.addMenu(self.tr("&Window"))
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addAction(self.act_wall)
        view_menu.addAction(self.act_wall_choose)
        view_menu.addAction(self.act_reset)
        view_menu.addSeparator()
        self.act_wartime = self._action(self.tr("Wartime layout"), self.wartime.set_wartime, "F9")
        self.act_wartime.setCheckable(True)
        self.act_wartime.setChecked(self.wartime.wartime)
        self.wartime.sigModeChanged.connect(self.act_wartime.setChecked)
        view_menu.addAction(self.act_wartime)
        trainer_menu = view_menu.addMenu(self.tr("Trainer mode"))
        for key in tour_names():
            tour = load_tour(key)
            trainer_menu.addAction(tour.title_en if self.english else tour.title_zh,
                                   lambda tour=tour: self.trainer.start(tour))
        trainer_menu.addAction(self._action(self.tr("Leave trainer mode"), self.trainer.stop, "Shift+F11"))
        lang_menu = menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for lang, text in (("zh", "中文（简体）"), ("en", "English")):
            action = lang_menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(lang == ("en" if self.english else "zh"))
            action.triggered.connect(lambda _=False, lang=lang: self._choose_language(lang))
            group.addAction(action)

    # --- actions ----------------------------------------------------------------------------------
    def show_unit(self, code: str) -> None:
        """Focus the map on a unit and select it (search results): the breadcrumb and the level shown follow, and
        the keyboard goes to the map (Home, Alt+Up act at once)."""
        self.console.drill.drill_to(code)
        self.canvas.zoom_to(code)
        self.console.context.selected_unit = code
        self.canvas.setFocus()

    def show_county(self) -> None:
        self.console.drill.go_up_to(0)
        self.canvas.zoom_to_extent()

    def draw_area(self, checked: bool = True) -> None:
        """Start drawing an area on the map (unchecking the action stops without publishing)."""
        if checked:
            self.canvas.sketch.start()
            self.status.showMessage(self.act_draw.statusTip())
        else:
            self.canvas.sketch.cancel()

    def _on_sketch_active_change(self, active: bool) -> None:
        self.act_draw.setChecked(active)
        if not active:
            self.status.clearMessage()

    def _on_drawn_area_change(self, area) -> None:  # noqa: ANN001
        if area is not None and "screening" in self.docks:  # the screening panel screens it: show the result
            self.show_panel("screening")

    def drill_up(self) -> None:
        self.console.drill.go_up_to(self.console.drill.depth - 1)

    def reset_layout(self) -> None:
        """The default layout for the screen the window is on (laptop or workstation)."""
        apply_layout(self, self.docks, layout_for(self.screen().availableGeometry().size()), self.panels)

    def show_panel(self, key: str) -> None:
        """Bring panel ``key`` to the front (opening it from the panel strip on a laptop)."""
        if self.panels.owns(key):
            self.panels.show_panel(key)
        else:
            self.docks[key].show()
            self.docks[key].raise_()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        if self._missed_language:  # the language was switched while this window was closed
            self._missed_language = False
            QTimer.singleShot(0, self, self.retranslate)
        if self._opening is not False:  # once the window has its real size: the map opens on the whole county
            QTimer.singleShot(0, self, self._open_view)

    def _open_view(self) -> None:
        """The saved view, else the whole county, fitted to the map's real size (the map is built before the window
        is laid out, at a size it never has on screen)."""
        if isinstance(self._opening, QRectF):
            self.canvas.vb.setRange(self._opening, padding=0)
        else:
            self.canvas.zoom_to_extent()
        self._opening = False

    def toggle_wall(self) -> None:
        """Enter the full-screen wall mode, or leave it (F11 or Ctrl+Shift+W; Esc too while on the wall)."""
        if self.wall is not None:
            self.wall.close()
            return
        choice = saved_wall_choice(self.console)
        self._open_wall((choice.units, choice.indicators, choice.seconds * 1000))

    def _open_wall(self, choice: tuple[Sequence[str], Sequence[str], int]) -> None:
        units, indicators, cycle_ms = choice
        self.undo.recording = False
        self.wall = WallMode(self.console, units, indicators, cycle_ms=cycle_ms)
        self.wall.sigLeft.connect(self._on_wall_left)
        self.wall.start()

    def choose_wall(self) -> WallChooserDialog:
        """Choose the wall's units, indicators and period (kept for the next wall and the next start)."""
        return open_wall_chooser(self.console, self.english, self)

    def _on_wall_left(self) -> None:
        self.wall = None
        self.undo.recording = True
        self.activateWindow()

    def _choose_language(self, lang: str) -> None:
        """Switch the interface language now (and for the next start): the translators are swapped, and the
        LanguageChange Qt then sends every widget rebuilds this window in the new language."""
        settings.set_language(lang)
        if lang != ("en" if self.english else "zh"):
            swap_language(QApplication.instance(), lang)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self.english != (interface_language() == "en"):
            if self.isVisible():  # once, after every translator of the swap is in
                QTimer.singleShot(0, self, self.retranslate)
            else:  # a closed window is rebuilt when it is shown again, not while nobody sees it
                self._missed_language = True

    def retranslate(self) -> None:
        """Rebuild the views in the interface language installed now, keeping the layout and the map's view.

        Every panel, dock title, menu, tool bar, legend and tile is made anew by the code that made it (one path
        for both languages, so no string can be left behind untranslated); the command picture itself — unit,
        level, indicator, as-of date, selection — lives in the console's models and carries over as it is, and so
        does the session's undo stack; an area being drawn and an open wall carry over too (see ``_rebuild``).
        Steps already on the stack keep the names they were given in the old language."""
        english = interface_language() == "en"
        if english != self.english:
            self._rebuild(lambda: setattr(self, "english", english))

    def reload_geography(self) -> None:
        """The admin layers were replaced (or the replacement undone): the console builds its atlas and all made from
        it again from the store, and the views over them are rebuilt as a language switch rebuilds them."""
        self._rebuild(self.console.reload_geography)

    def _rebuild(self, between: Callable[[], None]) -> None:
        """Take down every view this window built, run ``between``, build them all again: layout, map view, the
        area being drawn and the wall (made again with the same units, indicators and cycle) are kept."""
        c = self.console
        settings.save_window(self, self.canvas, c.layers)
        self._settle()
        wall = self.wall.choice if self.wall is not None else None
        if self.wall is not None:  # the wall's words are of the old language: it is made again below
            self.wall.close()
        drawing = list(self.canvas.sketch.vertices) if self.canvas.sketch.active else None
        take_down_views(self, self.docks.values(), self._made)  # the models then speak to the new views only
        between()
        self._build()
        apply_layout(self, self.docks, layout_for(self.screen().availableGeometry().size()), self.panels)
        self._opening = settings.restore_window(self, c.layers)
        self._open_view()
        for part in (self.centralWidget(), self.statusBar(), *self.findChildren(QToolBar)):
            part.show()  # made while the window is shown: Qt shows only what a layout adds
        self._finish()
        if drawing is not None:
            self.canvas.sketch.resume(drawing)
        if wall is not None:
            self._open_wall(wall)

    def sheet(self, title: str, subtitle: str | None = None) -> Sheet:
        return briefing_sheet(self.console, title, breadcrumb(self.console) if subtitle is None else subtitle)

    def export_to(self, path: Path, title: str, subtitle: str | None = None) -> bool:
        return export_sheet(self.canvas, self.sheet(title, subtitle), path)

    def export_dialog(self) -> None:
        dialog = ExportDialog(self.windowTitle().split(" · ")[0], breadcrumb(self.console), Path.home(), self)
        if dialog.exec() and not self.export_to(Path(dialog.path.text()), dialog.title.text(), dialog.subtitle.text()):
            QMessageBox.warning(self, "Jingkong", self.tr("Could not write %1").replace("%1", dialog.path.text()))

    def import_wizard(self) -> ImportWizard:
        """Open the import wizard (modeless: the map stays usable while a long import runs)."""
        wizard = ImportWizard(self.console.imports, "en" if self.english else "zh", self)
        wizard.sigBoundariesChanged.connect(self.reload_geography)  # the map and panels follow the new layers
        wizard.show()
        return wizard

    def import_history(self) -> ImportHistoryDialog:
        """Open the list of past imports (modeless), with Undo of the one selected."""
        dialog = ImportHistoryDialog(self.console.imports, "en" if self.english else "zh", self)
        dialog.sigBoundariesChanged.connect(self.reload_geography)  # as after the wizard's undo
        dialog.show()
        return dialog

    # --- status -----------------------------------------------------------------------------------
    def _show_counts(self, counts: dict[str, int]) -> None:
        levels = self.console.level_counts
        names = level_names()
        parts = [f"{names[lv]} {levels.get(lv.key, 0):,}" for lv in list(names)[1:]]
        if counts:
            parts += [self.tr("Persons %1").replace("%1", f"{counts.get('persons', 0):,}"),
                      self.tr("Cameras %1").replace("%1", f"{counts.get('cameras', 0):,}"),
                      self.tr("Records %1").replace("%1", f"{self.console.records_total(counts):,}")]
        self.status.show_store(self.console.store.display_name, "  ·  ".join(parts))

    def _on_view_change(self) -> None:
        width = self.canvas.viewport().width()
        self.status.scale.set_resolution(self.canvas.view_width_m() / width if width else 0.0)

    def _on_mouse_moved(self, scene_pos) -> None:  # noqa: ANN001
        point = self.canvas.vb.mapSceneToView(scene_pos)
        self.status.show_position(*to_lonlat(point.x(), point.y()))

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        settings.save_window(self, self.canvas, self.console.layers)
        self._settle()
        super().closeEvent(event)

    def _settle(self) -> None:
        """Let the work in flight finish (counts, tours, panels' store work) before the views go."""
        self._counter.wait()
        self.trainer.wait()
        for dock in self.docks.values():
            wait = getattr(dock.widget().widget(), "wait", None)
            if callable(wait):
                wait()
