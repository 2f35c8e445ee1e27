"""The copy-and-swap write path on its own, without Dagster: fast checks of what the slow tests rely on."""
from __future__ import annotations

from datetime import datetime

import duckdb
import polars as pl
import pytest

from pipelines.staging import lock_path, stage_path, writer_lock
from pipelines.transforms.inventory import LEDGER_SCHEMA
from pipelines.warehouse import (AccountingError, Batch, WarehouseLocked, check_writable, ensure_schema, load_batch,
                                 staged_warehouse)


NOW = datetime(2026, 1, 1)


def count(path, table="runs") -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def add_run(con, run_id: str) -> None:
    con.execute("INSERT INTO runs (run_id, started_at, finished_at) VALUES (?, now()::TIMESTAMP, now()::TIMESTAMP)", [run_id])


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "news.duckdb"
    with staged_warehouse(path) as con:
        ensure_schema(con)
        add_run(con, "first")
    return path


def test_a_successful_block_is_swapped_in_and_leaves_nothing_behind(warehouse):
    with staged_warehouse(warehouse) as con:
        add_run(con, "second")
    assert count(warehouse) == 2
    assert not stage_path(warehouse).exists() and lock_path(warehouse).read_text() == ""


def test_an_exception_leaves_the_previous_file(warehouse):
    with pytest.raises(RuntimeError), staged_warehouse(warehouse) as con:
        add_run(con, "second")
        raise RuntimeError("crash mid-load")
    assert count(warehouse) == 1 and not stage_path(warehouse).exists()


def test_a_reader_open_during_the_write_keeps_its_view_and_new_readers_see_the_new_file(warehouse):
    reader = duckdb.connect(str(warehouse), read_only=True)
    try:
        with staged_warehouse(warehouse) as con:
            add_run(con, "second")
        assert reader.execute("SELECT count(*) FROM runs").fetchone()[0] == 1
    finally:
        reader.close()
    assert count(warehouse) == 2


def test_a_batch_breaking_the_accounting_invariant_is_rolled_back(warehouse):
    row = {**dict.fromkeys(LEDGER_SCHEMA), "source_path": "a.txt", "content_sha256": "s", "outcome": "new"}
    ledger = pl.DataFrame([row], schema=LEDGER_SCHEMA)
    articles = pl.DataFrame(schema={"article_id": pl.String})  # the ledger says a.txt is new, but no article came
    with pytest.raises(AccountingError, match="a.txt"), staged_warehouse(warehouse) as con:
        load_batch(con, Batch(ledger=ledger, articles=articles, run_row={"run_id": "bad", "started_at": NOW, "finished_at": NOW}))
    assert count(warehouse) == 1


def test_the_writer_lock_is_reentrant_in_one_process_and_named_when_busy(warehouse):
    with writer_lock(warehouse), writer_lock(warehouse):  # e.g. a check writing results during a load
        assert "PID" in lock_path(warehouse).read_text()
    check_writable(warehouse, wait_seconds=0)
    assert issubclass(WarehouseLocked, RuntimeError)
