"""Pair features for candidate pairs: shingle Jaccard, TF-IDF cosine, length ratio, entity overlap, days apart."""
from __future__ import annotations

import numpy as np
import polars as pl

from pipelines.transforms.links.minhash import exact_jaccard
from pipelines.transforms.links.vectors import pair_cosines


def pair_features(pairs: pl.DataFrame, docs: pl.DataFrame, shingle_sets: list[np.ndarray], matrix) -> pl.DataFrame:
    """`pairs` (a, b doc numbers) with one column per feature; `docs` is indexed by doc number."""
    a, b = pairs["a"].to_numpy(), pairs["b"].to_numpy()
    lengths = docs["n_words"].to_numpy().astype(np.float64)
    shorter, longer = np.minimum(lengths[a], lengths[b]), np.maximum(lengths[a], lengths[b])
    return pairs.with_columns(
        pl.Series("jaccard", exact_jaccard(shingle_sets, a, b)),
        pl.Series("cosine", pair_cosines(matrix, a, b)),
        pl.Series("number_jaccard", number_jaccard(docs["numbers"].to_list(), a, b)),
        pl.Series("length_ratio", np.divide(shorter, longer, out=np.ones_like(shorter), where=longer > 0)),
    )


def with_entity_overlap(features: pl.DataFrame, mentions: pl.DataFrame | None) -> pl.DataFrame:
    """Jaccard of the two articles' entity-id sets (0 when either has none or none are known)."""
    if mentions is None or mentions.height == 0 or features.height == 0:
        return features.with_columns(pl.lit(0.0).alias("entity_jaccard"))
    ents = mentions.select("doc", "entity_id").unique()
    sizes = ents.group_by("doc").len("n")
    pairs = features.select("a", "b")
    shared = (pairs.join(ents, left_on="a", right_on="doc")
              .join(ents, left_on=["b", "entity_id"], right_on=["doc", "entity_id"])
              .group_by("a", "b").len("shared"))
    scored = (pairs.join(shared, on=["a", "b"], how="left")
              .join(sizes.rename({"doc": "a", "n": "n_a"}), on="a", how="left")
              .join(sizes.rename({"doc": "b", "n": "n_b"}), on="b", how="left")
              .with_columns(pl.col("shared", "n_a", "n_b").fill_null(0))
              .with_columns((pl.col("shared") / (pl.col("n_a") + pl.col("n_b") - pl.col("shared")))
                            .fill_nan(0.0).fill_null(0.0).alias("entity_jaccard"))
              .select("a", "b", "entity_jaccard"))
    return features.join(scored, on=["a", "b"], how="left").with_columns(pl.col("entity_jaccard").fill_null(0.0))


def with_days_apart(features: pl.DataFrame, docs: pl.DataFrame) -> pl.DataFrame:
    """Absolute days between publication dates; null when either date is unknown."""
    dates = docs.select(pl.col("doc"), pl.col("published_at").cast(pl.Datetime("us")))
    return (features.join(dates.rename({"doc": "a", "published_at": "date_a"}), on="a", how="left")
            .join(dates.rename({"doc": "b", "published_at": "date_b"}), on="b", how="left")
            .with_columns(((pl.col("date_a") - pl.col("date_b")).dt.total_hours().abs() / 24).alias("days_apart"))
            .drop("date_a", "date_b"))


def number_jaccard(numbers: list[list[str]], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Jaccard of the numbers written in each text: a rewrite keeps its facts, a look-alike template does not.

    1.0 when neither text has a number (nothing to disagree on).
    """
    out = np.ones(len(a))
    for i, (x, y) in enumerate(zip(a, b)):
        left, right = set(numbers[x]), set(numbers[y])
        if left or right:
            out[i] = len(left & right) / len(left | right)
    return out
