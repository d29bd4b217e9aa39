"""Subcommands of ``jingkong``: one module each, each with ``register(subparsers)``."""
