"""count_words: whitespace words, one word per CJK character, CJK punctuation no word; Python's
count (the clean stage) and polars' (the articles suite) agree."""
from __future__ import annotations

import polars as pl
import pytest

from pipelines.transforms.words import WORD_PATTERN, count_words

CASES = [
    ("The council approved the budget, after a long debate.", 9),
    ("  spaced\tout\nacross lines  ", 4),
    ("東京都は予算案を発表した。", 12),
    ("我们，你们！", 4),
    ("Sony のカメラ α7", 6),
    ("한국어 문장 입니다", 3),
    ("", 0),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_count_words(text, expected):
    assert count_words(text) == expected


def test_polars_counts_as_python_does():
    texts = [text for text, _ in CASES] + ["Привет, мир. Ça va? Straße", "mixed 日本語 and English text"]
    counted = pl.DataFrame({"text": texts}).select(pl.col("text").str.count_matches(WORD_PATTERN))["text"].to_list()
    assert counted == [count_words(t) for t in texts]


def test_text_with_spaces_counts_as_split_does():
    text = "Ukraine's drone strikes — much like Russia's air campaign — hardly signal 537 (or $7 billion) of it."
    assert count_words(text) == len(text.split())
