"""`newswh bench --limit 30`: the benchmark runs end to end on the shared corpus and writes its
JSON and table. Untimed: it checks the shape and consistency of what was measured, not speed."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import require_shared

pytestmark = pytest.mark.slow
KEYS = {"articles", "words", "stages", "floor_seconds", "pipeline_vs_floor", "ner_vs_floor",
        "noop_rerun_share", "peak_rss_mb", "load_rows_per_s"}


@pytest.fixture(scope="module")
def bench(tmp_path_factory) -> tuple[dict, str, str]:
    require_shared("data", "news-corpus", "news_articles.jsonl")
    out = tmp_path_factory.mktemp("bench") / "result.json"
    proc = subprocess.run([sys.executable, "-m", "pipelines.cli", "bench", "--limit", "30", "--no-extras",
                           "--json", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(out.read_text()), out.with_suffix(".md").read_text(), proc.stdout


def test_result_has_the_issue_keys_and_every_stage(bench):
    result, _, _ = bench
    assert KEYS <= set(result)
    assert result["articles"] == 30 and result["words"] > 30 * 25
    for stage in ("ingest", "clean", "segment", "entities", "figures", "checks", "load", "run"):
        row = result["stages"][stage]
        assert set(row) == {"seconds", "articles_per_s", "words_per_s"}
    assert result["stages"]["entities"]["seconds"] > 0 and result["floor_seconds"] > 0


def test_stage_seconds_fit_inside_the_run(bench):
    result, _, _ = bench
    steps = sum(row["seconds"] for name, row in result["stages"].items() if name != "run")
    assert steps <= result["dagster_run_seconds"] + 0.5 <= result["stages"]["run"]["seconds"] + 0.5


def test_noop_rerun_and_memory_are_measured(bench):
    result, _, _ = bench
    assert 0 < result["noop_rerun_share"] < 1
    assert result["peak_rss_mb"] > 100  # the run's process tree holds at least Python + spaCy
    assert result["load_rows"] > 30 and result["load_rows_per_s"] > 0


def test_the_table_is_printed_and_written(bench):
    result, table, stdout = bench
    assert table in stdout
    assert "| whole `newswh run` |" in table and "NER step / floor" in table
