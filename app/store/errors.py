"""Errors the store raises with a message meant for the user (defined in the domain so views can catch them)."""

from app.domain.errors import SchemaVersionError, StoreError

__all__ = ["SchemaVersionError", "StoreError"]
