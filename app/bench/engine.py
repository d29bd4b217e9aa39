"""``jingkong bench engine``: the smart engine over a demo store (use the full store for the targets).

Cases: ``warnings_all`` (every warning rule as of the end of the period, ≤ 10 s at full scale),
``screen_city`` (the outbreak city's cohort against all records, ≤ 2 s), ``trace_depth2`` (a depth-2 trace
from the drill case, ≤ 1 s). The store's meta names the outbreak city and the drill case.
"""

from __future__ import annotations

from app.bench import BenchContext, Case
from app.models.as_of import period_end
from app.models.screening import city_area, screen
from app.models.tracing import trace
from app.models.warnings.engine import evaluate
from app.store import Store
from app.store.queries.summary import records_total, table_counts


def cases(ctx: BenchContext) -> list[Case]:
    store = Store.open(ctx.db)
    meta = store.meta()
    missing = [k for k in ("outbreak_city", "trace_case_person_id", "trace_case_at") if k not in meta]
    if missing:
        store.close()
        raise ValueError(f"the engine benchmarks need a demo store (meta lacks {', '.join(missing)})")
    records = records_total(table_counts(store))
    as_of = period_end(meta)
    area = city_area(store, meta["outbreak_city"])
    case_id, onset = int(meta["trace_case_person_id"]), int(meta["trace_case_at"])
    sizes: dict[str, int] = {}

    def warnings_all() -> None:
        sizes["warnings"] = sum(len(f) for f in evaluate(store, as_of))

    def screen_city() -> None:
        sizes["cohort"] = len(screen(store, area))

    def trace_depth2() -> None:
        sizes["contacts"] = len(trace(store, case_id, onset, 30, 2).contacts)

    out = [Case("warnings_all", warnings_all), Case("screen_city", screen_city), Case("trace_depth2", trace_depth2)]
    for case, key in zip(out, ("warnings", "cohort", "contacts")):
        case.notes = {"records": records}
        # ``measure`` copies the notes after teardown: report the size of what the case found.
        case.teardown = lambda case=case, key=key: case.notes.update({key: sizes.get(key)})
    return out
