"""run_report: report.html beside the warehouse, charts of what the run left in it."""
from __future__ import annotations

import dagster as dg

from pipelines.assets.meta import owners_for
from pipelines.assets.tables import TABLE_SOURCES, table_key
from pipelines.report import write_report
from pipelines.resources import PipelineConfig


@dg.asset(
    group_name="report",
    deps=[table_key(t) for t in TABLE_SOURCES],
    owners=owners_for("report"),
    kinds={"html", "vega"},
    description="Static offline HTML report beside the warehouse: top entities, figures by kind, "
                "boilerplate by reason and site, articles per story, check results.",
)
def run_report(pipeline: PipelineConfig) -> dg.MaterializeResult:
    path = write_report(pipeline.warehouse_path)
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(path)),
        "size_kb": round(path.stat().st_size / 1024),
    })
