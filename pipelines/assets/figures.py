"""figures: numeric facts in body paragraphs, normalized (value, unit, currency, qualifier, subject)."""

import dagster as dg
import polars as pl

from pipelines.assets.meta import counts_by, declared_columns, frame_metadata
from pipelines.resources import PipelineConfig, columns_in, release_freed_memory
from pipelines.transforms.figures import LANGUAGE, figures_frame
from pipelines.transforms.language_scope import paragraphs_in_language


@dg.asset(group_name="figures", metadata=declared_columns("figures"),
          description="Money, percents, counts, quantities, durations, ordinals, years and dates.",
          ins={"paragraphs": columns_in("paragraphs", "article_id", "paragraph_index", "text"),
               "articles": columns_in("articles", "article_id", "published_at", "language")})
def figures(context: dg.AssetExecutionContext, pipeline: PipelineConfig, paragraphs: pl.DataFrame,
            articles: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    release_freed_memory()  # what NER freed goes back to the OS before figures allocate their own
    paragraphs, skipped = paragraphs_in_language(paragraphs, articles, LANGUAGE)
    if skipped:
        context.log.info(f"figures skip {sum(skipped.values())} articles not in {LANGUAGE}: {skipped}")
    dated = paragraphs.join(articles.select("article_id", "published_at"), on="article_id", how="left")
    frame = figures_frame(dated.select("article_id", "paragraph_index", "text", "published_at"),
                          n_process=pipeline.n_process)
    return dg.Output(frame, metadata=frame_metadata(frame, by_kind=counts_by(frame, "kind"),
                                                    articles_in_other_languages=skipped))
