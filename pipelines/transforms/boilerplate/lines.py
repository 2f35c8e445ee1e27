"""Per-line features and a first, context-free verdict on each line.

jusText-style signals: length in words, stop-word density and sentence punctuation tell
prose from menus, headlines and captions; glued words ("conceptEVLA") betray link lists.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from .site import normalize_line

WORD_RE = re.compile(r"\w+", re.UNICODE)
# Scripts written without spaces: one \w+ run can be a whole sentence.
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SENTENCE_END = frozenset(".!?。！？…")
CLOSERS = "\"'”’»)]》」』 "
INNER_SENTENCE_RE = re.compile(r"[.!?。！？][\"'”’»)]?\s+\S|[。！？]")
GLUED_RE = re.compile(r"[a-z][A-Z][a-z]")
# a capitalized word glued to the end of another: "...Student-AthleteA 24-year-old woman..."
# (the capital first, then the look-behind over it and the character before: the same matches
# as "(?<=[a-z0-9?!’'”])[A-Z][a-z]*\b", but the regex engine can skip to the capitals)
GLUE_POINT_RE = re.compile(r"[A-Z](?<=[a-z0-9?!’'”][A-Z])[a-z]*\b")
# a wire dateline inside a line: "San Francisco, March 16 - BankAmerica..."
DATELINE_RE = re.compile(r"\b(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)\w* \d{1,2}\b")
LIST_MARKER_RE = re.compile(r"^([-–•*·▪►●]|\d{1,2}[.)])\s+")
LONE_MARKERS = frozenset({"-", "–", "•", "*", "·", "▪", "►", "●"})

GOOD_MIN_WORDS = 10
MEDIUM_MIN_WORDS = 5
UNPUNCTUATED_GOOD_WORDS = 20  # a long line without a full stop is still prose (a standfirst)
MIN_STOP_DENSITY = 0.2
TITLE_CASE_SHARE = 0.8
TITLE_CASE_MAX_WORDS = 25
ABBREVIATION_MAX_CHARS = 3  # "St", "Mr", "U.S": a capitalized word this short before a full stop
GLUED_WORD_MIN_CHARS = 3  # "RunDenny" joins two words; "McDonald", "iPhone" are one
CARD_HEAD_MIN_WORDS = 5
CARD_HEAD_MAX_COMMAS = 1  # a glued headline without a stop word after it needs this many words
HEADLINE_MIN_WORDS = 3  # longer lines are never graded as headlines


@dataclass
class Line:
    no: int  # 0-based line number in the input
    text: str  # stripped, inline noise removed, list marker removed
    words: int  # length in words (CJK characters count half a word)
    stop_density: float
    ends_sentence: bool
    has_sentence: bool  # ends a sentence or holds a sentence boundary
    glued: int  # "wordWord" joints: inline links run together by the scraper
    title_case: bool  # "Istanbul Peace Talks Hang By A Thread": a headline, not prose
    link_card: bool = False  # a Title Case headline glued to its blurb: a link to another story
    list_item: bool = False
    quality: str = "short"  # good | medium | short | bad
    reason: str | None = None  # why a bad line is boilerplate
    marker: str | None = None  # reason code if this line opens a boilerplate region
    marker_until: str = "body"  # where that region ends: "prose" or "body"

    @cached_property
    def key(self) -> str:
        """`normalize_line(text)`, computed once: duplicates and title matching compare keys."""
        return normalize_line(self.text)


def word_count(text: str, tokens: list[str]) -> int:
    if not CJK_RE.search(text):
        return len(tokens)
    count = 0
    for tok in tokens:
        cjk = len(CJK_RE.findall(tok)) if len(tok) > 3 else 0
        count += max(1, cjk // 2 + (len(tok) - cjk > 0)) if cjk else 1
    return count


def ends_with_sentence(text: str) -> bool:
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_END


def is_title_case(tokens: list[str]) -> bool:
    """Most longer words capitalized, as in English headlines."""
    long_words = [t for t in tokens if len(t) > 3 and t[0].isalpha()]
    if len(long_words) < 3:
        return False
    capitalized = sum(1 for t in long_words if t[0].isupper())
    return capitalized >= TITLE_CASE_SHARE * len(long_words)


def make_line(no: int, text: str, stops: frozenset[str]) -> Line:
    return make_lines([(no, text)], stops)[0]


def line_starts(texts: list[str]) -> list[int]:
    """Where each text starts in "\\n".join(texts): `bisect_right(starts, pos) - 1` is the
    index of the line holding position `pos` of the joined page."""
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    return starts


def make_lines(numbered: list[tuple[int, str]], stops: frozenset[str]) -> list[Line]:
    """`Line`s of a page's (line_no, text) pairs. The rare features (CJK script, glued words,
    a link card's glue points) come from one scan of the joined page instead of one regex call
    per line: their patterns cannot match across a newline, so each line gets the same values."""
    items = []
    for no, text in numbered:
        marker = LIST_MARKER_RE.match(text)
        if marker and len(text) > marker.end():
            items.append((no, text[marker.end():], True))
        else:
            items.append((no, text, False))
    texts = [text for _, text, _ in items]
    page, starts = "\n".join(texts), line_starts(texts)
    glued = [0] * len(items)
    for m in GLUED_RE.finditer(page):
        glued[bisect_right(starts, m.start()) - 1] += 1
    glue_points = {bisect_right(starts, m.start()) - 1 for m in GLUE_POINT_RE.finditer(page)} if stops else set()
    cjk = not page.isascii() and CJK_RE.search(page) is not None
    lines = []
    for i, (no, text, list_item) in enumerate(items):
        tokens = WORD_RE.findall(text)
        words = word_count(text, tokens) if cjk else len(tokens)
        n_stop = len([t for t in " ".join(tokens).lower().split(" ") if t in stops]) if stops else 0
        ends = ends_with_sentence(text)
        # a colon closes a lead-in to a list or a quote ("...has ripple effects:")
        lead_in = text.endswith(":") and words >= MEDIUM_MIN_WORDS
        lines.append(Line(
            no=no,
            text=text,
            words=words,
            stop_density=(n_stop / len(tokens)) if tokens and stops else 1.0,
            ends_sentence=ends or lead_in,
            has_sentence=ends or lead_in or has_inner_sentence(text),
            glued=glued[i],
            title_case=words <= TITLE_CASE_MAX_WORDS and is_title_case(tokens),
            link_card=i in glue_points and is_link_card(text, stops),
            list_item=list_item,
        ))
    return lines


def has_inner_sentence(text: str) -> bool:
    """A sentence boundary inside the line; "St. Paul", "Mr. Smith", "U.S. troops" are not."""
    for match in INNER_SENTENCE_RE.finditer(text):
        head = text[: match.start()].rsplit(None, 1)
        word = head[-1] if head else ""
        if not (word[:1].isupper() and len(word) <= ABBREVIATION_MAX_CHARS):
            return True
    return False


def is_link_card(text: str, stops: frozenset[str]) -> bool:
    """A headline and its blurb run together: Title Case words, then a glued sentence start."""
    for match in GLUE_POINT_RE.finditer(text):
        head = WORD_RE.findall(text[: match.start()])
        if match.group(0).lower() in stops:
            return len(head) >= HEADLINE_MIN_WORDS and is_title_case(head)
        # "...In Northern MichiganMichigan Department...": a whole word, not "McDonald" or "iPhone"
        if (
            len(head) >= CARD_HEAD_MIN_WORDS
            and len(head[-1]) >= GLUED_WORD_MIN_CHARS
            and text.count(",", 0, match.start()) <= CARD_HEAD_MAX_COMMAS  # a line-up of names
            and _strict_headline(head)
        ):
            return True
    return False


def _strict_headline(tokens: list[str]) -> bool:
    """Title Case throughout, "In" and "To" too, and no word in capitals: "Officers of Korth
    and PaineWebber" is a sentence, "KANSAS CITY, March 2 - UtiliCorp" a wire dateline."""
    words = [t for t in tokens if len(t) > 1 and t[0].isalpha()]
    if len(words) < HEADLINE_MIN_WORDS or any(t.isupper() and len(t) > 3 for t in words):
        return False
    return all(t[0].isupper() for t in words) and not DATELINE_RE.search(" ".join(tokens))


def grade(line: Line) -> str:
    """good: prose; medium: a short sentence; short: menus, headlines, captions, fragments."""
    if line.glued >= 2 and line.glued * 6 > line.words:
        return "short"  # a run of links glued together, not prose
    if line.title_case:
        return "short"  # a headline, even one ending in "?"
    if line.link_card:
        return "short"
    prose = line.stop_density >= MIN_STOP_DENSITY
    if prose and line.words >= GOOD_MIN_WORDS and (line.has_sentence or line.words >= UNPUNCTUATED_GOOD_WORDS):
        return "good"
    if prose and line.words >= MEDIUM_MIN_WORDS and line.ends_sentence:
        return "medium"
    return "short"


def is_heading_like(line: Line) -> bool:
    """A section heading: short, starts with a capital or digit, no trailing sentence mark."""
    text = line.text
    if not (1 <= line.words <= 25) or text[-1] in ".,;:!" or line.glued >= 2:
        return False
    return not text[0].islower()  # capitals, digits, quotes and uncased scripts (ko, ja)
