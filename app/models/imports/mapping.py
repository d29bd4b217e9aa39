"""Which column of a file holds which field: guessed from the headers (Chinese and English synonyms, case,
blanks and brackets ignored), edited by the user, saved per source and kind, and offered again next time.

A mapping is ``{"columns": {field: header}}``, with ``"crs"`` when the x/y columns are not longitude/latitude in
degrees (``"crs": "EPSG:4549"``); ``jingkong import --mapping M.json`` takes the same form (or the bare
``{field: header}``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from app.domain.errors import InputError
from app.models.imports.fields import Field
from app.models.imports.kinds import Kind


def _normal(text: str) -> str:
    return re.sub(r"[\s_\-（）()：:*＊]+", "", str(text)).lower()


def guess_mapping(kind: Kind | tuple[Field, ...], headers: list[str]) -> dict[str, str]:
    """Field -> header for every field a header names: exact synonyms first, then headers containing a synonym
    (longest first, so 采样点编码 is not taken for 编码); each header serves one field."""
    fields = kind.fields if isinstance(kind, Kind) else kind
    normal = {h: _normal(h) for h in headers if h}
    taken: set[str] = set()
    out: dict[str, str] = {}
    for exact in (True, False):
        pairs = sorted(((len(_normal(s)), f, _normal(s)) for f in fields for s in f.synonyms), key=lambda p: -p[0])
        for _, f, syn in pairs:
            if f.name in out or not syn:
                continue
            for h, n in normal.items():
                if h not in taken and (n == syn if exact else (len(syn) >= 2 and syn in n)):
                    out[f.name] = h
                    taken.add(h)
                    break
    return out


def missing_fields(kind: Kind, mapping: dict[str, str]) -> list[Field]:
    """The required fields the mapping leaves out (points may come from a geometry or from longitude/latitude)."""
    return [f for f in kind.fields if f.name in kind.required and f.name not in mapping]


def check_mapping(kind: Kind, mapping: dict[str, str], headers: list[str], field: str = "--mapping") -> dict[str, str]:
    """``mapping`` with only fields of ``kind`` and headers of the file; raises InputError naming what is wrong."""
    names = {f.name for f in kind.fields}
    unknown = sorted(set(mapping) - names)
    if unknown:
        raise InputError(field, "not_fields", names=", ".join(unknown), kind=kind.name, fields=", ".join(sorted(names)))
    absent = sorted(h for h in mapping.values() if h not in headers)
    if absent:
        raise InputError(field, "no_such_column", columns=", ".join(map(repr, absent)))
    return {f: h for f, h in mapping.items() if h}


def read_mapping_file(path: Path, field: str = "--mapping") -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise InputError(field, "cannot_read", path=path, reason=exc) from None
    columns = data.get("columns", data) if isinstance(data, dict) else None
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise InputError(field, "not_mapping", path=path)
    return dict(columns)


def read_mapping_crs(path: Path, field: str = "--mapping") -> str | None:
    """The ``"crs"`` of a mapping file (None when it gives none)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise InputError(field, "cannot_read", path=path, reason=exc) from None
    crs = data.get("crs") if isinstance(data, dict) else None
    return str(crs) if crs else None
