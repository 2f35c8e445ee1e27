"""The shapes a cleaner hands to the rest of the pipeline.

Both cleaners (plain text: `boilerplate.strip_boilerplate`, HTML: `html_extract.extract_html`)
return a `CleanedDoc`, so the clean stage does not care where an article came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "heading", "list_item"]
BLOCK_KINDS: tuple[str, ...] = ("paragraph", "heading", "list_item")


@dataclass(frozen=True)
class Block:
    """One unit of body text: a paragraph, a section heading or a list item (marker removed)."""

    kind: BlockKind
    text: str


@dataclass(frozen=True)
class RemovedLine:
    """A line the cleaner dropped, kept for audit in the `boilerplate` table."""

    line_no: int  # 0-based line number in the input text (HTML: in the extracted text)
    text: str
    reason: str  # a reason code, e.g. "newsletter_promo", "related_block", "author_bio"


@dataclass
class CleanedDoc:
    blocks: list[Block] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    published_at: str | None = None  # ISO 8601 date or datetime, as found
    site: str | None = None
    url: str | None = None
    language: str | None = None  # ISO 639-1 code

    @property
    def body(self) -> str:
        """The article body: blocks joined by a blank line. Paragraph offsets index into this."""
        return BODY_SEPARATOR.join(b.text for b in self.blocks)


BODY_SEPARATOR = "\n\n"
