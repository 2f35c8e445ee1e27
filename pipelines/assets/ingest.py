"""ingest: read every inbox file; new or changed records go on, everything lands in the ledger."""

import dagster as dg

from pipelines.assets.meta import counts_by, frame_metadata
from pipelines.resources import PipelineConfig
from pipelines.transforms.ingest import scan_inbox
from pipelines.checks.quality_log import pending_quality_log
from pipelines.transforms.inventory import load_index, pending_changes, plan_ingest, save_index, unchanged_inbox
from pipelines.warehouse import known_sources


@dg.multi_asset(
    group_name="ingest",
    outs={
        # Not required: when nothing changed neither is emitted, and every step after ingest is skipped.
        "raw_articles": dg.AssetOut(description="Inbox records that are new or changed since the last load, decoded.",
                                    is_required=False),
        "ingest_ledger": dg.AssetOut(description="One row per input seen: new, changed, unchanged, duplicate or quarantined.",
                                     is_required=False),
    },
)
def ingest(context: dg.AssetExecutionContext, pipeline: PipelineConfig):
    # Files whose stat is unchanged since an earlier scan are not read again (a full refresh reads all).
    index = None if pipeline.full_refresh else load_index(pipeline.inbox_index_path)
    found = scan_inbox(pipeline.inbox_path, max_file_bytes=pipeline.max_file_bytes, reuse=index and index.reuse)
    known = known_sources(pipeline.warehouse_path)
    plan = plan_ingest(found, known, full=pipeline.full_refresh)
    save_index(found, pipeline.inbox_index_path)
    context.log.info(f"inbox {pipeline.inbox}: {found.files_reused} files unchanged since they were last read (not read again)")
    context.log.info(f"inbox {pipeline.inbox}: {counts_by(plan.ledger, 'outcome')}")
    if _nothing_to_do(plan.ledger, known, pipeline):
        context.log.info("nothing changed since the last load: the rest of the graph is skipped")
        return
    yield dg.Output(plan.raw_articles, "raw_articles", metadata=frame_metadata(plan.raw_articles))
    yield dg.Output(plan.ledger, "ingest_ledger", metadata=frame_metadata(
        plan.ledger, outcomes=counts_by(plan.ledger, "outcome"), reasons=counts_by(plan.ledger.drop_nulls("reason"), "reason")))


def nothing_to_load(pipeline: PipelineConfig) -> bool:
    """Before a run, from file stats alone (no file read): is every inbox file exactly as ingest last
    read it, and all of that already in the warehouse? Then the run needs only the ingest step."""
    if pipeline.full_refresh or not pipeline.warehouse_path.exists():
        return False
    found = unchanged_inbox(pipeline.inbox_path, load_index(pipeline.inbox_index_path),
                            max_file_bytes=pipeline.max_file_bytes)
    if found is None:
        return False
    known = known_sources(pipeline.warehouse_path)
    return _nothing_to_do(plan_ingest(found, known).ledger, known, pipeline)


def _nothing_to_do(ledger, known, pipeline: PipelineConfig) -> bool:
    """A rerun over an unchanged inbox (and no check results waiting for a load) does nothing."""
    if pipeline.full_refresh or not pipeline.warehouse_path.exists():
        return False
    return pending_changes(ledger, known) == 0 and not pending_quality_log(pipeline.warehouse_path)[1]
