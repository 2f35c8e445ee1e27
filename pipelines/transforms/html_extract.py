"""HTML cleaning: trafilatura finds the article, our line rules remove what it lets through.

trafilatura (favor_precision) gives the main content as a small XML tree plus metadata
(title, author, date, site, language). Its output still carries related-story lists,
"READ MORE:" lines, newsletter promos, author contact lines, reprint notices and the
headline repeated at the top; the same data-file rules and marker regions as the
plain-text cleaner (`boilerplate`) drop those, each with a reason code. When trafilatura
finds no article, or only what those rules drop (a reprint notice taken for the body), the
page's text goes through the plain-text cleaner instead (`html_text.page_text`).
"""
from __future__ import annotations

import trafilatura
from htmldate import find_date
from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title

from .boilerplate import strip_boilerplate
from .boilerplate.classify import parse_lines
from .boilerplate.lines import Line
from .boilerplate.language import detect_language, stopwords
from .boilerplate.region import marker_regions
from .boilerplate.site import normalize_line
from .document import Block, CleanedDoc, RemovedLine
from .html_text import page_text

HEADLINE_MIN_WORDS = 4
TRAILING_RUN_MAX = 6
STANDFIRST_MIN_WORDS = 15
TITLE_LOOKAHEAD = 3  # the headline repeated at the top of the body
ELEMENT_KIND = {"head": "heading", "item": "list_item"}
TEXT_TAGS = frozenset({"p", "head", "quote", "code"})
BLOCK_CHILD_TAGS = frozenset({"p", "head", "quote", "list", "table"})


def extract_html(html: str, *, url: str | None = None) -> CleanedDoc:
    """Clean one HTML page: trafilatura's article through the post-filter or, when nothing of
    it survives, the page's text through the plain-text cleaner; an empty `CleanedDoc` if
    neither finds an article."""
    tree = trafilatura.load_html(html)
    doc = CleanedDoc(url=url)
    if tree is None:
        return doc
    _read_metadata(tree, doc)
    found = trafilatura.bare_extraction(tree, url=url, favor_precision=True, include_comments=False)
    if found is not None and found.body is not None:
        units = body_units(found.body)
        # the body's own words beat <html lang>, which some sites leave at a template default
        doc.language = detect_language([text for _, text in units]) or doc.language
        _filter_units(units, doc)
    if not doc.blocks:  # bare_extraction works on a copy: the tree is still the whole page
        _clean_page_text(tree, doc)
    return doc


def _clean_page_text(tree, doc: CleanedDoc) -> None:
    """The page's text through the plain-text cleaner, for a page where trafilatura found no
    article; the page's metadata stays. Removed lines are then numbered in that text."""
    found = strip_boilerplate(page_text(tree))
    doc.blocks, doc.removed = found.blocks, found.removed
    doc.title = doc.title or found.title
    doc.author = doc.author or found.author  # a byline line, where the meta tags name nobody
    doc.published_at = doc.published_at or found.published_at
    doc.language = found.language or doc.language


def _read_metadata(tree, doc: CleanedDoc) -> None:
    """Title, author, date, site and language from trafilatura's cheaper metadata readers.

    trafilatura's full `with_metadata=True` also scans the page for authors, categories, tags
    and a licence, which costs a third of the extraction time; meta tags and JSON-LD hold
    what the warehouse needs.
    """
    meta = examine_meta(tree)
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # trafilatura's JSON-LD reader raises on malformed markup; meta tags still count
        pass
    doc.title = meta.title or extract_title(tree)
    doc.author = meta.author if meta.author and " " in meta.author else None
    doc.url = meta.url or doc.url
    doc.site = (meta.sitename or extract_sitename(tree) or "").lstrip("@") or None
    doc.published_at = find_date(tree, extensive_search=False, original_date=True, url=doc.url)
    lang = tree.get("lang") or tree.get("xml:lang") or ""
    doc.language = lang.split("-")[0].split("_")[0].lower()[:2] or None


def body_units(body) -> list[tuple[str, str]]:
    """(kind, text) for each paragraph, heading, list item or table row of trafilatura's body."""
    units: list[tuple[str, str]] = []
    _walk(body, units)
    return units


