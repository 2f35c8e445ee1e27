"""Stage check results wait as Parquet beside the stage outputs until the load inserts them.

Only the `warehouse` asset writes DuckDB during a run, so a stage check cannot insert into
`quality_results` itself: it writes `stages/<warehouse file>/quality_log/<run_id>.<asset>.parquet`; the load
inserts every waiting file in its transaction and removes them after the commit. A run blocked by
a failing check leaves its files, so its results reach `quality_results` with the next load.
"""
from __future__ import annotations

from pathlib import Path

import polars as pl

from pipelines.checks.outcome import QUALITY_SCHEMA
from pipelines.settings import stage_dir_for


def quality_log_dir(warehouse: Path | str) -> Path:
    """In the warehouse's own stage folder: a load inserts only the results of runs into its own
    file (not a blocked run's into another warehouse in the same directory)."""
    return stage_dir_for(warehouse) / "quality_log"


def write_quality_log(warehouse: Path | str, run_id: str, asset: str, rows: pl.DataFrame) -> Path:
    folder = quality_log_dir(warehouse)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{run_id}.{asset}.parquet"
    tmp = path.with_suffix(".tmp")
    rows.write_parquet(tmp)
    tmp.replace(path)
    return path


def pending_quality_log(warehouse: Path | str) -> tuple[pl.DataFrame, list[Path]]:
    """Every waiting result row, and the files they came from (to remove after the load commits)."""
    files = sorted(quality_log_dir(warehouse).glob("*.parquet"))
    if not files:
        return pl.DataFrame(schema=QUALITY_SCHEMA), []
    return pl.concat([pl.read_parquet(f).cast(QUALITY_SCHEMA) for f in files]), files


def clear_quality_log(files: list[Path]) -> None:
    for f in files:
        f.unlink(missing_ok=True)
