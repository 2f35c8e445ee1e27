"""A rerun over an inbox exactly as last loaded is a recorded Dagster run of the ingest step alone."""
from __future__ import annotations

import dagster as dg

from pipelines.runner import run_pipeline
from pipelines.settings import Settings
from tests.conftest import SEEDS


def steps_of(instance: dg.DagsterInstance, run_id: str) -> set[str]:
    return {e.step_key for e in instance.all_logs(run_id, of_type=dg.DagsterEventType.STEP_START)}


def test_a_rerun_over_the_unchanged_seeds_runs_the_ingest_step_alone(tmp_path):
    # The seeds are checked-in files, settled long ago, so the stat index trusts them on the rerun.
    settings = Settings().with_paths(inbox=SEEDS, warehouse=tmp_path / "wh" / "news.duckdb")
    instance = dg.DagsterInstance.ephemeral()
    first = run_pipeline(settings, instance=instance)
    assert first.success and first.checks and "warehouse" in steps_of(instance, first.run_id)
    second = run_pipeline(settings, instance=instance)
    assert second.success and second.run_id != first.run_id
    assert steps_of(instance, second.run_id) == {"ingest"}
    assert not second.checks and second.table_counts == first.table_counts
    assert (tmp_path / "wh" / "stages" / "inbox_index.parquet").exists()
