"""The seeds split into two inbox shards, run once unpartitioned and once as a partitioned backfill
merged into a DuckLake with a local DuckDB catalog; the tests compare the two."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pytest

from pipelines.lake import open_lake
from pipelines.partitions import LakeConfig, build_partitioned_definitions, inbox_shards
from pipelines.runner import run_pipeline
from pipelines.settings import Settings
from tests.conftest import SEEDS


@dataclass
class ShardedRuns:
    settings: Settings  # the unpartitioned run over the whole sharded inbox
    lake: LakeConfig
    shards: list[str]
    defs: dg.Definitions


def split_seeds(inbox: Path) -> None:
    """Seed files alternately into inbox/day-1 and inbox/day-2."""
    for n, path in enumerate(sorted(p for p in SEEDS.iterdir() if p.is_file())):
        shard = inbox / f"day-{n % 2 + 1}"
        shard.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, shard / path.name)


@pytest.fixture(scope="session")
def sharded(tmp_path_factory) -> ShardedRuns:
    root = tmp_path_factory.mktemp("sharded")
    split_seeds(root / "inbox")
    whole = Settings().with_paths(inbox=root / "inbox", warehouse=root / "whole" / "news.duckdb")
    assert run_pipeline(whole).success
    parted = Settings().with_paths(inbox=root / "inbox", warehouse=root / "parted" / "news.duckdb")
    lake = LakeConfig(catalog=str(root / "lake" / "catalog.ducklake"), data_path=str(root / "lake" / "data"))
    defs = build_partitioned_definitions(parted, lake=lake)
    instance = dg.DagsterInstance.ephemeral()
    shards = inbox_shards(parted.inbox)
    for shard in shards:
        assert defs.resolve_job_def("shards").execute_in_process(partition_key=shard, instance=instance).success
    assert defs.resolve_job_def("rebuild_lake_entities").execute_in_process(instance=instance).success
    return ShardedRuns(settings=whole, lake=lake, shards=shards, defs=defs)


@pytest.fixture
def lake_con(sharded):
    with open_lake(sharded.lake.catalog, sharded.lake.data_path) as con:
        yield con
