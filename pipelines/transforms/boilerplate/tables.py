"""Tables of figures in a page: their rows are part of the article whose prose they sit beside.

A wire earnings report is mostly rows ("Net 807,000 vs 2,858,000") around a sentence or two;
a price report is a table under its lede. Graded alone, each row is a short line like a menu's.
"""
from __future__ import annotations

import re

from .lines import WORD_RE, Line

DATA_ROW_MIN_NUMBERS = 2
DATA_ROW_NUMBER_SHARE = 3  # one token in three holds a digit
TABLE_ROW_GAP = 2
DIGIT_RE = re.compile(r"\d")


def mark_table_rows(lines: list[Line]) -> None:
    """Flag the rows of tables of figures ("Net 807,000 vs 2,858,000", "Wheat 2.55 2.40 IV
    4.65"): short lines with DATA_ROW_MIN_NUMBERS tokens holding digits, a third of their
    tokens, a token without one, and another such line within TABLE_ROW_GAP lines with only
    short lines between (no prose, no line a rule dropped). Tokens are WORD_RE's: "37.4" is two,
    so one decimal figure and a label make a row ("Revs 37.4"). A table is part of the article
    its prose sits beside; a lone dated line ("Monday November 18, 2019 7:45 am") or a headline
    with a year above the dateline is not a table."""
    rows = [i for i, line in enumerate(lines) if _is_data_row(line)]
    pairs = [(a, b) for a, b in zip(rows, rows[1:])
             if b - a <= TABLE_ROW_GAP and all(lines[k].quality == "short" for k in range(a + 1, b))]
    for a, b in pairs:
        lines[a].table_row = lines[b].table_row = True


def _is_data_row(line: Line) -> bool:
    if line.quality != "short" or line.words < DATA_ROW_MIN_NUMBERS or not DIGIT_RE.search(line.text):
        return False
    tokens = WORD_RE.findall(line.text)
    numbers = sum(1 for t in tokens if DIGIT_RE.search(t))
    # some token without a digit, as a row's label has ("Net"): bare figures ("225.86",
    # "-5.44%") are a stock-quote widget; "12:30 pm" or "Phone: 316-831-6143" pass this test
    labelled = numbers < len(tokens)
    return labelled and numbers >= DATA_ROW_MIN_NUMBERS and numbers * DATA_ROW_NUMBER_SHARE >= len(tokens)
