"""detect_language on what the news corpus holds besides prose: name lists and number tables."""
from __future__ import annotations

import json
from collections import Counter

from pipelines.transforms.boilerplate.language import detect_language
from tests.conftest import require_shared

# Reuters-style wire notices (written for this test): a few words of English among tickers and
# figures. py3langid 0.4 took such notices for Nigerian Pidgin (pcm): 1,343 of the corpus' 19,043
# Reuters articles.
DIVIDEND = """ACME HOLDINGS INC <ACM> QTLY DIVIDEND
SPRINGFIELD, Ill., March 4 - Qtly div 12 cts vs 12 cts prior
Payable April 15
Record March 31"""
# An earnings table: numbers and abbreviations, no language to speak of.
EARNINGS = """ACME HOLDINGS INC <ACM> 1ST QTR NET
SPRINGFIELD, Ill., April 2 - Shr 41 cts vs 37 cts
Net 4,812,000 vs 4,390,000
Revs 61.2 mln vs 55.9 mln"""


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def test_an_english_wire_notice_is_english_not_pidgin():
    assert detect_language(_lines(DIVIDEND)) == "en"


def test_a_table_of_numbers_has_no_language():
    assert detect_language(_lines(EARNINGS)) is None


def test_confident_other_languages_are_still_found():
    assert detect_language(["Россия и Украина провели переговоры в Стамбуле, но мир остаётся далёким."]) == "ru"
    assert detect_language(["A vida requer da gente otimismo e coragem para esperar o melhor e fazer o melhor acontecer."]) == "pt"


def test_the_english_news_corpus_comes_out_english_or_no_language():
    """The first 3,000 BBC/Reuters articles: English, or None for the tables. Before, 77 came
    out pcm (Nigerian Pidgin) and 9 zxx ("no linguistic content", py3langid's own label)."""
    found = Counter()
    with require_shared("data", "news-corpus", "news_articles.jsonl").open(encoding="utf-8") as corpus:
        for _, line in zip(range(3000), corpus):
            found[detect_language(_lines(json.loads(line)["text"]))] += 1
    assert set(found) <= {"en", None}, found
    assert found["en"] >= 0.99 * 3000, found
