"""Great Expectations in-process: one ephemeral context per process, pandas batches, suite results.

GX has no polars engine and its SQL datasource does not work with DuckDB (duckdb-engine 0.17 with
GX 1.24: every SQL metric errors), so every suite validates a pandas frame. Importing GX is the
slow part (seconds of CPU), so it happens once per process (gx_import.py) and the context is reused.
Importing it in a background thread while the first stages run was measured (5 alternating seeds
runs each): no wall-clock gain (median 19.3 s vs 18.6 s), the GIL serializes it with the stages,
and a half-imported pandas broke altair in the main thread. A process of its own does overlap
them: `newswh run` validates in a GxWorker (gx_worker.py) that runs `warm_up` first.
"""
from __future__ import annotations

from functools import cache

import polars as pl

from pipelines.checks.gx_import import great_expectations

DATASOURCE = "frames"
EXAMPLE_ROWS = 5
# Every expectation is first run with BASIC: success, unexpected_count and element_count, without
# the row indices and value counts SUMMARY adds. Only the ones that fail run again with SUMMARY,
# for the indices of up to EXAMPLE_ROWS failing rows.
QUICK_FORMAT = {"result_format": "BASIC", "partial_unexpected_count": EXAMPLE_ROWS}
DETAILED_FORMAT = {"result_format": "SUMMARY", "partial_unexpected_count": EXAMPLE_ROWS}


@cache
def context():
    gx = great_expectations()
    from great_expectations.data_context.types.base import ProgressBarsConfig

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)  # no tqdm bars in the run log
    ctx.data_sources.add_pandas(DATASOURCE)
    return ctx


def batch_definition(name: str):
    """The whole-dataframe batch definition named `name` (one per suite view), created on first use."""
    source = context().data_sources.get(DATASOURCE)
    try:
        asset = source.get_asset(name)
    except LookupError:
        asset = source.add_dataframe_asset(name)
    try:
        return asset.get_batch_definition("whole")
    except KeyError:
        return asset.add_batch_definition_whole_dataframe("whole")


def frame_batch(frame: pl.DataFrame):
    """A GX batch of `frame` (through pandas).

    Every frame goes through one dataframe asset: the frame is a runtime batch parameter, and
    adding an asset per suite costs tens of milliseconds each for nothing (Data Docs, which show
    asset names, make their own: docs.py)."""
    return batch_definition("frame").get_batch(batch_parameters={"dataframe": frame.to_pandas()})


def validate_batch(batch, suite, parameters: dict, *, detailed: bool = False):
    """GX's suite result of `suite` on `batch` (QUICK_FORMAT, or DETAILED_FORMAT when `detailed`)."""
    fmt = DETAILED_FORMAT if detailed else QUICK_FORMAT
    return batch.validate(suite, result_format=fmt, expectation_parameters=parameters)


def warm_up() -> None:
    """Import GX, build the context and run one tiny validation, so the first real check pays none of it."""
    gx = great_expectations()
    suite = gx.ExpectationSuite(name="warm_up", expectations=[
        gx.expectations.ExpectColumnValuesToNotBeNull(column="x")])
    validate_batch(frame_batch(pl.DataFrame({"x": [1]})), suite, {})
