"""What the dispatch model refuses, each with a message meant for the person who asked."""

from __future__ import annotations


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
