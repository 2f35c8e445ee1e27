"""ingest: read every inbox file; new or changed records go on, everything lands in the ledger."""

import dagster as dg

from pipelines.assets.meta import counts_by, frame_metadata
from pipelines.resources import PipelineConfig
from pipelines.transforms.ingest import scan_inbox
from pipelines.transforms.inventory import plan_ingest
from pipelines.warehouse import known_sources


@dg.multi_asset(
    group_name="ingest",
    outs={
        "raw_articles": dg.AssetOut(description="Inbox records that are new or changed since the last load, decoded."),
        "ingest_ledger": dg.AssetOut(description="One row per input seen: new, changed, unchanged, duplicate or quarantined."),
    },
)
def ingest(context: dg.AssetExecutionContext, pipeline: PipelineConfig):
    found = scan_inbox(pipeline.inbox_path, max_file_bytes=pipeline.max_file_bytes)
    known = known_sources(pipeline.warehouse_path)
    plan = plan_ingest(found, known, full=pipeline.full_refresh)
    context.log.info(f"inbox {pipeline.inbox}: {counts_by(plan.ledger, 'outcome')}")
    yield dg.Output(plan.raw_articles, "raw_articles", metadata=frame_metadata(plan.raw_articles))
    yield dg.Output(plan.ledger, "ingest_ledger", metadata=frame_metadata(
        plan.ledger, outcomes=counts_by(plan.ledger, "outcome"), reasons=counts_by(plan.ledger.drop_nulls("reason"), "reason")))
