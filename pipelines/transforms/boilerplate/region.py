"""Where the article sits in a page: the main region and boilerplate regions inside it.

The main region is the contiguous run of lines with the largest score (maximum-sum
subarray): prose scores its length, menus and fragments score a little below zero, known
boilerplate clearly below. A page's chrome (nav above, footer below) falls outside.
Inside it, a marker line ("Related Articles", "About the Author") opens a region that is
boilerplate until the article clearly resumes with a run of prose paragraphs.
"""
from __future__ import annotations

from .lines import Line

GOOD_SCORE_CAP = 80
MEDIUM_SCORE = 2.0
SHORT_SCORE = -1.0
BAD_SCORE = -3.0
MARKER_SCORE = -8.0
RESUME_RUN = 3  # consecutive prose lines after a marker that mean the body resumed


def line_score(line: Line) -> float:
    if line.marker:
        return MARKER_SCORE
    if line.quality == "good":
        return float(min(line.words, GOOD_SCORE_CAP))
    if line.quality == "medium":
        return MEDIUM_SCORE
    if line.quality == "bad":
        return BAD_SCORE
    return SHORT_SCORE


def main_region(lines: list[Line]) -> tuple[int, int]:
    """[start, end) indices of the best-scoring contiguous run; (0, 0) if nothing is prose."""
    best, best_span = 0.0, (0, 0)
    running, start = 0.0, 0
    for i, line in enumerate(lines):
        if running <= 0:
            running, start = 0.0, i
        running += line_score(line)
        if running > best:
            best, best_span = running, (start, i + 1)
    return best_span


def _body_resumes(lines: list[Line], i: int, end: int) -> bool:
    run = lines[i : min(i + RESUME_RUN, end)]
    return len(run) == RESUME_RUN and all(x.quality == "good" and not x.marker for x in run)


def marker_regions(lines: list[Line], start: int, end: int) -> dict[int, str]:
    """Index -> reason for each line inside a marker-opened region within [start, end)."""
    dropped: dict[int, str] = {}
    reason: str | None = None
    for i in range(start, end):
        line = lines[i]
        if line.marker:
            reason = line.marker
        elif reason and _body_resumes(lines, i, end):
            reason = None
        if reason:
            dropped[i] = line.reason or reason
    return dropped
