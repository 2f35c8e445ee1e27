"""Dictionary look-ups around a number, instead of big regex alternations (much faster in CPython).

`phrases_after(text, pos)` gives the 4..1-word phrases starting at `pos` (longest first) as
(phrase with single spaces, end offset, gap before it); callers look them up in the unit,
currency and scale tables. `phrase_before` does the same for words ending at `pos` (qualifiers).
"""
from __future__ import annotations

import re
from functools import lru_cache

# A word for table look-ups: no digits (but "m2", "cm3"), no sentence punctuation, no hyphen.
_TOKEN_RE = re.compile(r"[^\s\d(),;:!?\"“”‘’\[\]{}<>|*=-]+(?:[23](?!\d))?")
_GAP_RE = re.compile(r"\s?[-‑]\s?|[ \t]{0,2}")
_SPACES = re.compile(r"\s+")


_TOK = _TOKEN_RE.pattern
_PHRASE_RE = re.compile(rf"(?P<gap>{_GAP_RE.pattern})(?P<w1>{_TOK})(?:(?:[ \t]+|-)(?P<w2>{_TOK})"
                        rf"(?:(?:[ \t]+|-)(?P<w3>{_TOK})(?:(?:[ \t]+|-)(?P<w4>{_TOK}))?)?)?")


@lru_cache(maxsize=256)
def phrases_after(text: str, pos: int, max_words: int = 4) -> list[tuple[str, int, str]]:
    """Cached: the unit, scale, range and rate readers all look at the same positions."""
    m = _PHRASE_RE.match(text, pos)
    if not m:
        return []
    gap = m.group("gap")
    start = m.start("w1")
    ends = [m.end(w) for w in ("w1", "w2", "w3", "w4")[:max_words] if m.group(w) is not None]
    out = []
    for end in reversed(ends):
        phrase = text[start:end]
        if "  " in phrase or "\n" in phrase or "\t" in phrase:
            phrase = _SPACES.sub(" ", phrase)
        out.append((phrase, end, gap))
        if phrase.endswith(".") and len(phrase) > 1:  # "mph." at a sentence end
            out.append((phrase[:-1], end - 1, gap))
    return out


def lookup(table: dict, folded: dict, phrase: str):
    """Exact surface first ("MW", "G"), then case-folded for case-free surfaces ("MPH", "Kilometres")."""
    hit = table.get(phrase)
    return folded.get(phrase.lower()) if hit is None else hit


def phrase_before(text: str, pos: int, table: dict, max_words: int = 4):
    """Value in `table` (lower-case keys) of the longest phrase of 1..max_words words that ends at
    `pos` or one space before it ("about $5", "more than 80", "~1.2mm", "sub-300")."""
    end = pos - 1 if pos and text[pos - 1] == " " else pos
    window = text[max(0, end - 40):end]
    if not window or window[-1].isspace():
        return None
    words = window.split()
    for k in range(min(max_words, len(words)), 0, -1):
        cand = " ".join(words[-k:]).lstrip("([\"“").lower()
        if cand in table:
            return table[cand]
    return None
