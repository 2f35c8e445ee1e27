"""warehouse_tables: each DuckDB table as an asset of its own, with schema, preview and column lineage.

The load (`warehouse`) writes them all in one transaction; this step then reads the file
read-only and reports every table, so the UI shows what an analyst will query.
"""
from __future__ import annotations

import json
from pathlib import Path

import dagster as dg
import polars as pl

from pipelines.assets.meta import column_lineage, ddl_description, ddl_schema, owners_for, preview
from pipelines.resources import PipelineConfig
from pipelines.settings import PROJECT_ROOT, stage_dir_for
from pipelines.warehouse import open_warehouse

GROUP = "warehouse_tables"
TABLE_SOURCES: dict[str, list[str]] = {
    table: sources for table, sources in json.loads(
        (PROJECT_ROOT / "pipelines" / "data" / "ui" / "table_sources.json").read_text(encoding="utf-8")).items()
    if not table.startswith("_")
}


def table_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["tables", table])


def _spec(table: str) -> dg.AssetSpec:
    return dg.AssetSpec(
        key=table_key(table),
        deps=["warehouse", *TABLE_SOURCES[table]],
        group_name=GROUP,
        description=f"DuckDB table `{table}`. {ddl_description(table)}",
        owners=owners_for(GROUP),
        kinds={"duckdb", "table"},
        metadata={"dagster/column_schema": ddl_schema(table), "dagster/table_name": f"main.{table}"},
    )


@dg.multi_asset(specs=[_spec(t) for t in TABLE_SOURCES], name="warehouse_tables")
def warehouse_tables(pipeline: PipelineConfig):
    stage_dir = stage_dir_for(pipeline.warehouse_path)
    with open_warehouse(pipeline.warehouse_path, read_only=True) as con:
        for table, sources in TABLE_SOURCES.items():
            columns = con.execute(
                "SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ? "
                "ORDER BY column_index", [table]).fetchall()
            rows = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            head = con.execute(f'SELECT * FROM "{table}" LIMIT 5').pl()
            yield dg.MaterializeResult(asset_key=table_key(table), metadata={
                "dagster/row_count": rows,
                "dagster/column_schema": ddl_schema(table, columns),
                "dagster/column_lineage": column_lineage([c for c, _ in columns], _stage_columns(stage_dir, sources)),
                "preview": dg.MetadataValue.md(preview(head)),
            })


def _stage_columns(stage_dir: Path, sources: list[str]) -> dict[str, list[str]]:
    """The columns of each source stage's Parquet hand-off file (schema only, no rows read)."""
    found = {}
    for key in sources:
        path = stage_dir / f"{key}.parquet"
        if path.exists():
            found[key] = list(pl.read_parquet_schema(path))
    return found
