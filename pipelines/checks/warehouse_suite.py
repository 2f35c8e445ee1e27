"""The warehouse suite: cross-table checks on the loaded warehouse, before it is swapped in.

Each check's SQL (sql/checks/<name>.sql) returns the rows that break a rule (a mention whose
entity does not exist, an article without paragraphs...); GX then expects that frame to be empty
(`expect_table_row_count_to_equal` 0), so the count and the first rows land in the result.
The load runs this on its staged copy of the warehouse, after writing the batch and before the
swap: a failing blocking check raises, the copy is discarded, and the previous warehouse stays.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines.checks.outcome import Outcome, quality_frame
from pipelines.checks.params import suite_parameters
from pipelines.checks.suites import WAREHOUSE_SUITE, Suite, load_suite
from pipelines.checks.validate import ViewValidator, run_suite
from pipelines.sqlfiles import sql
from pipelines.warehouse import insert_frame, open_warehouse


def validate_loaded(con: duckdb.DuckDBPyConnection, suite: Suite, run_id: str, params: dict,
                    validate: ViewValidator | None = None) -> list[Outcome]:
    """Run the suite on an open (staged) warehouse and record its results there."""
    views = {c.view: con.execute(sql(c.sql)).pl() for c in suite.checks if c.sql}
    outcomes = run_suite(suite, views, params, validate)
    insert_frame(con, "quality_results", quality_frame(outcomes, run_id))
    return outcomes


def validate_warehouse(con: duckdb.DuckDBPyConnection, run_id: str, *, min_body_words: int,
                       validate: ViewValidator | None = None) -> list[Outcome]:
    suite = load_suite(WAREHOUSE_SUITE)
    return validate_loaded(con, suite, run_id, suite_parameters(suite.raw, min_body_words=min_body_words), validate)


def run_warehouse_suite(suite: Suite, warehouse: Path, run_id: str, params: dict) -> list[Outcome]:
    """The suite on a warehouse file at rest (tests, `make docs`)."""
    with open_warehouse(warehouse) as con:
        return validate_loaded(con, suite, run_id, params)