def _walk(element, units: list[tuple[str, str]]) -> None:
    _add_loose_text(element.text, units)
    for child in element:
        tag = child.tag
        if tag in TEXT_TAGS or (tag == "item" and not _has_blocks(child)):
            units.extend((ELEMENT_KIND.get(tag, "paragraph"), part) for part in _text_parts(child))
        elif tag == "row" and not _has_blocks(child):
            # a data table: one line per row, cells separated by spaces
            text = " ".join(" ".join(child.itertext()).split())
            if text:
                units.append(("paragraph", text))
        elif tag != "lb":  # list, table, cell, div or a row laid out with paragraphs inside
            _walk(child, units)
        _add_loose_text(child.tail, units)  # trafilatura leaves some paragraphs as bare text


def _add_loose_text(text: str | None, units: list[tuple[str, str]]) -> None:
    text = " ".join((text or "").split())
    if text:
        units.append(("paragraph", text))


def _has_blocks(element) -> bool:
    return any(el.tag in BLOCK_CHILD_TAGS for el in element.iterdescendants())


def _text_parts(element) -> list[str]:
    """An element's text split at <lb/> line breaks, whitespace collapsed."""
    parts, current = [], [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("".join(current))
            current = [child.tail or ""]
        else:
            current.append("".join(child.itertext()) + (child.tail or ""))
    parts.append("".join(current))
    return [text for text in (" ".join(p.split()) for p in parts) if text]


def _filter_units(units: list[tuple[str, str]], doc: CleanedDoc) -> None:
    """Drop rule, marker-region and repeated-headline lines; keep the rest as blocks."""
    text = "\n".join(text for _, text in units)
    lines, _ = parse_lines(text, stopwords(doc.language), frozenset(), whole_page=False)
    reasons = _drop_reasons(lines, doc.title)
    _drop_standfirst(lines, units, reasons)
    for line, reason in zip(lines, reasons):
        if reason:
            doc.removed.append(RemovedLine(line.no, line.text, reason))
        else:
            kind = "list_item" if line.list_item else units[line.no][0]
            doc.blocks.append(Block(kind, line.text))


def _drop_reasons(lines: list[Line], title: str | None) -> list[str | None]:
    in_marker_region = marker_regions(lines, 0, len(lines))
    title_key = normalize_line(title) if title else None
    reasons: list[str | None] = []
    for i, line in enumerate(lines):
        reason = in_marker_region.get(i) or (line.reason if line.quality == "bad" else None)
        if reason is None and i < TITLE_LOOKAHEAD and title_key and normalize_line(line.text) == title_key:
            reason = "title"
        reasons.append(reason)
    _drop_trailing_fragments(lines, reasons)
    return reasons


def _drop_standfirst(lines: list[Line], units: list[tuple[str, str]], reasons: list[str | None]) -> None:
    """Headings above the first paragraph are the headline and its standfirst, not sections.

    Also a long sentence marked up as a heading near the top is a standfirst.
    """
    leading = True
    for i, line in enumerate(lines):
        is_heading = units[line.no][0] == "heading"
        if leading and is_heading:
            reasons[i] = reasons[i] or ("title" if i == 0 else "standfirst")
            continue
        leading = False
        if i < TITLE_LOOKAHEAD and reasons[i] is None and is_heading and line.words >= STANDFIRST_MIN_WORDS:
            reasons[i] = "standfirst"


def _drop_trailing_fragments(lines: list[Line], reasons: list[str | None]) -> None:
    """Headline-like lines after the last sentence: a short list of story links trafilatura kept.

    An article ends with a sentence; a few short unpunctuated lines below it are links. A long
    run of them is content (tour dates, a results table) and is kept.
    """
    run: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        if reasons[i]:
            continue
        line = lines[i]
        if line.ends_sentence or line.quality != "short" or line.words < HEADLINE_MIN_WORDS or line.list_item:
            break
        run.append(i)
    first = min(run, default=len(lines))
    introduced = any(x.text.endswith(":") for x in lines[max(0, first - 1) :])
    if len(run) <= TRAILING_RUN_MAX and not introduced:  # "Features:" and its list belong to the article
        for i in run:
            reasons[i] = "trailing_fragment"
