"""Throughput of figures_frame on the news corpus (../shared/data/news-corpus), one core.

    .venv/bin/python bench/figures_throughput.py [../shared/data/news-corpus/news_articles.jsonl] [--limit N]

Texts are split on blank lines into paragraphs, as the pipeline's paragraphs table holds them.
Reports paragraphs/s, words/s and figures by kind. The goal: well above 150,000 words/s, so that
figures add at most 10% to the spaCy NER stage (~15,500 words/s on 2 cores).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.transforms.figures import figures_frame  # noqa: E402
from pipelines.transforms.figures.tables import grammar  # noqa: E402


def load_paragraphs(path: Path, limit: int | None) -> pl.DataFrame:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit and n >= limit:
                break
            doc = json.loads(line)
            paras = [p.strip() for p in doc["text"].split("\n\n") if p.strip()]
            rows.extend({"article_id": doc["id"], "paragraph_index": i, "text": p, "published_at": None}
                        for i, p in enumerate(paras))
    return pl.DataFrame(rows, schema={"article_id": pl.Utf8, "paragraph_index": pl.Int32,
                                      "text": pl.Utf8, "published_at": pl.Datetime})


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default="../shared/data/news-corpus/news_articles.jsonl")
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = ap.parse_args()
    path = Path(args.path)
    if not path.exists():
        sys.exit(f"news corpus not found at {path} (needs ../shared/data/news-corpus)")
    paragraphs = load_paragraphs(path, args.limit)
    words = int(paragraphs["text"].str.split(" ").list.len().sum())
    grammar()  # compile the tables once, outside the timing (the pipeline does it once per process)
    t0, c0 = time.perf_counter(), time.process_time()
    figures = figures_frame(paragraphs)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"{paragraphs.height} paragraphs, {words} words, {figures.height} figures "
          f"in {cpu:.2f}s CPU ({wall:.2f}s wall; wall time counts other processes on a busy machine)")
    print(f"{paragraphs.height / cpu:,.0f} paragraphs/s, {words / cpu:,.0f} words/s (one core, CPU time)")
    print(figures.group_by("kind").len().sort("len", descending=True))


if __name__ == "__main__":
    main()
