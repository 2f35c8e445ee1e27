"""Turn raw text lines into graded `Line`s: rules, markers, site lines, duplicates."""
from __future__ import annotations

import re

from .credits import CAPTION_MAX_WORDS, CREDIT_MAX_WORDS, TRAILING_CREDIT_RE, mark_credits
from .echoes import mark_echoes
from .grading import PROSE, grade
from .lines import LONE_MARKERS, WORD_RE, Line, make_lines
from .rules import rules
from .tables import mark_cell_tables, mark_table_rows
from .voice import mark_site_notices

PREFIX_MIN_CHARS = 40  # a standfirst cut short of the paragraph that repeats it
PREFIX_LOOKAHEAD = 3
NEIGHBOUR_SPAN = 2
CREDIT_LABEL_CHARS = 20
# a sign-off: the writers' initials, then their agencies ("cho/dpa/Reuters", "(ond/imk)")
SIGN_OFF_RE = re.compile(r"\(?(?!(?:dpa|afp|ap|apa|epa|sda|ansa|imago|kna|efe|ddp|anp)\b)[a-z]{2,4}(?:/[A-Za-z][\w.-]*)+\)?$")
GALLERY_CAPTION_MIN_WORDS = 8  # a caption by a gallery's label; a heading there is shorter
GALLERY_LABEL_MAX_WORDS = 4  # "+6", "View gallery", "Image 2 of 5": no picture's credit line
OWN_CAPTION_MIN_WORDS = 3  # words before a bracketed credit that caption its picture
RECURRING_QUESTION_COPIES = 3  # a question asked this often is an interview's, no teaser shown twice
TRUNCATED_RUN = 2  # consecutive lines cut off with " …": a list of teasers, not a writer's pauses


def parse_lines(
    text: str, stops: frozenset[str], site_lines: frozenset[str], *, whole_page: bool = True
) -> tuple[list[Line], list[tuple[int, str, str]]]:
    """Graded non-empty lines, plus (line_no, text, reason) for lone list markers.

    whole_page: `text` is a page as scraped, not trafilatura's extract of one: mark repeated
    prose lines (a scrape's teasers and captions come twice), the site's notices to its
    reader, echoes, picture credits and captions. Off for HTML, where trafilatura already
    left out page-level repeats and the page's forms and banners, and what repeats is the
    article's own (an interview's recurring questions).
    """
    ruleset = rules()
    numbered: list[tuple[int, str]] = []
    items_below: set[int] = set()  # indices into `numbered` of lines under a lone list marker
    markers: list[tuple[int, str, str]] = []
    pending_item = False
    # no keyword anywhere on the page (most pages): no line has inline noise to cut
    strip_noise = ruleset.strip_inline_noise if ruleset.may_hold_inline_noise(text) else None
    for no, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if not stripped:
            continue
        if stripped in LONE_MARKERS:  # "-" on its own line: the next line is a list item
            markers.append((no, stripped, "list_marker"))
            pending_item = True
            continue
        if pending_item:
            items_below.add(len(numbered))
        numbered.append((no, strip_noise(stripped) if strip_noise else stripped))
        pending_item = False
    lines = make_lines(numbered, stops)
    for i in items_below:
        lines[i].list_item = True
    texts = [line.text for line in lines]
    # whole-page string steps: one C call per page instead of one per line (same results,
    # as no step carries across the newlines)
    lowered = "\n".join(texts).lower().split("\n") if texts else []
    reasons = ruleset.line_reasons(texts, lowered)
    for line, reason in zip(lines, reasons):
        _judge(line, reason, ruleset, site_lines)
    mark_table_rows(lines)  # on the rules' verdicts; a row dropped as a teaser below still goes
    mark_cell_tables(lines)
    if whole_page:
        mark_site_notices(lines)
        _mark_duplicates(lines)
        mark_echoes(lines)
        mark_credits(lines)
        _mark_captions(lines)
        _mark_truncated_runs(lines)
    return lines, markers


def _judge(line: Line, reason: str | None, ruleset, site_lines: frozenset[str]) -> None:
    if not line.text:
        line.quality, line.reason = "bad", "ad_marker"  # the line was only inline noise
        return
    marker = ruleset.marker(line.text, line.key)
    if marker:
        line.marker, line.marker_until = marker
        line.quality, line.reason = "bad", line.marker
    elif site_lines and line.key in site_lines:
        line.quality, line.reason = "bad", "site_repeated"
    elif reason:
        line.quality, line.reason = "bad", reason
    else:
        line.quality = grade(line)


