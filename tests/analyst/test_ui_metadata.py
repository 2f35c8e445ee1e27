"""What the Dagster UI shows: every asset described, owned and grouped; warehouse tables as assets
with their schema (DDL comments as column descriptions), row counts, a preview and column lineage."""
from __future__ import annotations

import dagster as dg
import pytest

from pipelines.assets.meta import ddl_columns, ddl_schema
from pipelines.assets.tables import TABLE_SOURCES, table_key, warehouse_tables
from pipelines.definitions import defs
from pipelines.resources import PipelineConfig
from pipelines.warehouse import ensure_schema, open_warehouse


def asset_nodes():
    graph = defs.get_repository_def().asset_graph
    return [graph.get(key) for key in graph.get_all_asset_keys()]


def test_every_asset_has_a_description_owners_and_a_stage_group():
    for node in asset_nodes():
        name = node.key.to_user_string()
        assert node.description, name
        assert node.owners and all(o.startswith("team:") for o in node.owners), name
        assert node.group_name and node.group_name != "default", name


def test_every_warehouse_table_is_an_asset_after_the_load():
    graph = defs.get_repository_def().asset_graph
    for table in TABLE_SOURCES:
        node = graph.get(table_key(table))
        assert dg.AssetKey("warehouse") in node.parent_keys
        assert node.group_name == "warehouse_tables"


def test_ddl_comments_become_column_descriptions():
    figures = {c.name: c for c in ddl_schema("figures").columns}
    assert figures["currency"].description == "ISO 4217 code for money"
    assert figures["value"].type == "double"
    assert set(ddl_columns("articles")) >= {"article_id", "body", "story_id"}


def test_declared_table_schemas_match_the_tables_the_ddl_creates(tmp_path):
    # what the UI shows before any materialization: the spec's schema, read from sql/ddl/
    with open_warehouse(tmp_path / "news.duckdb") as con:
        ensure_schema(con)
        graph = defs.get_repository_def().asset_graph
        for table in TABLE_SOURCES:
            declared = [(c.name, c.type) for c in graph.get(table_key(table)).metadata["dagster/column_schema"].columns]
            actual = [(name, kind.lower()) for name, kind in con.execute(
                "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index",
                [table]).fetchall()]
            assert declared == actual, table


@pytest.fixture(scope="module")
def table_results(seeds_run):
    settings, _ = seeds_run
    config = PipelineConfig.from_settings(settings)
    return {result.asset_key.path[-1]: result.metadata for result in warehouse_tables(pipeline=config)}


def test_table_assets_report_row_counts_schema_and_preview(table_results, wh):
    assert set(table_results) == set(TABLE_SOURCES)
    for table, meta in table_results.items():
        assert meta["dagster/row_count"] == wh.execute(f"SELECT count(*) FROM {table}").fetchone()[0], table
        assert [c.name for c in meta["dagster/column_schema"].columns] == [
            r[0] for r in wh.execute(f"DESCRIBE {table}").fetchall()], table
        assert meta["preview"].value.startswith("| "), table


def test_table_assets_carry_column_lineage_to_their_stage(table_results):
    lineage = table_results["figures"]["dagster/column_lineage"].deps_by_column
    assert lineage["currency"] == [dg.TableColumnDep(asset_key=dg.AssetKey("figures"), column_name="currency")]
    quarantine = table_results["quarantine"]["dagster/column_lineage"].deps_by_column
    assert dg.AssetKey("ingest_ledger") in {dep.asset_key for dep in quarantine["source_path"]}


def test_stage_schemas_name_columns_by_the_duckdb_type_the_load_gives_them():
    import datetime as dt

    import duckdb
    import polars as pl

    from pipelines.assets.meta import table_schema

    frame = pl.DataFrame({
        "id": ["a"], "n": pl.Series([1], dtype=pl.Int32), "big": [2**40], "x": [0.5], "ok": [True],
        "at": [dt.datetime(2025, 6, 2, 9)], "day": [dt.date(2025, 6, 2)], "ids": [["f1", "f2"]],
        "blocks": [[{"kind": "paragraph", "words": 3}]],
    }, schema_overrides={"blocks": pl.List(pl.Struct({"kind": pl.String, "words": pl.Int32}))})
    with duckdb.connect() as con:
        loaded = [(name, kind.lower()) for name, kind, *_ in con.execute("DESCRIBE SELECT * FROM frame").fetchall()]
    assert [(c.name, c.type) for c in table_schema(frame).columns] == loaded


def test_every_warehouse_column_is_described():
    # the DDL's trailing comments are the column descriptions the UI shows for tables/*
    missing = {table: [c.name for c in ddl_schema(table).columns if not c.description] for table in TABLE_SOURCES}
    assert {table: columns for table, columns in missing.items() if columns} == {}
