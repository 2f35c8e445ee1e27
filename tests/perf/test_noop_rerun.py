"""A rerun over an inbox exactly as last loaded launches no Dagster run: the pre-flight finds from
file stats alone that nothing changed, and `newswh run` answers without importing Dagster."""
from __future__ import annotations

import os
import subprocess
import sys

import dagster as dg

from pipelines.runner import run_pipeline
from pipelines.settings import PROJECT_ROOT, Settings
from tests.conftest import SEEDS

NOOP_CLI = """
import sys
from pipelines.cli import main
code = main(["run", "--input", sys.argv[1], "--warehouse", sys.argv[2]])
print("dagster imported:", "dagster" in sys.modules, "exit:", code)
"""


def test_a_rerun_over_the_unchanged_seeds_launches_no_run(tmp_path):
    # The seeds are checked-in files, settled long ago, so the stat index trusts them on the rerun.
    settings = Settings().with_paths(inbox=SEEDS, warehouse=tmp_path / "wh" / "news.duckdb")
    instance = dg.DagsterInstance.ephemeral()
    first = run_pipeline(settings, instance=instance)
    assert first.success and first.checks and first.run_id
    second = run_pipeline(settings, instance=instance)
    assert second.success and second.run_id is None and not second.checks
    assert second.table_counts == first.table_counts
    assert [r.run_id for r in instance.get_runs()] == [first.run_id]  # no second run
    assert (tmp_path / "wh" / "stages" / "news.duckdb" / "inbox_index.parquet").exists()

    cli = subprocess.run([sys.executable, "-c", NOOP_CLI, str(SEEDS), str(settings.warehouse)], cwd=PROJECT_ROOT,
                         capture_output=True, text=True, env={**os.environ, "CI": "true"})
    assert cli.returncode == 0, cli.stderr[-2000:]
    assert "no run needed" in cli.stdout
    assert "dagster imported: False exit: 0" in cli.stdout


def test_full_refresh_runs_the_whole_graph_over_an_unchanged_inbox(tmp_path):
    settings = Settings().with_paths(inbox=SEEDS, warehouse=tmp_path / "wh" / "news.duckdb")
    instance = dg.DagsterInstance.ephemeral()
    first = run_pipeline(settings, instance=instance)
    again = run_pipeline(settings, instance=instance, full_refresh=True)
    assert again.success and again.run_id not in (None, first.run_id) and again.checks
    assert again.table_counts["articles"] == first.table_counts["articles"]
    assert again.table_counts["runs"] == first.table_counts["runs"] + 1  # a run that loaded, so it is logged


def test_a_rerun_after_an_upgrade_of_the_views_rebuilds_them_over_an_unchanged_inbox(tmp_path):
    # A warehouse whose views and search macros an older version built (its stamp differs from
    # this version's SQL) is not "nothing to load": the run loads, rebuilding them, then rests.
    from pipelines.warehouse import derived_sql_fingerprint, derived_sql_stale, open_warehouse

    settings = Settings().with_paths(inbox=SEEDS, warehouse=tmp_path / "wh" / "news.duckdb")
    instance = dg.DagsterInstance.ephemeral()
    first = run_pipeline(settings, instance=instance)
    assert first.success and not derived_sql_stale(settings.warehouse)
    with open_warehouse(settings.warehouse) as con:  # what an older version left
        con.execute("CREATE OR REPLACE VIEW v_article_overview AS SELECT 'old' AS built_by")
        con.execute("COMMENT ON TABLE search.paragraph_docs IS 'sql 0000000000000000'")
    assert derived_sql_stale(settings.warehouse)
    again = run_pipeline(settings, instance=instance)
    assert again.success and again.run_id is not None
    assert again.table_counts["articles"] == first.table_counts["articles"]
    with open_warehouse(settings.warehouse, read_only=True) as con:
        assert "built_by" not in [r[0] for r in con.execute("DESCRIBE v_article_overview").fetchall()]
        assert con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = 'paragraph_docs'"
                           ).fetchone()[0] == derived_sql_fingerprint()
    assert run_pipeline(settings, instance=instance).run_id is None  # and rests again
