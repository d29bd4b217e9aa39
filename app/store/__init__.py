"""The store: SQLAlchemy only — schema, engine, queries, writes, the demo generator, importers."""

from app.store.errors import SchemaVersionError, StoreError
from app.store.store import Store

__all__ = ["SchemaVersionError", "Store", "StoreError"]
