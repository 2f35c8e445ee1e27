"""Real materializations with one stage's output corrupted: the matching check fails, a blocking
failure leaves the DuckDB warehouse byte-for-byte unchanged, and a warning does not block."""
from __future__ import annotations

import hashlib
import shutil

import duckdb
import polars as pl
import pytest

from pipelines.checks.quality_log import quality_log_dir
from pipelines.checks.suites import STAGE_SUITES, WAREHOUSE_SUITE
from pipelines.settings import Settings
from pipelines.checks.factory import expectation_results
from tests.checks.graph import check_outcomes, evaluation, materialized, run
from tests.conftest import SEEDS


@pytest.fixture
def loaded(good_run, tmp_path) -> Settings:
    """A copy of the good run's warehouse, for a run that may break it."""
    settings = Settings().with_paths(inbox=SEEDS, warehouse=tmp_path / "news.duckdb")
    shutil.copyfile(good_run[0].warehouse, settings.warehouse)
    return settings


def digest(settings: Settings) -> str:
    return hashlib.sha256(settings.warehouse.read_bytes()).hexdigest()


def quality_rows(settings: Settings, where: str = "TRUE") -> list[tuple]:
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        return con.execute(f"SELECT asset, check_name, severity, passed, failing_rows FROM quality_results WHERE {where}").fetchall()


def test_seeds_pass_every_check_and_results_reach_the_warehouse(good_run):
    settings, result = good_run
    outcomes = check_outcomes(result)
    assert result.success
    assert {k for k, (passed, _) in outcomes.items() if not passed} == set()
    assert {k.split(":")[0] for k in outcomes} >= {*STAGE_SUITES, WAREHOUSE_SUITE}
    recorded = quality_rows(settings, f"run_id = '{result.run_id}'")
    assert {r[0] for r in recorded} >= {*STAGE_SUITES, WAREHOUSE_SUITE}
    assert len(recorded) >= len([k for k in outcomes if not k.endswith(":accounting_invariant")])
    assert list(quality_log_dir(settings.warehouse).glob("*.parquet")) == []  # the load took them


def run_blocked(settings: Settings, asset: str, corrupt):
    before = digest(settings)
    result = run(settings, corrupt={asset: corrupt}, full_refresh=True)
    assert not result.success
    assert "warehouse" not in materialized(result)
    assert digest(settings) == before
    return result


def failing(outcomes: dict[str, tuple[bool, str]]) -> dict[str, str]:
    return {k: severity for k, (passed, severity) in outcomes.items() if not passed}


def test_duplicate_key_blocks_and_is_recorded_by_the_next_load(loaded):
    result = run_blocked(loaded, "raw_articles", lambda f: pl.concat([f, f.head(1)]))
    assert failing(check_outcomes(result)) == {"raw_articles:article_id_unique": "ERROR", "raw_articles:source_path_unique": "ERROR"}
    assert run(loaded).success  # nothing changed in the inbox: a cheap run, whose load takes the waiting log
    assert ("raw_articles", "article_id_unique", "error", False, 2) in quality_rows(loaded)


def test_empty_body_blocks(loaded):
    result = run_blocked(loaded, "articles", lambda f: f.with_columns(
        body=pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("")).otherwise(pl.col("body"))))
    assert failing(check_outcomes(result)) == {"articles:body_has_min_words": "ERROR"}


def test_offset_past_the_end_blocks(loaded):
    result = run_blocked(loaded, "entity_mentions", lambda f: f.with_columns(
        char_end=pl.when(pl.int_range(pl.len()) == 0).then(pl.col("char_end") + 1000).otherwise(pl.col("char_end"))))
    assert failing(check_outcomes(result)) == {"entity_mentions:offsets_inside_paragraph": "ERROR",
                                 "entity_mentions:text_at_offsets": "ERROR"}


def test_unknown_currency_blocks(loaded):
    result = run_blocked(loaded, "figures", lambda f: f.with_columns(
        currency=pl.when(pl.col("kind") == "money").then(pl.lit("XYZ")).otherwise(pl.col("currency"))))
    assert failing(check_outcomes(result)) == {"figures:currency_is_iso_code": "ERROR"}
    check = evaluation(result, "figures", "critical_expectations")
    assert not check.passed and check.severity.value == "ERROR"
    money = pl.read_parquet(loaded.stage_dir / "figures.parquet").filter(pl.col("kind") == "money").height
    assert check.metadata["failing_rows"].value == money > 0
    (row,) = [e for e in expectation_results(check.metadata) if e["expectation"] == "currency_is_iso_code"]
    assert row["passed"] is False and row["failing_rows"] == money and row["observed"].startswith(f"{money} of ")
    assert check.metadata["observed"].value.endswith(f"failed: currency_is_iso_code ({row['observed']})")
    examples = check.metadata["examples"].value  # a markdown table of up to 5 failing rows, under the expectation's name
    assert examples.startswith("**currency_is_iso_code**")
    assert examples.count("XYZ") == min(money, 5) and "figure_id" in examples


def test_a_warning_does_not_block(loaded):
    result = run(loaded, corrupt={"paragraphs": lambda f: f.with_columns(
        word_count=pl.when(pl.int_range(pl.len()) == 0).then(100_000).otherwise(pl.col("word_count")))}, full_refresh=True)
    assert failing(check_outcomes(result)) == {"paragraphs:word_count_in_bounds": "WARN"}
    assert result.success and "warehouse" in materialized(result)
    assert ("paragraphs", "word_count_in_bounds", "warn", False, 1) in quality_rows(loaded, f"run_id = '{result.run_id}'")


def test_a_failing_warehouse_check_discards_the_staged_load(loaded):
    """Cross-table rules run on the load's staged copy: a broken reference never reaches the file."""
    result = run_blocked(loaded, "entities", lambda f: f.slice(1))  # one mention's entity is gone
    assert not any(k.startswith(("entities:", "entity_mentions:")) for k in failing(check_outcomes(result)))
    failure = next(e for e in result.all_events if e.event_type_value == "STEP_FAILURE")
    assert "every_mention_entity_exists" in failure.event_specific_data.error.message
