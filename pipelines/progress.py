"""A live progress bar for `newswh run`: assets materialized so far and the step running now.

The run itself stays on the main thread (Dagster installs signal handlers there); a small poller
thread reads the run's events from the Dagster instance and moves a rich progress bar.
"""
from __future__ import annotations

import threading
from datetime import datetime, timezone

import dagster as dg
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from pipelines.checks.gx_worker import Validator
from pipelines.runner import RunSummary, run_pipeline
from pipelines.settings import Settings

_EVENTS = {dg.DagsterEventType.STEP_START, dg.DagsterEventType.ASSET_MATERIALIZATION}


def wants_progress(console: Console, ci: bool) -> bool:
    """A bar only for a person at a terminal: never in CI logs or when output is piped."""
    return console.is_terminal and not ci


def run_progress(instance: dg.DagsterInstance, since: datetime) -> tuple[int, str | None]:
    """(assets materialized, step started last) of the newest run created after `since`."""
    runs = instance.get_runs(filters=dg.RunsFilter(created_after=since), limit=1)
    if not runs:
        return 0, None
    done, step = set(), None
    for entry in instance.all_logs(runs[0].run_id, of_type=_EVENTS):
        event = entry.dagster_event
        if event.event_type == dg.DagsterEventType.ASSET_MATERIALIZATION:
            done.add(event.asset_key)
        else:
            step = event.step_key
    return len(done), step


def run_with_progress(settings: Settings, *, console: Console, instance: dg.DagsterInstance, total: int,
                      full_refresh: bool = False, log_level: str = "WARNING", poll_seconds: float = 0.3,
                      preflight: bool = True, gx: Validator | None = None) -> RunSummary:
    """`run_pipeline` with a bar of `total` assets drawn on `console` while it runs."""
    since = datetime.now(timezone.utc)
    finished = threading.Event()
    columns = (SpinnerColumn(), TextColumn("{task.description:<24}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("assets"), TimeElapsedColumn())
    with Progress(*columns, console=console) as bar:
        task = bar.add_task("starting", total=total)

        def poll() -> None:
            while not finished.wait(poll_seconds):
                done, step = run_progress(instance, since)
                bar.update(task, completed=done, description=step or "starting")

        poller = threading.Thread(target=poll, name="newswh-progress", daemon=True)
        poller.start()
        try:
            summary = run_pipeline(settings, full_refresh=full_refresh, instance=instance, log_level=log_level,
                                   preflight=preflight, gx=gx)
        finally:
            finished.set()
            poller.join()
        done, _ = run_progress(instance, since)
        bar.update(task, completed=done, description="done" if summary.success else "failed")
    return summary


def asset_total() -> int:
    from pipelines.definitions import all_assets

    return sum(len(assets.keys) for assets in all_assets())


def in_ci() -> bool:
    """CI=true is the convention of CI systems (not a pipeline knob, so not in Settings)."""
    import os

    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
