"""Where the article sits in a page: the main region and boilerplate regions inside it.

The main region is the contiguous run of lines with the largest score (maximum-sum
subarray): prose scores its length, menus and fragments score a little below zero, known
boilerplate clearly below. A page's chrome (nav above, footer below) falls outside; a table
of figures right beside the body (an earnings report's rows) joins it (`trim_edges`).
Inside it, a marker line ("Related Articles", "About the Author") opens a region that is
boilerplate until the article clearly resumes with a run of prose paragraphs.
Lists (other stories' headline + blurb pairs, a lead-in's items) are found in `lists.py`.
"""
from __future__ import annotations

from .datelines import opens_wire_lede
from .grading import MIN_STOP_DENSITY, PROSE, grade, heads_prose
from .lines import Line, has_digit

# Line scores for the maximum-sum region: prose counts its words, everything else a little
# (menus, fragments) or clearly (rule hits, region markers) below zero.
GOOD_SCORE_CAP = 80
MEDIUM_SCORE = 2.0
SHORT_SCORE = -1.0
TABLE_ROW_SCORE = 0.0  # rows of figures neither pull the body in nor push it away
BAD_SCORE = -3.0
MARKER_SCORE = -8.0
TEASER_SCORE = 1.0  # headline + teaser pairs must not pull a "more stories" list into the body
TEASER_MAX_WORDS = 30
HEADLINE_MIN_WORDS = 5
ISOLATION_GAP = 2
ISOLATED_SCORE_CAP = 15.0  # a lone blurb among menus counts for little

RESUME_RUN = 2  # consecutive prose lines after a marker that mean the body resumed
END_MARKER_SHARE = 0.7  # share of the prose after which a comment-thread marker ends the article
MARKER_LOOKBACK = 3  # lines above the region searched for a marker whose list the region opens with
MIN_THREAD_HEADERS = 2  # comment headers below a comments marker that prove a thread
SECTION_HEADING_MIN_WORDS = 2  # a share bar's last label may be one word over the prose ("TEDMED")
SUMMARY = "summary"  # region_markers.json's reason for a "Key Points" box over the article
SHORT_LINE_REGIONS = ("prose", "section")  # markers whose region holds only short lines
EDGE_GAP = 2  # non-prose lines that cut a lone paragraph off the end of the body
TABLE_HEADER_LINES = 3  # short lines between the body and a table's rows, or between two rows ("Nine mths"; a section's name, years and dates)
BYLINE_REACH = 2  # lines between a byline or date and the first paragraph under it
WIRE_LEDE_REACH = 12  # lines above the body a wire lede may stand, the lede's own line counted
MENU_ITEM_MAX_WORDS = 2  # "World", "Top Stories"
LEDE_GAP_LINES = 2  # short lines of any kind between a wire lede and the body; past them, no menus
HEADER_MAX_LINES = 1  # headline and standfirst above the byline
LONE_MAX_WORDS = 100  # longer than any standfirst or teaser: the article itself
HEADER_REASONS = frozenset({"byline", "dateline", "comment_meta", "credit", "photo_credit", "image_gallery", "share"})
# dropped lines that are the article's own (its byline, pictures, ads): no wall between it and a table
ARTICLE_REASONS = HEADER_REASONS | {"caption", "ad_marker", "duplicate"}


def line_score(line: Line) -> float:
    if line.marker:
        return MARKER_SCORE
    if line.quality == "good":
        return float(min(line.words, GOOD_SCORE_CAP))
    if line.quality == "medium":
        return MEDIUM_SCORE
    if line.quality == "bad":
        return BAD_SCORE
    return TABLE_ROW_SCORE if line.table_row else SHORT_SCORE


def is_teaser(lines: list[Line], i: int) -> bool:
    """A short paragraph right under a headline-like line: a story teaser in a list of links.
    A sentence that is prose only by its figures (`grading._prose_among_figures`: "NOTE: Net
    excludes gains 20,000 dlrs vs 86,000 dlrs in quarter") is a table's note, never a teaser."""
    line = lines[i]
    if line.quality != "good" or line.words >= TEASER_MAX_WORDS or i == 0 or line.stop_density < MIN_STOP_DENSITY:
        return False
    above = lines[i - 1]
    if above.table_row and i >= 2 and lines[i - 2].table_row:
        return False  # the note under a table's rows: a list's headlines are never rows in a row
    return above.quality == "short" and above.words >= HEADLINE_MIN_WORDS and not above.ends_sentence


def is_isolated(lines: list[Line], i: int) -> bool:
    """Prose with no other prose within ISOLATION_GAP lines on either side (a link-list blurb)."""
    lo, hi = max(0, i - ISOLATION_GAP), min(len(lines), i + ISOLATION_GAP + 1)
    return not any(lines[j].quality in PROSE for j in range(lo, hi) if j != i)


