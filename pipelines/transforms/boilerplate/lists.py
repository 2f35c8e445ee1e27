"""Lists inside the main region: other stories' headline + blurb pairs (boilerplate) and the
short items under a lead-in line ("Tour dates:"), which belong to the article."""
from __future__ import annotations

import json
import re

from .datelines import WIRE_DATELINE_RE
from .lines import Line
from .grading import PROSE
from .region import HEADLINE_MIN_WORDS, TEASER_MAX_WORDS
from .rules import DATA_DIR

MIN_LINK_PAIRS = 2
BLURB_MAX_FILLER = 2  # author and date lines between a headline and its blurb
LEAD_IN_LIST_MAX = 60
LIST_ITEM_MIN_WORDS = 2
MIN_ITEM_RUN = 3
MIN_MEASURED_ITEMS = 2  # items with a unit in a run: a recipe's, not headlines that count ("3 dead after storm")
# an item that opens with a quantity, then a word: "8-9 ripe pears", "1 1/2 cups", "2 ½ cups", "200g", "½ cup"
FRACTIONS = "½¼¾⅓⅔⅛"
ITEM_START_RE = re.compile(rf"(?:\d+ \d+/\d+|\d+ ?[{FRACTIONS}]|\d+(?:[/.,]\d+)?(?:\s?[-–]\s?\d+)?|[{FRACTIONS}])\s*([^\W\d_{FRACTIONS}]+)")
_ITEM_WORDS = json.loads((DATA_DIR / "list_items.json").read_text(encoding="utf-8"))
UNITS = frozenset(_ITEM_WORDS["units"])
COUNTED_NOUNS = frozenset(_ITEM_WORDS["counted_nouns"])


def link_lists(lines: list[Line], start: int, end: int) -> dict[int, str]:
    """Index -> "related_block" for runs of headline + teaser pairs inside [start, end).

    A list of other stories shows each as a headline line followed by one short blurb (maybe
    with an author and a date between); two or more such pairs in a row are a link list, even
    in the middle of an article. Section headings differ: each is followed by several
    paragraphs, or by a long one. The scan starts a line above the region: the list's first
    headline may have scored like a menu and been left out. Pairs holding all the region's
    prose are the article itself (a wire brief: headline, lede, a cut-off line, a paragraph).
    """
    pairs: list[tuple[int, int]] = []
    dropped: dict[int, str] = {}
    i = max(0, start - 1)
    while i < end - 1:
        blurb = _blurb_after(lines, i, end) if _is_headline(lines[i]) else None
        if blurb is not None:
            pairs.append((i, blurb))
            i = blurb + 1
            continue
        if pairs and not _is_filler(lines[i]):
            _flush(pairs, dropped)
        i += 1
    _flush(pairs, dropped)
    if all(k in dropped for k in range(start, end) if lines[k].quality in PROSE):
        return {}  # no article beside the list: the pairs are its headline, lede and paragraphs
    return {k: reason for k, reason in dropped.items() if k >= start}


def _is_headline(line: Line) -> bool:
    return line.quality == "short" and line.words >= HEADLINE_MIN_WORDS and not line.ends_sentence


def _blurb_after(lines: list[Line], i: int, end: int) -> int | None:
    """Index of the blurb under headline i, skipping up to BLURB_MAX_FILLER filler lines."""
    for j in range(i + 1, min(end, i + 2 + BLURB_MAX_FILLER)):
        if _is_blurb(lines, j, end):
            return j
        if not _is_filler(lines[j]):
            return None
    return None


def _is_blurb(lines: list[Line], i: int, end: int) -> bool:
    line = lines[i]
    if line.quality not in PROSE:
        return False
    # a story's opening paragraph ("NEW DELHI: The Supreme Court...") may be long
    if line.words >= TEASER_MAX_WORDS and not WIRE_DATELINE_RE.match(line.text):
        return False
    return i + 1 >= end or lines[i + 1].quality not in PROSE


def _is_filler(line: Line) -> bool:
    """Timestamps, bylines and other short lines that sit between the pairs of a link list."""
    return line.quality == "bad" or (line.quality == "short" and line.words < HEADLINE_MIN_WORDS)


def _flush(pairs: list[tuple[int, int]], dropped: dict[int, str]) -> None:
    if len(pairs) >= MIN_LINK_PAIRS:
        for headline, blurb in pairs:
            for k in range(headline, blurb + 1):
                dropped[k] = "related_block"
    pairs.clear()


def lead_in_lists(lines: list[Line], start: int, end: int) -> int:
    """Mark the short lines after a lead-in ("Tour dates:") as list items; return the new end.

    A list of short items (dates, ingredients, specs) scores like a menu, so the region
    would stop at its lead-in line; the colon says the list belongs to the article.
    """
    i = start
    while i < min(end + 1, len(lines)):  # the line right after the region may be a lead-in
        if lines[i].text.endswith(":") and lines[i].quality != "bad":
            j = i + 1
            while j < len(lines) and j - i <= LEAD_IN_LIST_MAX and _list_like(lines[j]):
                lines[j].list_item = True
                j += 1
            end = max(end, j)
            i = j
        else:
            i += 1
    return end


def _list_like(line: Line) -> bool:
    return line.quality == "short" and line.words >= LIST_ITEM_MIN_WORDS and not line.marker


def mark_item_runs(lines: list[Line]) -> None:
    """Mark runs of MIN_ITEM_RUN or more short lines that each open with a quantity ("8-9 ripe
    pears, cored and peeled", "1 tsp cinnamon", "200g flour"), MIN_MEASURED_ITEMS of them with
    a unit or a fraction, as list items of an item run. A list without bullets or a lead-in's
    colon (a recipe's ingredients) otherwise scores like a menu, and its lines would be dropped
    as fragments. A menu's lines start with a capital ("iPhone 11"), a listicle's headlines
    count things ("10 things to know about ...") and a page's counters time ("2 hours ago"):
    list_items.json. Lines that start in lower case are no sign of their own: a site's rules for
    comments ("contains spam;") read so too."""
    # most lines open with no figure: only those that do are looked at
    items = [(i, kind) for i, line in enumerate(lines)
             if (line.text[:1].isdigit() or line.text[:1] in FRACTIONS) and (kind := _item_kind(line))]
    run: list[tuple[int, str]] = []
    for i, kind in [*items, (-2, "")]:
        if run and i == run[-1][0] + 1:
            run.append((i, kind))
            continue
        if len(run) >= MIN_ITEM_RUN and sum(k == "measured" for _, k in run) >= MIN_MEASURED_ITEMS:
            for k, _ in run:
                lines[k].list_item = lines[k].item_run = True
        run = [(i, kind)]


def _item_kind(line: Line) -> str | None:
    """"measured" for an item that names its unit or a fraction ("1 tsp cinnamon", "½ cup
    sugar"), "item" for one that opens with a quantity in lower case ("2 ripe pears"), else None."""
    if not _list_like(line) or line.table_row:
        return None
    match = ITEM_START_RE.match(line.text)
    if match is None:
        return None
    word = match.group(1)
    if word.lower() in UNITS:
        return "measured"
    if not word.islower() or word in COUNTED_NOUNS:
        return None
    return "measured" if any(c in FRACTIONS for c in match.group(0)) else "item"
