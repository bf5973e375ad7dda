"""The collector pause for start-up: off between pause() and resume(), never left off by us."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from homecheck import startup_gc


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    startup_gc.resume()
    gc.enable()
    yield
    startup_gc.resume()
    gc.enable()


def test_pause_switches_the_collector_off_until_resume() -> None:
    startup_gc.pause()
    assert not gc.isenabled() and startup_gc.paused()
    startup_gc.resume()
    assert gc.isenabled() and not startup_gc.paused()


def test_resume_twice_and_resume_without_pause_change_nothing() -> None:
    startup_gc.resume()
    assert gc.isenabled()
    startup_gc.pause()
    startup_gc.resume()
    startup_gc.resume()
    assert gc.isenabled()


def test_a_collector_someone_else_switched_off_stays_off() -> None:
    gc.disable()
    startup_gc.pause()  # already off: not ours to switch back on
    assert not startup_gc.paused()
    startup_gc.resume()
    assert not gc.isenabled()
