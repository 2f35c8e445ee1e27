"""Operations bench: a full load vs a rerun over the unchanged inbox, and what the copy-and-swap
load costs. Reads N articles of the shared news corpus (one .json file each) into a temp inbox.

    .venv/bin/python bench/ops_rerun.py [N]      # default 500

The runs materialize the graph up to the `warehouse` load plus the accounting check (the GX
suites and reports downstream are benched by `make bench`).
"""
from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from pathlib import Path

import dagster as dg

from pipelines.bench.corpus import CORPUS, read_corpus, write_inbox
from pipelines.definitions import all_assets
from pipelines.ops_checks import ops_checks
from pipelines.resources import resources_for
from pipelines.settings import Settings
from pipelines.warehouse import staged_warehouse, table_counts


def timed_load(settings: Settings) -> float:
    started = time.perf_counter()
    result = dg.materialize([*all_assets(), *ops_checks()], selection=dg.AssetSelection.assets("warehouse").upstream(),
                            resources=resources_for(settings), instance=dg.DagsterInstance.ephemeral())
    assert result.success
    return time.perf_counter() - started


def swap_cost(warehouse: Path, repeats: int = 3) -> float:
    """Seconds for an empty staged write: lock, copy, checkpoint, fsync, swap."""
    started = time.perf_counter()
    for _ in range(repeats):
        with staged_warehouse(warehouse):
            pass
    return (time.perf_counter() - started) / repeats


def main(n: int) -> None:
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is absent: this bench reads the shared news corpus")
    with tempfile.TemporaryDirectory(prefix="ops-bench-") as tmp:
        settings = Settings().with_paths(inbox=Path(tmp) / "inbox", warehouse=Path(tmp) / "wh" / "news.duckdb")
        write_inbox(read_corpus(n), settings.inbox)
        full = timed_load(settings)
        rerun = timed_load(settings)
        again_full = timed_load(dataclasses.replace(settings))  # second rerun: noise check
        size_mb = settings.warehouse.stat().st_size / 1e6
        swap = swap_cost(settings.warehouse)
        with staged_warehouse(settings.warehouse) as con:
            articles = table_counts(con)["articles"]
    print(f"articles={articles} full_run_s={full:.1f} rerun_unchanged_s={rerun:.1f} second_rerun_s={again_full:.1f} "
          f"warehouse_mb={size_mb:.1f} empty_staged_write_s={swap:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
