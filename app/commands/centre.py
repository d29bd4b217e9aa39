"""``jingkong centre init|maintain|add-user``: set up a command centre on an existing PostgreSQL server, keep it,
and add its users.

``init`` (run as the server's superuser or the database's owner) creates the database if it is missing, the
schema if the database holds no store yet, the group roles, row-level security, privileges and guarding
triggers, and a first admin. ``add-user`` adds a duty officer, town or grid operator, drill coordinator,
trainer or auditor (on the embedded store too, where the data layer keeps the same rules). ``maintain`` (run as
the tables' owner, e.g. monthly from cron) gives the record tables their partitions for this month and the next
ones, and moves rows that landed in a default partition into their month's own. Passwords come from the
environment or a prompt, never from the command line.
"""

from __future__ import annotations

import argparse

from app.commands.common import CommandError, Result, add_store_options, login, password
from app.domain.roles import COUNTY_CODE, Role, parse_role
from app.store import Store, partitions
from app.store.centre import init_centre
from app.store.store import resolve_url


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("centre", help="set up a command centre on PostgreSQL: roles, policies, users",
                              description="Set up a PostgreSQL command centre and its users.")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = actions.add_parser("init", help="create the database, schema, roles, policies and a first admin",
                           description="Create the database (if missing), the schema (if empty), the roles, "
                                       "row-level security and a first admin (password: $JINGKONG_ADMIN_PASSWORD "
                                       "or asked). Run as the server's superuser.")
    a.add_argument("--url", required=True, help="postgresql+psycopg://superuser@host/dbname")
    a.add_argument("--admin", metavar="NAME", help="the first admin's login name")
    a.set_defaults(run=_init)
    a = actions.add_parser("maintain", help="partition the record tables for this month and the next ones",
                           description="Create the record tables' monthly partitions for the current month and "
                                       "--months-ahead after it, and for every month with rows in a default "
                                       "partition (those rows are moved there). Idempotent; run as the tables' owner.")
    a.add_argument("--url", required=True, help="postgresql+psycopg://owner@host/dbname")
    a.add_argument("--months-ahead", type=int, default=partitions.MONTHS_AHEAD, metavar="N",
                   help=f"months after the current one to partition (default {partitions.MONTHS_AHEAD})")
    a.add_argument("--json", action="store_true", help="print the partitions created and rows moved as JSON")
    a.set_defaults(run=_maintain)
    a = actions.add_parser("add-user", help="add a user with a role and a unit (password: $JINGKONG_NEW_PASSWORD "
                                            "or asked)")
    a.add_argument("name")
    a.add_argument("--role", required=True, type=parse_role, help=", ".join(r.value for r in Role))
    a.add_argument("--unit", default=COUNTY_CODE, metavar="CODE", help="the unit the user covers (default: county)")
    add_store_options(a, json_flag=False)
    a.set_defaults(run=_add_user)


def _init(args: argparse.Namespace) -> Result:
    url = resolve_url(args.url)
    if not url.startswith("postgresql"):
        raise CommandError("--url: a command centre lives on PostgreSQL (postgresql+psycopg://user@host/db)")
    secret = password("JINGKONG_ADMIN_PASSWORD", f"password for {args.admin}: ") if args.admin else None
    done = init_centre(url, args.admin, secret)
    return Result(done, "\n".join(done))


def _maintain(args: argparse.Namespace) -> Result:
    url = resolve_url(args.url)
    if not url.startswith("postgresql"):
        raise CommandError("--url: only a PostgreSQL command centre has partitions to keep")
    if args.months_ahead < 0:
        raise CommandError("--months-ahead: 0 or more")
    store = Store.open(url)
    try:
        with store.begin() as conn:
            if not partitions.maintainable(conn):
                raise CommandError("the login owns no record table: run as the tables' owner")
            created = partitions.ensure(conn, months_ahead=args.months_ahead, sweep_default=True)
            spans = partitions.spans(conn)
    finally:
        store.close()
    lines = [f"{part}: created, {rows} row(s) moved from the default partition" for part, rows in created.items()]
    lines += [f"{table}: monthly partitions {span}" for table, span in spans.items()]
    return Result(created, "\n".join(lines if created else ["partitions up to date", *lines]))


def _add_user(args: argparse.Namespace) -> Result:
    secret = password("JINGKONG_NEW_PASSWORD", f"password for new user {args.name}: ")
    store = Store.open(args.db, login(args))
    try:
        user = store.add_user(args.name, args.role, args.unit, secret)
    finally:
        store.close()
    return Result(None, f"user {user.name}: {user.role.value} of {user.unit_code}")
