"""Stage check results waiting for a load belong to the warehouse whose run wrote them."""
from __future__ import annotations

import polars as pl

from pipelines.checks.outcome import QUALITY_SCHEMA
from pipelines.checks.quality_log import pending_quality_log, write_quality_log


def test_two_warehouses_in_one_directory_keep_their_waiting_results_apart(tmp_path):
    # A run into a.duckdb blocked (or stopped by Ctrl-C) after its checks must not have its
    # results loaded into b.duckdb.
    write_quality_log(tmp_path / "a.duckdb", "run-a", "articles", pl.DataFrame(schema=QUALITY_SCHEMA))
    assert pending_quality_log(tmp_path / "b.duckdb")[1] == []
    assert [f.name for f in pending_quality_log(tmp_path / "a.duckdb")[1]] == ["run-a.articles.parquet"]
