"""Reports and JSON write every cell as :func:`plain_value` says — the bulk path for a whole table agrees cell by cell."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from app.models.indicators.table import plain_rows, plain_value

cells = st.one_of(st.floats(allow_nan=True, allow_infinity=True, width=64),
                  st.integers(-(2**60), 2**60).map(float), st.sampled_from([0.0, -0.0, 2.5, 1e20, 2.0**53, 1 / 3]))


@given(arrays(np.float64, st.tuples(st.integers(0, 6), st.integers(0, 6)), elements=cells))
def test_bulk_cells_equal_one_by_one(values: np.ndarray) -> None:
    bulk = plain_rows(values)
    single = [[plain_value(x) for x in row] for row in values]
    assert [[(type(x), x) for x in row] for row in bulk] == [[(type(x), x) for x in row] for row in single]
