"""DuckLake mode: the warehouse as a DuckLake (Parquet data files + a catalog database).

The default warehouse stays one DuckDB file. For scale-out, each inbox shard (partition) is run
on its own into a shard warehouse (`pipelines.partitions`), and `merge_shard` copies that
shard's rows into the lake in one transaction. With a PostgreSQL catalog
(`postgres:dbname=news host=...`) many workers merge shards at once; with a DuckDB-file catalog
(the local default and what the tests use) one process at a time does.

The ducklake and postgres extensions are installed from their `duckdb-extension-*` packages'
files, never downloaded. DuckLake has no PRIMARY KEY / UNIQUE constraints, so the lake's tables are the
warehouse DDL without them; keys stay unique because every merge deletes a shard's rows first.
"""
from __future__ import annotations

import re
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

from pipelines.extensions import extension_path, load_extension
from pipelines.sqlfiles import ddl_names, sql

LAKE = "lake"
# Tables keyed by article_id that a shard fills; entities are rebuilt lake-wide after merging.
ARTICLE_TABLES = ("paragraphs", "boilerplate", "entity_mentions", "figures")
_INLINE_KEY = re.compile(r"\s+PRIMARY KEY\b|\s+UNIQUE\b", re.IGNORECASE)
_TABLE_KEY = re.compile(r",\s*(PRIMARY KEY|UNIQUE)\s*\([^)]*\)", re.IGNORECASE)


def ducklake_extension_path() -> Path:
    """The ducklake binary shipped by the `duckdb-extension-ducklake` package for this duckdb version."""
    return extension_path("ducklake")


def lake_ddl(ddl: str) -> str:
    """Warehouse DDL without the key constraints DuckLake does not support."""
    return _INLINE_KEY.sub("", _TABLE_KEY.sub("", ddl))


@contextmanager
def open_lake(catalog: str, data_path: Path | str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection whose default database is the lake. `catalog`: a DuckDB file path, or
    `postgres:<libpq connection string>` (DuckDB's postgres extension, from
    `duckdb-extension-postgres-scanner`)."""
    con = duckdb.connect()
    try:
        load_extension(con, "ducklake")
        if catalog.startswith("postgres:"):
            load_extension(con, "postgres_scanner")
        else:
            Path(catalog).parent.mkdir(parents=True, exist_ok=True)
        con.execute(f"ATTACH 'ducklake:{catalog}' AS {LAKE} (DATA_PATH '{data_path}')")
        con.execute(f"USE {LAKE}")
        ensure_lake_schema(con)
        yield con
    finally:
        con.close()


def ensure_lake_schema(con: duckdb.DuckDBPyConnection) -> None:
    for name in ddl_names():
        con.execute(lake_ddl(sql(f"ddl/{name}")))


def _statements(text: str) -> list[str]:
    chunks = (chunk.strip() for chunk in text.split(";"))
    return [c for c in chunks if any(line.strip() and not line.strip().startswith("--") for line in c.splitlines())]


def _run(con: duckdb.DuckDBPyConnection, name: str, shard: str, **fmt: str) -> None:
    for statement in _statements(sql(name).format(**fmt) if fmt else sql(name)):
        params = {"shard": shard} if "$shard" in statement else None
        con.execute(statement, params)


def merge_shard(con: duckdb.DuckDBPyConnection, shard: str, shard_warehouse: Path, *, retries: int = 5) -> int:
    """Replace everything the lake holds for `shard` with the shard warehouse's rows, atomically.

    Returns the number of articles merged. A write conflict with another merging worker (PostgreSQL
    catalog) is retried with back-off: shards touch disjoint rows, so a retry succeeds.
    """
    con.execute(f"ATTACH '{shard_warehouse}' AS shard (READ_ONLY)")
    try:
        for attempt in range(retries + 1):
            try:
                return _merge_once(con, shard)
            except duckdb.TransactionException:
                if attempt == retries:
                    raise
                time.sleep(0.2 * 2 ** attempt)
    finally:
        con.execute(f"USE {LAKE}")
        con.execute("DETACH shard")
    raise AssertionError("unreachable")


def _merge_once(con: duckdb.DuckDBPyConnection, shard: str) -> int:
    con.execute("BEGIN TRANSACTION")
    try:
        _run(con, "lake/shard_ids", shard)
        _run(con, "lake/delete_shard", shard)
        _run(con, "lake/insert_articles", shard)
        for table in ARTICLE_TABLES:
            _run(con, "lake/insert_child", shard, table=table)
        _run(con, "lake/insert_inputs", shard)
        merged = con.execute("SELECT count(*) FROM shard_ids").fetchone()[0]
        con.execute("COMMIT")
        return merged
    except BaseException:
        con.execute("ROLLBACK")
        raise


def rebuild_entities(con: duckdb.DuckDBPyConnection) -> int:
    """entities and entity_aliases from every mention in the lake (one writer, after the merges)."""
    from pipelines.transforms.canonical import build_entities

    mentions = con.execute("SELECT * FROM entity_mentions").pl()
    entities, aliases = build_entities(mentions)
    con.execute("BEGIN TRANSACTION")
    try:
        for table, frame in (("entities", entities), ("entity_aliases", aliases)):
            con.execute(f"DELETE FROM {table}")
            if frame.height:
                arrow = frame.to_arrow()  # noqa: F841 - referenced by name in the SQL
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM arrow")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return entities.height


def lake_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    names = [r[0] for r in con.execute(
        f"SELECT table_name FROM duckdb_tables() WHERE database_name = '{LAKE}' ORDER BY table_name").fetchall()]
    return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
