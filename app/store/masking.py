"""The forms in which personal identifiers leave the store: one function per identifier, used everywhere.

An 18-character identity number (GB 11643) is region (6) + birth date (8) + sequence (3) + check character.
Birth dates stay in the store for exact ages, so the mask hides the birth date *and* the sequence: with the
birth day known, a mask that showed the sequence (the old ``330382********1234``) gave the number back whole.
Region and check character alone leave 500 sequences per birth day, and outside the store birth days only
travel as ten-year age bands, so every person has far more candidate numbers than anyone could tell apart.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np

from app.timebase import whole_years

HIDDEN_DIGITS = 11  # birth date (8) and sequence (3)
BAND_YEARS = 10
OLDEST_BAND = 80  # "80+"
# An identity number written into free text (a task note…), in clear or under a looser mask than ours.
_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z*])[1-9]\d{5}(?:(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|\*{8})"
                         r"[\d*]{3}[\dXx](?![0-9A-Za-z*])")


def mask_identity(number: str) -> str:
    """``330382***********4``: region and check character only. Idempotent, so an older, looser mask read back
    from a store is narrowed to this form too."""
    return number[:6] + "*" * HIDDEN_DIGITS + number[-1:].upper()


def mask_identities_in(text: str) -> str:
    """Free text with every identity number in it masked, so what a user types in a note is kept masked."""
    return _ID_IN_TEXT.sub(lambda m: mask_identity(m.group()), text)


def mask_name(name: str) -> str:
    """``张*``, ``张*明``, ``欧**华``: surname initial and, past two characters, the last character (a
    one-character name is all starred: shown whole it would be the name)."""
    if len(name) <= 1:
        return "*"
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def age_bands(birth_days: np.ndarray, on: dt.date) -> np.ndarray:
    """``"30-39"``… ``"80+"``: each person's ten-year age band on ``on`` (birth days are CST day numbers)."""
    low = np.minimum(whole_years(birth_days, on) // BAND_YEARS * BAND_YEARS, OLDEST_BAND)
    labels = [f"{lo}+" if lo == OLDEST_BAND else f"{lo}-{lo + BAND_YEARS - 1}" for lo in low.tolist()]
    return np.array(labels, dtype=object)
