"""Helpers for the operations tests: `newswh` as a subprocess, small inboxes, warehouse snapshots."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

from pipelines.settings import PROJECT_ROOT
from tests.ops.corpus import article

NEWSWH = Path(sys.executable).with_name("newswh")
# Columns that differ between two runs of the same inputs by design.
RUN_STAMPS = {"articles": ("ingested_at",), "quarantine": ("seen_at",), "duplicates": ("seen_at",)}
CONTENT_TABLES = ("articles", "paragraphs", "boilerplate", "entity_mentions", "figures", "quarantine", "duplicates")


def subprocess_env(**extra: str) -> dict[str, str]:
    """The environment for a child `newswh`: one spaCy process, no DAGSTER_HOME (ephemeral instance)."""
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME" and not k.startswith("NEWSWH_")}
    return {**env, "NEWSWH_N_PROCESS": "1", **extra}


def newswh(*args: str, env: dict[str, str] | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([str(NEWSWH), *args], cwd=PROJECT_ROOT, env=env or subprocess_env(),
                          capture_output=True, text=True, timeout=timeout)


def small_inbox(inbox: Path, tags: tuple[str, ...] = ("alpha", "beta", "gamma")) -> Path:
    inbox.mkdir(parents=True, exist_ok=True)
    for tag in tags:
        (inbox / f"{tag}.txt").write_text(article(tag), encoding="utf-8")
    return inbox


def rows(path: Path, query: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(query, params or []).fetchall()
    finally:
        con.close()


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every content table, sorted, without the per-run timestamps."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        for table in CONTENT_TABLES:
            stamps = RUN_STAMPS.get(table)
            cols = f"* EXCLUDE ({', '.join(stamps)})" if stamps else "*"
            out[table] = con.execute(f"SELECT {cols} FROM {table} ORDER BY ALL").fetchall()
        return out
    finally:
        con.close()


def load_run(settings) -> None:
    """The graph up to the `warehouse` load with the accounting check, without the GX suites and
    reports downstream (they cost ~8 s a run and are tested elsewhere). Same assets, same load."""
    import dagster as dg

    from pipelines.definitions import all_assets
    from pipelines.ops_checks import ops_checks
    from pipelines.resources import resources_for

    result = dg.materialize(
        [*all_assets(), *ops_checks()], selection=dg.AssetSelection.assets("warehouse").upstream(),
        resources=resources_for(settings), instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)
    failed = [e.asset_check_evaluation_data.check_name for e in result.get_asset_check_evaluations() if not e.passed]
    assert result.success and not failed, failed
