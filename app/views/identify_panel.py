"""The identify results (QGIS's Identify Features): every feature under the last identify click, by layer,
with its attributes; choosing one selects it on the map, double-clicking zooms to it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.models.feature_selection import FeatureSelection
from app.models.identify import Feature, FeatureCatalog, IdentifyResults
from app.models.layers import PolygonLayer
from app.models.projection import to_lonlat
from app.views.feature_text import FEATURE_FIELD, display_value, layer_title, shown_keys
from app.views.widgets import button_row

FEATURE_ROLE = Qt.ItemDataRole.UserRole
EXPAND_UP_TO = 4  # features listed with their attributes open; more are listed closed


class IdentifyPanel(QWidget):
    """Follows ``identify.events.results``; writes the chosen feature to the shared feature selection."""

    def __init__(self, identify: IdentifyResults, catalog: FeatureCatalog, selection: FeatureSelection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._identify, self._catalog, self._selection = identify, catalog, selection
        self.heading = QLabel(self.tr("Turn on Identify (Ctrl+I) and click the map."), self)
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Feature"), self.tr("Value")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._on_current_change)
        self.tree.itemDoubleClicked.connect(lambda *_: self.zoom_to_current())
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.heading)
        box.addWidget(self.tree, 1)
        box.addLayout(button_row(self, [(self.tr("Zoom to feature"), self.zoom_to_current)]))
        identify.events.results.connect(self._on_results_change)
        if identify.at is not None:  # built after a click (its dock first shown then): show what was identified
            self._on_results_change(identify.features)

    def _on_results_change(self, features: list[Feature]) -> None:
        self.tree.clear()
        x, y = self._identify.at or (0.0, 0.0)
        lon, lat = to_lonlat(x, y)
        self.heading.setText(self.tr("%n feature(s) at %1", "", len(features)).replace("%1", f"{lon:.5f}°E {lat:.5f}°N"))
        groups: dict[str, QTreeWidgetItem] = {}
        for feature in features:
            group = groups.get(feature.layer_key)
            if group is None:
                group = groups[feature.layer_key] = QTreeWidgetItem(self.tree, [layer_title(self._catalog.layer(feature.layer_key))])
                group.setExpanded(True)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
            self._add_feature(group, feature, expanded=len(features) <= EXPAND_UP_TO)
        for group in groups.values():
            group.setText(1, self.tr("%n feature(s)", "", group.childCount()))
        first = next(iter(groups.values()), None)
        if first is not None and first.childCount():
            first.child(0).setExpanded(True)

    def _add_feature(self, group: QTreeWidgetItem, feature: Feature, expanded: bool) -> None:
        values = dict(self._catalog.attributes(feature.layer_key, feature.row))
        item = QTreeWidgetItem(group, [self.feature_title(feature, values), ""])
        item.setData(0, FEATURE_ROLE, feature)
        if feature.distance_m:
            item.setText(1, self.tr("%1 m away").replace("%1", f"{feature.distance_m:,.0f}"))
        for key in shown_keys(list(values)):
            QTreeWidgetItem(item, [FEATURE_FIELD(key), display_value(key, values[key])])
        item.setExpanded(expanded)

    def feature_title(self, feature: Feature, values: dict[str, object]) -> str:
        """A grid reads "第3网格 · 小浦村第3网格"-like: its number in the village first; other features their name."""
        if "number" in values:
            return self.tr("Grid %1").replace("%1", str(values["number"])) + f" · {values['name']}"
        return str(values.get("name", feature.row))

    def current_feature(self) -> Feature | None:
        item = self.tree.currentItem()
        while item is not None and item.data(0, FEATURE_ROLE) is None:
            item = item.parent()
        return item.data(0, FEATURE_ROLE) if item is not None else None

    def _on_current_change(self) -> None:
        feature = self.current_feature()
        if feature is None:
            return
        if isinstance(self._catalog.layer(feature.layer_key), PolygonLayer):
            self._selection.select(feature.layer_key, [feature.row])
        else:
            self._selection.select_feature(feature.layer_key, feature.row)

    def zoom_to_current(self) -> None:
        feature = self.current_feature()
        if feature is not None:
            self._selection.zoom_to(feature.layer_key, [feature.row])
