"""A background collection for IDF: how many of `prior_docs` typical articles would contain a term.

IDF from the warehouse alone is meaningless while it holds a handful of articles (on the five
seeds every shared topic word looks common). General English word frequencies (wordfreq, data
shipped in the package) stand in for a large background collection; as the warehouse grows,
its own document frequencies outweigh the prior.
"""
from __future__ import annotations

from functools import cache

import numpy as np
import polars as pl
from wordfreq import get_frequency_dict


@cache
def _frequencies() -> dict[str, float]:
    return get_frequency_dict("en")


def prior_fraction(terms: pl.Series, doc_words: int) -> np.ndarray:
    """P(a typical article of `doc_words` words contains the term) = 1 - exp(-freq * doc_words)."""
    freq = _frequencies()
    per_word = np.array([freq.get(t, 0.0) for t in terms.to_list()])
    return 1.0 - np.exp(-per_word * doc_words)


def smoothed_idf(df: pl.DataFrame, n_docs: int, prior_docs: int, doc_words: int) -> pl.DataFrame:
    """Adds `idf` = ln((1 + N + B) / (1 + df + B * prior)) + 1 to a (term, df) frame."""
    prior = prior_fraction(df["term"], doc_words)
    idf = np.log((1 + n_docs + prior_docs) / (1 + df["df"].to_numpy() + prior_docs * prior)) + 1
    return df.with_columns(pl.Series("idf", idf))
