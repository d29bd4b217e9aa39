"""The features of a GeoJSON FeatureCollection in one pass over the file, a batch at a time.

GDAL cannot seek in a GeoJSON file: asking it for the features from index k re-reads the file from its start, so a
file read in batches that way costs O(n²). Here the ``"features"`` array is decoded one feature at a time
(``json.JSONDecoder.raw_decode`` over a text buffer refilled from the file), so memory holds one batch and one
buffer whatever the file's size. Members other than ``"features"`` (type, name, crs, bbox) are decoded and set aside:
the CRS is GDAL's to read, which it does from the same file without reading the features.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from app.store.imports.table_source import SourceError

CHUNK = 1 << 20  # characters read at a time (more when one value is larger: the read doubles the buffer)
_BLANK = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class _Buffer:
    """Text of the file not yet decoded, refilled as decoding needs; consumed text is dropped on each refill."""

    def __init__(self, file: TextIO, name: str) -> None:
        self.file, self.name = file, name
        self.text, self.at, self.eof = "", 0, False

    def _more(self) -> None:
        # read at least as much as is waiting, so a value far larger than CHUNK is re-tried O(log size) times
        chunk = self.file.read(max(CHUNK, len(self.text) - self.at))
        self.text, self.at = self.text[self.at:] + chunk, 0
        self.eof = not chunk

    def peek(self) -> str:
        """The next character that is not blank ("" at the end of the file), not consumed."""
        while True:
            self.at = _BLANK.match(self.text, self.at).end()
            if self.at < len(self.text) or self.eof:
                return self.text[self.at:self.at + 1]
            self._more()

    def take(self, *expected: str) -> str:
        char = self.peek()
        if char not in expected:
            raise SourceError(f"{self.name}: not a GeoJSON FeatureCollection (expected {' or '.join(expected)}, "
                              f"found {char or 'the end of the file'!r})")
        self.at += 1
        return char

    def value(self) -> object:
        """The next JSON value, decoded once the buffer holds all of it (a number must be followed by something)."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.at)
                if end < len(self.text) or self.eof:
                    self.at = end
                    return value
            except json.JSONDecodeError as exc:
                if self.eof:
                    raise SourceError(f"{self.name}: not valid JSON ({exc.msg} at character {exc.pos})") from None
            self._more()


def feature_batches(path: Path, batch: int) -> Iterator[list[dict]]:
    """The features of the FeatureCollection in ``path``, ``batch`` at a time, in file order; a file holding one
    Feature gives it alone. Raises SourceError for a file that is neither."""
    with path.open(encoding="utf-8-sig") as file:  # RFC 7946: UTF-8 (a BOM tolerated)
        buf = _Buffer(file, path.name)
        members: dict[str, object] = {}
        seen_features = False
        buf.take("{")
        if buf.peek() == "}":
            buf.take("}")
        else:
            while True:
                key = buf.value()
                buf.take(":")
                if key == "features":
                    seen_features = True
                    yield from _array(buf, batch)
                else:
                    members[str(key)] = buf.value()
                if buf.take(",", "}") == "}":
                    break
    if not seen_features:
        if members.get("type") != "Feature":
            raise SourceError(f"{path.name}: not a GeoJSON FeatureCollection (no \"features\")")
        yield [members]


def _array(buf: _Buffer, batch: int) -> Iterator[list[dict]]:
    buf.take("[")
    if buf.peek() == "]":
        buf.take("]")
        return
    features: list[dict] = []
    while True:
        feature = buf.value()
        if isinstance(feature, dict):
            features.append(feature)
        if len(features) >= batch:
            yield features
            features = []
        if buf.take(",", "]") == "]":
            break
    if features:
        yield features
