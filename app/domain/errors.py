"""Errors with a message meant for the user, raised by any layer and caught by views and the CLI."""


class StoreError(Exception):
    """A store cannot be opened, created or written as asked; the message says why."""


class SchemaVersionError(StoreError):
    """The store was written by another schema version."""


class Cancelled(Exception):
    """Long work (generation, import) was cancelled by the user; nothing was written."""
