"""HTML cleaning: trafilatura finds the article, our line rules remove what it lets through.

trafilatura (favor_precision) gives the main content as a small XML tree plus metadata
(title, author, date, site, language). Its output still carries related-story lists,
"READ MORE:" lines, newsletter promos, author contact lines, reprint notices and the
headline repeated at the top; the same data-file rules and marker regions as the
plain-text cleaner (`boilerplate`) drop those, each with a reason code.
"""
from __future__ import annotations

import trafilatura
from htmldate import find_date
from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title

from .boilerplate.classify import parse_lines
from .boilerplate.language import detect_language, stopwords
from .boilerplate.region import marker_regions
from .boilerplate.site import normalize_line
from .document import Block, CleanedDoc, RemovedLine

ELEMENT_KIND = {"head": "heading", "item": "list_item"}
BLOCK_TAGS = ("p", "head", "item", "quote", "row", "cell", "code", "lb")


def extract_html(html: str, *, url: str | None = None) -> CleanedDoc:
    """Clean one HTML page; an empty `CleanedDoc` if no article is found."""
    tree = trafilatura.load_html(html)
    doc = CleanedDoc(url=url)
    if tree is None:
        return doc
    _read_metadata(tree, doc)
    found = trafilatura.bare_extraction(tree, url=url, favor_precision=True, include_comments=False)
    if found is None or found.body is None:
        return doc
    units = body_units(found.body)
    if not doc.language:
        doc.language = detect_language([text for _, text in units])
    _filter_units(units, doc)
    return doc


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
    """(kind, text) for each paragraph, heading or list item of trafilatura's XML body."""
    units: list[tuple[str, str]] = []
    for element in body.iter("p", "head", "item", "quote", "row"):
        if element.getparent() is not None and element.getparent().tag in ("p", "item", "quote", "head"):
            continue  # nested: the parent's text already holds it
        kind = ELEMENT_KIND.get(element.tag, "paragraph")
        for part in _text_parts(element):
            units.append((kind, part))
    return units


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
    lines, _ = parse_lines("\n".join(text for _, text in units), stopwords(doc.language), frozenset())
    in_marker_region = marker_regions(lines, 0, len(lines))
    title_key = normalize_line(doc.title) if doc.title else None
    for i, line in enumerate(lines):
        reason = in_marker_region.get(i) or (line.reason if line.quality == "bad" else None)
        if reason is None and i < 3 and title_key and normalize_line(line.text) == title_key:
            reason = "title"
        if reason:
            doc.removed.append(RemovedLine(line.no, line.text, reason))
        else:
            kind = "list_item" if line.list_item else units[line.no][0]
            doc.blocks.append(Block(kind, line.text))
