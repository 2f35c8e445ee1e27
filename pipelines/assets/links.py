"""links: duplicates, rewrites and same-story links between articles, stories, corroborated figures.

All three are global over the warehouse, so each run recomputes them over every live article:
the rows the warehouse keeps (read back with kept_rows.sql) plus this run's new ones.
"""

import dagster as dg
import polars as pl

from pipelines.assets.meta import counts_by, declared_columns, frame_metadata, stage_out
from pipelines.resources import PipelineConfig, columns_in, release_freed_memory
from pipelines.sqlfiles import sql
from pipelines.warehouse import read_existing

ARTICLE_COLUMNS = ("article_id", "source_path", "title", "site", "published_at", "body")


def every_live(pipeline: PipelineConfig, table: str, fresh: pl.DataFrame, ledger: pl.DataFrame,
               columns: tuple[str, ...]) -> pl.DataFrame:
    """This run's rows of `table` plus the warehouse's kept rows of articles still in the inbox."""
    fresh = fresh.select(columns)
    kept = read_existing(pipeline.warehouse_path, sql("load/kept_rows").format(table=table), ledger=ledger)
    if kept is None or kept.height == 0:
        return fresh
    live = read_existing(pipeline.warehouse_path, "SELECT article_id, source_path FROM articles WHERE NOT is_deleted")
    live = live.filter(pl.col("source_path").is_in(ledger["source_path"].implode())).select("article_id")
    kept = kept.join(live, on="article_id", how="semi").select(columns).cast(fresh.schema)
    return pl.concat([kept, fresh]) if fresh.height else kept


@dg.asset(group_name="links", metadata=declared_columns("article_links"),
          description="Pairs of related articles: exact/near duplicates, rewrites, same story.",
          ins={"articles": columns_in("articles", *ARTICLE_COLUMNS),
               "entity_mentions": columns_in("entity_mentions", "article_id", "entity_id")})
def article_links(pipeline: PipelineConfig, ingest_ledger: pl.DataFrame, articles: pl.DataFrame,
                  entity_mentions: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    # The linking code (numpy/scipy, word frequencies) loads when a run links, not with the code location.
    from pipelines.transforms.links import link_articles

    release_freed_memory()  # NER's leftovers, before linking builds its similarity structures
    every = every_live(pipeline, "articles", articles, ingest_ledger, ARTICLE_COLUMNS)
    mentions = every_live(pipeline, "entity_mentions", entity_mentions, ingest_ledger, ("article_id", "entity_id")) \
        if entity_mentions.width else None
    links = link_articles(every, mentions)
    return dg.Output(links, metadata=frame_metadata(links, by_relation=counts_by(links, "relation"),
                                                    articles_compared=every.height))


@dg.multi_asset(
    group_name="links",
    outs={
        "stories": stage_out("stories", "Connected groups of linked articles; an unlinked article is a story of one."),
        "story_members": stage_out("story_members", "article_id -> story_id for every live article."),
    },
    ins={"articles": columns_in("articles", *ARTICLE_COLUMNS)},
)
def stories(pipeline: PipelineConfig, ingest_ledger: pl.DataFrame, articles: pl.DataFrame, article_links: pl.DataFrame):
    from pipelines.transforms.links import stories_table, story_members

    every = every_live(pipeline, "articles", articles, ingest_ledger, ARTICLE_COLUMNS)
    members = story_members(every["article_id"].to_list(), article_links)
    table = stories_table(every, members)
    multi = table.filter(pl.col("article_count") > 1).height
    yield dg.Output(table, "stories", metadata=frame_metadata(table, stories_of_several_articles=multi))
    yield dg.Output(members, "story_members", metadata=frame_metadata(members))


@dg.asset(group_name="links", metadata=declared_columns("figure_claims"),
          description="Figures reported by several articles of a story, consistent or conflicting.",
          ins={"articles": columns_in("articles", "article_id", "site")})
def figure_claims(pipeline: PipelineConfig, ingest_ledger: pl.DataFrame, articles: pl.DataFrame,
                  figures: pl.DataFrame, story_members: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    from pipelines.transforms.links import figure_claims as build_claims

    every_article = every_live(pipeline, "articles", articles, ingest_ledger, ("article_id", "site"))
    every_figure = every_live(pipeline, "figures", figures, ingest_ledger, tuple(figures.columns)) \
        if figures.width else figures
    claims = build_claims(every_figure, story_members, every_article)
    return dg.Output(claims, metadata=frame_metadata(claims, by_agreement=counts_by(claims, "agreement")))
