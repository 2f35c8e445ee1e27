"""Sentence alignment: the share of one article's sentences that have a close counterpart in the other.

A rewrite paraphrases sentence by sentence, so most sentences align; two independent reports of
one event share words overall but few sentences. Computed only for pairs already similar overall.
"""
from __future__ import annotations

import re

import numpy as np
import polars as pl
from scipy import sparse

from pipelines.transforms.links.text import content_terms, words

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def sentence_matrix(body: str, idf: dict[str, float], vocab: dict[str, int]) -> sparse.csr_matrix:
    """Rows = sentences of `body` (3+ terms), TF-IDF weighted and L2-normalised, over the article vocabulary."""
    rows, cols, vals = [], [], []
    n = 0
    for sentence in _SENTENCE.split(body):
        terms = [t for t in content_terms(words(sentence)) if t in vocab]
        if len(terms) < 3:
            continue
        counts: dict[str, int] = {}
        for t in terms:
            counts[t] = counts.get(t, 0) + 1
        weights = np.array([(1 + np.log(c)) * idf[t] for t, c in counts.items()])
        rows.extend([n] * len(counts))
        cols.extend(vocab[t] for t in counts)
        vals.extend(weights / np.linalg.norm(weights))
        n += 1
    return sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)))


def aligned_share(left: sparse.csr_matrix, right: sparse.csr_matrix, min_cosine: float) -> float:
    """Share of the shorter article's sentences whose best match in the other reaches `min_cosine`."""
    if left.shape[0] == 0 or right.shape[0] == 0:
        return 0.0
    short, long = (left, right) if left.shape[0] <= right.shape[0] else (right, left)
    best = (short @ long.T).max(axis=1).toarray().ravel()
    return float((best >= min_cosine).mean())


def with_sentence_alignment(features: pl.DataFrame, bodies: list[str], weights: pl.DataFrame,
                            screen: pl.Expr, min_cosine: float) -> pl.DataFrame:
    """Adds `aligned` for the pairs `screen` selects (null for the rest: not needed)."""
    screened = features.filter(screen).select("a", "b")
    if screened.height == 0:
        return features.with_columns(pl.lit(None, dtype=pl.Float64).alias("aligned"))
    idf_table = weights.select("term", "idf").unique("term")
    idf = dict(zip(idf_table["term"].to_list(), idf_table["idf"].to_list()))
    vocab = {t: i for i, t in enumerate(idf)}
    cache: dict[int, sparse.csr_matrix] = {}

    def matrix(doc: int) -> sparse.csr_matrix:
        if doc not in cache:
            cache[doc] = sentence_matrix(bodies[doc], idf, vocab)
        return cache[doc]

    shares = [aligned_share(matrix(a), matrix(b), min_cosine) for a, b in screened.iter_rows()]
    return features.join(screened.with_columns(pl.Series("aligned", shares, dtype=pl.Float64)), on=["a", "b"], how="left")