def region_scores(lines: list[Line]) -> list[float]:
    scores = []
    for i, line in enumerate(lines):
        score = line_score(line)
        if line.quality == "good":
            if is_teaser(lines, i):
                score = TEASER_SCORE
            elif is_isolated(lines, i):
                score = min(score, ISOLATED_SCORE_CAP)
        scores.append(score)
    return scores


def main_region(lines: list[Line]) -> tuple[int, int]:
    """[start, end) indices of the best-scoring contiguous run; (0, 0) if nothing is prose."""
    best, best_span = 0.0, (0, 0)
    running, start = 0.0, 0
    scores = region_scores(lines)
    for i, score in enumerate(scores):
        if running <= 0:
            running, start = 0.0, i
        running += score
        if running >= best and running > 0:
            best, best_span = running, (start, i + 1)
    return best_span


def _region_ends(lines: list[Line], i: int, end: int, until: str) -> bool:
    """Does line i end the open marker region? "prose": any prose line; "section": that or a
    heading over prose (a share bar holds no headlines: the heading is the article's next
    section, a live blog's next entry); "body": a run of prose lines; "line": the line under the
    marker ("Image caption", then the caption) is all it holds."""
    if until == "line":
        return lines[i - 1].marker is None
    if lines[i].item_run:
        return True  # a list of quantities (a recipe's ingredients) is the article's, never a box's links
    if until == "prose":
        return lines[i].quality in PROSE
    if until == "section":
        return lines[i].quality in PROSE or (lines[i].words >= SECTION_HEADING_MIN_WORDS and heads_prose(lines, i, end))
    run = lines[i : min(i + RESUME_RUN, end)]
    return len(run) == RESUME_RUN and all(x.quality == "good" for x in run) and run[0].ends_sentence


def marker_regions(lines: list[Line], start: int, end: int) -> dict[int, str]:
    """Index -> reason for each line inside a marker-opened region within [start, end)."""
    dropped: dict[int, str] = {}
    opener = _marker_above(lines, start)
    until = opener.marker_until if opener else "prose"
    total = sum(x.words for x in lines[start:end] if x.quality in PROSE)
    seen = 0
    for i in range(start, end):
        line = lines[i]
        if line.marker == SUMMARY and seen:
            _unmark(line)  # a summary box stands over the article: under its prose, "Summary" heads a section
        if line.marker and not (opener and until == "body" and line.marker_until in SHORT_LINE_REGIONS):
            # a "More" tab inside a "More in World" list must not end that list at its first blurb
            opener, until = line, line.marker_until
            if until == "end":  # a comment thread ends the article only after most of its prose
                until = "end" if seen >= END_MARKER_SHARE * total or _thread_follows(lines, i, end) else "body"
        elif opener and until != "end" and _region_ends(lines, i, end, until):
            opener = None
        if opener:
            dropped[i] = line.reason or opener.marker
        elif line.quality in PROSE:
            seen += line.words
    return dropped


def _unmark(line: Line) -> None:
    """The line opens no region after all: graded as any other line."""
    line.marker, line.reason = None, None
    line.quality = grade(line)


def _marker_above(lines: list[Line], start: int) -> Line | None:
    """A "Most Popular" marker just above the region: its headline list scored like the body's
    opening, so the region starts under the marker, yet the list is still the marker's."""
    for i in range(start - 1, max(-1, start - 1 - MARKER_LOOKBACK), -1):
        if lines[i].marker:
            return lines[i] if lines[i].marker_until == "body" else None
        if lines[i].quality in PROSE:
            return None
    return None


def _thread_follows(lines: list[Line], i: int, end: int) -> bool:
    """Comment headers ("Alex on May 2, 2019 at 6:34 am said:", "2 days ago") under the
    marker: a thread, however much prose its comments hold."""
    return sum(1 for x in lines[i + 1 : end] if x.reason == "comment_meta") >= MIN_THREAD_HEADERS


def _prose_runs(lines: list[Line], start: int, end: int) -> list[tuple[int, int]]:
    """[first, last] index pairs of consecutive prose lines within [start, end)."""
    runs: list[tuple[int, int]] = []
    for i in range(start, end):
        if lines[i].quality in PROSE:
            if runs and runs[-1][1] == i - 1:
                runs[-1] = (runs[-1][0], i)
            else:
                runs.append((i, i))
    return runs


