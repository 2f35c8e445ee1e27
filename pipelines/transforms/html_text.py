"""An HTML page as a naive scraper reads it: its visible text, one line per block element.

The HTML cleaner falls back to this when trafilatura finds no article in a page (a reprint
notice taken for the body, an article in bare <div>s): the plain-text cleaner then reads the
page's lines like any scrape.
"""
from __future__ import annotations

import re

from lxml import etree

# never rendered as text
HIDDEN_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object", "embed",
    "canvas", "select", "option", "datalist",
})
# start and end a line when rendered
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", "button", "label", "textarea", "video", "audio", "picture", "br",
})
SPACE_RE = re.compile(r"[\s\u200b]+")  # a newline in the source is a space, as a browser shows it


def page_text(tree) -> str:
    """The visible text of an lxml tree, a line per block element (and per <br>), whitespace
    (newlines in the source too) collapsed, empty lines dropped. Inline elements join without
    a space, as in a browser's copy of the page."""
    parts: list[str] = []
    hidden = None  # the hidden element being skipped
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        name = el.tag.rsplit("}", 1)[-1].lower() if isinstance(el.tag, str) else None  # None: a comment
        if hidden is not None:
            if event == "end" and el is hidden:
                hidden = None
                parts.append(SPACE_RE.sub(" ", el.tail or ""))
            continue
        if event == "start":
            if name in HIDDEN_TAGS:
                hidden = el
                continue
            if name in BLOCK_TAGS:
                parts.append("\n")
            if name is not None:
                parts.append(SPACE_RE.sub(" ", el.text or ""))
        else:
            if name in BLOCK_TAGS:
                parts.append("\n")
            parts.append(SPACE_RE.sub(" ", el.tail or ""))
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
