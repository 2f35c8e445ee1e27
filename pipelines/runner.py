"""Run the project's own asset graph through Dagster, the way the UI and the schedule do."""
from __future__ import annotations

import os
from contextlib import nullcontext
from dataclasses import dataclass, field

import dagster as dg

from pipelines.checks.factory import expectation_results
from pipelines.checks.gx_worker import GxWorker, Validator
from pipelines.preflight import nothing_to_load
from pipelines.resources import resources_for
from pipelines.settings import Settings
from pipelines.warehouse import open_warehouse, table_counts


@dataclass
class RunSummary:
    run_id: str | None  # None: the inbox was unchanged, so no run was needed
    success: bool
    table_counts: dict[str, int]
    failed_checks: list[str]
    errors: list[str] = field(default_factory=list)  # why failed steps failed, innermost cause first
    checks: list[CheckRow] = field(default_factory=list)  # every expectation and other asset check evaluated
    # Did the load commit? A step after it (warehouse checks, tables, report) can still fail the run.
    loaded: bool = False


@dataclass(frozen=True)
class CheckRow:
    asset: str
    check: str
    passed: bool
    severity: str  # ERROR (blocking) | WARN
    observed: str


def instance_for_cli() -> dg.DagsterInstance:
    """The persistent instance under DAGSTER_HOME when set (so `make ui` shows CLI runs), else ephemeral."""
    if os.environ.get("DAGSTER_HOME"):
        return dg.DagsterInstance.get()
    return dg.DagsterInstance.ephemeral()


def run_pipeline(settings: Settings, *, full_refresh: bool = False, instance: dg.DagsterInstance | None = None,
                 log_level: str = "WARNING", preflight: bool = True, gx: Validator | None = None) -> RunSummary:
    """The whole graph in this process. An inbox the pre-flight finds unchanged launches no run;
    `preflight=False` is for a caller that has just asked that itself (the CLI, before importing Dagster).
    The checks run GX in `gx`, or in a GxWorker started here for the run."""
    if preflight and nothing_to_load(settings.inbox, settings.warehouse, max_file_bytes=settings.max_file_bytes,
                                     full_refresh=full_refresh):
        return unchanged_inbox_summary(settings)
    with nullcontext(gx) if gx is not None else GxWorker() as validator:
        resources = resources_for(settings, full_refresh=full_refresh, gx=validator)
        result = _materialize(resources, instance or dg.DagsterInstance.ephemeral(), log_level)
    checks = check_rows(result)
    failed = [f"{c.asset}:{c.check}" for c in checks if not c.passed]
    counts: dict[str, int] = {}
    if settings.warehouse.exists():
        with open_warehouse(settings.warehouse, read_only=True) as con:
            counts = table_counts(con)
    return RunSummary(run_id=result.run_id, success=result.success, table_counts=counts, failed_checks=failed,
                      errors=step_errors(result), checks=checks, loaded=warehouse_loaded(result))


def warehouse_loaded(result: dg.ExecuteInProcessResult) -> bool:
    """Was the `warehouse` asset (the load, swapped in atomically) materialized in this run?"""
    return any(event.asset_key == dg.AssetKey("warehouse") for event in result.get_asset_materialization_events())


def unchanged_inbox_summary(settings: Settings) -> RunSummary:
    """An inbox exactly as last loaded needs no run: no step would read, check or load anything
    (pipelines/preflight.py). The summary has no run id and the warehouse's counts as they are."""
    with open_warehouse(settings.warehouse, read_only=True) as con:
        counts = table_counts(con)
    return RunSummary(run_id=None, success=True, table_counts=counts, failed_checks=[])


def _materialize(resources: dict, instance: dg.DagsterInstance, log_level: str) -> dg.ExecuteInProcessResult:
    """Every asset and check of the project, materialized in this process."""
    from pipelines.definitions import all_assets, all_checks

    return dg.materialize(
        [*all_assets(), *all_checks()],
        resources=resources,
        instance=instance,
        run_config={"loggers": {"console": {"config": {"log_level": log_level}}}},
        raise_on_error=False,
    )


def check_rows(result: dg.ExecuteInProcessResult) -> list[CheckRow]:
    """One row per check, and per expectation of an expectations check (the failing one is named)."""
    rows = []
    for ev in result.get_asset_check_evaluations():
        asset, severity = ev.asset_key.to_user_string(), ev.severity.value
        expectations = expectation_results(ev.metadata)
        for e in expectations:
            rows.append(CheckRow(asset=asset, check=e["expectation"], passed=e["passed"], severity=severity,
                                 observed=e["observed"]))
        if not expectations:
            observed = ev.metadata.get("observed")
            rows.append(CheckRow(asset=asset, check=ev.check_name, passed=ev.passed, severity=severity,
                                 observed="" if observed is None else str(observed.value)))
    return rows


def step_errors(result: dg.ExecuteInProcessResult) -> list[str]:
    """`step: message` of each failed step, from the innermost cause (e.g. WarehouseLocked)."""
    errors = []
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data.error is not None:
            error = event.step_failure_data.error
            while error.cause is not None:
                error = error.cause
            errors.append(f"{event.step_key}: {error.message.strip()}")
    return errors
