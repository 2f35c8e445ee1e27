"""The shared news corpus written as one .json file per article: the pipeline's real input path."""
from __future__ import annotations

import json
from pathlib import Path

from pipelines.settings import PROJECT_ROOT

CORPUS = PROJECT_ROOT.parent / "shared" / "data" / "news-corpus" / "news_articles.jsonl"
# Files per inbox sub-directory, so a 20k-article inbox is not one huge directory.
SHARD_SIZE = 1000


def read_corpus(limit: int, path: Path = CORPUS) -> list[dict]:
    """The first `limit` records of the corpus (fewer if it is shorter)."""
    records = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if len(records) >= limit:
                break
            if line.strip():
                records.append(json.loads(line))
    return records


def write_inbox(records: list[dict], inbox: Path) -> int:
    """One `<shard>/<n>_<id>.json` file per record; returns the number of files written."""
    for n, rec in enumerate(records):
        shard = inbox / f"shard-{n // SHARD_SIZE:03d}"
        shard.mkdir(parents=True, exist_ok=True)
        name = f"{n:06d}_{rec.get('id', n)}.json".replace("/", "_")
        (shard / name).write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    return len(records)
