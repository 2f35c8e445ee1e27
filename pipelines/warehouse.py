"""The DuckDB warehouse: connect (with lock back-off), create the schema, load a batch atomically.

Writes go through `staged_warehouse` (a copy swapped in, `pipelines/staging.py`); readers open
the file read-only at any time. `WarehouseLocked` is re-exported here for callers.
"""
from __future__ import annotations

import hashlib
import os
import re
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import duckdb
import polars as pl

from pipelines.search import build_search_index
from pipelines.sqlfiles import SQL_DIR, ddl_names, sql, view_files
from pipelines.staging import (LOAD_LOCK_WAIT_SECONDS, LOCK_WAIT_SECONDS, WarehouseLocked, copy_current,
                               remove_stage, stage_path, swap_in, with_backoff, writer_lock)
from pipelines.transforms.ingest import article_id_for
from pipelines.transforms.inventory import KNOWN_SCHEMA, empty_known


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.+?) \(PID (\d+)\)")


def connect(path: Path, *, read_only: bool = False, wait_seconds: float = LOCK_WAIT_SECONDS) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a file locked by another process is retried with back-off, then a clear error."""
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    holder: list[str] = []

    def attempt() -> duckdb.DuckDBPyConnection:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            found = _LOCK_HOLDER.search(str(exc))
            if found is None:
                raise
            holder[:] = [f"PID {found.group(2)} ({found.group(1)}, a DuckDB connection)"]
            raise BlockingIOError(str(exc)) from None

    return with_backoff(attempt, lambda: holder[0] if holder else None, what=path, wait_seconds=wait_seconds)


@contextmanager
def open_warehouse(path: Path, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the warehouse file itself. Writers here also take the writer lock, so an
    in-place write never interleaves with a staged load; loads use `staged_warehouse` instead."""
    with nullcontext() if read_only else writer_lock(path):
        con = connect(path, read_only=read_only)
        try:
            yield con
        finally:
            con.close()


@contextmanager
def staged_warehouse(path: Path, *, wait_seconds: float = LOAD_LOCK_WAIT_SECONDS) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to a copy of the warehouse, swapped in atomically if the block succeeds.

    Readers are never locked out and a failure (exception, crash, SIGKILL) leaves the previous
    file untouched; see `pipelines/staging.py`.
    """
    with writer_lock(path, wait_seconds=wait_seconds):
        stage = stage_path(path)
        remove_stage(path)
        copy_current(path, stage, lambda p, read_only=False: connect(p, read_only=read_only, wait_seconds=wait_seconds))
        con = duckdb.connect(str(stage))
        try:
            yield con
            con.execute("CHECKPOINT")
        except BaseException:
            con.close()
            remove_stage(path)
            raise
        con.close()
        swap_in(stage, path)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    for name in ddl_names():
        con.execute(sql(f"ddl/{name}"))


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    for path in view_files():
        con.execute(path.read_text(encoding="utf-8"))


def derived_sql_fingerprint() -> str:
    """sha256 of the SQL that builds what every load rebuilds: the views and the search index."""
    digest = hashlib.sha256()
    for path in [*view_files(), *sorted((SQL_DIR / "fts").glob("*.sql"))]:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return "sql " + digest.hexdigest()[:16]


def create_derived(con: duckdb.DuckDBPyConnection) -> None:
    """The views, the search index and its macros, stamped with the SQL they were built from."""
    create_views(con)
    build_search_index(con)
    con.execute(sql("load/stamp_derived_sql").format(fingerprint=derived_sql_fingerprint()))


def derived_sql_stale(path: Path) -> bool:
    """Were the warehouse's views and search index built from other SQL than this version's (an
    upgrade)? Then a run must load, even over an unchanged inbox, to rebuild them."""
    if not path.exists():
        return False
    with open_warehouse(path, read_only=True) as con:
        row = con.execute(sql("load/derived_sql_stamp")).fetchone()
    return row is not None and row[0] != derived_sql_fingerprint()


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [row[0] for row in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index", [table]
    ).fetchall()]


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Insert a polars frame through Arrow, matching columns by name (extra frame columns are ignored)."""
    if frame.height == 0:
        return 0
    cols = [c for c in table_columns(con, table) if c in frame.columns]
    arrow = frame.select(cols).to_arrow()  # noqa: F841 - referenced by name in the SQL below
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM arrow")
    return frame.height


