"""Batches read ahead on another thread arrive whole, in order; what the reading raises reaches the caller; a
caller that stops early stops the reader."""

from __future__ import annotations

import threading

import pytest

from app.store.read_ahead import read_ahead


def test_every_batch_arrives_in_order() -> None:
    assert list(read_ahead(iter([[1, 2], [3], [], [4, 5]]))) == [[1, 2], [3], [], [4, 5]]


def test_what_the_reading_raises_is_raised_to_the_caller() -> None:
    def batches():  # noqa: ANN202
        yield 1
        raise ValueError("server went away")

    got = []
    with pytest.raises(ValueError, match="server went away"):
        for b in read_ahead(batches()):
            got.append(b)
    assert got == [1]


def test_a_caller_that_stops_early_stops_the_reader() -> None:
    read = []

    def endless():  # noqa: ANN202
        i = 0
        while True:
            read.append(i)
            yield i
            i += 1

    for b in read_ahead(endless(), depth=2):
        if b == 3:
            break
    assert not any(t.name == "read-ahead" for t in threading.enumerate())
    assert len(read) <= 3 + 2 + 2  # read no further than the queue's depth past where the caller stopped
