"""What a JSON or JSONL input holds: its records' article fields, and the markup guard every
HTML body passes (ingest.py reads the files; this module reads their contents)."""
from __future__ import annotations

import hashlib
import json
import re
from typing import Iterator

from pipelines.transforms.decode import Rejected, normalize_text

TEXT_FIELDS = ("text", "body", "content", "article", "articleBody")
HTML_FIELDS = ("html", "raw_html", "content_html")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_ENTITY_DECLARATION = re.compile(r"<!ENTITY|<!DOCTYPE[^>\[]*\[", re.IGNORECASE)


def refuse_entity_declarations(markup: str) -> None:
    """Markup that declares DTD entities is refused: that is how entity-expansion bombs (billion
    laughs) and external entities (XXE, `SYSTEM "file:///etc/passwd"`) are built, and no news
    page needs them. trafilatura's lxml HTML parser expands neither today (tests/ops pin that);
    this guard keeps it so whatever parser comes next."""
    if _ENTITY_DECLARATION.search(markup):
        raise Rejected("entity_declaration", "markup declares DTD entities (expansion bomb or external entity)")


def jsonl_records(key: str, text: str, encoding: str) -> Iterator[dict]:
    """One record per non-blank line; a bad line becomes a Rejected *record* so the good lines still load.

    The whole file is decoded first (a BOM or UTF-16 applies to all of it); lines end at CR, LF
    or CRLF (JSON escapes those inside strings, so no record is ever cut)."""
    for lineno, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if not line.strip():
            continue
        line_key = f"{key}#L{lineno}"
        base = {"source_path": line_key, "source_format": "jsonl", "content_sha256": sha256(line.encode("utf-8")),
                "encoding": encoding}
        try:
            yield {**base, **json_record_fields(line)}
        except Rejected as exc:
            yield {**base, "rejected": exc}


def json_record_fields(text: str) -> dict:
    """The article fields of one JSON object (a .json file or a JSONL line)."""
    return _json_fields(_parse_json(text))


def _parse_json(text: str) -> dict:
    try:
        obj = json.loads(text)
    except ValueError as exc:  # JSONDecodeError, or an integer past Python's 4,300-digit limit
        raise Rejected("malformed_json", str(exc)) from exc
    except RecursionError:  # `[[[[...` a few thousand deep: a JSON bomb, never an article
        raise Rejected("malformed_json", "nested deeper than the JSON parser goes") from None
    if not isinstance(obj, dict):
        raise Rejected("malformed_json", f"expected an object, got {type(obj).__name__}")
    return obj


# JSON can escape half of a surrogate pair (`\ud83d` of a cut emoji); json.loads keeps it, but
# no UTF-8 string can hold it (the hash, Parquet and DuckDB all refuse it), so it becomes U+FFFD.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_fields(obj: dict) -> dict:
    def first(names: tuple[str, ...]) -> str | None:
        for name in names:
            value = obj.get(name)
            if isinstance(value, str) and value.strip():
                return _LONE_SURROGATE.sub("\ufffd", value)
        return None

    html, text = first(HTML_FIELDS), first(TEXT_FIELDS)
    if html is None and text is None:
        raise Rejected("no_text_field", f"none of {TEXT_FIELDS + HTML_FIELDS} in the record")
    body = html if html is not None else text
    if html is not None or looks_like_html(body):
        refuse_entity_declarations(body)
    return {
        "raw_text": normalize_text(body),
        "is_html": html is not None or looks_like_html(text or ""),
        "url": first(("url", "link", "source_url")),
        "title": first(("title", "headline")),
        "author": first(("author", "byline")),
        "published": first(("published", "published_at", "date", "datetime")),
        "site": first(("site", "source", "domain", "publisher")),
    }


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head
