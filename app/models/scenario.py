"""The drill a store was generated for (the demo county's outbreak city and index case), read from its meta.

Panels start from these values so a drill opens ready to run; a store without them starts from neutral values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    outbreak_city: str | None = None  # the city whose returnees the screening panel starts with
    case_person_id: int = 1  # the index case the trace panel starts from
    case_onset: int | None = None  # its onset (Unix seconds); None: now

    @classmethod
    def from_meta(cls, meta: Mapping[str, str]) -> Scenario:
        return cls(meta.get("outbreak_city") or None, int(meta.get("trace_case_person_id", 1)),
                   int(meta["trace_case_at"]) if "trace_case_at" in meta else None)