def trim_edges(lines: list[Line], start: int, end: int) -> tuple[int, int]:
    """Drop lone prose lines cut off from the body at either end of the region.

    At the top that is a standfirst above the byline and picture; at the bottom a teaser of
    another story under its headline. Both sit apart from the body, past a gap of several
    non-prose lines, while the body's own paragraphs follow one another.
    """
    runs = _prose_runs(lines, start, end)
    while len(runs) > 1 and (
        (_short_lone(lines, runs[0]) and _is_cut_off(lines, runs[0], runs[1], EDGE_GAP)
         and not _lede_above_box(lines, runs[0], runs[1]))
        or (_above_byline(lines, runs[0], runs[1]) and not opens_wire_lede(lines[runs[0][0]].text))  # a lede is no standfirst
    ):
        runs.pop(0)
    while len(runs) > 1 and _short_lone(lines, runs[-1]) and _is_cut_off(lines, runs[-1], runs[-2], EDGE_GAP):
        runs.pop()
    if not runs:
        return start, end
    first, last = runs[0][0], runs[-1][1]
    return _wire_lede_edge(lines, _table_edge(lines, first, -1, -1)), _table_edge(lines, last, len(lines), 1) + 1


def _wire_lede_edge(lines: list[Line], start: int) -> int:
    """The body's top edge moved up to a line that opens with a wire dateline ("CHICAGO,
    March 11 - IC Industries Inc called...") right above it, or above up to WIRE_LEDE_REACH - 1
    short lines ("Shr loss one ct", "Terms were not disclosed.", a brief's rows): the lede
    starts the article, however short or terse it is ("NEW YORK, March 6 - Shr loss 10 cts vs
    loss 50 cts")."""
    for above in range(start - 1, max(-1, start - 1 - WIRE_LEDE_REACH), -1):
        line = lines[above]
        if line.quality == "bad":
            break
        if opens_wire_lede(line.text):
            return above
        if line.quality != "short":
            break
        if start - above > LEDE_GAP_LINES and is_menu_item(line):
            break  # only a brief's rows and sentences: a menu parts a ticker from the body
    return start


def is_menu_item(line: Line) -> bool:
    """One or two words and no figure, not a table's row: "World", "Top Stories"."""
    return line.words <= MENU_ITEM_MAX_WORDS and not line.table_row and not has_digit(line.text)


def _table_edge(lines: list[Line], edge: int, limit: int, step: int) -> int:
    """The body's edge moved past a table of figures right outside it (an earnings report's
    rows above its note), up to `limit` (exclusive): its rows, and up to TABLE_HEADER_LINES
    short lines between the edge and a row or between two rows ("Nine mths", column headers).
    A table walled in by the page's chrome on its far side ("Latest scores" and their rows
    above the footer's "Sign in") is a box of the page, not the article's, unless the body's
    last line introduces it ("Final standings after 36 races:")."""
    moved, i = edge, edge + step
    while i != limit:
        if lines[i].table_row:
            moved = i
        elif lines[i].quality != "short" or abs(i - moved) > TABLE_HEADER_LINES:
            break
        i += step
    introduced = step == 1 and moved != edge and lines[edge].text.endswith(":")  # "Final standings:"
    if i != limit and lines[i].quality == "bad" and lines[i].reason not in ARTICLE_REASONS and not introduced:
        return edge
    return moved


def _short_lone(lines: list[Line], run: tuple[int, int]) -> bool:
    """A single line short enough to be a standfirst or a teaser; a long one is the article."""
    return run[0] == run[1] and lines[run[0]].words <= LONE_MAX_WORDS


def _lede_above_box(lines: list[Line], lone: tuple[int, int], following: tuple[int, int]) -> bool:
    """The article's first paragraph, right under its byline or date, that a box of other
    stories ("Related articles" and its headlines) parts from the rest of the body."""
    under_byline = any(x.reason in ("byline", "dateline") for x in lines[max(0, lone[0] - BYLINE_REACH) : lone[0]])
    return under_byline and any(x.marker for x in lines[lone[1] + 1 : following[0]])


def _above_byline(lines: list[Line], head: tuple[int, int], following: tuple[int, int]) -> bool:
    """A line or two with a byline, date or picture credit between them and the body: a
    headline and standfirst."""
    gap = lines[head[1] + 1 : following[0]]
    short = head[1] - head[0] < HEADER_MAX_LINES and sum(x.words for x in lines[head[0] : head[1] + 1]) <= LONE_MAX_WORDS
    return short and any(x.reason in HEADER_REASONS for x in gap)


def _is_cut_off(lines: list[Line], lone: tuple[int, int], neighbour: tuple[int, int], min_gap: int) -> bool:
    """A single prose line min_gap or more lines from the next run, or from a table of figures
    that run's edge reaches over (`_table_edge`): a lede above an earnings table is not cut off
    from the note below it, a teaser below a market ticker and the footer's nav still is."""
    if lone[0] != lone[1]:
        return False
    if neighbour[0] > lone[1]:  # the lone line above the run
        return _table_edge(lines, neighbour[0], lone[1], -1) - lone[1] - 1 >= min_gap
    # a list of quantities between the body and the line below it is the article's, like its text
    gap = lines[_table_edge(lines, neighbour[1], lone[0], 1) + 1 : lone[0]]
    return sum(1 for x in gap if not x.item_run) >= min_gap
