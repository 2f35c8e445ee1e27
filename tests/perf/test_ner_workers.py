"""NER in spawned worker processes finds exactly what it finds in one process, in the same order,
and leaves the process-wide multiprocessing start method as it was."""
from __future__ import annotations

import multiprocessing

import polars as pl
import pytest

from pipelines.settings import Settings
from pipelines.transforms.entities import extract_mentions, load_nlp
from pipelines.transforms.segment import segment_articles
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seed_paragraphs() -> pl.DataFrame:
    from pipelines.transforms.clean import clean_articles
    from pipelines.transforms.ingest import scan_inbox
    from pipelines.transforms.inventory import empty_known, plan_ingest

    raw = plan_ingest(scan_inbox(SEEDS, max_file_bytes=1 << 22), empty_known()).raw_articles
    articles = clean_articles(raw, min_body_words=25).articles
    return segment_articles(articles).select("article_id", "paragraph_index", "text")


def test_two_spawned_workers_find_the_same_mentions_as_one_process(seed_paragraphs):
    nlp = load_nlp(Settings().spacy_model)
    before = multiprocessing.get_start_method()
    one = extract_mentions(seed_paragraphs, nlp, n_process=1)
    two = extract_mentions(seed_paragraphs, nlp, n_process=2, batch_size=8, min_parallel=1)
    assert one.height > 20
    assert two.equals(one)
    assert multiprocessing.get_start_method() == before  # workers come from their own spawn context


def test_rows_from_many_small_chunks_come_back_numbered_in_input_order(seed_paragraphs):
    from pipelines.transforms.entities.mentions import rows_of_texts
    from pipelines.transforms.entities.workers import mention_rows_in_workers

    nlp = load_nlp(Settings().spacy_model)
    texts = seed_paragraphs["text"].to_list()
    here = rows_of_texts(nlp, texts, 0, 8)
    there = list(mention_rows_in_workers(texts, nlp, rows_of_texts, n_process=2, batch_size=8, chunk=7))
    assert len(texts) > 7 * 4  # many chunks, spread over both workers
    assert there == here
    assert {row for row, *_ in here} <= set(range(len(texts)))


def rows_or_fail(nlp, texts, first_row, batch_size):
    """A worker's rows function that fails on the chunk starting at row 7 (pickled by name)."""
    if first_row == 7:
        raise ValueError("chunk at row 7 is broken")
    return [(first_row + i, 0, 1, text[:1], "ORG") for i, text in enumerate(texts)]


def test_a_failing_chunk_raises_its_error_in_the_caller(seed_paragraphs):
    from pipelines.transforms.entities.workers import mention_rows_in_workers

    nlp = load_nlp(Settings().spacy_model)
    texts = seed_paragraphs["text"].to_list()
    with pytest.raises(ValueError, match="chunk at row 7 is broken"):
        list(mention_rows_in_workers(texts, nlp, rows_or_fail, n_process=2, batch_size=8, chunk=7))
