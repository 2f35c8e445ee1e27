"""paragraphs_in_language: a language-bound stage reads the articles in its language, and those in none."""
from __future__ import annotations

import polars as pl

from pipelines.transforms.language_scope import paragraphs_in_language

ARTICLES = pl.DataFrame({"article_id": ["en1", "de1", "ru1", "ru2", "table"],
                         "language": ["en", "de", "ru", "ru", None]})
PARAGRAPHS = pl.DataFrame({"article_id": ["en1", "en1", "de1", "ru1", "ru2", "table"],
                           "paragraph_index": [0, 1, 0, 0, 0, 0],
                           "text": ["Putin met Erdogan.", "In Ankara.", "Scholz sprach.", "Путин сказал.",
                                    "Москва.", "NEW YORK, March 2 - Shr 24 cts vs 15 cts"]})


def test_an_english_stage_reads_english_articles_and_those_in_no_language():
    kept, skipped = paragraphs_in_language(PARAGRAPHS, ARTICLES, "en")
    assert kept.rows() == [("en1", 0, "Putin met Erdogan."), ("en1", 1, "In Ankara."),
                           ("table", 0, "NEW YORK, March 2 - Shr 24 cts vs 15 cts")]
    assert skipped == {"ru": 2, "de": 1}


def test_a_german_model_reads_the_german_article():
    kept, skipped = paragraphs_in_language(PARAGRAPHS, ARTICLES, "de")
    assert kept["article_id"].to_list() == ["de1", "table"]
    assert skipped == {"en": 1, "ru": 2}


def test_a_multilingual_model_reads_everything():
    kept, skipped = paragraphs_in_language(PARAGRAPHS, ARTICLES, "xx")
    assert kept.equals(PARAGRAPHS) and skipped == {}


def test_a_norwegian_model_reads_what_the_detector_calls_norwegian():
    articles = pl.DataFrame({"article_id": ["no1", "sv1"], "language": ["no", "sv"]})
    paragraphs = pl.DataFrame({"article_id": ["no1", "sv1"], "paragraph_index": [0, 0], "text": ["Hei.", "Hej."]})
    kept, skipped = paragraphs_in_language(paragraphs, articles, "nb")  # spaCy's nb_core_news_sm
    assert kept["article_id"].to_list() == ["no1"] and skipped == {"sv": 1}
