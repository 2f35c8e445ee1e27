"""Plain-text boilerplate removal: a line classifier for scraped article text.

    strip_boilerplate(text, site_lines=...) -> CleanedDoc

Steps: grade each line (rules from data files, site-repeated lines, length, stop words,
punctuation), find the main region of prose and the tables of figures right beside it, drop
marker-opened regions ("Related Articles" and what follows), keep headings and list items
that sit in the body, and lift the headline into `title`. Every dropped line is recorded
with a reason code; author and date are read off the removed lines (`metadata.py`).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..document import CleanedDoc, RemovedLine
from .assemble import assemble_without_prose, build_doc, rule_reasons
from .classify import parse_lines
from .language import detect_language, stopwords
from .lines import Line
from .lists import lead_in_lists, link_lists, mark_item_runs
from .metadata import page_metadata
from .region import main_region, marker_regions, trim_edges
from .site import learn_site_lines, normalize_line
from .threads import comment_thread, widget_thread

__all__ = ["strip_boilerplate", "rule_verdicts", "learn_site_lines", "normalize_line"]


@dataclass
class RuleVerdicts:
    """What the rules decided about each line: `reasons[i]` is None for a kept line."""

    lines: list[Line]
    reasons: list[str | None] | None  # None per kept line; the whole list None if no prose anchors the page
    list_markers: list[tuple[int, str, str]]
    language: str | None


def rule_verdicts(text: str, *, site_lines: frozenset[str] = frozenset()) -> RuleVerdicts:
    """Every line's verdict, open for inspection (bench/line_model_cv.py learns from them)."""
    raw_lines = [x for x in text.split("\n") if x.strip()]
    language = detect_language(raw_lines)
    lines, list_markers = parse_lines(text, stopwords(language), site_lines)
    mark_item_runs(lines)
    start, end = trim_edges(lines, *main_region(lines))
    if start == end:
        return RuleVerdicts(lines, None, list_markers, language)  # a table or a list of figures
    end = lead_in_lists(lines, start, end)
    in_marker_region = link_lists(lines, start, end) | marker_regions(lines, start, end)
    in_marker_region |= comment_thread(lines, start, end) | widget_thread(lines, start, end)
    return RuleVerdicts(lines, rule_reasons(lines, start, end, in_marker_region), list_markers, language)


def strip_boilerplate(text: str, *, site_lines: frozenset[str] = frozenset()) -> CleanedDoc:
    """Clean one plain-text scrape (newlines already normalized to \\n)."""
    verdicts = rule_verdicts(text, site_lines=site_lines)
    if verdicts.reasons is None:
        doc = assemble_without_prose(verdicts.lines)  # nothing to anchor on
    else:
        doc = build_doc(verdicts.lines, verdicts.reasons)
    doc.removed.extend(RemovedLine(no, txt, reason) for no, txt, reason in verdicts.list_markers)
    doc.removed.sort(key=lambda r: r.line_no)
    doc.language = verdicts.language
    doc.author, doc.published_at = page_metadata(doc.removed, doc.language)
    return doc
