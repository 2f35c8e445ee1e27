"""figure_claims: the same figure (kind, unit, counted noun) reported by several articles of a story.

Each report becomes an interval around its value (its qualifier decides how wide: "over 40" is
[40, inf), "about 40" is [34, 46]); reports agree when one value lies in every interval.
"""
from __future__ import annotations

import hashlib
import json
from functools import cache

import polars as pl

from pipelines.transforms.links.text import DATA_DIR, stem, words
from pipelines.transforms.schemas import CLAIM_SCHEMA


@cache
def claim_rules() -> dict:
    return json.loads((DATA_DIR / "claims.json").read_text(encoding="utf-8"))


def subject_key(subject: str | None) -> str | None:
    """The counted noun: last word of the subject, stemmed ("Russia's long-range bombers" -> "bomber")."""
    tokens = [t for t in words(subject or "") if t not in claim_rules()["subject_skip_words"]]
    return stem(tokens[-1]) if tokens else None


def report_intervals(figures: pl.DataFrame) -> pl.DataFrame:
    """Adds lo/hi: the values each report allows, from its qualifier's factors (null hi = unbounded)."""
    rules = claim_rules()
    table = pl.DataFrame([{"qualifier": q, "f_lo": lo, "f_hi": hi} for q, (lo, hi) in rules["qualifier_interval"].items()],
                         schema={"qualifier": pl.String, "f_lo": pl.Float64, "f_hi": pl.Float64})
    lo_default, hi_default = rules["default_interval"]
    known = pl.col("qualifier").is_in(table["qualifier"].to_list())
    joined = figures.join(table, on="qualifier", how="left").with_columns(
        pl.when(known).then(pl.col("f_lo")).otherwise(lo_default).alias("f_lo"),
        pl.when(known).then(pl.col("f_hi")).otherwise(hi_default).alias("f_hi"))
    top = pl.coalesce("value_high", "value")
    return joined.with_columns((pl.col("value") * pl.col("f_lo")).alias("lo"),
                               (top * pl.col("f_hi")).fill_null(float("inf")).alias("hi"))


def claim_reports(figures: pl.DataFrame, members: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Figures that can be corroborated, keyed by (story, kind, unit, subject noun)."""
    kinds = claim_rules()["kinds"]
    usable = figures.filter(pl.col("kind").is_in(kinds) & pl.col("value").is_not_null()
                            & pl.col("subject").is_not_null() & pl.col("converted_from_figure_id").is_null())
    keyed = usable.with_columns(
        pl.col("subject").map_elements(subject_key, return_dtype=pl.String).alias("subject_key"),
        pl.coalesce("currency", "unit", pl.lit("")).alias("unit_key"))
    keyed = keyed.filter(pl.col("subject_key").is_not_null())
    return (keyed.join(members, on="article_id").join(articles.select("article_id", "site"), on="article_id", how="left"))


def figure_claims(figures: pl.DataFrame, members: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """One row per figure reported by two or more articles of the same story."""
    if figures.height == 0 or members.height == 0:
        return pl.DataFrame(schema=CLAIM_SCHEMA)
    reports = report_intervals(claim_reports(figures, members, articles))
    key = ["story_id", "kind", "unit_key", "subject_key"]
    grouped = reports.sort("figure_id").group_by(key).agg(
        pl.col("subject").sort_by(pl.col("subject").str.len_chars()).first().alias("subject"),
        pl.col("value").min().alias("value_low"),
        pl.coalesce("value_high", "value").max().alias("value_high"),
        pl.col("article_id").n_unique().cast(pl.Int32).alias("article_count"),
        pl.col("site").drop_nulls().n_unique().cast(pl.Int32).alias("site_count"),
        (pl.col("lo").max() <= pl.col("hi").min()).alias("overlap"),
        pl.col("figure_id").alias("figure_ids"),
    ).filter(pl.col("article_count") >= 2)
    out = grouped.with_columns(
        pl.concat_str([pl.col(c).fill_null("") for c in key], separator="|")
          .map_elements(lambda k: "claim_" + hashlib.sha1(k.encode("utf-8")).hexdigest()[:16], return_dtype=pl.String)
          .alias("claim_id"),
        pl.when(pl.col("overlap")).then(pl.lit("consistent")).otherwise(pl.lit("conflicting")).alias("agreement"),
        pl.col("unit_key").replace("", None).alias("unit"))
    return out.select(*CLAIM_SCHEMA).cast(CLAIM_SCHEMA).sort("claim_id")
