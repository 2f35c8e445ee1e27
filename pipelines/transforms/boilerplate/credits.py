"""Picture credits told by their shape, not their words: "Sanjeev Verma/Hindustan Times/Getty
Images", "Natalie Naccache | Bloomberg | Getty Images" on a line of their own, or "(NASA/JPL-
Caltech/ASU)" closing a caption. The phrase rules (line_patterns.json) know the big agencies;
a site's own photographers and archives ("Name/Hindustan Times", "(TNG Collaboration/Foo)")
are in no list, yet a credit is always a few capitalized names joined by "/" or "|".

A credit line becomes "photo_credit", which makes the short prose line above it a caption
(`classify._mark_captions`); a prose line closed by a bracketed credit is a caption itself.
"""
from __future__ import annotations

import re

from .lines import WORD_RE, Line, has_digit
from .grading import PROSE

CREDIT_MIN_WORDS = 3  # a name and an agency: "Pros/Cons", "Price | Verdict" are a review's subheadings
CREDIT_MAX_WORDS = 8  # a credit line, by shape here or by rule ("Photo: Getty Images")
CREDIT_PARTS = (2, 3)  # "Name/Agency", "Name/Paper/Agency": more parts make a menu or a path
PART_MAX_WORDS = 4  # each part a name: "Hindustan Times", "Getty Images"
CAPTION_MAX_WORDS = 60  # a caption is a sentence or two
CAPTION_MIN_WORDS = 5  # words before the bracketed credit
# "(NASA/JPL-Caltech/ASU)", "(Image: © TNG Collaboration)" at the end of a line
TRAILING_CREDIT_RE = re.compile(r"\(([^()]{2,60})\)\s*$")
BRACKET_MAX_WORDS = 6


def _name_parts(text: str, separator: str) -> bool:
    """`text` split on `separator` into 2-3 parts, each a capitalized name of up to 4 words."""
    parts = [p.strip() for p in text.split(separator)]
    if not CREDIT_PARTS[0] <= len(parts) <= CREDIT_PARTS[1]:
        return False
    for part in parts:
        words = WORD_RE.findall(part)
        if not 1 <= len(words) <= PART_MAX_WORDS or not all(w[0].isupper() for w in words if w[0].isalpha()):
            return False
        if not part[0].isupper():  # a date "11/19", a path "news/world", a lower-case menu
            return False
    return True


def is_credit_line(line: Line) -> bool:
    """A short line of names joined by "/" or "|", with no sentence: a picture credit."""
    if line.quality not in ("short", "medium") or line.ends_sentence:
        return False
    if not CREDIT_MIN_WORDS <= line.words <= CREDIT_MAX_WORDS:
        return False
    text = line.text
    if "://" in text or "www." in text or text.isupper() or has_digit(text):
        return False  # a link, a wire headline ("TALKING POINT/GM"), a table's row ("Meal/Oil 102.9")
    if "|" in text:
        return _name_parts(text, "|")
    return "/" in text and _name_parts(text, "/")


def has_trailing_credit(line: Line) -> bool:
    """A caption closed by its credit in brackets: "... map of Titan. (NASA/JPL-Caltech/ASU)"."""
    if line.words > CAPTION_MAX_WORDS or line.table_row:
        return False
    match = TRAILING_CREDIT_RE.search(line.text)
    if match is None:
        return False
    inner = match.group(1)
    words = WORD_RE.findall(inner)
    # a caption without its full stop grades "short" ("Protesters have worn masks (Image: GETTY )")
    if not 1 <= len(words) <= BRACKET_MAX_WORDS or line.words - len(words) < CAPTION_MIN_WORDS:
        return False
    if "©" in inner:
        return True
    if ":" in inner:  # "Image: GETTY", "Photo: Getty Images": a label, then a name (no list of terms)
        label, _, name = inner.partition(":")
        return len(WORD_RE.findall(label)) == 1 and name.strip()[:1].isupper() and "," not in name
    return "/" in inner and _name_parts(inner, "/")


def mark_credits(lines: list[Line]) -> None:
    """Mark a credit-shaped line right under a short prose line "photo_credit" (the prose line
    above becomes its caption in `classify._mark_captions`), and a caption closed by a
    bracketed credit "caption". Elsewhere the shape is a menu ("Food/Dining", "Ascom | Hotel
    Solutions", one under another): left to the region search."""
    # most lines hold neither "/" nor "|" nor a closing bracket: one `in` test each rules them out
    credit = [line.quality != "bad" and ("/" in line.text or "|" in line.text) and is_credit_line(line) for line in lines]
    for i, line in enumerate(lines):
        if line.quality == "bad":
            continue
        if credit[i]:
            above = lines[i - 1] if i else None
            in_run = (i and credit[i - 1]) or (i + 1 < len(lines) and credit[i + 1])
            if above is not None and above.quality in PROSE and above.words <= CAPTION_MAX_WORDS and not in_run:
                line.quality, line.reason = "bad", "photo_credit"
        elif line.text.endswith(")") and has_trailing_credit(line):
            line.quality, line.reason = "bad", "caption"


def _is_media_title(lines: list[Line], i: int) -> bool:
    """A short line that is no sentence, under a heading and over a paragraph: the title of the
    video or picture placed under the heading ("Morrison discusses concerns about Vindman's
    judgment" under "Questioning Vindman's judgment")."""
    line = lines[i]
    return (
        line.quality in ("short", "medium") and not line.has_sentence and not line.list_item
        and i + 1 < len(lines) and lines[i + 1].quality == "good"
    )


def drop_media_titles(lines: list[Line], reasons: list[str | None]) -> None:
    """Two short lines right between two paragraphs of the body: a section's heading, then the
    title of the media under it. A paragraph or heading ending in ":" opens a list or a quote,
    whose lines stay."""
    for i in range(1, len(lines) - 2):
        if reasons[i] is not None or reasons[i + 1] is not None:
            continue  # most lines of a page
        above, heading = lines[i - 1], lines[i]
        if (
            reasons[i - 1] is None and reasons[i + 2] is None
            and above.quality == "good" and heading.quality in ("short", "medium") and not heading.has_sentence
            and not above.text.endswith(":") and not heading.text.endswith(":") and _is_media_title(lines, i + 1)
        ):
            reasons[i + 1] = "caption"
