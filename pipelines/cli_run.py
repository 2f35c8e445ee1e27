"""`newswh run`: the pre-flight, the run with its progress bar, and what it prints after."""
from __future__ import annotations

import argparse
from pathlib import Path

from pipelines.cli_guards import (
    CommandError, check_run_paths, duckdb_errors_reported, inbox_errors_reported, settings_for,
)
from pipelines.settings import Settings


def cmd_run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from pipelines.preflight import nothing_to_load, spacy_model_missing
    from pipelines.warehouse import WarehouseLocked, check_writable, open_warehouse, table_counts

    settings = settings_for(inbox=args.input, warehouse=args.warehouse)
    missing = spacy_model_missing(settings.spacy_model)
    if missing and not settings.warehouse.exists():  # a run is certain: refused before check_run_paths creates any folder
        raise CommandError(missing)
    check_run_paths(settings)
    console = Console(stderr=False)
    console.print(f"newswh run: {settings.inbox} -> {settings.warehouse}")
    # a locked warehouse, or a file that is no DuckDB database, is a one-line message before the
    # run, never a traceback after it
    with duckdb_errors_reported():
        try:
            check_writable(settings.warehouse, wait_seconds=args.lock_wait)
        except WarehouseLocked as exc:
            raise CommandError(str(exc)) from exc
        # Checked before Dagster is even imported: over an unchanged inbox there is no run to launch.
        with inbox_errors_reported():
            unchanged = nothing_to_load(settings.inbox, settings.warehouse, max_file_bytes=settings.max_file_bytes,
                                        full_refresh=args.full)
        if unchanged:
            with open_warehouse(settings.warehouse, read_only=True) as con:
                console.print(counts_table(settings.warehouse, table_counts(con)))
            console.print("nothing changed in the inbox since the last load: no run needed (--full reprocesses everything)")
            return 0
    if missing:  # after the unchanged-inbox answer, which needs no model
        raise CommandError(missing)
    return launch_run(args, settings, console)


def launch_run(args: argparse.Namespace, settings: Settings, console) -> int:
    """The run itself, once `cmd_run`'s pre-flight found something to load."""
    from rich.console import Console

    from pipelines.checks.gx_worker import GxWorker

    # Started before Dagster is imported: GX's import then overlaps Dagster's and the first stages.
    with GxWorker() as gx:
        from pipelines.progress import asset_total, in_ci, run_with_progress, wants_progress
        from pipelines.runner import instance_for_cli, run_pipeline

        progress_console = Console(stderr=True)
        run = dict(full_refresh=args.full, instance=instance_for_cli(), log_level=args.log_level, preflight=False, gx=gx)
        if wants_progress(progress_console, ci=in_ci()) and not args.no_progress:
            summary = run_with_progress(settings, console=progress_console, total=asset_total(), **run)
        else:
            summary = run_pipeline(settings, **run)
    args.finished_run = summary  # a Ctrl-C from here on comes after the load: see `interrupted_state`
    console.print(counts_table(settings.warehouse, summary.table_counts))
    if summary.checks:
        console.print(checks_table(summary.checks))
    if not summary.success:
        failed = ", ".join(summary.failed_checks + summary.errors) or "a step failed (see the log above)"
        state = ("the load had committed: the warehouse holds this run's data" if summary.loaded
                 else "the warehouse keeps its previous state")
        if state not in failed:  # the load's own refusal (the accounting check) already says it
            failed = f"{failed}; {state}"
        console.print(f"[red]run {summary.run_id} failed: {failed}[/red]")
        return 1
    console.print(f"run {summary.run_id} succeeded")
    return 0


def counts_table(warehouse: Path, counts: dict[str, int]):
    from rich.table import Table

    table = Table(title=f"warehouse {warehouse}")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in counts.items():
        table.add_row(name, str(count))
    return table


def checks_table(checks: list):
    """Per asset: checks passed / run, and each failing check with its severity and observed value."""
    from collections import defaultdict

    from rich.table import Table

    by_asset: dict[str, list] = defaultdict(list)
    for c in checks:
        by_asset[c.asset].append(c)
    table = Table(title="data-quality checks")
    for column in ("asset", "passed", "failing (severity: observed)"):
        table.add_column(column)
    for asset, rows in by_asset.items():
        failing = "\n".join(f"[{'red' if c.severity == 'ERROR' else 'yellow'}]{c.check} ({c.severity}): {c.observed}[/]"
                             for c in rows if not c.passed)
        table.add_row(asset, f"{sum(c.passed for c in rows)}/{len(rows)}", failing)
    return table


def interrupted_state(args: argparse.Namespace) -> str:
    """What a Ctrl-C that reached `main` left in the warehouse. Dagster handles one during the run
    itself; this one came before it (imports, pre-flight), when a run loads into a copy and swaps it
    in only at its end, or after it, while its tables print."""
    if args.command != "run":
        return ""
    summary = getattr(args, "finished_run", None)
    if summary is not None and summary.loaded:
        return f"; run {summary.run_id} had ended and loaded: the warehouse holds its data"
    return "; the warehouse keeps its previous state"
