"""The indicator engine: every catalogue indicator for every unit of every level, as of any day of the data.

``compute()`` reads the record tables once into arrays and builds the roll-up cube (see ``cube``);
every question after that is a few array look-ups. ``refresh()`` counts records added since: it re-counts
only the people those records name (taking back what they counted before) and the units they live in.
Pending samples that get a result are re-counted too; other records changed in place (a person moving
to another grid) need ``compute()``.

With ``saved`` (``SavedIndicators``), ``compute`` first looks for what an earlier one saved from the same data and
takes it, with a refresh for what came since; ``save()`` (run it off the GUI thread) keeps what it computed.

Every answer is limited to the units under the store's principal (other units: NaN), so a town operator's
rankings, map and tables hold its own town only — on the embedded store as on PostgreSQL.

Events: ``events.computed()`` after ``compute`` or ``refresh`` (in the thread that ran them).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

import numpy as np
from psygnal import Signal, SignalGroup

from app.domain.admin import Level
from app.models.indicators.catalogue import Catalogue, Indicator, Term, load_catalogue
from app.models.indicators.contributions import Contributions
from app.models.indicators.cube import RollupCube
from app.models.indicators.producers import MEASURES, STATIC_MEASURES, produce_records, produce_static
from app.models.indicators.saved import SavedIndicators, SavedState
from app.models.indicators.sources import People, RecordsOnDemand, Sources, read_statics
from app.models.indicators.tree import Slots, UnitTree
from app.store.queries.indicator_statics import UnitRows, home_city, unit_rows
from app.store.queries.indicators import (
    READERS,
    Scope,
    id_limits,
    new_record_persons,
    pending_samples,
    reported_samples,
)
from app.store.queries.indicators import persons as read_persons
from app.store.queries.scope import visible_codes
from app.store.store import Store

Progress = Callable[[str, float], None]


class ComputeCancelled(Exception):
    """``compute`` was asked to stop; the engine keeps what it had before."""


class IndicatorEngine:
    """Indicators of ``catalogue`` over ``store`` for the days ``period`` (first, last)."""

    class _Events(SignalGroup):
        computed = Signal()

    def __init__(self, store: Store, period: tuple[dt.date, dt.date], catalogue: Catalogue | None = None,
                 saved: SavedIndicators | None = None) -> None:
        self.events = self._Events()
        self.saved = saved
        self.unsaved = False  # computed (or refreshed after loading) since the state was last saved
        self.from_saved = False  # the last compute took a saved state
        self._stamp: dict[str, object] = {}
        # refresh changes the cube's arrays in place: a save (another thread) must not write half of a refresh
        self._lock = threading.RLock()
        self.store = store
        self.catalogue = catalogue or load_catalogue()
        # the axis reaches back the longest window, so windows ending early in the period count exact days
        lead = max((t.window for i in self.catalogue for t in (*i.numerator, *(i.denominator or ()))), default=0)
        self.slots = Slots.for_period(*period, lead=lead)
        self.reference = period[1]
        self.cube: RollupCube | None = None
        self.tree: UnitTree | None = None
        self.watermark: dict[str, int] = {}
        self._hidden: dict[Level, np.ndarray] = {}  # per level: units the principal may not see
        self._last_slot: tuple[dt.date | None, int] = (None, 0)

    @property
    def ready(self) -> bool:
        return self.cube is not None

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        return self.slots.period

    # --- building ------------------------------------------------------------------------------------
    def compute(self, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> None:
        """Recompute everything from the record tables (seconds at full scale: run it off the GUI thread), or take
        the state saved from the data as it is now (``saved``) and refresh it.

        ``progress(step, fraction)`` hears of each step; ``cancelled()`` is asked between steps, and if it says so
        the computation stops with ComputeCancelled.
        """

        def report(step: str, fraction: float) -> None:
            if cancelled is not None and cancelled():
                raise ComputeCancelled(f"indicator computation cancelled before {step}")
            if progress is not None:
                progress(step, fraction)

        report("units", 0.0)
        stamp = self.saved.stamp(self.store, self.slots, self.reference.isoformat(), self.catalogue) if self.saved else {}
        limits = id_limits(self.store)
        units = unit_rows(self.store)
        tree = UnitTree.from_rows(units)
        self.from_saved = bool(stamp) and self._load(tree, units, stamp)
        if self.from_saved:
            if progress is not None:
                progress("done", 1.0)
            return
        scope = Scope(limits=limits)
        report("people", 0.05)
        persons = read_persons(self.store, scope)
        people = People.empty()
        people.extend(persons, tree, self.reference)
        sources = self._static_sources(tree, people, limits, units)
        report("records", 0.2)
        sources.persons = persons
        out = Contributions(MEASURES, tree.n_grids, self.slots)
        produce_static(sources, out)
        produce_records(sources, out, lambda: RecordsOnDemand(self.store, scope))
        report("roll-ups", 0.6)
        sources.persons, sources.records = {}, {}
        cube = RollupCube(tree, sorted(MEASURES))
        cube.build(out)
        pending = pending_samples(self.store, 0, limits.get("test_samples", 0))
        with self._lock:
            self._sources, self.tree, self.cube, self.watermark, self._pending = sources, tree, cube, limits, pending
            self._stamp, self.unsaved = stamp, bool(stamp)
        if progress is not None:
            progress("done", 1.0)
        self.events.computed.emit()

    def _static_sources(self, tree: UnitTree, people: People, limits: dict[str, int], units: UnitRows | None = None
                        ) -> Sources:
        static, place_grid, place_kind = read_statics(self.store, tree, limits)
        units = unit_rows(self.store) if units is None else units
        return Sources(tree, self.slots, people, units, {}, {}, static, place_grid, place_kind,
                       home_city(self.store))

    def _load(self, tree: UnitTree, units: UnitRows, stamp: dict[str, object]) -> bool:
        """Take the state saved from the data as ``stamp`` says it is now, and refresh it with what came since by new
        ids; False if there is none to take."""
        measures = sorted(MEASURES)
        state = self.saved.read(stamp, tree, self.slots, len(measures))
        if state is None:
            return False
        cube = RollupCube(tree, measures)
        cube.data = state.cube
        sources = self._static_sources(tree, state.people, state.watermark, units)
        with self._lock:
            self._sources, self.tree, self.cube, self.watermark = sources, tree, cube, state.watermark
            self._pending, self._stamp = state.pending, stamp
            recounted = self.refresh()
            self.unsaved = bool(recounted) or self.watermark != state.watermark
        return True

    def save(self) -> bool:
        """Keep what was computed (or loaded and refreshed) for the next start, if it is not kept yet: some 100 MB
        written at full scale, so call it off the GUI thread. True if it was written now."""
        with self._lock:
            if self.saved is None or not self.unsaved or self.cube is None:
                return False
            state = SavedState(self.cube.data, self._sources.people, self.watermark, self._pending)
            written = self.saved.write(self._stamp, state)
            self.unsaved = not written
            return written

    def ensure(self) -> IndicatorEngine:
        if not self.ready:
            self.compute()
        return self

    def refresh(self) -> int:
        """Count what changed since the last compute or refresh: records and people added, and samples that were
        pending and now have a result (re-counting only the people they name); and the unit, point, task and warning
        tables (re-counted whole: they are small). Returns how many people were re-counted."""
        self.ensure()
        with self._lock:
            return self._refresh()

    def _refresh(self) -> int:
        limits = id_limits(self.store)
        reported = reported_samples(self.store, self._pending["id"])
        touched = new_record_persons(self.store, self.watermark, limits)
        touched["test_samples"] = np.union1d(touched["test_samples"], reported["person"])
        recounted = len(np.unique(np.concatenate(list(touched.values()))))
        if recounted:
            self._recount(touched, limits, reported["id"])
        still = ~np.isin(self._pending["id"], reported["id"])
        new = pending_samples(self.store, self.watermark.get("test_samples", 0), limits.get("test_samples", 0))
        self._pending = {k: np.r_[self._pending[k][still], new[k]] for k in new}
        # after the recount, which took in new people: a new person's warning finds their home grid
        sources = self._static_sources(self.tree, self._sources.people, limits)
        statics = Contributions(STATIC_MEASURES, self.tree.n_grids, self.slots)
        produce_static(sources, statics)
        self.cube.build(statics, sorted(STATIC_MEASURES))
        self._sources = sources
        self.watermark = limits
        self.events.computed.emit()
        return recounted

    def _recount(self, touched: dict[str, np.ndarray], limits: dict[str, int], reported: np.ndarray) -> None:
        """Take back what the people touched in each table counted before, and count them as they are now.

        A person's contribution from one table depends on their records in that table alone (and on who they are,
        which does not change), so each table is re-read only for the people touched in it; the people added are
        counted for who they are. ``reported`` are samples that were pending before.
        """
        src = self._sources
        persons = read_persons(self.store, Scope(persons=touched["persons"], limits=limits))
        src.people.extend(persons, src.tree, self.reference)
        records = {table: read(self.store, Scope(persons=touched[table], with_ids=True, limits=limits))
                   for table, read in READERS.items()}
        before_persons = {k: v[:0] for k, v in persons.items()}
        before = {t: {k: v[r["id"] <= self.watermark.get(t, 0)] for k, v in r.items()} for t, r in records.items()}
        was_pending = np.isin(before["test_samples"]["id"], reported)
        samples = before["test_samples"]
        samples["result"] = np.where(was_pending, -1, samples["result"])
        samples["seconds"] = np.where(was_pending, 0, samples["seconds"])
        samples["report_day"] = np.where(was_pending, samples["day"], samples["report_day"])
        out = Contributions(MEASURES, src.tree.n_grids, self.slots)
        for sign, people_rows, record_rows in ((-1, before_persons, before), (1, persons, records)):
            out.sign = sign
            src.persons, src.records = people_rows, record_rows
            produce_records(src, out)
        src.persons, src.records = {}, {}
        self.cube.apply(out)

    # --- questions -----------------------------------------------------------------------------------
    def codes(self, level: Level) -> np.ndarray:
        return self.ensure().tree.codes[level]

    def slot(self, as_of: dt.date) -> int:
        if self._last_slot[0] != as_of:  # asked once per indicator: checking the date each time cost milliseconds
            self._last_slot = (as_of, self.slots.of_date(as_of))
        return self._last_slot[1]

    def _terms(self, terms: tuple[Term, ...], level: Level, slot: int, rows: np.ndarray | None = None,
               read: dict[tuple[str, int], np.ndarray] | None = None) -> np.ndarray:
        """Sum of ``terms``; ``read`` keeps the cube's rows read, for questions about many indicators at once."""
        read = {} if read is None else read

        def at(measure: str, s: int) -> np.ndarray:
            if (measure, s) not in read:
                read[measure, s] = self.cube.at(measure, level, s, rows)
            return read[measure, s]

        total = np.zeros(len(self.tree.codes[level]) if rows is None else len(rows))
        for t in terms:
            value = at(t.measure, slot)
            if t.window:
                value = value - at(t.measure, max(slot - t.window, 0))
            total += t.sign * value
        return total

    def hidden(self, level: Level) -> np.ndarray:
        """Per unit of ``level``: True where the principal may not see it (its figures are NaN)."""
        if level not in self._hidden:
            self._hidden[level] = ~visible_codes(self.store, self.codes(level))
        return self._hidden[level]

    def parts(self, indicator: Indicator, level: Level, as_of: dt.date, rows: np.ndarray | None = None,
              read: dict[tuple[str, int], np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray | None]:
        """Numerator (scaled) and denominator of an indicator for every unit of ``level`` (or its ``rows``); NaN
        for the units the principal may not see."""
        self.ensure()
        slot = self.slot(as_of)
        hidden = self.hidden(level) if rows is None else self.hidden(level)[rows]
        num = np.where(hidden, np.nan, self._terms(indicator.numerator, level, slot, rows, read) * indicator.scale)
        if indicator.denominator is None:
            return num, None
        return num, np.where(hidden, np.nan, self._terms(indicator.denominator, level, slot, rows, read))

    def level_values(self, indicator_id: str, level: Level, as_of: dt.date, rows: np.ndarray | None = None
                     ) -> np.ndarray:
        """One indicator for every unit of ``level``, row-aligned with ``codes(level)`` (NaN: no denominator); or for
        its ``rows`` only (a unit and its siblings: a few array cells instead of the whole level)."""
        num, den = self.parts(self.catalogue[indicator_id], level, as_of, rows)
        return num if den is None else _ratio(num, den)

    def rows_values(self, indicators: list[Indicator], level: Level, as_of: dt.date, rows: np.ndarray) -> np.ndarray:
        """``indicators`` × ``rows`` of ``level``: each cell of the cube read once, however many indicators use it."""
        read: dict[tuple[str, int], np.ndarray] = {}
        out = np.empty((len(indicators), len(rows)))
        for i, indicator in enumerate(indicators):
            num, den = self.parts(indicator, level, as_of, rows, read)
            out[i] = num if den is None else _ratio(num, den)
        return out

    def unit_values(self, code: str, as_of: dt.date, indicators: list[Indicator] | None = None) -> dict[str, float]:
        """Every indicator (or the given ones) of one unit."""
        self.ensure()
        level, row = self.tree.find(code)
        if self.hidden(level)[row]:
            return {ind.id: float("nan") for ind in indicators or self.catalogue.indicators}
        slot = self.slot(as_of)
        cache: dict[tuple[str, int], int] = {}

        def total(terms: tuple[Term, ...]) -> float:
            out = 0
            for t in terms:
                for s, sign in ((slot, t.sign), (max(slot - t.window, 0), -t.sign))[: 2 if t.window else 1]:
                    key = (t.measure, s)
                    if key not in cache:
                        cache[key] = self.cube.unit_at(t.measure, level, row, s)
                    out += sign * cache[key]
            return float(out)

        values = {}
        for ind in indicators or self.catalogue.indicators:
            num = total(ind.numerator) * ind.scale
            den = total(ind.denominator) if ind.denominator else None
            values[ind.id] = num if den is None else (num / den if den else float("nan"))
        return values

    def series(self, indicator_id: str, code: str, as_of: dt.date, days: int = 30) -> tuple[list[dt.date], np.ndarray]:
        """The indicator of one unit on each of the ``days`` days ending ``as_of`` (days before the data drop)."""
        self.ensure()
        ind = self.catalogue[indicator_id]
        level, row = self.tree.find(code)
        last = self.slot(as_of)
        slots = np.arange(max(self.slots.first, last - days + 1), last + 1)

        def total(terms: tuple[Term, ...]) -> np.ndarray:
            out = np.zeros(len(slots))
            for t in terms:
                value = self.cube.series(t.measure, level, row, slots)
                if t.window:
                    value = value - self.cube.series(t.measure, level, row, np.maximum(slots - t.window, 0))
                out += t.sign * value
            return out

        num = total(ind.numerator) * ind.scale
        values = num if ind.denominator is None else _ratio(num, total(ind.denominator))
        if self.hidden(level)[row]:
            values = np.full(len(slots), np.nan)
        return [self.slots.date(int(s)) for s in slots], values


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    return np.divide(num, den, out=np.full(len(num), np.nan), where=den != 0)
