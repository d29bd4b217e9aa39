"""What the dispatch model refuses, each with a message meant for the person who asked."""

from __future__ import annotations

from app.domain.errors import InputError, StoreError


class TaskError(ValueError):
    """A task operation that cannot be done as asked; the message says why."""


class TaskNotFound(TaskError):
    pass


class IllegalTransition(TaskError):
    """The lifecycle does not allow the asked status change."""


class StaleTask(TaskError):
    """Someone else changed the task after the caller read it (compare-and-set lost)."""


class AlreadyClaimed(TaskError):
    """Another person already holds the task."""


class CapacityExceeded(TaskError):
    """A facility has no room for what was asked."""


# Everything a dispatch action refuses with a message for the user: its own rules, a bad value, a store it cannot
# write (read-only, busy). Panels show these in place; anything else is a bug and reaches the error dock.
REFUSALS = (TaskError, InputError, StoreError)
