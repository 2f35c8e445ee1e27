"""Tables of figures in a page: their rows are part of the article whose prose they sit beside.

A wire earnings report is mostly rows ("Net 807,000 vs 2,858,000") around a sentence or two;
a price report is a table under its lede. Graded alone, each row is a short line like a menu's.
A web page's table scraped one cell a line (a league's standings: "1", "Kyle Busch", "5040",
...) is found by its columns: the same cells are figures in row after row.
"""
from __future__ import annotations

import re

from .lines import DIGIT_RE, WORD_RE, Line, has_digit

DATA_ROW_MIN_NUMBERS = 2
DATA_ROW_NUMBER_SHARE = 3  # one token in three holds a digit
LOOSE_ROW_NUMBER_SHARE = 5  # one in five, in a run of LOOSE_RUN rows
LOOSE_RUN = 3
TABLE_ROW_GAP = 2
# a cell-per-line table: CELL_MIN_ROWS rows of CELL_COLUMNS cells, CELL_MIN_FIGURES of them figures
CELL_COLUMNS = range(3, 13)
CELL_MIN_ROWS = 4
CELL_MIN_FIGURES = 2
CELL_MAX_WORDS = 4
DASHES = frozenset({"-", "–", "—"})
CELL_RUN_RE = re.compile(f"c{{{CELL_MIN_ROWS * CELL_COLUMNS.start},}}")  # enough cell lines for a table
FIGURE_CELL_RE = re.compile(r"[-+–—]?\d[\d.,:/%]*|[-–—]")


def mark_table_rows(lines: list[Line]) -> None:
    """Flag the rows of tables of figures ("Net 807,000 vs 2,858,000", "Wheat 2.55 2.40 IV
    4.65"): short lines with DATA_ROW_MIN_NUMBERS tokens holding digits, a third of their
    tokens, a token without one, and another such line within TABLE_ROW_GAP lines with only
    short lines between (no prose, no line a rule dropped). A wordier line, digits in a fifth of
    its tokens, is a row only in a run of LOOSE_RUN rows on consecutive lines that holds a denser one.
    Tokens are WORD_RE's: "37.4" is two, so one decimal figure and a label make a row ("Revs
    37.4"). A table is part of the article its prose sits beside; a lone dated line ("Monday
    November 18, 2019 7:45 am") or a headline with a year above the dateline is not a table."""
    kinds = {i: k for i, line in enumerate(lines) if (k := _row_kind(line))}
    rows = list(kinds)  # in line order, as enumerate filled it
    pairs = [(a, b) for a, b in zip(rows, rows[1:])
             if b - a <= TABLE_ROW_GAP and all(lines[k].quality == "short" for k in range(a + 1, b))]
    for a, b in pairs:
        if kinds[a] == kinds[b] == "strict":
            lines[a].table_row = lines[b].table_row = True
    # wordier rows ("Pre-tax profit 312 mln stg vs 158 mln") count in a run of LOOSE_RUN rows
    # on consecutive lines that holds a strict one: a list of "Top 10 things to do in 2019"
    # headlines holds none, and one of headlines each over a byline and date ("2019-11-20
    # 17:27:46 Marcus De Guzman") is no run, its rows two lines apart
    run: list[int] = []
    for a, b in [*[(a, b) for a, b in pairs if b - a == 1], (None, None)]:
        if run and a == run[-1]:
            run.append(b)
            continue
        if len(run) >= LOOSE_RUN and any(kinds[i] == "strict" for i in run):
            for i in run:
                lines[i].table_row = True
        run = [a, b] if a is not None else []


