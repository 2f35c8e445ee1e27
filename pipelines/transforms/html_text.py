"""An HTML page as a naive scraper reads it: its text, one line per block element.

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
SPACE_RE = re.compile(r"\s+")  # a newline in the source is a space, as a browser shows it
PRE_SPACE_RE = re.compile(r"[^\S\n]+")  # in <pre> a newline is a line break
ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")  # joins or splits nothing visible


def page_text(tree) -> str:
    """The text of an lxml tree, a line per block element (and per <br>), whitespace collapsed
    (a newline in the source too, but in <pre>), empty lines dropped. Inline elements join
    without a space, as in a browser's copy of the page. Text that CSS hides stays, as it does
    for a naive scraper: an article a script reveals is often hidden that way."""
    parts: list[str] = []
    hidden = None  # the hidden element being skipped
    in_pre = 0  # depth of <pre> elements around the walk

    def add(text: str | None) -> None:
        if text:
            parts.append((PRE_SPACE_RE if in_pre else SPACE_RE).sub(" ", ZERO_WIDTH_RE.sub("", text)))

    for event, el in etree.iterwalk(tree, events=("start", "end")):
        name = el.tag.rsplit("}", 1)[-1].lower() if isinstance(el.tag, str) else None  # None: a comment
        if hidden is not None:
            if event == "end" and el is hidden:
                hidden = None
                add(el.tail)
            continue
        if event == "start":
            if name in HIDDEN_TAGS:
                hidden = el
                continue
            in_pre += name == "pre"
            if name in BLOCK_TAGS:
                parts.append("\n")
            if name is not None:
                add(el.text)
        else:
            in_pre -= name == "pre"
            if name in BLOCK_TAGS:
                parts.append("\n")
            add(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
