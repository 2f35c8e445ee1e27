"""segment: article bodies -> paragraphs with kinds and character offsets."""

import dagster as dg
import polars as pl

from pipelines.assets.meta import counts_by, declared_columns, frame_metadata
from pipelines.transforms.segment import segment_articles


@dg.asset(group_name="segment", metadata=declared_columns("paragraphs"),
          description="Body paragraphs, headings and list items with offsets into articles.body.")
def paragraphs(articles: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    frame = segment_articles(articles)
    return dg.Output(frame, metadata=frame_metadata(frame, by_kind=counts_by(frame, "kind")))