def _row_kind(line: Line) -> str | None:
    """"strict" for a row of figures, "loose" for a wordier one, None for no row."""
    if line.quality != "short" or line.words < DATA_ROW_MIN_NUMBERS or not has_digit(line.text):
        return None
    tokens = WORD_RE.findall(line.text)
    numbers = sum(1 for t in tokens if DIGIT_RE.search(t))
    # some token without a digit, as a row's label has ("Net"): bare figures ("225.86",
    # "-5.44%") are a stock-quote widget; "12:30 pm" or "Phone: 316-831-6143" pass this test
    if numbers >= len(tokens) or numbers < DATA_ROW_MIN_NUMBERS:
        return None
    if numbers * DATA_ROW_NUMBER_SHARE >= len(tokens):
        return "strict"
    # (a headline with a quarter and a date, "AM INTERNATIONAL INC 2ND QTR JAN 31", is no row)
    headline = line.title_case or line.text.isupper()
    return "loose" if numbers * LOOSE_ROW_NUMBER_SHARE >= len(tokens) and not headline else None


def mark_cell_tables(lines: list[Line]) -> None:
    """Flag a table scraped one cell a line, its header row too, and number each line's row
    (`cell_row`: the row's first line) so the body joins a row's cells into one paragraph.
    Its rows are runs of short lines whose pattern of figure and text cells repeats with the
    table's width, CELL_MIN_FIGURES figures a row ("1", "Kyle Busch", "5040", "5", ...): a
    menu has no figures, a numbered list of headlines one a row, a pager nothing else."""
    cells = "".join(["c" if _may_be_cell(line) else "." for line in lines])
    for run in CELL_RUN_RE.finditer(cells):  # a regex finds the runs: every page has menus
        _mark_cell_run(lines, run.start(), run.end())


def _may_be_cell(line: Line) -> bool:
    """A short line of up to CELL_MAX_WORDS words, or an empty cell's dash ("—": no word at all)."""
    return line.quality == "short" and (0 < line.words <= CELL_MAX_WORDS or (line.words == 0 and line.text in DASHES))


def _mark_cell_run(lines: list[Line], start: int, end: int) -> None:
    """Mark the tables in a run of cell-like lines [start, end), one after another: from where
    the last table ended (or the run starts), the one covering most cells whose first row lies
    within reach. A run may hold two tables (a league's drivers, then its owners) or a table
    under a long list of short lines (tags, a menu without figures)."""
    figure = [FIGURE_CELL_RE.fullmatch(line.text) is not None for line in lines[start:end]]
    if sum(figure) < CELL_MIN_ROWS * CELL_MIN_FIGURES:
        return  # too few figures for any table (a menu): skip the search
    at = 0  # offset in the run where the next table may start
    while len(figure) - at >= CELL_MIN_ROWS * CELL_COLUMNS.start:
        table = _best_table(figure, at)
        if table is None:
            at += 2 * CELL_COLUMNS.start  # each width has tried first rows this far on
            continue
        rows, width, first_row = table
        first, header = first_row, first_row - width
        if header >= at and not any(figure[header:first_row]):
            first = header  # the column names above the first row
        table_end = first_row + rows * width
        for k in range(start + first, start + table_end):
            lines[k].table_row = True
            lines[k].cell_row = start + first + (k - start - first) // width * width
        at = table_end


def _best_table(figure: list[bool], at: int) -> tuple[int, int, int] | None:
    """(rows, width, offset of the first row) of the table covering most cells whose first row
    is within two rows of `at` (it may sit under a header row); the narrowest on a tie."""
    best = None
    for width in CELL_COLUMNS:
        for offset in range(at, at + 2 * width):
            rows = _repeating_rows(figure, offset, width)
            if rows >= CELL_MIN_ROWS and (best is None or rows * width > best[0] * best[1]):
                best = (rows, width, offset)
    return best


def _repeating_rows(figure: list[bool], offset: int, width: int) -> int:
    """Rows from `offset` on that repeat the first one's figure cells, with enough figures."""
    pattern = figure[offset : offset + width]
    if len(pattern) < width or sum(pattern) < CELL_MIN_FIGURES:
        return 0
    rows = 1
    while figure[offset + rows * width : offset + (rows + 1) * width] == pattern:
        rows += 1
    if rows >= CELL_MIN_ROWS and any(pattern == pattern[p:] + pattern[:p] for p in range(1, width) if width % p == 0):
        return 0  # rows of a narrower list ("1", headline, "2", headline) or a pager ("1", "2", "3")
    return rows
