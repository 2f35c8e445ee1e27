"""Pair features for candidate pairs: shingle Jaccard, TF-IDF cosine, length ratio, entity overlap, days apart."""
from __future__ import annotations

import numpy as np
import polars as pl

from pipelines.transforms.links.minhash import exact_jaccard
from pipelines.transforms.links.vectors import pair_cosines, term_weights, tfidf_matrix


def pair_features(pairs: pl.DataFrame, docs: pl.DataFrame, shingle_sets: list[np.ndarray], matrix) -> pl.DataFrame:
    """`pairs` (a, b doc numbers) with one column per feature; `docs` is indexed by doc number."""
    a, b = pairs["a"].to_numpy(), pairs["b"].to_numpy()
    lengths = docs["n_words"].to_numpy().astype(np.float64)
    shorter, longer = np.minimum(lengths[a], lengths[b]), np.maximum(lengths[a], lengths[b])
    return pairs.with_columns(
        pl.Series("jaccard", exact_jaccard(shingle_sets, a, b)),
        pl.Series("cosine", pair_cosines(matrix, a, b)),
        pl.Series("number_overlap", number_overlap(docs["numbers"].to_list(), a, b)),
        pl.Series("length_ratio", np.divide(shorter, longer, out=np.ones_like(shorter), where=longer > 0)),
    )


def with_entity_overlap(features: pl.DataFrame, mentions: pl.DataFrame | None, n_docs: int) -> pl.DataFrame:
    """`entity_overlap`: cosine of the two articles' entity sets, rare entities weighted up (IDF).

    Sharing "AMC" says more than sharing "U.S."; null when either article has no entities (unknown).
    """
    if mentions is None or mentions.height == 0 or features.height == 0:
        return features.with_columns(pl.lit(None, dtype=pl.Float64).alias("entity_overlap"))
    sets = mentions.select("doc", "entity_id").unique().group_by("doc").agg(pl.col("entity_id"))
    lists: list[list[str]] = [[] for _ in range(n_docs)]
    for doc, ids in sets.iter_rows():
        lists[doc] = ids
    matrix = tfidf_matrix(term_weights(lists), n_docs)
    a, b = features["a"].to_numpy(), features["b"].to_numpy()
    has = np.array([len(x) > 0 for x in lists])
    overlap = np.where(has[a] & has[b], pair_cosines(matrix, a, b), np.nan)
    return features.with_columns(pl.Series("entity_overlap", overlap).fill_nan(None))


def with_days_apart(features: pl.DataFrame, docs: pl.DataFrame) -> pl.DataFrame:
    """Absolute days between publication dates; null when either date is unknown."""
    dates = docs.select(pl.col("doc"), pl.col("published_at").cast(pl.Datetime("us")))
    return (features.join(dates.rename({"doc": "a", "published_at": "date_a"}), on="a", how="left")
            .join(dates.rename({"doc": "b", "published_at": "date_b"}), on="b", how="left")
            .with_columns(((pl.col("date_a") - pl.col("date_b")).dt.total_hours().abs() / 24).alias("days_apart"))
            .drop("date_a", "date_b"))


def number_overlap(numbers: list[list[str]], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Share of the smaller set of numbers found in the other text: a copy or rewrite keeps its facts
    (even when cut short), a look-alike template does not. 1.0 when either text has no number."""
    out = np.ones(len(a))
    for i, (x, y) in enumerate(zip(a, b)):
        left, right = set(numbers[x]), set(numbers[y])
        if left and right:
            out[i] = len(left & right) / min(len(left), len(right))
    return out
