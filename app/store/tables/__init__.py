"""Every table of the store, one module per entity library. Import this package to register them all."""

from app.store.tables import (  # noqa: F401  (imported for their tables)
    access,
    admin,
    cameras,
    facilities,
    health,
    imports,
    incidents,
    meta,
    persons,
    places,
    quarantine,
    sync,
    tasks,
    testing,
    vaccination,
    warnings,
)
from app.store.tables.base import Base

# The 8 entity libraries and the tables that hold each (``jingkong info`` counts by these).
ENTITY_LIBRARIES: dict[str, tuple[str, ...]] = {
    "admin_units": ("admin_units", "grid_leaders"),
    "persons": ("persons", "cities", "risk_areas"),
    "places_and_checkpoints": ("places", "scans"),
    "cameras": ("cameras", "camera_status_events"),
    "nucleic_acid_testing": ("test_samples",),
    "vaccinations": ("vaccinations",),
    "quarantine": ("quarantine_orders", "transfers"),
    "health_events": ("clinic_visits", "pharmacy_purchases"),
}
RECORD_TABLES = ("scans", "test_samples", "vaccinations", "quarantine_orders", "transfers",
                 "clinic_visits", "pharmacy_purchases")
FEATURE_TABLES: dict[str, str] = {  # GeoPackage feature layers: table -> geometry type
    "admin_units": "MULTIPOLYGON",
    "places": "POINT",
    "cameras": "POINT",
    "facilities": "POINT",
}

__all__ = ["Base", "ENTITY_LIBRARIES", "FEATURE_TABLES", "RECORD_TABLES"]
