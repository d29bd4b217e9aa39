"""The indicator engine: a catalogue of indicators as data, a roll-up cube per grid and day, and the engine."""

from app.models.indicators.catalogue import Catalogue, CatalogueError, Indicator, load_catalogue
from app.models.indicators.engine import ComputeCancelled, IndicatorEngine

__all__ = ["Catalogue", "CatalogueError", "ComputeCancelled", "Indicator", "IndicatorEngine", "load_catalogue"]
