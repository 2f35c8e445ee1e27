"""Per-line features: length in words, stop-word density, sentence punctuation, Title Case,
glued words ("conceptEVLA", a link list run together), list markers. `grading.py` turns them
into each line's first, context-free verdict.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import add

from .site import normalize_lines

WORD_RE = re.compile(r"\w+", re.UNICODE)
DIGIT_RE = re.compile(r"\d")
# Scripts written without spaces: one \w+ run can be a whole sentence.
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SENTENCE_END = frozenset(".!?。！？…")
# German quotes close with “ and ‘ („so“, ‚so‘), and »so« with «
CLOSERS = "\"'”’“‘«»)]》」』 "
INNER_SENTENCE_RE = re.compile(r"[.!?。！？][\"'”’“‘«»)]?\s+\S|[。！？]")
GLUED_RE = re.compile(r"[a-z][A-Z][a-z]")
# GLUED_RE with the capital first, so the regex engine skips to the capitals; its matches may
# overlap where GLUED_RE's do not ("aBcDe": one joint for GLUED_RE), see `count_glued`
GLUE_JOINT_RE = re.compile(r"[A-Z](?<=[a-z][A-Z])[a-z]")
# a capitalized word glued to the end of another: "...Student-AthleteA 24-year-old woman..."
# (the capital first, then the look-behind over it and the character before: the same matches
# as "(?<=[a-z0-9?!’'”])[A-Z][a-z]*\b", but the regex engine can skip to the capitals)
GLUE_POINT_RE = re.compile(r"[A-Z](?<=[a-z0-9?!’'”][A-Z])[a-z]*\b")
# a month and its day, in any case, spelled out or cut short: "March 2", "MARCH 2", "Mar 12", "Sept. 15"
MONTH_DAY = (r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
             r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.? \d{1,2}")
# a wire dateline inside a line: "San Francisco, March 16 - BankAmerica..."
DATELINE_RE = re.compile(r"\b" + MONTH_DAY + r"\b")
INITIALISM_END_RE = re.compile(r"\b(?:[A-Z]\.){2,}$")  # "U.S.", "U.K.", "S.A."
# on a line of its own; "12. März 2024" is a date written day first, no list item
LIST_MARKER_RE = re.compile(r"^([-–•*·▪►●]|\d{1,2}[.)])\s+(?![^\W\d_]+\.?,? (?:19|20)\d\d\b)")
# the same after each newline of a page (its spaces may not run on into the next line)
PAGE_LIST_MARKER_RE = re.compile(r"\n(?:[-–•*·▪►●]|\d{1,2}[.)])[^\S\n]+(?![^\W\d_]+\.?,? (?:19|20)\d\d\b)")
# The only characters whose lower-casing is not one character of the same kind (word or not)
# regardless of context: "İ" becomes "i" and a combining dot, "Σ" becomes "ς" or "σ" by what
# follows it (tests/unit/test_boilerplate_prefilter.py checks the list against all of Unicode).
# Without them, the tokens of a lower-cased line are the line's tokens lower-cased.
CASE_CONTEXT_CHARS = ("İ", "Σ")
LONE_MARKERS = frozenset({"-", "–", "•", "*", "·", "▪", "►", "●"})

MEDIUM_MIN_WORDS = 5
TITLE_CASE_SHARE = 0.8
TITLE_CASE_MAX_WORDS = 25
ABBREVIATION_MAX_CHARS = 3  # "St", "Mr", "U.S": a capitalized word this short before a full stop
GLUED_WORD_MIN_CHARS = 3  # "RunDenny" joins two words; "McDonald", "iPhone" are one
CARD_HEAD_MIN_WORDS = 5
CARD_HEAD_MAX_COMMAS = 1  # a glued headline without a stop word after it needs this many words
HEADLINE_MIN_WORDS = 3  # longer lines are never graded as headlines
TITLE_CASE_SENTENCE_WORDS = 15  # a line this long closed by a full stop is a sentence, however capitalized


@dataclass(slots=True)
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
    marker_until: str = "body"  # where that region ends: "prose", "section", "body", "line" or "end"
    key: str = ""  # normalize_line(text): duplicates, site lines and title matching compare keys
    # WORD_RE.findall(text.lower()) joined by spaces, made with the page's tokens; None on a page
    # where lower-casing may split or change a token (see CASE_CONTEXT_CHARS)
    lower_tokens: str | None = None
    table_row: bool = False  # a row of a table of figures (tables.mark_table_rows)
    cell_row: int | None = None  # a table scraped one cell a line: index of its row's first cell
    item_run: bool = False  # an item of a list of quantities without bullets (lists.mark_item_runs)


def lower_words(line: Line) -> list[str]:
    """WORD_RE.findall(line.text.lower()), from the tokens make_lines kept where it could."""
    return line.lower_tokens.split() if line.lower_tokens is not None else WORD_RE.findall(line.text.lower())


def has_digit(text: str) -> bool:
    return DIGIT_RE.search(text) is not None


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
    # start i = the lengths of the texts before it plus one newline after each of them
    return list(map(add, accumulate(map(len, texts), initial=0), range(len(texts))))


def make_lines(numbered: list[tuple[int, str]], stops: frozenset[str]) -> list[Line]:
    """`Line`s of a page's (line_no, text) pairs, each with what `make_line` gives it alone.

    The rare features (list markers, glued words, a link card's glue points, CJK script) come
    from one regex pass over the joined page (their patterns cannot match across a newline),
    stop words from one running count over the page's lower-cased tokens, the rest column by
    column (comprehensions and maps cost less a line than one loop building each Line)."""
    nos = [no for no, _ in numbered]
    texts = [text for _, text in numbered]
    list_items = _cut_list_markers(texts)
    page, starts = "\n".join(texts), line_starts(texts)
    glued = count_glued(page, starts)
    glue_points = {bisect_right(starts, m.start()) - 1 for m in GLUE_POINT_RE.finditer(page)} if stops else set()
    cjk = not page.isascii() and CJK_RE.search(page) is not None
    # INNER_SENTENCE_RE needs one of its marks: without full-width ones on the page, a line
    # without ".", "!" or "?" is settled by three `in` checks instead of a regex call
    full_width_marks = not page.isascii() and any(mark in page for mark in "。！？")
    # one findall a line (a page-wide findall needs more work to split its tokens by line), the
    # lower-casing and stop-word look-ups once over all tokens
    tokens_of = list(map(WORD_RE.findall, texts))
    token_page = "\n".join(map(" ".join, tokens_of))  # each line's tokens joined by single spaces
    lower_token_page = token_page.lower()
    if page.isascii() or not any(char in page for char in CASE_CONTEXT_CHARS):
        lower_tokens = lower_token_page.split("\n")
    else:
        lower_tokens = [None] * len(texts)
    keys = normalize_lines(texts)
    # column by column: each a list comprehension or a map, not one Python loop over the lines
    n_tokens = list(map(len, tokens_of))
    words = [word_count(text, tokens) for text, tokens in zip(texts, tokens_of)] if cjk else n_tokens
    stop_density = stop_densities(n_tokens, lower_token_page, stops)
    ends = map(SENTENCE_END.__contains__, [text.rstrip(CLOSERS)[-1:] for text in texts])  # ends_with_sentence
    # a colon closes a lead-in to a list or a quote ("...has ripple effects:")
    ends_sentence = [end or (n >= MEDIUM_MIN_WORDS and text.endswith(":")) for end, n, text in zip(ends, words, texts)]
    has_sentence = [
        end or ((full_width_marks or "." in text or "?" in text or "!" in text) and has_inner_sentence(text))
        for end, text in zip(ends_sentence, texts)
    ]
    title_case = [
        n >= 3 and n_words <= TITLE_CASE_MAX_WORDS and not (n_words >= TITLE_CASE_SENTENCE_WORDS and _full_stop_sentence(text))
        and is_title_case(tokens)
        for n, n_words, tokens, text in zip(n_tokens, words, tokens_of, texts)
    ]
    link_card = [False] * len(texts)
    for i in glue_points:
        link_card[i] = is_link_card(texts[i], stops)
    list_item = [False] * len(texts)
    for i in list_items:
        list_item[i] = True
    return list(map(
        Line, nos, texts, words, stop_density, ends_sentence, has_sentence, glued, title_case, link_card, list_item,
        repeat("short"), repeat(None), repeat(None), repeat("body"), keys, lower_tokens,
    ))


def _full_stop_sentence(text: str) -> bool:
    """A sentence closed by a full stop, which a headline never is: "Tony Blair is to join Home
    Secretary David Blunkett in a visit to Sheffield on Thursday." has the capitals of one, not
    "RANGE ROVER TO SELL VEHICLES IN U.S." (capitals, or an initialism's full stop) nor a teaser
    cut off with "..."."""
    return text.endswith(".") and not text.endswith("...") and not text.isupper() and not INITIALISM_END_RE.search(text)


def stop_densities(n_tokens: list[int], lower_token_page: str, stops: frozenset[str]) -> list[float]:
    """Each line's share of stop words among its `n_tokens` (1.0 for a line without tokens, or
    without a stop-word list), from one running count over the page's lower-cased tokens."""
    if not stops:
        return [1.0] * len(n_tokens)
    stops_before = list(accumulate(map(stops.__contains__, lower_token_page.split()), initial=0))  # in the first k tokens
    densities, start = [], 0
    for n in n_tokens:
        end = start + n
        densities.append((stops_before[end] - stops_before[start]) / n if n else 1.0)
        start = end
    return densities


def count_glued(page: str, starts: list[int]) -> list[int]:
    """GLUED_RE's matches in each line of `page` (`starts`: `line_starts` of its lines)."""
    glued = [0] * len(starts)
    last = -3
    for m in GLUE_JOINT_RE.finditer(page):
        capital = m.start()
        if capital >= last + 3:  # GLUED_RE's scan resumes after the lower-case letter
            glued[bisect_right(starts, capital) - 1] += 1
            last = capital
    return glued


def _cut_list_markers(texts: list[str]) -> set[int]:
    """Strip a leading list marker ("- ", "2. ") off each text that has more after it, in
    place; return the indices of those texts (list items)."""
    page = "\n" + "\n".join(texts)  # the newline before line i is at starts[i]
    found = PAGE_LIST_MARKER_RE.finditer(page)
    first = next(found, None)
    if first is None:
        return set()
    starts, items = line_starts(texts), set()
    for m in (first, *found):
        i = bisect_right(starts, m.start()) - 1
        cut = m.end() - starts[i] - 1
        if len(texts[i]) > cut:
            texts[i] = texts[i][cut:]
            items.add(i)
    return items


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
