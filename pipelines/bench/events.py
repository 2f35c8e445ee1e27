"""Per-step and per-stage seconds of one run, from the Dagster event log (step start/success)."""
from __future__ import annotations

from pathlib import Path

import dagster as dg

# Dagster step key -> the pipeline stage it belongs to. Unknown steps are asset checks.
STAGE_OF_STEP = {
    "ingest": "ingest", "clean": "clean", "paragraphs": "segment",
    "entity_mentions": "entities", "entities": "entities", "figures": "figures",
    "article_links": "links", "stories": "links", "figure_claims": "links",
    "warehouse": "load", "warehouse_tables": "report", "run_report": "report",
}
STAGES = ("ingest", "clean", "segment", "entities", "figures", "links", "checks", "load", "report")


def open_instance(home: Path) -> dg.DagsterInstance:
    return dg.DagsterInstance.from_config(str(home))


def latest_run_id(instance: dg.DagsterInstance) -> str:
    (run,) = instance.get_runs(limit=1)
    return run.run_id


def step_windows(instance: dg.DagsterInstance, run_id: str) -> dict[str, tuple[float, float]]:
    """(STEP_START, STEP_SUCCESS or failure) epoch seconds of every step of the run."""
    kinds = {dg.DagsterEventType.STEP_START, dg.DagsterEventType.STEP_SUCCESS, dg.DagsterEventType.STEP_FAILURE}
    started: dict[str, float] = {}
    windows: dict[str, tuple[float, float]] = {}
    for entry in instance.all_logs(run_id, of_type=kinds):
        if entry.dagster_event.event_type == dg.DagsterEventType.STEP_START:
            started[entry.step_key] = entry.timestamp
        else:
            windows[entry.step_key] = (started[entry.step_key], entry.timestamp)
    return windows


def step_seconds(instance: dg.DagsterInstance, run_id: str) -> dict[str, float]:
    """Seconds from STEP_START to STEP_SUCCESS (or failure) of every step of the run."""
    return {step: end - start for step, (start, end) in step_windows(instance, run_id).items()}


def run_seconds(instance: dg.DagsterInstance, run_id: str) -> float:
    """RUN_START to RUN_SUCCESS/FAILURE: the run inside Dagster, without process start-up."""
    kinds = {dg.DagsterEventType.RUN_START, dg.DagsterEventType.RUN_SUCCESS, dg.DagsterEventType.RUN_FAILURE}
    stamps = [entry.timestamp for entry in instance.all_logs(run_id, of_type=kinds)]
    return max(stamps) - min(stamps) if len(stamps) >= 2 else 0.0


def stage_seconds(steps: dict[str, float]) -> dict[str, float]:
    totals = dict.fromkeys(STAGES, 0.0)
    for step, seconds in steps.items():
        totals[STAGE_OF_STEP.get(step, "checks")] += seconds
    return totals


def rows_loaded(instance: dg.DagsterInstance, run_id: str) -> int:
    """Rows the load step wrote, from its materialization metadata."""
    for entry in instance.all_logs(run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION):
        mat = entry.asset_materialization
        if mat.asset_key == dg.AssetKey("warehouse") and "rows_loaded" in mat.metadata:
            return sum(int(v) for v in mat.metadata["rows_loaded"].value.values())
    return 0
