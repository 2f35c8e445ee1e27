"""Candidate pairs without comparing all pairs: rare-term blocking and exact body keys (LSH is in minhash.py)."""
from __future__ import annotations

import polars as pl

PAIR_SCHEMA = {"a": pl.Int64, "b": pl.Int64}


def blocking_pairs(weights: pl.DataFrame, top_terms: int, max_block: int, min_shared: int) -> pl.DataFrame:
    """Pairs sharing at least `min_shared` of their `top_terms` heaviest TF-IDF terms.

    A term is a block only if 2..max_block articles have it among their top terms, so every
    block holds at most max_block articles and the pair count grows linearly with articles,
    not quadratically; terms that common carry no evidence of the same event anyway.
    """
    top = (weights.sort(["doc", "weight", "term"], descending=[False, True, False])
           .group_by("doc", maintain_order=True).head(top_terms).select("doc", "term"))
    size = top.group_by("term").len("block")
    top = top.join(size.filter(pl.col("block").is_between(2, max_block)), on="term").select("doc", "term")
    joined = top.join(top, on="term", suffix="_b").filter(pl.col("doc") < pl.col("doc_b"))
    shared = joined.group_by("doc", "doc_b").len("shared").filter(pl.col("shared") >= min_shared)
    return shared.select(pl.col("doc").alias("a"), pl.col("doc_b").alias("b")).cast(PAIR_SCHEMA)


def exact_pairs(keys: list[str]) -> pl.DataFrame:
    """Pairs with the same body key: each article with the first one of its group."""
    frame = pl.DataFrame({"key": keys}).with_row_index("doc").with_columns(pl.col("doc").cast(pl.Int64))
    first = frame.group_by("key").agg(pl.col("doc").min().alias("a"))
    pairs = frame.join(first, on="key").filter(pl.col("doc") != pl.col("a"))
    return pairs.select("a", pl.col("doc").alias("b")).cast(PAIR_SCHEMA)
