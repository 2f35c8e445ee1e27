"""The DuckLake with a PostgreSQL catalog, on a real PostgreSQL server started by the test: the
seed shards merged by two workers at the same moment give the same lake as the local DuckDB
catalog, and a shard merged again replaces itself."""
from __future__ import annotations

import threading

import pytest

from pipelines.lake import ARTICLE_TABLES, lake_counts, merge_shard, open_lake, rebuild_entities
from pipelines.partitions import shard_warehouse_path
from tests.perf import postgres_server

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(postgres_server.why_unavailable() is not None,
                                 reason=f"{postgres_server.why_unavailable()}: the PostgreSQL-catalog test skips")]


@pytest.fixture(scope="module")
def postgres():
    with postgres_server.running() as server:
        yield server


@pytest.fixture(scope="module")
def pg_lake(sharded, postgres, tmp_path_factory):
    """Both seed shards merged into the PostgreSQL-catalog lake by two threads at once, then entities."""
    catalog, data_path = postgres.ducklake_catalog(), str(tmp_path_factory.mktemp("pg_lake_data"))
    parted = sharded.defs.resources["pipeline"].warehouse_path
    with open_lake(catalog, data_path):  # the schema, once (as a deploy would), before the workers
        pass
    start, errors, merged = threading.Barrier(len(sharded.shards)), [], {}

    def worker(shard: str) -> None:
        try:
            with open_lake(catalog, data_path) as con:
                start.wait()
                merged[shard] = merge_shard(con, shard, shard_warehouse_path(parted, shard))
        except BaseException as exc:  # reported by the test, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(shard,)) for shard in sharded.shards]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    with open_lake(catalog, data_path) as con:
        rebuild_entities(con)
    return {"catalog": catalog, "data_path": data_path, "merged": merged}


def rows(con, query: str) -> list[tuple]:
    return sorted(con.execute(query).fetchall())


def test_concurrent_merges_give_the_file_catalog_lake(sharded, pg_lake, lake_con):
    assert sum(pg_lake["merged"].values()) == 5  # the five seed articles, split over two shards
    with open_lake(pg_lake["catalog"], pg_lake["data_path"]) as pg:
        assert lake_counts(pg) == lake_counts(lake_con)
        query = "SELECT article_id, source_path, word_count FROM articles"
        assert rows(pg, query) == rows(lake_con, query)
        for table in ARTICLE_TABLES:
            query = f"SELECT article_id, count(*) FROM {table} GROUP BY article_id"
            assert rows(pg, query) == rows(lake_con, query), table


def test_the_catalog_lives_in_postgres(postgres, pg_lake):
    """Read PostgreSQL itself (DuckDB's postgres extension, attached apart from the lake): the
    DuckLake metadata tables are there and list the warehouse tables."""
    with open_lake(pg_lake["catalog"], pg_lake["data_path"]) as con:
        con.execute(f"ATTACH '{postgres.ducklake_catalog().removeprefix('postgres:')}' AS pg (TYPE postgres, READ_ONLY)")
        tables = {name for (name,) in con.execute("SELECT table_name FROM pg.public.ducklake_table").fetchall()}
        assert {"articles", "paragraphs", "entity_mentions", "figures", "entities"} <= tables
        snapshots = con.execute("SELECT count(*) FROM pg.public.ducklake_snapshot").fetchone()[0]
        assert snapshots >= 3  # the schema, then one commit per merged shard at least


def test_merging_a_shard_again_replaces_it(sharded, pg_lake):
    parted = sharded.defs.resources["pipeline"].warehouse_path
    with open_lake(pg_lake["catalog"], pg_lake["data_path"]) as con:
        before = lake_counts(con)
        merge_shard(con, "day-1", shard_warehouse_path(parted, "day-1"))
        assert lake_counts(con) == before
