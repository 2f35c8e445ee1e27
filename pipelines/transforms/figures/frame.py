"""The polars and JSONL faces of the extractor: `figures_frame` (pipeline) and `figures_jsonl` (CLI)."""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator

import polars as pl

from pipelines.transforms.figures.extract import extract_figures
from pipelines.transforms.parallel import map_chunks

# Exactly the columns of sql/ddl/figures.sql, in order.
FIGURES_SCHEMA = {
    "figure_id": pl.Utf8, "article_id": pl.Utf8, "paragraph_index": pl.Int32,
    "char_start": pl.Int32, "char_end": pl.Int32, "text": pl.Utf8,
    "value": pl.Float64, "value_high": pl.Float64, "kind": pl.Utf8, "unit": pl.Utf8,
    "currency": pl.Utf8, "qualifier": pl.Utf8, "subject": pl.Utf8, "iso_date": pl.Utf8,
    "date_inferred": pl.Boolean, "converted_from_figure_id": pl.Utf8,
}
# converted_from: the index, in the same line's list, of the figure this one converts ("€5 billion (£4.2 billion)").
JSONL_KEYS = ("text", "char_start", "char_end", "value", "value_high", "kind", "unit", "currency", "qualifier", "subject",
              "iso_date", "converted_from")


def _as_date(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _rows(article_id: str, paragraph_index: int, text: str, published_at) -> list[dict]:
    figs = extract_figures(text or "", reference_date=_as_date(published_at))
    prefix = f"{article_id}:{paragraph_index}:"
    rows = []
    for f in figs:
        link = f["converted_from"]
        rows.append({
            "figure_id": f"{prefix}{f['char_start']}", "article_id": article_id,
            "paragraph_index": paragraph_index, "char_start": f["char_start"], "char_end": f["char_end"],
            "text": f["text"], "value": f["value"], "value_high": f["value_high"], "kind": f["kind"],
            "unit": f["unit"], "currency": f["currency"], "qualifier": f["qualifier"],
            "subject": f["subject"], "iso_date": f["iso_date"], "date_inferred": f["date_inferred"],
            "converted_from_figure_id": None if link is None else f"{prefix}{figs[link]['char_start']}",
        })
    return rows


def figures_frame(paragraphs: pl.DataFrame, *, n_process: int = 1) -> pl.DataFrame:
    """One row per figure in `paragraphs` (article_id, paragraph_index, text, published_at),
    extracted on `n_process` cores."""
    published = (paragraphs["published_at"] if "published_at" in paragraphs.columns
                 else pl.Series([None] * paragraphs.height))
    records = list(zip(paragraphs["article_id"], paragraphs["paragraph_index"], paragraphs["text"], published))
    rows = map_chunks(figure_rows, records, n_process=n_process)
    return pl.DataFrame(rows, schema=FIGURES_SCHEMA, orient="row") if rows else pl.DataFrame(schema=FIGURES_SCHEMA)


def figure_rows(paragraphs: list[tuple]) -> list[dict]:
    """Figure rows of (article_id, paragraph_index, text, published_at) tuples."""
    return [row for paragraph in paragraphs for row in _rows(*paragraph)]


def figures_jsonl(lines: Iterable[str]) -> Iterator[dict]:
    """`newswh figures FILE`: one {"line": n, "figures": [...]} per input line (1-based)."""
    for n, line in enumerate(lines, start=1):
        text = line.rstrip("\r\n")
        figs = extract_figures(text)
        yield {"line": n, "figures": [{k: f[k] for k in JSONL_KEYS} for f in figs]}
