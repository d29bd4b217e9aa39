"""Splitting toneless pinyin into syllables, so a duty officer can search 柳市 by its initials ``ls``.

Place names are written as one word per name (``Liushi``, ``Beibaixiang``); the initials a Chinese user types
are those of the syllables. The split takes the fewest valid syllables (``xianxi`` → xian·xi, not xi·an·xi).
"""

from __future__ import annotations

from functools import lru_cache

_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c",
             "s", "y", "w", "")
_FINALS = ("a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "i", "ia", "ie", "iao", "iu",
           "ian", "in", "iang", "ing", "iong", "u", "ua", "uo", "uai", "ui", "uan", "un", "uang", "v", "ve", "ue")
# Every initial+final pair is accepted: a few are not real syllables, which never hurts a split of real names.
SYLLABLES = frozenset(i + f for i in _INITIALS for f in _FINALS) - {"", "i", "u", "v"}
_LONGEST = max(map(len, SYLLABLES))


@lru_cache(maxsize=4096)
def syllables(word: str) -> tuple[str, ...]:
    """The fewest syllables that spell ``word`` (lower-case letters), or ``(word,)`` if none do."""
    n = len(word)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for end in range(1, n + 1):
        for start in range(max(0, end - _LONGEST), end):
            prefix = best[start]
            piece = word[start:end]
            if prefix is not None and piece in SYLLABLES:
                candidate = (*prefix, piece)
                if best[end] is None or len(candidate) < len(best[end]):  # type: ignore[arg-type]
                    best[end] = candidate
    return best[n] or (word,)


def initials(pinyin: str) -> str:
    """First letters of every syllable of every word: ``Liushi`` → ``ls``, ``Bei Baixiang`` → ``bbx``."""
    return "".join(s[0] for word in pinyin.lower().replace("-", " ").replace("'", " ").split()
                   for s in syllables(word) if s)
