"""Per-article TF-IDF vectors as a sparse matrix, and cosines of row pairs."""
from __future__ import annotations

import numpy as np
import polars as pl
from scipy import sparse

from pipelines.transforms.links.prior import smoothed_idf


def term_weights(term_lists: list[list[str]], prior_docs: int = 0, doc_words: int = 300) -> pl.DataFrame:
    """(doc, term, tf, df, idf, weight): sublinear tf times IDF smoothed with a background prior,
    L2-normalised per doc (prior_docs=0: plain smoothed IDF of these documents alone)."""
    n_docs = len(term_lists)
    long = pl.DataFrame({"doc": pl.Series(range(n_docs), dtype=pl.Int64), "term": term_lists},
                        schema={"doc": pl.Int64, "term": pl.List(pl.String)}).explode("term").drop_nulls("term")
    counts = long.group_by("doc", "term").len("tf")
    df = smoothed_idf(counts.group_by("term").len("df"), n_docs, prior_docs, doc_words)
    weighted = counts.join(df, on="term").with_columns(
        ((1 + pl.col("tf").cast(pl.Float64).log()) * pl.col("idf")).alias("weight"))
    norm = pl.col("weight").pow(2).sum().over("doc").sqrt()
    return weighted.with_columns((pl.col("weight") / norm).alias("weight"))


def tfidf_matrix(weights: pl.DataFrame, n_docs: int) -> sparse.csr_matrix:
    """The weights as a docs x terms CSR matrix (term columns numbered in sorted order)."""
    if weights.height == 0:
        return sparse.csr_matrix((n_docs, 1))
    coded = weights.with_columns(pl.col("term").rank("dense").cast(pl.Int64).alias("col") - 1)
    n_terms = int(coded["col"].max()) + 1
    return sparse.csr_matrix((coded["weight"].to_numpy(), (coded["doc"].to_numpy(), coded["col"].to_numpy())),
                             shape=(n_docs, n_terms))


def pair_cosines(matrix: sparse.csr_matrix, a: np.ndarray, b: np.ndarray, chunk: int = 20_000) -> np.ndarray:
    """Cosine of each (a[i], b[i]) row pair, in chunks so memory stays bounded."""
    out = np.zeros(len(a))
    for start in range(0, len(a), chunk):
        sl = slice(start, start + chunk)
        out[sl] = np.asarray(matrix[a[sl]].multiply(matrix[b[sl]]).sum(axis=1)).ravel()
    return out
