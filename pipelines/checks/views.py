"""The frames a suite validates: a stage's output with derived columns, or a small derived frame.

GX has no expectation for "the text at [char_start, char_end) of the paragraph equals `text`", nor
for "value is finite", so these are computed here, in polars, as boolean columns that the suites
expect to be true (`expect_column_values_to_be_in_set` [true]). Pure functions: frames in, frames out.
"""
from __future__ import annotations

from collections.abc import Callable

import polars as pl

from pipelines.checks.known_boilerplate import flag_known_boilerplate
from pipelines.transforms.words import WORD_PATTERN


def with_offset_checks(frame: pl.DataFrame, source: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """Add `offsets_inside` (0 <= char_start < char_end <= len(source text)) and `text_at_offsets`.

    `source` holds `keys` and `source_text`; a row without a source counts as outside.
    """
    joined = frame.join(source.unique(subset=keys, keep="first"), on=keys, how="left")
    start, end = pl.col("char_start"), pl.col("char_end")
    inside = (start >= 0) & (start < end) & (end <= pl.col("source_text").str.len_chars())
    at = pl.col("source_text").str.slice(start, end - start) == pl.col("text")
    return joined.with_columns(
        offsets_inside=inside.fill_null(False),
        text_at_offsets=(inside & at).fill_null(False),
    ).drop("source_text")


def is_finite_or_null(column: str) -> pl.Expr:
    return pl.col(column).is_null() | pl.col(column).is_finite()


def paragraph_texts(paragraphs: pl.DataFrame) -> pl.DataFrame:
    return paragraphs.select("article_id", "paragraph_index", pl.col("text").alias("source_text"))


def articles_views(frames: dict[str, pl.DataFrame], params: dict) -> dict[str, pl.DataFrame]:
    articles = frames["articles"].with_columns(body_words=pl.col("body").fill_null("").str.count_matches(WORD_PATTERN))
    rates = site_boilerplate_rates(articles, frames["boilerplate"], frames.get("site_history"),
                                   min_articles=params["min_site_articles"])
    return {"articles": articles, "site_boilerplate": rates}


def paragraphs_views(frames: dict[str, pl.DataFrame], params: dict) -> dict[str, pl.DataFrame]:
    bodies = frames["articles"].select("article_id", pl.col("body").alias("source_text"))
    checked = with_offset_checks(frames["paragraphs"], bodies, ["article_id"])
    flagged = checked.with_columns(
        known_boilerplate=flag_known_boilerplate(pl.col("text"), params["boilerplate_reasons"]).fill_null(False))
    return {"paragraphs": flagged}


def entity_mentions_views(frames: dict[str, pl.DataFrame], params: dict) -> dict[str, pl.DataFrame]:
    texts = paragraph_texts(frames["paragraphs"])
    return {"entity_mentions": with_offset_checks(frames["entity_mentions"], texts, ["article_id", "paragraph_index"])}


def figures_views(frames: dict[str, pl.DataFrame], params: dict) -> dict[str, pl.DataFrame]:
    texts = paragraph_texts(frames["paragraphs"])
    checked = with_offset_checks(frames["figures"], texts, ["article_id", "paragraph_index"])
    return {"figures": checked.with_columns(value_finite=is_finite_or_null("value") & is_finite_or_null("value_high"))}


def site_boilerplate_rates(articles: pl.DataFrame, boilerplate: pl.DataFrame, history: pl.DataFrame | None,
                           *, min_articles: int) -> pl.DataFrame:
    """Per site: this run's share of removed lines, the warehouse's share before, and the jump.

    The share is removed lines / (removed lines + body blocks). Sites with fewer than
    `min_articles` articles in this run, or no history, have a jump of 0 (too little to compare).
    """
    removed = boilerplate.group_by("article_id").agg(removed=pl.len())
    per_article = articles.select("article_id", "site", kept=pl.col("blocks").list.len()).join(
        removed, on="article_id", how="left").with_columns(pl.col("removed").fill_null(0))
    now = _rate_by_site(per_article, "rate", "articles")
    if history is None or history.height == 0:
        return now.with_columns(baseline_rate=pl.lit(None, pl.Float64), rate_jump=pl.lit(0.0))
    before = _rate_by_site(history.join(articles.select("article_id"), on="article_id", how="anti"),
                           "baseline_rate", "baseline_articles")
    joined = now.join(before, on="site", how="left")
    comparable = (pl.col("articles") >= min_articles) & pl.col("baseline_rate").is_not_null()
    return joined.with_columns(rate_jump=pl.when(comparable).then(pl.col("rate") - pl.col("baseline_rate")).otherwise(0.0))


def _rate_by_site(per_article: pl.DataFrame, rate: str, count: str) -> pl.DataFrame:
    total = pl.col("removed").sum() + pl.col("kept").sum()
    return per_article.with_columns(pl.col("site").fill_null("(none)")).group_by("site").agg(
        pl.when(total > 0).then(pl.col("removed").sum() / total).otherwise(0.0).alias(rate),
        pl.len().alias(count),
    )


def identity_view(name: str) -> Callable[[dict[str, pl.DataFrame], dict], dict[str, pl.DataFrame]]:
    return lambda frames, params: {name: frames[name]}


VIEWS = {
    "raw_articles": identity_view("raw_articles"),
    "articles": articles_views,
    "paragraphs": paragraphs_views,
    "entity_mentions": entity_mentions_views,
    "entities": identity_view("entities"),
    "figures": figures_views,
}
