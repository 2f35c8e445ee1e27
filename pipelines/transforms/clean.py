"""clean: raw records -> articles (metadata + cleaned body blocks), boilerplate audit, rejections.

HTML goes through trafilatura and our post-filter (`html_extract`); plain text through our own
line classifier (`boilerplate`). Lines that repeat across many articles of one site are learned
from the batch itself, so a site's footer is found without writing a rule for it.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial

import polars as pl
from dateutil import parser as dateparser

from pipelines.transforms.boilerplate import learn_site_lines, strip_boilerplate
from pipelines.transforms.document import CleanedDoc
from pipelines.transforms.html_extract import extract_html
from pipelines.transforms.parallel import map_chunks
from pipelines.transforms.schemas import ARTICLE_SCHEMA, BOILERPLATE_SCHEMA, REJECTED_SCHEMA
from pipelines.transforms.words import count_words

# spaCy's default `nlp.max_length`: NER refuses a longer text (E088; ~1 GB of memory per 100,000
# characters). One such paragraph, a page saved without line breaks, would fail the NER step and
# with it every other article of the run, so its article is quarantined here instead.
MAX_PARAGRAPH_CHARS = 1_000_000


@dataclass
class CleanOutput:
    articles: pl.DataFrame
    boilerplate: pl.DataFrame
    rejected: pl.DataFrame  # quarantine rows for records with no usable body


def clean_record(raw_text: str, *, is_html: bool, url: str | None = None,
                 site_lines: frozenset[str] = frozenset()) -> CleanedDoc:
    if is_html:
        return extract_html(raw_text, url=url)
    return strip_boilerplate(raw_text, site_lines=site_lines)


def site_profiles(raw: pl.DataFrame) -> dict[str, frozenset[str]]:
    """Repeated lines per site, learned from this batch's plain-text records."""
    by_site: dict[str, list[str]] = defaultdict(list)
    for site, text, is_html in raw.select("site", "raw_text", "is_html").iter_rows():
        if site and not is_html:
            by_site[site].append(text)
    return {site: learn_site_lines(texts) for site, texts in by_site.items() if len(texts) > 1}


def parse_published(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = dateparser.parse(value)
        if parsed.tzinfo is not None:
            # In the try too: 0001-01-01 east of UTC has no UTC date, an offset past 24 h no zone.
            parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    except (ValueError, ArithmeticError):  # ArithmeticError: OverflowError, decimal.InvalidOperation
        return None
    return parsed


def clean_articles(raw: pl.DataFrame, *, min_body_words: int, languages: tuple[str, ...] = (),
                   n_process: int = 1) -> CleanOutput:
    """Clean every raw record; site profiles are learned from the whole batch first, then the
    records are cleaned on `n_process` cores (each record on its own, so chunks are independent)."""
    clean = partial(clean_records, profiles=site_profiles(raw), min_body_words=min_body_words,
                    languages=languages, now=datetime.now(timezone.utc).replace(tzinfo=None))
    outcomes = map_chunks(clean, list(raw.iter_rows(named=True)), n_process=n_process)
    articles = [article for article, _, _ in outcomes if article is not None]
    rejected = [rejection for _, _, rejection in outcomes if rejection is not None]
    removed = [line for _, lines, _ in outcomes for line in lines]
    return CleanOutput(
        articles=pl.DataFrame(articles, schema=ARTICLE_SCHEMA),
        boilerplate=pl.DataFrame(removed, schema=BOILERPLATE_SCHEMA)
        .unique(["article_id", "line_no"], keep="first", maintain_order=True),
        rejected=pl.DataFrame(rejected, schema=REJECTED_SCHEMA),
    )


def clean_records(records: list[dict], *, profiles: dict[str, frozenset[str]], min_body_words: int,
                  languages: tuple[str, ...], now: datetime) -> list[tuple[dict | None, list[dict], dict | None]]:
    """Per raw record: (article row, removed lines, None), or (None, [], quarantine row)."""
    return [_clean_record_row(rec, profiles, min_body_words, languages, now) for rec in records]


def _clean_record_row(rec: dict, profiles: dict[str, frozenset[str]], min_body_words: int,
                      languages: tuple[str, ...], now: datetime) -> tuple[dict | None, list[dict], dict | None]:
    doc = clean_record(rec["raw_text"], is_html=rec["is_html"], url=rec["url"],
                       site_lines=profiles.get(rec["site"] or "", frozenset()))
    body = doc.body
    words = count_words(body)
    longest = max((len(block.text) for block in doc.blocks), default=0)
    reason = _rejection(words, longest, doc.language, min_body_words, languages)
    if reason:
        return None, [], {"source_path": rec["source_path"], "content_sha256": rec["content_sha256"],
                          "reason": reason[0], "detail": reason[1], "seen_at": now}
    removed = [{"article_id": rec["article_id"], "line_no": r.line_no, "text": r.text, "reason": r.reason}
               for r in doc.removed]
    return _article_row(rec, doc, body, words, now), removed, None


def _rejection(words: int, longest_block: int, language: str | None, min_words: int,
               languages: tuple[str, ...]) -> tuple[str, str] | None:
    if words == 0:
        return "no_body", "nothing left after boilerplate removal"
    if longest_block > MAX_PARAGRAPH_CHARS:
        return "too_large", (f"a paragraph of {longest_block:,} characters, more than the {MAX_PARAGRAPH_CHARS:,} "
                             "NER takes (a page saved without line breaks?)")
    if words < min_words:
        return "too_short", f"{words} words in the cleaned body, fewer than {min_words}"
    if languages and language not in languages:
        return "language", f"language {language!r} not in {list(languages)}"
    return None


def _article_row(rec: dict, doc: CleanedDoc, body: str, words: int, now: datetime) -> dict:
    return {
        "article_id": rec["article_id"], "source_path": rec["source_path"],
        "source_format": rec["source_format"], "content_sha256": rec["content_sha256"],
        # Metadata the input states outright wins over what the cleaner infers from the page.
        "title": rec["title"] or doc.title, "author": rec["author"] or doc.author,
        # a record's date that does not parse ("yesterday") leaves the page's own date a chance
        "published_at": parse_published(rec["published"]) or parse_published(doc.published_at),
        "site": rec["site"] or doc.site, "url": rec["url"] or doc.url, "language": doc.language,
        "body": body, "word_count": words, "ingested_at": now,
        "blocks": [{"kind": b.kind, "text": b.text} for b in doc.blocks],
    }
