"""Grid search of the relation thresholds on the labeled pairs (macro F1 over the four relations).

Candidates and features are computed once; only the classification is repeated per setting.
With --seeds-warehouse (a warehouse made by `newswh run` on seeds/), only settings that meet the
issue's seed conditions are kept: 000-001 a rewrite, 000/001/002/004 connected, 003 no duplicate.
The winner is printed, not written: copy it into pipelines/data/links/thresholds.json by hand.

    .venv/bin/python -m bench.links.tune [--entities] [--seeds-warehouse /tmp/seeds/news.duckdb]
"""
from __future__ import annotations

import argparse
import itertools

import polars as pl

from bench.links.corpus import articles_frame, background_ids, load_corpus
from bench.links.evaluate import entity_mentions, labeled_pairs, scores
from pipelines.transforms.links import alignment, text, vectors
from pipelines.transforms.links.link import scored_candidates
from pipelines.transforms.links.relations import classify, thresholds

GRID = {
    "near_duplicate_jaccard": [0.5, 0.6, 0.7],
    "rewrite_cosine": [0.5, 0.6, 0.7],
    "rewrite_min_aligned": [0.5, 0.7, 0.9],
    "rewrite_min_entity_overlap": [0.3, 0.5, 0.7],
    "same_story_score": [0.2, 0.225, 0.25, 0.275, 0.3, 0.35, 0.4],
    "same_story_entity_weight": [0.0, 0.25, 0.5],
}
SENTENCE_MATCH = [0.3, 0.4, 0.5]


def judged_features(background: int, with_entities: bool) -> tuple[pl.DataFrame, dict]:
    corpus = load_corpus()
    gold = labeled_pairs()
    articles = articles_frame([*background_ids(corpus, background), *gold["a"].to_list(), *gold["b"].to_list()], corpus)
    mentions = entity_mentions(articles) if with_entities else None
    base = dict(thresholds(), rewrite_cosine=0.0)
    docs, feats = scored_candidates(articles, mentions, base)
    ids = docs.select("doc", "article_id")
    named = (feats.join(ids.rename({"doc": "a", "article_id": "id_a"}), on="a")
             .join(ids.rename({"doc": "b", "article_id": "id_b"}), on="b")
             .with_columns(pl.min_horizontal("id_a", "id_b").alias("pa"), pl.max_horizontal("id_a", "id_b").alias("pb")))
    on_gold = gold.join(named, left_on=["a", "b"], right_on=["pa", "pb"], how="left", suffix="_doc")
    bodies = docs["body"].to_list()
    weights = vectors.term_weights([text.content_terms(text.words(b)) for b in bodies],
                                   base["idf_prior_docs"], base["idf_prior_doc_words"])
    found = on_gold.filter(pl.col("cosine").is_not_null())
    per_match = {}
    for match in SENTENCE_MATCH:
        aligned = alignment.with_sentence_alignment(found.drop("aligned").rename({"a": "ga", "b": "gb"})
                                                    .rename({"a_doc": "a", "b_doc": "b"}), bodies, weights, pl.lit(True), match)
        per_match[match] = aligned.rename({"a": "a_doc", "b": "b_doc"}).rename({"ga": "a", "gb": "b"})
    return gold, per_match


def macro_f1(table: pl.DataFrame) -> float:
    f1 = [2 * p * r / (p + r) if p and r else 0.0 for p, r in zip(table["precision"], table["recall"])]
    return sum(f1) / len(f1)


def search(gold: pl.DataFrame, per_match: dict) -> list[tuple[float, dict]]:
    results = []
    for match, feats in per_match.items():
        for values in itertools.product(*GRID.values()):
            t = dict(thresholds(), sentence_match_cosine=match, **dict(zip(GRID, values)))
            predicted = classify(feats, t).select("a", "b", pl.col("relation").alias("predicted"))
            judged = gold.join(predicted, on=["a", "b"], how="left").with_columns(pl.col("predicted").fill_null("none"))
            results.append((macro_f1(scores(judged)), {"sentence_match_cosine": match, **dict(zip(GRID, values))}))
    return sorted(results, key=lambda r: -r[0])


def seed_features(path: str, sentence_match: float) -> tuple[pl.DataFrame, dict[int, str]]:
    """Every seed pair's features (blocking opened up so all ten pairs are scored)."""
    import duckdb

    with duckdb.connect(path, read_only=True) as con:
        seeds = con.execute("SELECT article_id, body, published_at, left(source_path, 3) AS seed FROM articles").pl()
        mentions = con.execute("SELECT article_id, entity_id FROM entity_mentions").pl()
    base = dict(thresholds(), blocking_min_shared=1, rewrite_cosine=0.0, sentence_match_cosine=sentence_match)
    docs, feats = scored_candidates(seeds, mentions, base)
    seed_of = dict(zip(seeds["article_id"].to_list(), seeds["seed"].to_list()))
    names = {doc: seed_of[aid] for doc, aid in zip(docs["doc"].to_list(), docs["article_id"].to_list())}
    return feats, names


def seeds_pass(feats: pl.DataFrame, names: dict[int, str], t: dict) -> bool:
    linked = classify(feats, t).filter(pl.col("relation").is_not_null())
    pairs = {(names[a], names[b]): r for a, b, r in linked.select("a", "b", "relation").iter_rows()}
    rel = {tuple(sorted(k)): v for k, v in pairs.items()}
    if rel.get(("000", "001")) != "rewrite":
        return False
    if any("003" in k and v in ("exact_duplicate", "near_duplicate") for k, v in rel.items()):
        return False
    group = {"000"}
    for _ in range(4):
        group |= {x for k in rel for x in k if group & set(k)}
    return {"000", "001", "002", "004"} <= group


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--background", type=int, default=2000)
    parser.add_argument("--entities", action="store_true")
    parser.add_argument("--seeds-warehouse", help="keep only settings that meet the seed conditions")
    args = parser.parse_args()
    gold, per_match = judged_features(args.background, args.entities)
    ranked = search(gold, per_match)
    if args.seeds_warehouse:
        seeds = {m: seed_features(args.seeds_warehouse, m) for m in SENTENCE_MATCH}
        ranked = [(f1, s) for f1, s in ranked
                  if seeds_pass(*seeds[s["sentence_match_cosine"]], dict(thresholds(), **s))]
    for f1, setting in ranked[:15]:
        print(f"{f1:.3f} {setting}")


if __name__ == "__main__":
    main()
