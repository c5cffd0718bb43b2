"""Bulk reads and writes switch the cyclic collector off, and always back on."""

from __future__ import annotations

import gc

import pytest

from govgraph.bulk import bulk


def test_the_collector_is_off_within_and_back_on_after_even_on_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), bulk():
        assert not gc.isenabled()
        raise RuntimeError("a bad dataset")
    assert gc.isenabled()


def test_a_collector_already_off_stays_off() -> None:
    gc.disable()
    try:
        with bulk():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
