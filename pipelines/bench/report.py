"""The benchmark's JSON file and markdown table, with each goal of issue 8 marked met or not."""
from __future__ import annotations

import json
from pathlib import Path

from pipelines.settings import PROJECT_ROOT

DEFAULT_JSON = PROJECT_ROOT / "bench" / "results" / "latest.json"
# (label, how to read it from the result, goal text, test)
GOALS = (
    ("whole run / floor", lambda r: r["pipeline_vs_floor"], "<= 1.25", lambda v: v <= 1.25),
    ("NER step / floor", lambda r: r["ner_vs_floor"], "<= 1.10", lambda v: v <= 1.10),
    ("no-op rerun / full run", lambda r: r["noop_rerun_share"], "< 0.03", lambda v: v < 0.03),
    ("peak RSS 20k / 1k", lambda r: (r.get("peak_rss_scale") or {}).get("ratio"), "< 1.5", lambda v: v < 1.5),
    ("bench wall seconds (without --scale)", lambda r: r["bench_seconds"], "< 600", lambda v: v < 600),
)


def goal_rows(result: dict) -> list[tuple[str, object, str, str]]:
    rows = []
    for label, read, goal, test in GOALS:
        value = read(result)
        verdict = "not measured" if value is None else ("met" if test(value) else "NOT met")
        rows.append((label, value, goal, verdict))
    return rows


def markdown(result: dict) -> str:
    lines = [f"### newswh bench: {result['articles']} articles, {result['words']:,} words, "
             f"n_process={result['n_process']}, batch_size={result['batch_size']}", "",
             "| stage | seconds | articles/s | words/s |", "|---|---:|---:|---:|"]
    for name, row in result["stages"].items():
        label = "whole `newswh run`" if name == "run" else name
        lines.append(f"| {label} | {row['seconds']:.2f} | {row['articles_per_s']:,.1f} | {row['words_per_s']:,.0f} |")
    lines.append(f"| spaCy floor (bare nlp.pipe) | {result['floor_seconds']:.2f} | "
                 f"{result['articles'] / result['floor_seconds']:,.1f} | {result['floor_words_per_s']:,.0f} |")
    lines += ["", "| measure | value | goal | verdict |", "|---|---:|---|---|"]
    lines += [f"| {label} | {value} | {goal} | {verdict} |" for label, value, goal, verdict in goal_rows(result)]
    lines += ["", "| other | value |", "|---|---:|",
              f"| floor words/s per core | {result['floor_words_per_s_per_core']:,.0f} |",
              f"| CPU seconds, run / floor (process trees) | {result['run_cpu_seconds']} / "
              f"{result['floor_cpu_seconds']} = {result['pipeline_vs_floor_cpu']} |",
              f"| no-op rerun seconds (process / inside Dagster) | {result['noop_rerun_seconds']} / "
              f"{result['noop_rerun_dagster_seconds']} |",
              f"| peak RSS of the run, MB (process tree) | {result['peak_rss_mb']:,.0f} |",
              f"| peak RSS by step, MB (top 3) | {top_steps(result.get('step_peak_rss_mb') or {})} |",
              f"| DuckDB load rows/s | {result['load_rows_per_s']:,.0f} ({result['load_rows']:,} rows) |"]
    scale = result.get("peak_rss_scale")
    if scale:
        lines.append(f"| peak RSS MB at 1k / 20k articles | {scale['1000']:,.0f} / {scale['20000']:,.0f} |")
        for size, steps in (scale.get("steps") or {}).items():
            lines.append(f"| peak RSS by step at {int(size):,} articles, MB (top 3) | {top_steps(steps)} |")
    cleaning = result.get("cleaning_pages_per_s")
    if cleaning and "error" in cleaning:
        lines.append(f"| cleaning pages/s | failed: {cleaning['error'][:80]} |")
    elif cleaning:
        lines.append(f"| cleaning pages/s, plain text / HTML ({cleaning['pages']} pages) | "
                     f"{cleaning['text']} / {cleaning['html']} |")
    if result.get("linking"):
        link = result["linking"]
        sizes = ", ".join(f"{int(n):,}: {s} s" for n, s in link["seconds"].items())
        lines.append(f"| linking stage (bench/links/scale.py) | {sizes}; {link['size_ratio']:.0f}x articles -> {link['time_ratio']}x time |")
    return "\n".join(lines) + "\n"


def top_steps(peaks: dict[str, float], n: int = 3) -> str:
    ranked = sorted(peaks.items(), key=lambda item: item[1], reverse=True)[:n]
    return ", ".join(f"{step} {mb:,.0f}" for step, mb in ranked)


def write(result: dict, json_path: Path | None) -> Path:
    path = json_path or DEFAULT_JSON
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    path.with_suffix(".md").write_text(markdown(result), encoding="utf-8")
    return path
