"""What the incident model refuses, each with a message meant for the person who asked."""

from __future__ import annotations


class IncidentError(ValueError):
    """An incident or drill operation that cannot be done as asked (unknown case, empty zone, closed incident)."""
