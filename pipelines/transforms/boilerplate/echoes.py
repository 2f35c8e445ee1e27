"""A standfirst or "Key Points" bullet that the lede paragraph restates: the page's first
paragraph-like line, when most of its word trigrams reappear in one longer line below it.

Only the top of the page: further down, the truth of an article keeps its pull quotes and
its repeated quotes (measured on the benchmark's dev split: marking every echo on the page
dropped twice as many body lines as boilerplate ones). Exact repeats are
`classify._mark_duplicates`' job; this finds the loose ones ("has finalized a deal" above
"DUBAI — ... finalized a deal").
"""
from __future__ import annotations

from .grading import PROSE
from .lines import Line, lower_words

SHINGLE = 3
ECHO_MIN_WORDS = 6  # shorter lines share trigrams by chance ("said in a statement")
ECHO_SHARE = 0.8  # share of the standfirst's trigrams that the longer line repeats


def _shingles(line: Line) -> set[tuple[str, ...]]:
    tokens = lower_words(line)
    return {tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def mark_echoes(lines: list[Line]) -> None:
    """Mark the prose lines down to the first "good" one that a longer line below restates."""
    for i, line in enumerate(lines):
        if line.quality in PROSE and line.words >= ECHO_MIN_WORDS and _restated_below(lines, i):
            line.quality, line.reason = "bad", "echo"
        if line.quality == "good":
            return


def _restated_below(lines: list[Line], i: int) -> bool:
    own = _shingles(lines[i])
    if not own:
        return False
    needed = ECHO_SHARE * len(own)
    below = [x for x in lines[i + 1 :] if x.quality in PROSE and x.words > lines[i].words]
    # cheap pre-check on the text below as one string: most standfirsts share little with it
    if all(x.lower_tokens is not None for x in below):  # single-spaced already: a prose line holds a word
        page = " " + " ".join([x.lower_tokens for x in below]) + " "
    else:
        page = " " + " ".join(" ".join(lower_words(x)) for x in below) + " "
    reachable = len(own)  # trigrams found so far plus those not looked for yet
    for gram in own:
        if f" {' '.join(gram)} " not in page:
            reachable -= 1
            if reachable < needed:  # stop once the share cannot be reached: most standfirsts
                return False
    return any(len(own & _shingles(other)) >= needed for other in below)
