"""The ``jingkong`` command line. No Qt here: every command runs headless.

Each command lives in ``app/commands/<name>.py`` and exposes ``register(subparsers)``; the parser
finds them there, so adding a command means adding one module.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import pkgutil
import sys
from collections.abc import Sequence

from sqlalchemy.exc import DBAPIError

import app.commands
from app.commands.common import CommandError
from app.domain.roles import AccessDenied
from app.store.errors import StoreError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jingkong",
        description="精控 Jingkong — epidemic-prevention command console: store, demo county, engines.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for info in sorted(pkgutil.iter_modules(app.commands.__path__), key=lambda m: m.name):
        if info.name != "common":
            importlib.import_module(f"app.commands.{info.name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result = args.run(args)
    except (AccessDenied, CommandError, StoreError, ValueError) as exc:
        print(f"jingkong {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except DBAPIError as exc:  # e.g. a privilege or row-level security the user's role lacks
        print(f"jingkong {args.command}: error: the store refused: {str(exc.orig).splitlines()[0]}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"jingkong {args.command}: interrupted", file=sys.stderr)
        return 130
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
