"""The lock back-off: `newswh run --lock-wait inf` (wait as long as it takes) must notice a released
lock soon, not after a pause that doubled for as long as the lock was held."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipelines import staging


def test_an_unbounded_wait_keeps_polling_at_a_bounded_pause(monkeypatch):
    clock, pauses = [0.0], []

    def sleep(seconds: float) -> None:
        pauses.append(seconds)
        clock[0] += seconds

    monkeypatch.setattr(staging.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(staging.time, "sleep", sleep)
    tries = iter(range(40))

    def attempt() -> str:
        if next(tries) < 39:  # held for 39 tries, then released
            raise BlockingIOError
        return "got it"

    assert staging.with_backoff(attempt, lambda: None, what=Path("w.duckdb"), wait_seconds=float("inf")) == "got it"
    assert max(pauses) <= 5  # polls at least every 5 s once the pause has grown


def test_a_finite_wait_still_gives_up_at_its_deadline(monkeypatch):
    clock = [0.0]
    monkeypatch.setattr(staging.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(staging.time, "sleep", lambda s: clock.__setitem__(0, clock[0] + s))

    def attempt():
        raise BlockingIOError

    with pytest.raises(staging.WarehouseLocked):
        staging.with_backoff(attempt, lambda: "PID 1", what=Path("w.duckdb"), wait_seconds=30)
    assert clock[0] == pytest.approx(30)
