"""segment: cleaned article bodies -> paragraphs (paragraph | heading | list_item) with offsets.

Offsets are character positions into `articles.body`, which is the blocks joined by
BODY_SEPARATOR; `body[char_start:char_end] == text` holds for every row.
"""
from __future__ import annotations

import polars as pl

from pipelines.transforms.document import BODY_SEPARATOR
from pipelines.transforms.schemas import PARAGRAPH_SCHEMA
from pipelines.transforms.words import count_words


def block_offsets(texts: list[str]) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for text in texts:
        spans.append((pos, pos + len(text)))
        pos += len(text) + len(BODY_SEPARATOR)
    return spans


def segment_articles(articles: pl.DataFrame) -> pl.DataFrame:
    """One row per block of each article, in order."""
    rows = []
    for article_id, blocks in articles.select("article_id", "blocks").iter_rows():
        texts = [b["text"] for b in blocks]
        for index, (block, (start, end)) in enumerate(zip(blocks, block_offsets(texts))):
            rows.append({
                "article_id": article_id, "paragraph_index": index, "kind": block["kind"],
                "text": block["text"], "char_start": start, "char_end": end,
                "word_count": count_words(block["text"]),
            })
    return pl.DataFrame(rows, schema=PARAGRAPH_SCHEMA)
