"""Precision/recall per relation of the linking stage on bench/links/pairs.jsonl.

The labeled pairs are linked inside a realistic haystack (2,000 other corpus articles by default),
so candidate generation (LSH, blocking) and the per-article neighbour limit are exercised too.

    .venv/bin/python -m bench.links.evaluate [--background 2000] [--entities] [--dump]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from pathlib import Path

import polars as pl

from bench.links.corpus import articles_frame, background_ids, load_corpus
from pipelines.transforms.links import link_articles
from pipelines.transforms.links.link import scored_candidates
from pipelines.transforms.links.relations import RELATIONS, classify, thresholds

PAIRS = Path(__file__).resolve().parent / "pairs.jsonl"
LABELS = (*RELATIONS, "none")


def labeled_pairs() -> pl.DataFrame:
    rows = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    frame = pl.DataFrame(rows)
    return frame.with_columns(pl.min_horizontal("a", "b").alias("a"), pl.max_horizontal("a", "b").alias("b"))


def entity_mentions(articles: pl.DataFrame) -> pl.DataFrame:
    """The pipeline's own NER and entity resolution over the bench articles (slow: spaCy; cached in /tmp)."""
    key = hashlib.sha1("\n".join(sorted(articles["article_id"].to_list())).encode()).hexdigest()[:12]
    cached = Path(tempfile.gettempdir()) / f"newswh-links-mentions-{key}.parquet"
    if cached.exists():
        return pl.read_parquet(cached)
    mentions = _run_ner(articles)
    mentions.write_parquet(cached)
    return mentions


def _run_ner(articles: pl.DataFrame) -> pl.DataFrame:
    from pipelines.transforms.canonical import resolve_entities
    from pipelines.transforms.entities import extract_mentions, load_nlp

    paragraphs = (articles.select("article_id", pl.col("body").str.split("\n\n").alias("text"))
                  .explode("text").with_columns(pl.int_range(pl.len()).over("article_id").cast(pl.Int32)
                                                .alias("paragraph_index"))
                  .filter(pl.col("text").str.strip_chars() != ""))
    mentions = extract_mentions(paragraphs.select("article_id", "paragraph_index", "text"), load_nlp(), n_process=1)
    return resolve_entities(mentions).select("article_id", "entity_id")


def predictions(gold: pl.DataFrame, links: pl.DataFrame) -> pl.DataFrame:
    found = links.select(pl.col("article_id_a").alias("a"), pl.col("article_id_b").alias("b"),
                         pl.col("relation").alias("predicted"))
    return gold.join(found, on=["a", "b"], how="left").with_columns(pl.col("predicted").fill_null("none"))


def scores(judged: pl.DataFrame) -> pl.DataFrame:
    rows = []
    for rel in RELATIONS:
        tp = judged.filter((pl.col("label") == rel) & (pl.col("predicted") == rel)).height
        predicted = judged.filter(pl.col("predicted") == rel).height
        actual = judged.filter(pl.col("label") == rel).height
        rows.append({"relation": rel, "labeled": actual, "predicted": predicted, "correct": tp,
                     "precision": round(tp / predicted, 3) if predicted else None,
                     "recall": round(tp / actual, 3) if actual else None})
    return pl.DataFrame(rows)


def evaluate(background: int = 2000, with_entities: bool = False, dump: bool = False) -> pl.DataFrame:
    corpus = load_corpus()
    gold = labeled_pairs()
    ids = [*background_ids(corpus, background), *gold["a"].to_list(), *gold["b"].to_list()]
    articles = articles_frame(ids, corpus)
    mentions = entity_mentions(articles) if with_entities else None
    judged = predictions(gold, link_articles(articles, mentions))
    if dump:
        docs, feats = scored_candidates(articles, mentions)
        named = classify(feats, thresholds()).join(docs.select(pl.col("doc").alias("a"), pl.col("article_id").alias("id_a")), on="a") \
            .join(docs.select(pl.col("doc").alias("b"), pl.col("article_id").alias("id_b")), on="b")
        named = named.with_columns(pl.min_horizontal("id_a", "id_b").alias("a"), pl.max_horizontal("id_a", "id_b").alias("b"))
        with pl.Config(tbl_rows=200, tbl_cols=20, tbl_width_chars=250, fmt_str_lengths=40):
            print(judged.drop("origin").join(named.drop("id_a", "id_b"), on=["a", "b"], how="left", suffix="_f")
                  .select("a", "b", "label", "predicted", "jaccard", "cosine", "aligned", "number_overlap",
                          "entity_overlap", "length_ratio", "days_apart").sort("label", "cosine"))
    with pl.Config(tbl_rows=20):
        print(judged.group_by("label", "predicted").len().sort("label", "predicted"))
        print("real corpus pairs only (no synthetic copies):")
        print(scores(judged.filter(~pl.col("origin").str.starts_with("synthetic"))))
    return scores(judged)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--background", type=int, default=2000)
    parser.add_argument("--entities", action="store_true", help="add entity overlap (runs spaCy, ~1 min)")
    parser.add_argument("--dump", action="store_true", help="print every labeled pair's features")
    args = parser.parse_args()
    table = evaluate(args.background, args.entities, args.dump)
    with pl.Config(tbl_rows=10):
        print(table)


if __name__ == "__main__":
    main()
