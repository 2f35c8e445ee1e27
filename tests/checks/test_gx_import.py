"""GX imported without scipy.stats up front, and suites validated quick-then-detailed, still give
every result its observed value, failing row count and example rows."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import polars as pl

from pipelines.checks.params import suite_parameters
from pipelines.checks.suites import load_suite
from pipelines.checks.validate import run_suite
from pipelines.settings import PROJECT_ROOT


def test_gx_imports_without_scipy_stats_and_loads_it_when_gx_uses_it():
    # A fresh interpreter: this test process may already hold GX and scipy.stats.
    script = textwrap.dedent("""
        import sys
        from pipelines.checks.gx_import import great_expectations
        gx = great_expectations()
        print("after import:", "scipy.stats._stats_py" in sys.modules)
        from great_expectations.expectations.core import expect_column_kl_divergence_to_be_less_than as kl
        print("entropy:", round(float(kl.stats.entropy([0.5, 0.5])), 4))
        print("real module now:", type(sys.modules["scipy.stats"]).__name__, "scipy.stats._stats_py" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=PROJECT_ROOT, check=True)
    lines = out.stdout.splitlines()
    assert lines[0] == "after import: False"
    assert lines[1] == "entropy: 0.6931"  # ln 2: GX's reference reaches the real scipy.stats
    assert lines[2] == "real module now: module True"


def raw_records(n: int) -> pl.DataFrame:
    return pl.DataFrame({
        "article_id": [f"a{i}" for i in range(n)],
        "source_path": [f"inbox/{i}.txt" for i in range(n)],
        "source_format": ["txt"] * n,
        "content_sha256": [f"{i:064x}" for i in range(n)],
        "raw_text": ["some text"] * n,
    })


def outcomes_by_name(frame: pl.DataFrame) -> dict:
    suite = load_suite("raw_articles")
    params = suite_parameters(suite.raw, min_body_words=1)
    return {o.check.name: o for o in run_suite(suite, {"raw_articles": frame}, params)}


def test_passing_checks_keep_their_counts():
    outcomes = outcomes_by_name(raw_records(8))
    assert all(o.passed for o in outcomes.values())
    assert outcomes["article_id_unique"].observed == "0 of 8 rows unexpected"
    assert outcomes["article_id_unique"].failing_rows == 0 and outcomes["article_id_unique"].examples.height == 0


def test_failing_checks_get_their_failing_rows_as_examples():
    frame = raw_records(12).with_columns(
        source_format=pl.when(pl.col("article_id").is_in(["a1", "a3", "a4", "a6", "a7", "a9", "a11"]))
        .then(pl.lit("pdf")).otherwise(pl.col("source_format")))
    outcomes = outcomes_by_name(frame)
    bad = outcomes["source_format_known"]
    assert not bad.passed and bad.failing_rows == 7 and bad.observed == "7 of 12 rows unexpected"
    assert bad.examples["source_format"].to_list() == ["pdf"] * 5  # up to 5 example rows, all failing ones
    assert set(bad.examples["article_id"]) <= {"a1", "a3", "a4", "a6", "a7", "a9", "a11"}
    assert [n for n, o in outcomes.items() if not o.passed] == ["source_format_known"]
