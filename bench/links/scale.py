"""Time of the linking stage (article_links + stories) on N articles: near-linear, not quadratic.

Articles are real corpus bodies; beyond the corpus's 21,268 (and for 10% of every set) they are
synthetic syndicated copies and rewrites, so the set holds duplicates to find, like a real feed.

    .venv/bin/python bench/links/scale.py [--sizes 2000 20000]

`linking_seconds(n)` is what a benchmark calls: it returns wall seconds for one run on n articles.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import polars as pl  # noqa: E402

from bench.links.corpus import articles_frame, background_ids, load_corpus  # noqa: E402
from pipelines.transforms.links import link_articles, stories_table, story_members  # noqa: E402

COPY_KINDS = ("syn-near", "syn-rewrite", "syn-exact")


def article_set(n: int, corpus: dict[str, dict], copy_share: float = 0.1) -> pl.DataFrame:
    """n articles: corpus originals plus synthetic copies of them (at least `copy_share` of the set)."""
    originals = background_ids(corpus, min(len(corpus), round(n * (1 - copy_share))))
    copies = [f"{COPY_KINDS[i % len(COPY_KINDS)]}:{originals[i % len(originals)]}"
              for i in range(n - len(originals))]
    # Past one copy of each kind per original, later rounds would repeat ids; number them apart.
    ids = [c if i < 3 * len(originals) else f"{c}#{i}" for i, c in enumerate(copies)]
    frame = articles_frame([*originals, *[i.split("#")[0] for i in ids]], corpus)
    return frame.with_columns(pl.Series("article_id", [*originals, *ids][:frame.height]))


def link_stage(articles: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """What the `article_links` and `stories` assets compute (without entity mentions)."""
    links = link_articles(articles)
    members = story_members(articles["article_id"].to_list(), links)
    return links, stories_table(articles, members)


def linking_seconds(n: int, corpus: dict[str, dict] | None = None) -> float:
    """Wall seconds of the linking stage on n articles (building the article set not included)."""
    articles = article_set(n, corpus or load_corpus())
    start = time.perf_counter()
    link_stage(articles)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    args = parser.parse_args()
    corpus = load_corpus()
    timings = {}
    for n in args.sizes:
        articles = article_set(n, corpus)
        start, cpu = time.perf_counter(), time.process_time()
        links, stories = link_stage(articles)
        timings[n] = time.perf_counter() - start
        cpu = time.process_time() - cpu
        by_relation = dict(links.group_by("relation").len().iter_rows())
        print(f"{n:>7} articles: {timings[n]:6.1f} s wall, {cpu:6.1f} s CPU ({n / timings[n]:,.0f} articles/s)  links {by_relation}  "
              f"stories of 2+: {stories.filter(pl.col('article_count') > 1).height}")
    sizes = sorted(timings)
    for small, large in zip(sizes, sizes[1:]):
        ratio = timings[large] / timings[small]
        print(f"{small} -> {large}: x{large / small:.0f} articles, x{ratio:.1f} time "
              f"(linear would be x{large / small:.0f}, quadratic x{(large / small) ** 2:.0f})")


if __name__ == "__main__":
    main()
