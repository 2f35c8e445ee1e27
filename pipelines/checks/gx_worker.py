"""Great Expectations in a process of its own, started before the run so its import costs no wall time.

Importing GX and building its context take ~2 s of one core. A `newswh run` spends its first
seconds (Dagster's import, ingest, clean, the NER model's load) on one core, so a worker spawned
first imports GX on the other core meanwhile, and the checks hand it their frames. Measured on the
seeds, in-process GX was most of what the checks added to a run (issue 6; README, "Data-quality checks").

`InProcessGx` is the same interface without the process: the default `gx` resource, so what the
Dagster UI's and the schedule's runs use, where every step is a process of its own and a worker per
step would only add its start-up. `run_pipeline` (one in-process run: `newswh run`, each lake
shard's step) starts a worker for its run.
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

    Requests are served one at a time (a lock makes concurrent callers take turns). An exchange
    cut short (an interrupt between sending a frame and reading its answer) leaves the pipe out
    of step, so the worker is ended then and every later request raises."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
        self._conn, child = context.Pipe()
        self._ready = context.Event()  # set by the worker once GX is imported and warm
        self._process = context.Process(target=serve, args=(child, self._ready), name="newswh-gx", daemon=True)
        self._process.start()
        child.close()
        self._lock = threading.Lock()
        self._broken: str | None = None

    @property
    def pid(self) -> int | None:
        return self._process.pid

    @property
    def alive(self) -> bool:
        return self._process.is_alive()

    @property
    def exitcode(self) -> int | None:
        """0 once it left its loop normally, -15 if it was terminated, None while it runs."""
        return self._process.exitcode

    def validate(self, suite: Suite, view: str, frame: pl.DataFrame, parameters: dict) -> dict:
        with self._lock:
            if self._broken:
                raise GxWorkerError(self._broken)
            try:
                self._conn.send((suite, view, frame, parameters))
                ok, value = self._conn.recv()
            except (EOFError, BrokenPipeError, ConnectionResetError) as exc:
                self._process.join(timeout=1)
                self._broken = f"the GX worker process died (exit code {self._process.exitcode})"
                raise GxWorkerError(self._broken) from exc
            except BaseException:
                self._broken = "an earlier request to the GX worker was interrupted; it was ended"
                self._end()
                raise
        if not ok:
            raise GxWorkerError(f"GX failed in the worker process:\n{value}")
        return value

    def close(self) -> None:
        """End the worker. Once warm it is in its loop: closing the pipe lets it exit normally
        (terminating it would leak a semaphore GX's import made, and Python warns of that at
        exit). Still importing GX, it is terminated: a run that ended early should not wait."""
        self._conn.close()
        if self._ready.is_set():
            self._process.join(timeout=5)  # it may be finishing a validation nobody will read
        self._end()

    def _end(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()
        self._process.join()

    def __enter__(self) -> GxWorker:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def serve(conn, ready) -> None:
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
    ready.set()
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        try:
            answer = (False, failure) if validate_view is None else (True, validate_view(*request))
        except Exception:  # noqa: BLE001 - the caller raises it with this traceback
            answer = (False, traceback.format_exc())
        try:
            conn.send(answer)
        except (BrokenPipeError, ConnectionResetError):
            return  # the parent has gone (it closed the pipe while this validation ran)
        except Exception:  # noqa: BLE001 - an answer that does not pickle
            conn.send((False, traceback.format_exc()))
