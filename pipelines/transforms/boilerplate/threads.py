"""Comment threads under an article that no "Comments" marker opens (sites whose phrasing the
marker lists lack), told by their shape:
- headers: a name line, then a timestamp ("August 8, 2018 at 3:17 pm"), then the comment;
- furniture: the same short line ("Reply", "Like · Report", "Rating: 9 Votes") repeated between
  blocks of prose below the article. Comment widgets repeat per comment; an article's own
  subheadings do not repeat, and its ad slots are rule hits already.
"""
from __future__ import annotations

import re

from .grading import PROSE, heads_prose
from .lines import Line

MIN_UNMARKED_HEADERS = 3  # name-then-timestamp headers that make a thread without a marker
LONG_THREAD_HEADERS = 6  # this many make a thread even when its comments outweigh the article
WIDGET_MAX_WORDS = 4
MIN_REPEATS = 4  # separators of at least this many comments
MIN_SEPARATED = 3  # of the gaps between repeats, this many hold prose (a comment)
MIN_ARTICLE_WORDS = 150  # prose above the first repeat: the article comes first
MAX_TAIL_WORDS = 150  # prose below the last repeat: one last comment, not the article resuming
WIDGET_REASONS = (None, "comments", "comment_meta")
NAME_WORDS = (2, 3)  # a live blog writer's name, repeated over each entry
TIME_RE = re.compile(r"\d[:.]\d\d")  # an entry's or a comment's time ("13.55 GMT", "7:21 pm"), no heading
ENTRY_HEAD_REACH = 2  # lines from a live blog's repeated writer line (then its time) to the entry's heading


def comment_thread(lines: list[Line], start: int, end: int) -> dict[int, str]:
    """Index -> "comments" from the first comment header of an unmarked thread to the end.

    A thread shows each comment as a name line, then its timestamp ("August 8, 2018 at 3:17
    pm"), then the comment: MIN_UNMARKED_HEADERS such headers below most of the prose are a
    thread even with no "Comments" line above it. The name lines above the first go too.
    """
    headers = [
        i for i in range(start + 1, end - 1)
        if lines[i].reason == "comment_meta" and _heads_comment(lines, i) and _comment_follows(lines, i, end)
    ]
    if len(headers) < MIN_UNMARKED_HEADERS:
        return {}
    first = headers[0]
    if len(headers) < LONG_THREAD_HEADERS and _prose_words(lines, start, first) < _prose_words(lines, first, end):
        return {}  # most prose lies below: those are the article's own timestamps
    while first > start and lines[first - 1].quality not in PROSE:
        first -= 1
    return dict.fromkeys(range(first, end), "comments")


def _heads_comment(lines: list[Line], i: int) -> bool:
    """A timestamp under a name line, or a header that names its writer ("Alex on May 2, 2019
    at 6:34 am said:") and so may follow the previous comment's prose directly."""
    return lines[i - 1].quality not in PROSE or lines[i].text.endswith(":")


def _comment_follows(lines: list[Line], i: int, end: int) -> bool:
    """The comment's prose right under its header, or under a salutation ("Hi Milan,")."""
    return any(lines[k].quality in PROSE for k in range(i + 1, min(i + 3, end)))


def _prose_words(lines: list[Line], start: int, end: int) -> int:
    return sum(x.words for x in lines[start:end] if x.quality in PROSE)



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
    if any(_headed_entries(lines, idx, end) for idx in candidates):
        return None  # a live blog, its entries' times repeating (as "0h ago00.00 gmt") with its writers
    return min(candidates, key=lambda idx: idx[0]) if candidates else None


def _headed_entries(lines: list[Line], indices: list[int], end: int) -> bool:
    """A live blog's entries: the repeated line is a writer's name (two or three capitalized
    words, where a comment widget's is "Reply", "Like · Report"), and under most of its repeats
    (and the entry's time) a heading stands over prose."""
    words = lines[indices[0]].text.split()
    if not NAME_WORDS[0] <= len(words) <= NAME_WORDS[1] or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    headed = sum(
        1 for i in indices
        if any(heads_prose(lines, k, end) and not TIME_RE.search(lines[k].text)
               for k in range(i + 1, min(i + ENTRY_HEAD_REACH + 1, end - 1)))
    )
    return 2 * headed > len(indices)


def _has_letters(key: str) -> bool:
    return any(c.isalpha() for c in key)


def _separated(lines: list[Line], indices: list[int]) -> int:
    return sum(1 for a, b in zip(indices, indices[1:]) if any(x.quality in PROSE for x in lines[a + 1 : b]))

