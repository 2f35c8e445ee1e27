"""The DuckDB warehouse: connect (with lock back-off), create the schema, load a batch atomically."""
from __future__ import annotations

import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import duckdb
import polars as pl

from pipelines.sqlfiles import ddl_names, sql, view_files
from pipelines.transforms.ingest import article_id_for
from pipelines.transforms.inventory import KNOWN_SCHEMA, empty_known


class WarehouseLocked(RuntimeError):
    """Another process holds the DuckDB write lock; the message names it."""


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.+?) \(PID (\d+)\)")


def connect(path: Path, *, read_only: bool = False, retries: int = 6, first_wait: float = 0.5) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a locked file is retried with exponential back-off, then a clear error."""
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    wait = first_wait
    for attempt in range(retries + 1):
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            holder = _LOCK_HOLDER.search(str(exc))
            if holder is None:
                raise
            if attempt == retries:
                raise WarehouseLocked(
                    f"warehouse {path} is locked by {holder.group(1)} (PID {holder.group(2)}); "
                    f"gave up after {retries} retries. Wait for that process to finish or stop it."
                ) from None
            time.sleep(wait)
            wait *= 2
    raise AssertionError("unreachable")


@contextmanager
def open_warehouse(path: Path, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    con = connect(path, read_only=read_only)
    try:
        yield con
    finally:
        con.close()


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    for name in ddl_names():
        con.execute(sql(f"ddl/{name}"))


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    for path in view_files():
        con.execute(path.read_text(encoding="utf-8"))


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


def load_batch(con: duckdb.DuckDBPyConnection, batch: Batch) -> dict[str, int]:
    """Apply one run to the warehouse in a single transaction: all of it, or (on any error) none."""
    ensure_schema(con)
    ledger = batch.ledger
    touched = ledger.filter(pl.col("outcome") != "unchanged").select("source_path")
    replaced_ids = replaced_article_ids(ledger)
    duplicates = ledger.filter(pl.col("outcome") == "duplicate")
    loaded: dict[str, int] = {}
    con.execute("BEGIN TRANSACTION")
    try:
        for name, frame in {"replaced_ids": replaced_ids, "touched_keys": touched,
                            "seen_keys": ledger.select("source_path")}.items():
            con.register(name, frame.to_arrow())
        con.execute(sql("load/delete_article_rows"))
        loaded["articles"] = insert_frame(con, "articles", batch.articles)
        for table, frame in batch.tables.items():
            loaded[table] = insert_frame(con, table, frame)
        for table, frame in batch.replace_whole.items():
            con.execute(f"DELETE FROM {table}")
            loaded[table] = insert_frame(con, table, frame)
        if batch.quarantine is not None:
            loaded["quarantine"] = insert_frame(con, "quarantine", batch.quarantine)
        loaded["duplicates"] = insert_frame(con, "duplicates", duplicates)
        con.execute(sql("load/mark_deleted"))
        if batch.run_row:
            insert_frame(con, "runs", pl.DataFrame([batch.run_row]))
        create_views(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in ("replaced_ids", "touched_keys", "seen_keys"):
            con.unregister(name)
    return loaded


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
