"""The reject file: one line per bad value — row number, field, value (masked where personal), reason — in the
UI language, as CSV with a BOM so spreadsheet programs show the Chinese. Values go out neutralised the way every
CSV export is, so a cell written ``=cmd|…`` by someone upstream cannot run in the reader's spreadsheet."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TextIO

import shapely

from app.domain.spreadsheet import neutralise_formula
from app.models.imports.fields import Field
from app.models.imports.problems import RowProblem
from app.store.masking import mask_identity, mask_name

HEADERS = {"zh": ("行号", "字段", "值", "原因"), "en": ("row", "field", "value", "reason")}
MAX_VALUE = 200


def shown_value(field: Field | None, value: object) -> str:
    """A bad value as the reject file shows it: personal values masked, geometries by type, long text cut."""
    if isinstance(value, shapely.Geometry):
        return value.geom_type
    text = "" if value is None else str(value).strip()
    personal = field.personal if field else None
    if personal == "identity":
        return mask_identity(text) if len(text) >= 8 else "*" * len(text)
    if personal == "name":
        return mask_name(text[:MAX_VALUE])
    if personal == "phone":
        return text[:3] + "****" + text[-4:] if len(text) >= 8 else "*" * len(text)
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


class RejectWriter:
    """Writes reject lines as they come (nothing held in memory)."""

    def __init__(self, path: Path, lang: str) -> None:
        self.path, self.lang = path, lang
        self._file: TextIO = path.open("w", encoding="utf-8-sig", newline="")
        self._csv = csv.writer(self._file)
        self._csv.writerow(HEADERS[lang])

    def write(self, row: int, problems: list[RowProblem]) -> None:
        for p in problems:
            label = p.field.label(self.lang) if p.field else ""
            self._csv.writerow([row, label, neutralise_formula(shown_value(p.field, p.value)), p.reason(self.lang)])

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        self._file.close()
