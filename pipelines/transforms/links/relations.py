"""Relation of a scored pair, strongest first: exact_duplicate > near_duplicate > rewrite > same_story."""
from __future__ import annotations

import json
from functools import cache

import polars as pl

from pipelines.transforms.links.text import DATA_DIR

RELATIONS = ("exact_duplicate", "near_duplicate", "rewrite", "same_story")


@cache
def thresholds() -> dict:
    return json.loads((DATA_DIR / "thresholds.json").read_text(encoding="utf-8"))


def story_score(t: dict) -> pl.Expr:
    """How strongly two reports look like the same event: word overlap, mixed with entity overlap when known."""
    w = t["same_story_entity_weight"]
    return pl.when(pl.col("entity_overlap").is_null()).then(pl.col("cosine")) \
        .otherwise((1 - w) * pl.col("cosine") + w * pl.col("entity_overlap"))


def same_facts(t: dict, prefix: str) -> pl.Expr:
    """The numbers (and, when known, the entities) mostly agree: what a template look-alike lacks."""
    entities_agree = pl.col("entity_overlap").is_null() | (pl.col("entity_overlap") >= t[f"{prefix}_min_entity_overlap"])
    return (pl.col("number_overlap") >= t[f"{prefix}_min_number_overlap"]) & entities_agree


def is_near_duplicate(t: dict) -> pl.Expr:
    return (pl.col("jaccard") >= t["near_duplicate_jaccard"]) & same_facts(t, "near_duplicate")


def may_be_rewrite(t: dict) -> pl.Expr:
    """Every rewrite condition but sentence alignment, which is costly and computed only for these pairs."""
    return (~pl.col("exact") & ~is_near_duplicate(t) & (pl.col("cosine") >= t["rewrite_cosine"])
            & same_facts(t, "rewrite") & (pl.col("length_ratio") >= t["rewrite_min_length_ratio"]))


def classify(features: pl.DataFrame, t: dict | None = None) -> pl.DataFrame:
    """Adds `relation` (null = no link) and `score` (the feature that decided it)."""
    t = t or thresholds()
    near_in_time = pl.col("days_apart").is_null() | (pl.col("days_apart") <= t["same_story_max_days"])
    relation = (pl.when(pl.col("exact")).then(pl.lit("exact_duplicate"))
                .when(is_near_duplicate(t)).then(pl.lit("near_duplicate"))
                .when(may_be_rewrite(t) & (pl.col("aligned") >= t["rewrite_min_aligned"])).then(pl.lit("rewrite"))
                .when((story_score(t) >= t["same_story_score"]) & near_in_time).then(pl.lit("same_story"))
                .otherwise(pl.lit(None, dtype=pl.String)))
    score = (pl.when(relation == "exact_duplicate").then(1.0)
             .when(relation == "near_duplicate").then(pl.col("jaccard"))
             .when(relation == "rewrite").then(pl.col("cosine"))
             .otherwise(story_score(t)))
    return features.with_columns(relation.alias("relation"), score.alias("score"))


def keep_strongest_story_links(links: pl.DataFrame, neighbours: int) -> pl.DataFrame:
    """same_story links only to each article's `neighbours` best partners, so clusters do not chain."""
    story = links.filter(pl.col("relation") == "same_story")
    if story.height == 0:
        return links
    ranked = pl.concat([story.select("a", "b", pl.col("a").alias("me"), "score"),
                        story.select("a", "b", pl.col("b").alias("me"), "score")])
    best = (ranked.sort(["me", "score", "a", "b"], descending=[False, True, False, False])
            .group_by("me", maintain_order=True).head(neighbours).select("a", "b").unique())
    return pl.concat([links.filter(pl.col("relation") != "same_story"),
                      story.join(best, on=["a", "b"], how="semi")])
