"""What every subcommand shares: the ``--db``/``--json`` options, opening the console, and results."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from app.arguments import arg
from app.console import Console, Login
from app.domain.errors import StoreError
from app.models import inputs
from app.store.tables.tasks import TaskEvent


class CommandError(Exception):
    """Bad input to a command: printed as one line on stderr, exit code 2."""


@dataclass
class Result:
    """What a command prints: ``data`` with ``--json``, else ``text``."""

    data: Any
    text: str
    exit_code: int = 0


def progress_printer(quiet: bool) -> Callable[[float, str], None]:
    """A ``progress(fraction, stage)`` callback that redraws one percentage line on stderr (nothing if quiet)."""
    last = [-1]

    def progress(fraction: float, message: str) -> None:
        percent = int(fraction * 100)
        if not quiet and percent != last[0]:
            last[0] = percent
            sys.stderr.write(f"\r[{percent:3d}%] {message.replace(':', ' '):<40}")
            sys.stderr.flush()

    return progress


def add_store_options(parser: argparse.ArgumentParser, json_flag: bool = True) -> None:
    parser.add_argument("--db", metavar="PATH|URL", type=arg(inputs.store_location), help="store file or SQLAlchemy URL (default: the embedded store data/jingkong.gpkg, or $JINGKONG_DB)")
    parser.add_argument("--user", metavar="NAME", default=os.environ.get("JINGKONG_LOGIN"), type=arg(inputs.text),
                        help="log in as this user of the store (password from $JINGKONG_PASSWORD, else asked)")
    if json_flag:
        parser.add_argument("--json", action="store_true", help="print machine-readable JSON")


def password(env: str = "JINGKONG_PASSWORD", prompt: str = "password: ") -> str:
    """A password from the environment or asked on the terminal: never an argument (it would show in ``ps``
    and in the shell's history)."""
    value = os.environ.get(env)
    if value is None:
        if not sys.stdin.isatty():
            raise CommandError(f"no password: set ${env} or run on a terminal to be asked")
        value = getpass.getpass(prompt)
    return value


def login(args: argparse.Namespace) -> Login | None:
    user = getattr(args, "user", None)
    return Login(user, password(prompt=f"password for {user}: ")) if user else None


def open_console(args: argparse.Namespace) -> Console:
    """The store named by ``--db`` as ``--user`` (or its owner) and the services over it, built by the same
    composition root as the GUI's; on an offline pack a unit outside its area says "not in this pack"."""
    console = Console.open(args.db, login(args))
    try:
        for code in _unit_codes(args):  # on a pack, a unit outside its area says "not in this pack"
            console.check_unit(code)
    except StoreError:
        console.close()
        raise
    return console


def _unit_codes(args: argparse.Namespace) -> list[str]:
    unit, units = getattr(args, "unit", None), getattr(args, "units", None)
    return ([unit] if isinstance(unit, str) else []) + (list(units) if isinstance(units, list) else [])


def add_by(parser: argparse.ArgumentParser, default: str | None = None) -> None:
    """``--by NAME``: who acts, as the audit trail records it (required when there is no default)."""
    parser.add_argument("--by", required=default is None, default=default, metavar="NAME",
                        type=arg(inputs.text, TaskEvent.by), help="who acts (recorded in the audit trail)")


Service = TypeVar("Service")


def add_action(actions: argparse._SubParsersAction, name: str, text: str, service: Callable[[Console], Service],
               body: Callable[[Service, argparse.Namespace], Result]) -> argparse.ArgumentParser:
    """A sub-action (``jingkong tasks claim``…) that runs ``body`` with one service of the opened console."""
    p = actions.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")
    add_store_options(p)

    def run(args: argparse.Namespace) -> Result:
        console = open_console(args)
        try:
            return body(service(console), args)
        finally:
            console.close()

    p.set_defaults(run=run)
    return p
