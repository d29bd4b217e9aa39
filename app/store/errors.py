"""Errors the store raises with a message meant for the user."""


class StoreError(Exception):
    """A store cannot be opened, created or written as asked; the message says why."""


class SchemaVersionError(StoreError):
    """The store was written by another schema version."""
