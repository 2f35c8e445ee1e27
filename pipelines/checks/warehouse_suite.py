"""The warehouse suite: cross-table checks on the loaded DuckDB file, after the load.

Each check's SQL (sql/checks/<name>.sql) returns the rows that break a rule (a mention whose
entity does not exist, an article without paragraphs...); GX then expects that frame to be empty
(`expect_table_row_count_to_equal` 0), so the count and the first rows land in the result. This
runs after the load, when nothing else writes the file, so it appends its own `quality_results` rows
(through `staged_warehouse`, like the load: readers are never locked out).
"""
from __future__ import annotations

from pathlib import Path

from pipelines.checks.outcome import Outcome, quality_frame
from pipelines.checks.suites import Suite
from pipelines.checks.validate import run_suite
from pipelines.sqlfiles import sql
from pipelines.warehouse import insert_frame, open_warehouse, staged_warehouse


def run_warehouse_suite(suite: Suite, warehouse: Path, run_id: str, params: dict) -> list[Outcome]:
    with open_warehouse(warehouse, read_only=True) as con:
        views = {c.view: con.execute(sql(c.sql)).pl() for c in suite.checks if c.sql}
    outcomes = run_suite(suite, views, params)
    with staged_warehouse(warehouse) as con:  # the project's one way to write: a copy swapped in
        insert_frame(con, "quality_results", quality_frame(outcomes, run_id))
    return outcomes
