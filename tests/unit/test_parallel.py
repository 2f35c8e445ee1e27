"""map_chunks runs stage functions on worker processes without changing what they return."""
from __future__ import annotations

import os
from pathlib import Path

import polars as pl
from polars.testing import assert_frame_equal

from pipelines.transforms.clean import clean_articles
from pipelines.transforms.figures import figures_frame
from pipelines.transforms import parallel
from pipelines.transforms.parallel import map_chunks
from pipelines.transforms.segment import segment_articles

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def square_with_pid(numbers: list[int]) -> list[tuple[int, int]]:
    return [(n * n, os.getpid()) for n in numbers]


def test_results_keep_input_order_and_come_from_worker_processes():
    out = map_chunks(square_with_pid, range(1000), n_process=2, min_records=10)
    assert [value for value, _ in out] == [n * n for n in range(1000)]
    pids = {pid for _, pid in out}
    assert os.getpid() not in pids and len(pids) == 2


def test_small_inputs_and_one_process_run_here_without_a_pool():
    assert {pid for _, pid in map_chunks(square_with_pid, range(50), n_process=2)} == {os.getpid()}
    assert {pid for _, pid in map_chunks(square_with_pid, range(1000), n_process=1)} == {os.getpid()}
    assert map_chunks(square_with_pid, [], n_process=2, min_records=0) == []


def _raw_seed_batch(copies: int) -> pl.DataFrame:
    """The five seeds, each under `copies` different ids: a batch big enough to use the pool."""
    rows = []
    for copy in range(copies):
        for path in SEEDS:
            key = f"{copy}/{path.name}"
            rows.append({"article_id": key, "source_path": key, "source_format": "txt", "content_sha256": key,
                         "raw_text": path.read_text(encoding="utf-8"), "is_html": False, "url": None,
                         "site": None, "title": None, "author": None, "published": None})
    return pl.DataFrame(rows)


def test_cleaning_and_figures_on_two_processes_equal_one_process(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_RECORDS", 20)  # a pool even for this small batch
    raw = _raw_seed_batch(copies=8)
    one = clean_articles(raw, min_body_words=25, n_process=1)
    two = clean_articles(raw, min_body_words=25, n_process=2)
    for name in ("articles", "boilerplate", "rejected"):
        assert_frame_equal(getattr(one, name).drop("ingested_at", strict=False),
                           getattr(two, name).drop("ingested_at", strict=False))
    assert one.articles.height == 40 and one.boilerplate.height > 0

    paragraphs = segment_articles(one.articles).select("article_id", "paragraph_index", "text")
    assert_frame_equal(figures_frame(paragraphs, n_process=1), figures_frame(paragraphs, n_process=2))
