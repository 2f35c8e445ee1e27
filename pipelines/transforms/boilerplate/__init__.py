"""Plain-text boilerplate removal: a line classifier for scraped article text.

    strip_boilerplate(text, site_lines=...) -> CleanedDoc

Steps: grade each line (rules from data files, site-repeated lines, length, stop words,
punctuation), find the main region of prose, drop marker-opened regions ("Related
Articles" and what follows), keep headings and list items that sit in the body, and lift
the headline into `title`. Every dropped line is recorded with a reason code.
"""
from __future__ import annotations

from ..document import Block, CleanedDoc, RemovedLine
from .assemble import assemble, assemble_without_prose
from .classify import parse_lines
from .language import detect_language, stopwords
from .lists import lead_in_lists, link_lists
from .region import comment_thread, main_region, marker_regions, trim_edges
from .site import learn_site_lines, normalize_line
from .widgets import widget_thread

__all__ = ["strip_boilerplate", "learn_site_lines", "normalize_line"]


def strip_boilerplate(text: str, *, site_lines: frozenset[str] = frozenset()) -> CleanedDoc:
    """Clean one plain-text scrape (newlines already normalized to \\n)."""
    raw_lines = [x for x in text.split("\n") if x.strip()]
    language = detect_language(raw_lines)
    lines, list_markers = parse_lines(text, stopwords(language), site_lines)
    start, end = trim_edges(lines, *main_region(lines))
    if start == end:
        doc = assemble_without_prose(lines)  # a table or a list of figures: nothing to anchor on
    else:
        end = lead_in_lists(lines, start, end)
        in_marker_region = link_lists(lines, start, end) | marker_regions(lines, start, end)
        in_marker_region |= comment_thread(lines, start, end) | widget_thread(lines, start, end)
        doc = assemble(lines, start, end, in_marker_region)
    doc.removed.extend(RemovedLine(no, txt, reason) for no, txt, reason in list_markers)
    doc.removed.sort(key=lambda r: r.line_no)
    doc.language = language
    return doc
