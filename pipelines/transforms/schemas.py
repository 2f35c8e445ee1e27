"""What each stage hands on: the polars schema of every stage asset's output.

Kept apart from the transforms, which import spaCy, trafilatura and datasketch, so that the
Dagster definitions can declare each asset's columns (the UI shows them before the first run)
without loading any of that. The transforms build or cast their frames with these schemas
(entities and entity_aliases are aggregations of the mentions), and
tests/analyst/test_ui_metadata.py checks each materialized output against its declaration.
"""
from __future__ import annotations

import polars as pl

# ingest
RAW_SCHEMA = {
    "article_id": pl.String, "source_path": pl.String, "source_format": pl.String,
    "content_sha256": pl.String, "raw_text": pl.String, "is_html": pl.Boolean,
    "url": pl.String, "title": pl.String, "author": pl.String, "published": pl.String,
    "site": pl.String, "encoding": pl.String,
}
QUARANTINE_SCHEMA = {
    "source_path": pl.String, "content_sha256": pl.String, "reason": pl.String,
    "detail": pl.String, "seen_at": pl.Datetime("us"),
}
LEDGER_SCHEMA = {
    "source_path": pl.String, "content_sha256": pl.String, "outcome": pl.String,
    "article_id": pl.String, "duplicate_of": pl.String, "reason": pl.String,
    "detail": pl.String, "seen_at": pl.Datetime("us"),
}

# clean
BLOCK_DTYPE = pl.List(pl.Struct({"kind": pl.String, "text": pl.String}))
ARTICLE_SCHEMA = {
    "article_id": pl.String, "source_path": pl.String, "source_format": pl.String,
    "content_sha256": pl.String, "title": pl.String, "author": pl.String,
    "published_at": pl.Datetime("us"), "site": pl.String, "url": pl.String, "language": pl.String,
    "body": pl.String, "word_count": pl.Int32, "ingested_at": pl.Datetime("us"), "blocks": BLOCK_DTYPE,
}
BOILERPLATE_SCHEMA = {"article_id": pl.String, "line_no": pl.Int32, "text": pl.String, "reason": pl.String}
REJECTED_SCHEMA = QUARANTINE_SCHEMA  # a record with no usable body becomes a quarantine row

# segment
PARAGRAPH_SCHEMA = {
    "article_id": pl.String, "paragraph_index": pl.Int32, "kind": pl.String, "text": pl.String,
    "char_start": pl.Int32, "char_end": pl.Int32, "word_count": pl.Int32,
}

# entities
MENTION_SCHEMA = {
    "article_id": pl.String, "paragraph_index": pl.Int32, "char_start": pl.Int32, "char_end": pl.Int32,
    "text": pl.String, "label": pl.String,
}
RESOLVED_MENTION_SCHEMA = {**MENTION_SCHEMA, "entity_id": pl.String}
ENTITY_SCHEMA = {
    "entity_id": pl.String, "name": pl.String, "label": pl.String, "mention_count": pl.Int32,
    "article_count": pl.Int32,
}
ALIAS_SCHEMA = {"entity_id": pl.String, "alias": pl.String, "mention_count": pl.Int32}

# figures: exactly the columns of sql/ddl/figures.sql, in order
FIGURES_SCHEMA = {
    "figure_id": pl.String, "article_id": pl.String, "paragraph_index": pl.Int32,
    "char_start": pl.Int32, "char_end": pl.Int32, "text": pl.String,
    "value": pl.Float64, "value_high": pl.Float64, "kind": pl.String, "unit": pl.String,
    "currency": pl.String, "qualifier": pl.String, "subject": pl.String, "iso_date": pl.String,
    "date_inferred": pl.Boolean, "converted_from_figure_id": pl.String,
}

# links
LINK_SCHEMA = {"article_id_a": pl.String, "article_id_b": pl.String, "relation": pl.String, "score": pl.Float64}
STORY_SCHEMA = {"story_id": pl.String, "title": pl.String, "first_seen": pl.Datetime("us"), "article_count": pl.Int32}
MEMBER_SCHEMA = {"article_id": pl.String, "story_id": pl.String}
CLAIM_SCHEMA = {
    "claim_id": pl.String, "story_id": pl.String, "kind": pl.String, "unit": pl.String, "subject": pl.String,
    "value_low": pl.Float64, "value_high": pl.Float64, "article_count": pl.Int32, "site_count": pl.Int32,
    "agreement": pl.String, "figure_ids": pl.List(pl.String),
}

# stage asset -> the schema of what it outputs
STAGE_SCHEMAS = {
    "raw_articles": RAW_SCHEMA, "ingest_ledger": LEDGER_SCHEMA,
    "articles": ARTICLE_SCHEMA, "boilerplate": BOILERPLATE_SCHEMA, "clean_rejections": REJECTED_SCHEMA,
    "paragraphs": PARAGRAPH_SCHEMA,
    "entity_mentions": RESOLVED_MENTION_SCHEMA, "entities": ENTITY_SCHEMA, "entity_aliases": ALIAS_SCHEMA,
    "figures": FIGURES_SCHEMA,
    "article_links": LINK_SCHEMA, "stories": STORY_SCHEMA, "story_members": MEMBER_SCHEMA, "figure_claims": CLAIM_SCHEMA,
}
