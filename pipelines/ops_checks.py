"""Operational checks on the `warehouse` asset: the accounting invariant.

Every input of the run (a file, or a JSONL line) ends as exactly one of: a live article, a
duplicate record, a quarantine row. The load itself refuses to commit a batch that breaks this
(`warehouse.load_batch`), so a failure here means the file was changed behind the pipeline's back.
"""
from __future__ import annotations

import dagster as dg
import polars as pl

from pipelines.resources import PipelineConfig
from pipelines.warehouse import accounting_violations, open_warehouse


@dg.asset_check(
    asset="warehouse",
    additional_ins={"ingest_ledger": dg.AssetIn("ingest_ledger")},
    blocking=True,
    description="Every input ends as exactly one article, duplicate record or quarantine row.",
)
def accounting_invariant(pipeline: PipelineConfig, ingest_ledger: pl.DataFrame) -> dg.AssetCheckResult:
    with open_warehouse(pipeline.warehouse_path, read_only=True) as con:
        bad = accounting_violations(con, ingest_ledger)
    return dg.AssetCheckResult(
        passed=bad.height == 0,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={
            "inputs": ingest_ledger.height,
            "violations": bad.height,
            "examples": dg.MetadataValue.json(bad.head(10).to_dicts()),
        },
    )


def ops_checks() -> list:
    return [accounting_invariant]
