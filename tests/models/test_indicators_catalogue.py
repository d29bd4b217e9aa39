"""The indicator catalogue: the shipped one is complete, and a wrong entry is rejected naming entry and problem."""

from __future__ import annotations

import copy
import json

import pytest

from app.models.indicators.catalogue import CATALOGUE_PATH, CatalogueError, load_catalogue, parse_catalogue, parse_terms

GROUPS = {"population", "checkpoints", "screening", "testing", "vaccination", "quarantine", "health", "resources", "warnings"}


@pytest.fixture(scope="module")
def doc() -> dict:
    return json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))


def test_shipped_catalogue_has_240_indicators_in_every_group() -> None:
    catalogue = load_catalogue()
    assert len(catalogue) >= 240
    assert {i.group for i in catalogue} == GROUPS
    assert all(i.name_zh and i.name_en and i.unit is not None for i in catalogue)
    # vaccination by dose x age band: a coverage rate for each of 4 doses x 6 bands
    bands = ("a3_11", "a12_17", "a18_59", "a60_69", "a70_79", "a80p")
    assert all(catalogue[f"vax_d{d}_cov_{b}"].is_rate for d in range(1, 5) for b in bands)


def test_every_measure_the_engine_makes_is_used_by_an_indicator() -> None:
    from app.models.indicators.producers import MEASURES

    assert load_catalogue().measures() == set(MEASURES)


def test_a_percentage_keeps_numerator_and_denominator() -> None:
    ind = load_catalogue()["vax_d2_cov_a60_69"]
    assert [t.measure for t in ind.numerator] == ["vax_d2_a60_69"]
    assert [t.measure for t in ind.denominator] == ["pop_a60_69"]
    assert ind.scale == 100


def test_terms_parse_windows_and_signs() -> None:
    terms = parse_terms("a@7 + b - c_2")
    assert [(t.measure, t.window, t.sign) for t in terms] == [("a", 7, 1), ("b", 0, 1), ("c_2", 0, -1)]
    for bad in ("a +", "a b", "a@0", "A", "a * b", ""):
        with pytest.raises(ValueError):
            parse_terms(bad)


@pytest.mark.parametrize(("change", "message"), [
    (lambda e: e["formula"].update(numerator="no_such_measure"), "unknown measure(s) no_such_measure"),
    (lambda e: e.update(group="nowhere"), "unknown group 'nowhere'"),
    (lambda e: e.update(good="sideways"), "good must be one of"),
    (lambda e: e.update(thresholds={"warning": 80, "alarm": 90}), "alarm 90 must be below warning 80"),
    (lambda e: e["formula"].pop("denominator"), "a percentage needs a denominator"),
    (lambda e: e["formula"].update(scale=-1), "scale must be a positive number"),
    (lambda e: e.pop("name_zh"), "missing field(s) name_zh"),
    (lambda e: e["formula"].update(numerator="vax_d1_a3_11 +"), "ends with an operator"),
])
def test_a_wrong_entry_is_named_with_its_problem(doc: dict, change, message: str) -> None:  # noqa: ANN001
    bad = copy.deepcopy(doc)
    entry = next(e for e in bad["indicators"] if e["id"] == "vax_d1_cov_a3_11")
    change(entry)
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(bad)
    assert "indicator vax_d1_cov_a3_11:" in str(err.value)
    assert message in str(err.value)


def test_duplicate_ids_and_every_bad_entry_are_reported(doc: dict) -> None:
    bad = copy.deepcopy(doc)
    bad["indicators"].append(copy.deepcopy(bad["indicators"][0]))
    bad["indicators"][1]["good"] = "maybe"
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(bad)
    text = str(err.value)
    assert f"indicator {bad['indicators'][0]['id']}: duplicate id" in text
    assert f"indicator {bad['indicators'][1]['id']}: good must be one of" in text


def test_an_unreadable_catalogue_is_a_clear_error(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "indicators.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CatalogueError, match="cannot read indicator catalogue"):
        load_catalogue(path)
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(CatalogueError, match="must be an object"):
        load_catalogue(path)


def test_threshold_status_follows_the_good_direction() -> None:
    catalogue = load_catalogue()
    up, down = catalogue["camera_online_rate"], catalogue["positivity_7d"]  # up: 95/90; down: 0.01/0.1
    assert [up.status(v) for v in (99, 93, 80, float("nan"))] == ["ok", "warning", "alarm", "none"]
    assert [down.status(v) for v in (0.0, 0.05, 0.5)] == ["ok", "warning", "alarm"]
    assert catalogue["pop_present"].status(5) == "none"
