"""Great Expectations in-process: one ephemeral context per process, pandas batches, suite results.

GX has no polars engine and its SQL datasource does not work with DuckDB (duckdb-engine 0.17 with
GX 1.24: every SQL metric errors), so every suite validates a pandas frame. Creating the context
(and importing GX) is the slow part, so it happens once per process and is reused.
"""
from __future__ import annotations

from functools import cache

import polars as pl

DATASOURCE = "frames"
EXAMPLE_ROWS = 5


@cache
def context():
    import great_expectations as gx
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


def validate_frame(frame: pl.DataFrame, suite, parameters: dict):
    """Validate `frame` against `suite`; GX's suite result.

    Every frame goes through one dataframe asset: the frame is a runtime batch parameter, and
    adding an asset per suite costs tens of milliseconds each for nothing (Data Docs, which show
    asset names, make their own: docs.py)."""
    batch = batch_definition("frame").get_batch(batch_parameters={"dataframe": frame.to_pandas()})
    fmt = {"result_format": "SUMMARY", "partial_unexpected_count": EXAMPLE_ROWS}
    return batch.validate(suite, result_format=fmt, expectation_parameters=parameters)
