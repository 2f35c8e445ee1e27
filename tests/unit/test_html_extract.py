"""HTML cleaner: trafilatura finds the article, our post-filter drops what it lets through."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.transforms.html_extract import extract_html

BENCH = Path(__file__).resolve().parents[3] / "shared" / "data" / "extraction-benchmark"

PARAS = [
    "The city council voted on Tuesday to approve a new budget that raises spending on schools and public "
    "transport by a tenth, after a debate that lasted more than six hours in a packed chamber.",
    "Opponents said the plan would force the city to borrow more money next year, while supporters argued "
    "that the investment was long overdue and would pay for itself over the coming decade.",
    "The mayor is expected to sign the budget into law before the end of the month, according to a "
    "spokesperson who spoke to reporters outside the chamber on Wednesday evening.",
]

PAGE = """<!DOCTYPE html><html lang="en-GB"><head><title>Council approves budget | Example News</title>
<meta property="og:title" content="Council approves budget after six-hour debate">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Smith">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Council approves budget after six-hour debate</h1>
<p>{0}</p>
<p>READ MORE: Mayor unveils plan for a new stadium downtown</p>
<p>{1}</p>
<h2>What happens next</h2>
<p>{2}</p>
<p>Sign up for our daily newsletter to get the latest news straight to your inbox.</p>
<p>Follow Jane Smith on Twitter for more coverage of city hall.</p>
</article>
<footer><p>© 2024 Example News. All rights reserved.</p></footer>
</body></html>""".format(*PARAS)


def test_article_kept_and_promos_related_links_and_contact_lines_dropped():
    doc = extract_html(PAGE, url="https://example.com/news/budget")
    assert [b.text for b in doc.blocks if b.kind == "paragraph"] == PARAS
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["What happens next"]
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["READ MORE: Mayor unveils plan for a new stadium downtown"] == "related_link"
    assert reasons["Sign up for our daily newsletter to get the latest news straight to your inbox."] == "newsletter_promo"
    assert reasons["Follow Jane Smith on Twitter for more coverage of city hall."] == "author_contact"
    assert "Council approves budget after six-hour debate" not in [b.text for b in doc.blocks]


def test_metadata_comes_from_the_page():
    doc = extract_html(PAGE, url="https://example.com/news/budget")
    assert doc.title == "Council approves budget after six-hour debate"
    assert doc.author == "Jane Smith"
    assert doc.site == "Example News"
    assert doc.published_at == "2024-03-05"
    assert doc.language == "en"
    assert doc.url == "https://example.com/news/budget"


def test_a_page_without_an_article_gives_an_empty_doc():
    for html in ("", "<html><body><nav><a href='/'>Home</a></nav></body></html>"):
        doc = extract_html(html)
        assert doc.blocks == []


@pytest.mark.skipif(not BENCH.exists(), reason="../shared/data/extraction-benchmark not found (shared data sets live beside the repo)")
def test_benchmark_pages_in_every_language_extract_with_a_language():
    records = [json.loads(line) for line in (BENCH / "ground_truth.jsonl").open(encoding="utf-8")]
    by_lang = {}
    for rec in records:
        by_lang.setdefault((rec["html_lang"] or "none")[:2], rec)
    for lang, rec in sorted(by_lang.items()):
        html = (BENCH / "html" / f"{rec['id']}.html").read_text(encoding="utf-8", errors="replace")
        doc = extract_html(html, url=rec["url"])
        assert doc.blocks, rec["id"]
        assert doc.language and len(doc.language) == 2
        if lang in ("ru", "ko", "ja"):
            assert doc.language == lang
