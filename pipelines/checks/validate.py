"""Run a suite over its views with GX (pandas) and read back one Outcome per check. No Dagster here."""
from __future__ import annotations

import polars as pl

from pipelines.checks.gx_runtime import frame_batch, validate_batch
from pipelines.checks.outcome import Outcome, outcome_of
from pipelines.checks.suites import Suite, gx_suite


def run_suite(suite: Suite, views: dict[str, pl.DataFrame], parameters: dict) -> list[Outcome]:
    by_name = {c.name: c for c in suite.checks}
    outcomes: dict[str, Outcome] = {}
    for view in suite.views():
        frame = views[view]
        for name, result in validate_view(suite, view, frame, parameters).items():
            outcomes[name] = outcome_of(by_name[name], result, frame)
    return [outcomes[c.name] for c in suite.checks]


def validate_view(suite: Suite, view: str, frame: pl.DataFrame, parameters: dict) -> dict:
    """Check name -> GX's result for every expectation of `suite` on `view`.

    One GX validation of the whole suite with the quick result format; the expectations that fail
    are validated again, on the same batch, with the detailed one (for their failing rows)."""
    wanted = [c for c in suite.columns_of(view) if c in frame.columns]
    # Only the columns the expectations read go through pandas (bodies are big); a missing
    # column is left to GX, whose failing expectation then names it.
    batch = frame_batch(frame.select(wanted) if wanted else frame)
    results = by_check(validate_batch(batch, gx_suite(suite, view), parameters))
    failed = {name for name, r in results.items() if not r.success}
    if failed:
        results |= by_check(validate_batch(batch, gx_suite(suite, view, only=failed), parameters, detailed=True))
    return results


def by_check(suite_result) -> dict:
    return {r.expectation_config.meta["check"]: r for r in suite_result.results}