def _mark_captions(lines: list[Line]) -> None:
    """A prose line right above a picture credit ("Name/Getty Images") is that picture's caption;
    so is a line without a full stop next to a gallery's label ("View gallery", "+6")."""
    labels = [line.reason == "image_gallery" and _gallery_label(line) for line in lines]
    for k, (above, below) in enumerate(zip(lines, lines[1:])):
        if labels[k] or labels[k + 1]:
            _mark_gallery_caption(below if labels[k] else above)
        if below.reason != "photo_credit":
            continue  # most lines: nothing more to look at
        if SIGN_OFF_RE.match(below.text):
            below.reason = "credit"  # the writers' initials and agencies, under the last paragraph
            continue
        # "(Image credit: NASA)" and "(NAME/AGENCY)" label themselves; other bracketed credits
        # may close a paragraph's quote
        bracketed = below.text.startswith("(")
        labelled = not bracketed or "credit" in below.text[:CREDIT_LABEL_CHARS].lower() or "/" in below.text
        bare_credit = below.words <= CREDIT_MAX_WORDS and labelled and not _captions_itself(below)
        if bare_credit and above.quality in ("good", "medium") and above.words <= CAPTION_MAX_WORDS:
            above.quality, above.reason = "bad", "caption"


def _gallery_label(line: Line) -> bool:
    """Of an image_gallery line: a gallery's own label ("+6", "View gallery", "hide caption", "Image 2 of 5"), not a
    picture's credit ("Image source, Getty Images", which may stand under a headline)."""
    return line.words <= GALLERY_LABEL_MAX_WORDS and "," not in line.text


def _mark_gallery_caption(line: Line) -> None:
    """A caption runs on without a full stop ("Neighbours say the steel pole is visible from almost
    every garden in the close"); a heading is shorter, or in Title Case."""
    if line.quality != "bad" and not line.ends_sentence and line.words >= GALLERY_CAPTION_MIN_WORDS and not line.title_case:
        line.quality, line.reason = "bad", "caption"


def _captions_itself(credit: Line) -> bool:
    """A credit in brackets after words of its own ("WeWork chairman Marcelo Claure (Credit:
    Getty Images)"): the picture's caption and credit in one line, so the line above is the
    article's."""
    match = TRAILING_CREDIT_RE.search(credit.text) if credit.text.endswith(")") else None
    return match is not None and len(WORD_RE.findall(credit.text[: match.start()])) >= OWN_CAPTION_MIN_WORDS


def _mark_duplicates(lines: list[Line]) -> None:
    """Repeated prose (a teaser of this very article, a caption shown twice) is kept once:
    where most prose surrounds it. A line cut short of a line just below it is a dek."""
    copies: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line.quality not in PROSE:
            continue
        copies.setdefault(line.key, []).append(i)
        if len(line.key) >= PREFIX_MIN_CHARS and _is_prefix_of_next(line.key, lines[i + 1 : i + 1 + PREFIX_LOOKAHEAD]):
            line.quality, line.reason = "bad", "duplicate"
    for indices in copies.values():
        if len(indices) < 2 or (len(indices) >= RECURRING_QUESTION_COPIES and lines[indices[0]].text.endswith("?")):
            continue  # a question put to each guest of an interview series stays every time
        keep = max(indices, key=lambda i: (_prose_neighbours(lines, i), -i))
        for i in indices:
            if i != keep:
                lines[i].quality, lines[i].reason = "bad", "duplicate"


def _prose_neighbours(lines: list[Line], i: int) -> int:
    window = lines[max(0, i - NEIGHBOUR_SPAN) : i] + lines[i + 1 : i + 1 + NEIGHBOUR_SPAN]
    return sum(1 for x in window if x.quality in PROSE)


def _is_prefix_of_next(key: str, following: list[Line]) -> bool:
    for other in following:
        other_key = other.key
        if len(other_key) > len(key) and other_key.startswith(key):
            return True
    return False


def _mark_truncated_runs(lines: list[Line]) -> None:
    """Runs of lines ending in a spaced ellipsis ("...chapter holding vigil …") are teasers cut
    short by a "Most read" list; a single such line is a blogger's pause and stays."""
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and line.quality != "bad" and line.text.endswith((" …", " ...")):
            run.append(line)
            continue
        if len(run) >= TRUNCATED_RUN:
            for x in run:
                x.quality, x.reason = "bad", "teaser"
        run = []
