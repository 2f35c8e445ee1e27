"""The GX worker process `newswh run` starts: same results as validating in-process, its failures
raised in the caller with their cause, and nothing left running after `close()`."""
from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import textwrap

import polars as pl
import pytest

from pipelines.checks.gx_worker import GxWorker, GxWorkerError, InProcessGx
from pipelines.checks.params import suite_parameters
from pipelines.checks.suites import STAGE_SUITES, WAREHOUSE_SUITE, load_suite
from pipelines.checks.validate import run_suite
from pipelines.settings import PROJECT_ROOT
from tests.conftest import SEEDS
from tests.checks.test_gx_import import raw_records


@pytest.fixture(scope="module")
def worker():
    with GxWorker() as gx:
        yield gx


def outcomes(validator, frame: pl.DataFrame, suite=None) -> list[tuple]:
    suite = suite or load_suite("raw_articles")
    params = suite_parameters(suite.raw, min_body_words=1)
    return [(o.check.name, o.passed, o.observed, o.failing_rows, o.examples.to_dicts())
            for o in run_suite(suite, {"raw_articles": frame}, params, validator.validate)]


def test_the_worker_gives_the_in_process_results(worker):
    frame = pl.concat([raw_records(9), raw_records(2)]).with_columns(  # two duplicate keys, one unknown format
        source_format=pl.when(pl.col("article_id") == "a4").then(pl.lit("pdf")).otherwise(pl.col("source_format")))
    in_worker = outcomes(worker, frame)
    assert in_worker == outcomes(InProcessGx(), frame)
    failed = {name: (observed, rows) for name, passed, observed, rows, _ in in_worker if not passed}
    assert failed == {"article_id_unique": ("4 of 11 rows unexpected", 4),
                      "source_path_unique": ("4 of 11 rows unexpected", 4),
                      "source_format_known": ("1 of 11 rows unexpected", 1)}
    assert outcomes(worker, raw_records(3)) == outcomes(InProcessGx(), raw_records(3))  # the worker serves on


def test_a_failure_inside_the_worker_is_raised_with_its_traceback(worker):
    with pytest.raises(GxWorkerError, match="(?s)in the worker process.*'NoneType' object has no attribute 'to_pandas'"):
        worker.validate(load_suite("raw_articles"), "raw_articles", None, {})
    assert outcomes(worker, raw_records(2))  # and the worker still answers the next request


def test_an_expectation_gx_drops_is_a_failed_check_not_a_crash(worker):
    """GX skips (and logs) an expectation type it does not know; the check must not pass silently."""
    suite = load_suite("raw_articles")
    broken = dataclasses.replace(suite, raw={**suite.raw, "expectations": [
        {**suite.raw["expectations"][0], "type": "expect_no_such_thing"}, *suite.raw["expectations"][1:]]})
    results = {name: (passed, observed) for name, passed, observed, _, _ in outcomes(worker, raw_records(2), broken)}
    dropped = suite.checks[0].name
    assert results.pop(dropped) == (False, "error: GX returned no result for this expectation")
    assert all(passed for passed, _ in results.values())


def test_a_dead_worker_is_an_error_not_a_hang():
    with GxWorker() as gx:
        os.kill(gx.pid, signal.SIGKILL)
        with pytest.raises(GxWorkerError, match="died"):
            outcomes(gx, raw_records(2))


def test_close_ends_the_process_even_while_gx_is_still_importing():
    gx = GxWorker()
    gx.close()  # at once: the worker is still importing GX, so it is terminated, not waited for
    assert not gx.alive and gx.exitcode == -signal.SIGTERM


def test_close_lets_a_warm_worker_leave_its_loop_normally():
    gx = GxWorker()
    assert outcomes(gx, raw_records(2))
    gx.close()  # closing the pipe ends its loop: a normal exit, no leaked semaphore
    assert gx.exitcode == 0


def test_an_interrupted_request_ends_the_worker_and_later_requests_raise():
    with GxWorker() as gx:
        def interrupted():
            raise KeyboardInterrupt
        gx._conn.recv = interrupted  # the interrupt lands between sending a frame and reading its answer
        with pytest.raises(KeyboardInterrupt):
            outcomes(gx, raw_records(2))
        assert not gx.alive  # its unread answer would have gone to the next request
        with pytest.raises(GxWorkerError, match="interrupted"):
            outcomes(gx, raw_records(2))


def test_a_run_validates_in_its_worker_and_never_imports_gx_itself(tmp_path):
    """What keeps the checks cheap on a small run (issue 6): GX's import happens in the worker only."""
    script = textwrap.dedent(f"""
        import sys
        from pipelines.runner import run_pipeline
        from pipelines.settings import Settings
        summary = run_pipeline(Settings().with_paths(inbox={str(SEEDS)!r}, warehouse={str(tmp_path / 'news.duckdb')!r}))
        failed = [c for c in summary.checks if not c.passed]
        print(summary.success, len(summary.checks), failed, "great_expectations" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=PROJECT_ROOT, check=True)
    success, checks, failed, gx_imported = out.stdout.split(maxsplit=3)
    assert (success, failed, gx_imported.strip()) == ("True", "[]", "False")
    assert int(checks) >= sum(len(load_suite(n).checks) for n in (*STAGE_SUITES, WAREHOUSE_SUITE))
