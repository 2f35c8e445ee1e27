"""The one factory: each expectations/<name>.json becomes a Dagster multi-asset check on that asset.

One check per expectation (its `meta.check`); critical expectations are blocking checks, so a
failing one stops every downstream asset of the run, the `warehouse` load included.
"""

import dagster as dg
import polars as pl

from pipelines.assets.meta import preview
from pipelines.checks.outcome import Outcome, quality_frame
from pipelines.checks.params import suite_parameters
from pipelines.checks.quality_log import write_quality_log
from pipelines.checks.suites import STAGE_SUITES, WAREHOUSE_SUITE, Suite, load_suite
from pipelines.checks.validate import run_suite
from pipelines.checks.views import VIEWS


def check_result(outcome: Outcome) -> dg.AssetCheckResult:
    metadata = {"observed": outcome.observed, "suite": f"expectations/{outcome.check.asset}.json"}
    if outcome.failing_rows is not None:  # None: GX could not evaluate (the observed value says why)
        metadata["failing_rows"] = dg.MetadataValue.int(outcome.failing_rows)
    if outcome.examples.height:
        metadata["examples"] = dg.MetadataValue.md(preview(outcome.examples, rows=5))
    return dg.AssetCheckResult(
        asset_key=outcome.check.asset, check_name=outcome.check.name, passed=outcome.passed,
        severity=dg.AssetCheckSeverity.ERROR if outcome.check.blocking else dg.AssetCheckSeverity.WARN,
        metadata=metadata,
    )


def check_specs(suite: Suite) -> list[dg.AssetCheckSpec]:
    others = [name for name in suite.inputs if name != suite.asset]  # frames the checks read besides the asset's
    return [dg.AssetCheckSpec(c.name, asset=c.asset, blocking=c.blocking, description=c.description,
                              additional_deps=others) for c in suite.checks]


def stage_suite_check(suite: Suite) -> dg.AssetChecksDefinition:
    @dg.multi_asset_check(
        name=f"{suite.name}_expectations", specs=check_specs(suite), description=suite.description,
        ins={name: dg.AssetIn(key=name) for name in suite.inputs}, required_resource_keys={"pipeline"},
    )
    def _check(context: dg.AssetCheckExecutionContext, **frames: pl.DataFrame):
        pipeline = context.resources.pipeline
        params = suite_parameters(suite.raw, min_body_words=pipeline.min_body_words)
        if suite.name == "articles":
            frames["site_history"] = site_history(pipeline.warehouse_path)
        outcomes = run_suite(suite, VIEWS[suite.name](frames, params), params)
        write_quality_log(pipeline.warehouse, context.run.run_id, suite.asset, quality_frame(outcomes, context.run.run_id))
        yield from (check_result(o) for o in outcomes)

    return _check


def site_history(warehouse) -> pl.DataFrame | None:
    from pipelines.sqlfiles import sql
    from pipelines.warehouse import read_existing

    return read_existing(warehouse, sql("checks/site_boilerplate_history"))


def warehouse_check_specs() -> list[dg.AssetCheckSpec]:
    """The warehouse suite's checks belong to the load itself: it validates its staged copy before the swap."""
    return check_specs(load_suite(WAREHOUSE_SUITE))


def asset_checks() -> list[dg.AssetChecksDefinition]:
    return [stage_suite_check(load_suite(n)) for n in STAGE_SUITES]
