"""Atomic loads, concurrent readers and the writer lock, with real processes.

A load writes a copy of the warehouse and swaps it in (`pipelines/staging.py`), so: a run killed
mid-load leaves the previous file whole, readers are never locked out, and a second writer waits,
then fails with a message naming the holder.
"""
from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import main as newswh_main
from pipelines.settings import Settings, stage_dir_for
from pipelines.staging import stage_path
from pipelines.warehouse import check_writable, ensure_schema
from tests.ops.conftest import load_run, newswh, rows, small_inbox, snapshot, subprocess_env
from tests.ops.corpus import article


@pytest.fixture
def loaded(tmp_path) -> Settings:
    """A warehouse holding one load of a three-article inbox."""
    settings = dataclasses.replace(
        Settings().with_paths(inbox=small_inbox(tmp_path / "inbox"), warehouse=tmp_path / "wh" / "news.duckdb"), n_process=1)
    load_run(settings)
    return settings


@pytest.fixture
def schema_only(tmp_path) -> Settings:
    """A warehouse with the schema and no rows: enough for the lock tests, which never get to load."""
    settings = Settings().with_paths(inbox=small_inbox(tmp_path / "inbox", ("alpha",)), warehouse=tmp_path / "wh" / "news.duckdb")
    settings.warehouse.parent.mkdir(parents=True)
    with duckdb.connect(str(settings.warehouse)) as con:
        ensure_schema(con)
    return settings


def wait_for(path: Path, proc: subprocess.Popen, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"the process ended (rc {proc.returncode}) before {path} appeared:\n{out}\n{err}")
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.2)


def test_a_run_killed_mid_load_leaves_the_previous_warehouse(loaded, tmp_path):
    before = snapshot(loaded.warehouse)
    (loaded.inbox / "delta.txt").write_text(article("delta"), encoding="utf-8")
    (loaded.inbox / "beta.txt").write_text(article("beta-changed"), encoding="utf-8")
    marker = tmp_path / "load-paused"
    proc = subprocess.Popen(
        [str(Path(sys.executable).with_name("newswh")), "run", "--input", str(loaded.inbox), "--warehouse", str(loaded.warehouse)],
        env=subprocess_env(NEWSWH_TEST_PAUSE_LOAD=str(marker)), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True)
    try:
        wait_for(marker, proc)
        # Mid-load, with rows already inserted in the copy: readers still open the warehouse and see the old state.
        assert snapshot(loaded.warehouse) == before
        assert stage_path(loaded.warehouse).exists()
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    con = duckdb.connect(str(loaded.warehouse))  # opens read-write: not corrupt, no lock left behind
    con.close()
    assert snapshot(loaded.warehouse) == before
    check_writable(loaded.warehouse, wait_seconds=0)  # the kernel dropped the dead writer's lock
    load_run(loaded)  # the next run cleans up and loads both changes
    assert not stage_path(loaded.warehouse).exists()
    assert ("delta.txt",) in rows(loaded.warehouse, "SELECT source_path FROM articles")


READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
sys.stdin.readline()  # hold the file open until the test says so
print(con.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
"""


def test_a_reader_holding_the_file_open_does_not_block_a_load_and_is_not_broken_by_it(loaded):
    reader = subprocess.Popen([sys.executable, "-c", READER, str(loaded.warehouse)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "3"
        (loaded.inbox / "delta.txt").write_text(article("delta"), encoding="utf-8")
        load_run(loaded)  # would fail on DuckDB's file lock if the load wrote the file in place
        out, _ = reader.communicate("go\n", timeout=60)
    finally:
        reader.kill()
    assert out.strip() == "3"  # the reader kept its consistent (old) view
    assert rows(loaded.warehouse, "SELECT count(*) FROM articles") == [(4,)]  # new readers see the new load


HOLD_DUCKDB = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(120)"
HOLD_WRITER_LOCK = ("import sys, time; from pathlib import Path; from pipelines.staging import writer_lock\n"
                    "with writer_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(120)")


def hold(script: str, warehouse: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", script, str(warehouse)], stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_newswh_run_on_a_warehouse_held_read_write_fails_naming_the_holder(schema_only):
    holder = hold(HOLD_DUCKDB, schema_only.warehouse)
    try:
        done = newswh("run", "--input", str(schema_only.inbox), "--warehouse", str(schema_only.warehouse), "--lock-wait", "1")
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 2
    assert f"is locked by PID {holder.pid}" in done.stderr and "Traceback" not in done.stderr + done.stdout


def test_a_second_writer_waits_then_fails_naming_the_running_load(schema_only, capsys):
    holder = hold(HOLD_WRITER_LOCK, schema_only.warehouse)
    try:
        started = time.monotonic()
        code = newswh_main(["run", "--input", str(schema_only.inbox), "--warehouse", str(schema_only.warehouse), "--lock-wait", "1.5"])
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    err = capsys.readouterr().err
    assert code == 2 and waited >= 1.5
    assert f"is locked by PID {holder.pid}" in err and "writing since" in err


def test_a_missing_inbox_fails_the_run_and_marks_no_article_deleted(loaded, capsys):
    """An unmounted or mistyped inbox is not an empty one: read as empty, it would mark every
    article deleted. The run fails at ingest and the warehouse stays as it was."""
    import dagster as dg

    from pipelines.definitions import all_assets
    from pipelines.resources import resources_for

    before = snapshot(loaded.warehouse)
    gone = dataclasses.replace(loaded, inbox=loaded.inbox.with_name("unmounted"))
    result = dg.materialize(all_assets(), selection=dg.AssetSelection.assets("warehouse").upstream(),
                            resources=resources_for(gone), instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)
    assert not result.success
    failure = next(e for e in result.all_events if e.is_step_failure)
    assert failure.step_key == "ingest"
    assert "is not a directory; nothing was read" in failure.step_failure_data.error.to_string()
    assert snapshot(loaded.warehouse) == before
    assert rows(loaded.warehouse, "SELECT count(*) FROM articles WHERE is_deleted")[0][0] == 0
    # the CLI says so before launching anything
    capsys.readouterr()
    assert newswh_main(["run", "--input", str(gone.inbox), "--warehouse", str(loaded.warehouse)]) == 2
    assert capsys.readouterr().err.strip() == f"newswh run: input {gone.inbox} is not a directory"


def test_a_step_failing_after_the_load_does_not_claim_the_warehouse_kept_its_state(tmp_path):
    # The report is written after the load has swapped the new file in: when it fails, the
    # warehouse already holds the run's rows, and the run must not say it kept its previous state.
    inbox, warehouse = small_inbox(tmp_path / "inbox", ("alpha",)), tmp_path / "wh" / "news.duckdb"
    (tmp_path / "wh" / "report.html").mkdir(parents=True)  # the report cannot be written
    done = newswh("run", "--input", str(inbox), "--warehouse", str(warehouse), "--no-progress")
    assert done.returncode == 1
    assert "run_report: IsADirectoryError" in done.stdout.replace("\n", " ")
    assert "keeps its previous state" not in done.stdout
    assert "the load had committed: the warehouse holds this run's data" in done.stdout.replace("\n", " ")
    assert rows(warehouse, "SELECT source_path FROM articles") == [("alpha.txt",)]


def test_two_warehouses_in_one_directory_keep_their_stage_outputs_apart(tmp_path):
    """Each warehouse file hands its stages on in its own folder: loading a.duckdb again from its
    stage outputs (the UI's "materialize warehouse") after a run into b.duckdb in the same
    directory reloads a's articles, not b's (one shared stages/ mixed two runs at once the same way)."""
    import dagster as dg

    from pipelines.definitions import all_assets
    from pipelines.resources import resources_for

    def settings_for(name: str, tags: tuple[str, ...]) -> Settings:
        return dataclasses.replace(Settings().with_paths(inbox=small_inbox(tmp_path / f"in_{name}", tags),
                                                         warehouse=tmp_path / "wh" / f"{name}.duckdb"), n_process=1)

    a, b = settings_for("a", ("alpha", "beta")), settings_for("b", ("gamma",))
    load_run(a)
    load_run(b)
    again = dg.materialize(all_assets(), selection=dg.AssetSelection.assets("warehouse"),
                           resources=resources_for(a), instance=dg.DagsterInstance.ephemeral())
    assert again.success
    live = "SELECT source_path FROM articles WHERE NOT is_deleted ORDER BY 1"
    assert rows(a.warehouse, live) == [("alpha.txt",), ("beta.txt",)]
    assert rows(b.warehouse, live) == [("gamma.txt",)]
    assert a.stage_dir != b.stage_dir and a.stage_dir.parent == b.stage_dir.parent
    # and each its own report beside it
    from pipelines.report import write_report

    reports = write_report(a.warehouse), write_report(b.warehouse)
    assert [p.name for p in reports] == ["a.report.html", "b.report.html"]
    assert str(a.warehouse) in reports[0].read_text(encoding="utf-8")
    assert str(b.warehouse) in reports[1].read_text(encoding="utf-8")


def test_a_warehouse_set_in_the_launchpad_gets_its_own_stage_outputs(tmp_path):
    """Run config that names another warehouse (the Dagster UI's launchpad) moves the stage
    hand-off with it: the definitions' default warehouse's stage folder is not written."""
    import dagster as dg

    from pipelines.definitions import all_assets
    from pipelines.resources import resources_for

    default = dataclasses.replace(Settings().with_paths(inbox=small_inbox(tmp_path / "inbox", ("alpha",)),
                                                        warehouse=tmp_path / "default" / "news.duckdb"), n_process=1)
    chosen = tmp_path / "chosen" / "news.duckdb"
    resources = resources_for(default)
    launchpad = {**resources["pipeline"].model_dump(), "warehouse": str(chosen)}  # the UI's scaffold, one value edited
    result = dg.materialize(all_assets(), selection=dg.AssetSelection.assets("warehouse").upstream(),
                            resources=resources, instance=dg.DagsterInstance.ephemeral(),
                            run_config={"resources": {"pipeline": {"config": launchpad}}})
    assert result.success
    assert rows(chosen, "SELECT source_path FROM articles") == [("alpha.txt",)]
    assert (stage_dir_for(chosen) / "articles.parquet").is_file()
    assert not (tmp_path / "default").exists()
