"""Text bound for a spreadsheet: a cell a spreadsheet program would take for a formula is written as text.

Every export that can be opened in Excel or WPS (the store's layers, reports, reject files, the panels' own
tables) goes through :func:`neutralise_formula`, so a name or code imported from a department file cannot run.
"""

from __future__ import annotations

# A text cell starting with one of these is a formula to a spreadsheet program (``=cmd|' /C calc'!A1`` runs a
# command in some): exported text gets a leading apostrophe, which spreadsheets show as text and do not evaluate.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: object) -> object:
    """``value`` safe to open in a spreadsheet: text that would start a formula is prefixed with ``'``."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value
