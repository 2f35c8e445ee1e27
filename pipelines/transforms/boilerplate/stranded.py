"""Short runs of kept lines walled in by dropped ones: stray bits of the page's chrome (a promo
between two share bars, a teaser's sentences under a related-stories list), not the article."""
from __future__ import annotations

from .datelines import opens_wire_lede
from .grading import is_heading_like
from .lines import Line
from .region import HEADER_REASONS

STRANDED_MAX_WORDS = 25  # kept lines this short (on average) between two dropped ones go too
STRANDED_MAX_LINES = 3
OPENING_PARAGRAPHS = 2  # a run of this many paragraphs under the page's header is the body's opening
BODY_INTERRUPTIONS = frozenset({"title", "caption", "photo_credit", "image_gallery", "ad_marker", "duplicate", "related_link"})
# "X contributed to this report", "Reporting by X; Editing by Y": the article's own last line, no wall
ARTICLE_CLOSINGS = frozenset({"credit"})


def drop_stranded(lines: list[Line], reasons: list[str | None], start: int = 0) -> None:
    """Up to three short kept lines with dropped lines on both sides are stray bits of the
    boilerplate around them (a promo between two share bars, a teaser's sentences under a
    related-stories list), not the article. Pictures and ads interrupt the body: no walls. A
    run holding every kept line of the page is the article itself (a three-line wire brief
    between its headline and the footer), not stray bits of anything; so are paragraphs that
    open the body (`start`) under the page's header, though a box follows them."""
    kept = sum(reason is None for reason in reasons)
    i = 1
    while i < len(lines) - 1:
        j = i
        while j < len(lines) - 1 and reasons[j] is None and j - i < STRANDED_MAX_LINES:
            j += 1
        run = range(i, j)  # kept lines i..j-1, then j is dropped (or the run is too long)
        if (
            run
            and len(run) < kept
            and reasons[j] is not None
            # paragraphs right under the page's header open the body, though a box follows them
            # (a standfirst over the byline does not)
            and not (i == start and reasons[j] not in HEADER_REASONS
                     and sum(lines[k].quality == "good" for k in run) >= OPENING_PARAGRAPHS)
            and _walls_in(reasons[i - 1], len(run))
            and _walls_in(reasons[j], len(run))
            and _short_on_average(lines, run)
            and not any(lines[k].list_item or opens_wire_lede(lines[k].text) for k in run)
        ):
            for k in run:
                reasons[k] = "stranded"
            kept -= len(run)  # so the last run standing is never dropped as stray bits of nothing
        i = max(j, i + 1)


def _short_on_average(lines: list[Line], run: range) -> bool:
    """The run's lines hold fewer than STRANDED_MAX_WORDS words on average; a heading over
    paragraphs (a live blog's entry between two share bars) is left out of the average."""
    head, rest = lines[run[0]], run[1:]
    if rest and head.quality == "short" and is_heading_like(head) and all(lines[k].quality == "good" for k in rest):
        run = rest
    return sum(lines[k].words for k in run) < STRANDED_MAX_WORDS * len(run)


def _walls_in(reason: str | None, run_length: int) -> bool:
    """Dropped, and not one of the pictures and ads that interrupt an article's own text; a
    run of several lines needs surer walls than short fragments (maybe lost subheadings)."""
    if reason is None or reason in BODY_INTERRUPTIONS or reason in ARTICLE_CLOSINGS:
        return False
    return run_length == 1 or reason != "short_fragment"
