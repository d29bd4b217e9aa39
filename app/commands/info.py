"""``jingkong info``: what a store holds, per entity library and per admin level."""

from __future__ import annotations

import argparse

from app.commands.common import Result, add_store_options, open_console
from app.store.identity_key import key_status
from app.store.queries.summary import library_counts, records_total


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("info", help="counts per entity library and admin level",
                              description="Show a store's admin levels, entity libraries and record counts.")
    add_store_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> Result:
    console = open_console(args)
    try:
        levels = console.level_counts
        counts = console.table_counts()
        meta = console.meta
        data = {
            "store": console.store.display_name, "backend": console.store.dialect, "schema_version": int(meta["schema_version"]),
            "scale": meta.get("scale"), "seed": meta.get("seed"),
            "period": [meta.get("period_start"), meta.get("period_end")],
            "levels": {k: levels.get(k, 0) for k in ("county", "town", "village", "grid")},
            "libraries": library_counts(counts), "tables": counts, "records_total": records_total(counts),
            "identity_key": key_status(console.store),
        }
    finally:
        console.close()
    lines = [f"store     {data['store']} ({data['backend']}, schema {data['schema_version']}, scale {data['scale']}, seed {data['seed']})",
             f"period    {data['period'][0]} .. {data['period'][1]}",
             "levels    " + ", ".join(f"{k} {v:,}" for k, v in data["levels"].items())]
    for lib, tables in data["libraries"].items():
        lines.append(f"  {lib:<24} " + ", ".join(f"{t} {n:,}" for t, n in tables.items()))
    lines.append(f"records   {data['records_total']:,}")
    lines.append(f"id key    {data['identity_key']}")
    return Result(data, "\n".join(lines))
