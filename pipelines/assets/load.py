"""load: write one run's stage outputs into the DuckDB warehouse, atomically."""

from datetime import datetime, timezone

import dagster as dg
import polars as pl

from pipelines.assets.meta import counts_by
from pipelines.resources import PipelineConfig
from pipelines.transforms.inventory import quarantine_rows
from pipelines.warehouse import Batch, load_batch, staged_warehouse, table_counts


@dg.asset(group_name="load", description="The DuckDB warehouse file: every table upserted in one transaction.")
def warehouse(
    context: dg.AssetExecutionContext,
    pipeline: PipelineConfig,
    ingest_ledger: pl.DataFrame,
    articles: pl.DataFrame,
    boilerplate: pl.DataFrame,
    clean_rejections: pl.DataFrame,
    paragraphs: pl.DataFrame,
    entity_mentions: pl.DataFrame,
    entities: pl.DataFrame,
    entity_aliases: pl.DataFrame,
    figures: pl.DataFrame,
) -> dg.MaterializeResult:
    started = datetime.now(timezone.utc).replace(tzinfo=None)
    quarantine = pl.concat([quarantine_rows(ingest_ledger), clean_rejections.select(quarantine_rows(ingest_ledger).columns)])
    outcomes = counts_by(ingest_ledger, "outcome")
    batch = Batch(
        ledger=ingest_ledger,
        articles=articles,
        tables={"boilerplate": boilerplate, "paragraphs": paragraphs, "entity_mentions": entity_mentions, "figures": figures},
        replace_whole={"entities": entities, "entity_aliases": entity_aliases},
        quarantine=quarantine,
        run_row={
            "run_id": context.run.run_id, "started_at": started, "finished_at": datetime.now(timezone.utc).replace(tzinfo=None),
            "inbox": pipeline.inbox, "files_seen": ingest_ledger.height, "articles_loaded": articles.height,
            "articles_unchanged": outcomes.get("unchanged", 0), "articles_deleted": None,
            "quarantined": quarantine.height, "duplicates": outcomes.get("duplicate", 0),
        },
    )
    # Written to a copy and swapped in: readers are never locked out, a crash leaves the old file.
    with staged_warehouse(pipeline.warehouse_path) as con:
        loaded = load_batch(con, batch)
        counts = table_counts(con)
    context.log.info(f"loaded {loaded}; warehouse now {counts}")
    return dg.MaterializeResult(metadata={
        "path": pipeline.warehouse,
        "rows_loaded": dg.MetadataValue.json(loaded),
        "table_counts": dg.MetadataValue.json(counts),
    })