def known_sources(path: Path) -> pl.DataFrame:
    """Per source key, what the warehouse holds; empty for a warehouse that does not exist yet."""
    if not path.exists():
        return empty_known()
    with open_warehouse(path, read_only=True) as con:
        if "articles" not in {r[0] for r in con.execute("SHOW TABLES").fetchall()}:
            return empty_known()
        return con.execute(sql("load/known_sources")).pl().cast(KNOWN_SCHEMA)


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    names = [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY table_name").fetchall()]
    return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


@dataclass
class Batch:
    """Everything one run loads. Frames a stage did not produce stay empty."""

    ledger: pl.DataFrame
    articles: pl.DataFrame
    tables: dict[str, pl.DataFrame] = field(default_factory=dict)  # child tables keyed by name
    replace_whole: dict[str, pl.DataFrame] = field(default_factory=dict)  # tables rebuilt from scratch
    quarantine: pl.DataFrame | None = None
    run_row: dict | None = None
    story_ids: pl.DataFrame | None = None  # (article_id, story_id) for every live article: sets articles.story_id


class AccountingError(RuntimeError):
    """The load would break the accounting invariant; nothing was written."""


def load_batch(con: duckdb.DuckDBPyConnection, batch: Batch) -> dict[str, int]:
    """Apply one run to the warehouse in a single transaction: all of it, or (on any error) none.

    Before committing, the accounting invariant is checked on the result; a violation rolls back.
    """
    ensure_schema(con)
    ledger = batch.ledger
    keys = {"replaced_ids": replaced_article_ids(ledger), "seen_keys": ledger.select("source_path"),
            "touched_keys": ledger.filter(pl.col("outcome") != "unchanged").select("source_path")}
    con.execute("BEGIN TRANSACTION")
    try:
        for name, frame in keys.items():
            con.register(name, frame.to_arrow())
        loaded = _write_batch(con, batch)
        violations = con.execute(sql("load/accounting")).pl()
        if violations.height:
            raise AccountingError(f"{violations.height} inputs break the accounting invariant, e.g. "
                                  f"{violations.head(5).to_dicts()}; the warehouse keeps its previous state")
        _record_accounting(con, batch)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in keys:
            con.unregister(name)
    return loaded


def _write_batch(con: duckdb.DuckDBPyConnection, batch: Batch) -> dict[str, int]:
    con.execute(sql("load/delete_article_rows"))
    loaded = {"articles": insert_frame(con, "articles", batch.articles)}
    pause_if_asked()
    for table, frame in batch.tables.items():
        loaded[table] = insert_frame(con, table, frame)
    for table, frame in batch.replace_whole.items():
        con.execute(f"DELETE FROM {table}")
        loaded[table] = insert_frame(con, table, frame)
    if batch.story_ids is not None:
        con.register("story_ids", batch.story_ids.to_arrow())
        con.execute(sql("load/set_story_ids"))
        con.unregister("story_ids")
    if batch.quarantine is not None:
        loaded["quarantine"] = insert_frame(con, "quarantine", batch.quarantine)
    loaded["duplicates"] = insert_frame(con, "duplicates", batch.ledger.filter(pl.col("outcome") == "duplicate"))
    loaded["marked_deleted"] = con.execute(sql("load/count_removed")).fetchone()[0]
    con.execute(sql("load/mark_deleted"))
    if batch.run_row:
        row = {**batch.run_row, "articles_deleted": loaded["marked_deleted"]}
        insert_frame(con, "runs", pl.DataFrame([row]).cast({"articles_deleted": pl.Int32}))
    create_derived(con)
    return loaded


def _record_accounting(con: duckdb.DuckDBPyConnection, batch: Batch) -> None:
    """The invariant held (else we would not be here): record it with the run's other check results."""
    if not batch.run_row:
        return
    insert_frame(con, "quality_results", pl.DataFrame([{
        "run_id": batch.run_row["run_id"], "asset": "warehouse", "check_name": "accounting_invariant",
        "severity": "error", "passed": True, "observed": f"{batch.ledger.height} inputs, each exactly one outcome",
        "failing_rows": 0, "checked_at": datetime.now(timezone.utc).replace(tzinfo=None),
    }]))


def pause_if_asked() -> None:
    """Test hook, nothing else: with NEWSWH_TEST_PAUSE_LOAD=<file>, touch <file> and sleep, so a
    test can SIGKILL the run while the load is half done (tests/ops/test_kill.py). Read here and
    not in settings because it is no pipeline knob."""
    marker = os.environ.get("NEWSWH_TEST_PAUSE_LOAD")
    if marker:
        Path(marker).touch()
        time.sleep(600)


def accounting_violations(con: duckdb.DuckDBPyConnection, ledger: pl.DataFrame) -> pl.DataFrame:
    """Inputs of `ledger` that do not end as exactly one article, duplicate or quarantine row."""
    con.register("seen_keys", ledger.select("source_path").to_arrow())
    try:
        return con.execute(sql("load/accounting")).pl()
    finally:
        con.unregister("seen_keys")


def replaced_article_ids(ledger: pl.DataFrame) -> pl.DataFrame:
    """Article ids whose rows this run rewrites: every input that is not unchanged."""
    touched = ledger.filter(pl.col("outcome") != "unchanged")
    return touched.select(pl.col("source_path").map_elements(article_id_for, return_dtype=pl.String).alias("article_id"))


def read_existing(path: Path, query: str, *, ledger: pl.DataFrame | None = None) -> pl.DataFrame | None:
    """Run a read-only query on the warehouse (None if it has no such tables yet).

    With `ledger`, the query may use `replaced_ids` (the articles this run rewrites).
    """
    if not path.exists():
        return None
    with open_warehouse(path, read_only=True) as con:
        if ledger is not None:
            con.register("replaced_ids", replaced_article_ids(ledger).to_arrow())
        try:
            return con.execute(query).pl()
        except duckdb.CatalogException:
            return None


def check_writable(path: Path, *, wait_seconds: float = LOCK_WAIT_SECONDS) -> None:
    """Raise WarehouseLocked (after back-off) if a load could not write `path` now: another load
    holds the writer lock, or a foreign process holds the file read-write. A CLI calls this
    before starting a run, so a locked warehouse is a one-line message, not a failed run."""
    with writer_lock(path, wait_seconds=wait_seconds):
        if path.exists():
            connect(path, read_only=True, wait_seconds=wait_seconds).close()
