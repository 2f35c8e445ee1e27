"""Metadata every asset shows in the Dagster UI: row count, schema, a preview, owners and kinds."""

import json
import re

import dagster as dg
import polars as pl

from pipelines.settings import PROJECT_ROOT
from pipelines.transforms.schemas import STAGE_SCHEMAS

# Stage columns are named by the DuckDB type the load gives them, as the tables/* assets name theirs.
_SQL_TYPES = {pl.String: "varchar", pl.Boolean: "boolean", pl.Float64: "double", pl.Float32: "float",
              pl.Int8: "tinyint", pl.Int16: "smallint", pl.Int32: "integer", pl.Int64: "bigint",
              pl.UInt32: "uinteger", pl.UInt64: "ubigint", pl.Datetime: "timestamp", pl.Date: "date",
              pl.Null: "null"}


def sql_type(dtype: pl.DataType) -> str:
    if isinstance(dtype, pl.List):
        return f"{sql_type(dtype.inner)}[]"
    if isinstance(dtype, pl.Struct):
        return "struct(" + ", ".join(f"{f.name} {sql_type(f.dtype)}" for f in dtype.fields) + ")"
    return _SQL_TYPES.get(dtype.base_type(), str(dtype).lower())


def table_schema(frame: pl.DataFrame) -> dg.TableSchema:
    return dg.TableSchema(columns=[dg.TableColumn(name, sql_type(dtype)) for name, dtype in frame.schema.items()])


def declared_columns(asset: str) -> dict:
    """A stage asset's column schema as its definition declares it: what the UI shows before the
    first materialization (each materialization then reports the columns it wrote)."""
    return {"dagster/column_schema": table_schema(pl.DataFrame(schema=STAGE_SCHEMAS[asset]))}


def stage_out(asset: str, description: str, **kwargs) -> dg.AssetOut:
    """One output of a stage's multi-asset, with its declared columns."""
    return dg.AssetOut(description=description, metadata=declared_columns(asset), **kwargs)


def preview(frame: pl.DataFrame, rows: int = 5, width: int = 80) -> str:
    """A markdown table of the first rows, long strings cut, nested columns left out."""
    flat = [c for c, t in frame.schema.items() if not isinstance(t, (pl.List, pl.Struct))]
    head = frame.select(flat).head(rows)
    cut = head.with_columns(pl.col(pl.String).str.slice(0, width))
    header = "| " + " | ".join(flat) + " |\n|" + "---|" * len(flat) + "\n"
    body = "".join("| " + " | ".join(_cell(v) for v in row) + " |\n" for row in cut.iter_rows())
    return header + body


def _cell(value: object) -> str:
    return "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")


def frame_metadata(frame: pl.DataFrame, **extra: object) -> dict:
    return {
        "dagster/row_count": frame.height,
        "dagster/column_schema": table_schema(frame),
        "preview": dg.MetadataValue.md(preview(frame)),
        **extra,
    }


def counts_by(frame: pl.DataFrame, column: str) -> dict[str, int]:
    if frame.height == 0:
        return {}
    return dict(frame.group_by(column).len().sort("len", descending=True).iter_rows())


# --- UI attributes shared by every asset: owners and kinds by group (pipelines/data/ui/owners.json)

_UI = json.loads((PROJECT_ROOT / "pipelines" / "data" / "ui" / "owners.json").read_text(encoding="utf-8"))
# name, type (with its size and list brackets: DECIMAL(18,3), VARCHAR[]), the trailing comment
_DDL_COLUMN = re.compile(r"^\s+(\w+)\s+([A-Z]+(?:\(\d+(?:,\s*\d+)?\))?(?:\[\d*\])*)(?![\w(\[])[^-]*(?:--\s*(.*))?$")


def owners_for(group: str | None) -> list[str]:
    return list(_UI["owners"].get(group or "", _UI["default_owners"]))


def kinds_for(group: str | None) -> set[str]:
    return set(_UI["kinds"].get(group or "", _UI["default_kinds"]))


def with_ui_attributes(spec: dg.AssetSpec) -> dg.AssetSpec:
    """Owners and kind badges by group, added to whatever the asset already declares."""
    return spec.merge_attributes(owners=[o for o in owners_for(spec.group_name) if o not in spec.owners],
                                 kinds=kinds_for(spec.group_name) - set(spec.kinds))


# --- The warehouse's table contract (sql/ddl/<table>.sql) as Dagster metadata

def ddl_description(table: str) -> str:
    """The comment lines heading sql/ddl/<table>.sql: what one row of the table is."""
    lines = (PROJECT_ROOT / "sql" / "ddl" / f"{table}.sql").read_text(encoding="utf-8").splitlines()
    head = [line.removeprefix("--").strip() for line in lines if line.startswith("--")]
    return " ".join(head)


def ddl_columns(table: str) -> dict[str, tuple[str, str | None]]:
    """column -> (SQL type, the column's trailing comment) from sql/ddl/<table>.sql."""
    found = {}
    for line in (PROJECT_ROOT / "sql" / "ddl" / f"{table}.sql").read_text(encoding="utf-8").splitlines():
        match = _DDL_COLUMN.match(line)
        if match and match.group(1).upper() != "PRIMARY":
            found[match.group(1)] = (match.group(2).lower(), match.group(3))
    return found


def ddl_schema(table: str, columns: list[tuple[str, str]] | None = None) -> dg.TableSchema:
    """The table's schema with each column's DDL comment as its description.

    `columns` (name, type) as the database reports them wins over the DDL file, so columns added
    by a migration still show; the DDL only lends descriptions.
    """
    declared = ddl_columns(table)
    columns = columns or [(name, sql_type) for name, (sql_type, _) in declared.items()]
    return dg.TableSchema(columns=[
        dg.TableColumn(name, sql_type.lower(), description=declared.get(name, (None, None))[1])
        for name, sql_type in columns
    ])


def column_lineage(columns: list[str], sources: dict[str, list[str]]) -> dg.TableColumnLineage:
    """Each column depends on the same-named column of every source asset that has one.

    `sources` maps an upstream asset key to its columns.
    """
    deps = {
        column: [dg.TableColumnDep(asset_key=dg.AssetKey(key), column_name=column)
                 for key, cols in sources.items() if column in cols]
        for column in columns
    }
    return dg.TableColumnLineage(deps_by_column={c: d for c, d in deps.items() if d})
