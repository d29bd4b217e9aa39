"""Errors with a message meant for the user, raised by any layer and caught by views and the CLI."""


class StoreError(Exception):
    """A store cannot be opened, created or written as asked; the message says why."""


class SchemaVersionError(StoreError):
    """The store was written by another schema version."""


class Cancelled(Exception):
    """Long work (generation, import) was cancelled by the user; nothing was written."""


class OutsidePeriod(ValueError):
    """A question about a day the store holds no data for: refused, since counting over no data would give a
    confident wrong answer (no one tested, no contacts). ``what`` names the date asked about."""

    def __init__(self, what: str, date: object, first: object, last: object) -> None:
        super().__init__(f"{what} {date} is outside the data period {first} .. {last}")
        self.what, self.date, self.first, self.last = what, date, first, last
class InputError(ValueError):
    """A value given at the edge (command line, form, imported row) that cannot be taken: ``field`` names where it
    came from, ``problem`` says what is wrong with it (and echoes the value)."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}" if field else problem)
        self.field = field
        self.problem = problem
