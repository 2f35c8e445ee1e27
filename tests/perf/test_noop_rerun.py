"""A rerun over an inbox exactly as last loaded launches no Dagster run: the pre-flight finds from
file stats alone that nothing changed and records that as an observation of `raw_articles`."""
from __future__ import annotations

import dagster as dg

from pipelines.runner import run_pipeline
from pipelines.settings import Settings
from tests.conftest import SEEDS


def inbox_observations(instance: dg.DagsterInstance) -> list:
    records = instance.fetch_observations(dg.AssetKey("raw_articles"), limit=10).records
    return [r.event_log_entry.asset_observation for r in records]


def test_a_rerun_over_the_unchanged_seeds_launches_no_run_and_records_an_observation(tmp_path):
    # The seeds are checked-in files, settled long ago, so the stat index trusts them on the rerun.
    settings = Settings().with_paths(inbox=SEEDS, warehouse=tmp_path / "wh" / "news.duckdb")
    instance = dg.DagsterInstance.ephemeral()
    first = run_pipeline(settings, instance=instance)
    assert first.success and first.checks and first.run_id
    assert not inbox_observations(instance)
    second = run_pipeline(settings, instance=instance)
    assert second.success and second.run_id is None and not second.checks
    assert second.table_counts == first.table_counts
    assert [r.run_id for r in instance.get_runs()] == [first.run_id]  # no second run
    (observation,) = inbox_observations(instance)
    assert observation.metadata["inbox"].value == str(SEEDS)
    assert (tmp_path / "wh" / "stages" / "inbox_index.parquet").exists()


def test_full_refresh_runs_the_whole_graph_over_an_unchanged_inbox(tmp_path):
    settings = Settings().with_paths(inbox=SEEDS, warehouse=tmp_path / "wh" / "news.duckdb")
    instance = dg.DagsterInstance.ephemeral()
    first = run_pipeline(settings, instance=instance)
    again = run_pipeline(settings, instance=instance, full_refresh=True)
    assert again.success and again.run_id not in (None, first.run_id) and again.checks
    assert again.table_counts["articles"] == first.table_counts["articles"]
    assert again.table_counts["runs"] == first.table_counts["runs"] + 1  # a run that loaded, so it is logged
