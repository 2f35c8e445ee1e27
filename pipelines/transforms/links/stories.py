"""stories: connected groups of linked articles, each article in exactly one story (alone if unlinked)."""
from __future__ import annotations

import hashlib

import numpy as np
import polars as pl
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from pipelines.transforms.schemas import MEMBER_SCHEMA, STORY_SCHEMA


def story_id_for(first_article_id: str) -> str:
    """Named after its smallest article_id, so a story keeps its id while nothing merges into it."""
    return "story_" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:16]


def story_members(article_ids: list[str], links: pl.DataFrame) -> pl.DataFrame:
    """(article_id, story_id) for every article: components of the link graph."""
    if not article_ids:
        return pl.DataFrame(schema=MEMBER_SCHEMA)
    ids = sorted(set(article_ids))
    index = {a: i for i, a in enumerate(ids)}
    known = links.filter(pl.col("article_id_a").is_in(ids) & pl.col("article_id_b").is_in(ids))
    rows = np.array([index[a] for a in known["article_id_a"].to_list()], dtype=np.int64)
    cols = np.array([index[b] for b in known["article_id_b"].to_list()], dtype=np.int64)
    graph = sparse.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(ids), len(ids)))
    _, label = connected_components(graph, directed=False)
    members = pl.DataFrame({"article_id": ids, "component": label})
    first = members.group_by("component").agg(pl.col("article_id").min().alias("first"))
    named = members.join(first, on="component").with_columns(
        pl.col("first").map_elements(story_id_for, return_dtype=pl.String).alias("story_id"))
    return named.select(*MEMBER_SCHEMA).sort("article_id")


def stories_table(articles: pl.DataFrame, members: pl.DataFrame) -> pl.DataFrame:
    """One row per story: the earliest titled member's title (else the start of a body), first date, size."""
    if members.height == 0:
        return pl.DataFrame(schema=STORY_SCHEMA)
    fallback = pl.col("body").str.split("\n").list.first().str.slice(0, 120).str.strip_chars()
    named = (articles.select("article_id", "title", "body", pl.col("published_at").cast(pl.Datetime("us")))
             .join(members, on="article_id")
             .with_columns(pl.col("title").str.strip_chars().replace("", None).alias("title"))
             .with_columns(pl.coalesce("title", fallback).alias("label"), pl.col("title").is_null().alias("untitled"))
             .sort(["story_id", "untitled", "published_at", "article_id"], nulls_last=True))
    table = named.group_by("story_id", maintain_order=True).agg(
        pl.col("label").first().alias("title"),
        pl.col("published_at").min().alias("first_seen"),
        pl.len().cast(pl.Int32).alias("article_count"),
    )
    return table.select(*STORY_SCHEMA).cast(STORY_SCHEMA)
