"""load: write one run's stage outputs into the DuckDB warehouse, atomically."""

from datetime import datetime, timezone

import dagster as dg
import polars as pl

from pipelines.assets.meta import counts_by, preview
from pipelines.checks.factory import warehouse_check_results, warehouse_check_specs
from pipelines.checks.gx_worker import Validator
from pipelines.checks.quality_log import clear_quality_log, pending_quality_log
from pipelines.checks.warehouse_suite import validate_warehouse
from pipelines.resources import PipelineConfig, columns_in, release_freed_memory
from pipelines.transforms.inventory import quarantine_rows, with_rejected_originals
from pipelines.warehouse import Batch, load_batch, staged_warehouse, table_counts


# The articles table has no `blocks` (paragraphs hold them): not loading them saves a second copy of every body.
ARTICLE_COLUMNS = ("article_id", "source_path", "source_format", "content_sha256", "title", "author", "published_at",
                   "site", "url", "language", "body", "word_count", "ingested_at")


@dg.asset(group_name="load", description="The DuckDB warehouse file: every table upserted in one transaction.",
          check_specs=warehouse_check_specs(), ins={"articles": columns_in("articles", *ARTICLE_COLUMNS)})
def warehouse(
    context: dg.AssetExecutionContext,
    pipeline: PipelineConfig,
    gx: dg.ResourceParam[Validator],
    ingest_ledger: pl.DataFrame,
    articles: pl.DataFrame,
    boilerplate: pl.DataFrame,
    clean_rejections: pl.DataFrame,
    paragraphs: pl.DataFrame,
    entity_mentions: pl.DataFrame,
    entities: pl.DataFrame,
    entity_aliases: pl.DataFrame,
    figures: pl.DataFrame,
    article_links: pl.DataFrame,
    stories: pl.DataFrame,
    story_members: pl.DataFrame,
    figure_claims: pl.DataFrame,
) -> dg.MaterializeResult:
    started = datetime.now(timezone.utc).replace(tzinfo=None)
    release_freed_memory()  # earlier steps' leftovers, before DuckDB takes its share
    ingest_ledger = with_rejected_originals(ingest_ledger, clean_rejections)  # copies share their original's fate
    quarantine = pl.concat([quarantine_rows(ingest_ledger), clean_rejections.select(quarantine_rows(ingest_ledger).columns)])
    outcomes = counts_by(ingest_ledger, "outcome")
    # Stage check results wait in a Parquet log (only this step writes DuckDB); they go in with the batch.
    quality, quality_files = pending_quality_log(pipeline.warehouse_path)
    batch = Batch(
        ledger=ingest_ledger,
        articles=articles,
        tables={"boilerplate": boilerplate, "paragraphs": paragraphs, "entity_mentions": entity_mentions, "figures": figures,
                "quality_results": quality},
        replace_whole={"entities": entities, "entity_aliases": entity_aliases, "article_links": article_links,
                       "stories": stories, "figure_claims": figure_claims},
        story_ids=story_members,
        quarantine=quarantine,
        run_row={
            "run_id": context.run.run_id, "started_at": started, "finished_at": datetime.now(timezone.utc).replace(tzinfo=None),
            "inbox": pipeline.inbox, "files_seen": ingest_ledger.height, "articles_loaded": articles.height,
            "articles_unchanged": outcomes.get("unchanged", 0), "articles_deleted": None,
            "quarantined": quarantine.height, "duplicates": outcomes.get("duplicate", 0),
        },
    )
    # Written to a copy and swapped in: readers are never locked out, a crash leaves the old file.
    # The cross-table suite validates the staged copy: a blocking failure discards it.
    with staged_warehouse(pipeline.warehouse_path) as con:
        loaded = load_batch(con, batch)
        outcomes = validate_warehouse(con, context.run.run_id, min_body_words=pipeline.min_body_words, validate=gx.validate)
        blocked = [o for o in outcomes if o.check.blocking and not o.passed]
        if blocked:
            raise dg.Failure(
                description="warehouse checks failed, the previous warehouse is kept: "
                + "; ".join(f"{o.check.name} ({o.observed})" for o in blocked),
                metadata={o.check.name: o.observed for o in blocked},
            )
        counts = table_counts(con)
    clear_quality_log(quality_files)
    context.log.info(f"loaded {loaded}; warehouse now {counts}")
    return dg.MaterializeResult(check_results=warehouse_check_results(outcomes), metadata={
        "path": pipeline.warehouse,
        "rows_loaded": dg.MetadataValue.json(loaded),
        "table_counts": dg.MetadataValue.json(counts),
        "preview": dg.MetadataValue.md(preview(pl.DataFrame(
            {"table": list(counts), "rows": list(counts.values()), "loaded_now": [loaded.get(t) for t in counts]}), rows=50)),
    })
