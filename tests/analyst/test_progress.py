"""`newswh run`'s progress bar: drawn for a person at a terminal, never in CI or a pipe."""
from __future__ import annotations

import io

import dagster as dg
from rich.console import Console

from pipelines.progress import asset_total, in_ci, run_with_progress, wants_progress


def test_no_bar_under_ci_or_when_piped(monkeypatch):
    terminal = Console(file=io.StringIO(), force_terminal=True)
    assert wants_progress(terminal, ci=False)
    assert not wants_progress(terminal, ci=True)
    assert not wants_progress(Console(file=io.StringIO()), ci=False)  # a pipe, not a terminal
    monkeypatch.setenv("CI", "true")
    assert in_ci()
    monkeypatch.setenv("CI", "false")
    assert not in_ci()


def test_bar_counts_every_asset_of_a_real_run(settings):
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=120)
    total = asset_total()
    summary = run_with_progress(settings, console=console, instance=dg.DagsterInstance.ephemeral(), total=total)
    assert summary.success, summary.errors
    final = out.getvalue().rsplit("\r", 1)[-1]
    assert "done" in final and f"{total}/{total}" in final
