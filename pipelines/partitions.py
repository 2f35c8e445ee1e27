"""Partitioned scale-out: one partition per inbox shard, each shard run on its own, merged into a DuckLake.

The inbox's top-level directories are the shards (e.g. one per ingest date, `inbox/2026-11-21/`,
or one per scraper). A backfill of N shards is N independent runs (on Kubernetes, N pods):
each runs the whole unpartitioned graph on `inbox/<shard>` into its own shard warehouse, whose
stage outputs are Parquet files per partition (`shards/<shard>/stages/<warehouse file>/`), then merges the shard
into the lake. `lake_entities` then rebuilds the lake-wide entity tables once.

This is a second code location (`pipelines.partitions:defs`); the default `everything` job in
`pipelines.definitions` and its single DuckDB file are unchanged.
"""

from pathlib import Path

import dagster as dg

from pipelines.assets.meta import with_ui_attributes
from pipelines.lake import lake_counts, merge_shard, open_lake, rebuild_entities
from pipelines.resources import PipelineConfig, resources_for
from pipelines.settings import Settings

SHARDS = "inbox_shard"


def inbox_shards(inbox: Path) -> list[str]:
    """The shard names: top-level, non-hidden directories of the inbox, sorted."""
    if not inbox.is_dir():
        return []
    return sorted(p.name for p in inbox.iterdir() if p.is_dir() and not p.name.startswith("."))


class LakeConfig(dg.ConfigurableResource):
    """Where the lake lives. Empty means beside the warehouse: `<dir>/lake/catalog.ducklake` and
    `<dir>/lake/data/`. On a cluster: catalog `postgres:dbname=news host=...`, data on shared storage."""

    catalog: str = ""
    data_path: str = ""

    def paths(self, warehouse: Path) -> tuple[str, str]:
        base = warehouse.parent / "lake"
        return self.catalog or str(base / "catalog.ducklake"), self.data_path or str(base / "data")


def shard_warehouse_path(warehouse: Path, shard: str) -> Path:
    return warehouse.parent / "shards" / shard / warehouse.name


def shard_settings(pipeline: PipelineConfig, shard: str) -> Settings:
    return Settings().with_paths(inbox=pipeline.inbox_path / shard,
                                 warehouse=shard_warehouse_path(pipeline.warehouse_path, shard))


def build_partitioned_assets(partitions: dg.PartitionsDefinition) -> list:
    @dg.asset(partitions_def=partitions, group_name="scale_out",
              description="One inbox shard run through the whole graph, then merged into the lake.")
    def shard_warehouse(context: dg.AssetExecutionContext, pipeline: PipelineConfig, lake: LakeConfig):
        from pipelines.runner import run_pipeline

        shard = context.partition_key
        settings = shard_settings(pipeline, shard)
        summary = run_pipeline(settings, full_refresh=pipeline.full_refresh)
        if not summary.success:
            raise dg.Failure(f"shard {shard}: run {summary.run_id} failed: {summary.failed_checks}")
        with open_lake(*lake.paths(pipeline.warehouse_path)) as con:
            merged = merge_shard(con, shard, settings.warehouse)
        return dg.MaterializeResult(metadata={"articles_merged": merged, "shard_warehouse": str(settings.warehouse),
                                              "table_counts": dg.MetadataValue.json(summary.table_counts)})

    @dg.asset(deps=[shard_warehouse], group_name="scale_out",
              description="Lake-wide entities and aliases, rebuilt from every shard's mentions.")
    def lake_entities(pipeline: PipelineConfig, lake: LakeConfig):
        with open_lake(*lake.paths(pipeline.warehouse_path)) as con:
            entities = rebuild_entities(con)
            counts = lake_counts(con)
        return dg.MaterializeResult(metadata={"entities": entities, "table_counts": dg.MetadataValue.json(counts)})

    return [shard_warehouse, lake_entities]


def build_partitioned_definitions(settings: Settings | None = None, lake: LakeConfig | None = None,
                                  executor: dg.ExecutorDefinition | None = None) -> dg.Definitions:
    settings = settings or Settings()
    partitions = dg.StaticPartitionsDefinition(inbox_shards(settings.inbox))
    shard_assets = build_partitioned_assets(partitions)
    backfill = dg.define_asset_job("shards", selection=dg.AssetSelection.assets(shard_assets[0]),
                                   executor_def=executor,
                                   description="One run per inbox shard.")
    return dg.Definitions(
        assets=list(dg.map_asset_specs(with_ui_attributes, shard_assets)),
        # not named like its asset: a job and an asset op of one name break the code location's job list
        jobs=[backfill, dg.define_asset_job("rebuild_lake_entities", selection=dg.AssetSelection.assets(shard_assets[1]),
                                            description="Rebuild the lake-wide entity tables once, after the shards.")],
        resources={**resources_for(settings), "lake": lake or LakeConfig()},
    )


def k8s_definitions(settings: Settings | None = None) -> dg.Definitions:
    """The same code location with dagster-k8s's k8s_job_executor: every step a Kubernetes Job."""
    from dagster_k8s import k8s_job_executor

    return build_partitioned_definitions(settings, executor=k8s_job_executor)


defs = build_partitioned_definitions()
# What deploy/values.yaml serves (`--attribute k8s_defs`).
k8s_defs = k8s_definitions()
