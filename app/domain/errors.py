"""Errors with a message meant for the user, raised by any layer and caught by views and the CLI."""

from app.domain.input_messages import problem_text


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
    came from, ``key`` and ``params`` what is wrong with it (a message of :mod:`app.domain.input_messages`, which may
    echo the value). ``problem`` is the English text; the edge that shows it to a user asks ``problem_in(lang)``."""

    def __init__(self, field: str, key: str, **args: object) -> None:
        self.field, self.key, self.params = field, key, args
        self.problem = self.problem_in("en")
        super().__init__(f"{field}: {self.problem}" if field else self.problem)

    def problem_in(self, lang: str) -> str:
        return problem_text(self.key, self.params, lang)

    def text_in(self, lang: str) -> str:
        """``field: problem`` in ``lang``."""
        problem = self.problem_in(lang)
        return f"{self.field}: {problem}" if self.field else problem
