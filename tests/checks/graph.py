"""The real asset graph for check tests (real spaCy, real GX, real DuckDB), with one test seam:

`corrupt={"articles": fn}`: the stage's output is replaced by `fn(frame)` at the Parquet hand-off
(a wrapping IO manager), so the real checks and the real load downstream see the bad frame.
Only the load and what feeds it run (the analyst assets after the warehouse are left out).
"""
from __future__ import annotations

from collections.abc import Callable

import dagster as dg
import polars as pl

from pipelines.checks.factory import expectation_results
from pipelines.definitions import all_assets, all_checks
from pipelines.resources import ParquetIOManager, resources_for
from pipelines.runner import check_rows
from pipelines.settings import Settings

Corrupt = Callable[[pl.DataFrame], pl.DataFrame]


class CorruptingIOManager(dg.IOManager):
    def __init__(self, base: ParquetIOManager, corrupt: dict[str, Corrupt]):
        self.base, self.corrupt = base, corrupt

    def handle_output(self, context: dg.OutputContext, obj: pl.DataFrame) -> None:
        fn = self.corrupt.get(context.asset_key.to_user_string())
        self.base.handle_output(context, fn(obj) if fn else obj)

    def load_input(self, context: dg.InputContext) -> pl.DataFrame:
        return self.base.load_input(context)


def graph() -> list:
    return [*all_assets(), *all_checks()]


def run(settings: Settings, *, corrupt: dict[str, Corrupt] | None = None, full_refresh: bool = False):
    """Materialize up to the load, with every check on those assets; errors are not raised."""
    resources = resources_for(settings, full_refresh=full_refresh)
    resources["io_manager"] = dg.IOManagerDefinition.hardcoded_io_manager(
        CorruptingIOManager(ParquetIOManager(settings.stage_dir), corrupt or {}))
    return dg.materialize(
        graph(), selection=dg.AssetSelection.assets("warehouse").upstream(),
        resources=resources, instance=dg.DagsterInstance.ephemeral(), raise_on_error=False,
        run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
    )


def check_outcomes(result) -> dict[str, tuple[bool, str]]:
    """`asset:expectation` -> (passed, severity) for every expectation the run's checks evaluated,
    and `asset:check` for the other checks: the rows `newswh run` prints (runner.check_rows)."""
    for ev in result.get_asset_check_evaluations():  # a group passes exactly when all its expectations do
        if expectations := expectation_results(ev.metadata):
            assert ev.passed == all(e["passed"] for e in expectations)
    return {f"{r.asset}:{r.check}": (r.passed, r.severity) for r in check_rows(result)}


def evaluation(result, asset: str, check: str):
    (found,) = [e for e in result.get_asset_check_evaluations()
                if e.asset_key.to_user_string() == asset and e.check_name == check]
    return found


def materialized(result) -> set[str]:
    return {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
