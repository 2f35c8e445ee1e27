"""Full-text search over paragraphs: DuckDB's fts extension, from the pip package, never a download.

The load calls `build_search_index` inside its transaction; `newswh search` and the SQL macro
`search_paragraphs(q, n)` read the index. The SQL lives in sql/fts/.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from pipelines.extensions import extension_path, load_extension
from pipelines.sqlfiles import sql

# Build order: documents, ranking weights, the index over the documents, then the macros that
# name the index's schema.
_BUILD_STEPS = ("fts/paragraph_docs", "fts/ranking_weights", "fts/create_index", "fts/search_macros")

RESULT_COLUMNS = ("article_id", "source_path", "title", "site", "paragraph_index", "text", "score")


def fts_extension_path() -> Path:
    """The fts binary shipped by the `duckdb-extension-fts` package for this duckdb version."""
    return extension_path("fts")


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    load_extension(con, "fts")


def build_search_index(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)build the paragraph index and the search macros; safe inside an open transaction."""
    load_fts(con)
    for step in _BUILD_STEPS:
        con.execute(sql(step))


def has_search_index(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute(
        "SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'fts_search_paragraph_docs'").fetchone()[0] > 0


def search(con: duckdb.DuckDBPyConnection, query: str, limit: int = 10) -> pl.DataFrame:
    """The `limit` paragraphs that best match `query`, best first (empty for a blank query)."""
    load_fts(con)
    if not has_search_index(con):
        raise LookupError("the warehouse has no search index yet: run `newswh run` to load it")
    if not query.strip():
        return pl.DataFrame(schema=dict.fromkeys(RESULT_COLUMNS, pl.String))
    return con.execute("SELECT * FROM search_paragraphs(?, ?)", [query, limit]).pl()


def format_hits(hits: pl.DataFrame, width: int = 100) -> str:
    """Human-readable results: rank, score, title (or file), site, paragraph, then the text."""
    import textwrap

    blocks = []
    for rank, hit in enumerate(hits.iter_rows(named=True), start=1):
        where = " · ".join(x for x in (hit["title"] or "(untitled)", hit["site"]) if x)
        head = f"{rank}. [{hit['score']:.3f}] {where} ({hit['source_path']} ¶{hit['paragraph_index']})"
        blocks.append(head + "\n" + textwrap.indent(textwrap.fill(hit["text"], width - 4), "    "))
    return "\n\n".join(blocks) if blocks else "no paragraph matches"
