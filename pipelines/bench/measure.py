"""The whole benchmark: corpus -> temp inbox, a timed `newswh run`, the floor, a no-op rerun,
peak RSS, load rate, cleaning pages/s. Every run is a child process of this one, so the whole
measurement lives in one process tree and the pipeline and floor see the same machine.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

from pipelines.bench import events
from pipelines.bench.corpus import read_corpus, write_inbox
from pipelines.bench.extras import cleaning_pages_per_s, linking_stage
from pipelines.bench.proctree import TreeRun, run_measured
from pipelines.settings import Settings, stage_dir_for


def pipeline_run(inbox: Path, warehouse: Path, home: Path) -> TreeRun:
    """`newswh run` as a child process, with its own Dagster instance so its event log is ours to read."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    cmd = [sys.executable, "-m", "pipelines.cli", "run", "--input", str(inbox), "--warehouse", str(warehouse)]
    run = run_measured(cmd, env)
    if run.returncode != 0:
        raise RuntimeError(f"newswh run failed ({run.returncode}):\n{run.stdout[-2000:]}\n{run.stderr[-4000:]}")
    return run


def floor_run(paragraphs: Path, settings: Settings) -> dict:
    cmd = [sys.executable, "-m", "pipelines.bench.floor", str(paragraphs), settings.spacy_model,
           str(settings.n_process), str(settings.batch_size)]
    # Sampled like the pipeline run, so both pay the same (small) cost of the RSS sampler.
    run = run_measured(cmd, dict(os.environ))
    if run.returncode != 0:
        raise RuntimeError(f"the floor failed ({run.returncode}):\n{run.stderr[-4000:]}")
    return {**json.loads(run.stdout.strip().splitlines()[-1]), "cpu_seconds": run.cpu_seconds,
            "peak_rss_mb": run.peak_rss_mb}


def rate(count: float, seconds: float) -> float:
    return round(count / seconds, 1) if seconds > 0 else 0.0


def stage_table(stages: dict[str, float], articles: int, words: int) -> dict[str, dict]:
    return {name: {"seconds": round(sec, 2), "articles_per_s": rate(articles, sec), "words_per_s": rate(words, sec)}
            for name, sec in stages.items()}


def measure_run(limit: int, workdir: Path) -> dict:
    """One full run on `limit` articles; returns timings plus the paths the later steps need."""
    inbox, warehouse, home = workdir / "inbox", workdir / "wh" / "news.duckdb", workdir / "dagster_home"
    files = write_inbox(read_corpus(limit), inbox)
    full = pipeline_run(inbox, warehouse, home)
    instance = events.open_instance(home)
    run_id = events.latest_run_id(instance)
    stages_dir = stage_dir_for(warehouse)
    words = int(pl.read_parquet(stages_dir / "articles.parquet", columns=["word_count"])["word_count"].sum() or 0)
    return {"files": files, "words": words, "run": full, "instance": instance, "run_id": run_id,
            "inbox": inbox, "warehouse": warehouse, "home": home, "stages_dir": stages_dir}


def step_peaks(run: TreeRun, windows: dict[str, tuple[float, float]]) -> dict[str, float]:
    return {step: run.peak_between(start, end) for step, (start, end) in windows.items()}


def peak_rss_at(limit: int, root: Path) -> tuple[float, dict[str, float]]:
    """Peak RSS of a full run on `limit` articles, and the peak while each step ran."""
    with tempfile.TemporaryDirectory(prefix=f"rss{limit}-", dir=root) as tmp:
        run = measure_run(limit, Path(tmp))
        return run["run"].peak_rss_mb, step_peaks(run["run"], events.step_windows(run["instance"], run["run_id"]))


def run_bench(limit: int, *, scale: bool = False, extras: bool = True, settings: Settings | None = None) -> dict:
    settings = settings or Settings()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newswh-bench-") as tmp:
        root = Path(tmp)
        main = measure_run(limit, root / "main")
        instance, run_id, full = main["instance"], main["run_id"], main["run"]
        steps = events.step_seconds(instance, run_id)
        stages = events.stage_seconds(steps)
        stages["run"] = full.seconds
        floor = floor_run(main["stages_dir"] / "paragraphs.parquet", settings)
        rerun = pipeline_run(main["inbox"], main["warehouse"], main["home"])
        rerun_id = events.latest_run_id(instance)
        rerun_id = None if rerun_id == run_id else rerun_id  # an unchanged inbox launches no run
        loaded = events.rows_loaded(instance, run_id)
        articles, words = main["files"], main["words"]
        result = {
            "articles": articles, "words": words,
            "n_process": settings.n_process, "batch_size": settings.batch_size, "cores": os.cpu_count(),
            "stages": stage_table(stages, articles, words),
            "steps": {k: round(v, 2) for k, v in steps.items()},
            "dagster_run_seconds": round(events.run_seconds(instance, run_id), 2),
            "floor_seconds": round(floor["seconds"], 2),
            "floor_load_seconds": round(floor["load_seconds"], 2),
            "floor_words_per_s": rate(floor["words"], floor["seconds"]),
            "floor_words_per_s_per_core": rate(floor["words"], floor["seconds"] * settings.n_process),
            "floor_components": floor["components"],
            "floor_peak_rss_mb": floor["peak_rss_mb"],
            "pipeline_vs_floor": round(full.seconds / floor["seconds"], 3),
            # CPU seconds (whole process trees): robust to other work on the machine; the floor's
            # include its model load and worker start-up, as the run's do.
            "run_cpu_seconds": full.cpu_seconds,
            "floor_cpu_seconds": round(floor["cpu_seconds"], 2),
            "pipeline_vs_floor_cpu": round(full.cpu_seconds / floor["cpu_seconds"], 3),
            "noop_rerun_cpu_seconds": rerun.cpu_seconds,
            "ner_vs_floor": round(steps.get("entity_mentions", 0.0) / floor["seconds"], 3),
            "noop_rerun_seconds": round(rerun.seconds, 2),
            "noop_rerun_dagster_seconds": round(events.run_seconds(instance, rerun_id), 2) if rerun_id else 0.0,
            "noop_rerun_steps": {k: round(v, 2) for k, v in events.step_seconds(instance, rerun_id).items()}
            if rerun_id else {},
            "noop_rerun_share": round(rerun.seconds / full.seconds, 4),
            "peak_rss_mb": full.peak_rss_mb,
            # Which step holds the peak: the tree's RSS sampled while each step ran.
            "step_peak_rss_mb": step_peaks(full, events.step_windows(instance, run_id)),
            "load_rows": loaded,
            "load_rows_per_s": rate(loaded, steps.get("warehouse", 0.0)),
        }
    if extras:
        result["cleaning_pages_per_s"] = cleaning_pages_per_s()
        result["linking"] = linking_stage()
    # The goal is for the default bench; --scale adds a 20,000-article run on purpose.
    result["bench_seconds"] = round(time.perf_counter() - started, 1)
    if scale:
        scale_started = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="newswh-scale-") as tmp:
            (small, small_steps), (large, large_steps) = peak_rss_at(1000, Path(tmp)), peak_rss_at(20000, Path(tmp))
        result["peak_rss_scale"] = {"1000": small, "20000": large, "ratio": round(large / small, 3),
                                    "steps": {"1000": small_steps, "20000": large_steps},
                                    "seconds": round(time.perf_counter() - scale_started, 1)}
    return result
