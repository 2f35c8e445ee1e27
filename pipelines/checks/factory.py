"""The one factory: each expectations/<name>.json becomes Dagster asset checks on that asset.

One check per suite and severity (suites.py, `Suite.groups()`): `critical_expectations` is
blocking, so a failing expectation in it stops every downstream asset of the run, the `warehouse`
load included; `warning_expectations` only warns. Each result lists every expectation it ran.
GX runs where the `gx` resource says (gx_worker.py): a worker process for `newswh run`.
"""

import dagster as dg
import polars as pl

from pipelines.assets.meta import preview
from pipelines.checks.outcome import EXAMPLE_ROWS, Outcome, quality_frame
from pipelines.checks.params import suite_parameters
from pipelines.checks.quality_log import write_quality_log
from pipelines.checks.suites import STAGE_SUITES, WAREHOUSE_SUITE, CheckGroup, Suite, load_suite
from pipelines.checks.validate import run_suite
from pipelines.checks.views import VIEWS

EXPECTATIONS_SCHEMA = dg.TableSchema(columns=[
    dg.TableColumn("expectation", "string"), dg.TableColumn("passed", "bool"),
    dg.TableColumn("observed", "string"), dg.TableColumn("failing_rows", "int"),
])


def group_results(suite: Suite, outcomes: list[Outcome]) -> list[dg.AssetCheckResult]:
    by_name = {o.check.name: o for o in outcomes}
    return [group_result(group, [by_name[c.name] for c in group.checks]) for group in suite.groups()]


def group_result(group: CheckGroup, outcomes: list[Outcome]) -> dg.AssetCheckResult:
    """Passed when every expectation of the group passed; the metadata has each one's result and,
    for those that failed, their failing row count and up to 5 example rows."""
    failed = [o for o in outcomes if not o.passed]
    observed = f"{len(outcomes) - len(failed)} of {len(outcomes)} expectations met"
    if failed:
        observed += "; failed: " + "; ".join(f"{o.check.name} ({o.observed})" for o in failed)
    metadata = {
        "observed": observed,
        # Summed over the failed expectations: a row that breaks two counts twice.
        "failing_rows": dg.MetadataValue.int(sum(o.failing_rows or 0 for o in failed)),
        "expectations": dg.MetadataValue.table(
            records=[dg.TableRecord({"expectation": o.check.name, "passed": o.passed, "observed": o.observed,
                                     "failing_rows": o.failing_rows}) for o in outcomes],
            schema=EXPECTATIONS_SCHEMA),
        "suite": f"expectations/{group.asset}.json",
    }
    if unevaluated := [o.check.name for o in failed if o.failing_rows is None]:
        metadata["not_evaluated"] = dg.MetadataValue.json(unevaluated)  # GX raised: no row count
    examples = [f"**{o.check.name}**\n\n{preview(o.examples, rows=EXAMPLE_ROWS)}" for o in failed if o.examples.height]
    if examples:
        metadata["examples"] = dg.MetadataValue.md("\n\n".join(examples))
    return dg.AssetCheckResult(
        asset_key=group.asset, check_name=group.name, passed=not failed, metadata=metadata,
        severity=dg.AssetCheckSeverity.ERROR if group.blocking else dg.AssetCheckSeverity.WARN,
    )


def expectation_results(metadata: dict) -> list[dict]:
    """The per-expectation rows of a group result's metadata ([] for any other check's)."""
    table = metadata.get("expectations")
    return [dict(r.data) for r in table.records] if table is not None else []


def check_specs(suite: Suite) -> list[dg.AssetCheckSpec]:
    others = [name for name in suite.inputs if name != suite.asset]  # frames the checks read besides the asset's
    return [dg.AssetCheckSpec(g.name, asset=g.asset, blocking=g.blocking, additional_deps=others,
                              description=group_description(suite, g)) for g in suite.groups()]


def group_description(suite: Suite, group: CheckGroup) -> str:
    kind = "Blocking" if group.blocking else "Warning"
    lines = "\n".join(f"- `{c.name}`: {c.description}" for c in group.checks)
    return f"{kind} expectations of expectations/{suite.asset}.json ({suite.description}):\n{lines}"


def stage_suite_check(suite: Suite) -> dg.AssetChecksDefinition:
    @dg.multi_asset_check(
        name=f"{suite.name}_expectations", specs=check_specs(suite), description=suite.description,
        ins={name: dg.AssetIn(key=name) for name in suite.inputs}, required_resource_keys={"pipeline", "gx"},
    )
    def _check(context: dg.AssetCheckExecutionContext, **frames: pl.DataFrame):
        pipeline = context.resources.pipeline
        params = suite_parameters(suite.raw, min_body_words=pipeline.min_body_words)
        if suite.name == "articles":
            frames["site_history"] = site_history(pipeline.warehouse_path)
        outcomes = run_suite(suite, VIEWS[suite.name](frames, params), params, context.resources.gx.validate)
        write_quality_log(pipeline.warehouse, context.run.run_id, suite.asset, quality_frame(outcomes, context.run.run_id))
        yield from group_results(suite, outcomes)

    return _check


def site_history(warehouse) -> pl.DataFrame | None:
    from pipelines.sqlfiles import sql
    from pipelines.warehouse import read_existing

    return read_existing(warehouse, sql("checks/site_boilerplate_history"))


def warehouse_check_specs() -> list[dg.AssetCheckSpec]:
    """The warehouse suite's checks belong to the load itself: it validates its staged copy before the swap."""
    return check_specs(load_suite(WAREHOUSE_SUITE))


def warehouse_check_results(outcomes: list[Outcome]) -> list[dg.AssetCheckResult]:
    return group_results(load_suite(WAREHOUSE_SUITE), outcomes)


def asset_checks() -> list[dg.AssetChecksDefinition]:
    return [stage_suite_check(load_suite(n)) for n in STAGE_SUITES]
