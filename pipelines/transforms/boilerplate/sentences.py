"""Short lines inside the body that are the article's own sentences, though too short or too
terse on stop words to grade as prose (`grading.grade`): a brief's sentence of figures, a
paragraph that lost its full stop, a one-line sentence between paragraphs ("WeWork declined
to comment."). Without them such lines are dropped as fragments of the page's chrome.
"""
from __future__ import annotations

from .grading import MIN_STOP_DENSITY, PROSE
from .lines import WORD_RE, Line, has_digit

SENTENCE_MIN_WORDS = 8
TERSE_MIN_WORDS = 6
SHORT_SENTENCE_MIN_WORDS = 4
SHORT_SENTENCE_MAX_WORDS = 20
SHORT_SENTENCE_REACH = 3  # dropped lines (a picture's caption and credit) skipped to its neighbours
OPENING_QUOTES = "\"“'‘"


def terse_sentence_of_figures(line: Line) -> bool:
    """A wire's terse sentence of figures, too short on stop words for prose ("Commercial
    paper outstanding dropped 375 mln dlrs to 336.63 billion.", "In 1985, hourly compensation
    rose 4.0 pct."): 6+ words, a capital or digit first, not Title Case, a stop word or more and
    a full stop at the end. Figures may outnumber words ("ARCO jumped 1-3/4 to 81-3/4."); a
    pager ("Page 1 2 3 4 5 Next.") or a version line has no stop word."""
    text = line.text
    return (
        text.endswith(".")
        and line.words >= TERSE_MIN_WORDS
        and line.stop_density > 0
        and not line.title_case
        and (text[0].isupper() or text[0].isdigit())
        and has_digit(text)
    )


def unpunctuated_sentence(lines: list[Line], i: int) -> bool:
    """A prose-like line that lost its full stop, between two paragraphs."""
    line = lines[i]
    return (
        line.words >= SENTENCE_MIN_WORDS
        and line.stop_density >= MIN_STOP_DENSITY
        and not line.title_case
        and i > 0
        and lines[i - 1].quality in PROSE
        and lines[i + 1].quality in PROSE
    )


def short_sentence_between(lines: list[Line], i: int, end: int, in_marker_region: dict[int, str]) -> bool:
    """A one-line sentence between the article's sentences ("WeWork declined to comment.",
    "Long-dated U.S. Treasury yields slipped as risk appetite weakened."): a capital first, a
    full stop last, a lower-case word, under a sentence and over a paragraph, past any picture
    between. On the benchmark's dev pages every such line is the article's."""
    line, text = lines[i], lines[i].text
    if not (SHORT_SENTENCE_MIN_WORDS <= line.words <= SHORT_SENTENCE_MAX_WORDS) or line.title_case:
        return False
    if not text.endswith(".") or text.endswith("..") or not (text[0].isupper() or text[0].isdigit() or text[0] in OPENING_QUOTES):
        return False
    if not any(len(word) >= 3 and word.islower() for word in WORD_RE.findall(text)):
        return False
    above, below = _neighbour(lines, i, -1, -1), _neighbour(lines, i, 1, end)
    if above is None or below is None or above in in_marker_region or below in in_marker_region:
        return False
    return (lines[above].quality in PROSE or lines[above].ends_sentence) and lines[below].quality in PROSE


def _neighbour(lines: list[Line], i: int, step: int, limit: int) -> int | None:
    """The nearest line not dropped by a rule, within SHORT_SENTENCE_REACH lines before `limit`."""
    j = i + step
    while j != limit and abs(j - i) <= SHORT_SENTENCE_REACH:
        if lines[j].quality != "bad":
            return j
        j += step
    return None
