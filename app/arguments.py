"""Command-line parsing shared by ``jingkong`` and ``python main.py``: bad arguments give one line and exit 2,
and option values are checked by the same rules (:mod:`app.models.inputs`) the forms and importers use."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from app.domain.errors import InputError


class OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line on stderr (no usage block), exit code 2.
    Sub-command parsers are made of the same class (argparse uses the parent's class)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see: {self.prog} --help)\n")


def arg(rule: Callable[..., Any], *args: Any, **kwargs: Any) -> Callable[[str], Any]:
    """An argparse ``type=`` from a rule of :mod:`app.models.inputs`: argparse names the option, the rule the
    problem (``argument --limit: '0' is out of range: give 1 .. 10000``)."""

    def convert(text: str) -> Any:
        try:
            return rule(text, "", *args, **kwargs)
        except InputError as exc:
            raise argparse.ArgumentTypeError(exc.problem) from None

    convert.__name__ = rule.__name__.replace("_", " ")
    return convert


def one_line(exc: BaseException) -> str:
    """An exception's message as one line (database drivers append SQL and links on further lines)."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def fail(prog: str, message: str) -> int:
    print(f"{prog}: error: {message}", file=sys.stderr)
    return 2
