"""Metadata every stage asset shows in the Dagster UI: row count, schema and a preview."""

import dagster as dg
import polars as pl

_DAGSTER_TYPES = {pl.String: "string", pl.Boolean: "bool", pl.Float64: "double", pl.Int32: "int", pl.Int64: "bigint"}


def table_schema(frame: pl.DataFrame) -> dg.TableSchema:
    return dg.TableSchema(columns=[
        dg.TableColumn(name, _DAGSTER_TYPES.get(dtype.base_type(), str(dtype).lower()))
        for name, dtype in frame.schema.items()
    ])


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
