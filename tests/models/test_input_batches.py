"""The batch forms of the input rules (what an import runs over a column of a batch) take and refuse exactly
what the rules take and refuse one value at a time, with the same problems."""

from __future__ import annotations

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.domain.errors import InputError
from app.models import inputs
from app.store.demo.people import identity_numbers


def _one_by_one(rule, values: list[str]) -> inputs.Checked:  # noqa: ANN001
    out, problems = [], {}
    for i, v in enumerate(values):
        try:
            out.append(rule(v, "f"))
        except InputError as exc:
            out.append(None)
            problems[i] = exc
    return out, problems


def _same(batch: inputs.Checked, single: inputs.Checked) -> None:
    assert batch[0] == single[0]
    assert {i: str(e) for i, e in batch[1].items()} == {i: str(e) for i, e in single[1].items()}


_digits = st.text("0123456789", min_size=1, max_size=2)
times = st.one_of(
    st.builds(lambda y, m, d, h, mi, s: f"{y:04d}-{m:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}",
              st.integers(1960, 2110), st.integers(0, 13), st.integers(0, 32), st.integers(0, 25),
              st.integers(0, 61), st.integers(0, 61)),
    st.builds(lambda y, m, d, h: f"{y}/{m}/{d} {h}:05", st.integers(1969, 2100), _digits, _digits, _digits),
    st.sampled_from(["", "2022-03-01", "2022-03-01T08:05:09", "2022年3月1日 8时5分", "20220301080509",
                     "2022-03-01T00:05:00Z", "2022-03-01 08:05:09 ", "２０２２-03-01 08:05:09", "x" * 19]),
    st.text(max_size=20))


@settings(max_examples=200, deadline=None)
@given(st.lists(times, max_size=30))
@example(["1970-01-02 00:00:60"])  # a leap second: strptime takes it, date_time does not
def test_date_times_agree_with_date_time(values: list[str]) -> None:
    _same(inputs.date_times(values, "f"), _one_by_one(inputs.date_time, values))


def _valid(n: int) -> list[str]:
    rng = np.random.default_rng(n)
    return identity_numbers(rng, np.full(n, "330382"), rng.integers(-25000, 14600, n), rng.integers(1, 3, n)).tolist()


def _spoiled(number: str, how: int) -> str:
    """A valid number made wrong in one way: check character, birth date, length, case, blanks, a wide digit."""
    return [number[:17] + ("0" if number[17] != "0" else "1"), number[:10] + "13" + number[12:], number[:17],
            number[:17] + "x", f" {number} ", "１" + number[1:], number[:6] + "18991231" + number[14:],
            "0" + number[1:], number][how]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 8), st.integers(0, 19)), max_size=30), st.lists(st.text(max_size=20), max_size=5))
def test_identity_numbers_agree_with_identity_number(picks: list[tuple[int, int]], noise: list[str]) -> None:
    valid = _valid(20)
    values = [_spoiled(valid[i], how) for how, i in picks] + noise
    _same(inputs.identity_numbers(values, "f"), _one_by_one(inputs.identity_number, values))
