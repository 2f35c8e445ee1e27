"""Run a suite over its views with GX (pandas) and read back one Outcome per check. No Dagster here.

Where GX runs is the caller's choice: `validate_view` validates in this process; a `GxWorker`
(gx_worker.py) does the same in a process of its own. Both return `GxResult`s, plain data.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from pipelines.checks.outcome import Outcome, outcome_of
from pipelines.checks.suites import Suite, gx_suite


@dataclass(frozen=True)
class GxResult:
    """What we read of one GX ExpectationValidationResult, as plain data that can cross processes."""
    success: bool
    result: dict  # GX's `result` dict (counts, observed value, indices of failing rows)
    error: str | None = None  # GX raised while evaluating the expectation


# (suite, view, frame, expectation parameters) -> check name -> result
ViewValidator = Callable[[Suite, str, pl.DataFrame, dict], dict[str, GxResult]]


def run_suite(suite: Suite, views: dict[str, pl.DataFrame], parameters: dict,
              validate: ViewValidator | None = None) -> list[Outcome]:
    validate = validate or validate_view
    by_name = {c.name: c for c in suite.checks}
    outcomes: dict[str, Outcome] = {}
    for view in suite.views():
        frame = views[view]
        for name, result in validate(suite, view, narrowed_view(suite, view, frame), parameters).items():
            outcomes[name] = outcome_of(by_name[name], result, frame)
    # GX skips (and only logs) an expectation it cannot build, e.g. an unknown type: never a silent pass.
    return [outcomes.get(c.name) or Outcome(c, False, "error: GX returned no result for this expectation", None)
            for c in suite.checks]


def narrowed_view(suite: Suite, view: str, frame: pl.DataFrame) -> pl.DataFrame:
    """Only the columns the expectations read go to GX (bodies are big); a missing column is left
    to GX, whose failing expectation then names it. Row positions are kept, so failing row indices
    still point into the whole view."""
    wanted = [c for c in suite.columns_of(view) if c in frame.columns]
    return frame.select(wanted) if wanted else frame


def validate_view(suite: Suite, view: str, frame: pl.DataFrame, parameters: dict) -> dict[str, GxResult]:
    """Check name -> GX's result for every expectation of `suite` on `view`, in this process.

    One GX validation of the whole suite with the quick result format; the expectations that fail
    are validated again, on the same batch, with the detailed one (for their failing rows)."""
    from pipelines.checks.gx_runtime import frame_batch, validate_batch

    batch = frame_batch(frame)
    results = by_check(validate_batch(batch, gx_suite(suite, view), parameters))
    failed = {name for name, r in results.items() if not r.success}
    if failed:
        results |= by_check(validate_batch(batch, gx_suite(suite, view, only=failed), parameters, detailed=True))
    return results


def by_check(suite_result) -> dict[str, GxResult]:
    return {r.expectation_config.meta["check"]: gx_result(r) for r in suite_result.results}


def gx_result(result) -> GxResult:
    info = result.exception_info or {}
    if info.get("raised_exception"):
        return GxResult(False, {}, info.get("exception_message") or "GX raised an exception")
    return GxResult(bool(result.success), dict(result.result or {}))
