"""One altair chart per report section: polars frame in, Vega-Lite spec (a dict) out."""
from __future__ import annotations

import altair as alt
import polars as pl

WIDTH = 560
STORY_LABEL_PX = 400  # sql/report/articles_per_story.sql cuts titles to 45 characters
PASS_FAIL = alt.Scale(domain=["passed", "failed"], range=["#2e7d32", "#c62828"])


def top_entities(frame: pl.DataFrame) -> dict:
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("mentions:Q", title="mentions"),
        y=alt.Y("name:N", sort="-x", title=None),
        color=alt.Color("label:N", title="label"),
        tooltip=["name", "label", "mentions", "articles"],
    ).properties(width=WIDTH, title="Top entities by mentions").to_dict()


def figures_by_kind(frame: pl.DataFrame) -> dict:
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("figures:Q", title="figures"),
        y=alt.Y("kind:N", sort="-x", title=None),
        tooltip=["kind", "figures"],
    ).properties(width=WIDTH, title="Figures by kind").to_dict()


def boilerplate_by_reason_site(frame: pl.DataFrame) -> dict:
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("sum(lines_removed):Q", title="lines removed"),
        y=alt.Y("reason:N", sort="-x", title=None),
        color=alt.Color("site:N", title="site"),
        tooltip=["reason", "site", "lines_removed"],
    ).properties(width=WIDTH, title="Boilerplate removed, by reason and site").to_dict()


def articles_per_story(frame: pl.DataFrame) -> dict:
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("articles:Q", title="articles", axis=alt.Axis(tickMinStep=1)),
        # wide enough for the whole label: its end is the story id that tells same-titled stories apart
        y=alt.Y("story:N", sort="-x", title=None, axis=alt.Axis(labelLimit=STORY_LABEL_PX)),
        tooltip=["story", "articles", "example_article"],
    ).properties(width=WIDTH, title="Articles per story").to_dict()


def check_results(frame: pl.DataFrame) -> dict:
    outcome = frame.with_columns(
        pl.when(pl.col("passed")).then(pl.lit("passed")).otherwise(pl.lit("failed")).alias("outcome"))
    return alt.Chart(outcome).mark_bar().encode(
        x=alt.X("count():Q", title="checks", axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("asset:N", title=None),
        color=alt.Color("outcome:N", scale=PASS_FAIL, title="outcome"),
        tooltip=["asset", "check_name", "severity", "outcome", "observed"],
    ).properties(width=WIDTH, title="Data-quality checks of the latest run").to_dict()


CHARTS = {
    "top_entities": top_entities,
    "figures_by_kind": figures_by_kind,
    "boilerplate_by_reason_site": boilerplate_by_reason_site,
    "articles_per_story": articles_per_story,
    "check_results": check_results,
}
