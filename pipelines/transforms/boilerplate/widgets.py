"""A thread told by its furniture: the same short line ("Reply", "Like · Report", "Rating: 9
Votes") repeated between blocks of prose below the article. Comment widgets repeat per
comment; an article's own subheadings do not repeat, and its ad slots are rule hits already.
Works without a "Comments" marker or recognizable timestamps (sites whose phrasing the
marker lists and patterns lack).
"""
from __future__ import annotations

from .lines import Line

PROSE = ("good", "medium")
WIDGET_MAX_WORDS = 4
MIN_REPEATS = 4  # separators of at least this many comments
MIN_SEPARATED = 3  # of the gaps between repeats, this many hold prose (a comment)
MIN_ARTICLE_WORDS = 150  # prose above the first repeat: the article comes first
MAX_TAIL_WORDS = 150  # prose below the last repeat: one last comment, not the article resuming
WIDGET_REASONS = (None, "comments", "comment_meta")


def widget_thread(lines: list[Line], start: int, end: int) -> dict[int, str]:
    """Index -> "comments" from the first comment of a thread marked by a repeated widget line."""
    repeats = _widget_repeats(lines, start, end)
    if repeats is None:
        return {}
    first = repeats[0]
    if not any(x.quality in PROSE for x in lines[repeats[-1] + 1 : end]):
        first = _comment_above(lines, start, first, min(b - a for a, b in zip(repeats, repeats[1:])))
    if _prose_words(lines, start, first) < MIN_ARTICLE_WORDS:
        return {}
    return dict.fromkeys(range(first, end), "comments")


def _comment_above(lines: list[Line], start: int, widget: int, period: int) -> int:
    """A widget line that closes each comment ("Rating: 9 Votes"): its comment starts at most
    one period (the distance between repeats) above it, at the author line over the prose."""
    i, floor = widget, max(start, widget - period + 1)
    while i > floor and lines[i - 1].quality in PROSE:
        i -= 1
    while i > floor and lines[i - 1].quality not in PROSE:
        i -= 1
    return i


def _widget_repeats(lines: list[Line], start: int, end: int) -> list[int] | None:
    """Indices of the earliest-starting widget line repeated between comments, or None."""
    seen: dict[str, list[int]] = {}
    for i in range(start, end):
        line = lines[i]
        # a rule of "___" or "***" separates a live blog's entries: widgets have words
        if line.quality not in PROSE and line.words <= WIDGET_MAX_WORDS and line.reason in WIDGET_REASONS and _has_letters(line.key):
            seen.setdefault(line.key, []).append(i)
    candidates = [
        idx for idx in seen.values()
        if len(idx) >= MIN_REPEATS and _separated(lines, idx) >= MIN_SEPARATED
        and _prose_words(lines, idx[-1], end) <= MAX_TAIL_WORDS  # a gallery's counters sit mid-article
    ]
    return min(candidates, key=lambda idx: idx[0]) if candidates else None


def _has_letters(key: str) -> bool:
    return any(c.isalpha() for c in key)


def _separated(lines: list[Line], indices: list[int]) -> int:
    return sum(1 for a, b in zip(indices, indices[1:]) if any(x.quality in PROSE for x in lines[a + 1 : b]))


def _prose_words(lines: list[Line], start: int, end: int) -> int:
    return sum(x.words for x in lines[start:end] if x.quality in PROSE)
