"""What the data-quality checks cost: the same run timed with and without them, alternating.

    .venv/bin/python -m pipelines.checks.overhead                  # the seeds, 3 runs of each
    .venv/bin/python -m pipelines.checks.overhead --corpus 5000    # the `make bench` corpus size

Each run is a fresh child process into a fresh warehouse with its own DAGSTER_HOME, like
`make run`, so GX's import and context creation are counted. "without" materializes every asset
and the other engineers' checks, but none of the expectations suites: neither the stage suites'
asset checks nor the warehouse suite the load runs on its staged copy (skipped in that child only,
so the load still writes and swaps the same warehouse).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipelines.settings import PROJECT_ROOT


def child(variant: str, inbox: str, warehouse: str) -> None:
    from pipelines.checks.gx_worker import GxWorker, InProcessGx

    # "with" starts its GX worker before importing Dagster, as `newswh run` (make run) does.
    with GxWorker() if variant == "with" else InProcessGx() as gx:
        materialize_all(variant, inbox, warehouse, gx)


def materialize_all(variant: str, inbox: str, warehouse: str, gx) -> None:
    import dagster as dg

    from pipelines.checks import asset_checks
    from pipelines.definitions import all_assets, all_checks
    from pipelines.resources import resources_for
    from pipelines.settings import Settings

    ours = {key for c in asset_checks() for key in c.check_keys}
    if variant == "without":
        skip_warehouse_suite()
    checks = [c for c in all_checks() if variant == "with" or not set(c.check_keys) & ours]
    settings = Settings().with_paths(inbox=inbox, warehouse=warehouse)
    result = dg.materialize([*all_assets(), *checks], resources=resources_for(settings, gx=gx),
                            instance=dg.DagsterInstance.get(), raise_on_error=False,
                            run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}})
    print(json.dumps({"success": result.success, "checks": len(result.get_asset_check_evaluations())}))


def skip_warehouse_suite() -> None:
    """The load validates its staged copy with the warehouse suite (GX import included); "without" must not.

    Its checks are part of the load's own outputs, so Dagster still needs a result for each: a pass
    that ran nothing (no GX, no SQL), which costs nothing to measure."""
    import pipelines.assets.load as load
    from pipelines.checks.outcome import Outcome
    from pipelines.checks.suites import WAREHOUSE_SUITE, load_suite

    not_run = [Outcome(c, True, "not run (overhead baseline)", None) for c in load_suite(WAREHOUSE_SUITE).checks]
    load.validate_warehouse = lambda con, run_id, **_: not_run


def timed_run(variant: str, inbox: Path, root: Path) -> dict:
    home = root / "home"
    home.mkdir(parents=True)
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    cmd = [sys.executable, "-m", "pipelines.checks.overhead", "--child", variant, "--input", str(inbox),
           "--warehouse", str(root / "wh" / "news.duckdb")]
    started, cpu_before = time.perf_counter(), _children_cpu()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=PROJECT_ROOT)
    seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu_before
    if out.returncode:
        raise RuntimeError(out.stderr[-3000:])
    return {"variant": variant, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            **json.loads(out.stdout.strip().splitlines()[-1])}


def _children_cpu() -> float:
    """User + system CPU of finished child processes (and theirs): steadier than wall time on a busy machine."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(inbox: Path, repeat: int) -> dict:
    runs = []
    with tempfile.TemporaryDirectory(prefix="newswh-checks-") as tmp:
        for i in range(repeat):
            for variant in ("without", "with"):
                runs.append(timed_run(variant, inbox, Path(tmp) / f"{variant}{i}"))
                print(json.dumps(runs[-1]), file=sys.stderr)
    summary = {"inbox": str(inbox), "runs": runs}
    for metric in ("seconds", "cpu_seconds"):
        median = {v: statistics.median(r[metric] for r in runs if r["variant"] == v) for v in ("without", "with")}
        summary[f"median_{metric}"] = median
        summary[f"overhead_percent_{metric}"] = round(100 * (median["with"] / median["without"] - 1), 1)
    return summary


def corpus_inbox(limit: int, folder: Path) -> Path:
    from pipelines.bench.corpus import read_corpus, write_inbox

    write_inbox(read_corpus(limit), folder)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", default=str(PROJECT_ROOT / "seeds"))
    parser.add_argument("--corpus", type=int, help="use the first N articles of the shared news corpus instead")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=("with", "without"), help=argparse.SUPPRESS)
    parser.add_argument("--warehouse", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        from pipelines.cli import exit_without_teardown

        child(args.child, args.input, args.warehouse)
        exit_without_teardown(0)  # as `newswh run` (make run) ends
    if args.corpus:
        with tempfile.TemporaryDirectory(prefix="newswh-corpus-") as tmp:
            print(json.dumps(measure(corpus_inbox(args.corpus, Path(tmp)), args.repeat), indent=1))
        return 0
    print(json.dumps(measure(Path(args.input), args.repeat), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
