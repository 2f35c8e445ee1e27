"""The partitioned path (one run per inbox shard, merged into a DuckLake) against the default
unpartitioned run over the same inbox: same articles, same ids, same child rows."""
from __future__ import annotations

import duckdb
import pytest

from pipelines import definitions
from pipelines.lake import ARTICLE_TABLES, ducklake_extension_path, lake_ddl, merge_shard
from pipelines.partitions import shard_warehouse_path
from pipelines.settings import stage_dir_for
from pipelines.sqlfiles import ddl_names, sql

pytestmark = pytest.mark.slow


def whole_rows(sharded, query: str) -> list[tuple]:
    con = duckdb.connect(str(sharded.settings.warehouse), read_only=True)
    try:
        return sorted(con.execute(query).fetchall())
    finally:
        con.close()


def test_lake_ddl_drops_only_key_constraints():
    for name in ddl_names():
        original, lake = sql(f"ddl/{name}"), lake_ddl(sql(f"ddl/{name}"))
        assert "PRIMARY KEY" not in lake.upper() and "UNIQUE" not in lake.upper()
        assert lake.count("NOT NULL") == original.count("NOT NULL")


def test_ducklake_comes_from_the_pip_package():
    path = ducklake_extension_path()
    assert path.is_file() and f"v{duckdb.__version__}" in str(path)


def test_default_job_stays_unpartitioned():
    job = definitions.defs.resolve_job_def("everything")
    assert job.partitions_def is None


def test_shards_are_the_inbox_directories(sharded):
    assert sharded.shards == ["day-1", "day-2"]
    job = sharded.defs.resolve_job_def("shards")
    assert job.partitions_def.get_partition_keys() == sharded.shards


def test_each_partition_keeps_its_stage_parquet(sharded):
    parted = sharded.defs.resources["pipeline"].warehouse_path
    for shard in sharded.shards:
        stages = stage_dir_for(shard_warehouse_path(parted, shard))
        assert (stages / "paragraphs.parquet").is_file() and (stages / "entity_mentions.parquet").is_file()


def test_lake_has_the_unpartitioned_articles_and_ids(sharded, lake_con):
    query = "SELECT article_id, source_path, word_count FROM articles"
    assert sorted(lake_con.execute(query).fetchall()) == whole_rows(sharded, query)


@pytest.mark.parametrize("table", ARTICLE_TABLES)
def test_lake_child_rows_match_the_unpartitioned_run(sharded, lake_con, table):
    query = f"SELECT article_id, count(*) FROM {table} GROUP BY article_id"
    assert sorted(lake_con.execute(query).fetchall()) == whole_rows(sharded, query)


def test_lake_entities_cover_every_mention(lake_con):
    unresolved = lake_con.execute(
        "SELECT count(*) FROM entity_mentions WHERE entity_id NOT IN (SELECT entity_id FROM entities)").fetchone()[0]
    assert lake_con.execute("SELECT count(*) FROM entities").fetchone()[0] > 0
    assert unresolved == 0


def test_merging_a_shard_again_replaces_it(sharded, lake_con):
    before = {t: lake_con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", *ARTICLE_TABLES)}
    parted = sharded.defs.resources["pipeline"].warehouse_path
    merge_shard(lake_con, "day-1", shard_warehouse_path(parted, "day-1"))
    after = {t: lake_con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in before}
    assert after == before
