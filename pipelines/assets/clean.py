"""clean: strip boilerplate, keep metadata; removed lines and rejected records kept for audit."""

import dagster as dg
import polars as pl

from pipelines.assets.meta import counts_by, frame_metadata, stage_out
from pipelines.resources import PipelineConfig, release_freed_memory
from pipelines.settings import language_codes


@dg.multi_asset(
    group_name="clean",
    outs={
        "articles": stage_out("articles",
                              "Cleaned articles: metadata and body blocks (paragraphs, headings, list items)."),
        "boilerplate": stage_out("boilerplate", "Every line removed by the cleaner, with its reason code."),
        "clean_rejections": stage_out("clean_rejections",
                                      "Records with no usable body after cleaning (become quarantine rows)."),
    },
)
def clean(context: dg.AssetExecutionContext, pipeline: PipelineConfig, raw_articles: pl.DataFrame):
    # The cleaner (trafilatura, lxml, language data) loads when a run cleans, not with the code location.
    from pipelines.transforms.clean import clean_articles

    release_freed_memory()  # ingest's leftovers go back to the OS before cleaning allocates its own
    out = clean_articles(raw_articles, min_body_words=pipeline.min_body_words, languages=language_codes(pipeline.languages),
                         n_process=pipeline.n_process)
    yield dg.Output(out.articles, "articles", metadata=frame_metadata(out.articles, by_format=counts_by(out.articles, "source_format")))
    yield dg.Output(out.boilerplate, "boilerplate", metadata=frame_metadata(out.boilerplate, by_reason=counts_by(out.boilerplate, "reason")))
    yield dg.Output(out.rejected, "clean_rejections", metadata=frame_metadata(out.rejected, by_reason=counts_by(out.rejected, "reason")))
