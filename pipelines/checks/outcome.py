"""One expectation's GX result -> what Dagster shows and what `quality_results` stores."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from numbers import Integral
from typing import TYPE_CHECKING

import polars as pl

from pipelines.checks.suites import CheckSpec

if TYPE_CHECKING:
    from pipelines.checks.validate import GxResult

EXAMPLE_ROWS = 5
# Columns that identify a row; shown in the examples beside the column a check reads.
ID_COLUMNS = ("article_id", "source_path", "paragraph_index", "figure_id", "entity_id", "site", "char_start", "char_end", "text")


@dataclass
class Outcome:
    check: CheckSpec
    passed: bool
    observed: str
    failing_rows: int | None
    examples: pl.DataFrame = field(default_factory=pl.DataFrame)

    @property
    def severity(self) -> str:
        return "error" if self.check.blocking else "warn"


def outcome_of(check: CheckSpec, result: GxResult, view: pl.DataFrame) -> Outcome:
    """Read one expectation's result (GX's SUMMARY format) against the frame it validated."""
    if result.error is not None:
        return Outcome(check, False, f"error: {result.error}", None)
    found = result.result
    if "unexpected_count" in found:
        failing, total = found["unexpected_count"], found.get("element_count", view.height)
        rows = [int(i) for i in found.get("partial_unexpected_index_list") or [] if isinstance(i, Integral)][:EXAMPLE_ROWS]
        return Outcome(check, result.success, f"{failing} of {total} rows unexpected", failing,
                       example_rows(view, rows, check.columns))
    observed = found.get("observed_value")
    # A warehouse check validates the frame of failing rows its SQL returned: its row count.
    failing = view.height if check.sql else (0 if result.success else None)
    examples = view.head(EXAMPLE_ROWS) if check.sql else pl.DataFrame()
    return Outcome(check, result.success, str(observed), failing, examples)


def example_rows(view: pl.DataFrame, rows: list[int], columns: tuple[str, ...]) -> pl.DataFrame:
    if not rows:
        return pl.DataFrame()
    shown = [c for c in ID_COLUMNS if c in view.columns] + [c for c in columns if c not in ID_COLUMNS]
    return view[rows].select(shown)


def quality_row(outcome: Outcome, run_id: str, checked_at: datetime | None = None) -> dict:
    return {
        "run_id": run_id, "asset": outcome.check.asset, "check_name": outcome.check.name,
        "severity": outcome.severity, "passed": outcome.passed, "observed": outcome.observed,
        "failing_rows": outcome.failing_rows,
        "checked_at": checked_at or datetime.now(timezone.utc).replace(tzinfo=None),
    }


QUALITY_SCHEMA = {
    "run_id": pl.String, "asset": pl.String, "check_name": pl.String, "severity": pl.String,
    "passed": pl.Boolean, "observed": pl.String, "failing_rows": pl.Int64, "checked_at": pl.Datetime("us"),
}


def quality_frame(outcomes: list[Outcome], run_id: str) -> pl.DataFrame:
    return pl.DataFrame([quality_row(o, run_id) for o in outcomes], schema=QUALITY_SCHEMA)
