"""Great Expectations in a process of its own, started before the run so its import costs no wall time.

Importing GX and building its context take ~2 s of one core. A `newswh run` spends its first
seconds (Dagster's import, ingest, clean, the NER model's load) on one core, so a worker spawned
first imports GX on the other core meanwhile, and the checks hand it their frames. Measured on the
seeds, in-process GX was most of what the checks added to a run (issue 6; README, "Data-quality checks").

`InProcessGx` is the same interface without the process: what the Dagster UI's runs use, where
every step is a process of its own and a worker per step would only add its start-up.
Neither imports GX or Dagster at import time: the CLI starts the worker before importing Dagster.
"""
from __future__ import annotations

import gc
import multiprocessing
import signal
import threading
import traceback
from typing import Protocol

import polars as pl

from pipelines.checks.suites import Suite


class Validator(Protocol):
    """The `gx` resource: validates one view of a suite (see validate.ViewValidator)."""

    def validate(self, suite: Suite, view: str, frame: pl.DataFrame, parameters: dict) -> dict: ...


class GxWorkerError(RuntimeError):
    """The worker failed to validate (its traceback is the message) or died."""


class InProcessGx:
    """Validate in the calling process; GX is imported on first use."""

    def validate(self, suite: Suite, view: str, frame: pl.DataFrame, parameters: dict) -> dict:
        from pipelines.checks.validate import validate_view

        return validate_view(suite, view, frame, parameters)

    def close(self) -> None:
        pass

    def __enter__(self) -> InProcessGx:
        return self

    def __exit__(self, *exc) -> None:
        pass


class GxWorker:
    """One spawned process that imports GX at once and then validates the frames it is sent.

    Requests are served one at a time (a lock makes concurrent callers take turns); the worker
    holds nothing that needs saving, so `close()` never waits long for it."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
        self._conn, child = context.Pipe()
        self._process = context.Process(target=serve, args=(child,), name="newswh-gx", daemon=True)
        self._process.start()
        child.close()
        self._lock = threading.Lock()
        self._served = False

    @property
    def pid(self) -> int | None:
        return self._process.pid

    @property
    def alive(self) -> bool:
        return self._process.is_alive()

    def validate(self, suite: Suite, view: str, frame: pl.DataFrame, parameters: dict) -> dict:
        with self._lock:
            try:
                self._conn.send((suite, view, frame, parameters))
                ok, value = self._conn.recv()
            except (EOFError, BrokenPipeError, ConnectionResetError) as exc:
                self._process.join(timeout=1)
                raise GxWorkerError(f"the GX worker process died (exit code {self._process.exitcode})") from exc
        self._served = True
        if not ok:
            raise GxWorkerError(f"GX failed in the worker process:\n{value}")
        return value

    def close(self) -> None:
        """End the worker: at once if it never served (it may still be importing GX; a run that ended
        before its first check should not wait for that), else by closing the pipe, so it leaves its
        loop and exits normally (terminating it then would leak a semaphore GX's import made)."""
        self._conn.close()
        if self._served:
            self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()

    def __enter__(self) -> GxWorker:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def serve(conn) -> None:
    """The worker's loop: import GX and warm its context, then answer requests until the pipe closes."""
    # Ctrl-C reaches the whole process group; the parent ends the worker (close()), so the worker
    # should not die with a traceback of its own first.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        from pipelines.checks.gx_runtime import warm_up
        from pipelines.checks.validate import validate_view

        warm_up()
        # GX's import leaves ~260k objects that every full collection walks again (0.18 s per
        # pause, in the middle of a validation); they live as long as the worker: take them out.
        gc.freeze()
    except Exception:  # noqa: BLE001 - reported with the first request, where the caller can raise it
        failure = traceback.format_exc()
        validate_view = None
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if validate_view is None:
            conn.send((False, failure))
            continue
        try:
            conn.send((True, validate_view(*request)))
        except Exception:  # noqa: BLE001 - the caller raises it with this traceback
            conn.send((False, traceback.format_exc()))
