"""The indicator loader keeps what it computed for the next start, once the indicators are ready; a console started
again on the same data takes it instead of computing."""

from __future__ import annotations

import numpy as np

from app.console import Console
from app.domain.facilities import FacilityKind
from app.views.indicator_loader import IndicatorLoader
from tests.factories import World


def _start(qtbot, world: World) -> Console:  # noqa: ANN001
    console = Console(world.store)
    loader = IndicatorLoader.of(console.indicators)
    with qtbot.waitSignal(loader.sigSaved, timeout=60_000):
        loader.start()
    return console


def test_a_second_start_takes_the_indicators_the_first_saved(qtbot, world: World) -> None:  # noqa: ANN001
    site = world.add_facility(FacilityKind.VACCINATION_SITE)
    world.add_vaccination(world.add_person("330382001001001", born="1957-01-01"), 1, "2022-03-10 09:00", site)
    first = _start(qtbot, world)
    second = _start(qtbot, world)
    assert not first.indicators.from_saved and second.indicators.from_saved
    day = second.period_end
    assert np.array_equal(list(second.indicators.unit_values("330382", day).values()),
                          list(first.indicators.unit_values("330382", day).values()), equal_nan=True)
