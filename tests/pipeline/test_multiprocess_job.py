"""The `everything` job as the Dagster UI and the daemon launch it: `dagster job execute` with the
default multiprocess executor, every step in its own process, stages handing data on as Parquet
and only the load writing DuckDB. It must load the same warehouse as the in-process run."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.settings import PROJECT_ROOT
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow

TABLES = ("articles", "paragraphs", "entity_mentions", "entities", "figures", "boilerplate", "quarantine")


def counts(warehouse: Path) -> dict[str, int]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def test_the_everything_job_under_the_multiprocess_executor_loads_what_the_in_process_run_loads(seeds_run, tmp_path):
    home, warehouse = tmp_path / "dagster_home", tmp_path / "wh" / "news.duckdb"
    home.mkdir()
    env = {**os.environ, "DAGSTER_HOME": str(home), "NEWSWH_INBOX": str(SEEDS), "NEWSWH_WAREHOUSE": str(warehouse)}
    dagster = str(Path(sys.executable).with_name("dagster"))
    done = subprocess.run([dagster, "job", "execute", "-m", "pipelines.definitions", "-j", "everything"],
                          cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]

    instance = dg.DagsterInstance.from_config(str(home))
    (run,) = instance.get_runs()
    assert run.status == dg.DagsterRunStatus.SUCCESS
    starts = instance.all_logs(run.run_id, of_type=dg.DagsterEventType.STEP_START)
    assert len({entry.dagster_event.pid for entry in starts}) == len(starts) > 10  # one process per step
    settings, _ = seeds_run
    assert counts(warehouse) == counts(settings.warehouse)
