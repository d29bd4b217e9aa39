"""The layer panel: a tree of the map's layers (top of the list draws on top) with visibility, opacity,
labels and order. Writes to the layer models and follows their events (guarded against loops). A point layer
coloured by category lists its classes under it (symbol, name, count on the as-of date) while it is visible."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.map.point_painter import symbol_pixmap
from app.models.layers import Layer, LayerList, PointLayer, PolygonLayer
from app.views.map_text import class_entries


class LayerPanel(QWidget):
    def __init__(self, layers: LayerList, english: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layers, self._english, self._syncing = layers, english, False
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(self._on_current_change)
        self.opacity = QSlider(Qt.Orientation.Horizontal, self)
        self.opacity.setRange(0, 100)
        self.opacity.valueChanged.connect(self._on_opacity_edit)
        self.labels = QCheckBox(self.tr("Labels"), self)
        self.labels.toggled.connect(self._on_labels_edit)
        self.up, self.down = QToolButton(self), QToolButton(self)
        self.up.setArrowType(Qt.ArrowType.UpArrow)
        self.down.setArrowType(Qt.ArrowType.DownArrow)
        self.up.setToolTip(self.tr("Draw above"))
        self.down.setToolTip(self.tr("Draw below"))
        self.up.clicked.connect(lambda: self._move(+1))
        self.down.clicked.connect(lambda: self._move(-1))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Opacity"), self))
        row.addWidget(self.opacity, 1)
        row.addWidget(self.labels)
        row.addWidget(self.up)
        row.addWidget(self.down)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.tree, 1)
        box.addLayout(row)
        for layer in layers:
            layer.events.connect(self._on_layer_change)
        layers.events.order.connect(self._rebuild)
        self._rebuild()

    def _title(self, layer: Layer) -> str:
        return layer.title_en if self._english else layer.title_zh

    def _rebuild(self) -> None:
        current = self.current_layer()
        self._syncing = True
        self.tree.clear()
        for layer in reversed(list(self._layers)):
            item = QTreeWidgetItem([self._title(layer)])
            item.setData(0, Qt.ItemDataRole.UserRole, layer.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
            if len(getattr(layer, "x", ())):
                item.setText(0, f"{self._title(layer)}  ({len(layer.x):,})")
            self.tree.addTopLevelItem(item)
            self._show_classes(layer, item)
            if current is layer:
                self.tree.setCurrentItem(item)
        self._syncing = False
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _show_classes(self, layer: Layer, item: QTreeWidgetItem) -> None:
        """The layer's classes as child rows, in the painter's colours (made again when the counts move)."""
        entries = class_entries(layer) if isinstance(layer, PointLayer) else []
        children = [item.child(i) for i in range(item.childCount())]
        if [(c.data(0, Qt.ItemDataRole.UserRole + 1), c.text(0)) for c in children] != entries:
            item.takeChildren()
            for colour, label in entries:
                child = QTreeWidgetItem([label])
                child.setData(0, Qt.ItemDataRole.UserRole, layer.key)  # choosing a class row chooses its layer
                child.setData(0, Qt.ItemDataRole.UserRole + 1, colour)
                child.setIcon(0, QIcon(symbol_pixmap(colour, layer.symbol)))
                item.addChild(child)
            item.setExpanded(True)
        for i in range(item.childCount()):
            item.child(i).setHidden(not layer.visible)

    def class_items(self, key: str) -> list[QTreeWidgetItem]:
        """The class rows under layer ``key`` (none for a layer drawn in one colour)."""
        item = self.item_for(key)
        return [item.child(i) for i in range(item.childCount())]

    def current_layer(self) -> Layer | None:
        item = self.tree.currentItem() if hasattr(self, "tree") else None
        return self._layers[item.data(0, Qt.ItemDataRole.UserRole)] if item else None

    def item_for(self, key: str) -> QTreeWidgetItem:
        return next(self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())
                    if self.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == key)

    def _on_item_changed(self, item: QTreeWidgetItem) -> None:
        if not self._syncing and item.parent() is None:
            layer = self._layers[item.data(0, Qt.ItemDataRole.UserRole)]
            layer.visible = item.checkState(0) == Qt.CheckState.Checked

    def _on_current_change(self) -> None:
        layer = self.current_layer()
        if layer is None:
            return
        self._syncing = True
        self.opacity.setValue(round(layer.opacity * 100))
        self.labels.setEnabled(isinstance(layer, PolygonLayer))
        self.labels.setChecked(layer.labels)
        self._syncing = False

    def _on_opacity_edit(self, value: int) -> None:
        layer = self.current_layer()
        if layer is not None and not self._syncing:
            layer.opacity = value / 100

    def _on_labels_edit(self, on: bool) -> None:
        layer = self.current_layer()
        if layer is not None and not self._syncing:
            layer.labels = on

    def _move(self, step: int) -> None:
        layer = self.current_layer()
        if layer is not None:
            self._layers.move(layer.key, self._layers.keys().index(layer.key) + step)

    def _on_layer_change(self, *_: object) -> None:
        if self._syncing:
            return
        self._syncing = True
        for layer in self._layers:
            item = self.item_for(layer.key)
            item.setCheckState(0, Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
            self._show_classes(layer, item)
        self._syncing = False
        self._on_current_change()
