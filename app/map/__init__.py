"""pyqtgraph items and the map canvas: they draw models and never touch the store."""
