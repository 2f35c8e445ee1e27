"""Run a suite over its views with GX (pandas) and read back one Outcome per check. No Dagster here."""
from __future__ import annotations

import polars as pl

from pipelines.checks.gx_runtime import validate_frame
from pipelines.checks.outcome import Outcome, outcome_of
from pipelines.checks.suites import Suite, gx_suite


def run_suite(suite: Suite, views: dict[str, pl.DataFrame], parameters: dict) -> list[Outcome]:
    by_name = {c.name: c for c in suite.checks}
    outcomes: dict[str, Outcome] = {}
    for view in suite.views():
        frame = views[view]
        wanted = [c for c in suite.columns_of(view) if c in frame.columns]
        # Only the columns the expectations read go through pandas (bodies are big); a missing
        # column is left to GX, whose failing expectation then names it.
        narrow = frame.select(wanted) if wanted else frame
        result = validate_frame(narrow, gx_suite(suite, view), parameters)
        for r in result.results:
            name = r.expectation_config.meta["check"]
            outcomes[name] = outcome_of(by_name[name], r, frame)
    return [outcomes[c.name] for c in suite.checks]
