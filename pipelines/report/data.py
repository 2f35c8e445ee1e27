"""What the report shows, read from the warehouse with the SQL in sql/report/."""
from __future__ import annotations

from dataclasses import dataclass

import duckdb
import polars as pl

from pipelines.sqlfiles import sql

# Stories are labelled by the stories table (story linking); without it, by story_id alone.
FALLBACKS = {"articles_per_story": "report/articles_per_story_unlabelled"}
SECTIONS = ("top_entities", "figures_by_kind", "boilerplate_by_reason_site", "articles_per_story", "check_results")


@dataclass
class ReportData:
    frames: dict[str, pl.DataFrame]   # one per SECTIONS name
    latest_run: dict | None
    table_counts: dict[str, int]


def read_report_data(con: duckdb.DuckDBPyConnection) -> ReportData:
    frames = {name: _query(con, f"report/{name}", FALLBACKS.get(name)) for name in SECTIONS}
    runs = _query(con, "report/latest_run")
    return ReportData(frames=frames, latest_run=runs.to_dicts()[0] if runs.height else None,
                      table_counts=_table_counts(con))


def _query(con: duckdb.DuckDBPyConnection, name: str, fallback: str | None = None) -> pl.DataFrame:
    """A report query; if a table it needs does not exist (yet), its fallback, else an empty frame."""
    try:
        return con.execute(sql(name)).pl()
    except duckdb.CatalogException:
        return _query(con, fallback) if fallback else pl.DataFrame()


def _table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    names = [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY table_name").fetchall()]
    return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
