"""article_links: candidate pairs from LSH and blocking, scored and classified into relations."""
from __future__ import annotations

import polars as pl

from pipelines.transforms.links import alignment, candidates, features, minhash, text, vectors
from pipelines.transforms.links.relations import classify, keep_strongest_story_links, may_be_rewrite, thresholds
from pipelines.transforms.schemas import LINK_SCHEMA


def empty_links() -> pl.DataFrame:
    return pl.DataFrame(schema=LINK_SCHEMA)


def documents(articles: pl.DataFrame) -> pl.DataFrame:
    """One row per article, numbered in article_id order (so a run's result does not depend on input order)."""
    docs = articles.select("article_id", "body", "published_at").unique("article_id").sort("article_id")
    return docs.with_row_index("doc").with_columns(pl.col("doc").cast(pl.Int64))


def scored_candidates(articles: pl.DataFrame, mentions: pl.DataFrame | None = None,
                      t: dict | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(docs, features of every candidate pair): what `link_articles` classifies; the bench tunes on it."""
    t = t or thresholds()
    docs = documents(articles)
    bodies = docs["body"].to_list()
    n_words, numbers, shingle_sets, terms = per_document(bodies, t["shingle_words"])
    docs = docs.with_columns(pl.Series("n_words", n_words), pl.Series("numbers", numbers, dtype=pl.List(pl.String)))
    weights = vectors.term_weights(terms, t["idf_prior_docs"], t["idf_prior_doc_words"])
    del terms
    exact = candidates.exact_pairs([text.body_key(b) for b in bodies])
    pairs = pl.concat([
        exact,
        minhash.band_pairs(minhash.signatures(shingle_sets, t["num_perm"]), t["lsh_threshold"]),
        candidates.blocking_pairs(weights, t["blocking_top_terms"], t["blocking_max_block"], t["blocking_min_shared"]),
    ]).select(pl.min_horizontal("a", "b").alias("a"), pl.max_horizontal("a", "b").alias("b")).unique().sort("a", "b")
    feats = features.pair_features(pairs, docs, shingle_sets, vectors.tfidf_matrix(weights, docs.height))
    feats = feats.join(exact.with_columns(pl.lit(True).alias("exact")), on=["a", "b"], how="left")
    feats = feats.with_columns(pl.col("exact").fill_null(False))
    doc_mentions = None if mentions is None else mentions.join(docs.select("article_id", "doc"), on="article_id")
    feats = features.with_days_apart(features.with_entity_overlap(feats, doc_mentions, docs.height), docs)
    feats = alignment.with_sentence_alignment(feats, bodies, weights,
                                              may_be_rewrite(t), t["sentence_match_cosine"])
    return docs, feats


def per_document(bodies: list[str], shingle_words: int) -> tuple[list[int], list[list[str]], list, list[list[str]]]:
    """(word count, numeric tokens, shingle hashes, content terms) of each body, one body at a time:
    the word lists of a whole corpus held at once were the linking step's largest allocation
    (~5 M Python strings at 20,000 articles)."""
    code: dict[str, int] = {}
    n_words, numbers, shingle_sets, terms = [], [], [], []
    for body in bodies:
        tokens = text.words(body)
        n_words.append(len(tokens))
        numbers.append(text.numbers(tokens))
        shingle_sets.append(minhash.shingle_hashes(minhash.hash_tokens(tokens, code), shingle_words))
        terms.append(text.content_terms(tokens))
    return n_words, numbers, shingle_sets, terms


def link_articles(articles: pl.DataFrame, mentions: pl.DataFrame | None = None, t: dict | None = None) -> pl.DataFrame:
    """Every linked pair of articles (article_id_a < article_id_b) with its relation and score."""
    t = t or thresholds()
    if articles.height < 2:
        return empty_links()
    docs, feats = scored_candidates(articles, mentions, t)
    linked = keep_strongest_story_links(classify(feats, t).filter(pl.col("relation").is_not_null()), t["story_neighbours"])
    ids = docs.select("doc", "article_id")
    out = (linked.join(ids.rename({"doc": "a", "article_id": "article_id_a"}), on="a")
           .join(ids.rename({"doc": "b", "article_id": "article_id_b"}), on="b"))
    return out.select(*LINK_SCHEMA).cast(LINK_SCHEMA).sort("article_id_a", "article_id_b")
