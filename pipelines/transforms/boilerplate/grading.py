"""A line's first verdict, from its features alone (`lines.Line`): prose, a short sentence, or
a short line (menus, headlines, captions, fragments); and whether it reads as a heading.
jusText's signals: length in words, stop-word density and sentence punctuation.
"""
from __future__ import annotations

from .lines import INITIALISM_END_RE, MEDIUM_MIN_WORDS, Line, lower_words

PROSE = ("good", "medium")  # the grades of prose
GOOD_MIN_WORDS = 10
UNPUNCTUATED_GOOD_WORDS = 20  # a long line without a full stop is still prose (a standfirst)
MIN_STOP_DENSITY = 0.2
FIGURE_SHARE_OF_ROW = 3  # more than one token in three a figure: a table's row, not a sentence


def grade(line: Line) -> str:
    """good: prose; medium: a short sentence; short: menus, headlines, captions, fragments."""
    if line.glued >= 2 and line.glued * 6 > line.words:
        return "short"  # a run of links glued together, not prose
    if line.title_case:
        return "short"  # a headline, even one ending in "?"
    if line.link_card:
        return "short"
    prose = line.stop_density >= MIN_STOP_DENSITY or _prose_among_figures(line)
    if prose and line.words >= GOOD_MIN_WORDS and (line.has_sentence or line.words >= UNPUNCTUATED_GOOD_WORDS):
        return "good"
    if prose and line.words >= MEDIUM_MIN_WORDS and line.ends_sentence:
        return "medium"
    return "short"


def _prose_among_figures(line: Line) -> bool:
    """A sentence whose figures thin out its stop words ("Tsonga cruised past Uchiyama 6-2, 6-1
    and Nishioka defeated Monfils 7-5, 6-2."): prose by the density among its other words."""
    if not (line.ends_sentence and line.words >= GOOD_MIN_WORDS and line.stop_density):
        return False
    figures = sum(1 for token in lower_words(line) if token[0].isdigit())
    words = line.words - figures
    if not 0 < figures * FIGURE_SHARE_OF_ROW <= line.words:
        return False  # a third of its tokens figures or more: a row of a table ("Wheat prev 39.9, Feb 48.7")
    return line.stop_density * line.words >= MIN_STOP_DENSITY * words


def heads_prose(lines: list[Line], i: int, end: int) -> bool:
    """A short heading-like line right over a prose line: a section's heading (a live blog's
    entry), where a link box's headline has its blurb or the next headline under it."""
    return lines[i].quality == "short" and is_heading_like(lines[i]) and i + 1 < end and lines[i + 1].quality in PROSE


def is_heading_like(line: Line) -> bool:
    """A section heading: short, starts with a capital or digit, no trailing sentence mark
    (an initialism's full stop is none: "RANGE ROVER TO SELL VEHICLES IN U.S.")."""
    text = line.text
    if not (1 <= line.words <= 25) or line.glued >= 2:
        return False
    if text[-1] in ".,;:!" and not INITIALISM_END_RE.search(text):
        return False
    # capitals, digits, quotes and uncased scripts (ko, ja); a brand's own capitals ("iOS 17.4
    # battery drain", "eBay sales") count too
    return not text[0].islower() or not text.split(None, 1)[0].islower()
