"""Build the `CleanedDoc`: kept lines become blocks, dropped ones `RemovedLine`s."""
from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from ..document import Block, CleanedDoc, RemovedLine
from .credits import drop_media_titles
from .datelines import opens_wire_lede
from .deks import drop_deks
from .grading import PROSE, is_heading_like
from .lines import CJK_RE, Line, has_inner_sentence, lower_words
from .stranded import drop_stranded
from .sentences import short_sentence_between, terse_sentence_of_figures, unpunctuated_sentence
from .region import HEADER_REASONS, HEADLINE_MIN_WORDS, WIRE_LEDE_REACH, is_menu_item  # shorter lines above a headline are kickers

TITLE_WINDOW = 25  # the headline sits within this many lines above the first paragraph
TITLE_MIN_WORDS = 3
TWO_SENTENCE_MAX_WORDS = 25  # a headline of two sentences; a standfirst of two runs longer
# between two sentences: a full stop (maybe closing a quote), a space, a capital (maybe opening one)
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.?!])\s+(?=[A-Z“\"‘'])|(?<=[.?!][’”\"'])\s+(?=[A-Z“\"‘'])")
TITLE_LEAD_LINES = 8  # the body's first lines, whose words the headline shares
TITLE_MIN_SHARED, TITLE_MIN_SHARE = 2, 0.34  # words, and share of the line's words, shared with them
STANDFIRST_MIN_WORDS = 9  # a line under the headline this long is its standfirst, however short the line above
KICKER_MAX_WORDS = 5  # a line this short over a short line is a kicker over the headline
LIST_ITEM_MIN_WORDS = 2
SECTION_MIN_WORDS = 30
QUESTION_HEADING_MAX_WORDS = 8
CELL_SEPARATOR = " | "  # between the cells of a table row scraped one cell a line


def rule_reasons(lines: list[Line], start: int, end: int, in_marker_region: dict[int, str]) -> list[str | None]:
    """Each line's drop reason from the rules (None: kept as body); the headline gets "title"."""
    # above and below the body a line keeps its own reason or takes the region's: no call a line
    reasons = [line.reason or "nav" for line in lines[:start]]
    reasons += [_drop_reason(lines, i, start, end, in_marker_region) for i in range(start, end)]
    reasons += [line.reason or "footer" for line in lines[end:]]
    for i in _brief_head(lines, start, end):
        if reasons[i] == "short_fragment":
            reasons[i] = None
    _name_footer_regions(lines, end, reasons)
    drop_stranded(lines, reasons, start)
    drop_media_titles(lines, reasons)
    title_idx = _find_title(lines, reasons)
    drop_deks(lines, reasons, title_idx)
    if title_idx is not None:
        reasons[title_idx] = "title"
    return reasons


def build_doc(lines: list[Line], reasons: list[str | None]) -> CleanedDoc:
    """Kept lines become blocks, dropped ones `RemovedLine`s with their reason; the cells of a
    table row scraped one cell a line become one paragraph ("1 | Kyle Busch | 5040")."""
    doc = CleanedDoc()
    title_idx = next((i for i, r in enumerate(reasons) if r == "title"), None)
    title_key = None
    if title_idx is not None:
        doc.title = lines[title_idx].text
        title_key = lines[title_idx].key
    row = None  # the cell_row of the last kept line: a table scraped one cell a line
    for i, line in enumerate(lines):
        reason = reasons[i]
        if reason is None and title_key and line.key == title_key:
            reason = "title"  # the headline repeated at the top of the body
        if reason:
            doc.removed.append(RemovedLine(line.no, line.text, reason))
        elif row is not None and line.cell_row == row:  # the row's next cell
            doc.blocks[-1] = Block("paragraph", f"{doc.blocks[-1].text}{CELL_SEPARATOR}{line.text}")
        else:
            doc.blocks.append(Block(_kind(line), line.text))
        if reason is None:  # a dropped cell (a repeated headline) does not split its row
            row = line.cell_row
    return doc


def _name_footer_regions(lines: list[Line], end: int, reasons: list[str | None]) -> None:
    """Below the body, lines under a marker ("Related Articles") take the marker's reason."""
    current = None
    for i in range(end, len(lines)):
        current = lines[i].marker or current
        if current and reasons[i] == "footer":
            reasons[i] = current


def assemble_without_prose(lines: list[Line]) -> CleanedDoc:
    """A text with no prose line at all (an earnings table): keep every line no rule drops."""
    doc = CleanedDoc()
    reasons = [line.reason or "short_fragment" if line.quality == "bad" else None for line in lines]
    if reasons and reasons[0] is None and _opens_with_headline(lines, reasons):
        doc.title, reasons[0] = lines[0].text, "title"
    for line, reason in zip(lines, reasons):
        if reason:
            doc.removed.append(RemovedLine(line.no, line.text, reason))
        else:
            doc.blocks.append(Block("list_item" if line.list_item else "paragraph", line.text))
    return doc


def _drop_reason(lines: list[Line], i: int, start: int, end: int, in_marker_region: dict[int, str]) -> str | None:
    line = lines[i]
    if i < start:
        return line.reason or "nav"
    if i >= end:
        return line.reason or "footer"
    if i in in_marker_region:
        return in_marker_region[i]
    if line.quality == "bad":
        return line.reason
    if line.quality in PROSE:
        return None
    return None if _short_line_belongs(lines, i, end, in_marker_region) else "short_fragment"


def _short_line_belongs(lines: list[Line], i: int, end: int, in_marker_region: dict[int, str]) -> bool:
    """A short line inside the body is kept as a heading before prose, or as a list item."""
    line = lines[i]
    if (line.list_item and line.words >= LIST_ITEM_MIN_WORDS) or line.table_row or opens_wire_lede(line.text):
        return True
    nxt = i + 1
    if nxt >= end or nxt in in_marker_region:
        return False
    if lines[nxt].table_row and is_heading_like(line):
        return True  # a table's heading, or a sub-heading between its rows ("Nine mths")
    if unpunctuated_sentence(lines, i) or terse_sentence_of_figures(line):
        return True
    if short_sentence_between(lines, i, end, in_marker_region):
        return True
    if line.text.endswith(":") and lines[nxt].list_item:
        return True  # the lead-in of a list
    return is_heading_like(line) and (lines[nxt].list_item or _section_follows(lines, nxt, end))


def _brief_head(lines: list[Line], start: int, end: int) -> list[int]:
    """A brief's terse lines between its wire lede and its first paragraph ("Annual div Class B
    12.1 cts vs 10.4 cts prior", "Payable April one"): when the body opens with a lede too terse
    for prose ("MCLEAN, Va., Feb 26 - Annual div Class A 14 cts vs 12 cts prior"), the short
    lines under it up to the prose are the brief's own, but for menu items. Not under a lede
    that is a paragraph: that is a web page's first paragraph as often as a wire's, and its
    chrome ("listen to this article 4 min") may follow it."""
    if start == end or lines[start].quality != "short" or not opens_wire_lede(lines[start].text):
        return []
    head = []
    for i in range(start + 1, min(end, start + WIRE_LEDE_REACH)):
        if lines[i].quality != "short":
            break
        if not is_menu_item(lines[i]):
            head.append(i)
    return head


def _section_follows(lines: list[Line], i: int, end: int) -> bool:
    """A heading opens a section: two paragraphs, or one long one (not a one-line blurb)."""
    if lines[i].quality not in PROSE:
        return False
    if lines[i].words >= SECTION_MIN_WORDS:
        return True
    return i + 1 < end and (lines[i + 1].quality in PROSE or lines[i + 1].list_item)


def _find_title(lines: list[Line], reasons: list[str | None]) -> int | None:
    """The headline: of the title-like lines just above the first paragraph, one on the
    story's topic, then one above the byline or date line (a picture's caption stands under
    them), then the one sharing most words with the body's first lines, then one repeated on
    the page (a breadcrumb or gallery repeats it), then the longest; but a shorter on-topic
    line right above that one is the headline over its standfirst. Sharing words is what
    tells the headline from the site's name, section labels and promos above it: on the
    benchmark's dev pages it took the plain-text titles that match the page's own from 64 to
    85 of 121 (bench/extraction.py), the standfirst rule to 88, the byline rule to 93."""
    body = (i for i, r in enumerate(reasons) if r is None)
    first_body = next(body, None)
    if first_body is None:
        return None
    if first_body == 0:  # the body starts on the first line: a headline there was kept as body
        return 0 if _opens_with_headline(lines, reasons) else None
    # a share panel's buttons, bylines and datelines do not push the headline out of reach
    window = [i for i in range(first_body - 1, -1, -1) if reasons[i] not in HEADER_REASONS][:TITLE_WINDOW]
    candidates = sorted(i for i in window if _title_like(lines[i], reasons[i]))
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    # every word of the lead: the candidates' content words are what gets filtered
    lead_lines = [first_body, *islice(body, TITLE_LEAD_LINES - 1)]
    lead = set().union(*(_lead_words(lines[i]) for i in lead_lines))
    # a headline often appears twice (breadcrumb or gallery, then above the article)
    candidate_keys = {lines[i].key for i in candidates}
    on_page = Counter(x.key for x in lines if x.key in candidate_keys)

    # the last byline or date line over the body: the headline is above it
    byline = max((i for i in range(candidates[0], first_body) if reasons[i] in ("byline", "dateline")), default=None)

    def rank(i: int) -> tuple:
        words = _content_words(lines[i])
        shared = len(words & lead)
        on_topic = shared >= TITLE_MIN_SHARED and shared >= TITLE_MIN_SHARE * len(words)
        return on_topic, byline is None or i < byline, shared, on_page[lines[i].key] > 1, lines[i].words, i

    best = max(candidates, key=rank)
    above = best - 1
    # a standfirst shares more words with the story than the shorter headline right above it
    # ... unless that shorter line is a kicker over a headline: a few words over a short line
    kicker = lines[above].words <= KICKER_MAX_WORDS and lines[best].words < STANDFIRST_MIN_WORDS and not lines[best].ends_sentence
    if above in candidates and rank(above)[0] and HEADLINE_MIN_WORDS <= lines[above].words < lines[best].words and not kicker:
        return above
    return best


def _opens_with_headline(lines: list[Line], reasons: list[str | None]) -> bool:
    """The page's first line is a headline over more body: title-like, no paragraph, and in
    a headline's style ("FARMERS GROUP INC <FGRP> 4TH QTR NET", "Have hackers recruited your
    PC?"), which a table's first row ("Shr one dlr vs 73 cts") is not."""
    first = lines[0]
    styled = first.title_case or first.text.isupper() or first.text.endswith("?")
    more = any(r is None for r in reasons[1:])
    once = all(line.key != first.key for line in lines[1:])  # not an interview's recurring question
    return styled and more and once and first.quality != "good" and _title_like(first, reasons[0])


def _content_words(line: Line) -> set[str]:
    """Lower-cased words of four letters or more: what a headline and its story share. Scripts
    written without spaces (ja, zh) share pairs of characters instead."""
    if CJK_RE.search(line.text):
        return _cjk_pairs(line.text)
    return {t for t in lower_words(line) if len(t) > 3 and not t.isdigit()}


def _lead_words(line: Line) -> set[str]:
    return _cjk_pairs(line.text) if CJK_RE.search(line.text) else set(lower_words(line))


def _cjk_pairs(text: str) -> set[str]:
    return {text[k : k + 2] for k in range(len(text) - 1) if CJK_RE.match(text, k) and CJK_RE.match(text, k + 1)}


def _title_like(line: Line, reason: str | None) -> bool:
    if reason not in ("nav", "stranded", None) or line.quality == "bad":
        return False  # dropped by a rule, even the nav pattern's "Back to overview"
    if line.words < TITLE_MIN_WORDS or line.list_item or line.table_row or not any(map(str.isalpha, line.text)):
        return False  # a headline is no list item, nor a row of figures ("Revs 20.9 mln vs 19.6 mln", "04/09/87")
    if opens_wire_lede(line.text):
        return False  # "NEW YORK, March 6 - Shr loss 10 cts vs loss 50 cts" is the lede
    return is_heading_like(line) or (line.text.endswith("?") and line.words <= 20) or _two_sentence_headline(line)


def _two_sentence_headline(line: Line) -> bool:
    """"Maryland's oyster reefs are finally coming back. Watermen say it's not enough.": a
    headline of two short sentences, as American sites write them."""
    text = line.text
    if not (TITLE_MIN_WORDS * 2 <= line.words <= TWO_SENTENCE_MAX_WORDS and text.endswith((".", "?"))):
        return False
    sentences = [part for part in SENTENCE_SPLIT_RE.split(text) if part]
    return len(sentences) == 2 and all(len(part.split()) >= TITLE_MIN_WORDS for part in sentences)


def _kind(line: Line) -> str:
    if line.list_item:
        return "list_item"
    if line.table_row:
        return "paragraph"  # "Net 886,937 vs 892,323" is short and capitalised, yet no heading
    text = line.text
    if text.endswith("?") and line.words <= QUESTION_HEADING_MAX_WORDS and text[0].isupper() and not has_inner_sentence(text):
        return "heading"  # "What did the prosecutors say?": a section's question, not a paragraph's
    return "heading" if line.quality not in PROSE and is_heading_like(line) else "paragraph"
