"""MinHash signatures and LSH banding in numpy.

datasketch's MinHash/MinHashLSH gave the same candidates but took 24 s on the 21k-article
corpus (17 s hashing shingle by shingle, 7 s bucket inserts); vectorised it is about 3x faster.
Signatures only find candidates; a candidate's Jaccard is then computed exactly on its shingle sets.
"""
from __future__ import annotations

import hashlib

import numpy as np
import polars as pl
from datasketch.lsh import _optimal_param

_MASK32 = np.uint64(0xFFFFFFFF)


def token_hashes(token_lists: list[list[str]]) -> list[np.ndarray]:
    """A stable 64-bit hash per token (the same in every process, unlike Python's hash())."""
    code: dict[str, int] = {}
    return [hash_tokens(tokens, code) for tokens in token_lists]


def hash_tokens(tokens: list[str], code: dict[str, int]) -> np.ndarray:
    """One document's token hashes; `code` memoizes each word's hash across documents."""
    for t in tokens:
        if t not in code:
            code[t] = int.from_bytes(hashlib.blake2b(t.encode("utf-8"), digest_size=8).digest(), "little")
    return np.fromiter((code[t] for t in tokens), dtype=np.uint64, count=len(tokens))


def shingle_hashes(tokens: np.ndarray, size: int) -> np.ndarray:
    """Hashes of overlapping `size`-token shingles, combined position-sensitively from token hashes."""
    if len(tokens) == 0:
        return np.zeros(1, dtype=np.uint64)
    n = max(len(tokens) - size + 1, 1)
    out = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(min(size, len(tokens))):
            out = out * np.uint64(0x9E3779B97F4A7C15) + tokens[k:k + n]
    return np.unique(out)


def permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    gen = np.random.default_rng(seed)
    a = gen.integers(1, 2**63, size=num_perm, dtype=np.uint64) | np.uint64(1)
    b = gen.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    return a, b


def signatures(shingle_sets: list[np.ndarray], num_perm: int, chunk: int = 40_000) -> np.ndarray:
    """docs x num_perm minimum of (a*x + b) >> 32 over each doc's shingle hashes x."""
    a, b = permutations(num_perm)
    out = np.empty((len(shingle_sets), num_perm), dtype=np.uint64)
    start = 0
    while start < len(shingle_sets):
        stop, total = start, 0
        while stop < len(shingle_sets) and (total == 0 or total + len(shingle_sets[stop]) <= chunk):
            total += len(shingle_sets[stop])
            stop += 1
        x = np.concatenate(shingle_sets[start:stop])
        offsets = np.cumsum([0] + [len(s) for s in shingle_sets[start:stop - 1]])
        with np.errstate(over="ignore"):
            hashed = (np.multiply.outer(x, a) + b) >> np.uint64(32)
        out[start:stop] = np.minimum.reduceat(hashed, offsets, axis=0)
        start = stop
    return out


def band_pairs(sigs: np.ndarray, threshold: float) -> pl.DataFrame:
    """Pairs of docs whose signatures agree on every row of at least one band (standard LSH banding)."""
    n_docs, num_perm = sigs.shape
    if n_docs < 2:
        return pl.DataFrame(schema={"a": pl.Int64, "b": pl.Int64})
    bands, rows = _optimal_param(threshold, num_perm, 0.5, 0.5)
    mix = permutations(rows, seed=2)[0]
    keys = []
    for band in range(bands):
        with np.errstate(over="ignore"):
            key = (sigs[:, band * rows:(band + 1) * rows] * mix).sum(axis=1, dtype=np.uint64)
        keys.append(pl.DataFrame({"band": np.full(n_docs, band, dtype=np.int32), "key": key,
                                  "doc": np.arange(n_docs, dtype=np.int64)}))
    buckets = pl.concat(keys)
    joined = buckets.join(buckets, on=["band", "key"], suffix="_b").filter(pl.col("doc") < pl.col("doc_b"))
    return joined.select(pl.col("doc").alias("a"), pl.col("doc_b").alias("b")).unique()


def exact_jaccard(shingle_sets: list[np.ndarray], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Jaccard of the (sorted, unique) shingle-hash sets of each pair."""
    out = np.zeros(len(a))
    for i, (x, y) in enumerate(zip(a, b)):
        left, right = shingle_sets[x], shingle_sets[y]
        shared = len(np.intersect1d(left, right, assume_unique=True))
        out[i] = shared / (len(left) + len(right) - shared)
    return out
