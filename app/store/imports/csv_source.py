"""CSV files as departments export them: UTF-8 with or without BOM, GBK or GB18030; comma, tab, semicolon or bar.

The encoding is found by decoding the whole file as UTF-8 in C-speed chunks (a GBK file fails within its
first Chinese character, a pure-ASCII file passes); what is not UTF-8 is read as GB18030, which contains GBK.
Bytes that are neither are replaced by U+FFFD so the row carrying them can be rejected, not the whole file.
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from app.store.imports.table_source import SourceError

CHUNK = 1 << 20
SNIFF_BYTES = 64 * 1024
DELIMITERS = ",\t;|"
# A department's free-text column may be long, but not longer than this: csv refuses longer fields.
csv.field_size_limit(min(sys.maxsize, 1 << 26))


def detect_encoding(path: Path) -> str:
    """``utf-8-sig`` (a BOM), ``utf-8``, ``gbk`` or ``gb18030``."""
    with path.open("rb") as f:
        head = f.read(3)
        if head == codecs.BOM_UTF8:
            return "utf-8-sig"
        f.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        sample = b""
        try:
            while chunk := f.read(CHUNK):
                if len(sample) < SNIFF_BYTES:
                    sample += chunk[:SNIFF_BYTES]
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError:
            pass
    try:
        sample.decode("gbk") if sample else path.read_bytes()[:SNIFF_BYTES].decode("gbk")
        return "gbk"
    except UnicodeDecodeError:
        return "gb18030"


def _sniff_delimiter(sample: str) -> str:
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    if not lines:
        return ","
    try:
        return csv.Sniffer().sniff("\n".join(lines[:20]), delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {d: lines[0].count(d) for d in DELIMITERS}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


class CsvSource:
    """A CSV file's headers and rows (streamed; one row in memory at a time)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        encoding = detect_encoding(path)
        self.encoding = "gb18030" if encoding == "gbk" else encoding  # GB18030 reads GBK and more
        with self._open() as f:
            sample = f.read(SNIFF_BYTES)
        self.delimiter = _sniff_delimiter(sample)
        with self._open() as f:
            header = next(csv.reader(f, delimiter=self.delimiter), None)
        if not header or not any(h.strip() for h in header):
            raise SourceError(f"{path.name}: no header row")
        self.headers = [h.strip() for h in header]
        self.description = {"format": "CSV", "encoding": encoding.upper().replace("-SIG", " BOM"),
                            "delimiter": {"\t": "TAB"}.get(self.delimiter, self.delimiter)}

    def _open(self) -> io.TextIOWrapper:
        return self.path.open(encoding=self.encoding, errors="replace", newline="")

    def rows(self) -> Iterator[list[object]]:
        with self._open() as f:
            reader = csv.reader(f, delimiter=self.delimiter)
            next(reader, None)
            for row in reader:
                # a blank line still counts, so row numbers match what the user sees
                yield row if "".join(row).strip() else []
