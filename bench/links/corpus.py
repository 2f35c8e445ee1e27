"""Articles for the linking bench: corpus rows (read from ../shared, never copied) plus synthetic copies."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import polars as pl

from bench.links.synth import synthetic_body

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "news-corpus" / "news_articles.jsonl"


def load_corpus(path: Path = CORPUS) -> dict[str, dict]:
    if not path.exists():
        raise SystemExit(f"{path} is absent: the linking bench reads the shared news corpus from ../shared")
    with path.open(encoding="utf-8") as fh:
        return {row["id"]: row for row in map(json.loads, fh)}


def published(row: dict) -> datetime | None:
    """The day of a Reuters date like '26-FEB-1987 15:01:01.79' (times are dropped); BBC rows have none."""
    if not row.get("date"):
        return None
    try:
        return datetime.strptime(row["date"].strip()[:11].strip().title(), "%d-%b-%Y")
    except ValueError:  # a few originals are garbled ('31-MAR-1987 605:12:19' parses by day only)
        return None


def articles_frame(ids: list[str], corpus: dict[str, dict]) -> pl.DataFrame:
    """article_id, title, site, body, published_at for corpus ids and synthetic ids (`syn-<kind>:<source>`)."""
    rows = []
    for article_id in dict.fromkeys(ids):
        source = corpus[article_id.split(":", 1)[1]] if article_id.startswith("syn-") else corpus[article_id]
        body = synthetic_body(article_id, corpus) if article_id.startswith("syn-") else source["text"]
        rows.append({"article_id": article_id, "title": source["title"], "site": source["source"],
                     "body": body, "published_at": published(source)})
    return pl.DataFrame(rows, schema={"article_id": pl.String, "title": pl.String, "site": pl.String,
                                      "body": pl.String, "published_at": pl.Datetime("us")})


def background_ids(corpus: dict[str, dict], n: int) -> list[str]:
    """n corpus ids spread evenly over the file (both sources, all topics)."""
    ids = list(corpus)
    step = max(len(ids) // n, 1)
    return ids[::step][:n]
