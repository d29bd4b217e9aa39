"""The ``jingkong`` command line. No Qt here: every command runs headless.

Each command lives in ``app/commands/<name>.py`` and exposes ``register(subparsers)``; the parser
finds them there, so adding a command means adding one module.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import pkgutil
import sys
from collections.abc import Sequence

from sqlalchemy.exc import DBAPIError

import app.commands
from app.arguments import OneLineParser, fail, one_line
from app.commands.common import CommandError
from app.domain.roles import AccessDenied
from app.store.errors import StoreError


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="jingkong",
        description="精控 Jingkong — epidemic-prevention command console: store, demo county, engines.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for info in sorted(pkgutil.iter_modules(app.commands.__path__), key=lambda m: m.name):
        if info.name != "common" and not info.name.startswith("_"):  # _name: shared helpers of commands
            importlib.import_module(f"app.commands.{info.name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a bad argument (its one line is printed): the exit code, for callers too
        return exc.code if isinstance(exc.code, int) else 2
    prog = f"jingkong {args.command}"
    try:
        result = args.run(args)
    except (AccessDenied, CommandError, StoreError, ValueError) as exc:
        return fail(prog, one_line(exc))
    except DBAPIError as exc:  # e.g. a privilege or row-level security the user's role lacks
        return fail(prog, f"the store refused: {str(exc.orig).splitlines()[0]}")
    except OSError as exc:  # an output file or folder the system refused
        return fail(prog, f"{exc.strerror or one_line(exc)}: {exc.filename}" if exc.filename else one_line(exc))
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last resort: a bug of ours still gives one line, not a traceback
        if os.environ.get("JINGKONG_DEBUG"):
            raise
        return fail(prog, f"unexpected {type(exc).__name__}: {one_line(exc)} (set JINGKONG_DEBUG=1 for details)")
    if result is None:
        return 0
    if isinstance(result, int):
        return result
    try:
        if getattr(args, "json", False):
            json.dump(result.data, sys.stdout, ensure_ascii=False, indent=2, default=str)
            sys.stdout.write("\n")
        else:
            sys.stdout.write(result.text.rstrip("\n") + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # output piped into e.g. `head`: not an error of ours
        sys.stdout = None  # type: ignore[assignment]
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main())
