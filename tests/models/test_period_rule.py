"""One rule for every engine and command: questions about days outside the data period are refused, with the
same line ``indicators`` gives, instead of answering over no data (everyone untested, no contacts, nobody back)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.domain.errors import OutsidePeriod
from app.domain.people import OCCUPATIONS
from app.models.screening import city_area, screen
from app.models.tracing import trace
from app.models.warnings.engine import evaluate
from app.store.tables.warnings import WarningRecord
from tests.factories import World, at

REFUSAL = "is outside the data period 2022-03-01 .. 2022-03-31"


@pytest.fixture
def db(world: World) -> str:
    city = world.add_city("上海")
    world.add_risk_area(city, "2022-02-01 00:00")
    market = world.add_place()
    case = world.add_person()
    for _ in range(3):
        world.add_person(occupation=OCCUPATIONS.index("medical"))  # key workers, never tested
    world.add_scan(case, market, "2022-03-20 10:00")
    return world.store.url


@pytest.mark.parametrize(("args", "what"), [
    (("indicators", "--level", "county", "--as-of", "2022-02-15"), "as-of date 2022-02-15"),
    (("warnings", "--as-of", "2022-02-15", "--record"), "as-of date 2022-02-15"),
    (("warnings", "--as-of", "2022-04-01T08:00"), "as-of date 2022-04-01"),
    (("trace", "--person", "1", "--at", "2022-02-20"), "onset 2022-02-20"),
    (("screen", "--area", "上海", "--since", "2022-02-01", "--until", "2022-02-28"), "window start 2022-02-01"),
    (("screen", "--area", "上海", "--until", "2022-04-30"), "window end 2022-04-30"),
])
def test_commands_refuse_days_outside_the_data_period(db: str, world: World, capsys: pytest.CaptureFixture[str],
                                                      args: tuple[str, ...], what: str) -> None:
    code = main([*args, "--db", db])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [f"jingkong {args[0]}: error: {what} {REFUSAL}"]
    with world.store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(WarningRecord)) == 0  # --record stored nothing


def test_engines_answer_inside_the_period_and_refuse_outside(db: str, world: World) -> None:
    assert {f.rule.id: len(f) for f in evaluate(world.store, at("2022-03-31 23:59"))}["should_test_not_tested"] == 3
    with pytest.raises(OutsidePeriod, match=f"as-of date 2022-01-15 {REFUSAL}"):
        evaluate(world.store, at("2022-01-15 12:00"))
    assert trace(world.store, 1, at("2022-03-21 00:00")).case_id == 1
    with pytest.raises(OutsidePeriod, match="onset 2022-04-02"):
        trace(world.store, 1, at("2022-04-02 00:00"))
    area = city_area(world.store, "上海")
    assert screen(world.store, area).since == at("2022-03-01 00:00")  # the default window starts with the data
    with pytest.raises(OutsidePeriod, match="window start 2022-01-01"):
        screen(world.store, area, at("2022-01-01 00:00"), at("2022-01-31 23:59"))
