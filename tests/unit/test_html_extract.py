"""HTML cleaner: trafilatura finds the article, our post-filter drops what it lets through."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import trafilatura

from pipelines.transforms import html_extract
from pipelines.transforms.html_extract import extract_html
from pipelines.transforms.html_text import page_text

BENCH = Path(__file__).resolve().parents[3] / "shared" / "data" / "extraction-benchmark"
needs_benchmark = pytest.mark.skipif(
    not BENCH.is_dir(), reason="../shared/data/extraction-benchmark not found (shared data sets live beside the repo)")

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


@needs_benchmark
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


NOTICE_PAGE = """<html lang="en"><head><title>Council approves budget | Example News</title>
<meta property="og:title" content="Council approves budget after six-hour debate"></head><body>
<div class="reprints"><p>This copy is for your personal, non-commercial use only. To order presentation-ready
copies for distribution to your colleagues, clients or customers visit http://www.djreprints.com.</p></div>
<div class="comments"><h1>Budget passes after a marathon session</h1><div>{0}</div><div>{1}</div><div>{2}</div></div>
</body></html>""".format(*PARAS)


def test_a_page_where_trafilatura_finds_only_a_notice_is_cleaned_as_text(monkeypatch):
    # trafilatura (include_comments=False) prunes the box the site named "comments" and takes the
    # reprint notice for the body; the spy makes sure the page text fallback is what runs
    fallbacks = []
    clean_page_text = html_extract._clean_page_text
    monkeypatch.setattr(html_extract, "_clean_page_text", lambda *args: (fallbacks.append(1), clean_page_text(*args)))
    doc = extract_html(NOTICE_PAGE)
    assert fallbacks
    assert [b.text for b in doc.blocks] == PARAS
    assert doc.title == "Council approves budget after six-hour debate"  # the page's og:title, not its <h1>
    assert any(r.reason == "copyright" and r.text.startswith("This copy is") for r in doc.removed)


def test_page_text_is_a_line_per_block_without_scripts_comments_or_head():
    html = ("<html><head><title>T</title></head><body><!-- hidden --><div>Menu<a href='/'>Home</a></div>"
            "<p>One <b>bold</b>\n  line<br>two</p><script>var x = 1;</script>tail<ul><li>a</li><li>b</li></ul>"
            "<p>zero\u200bwidth</p><pre>x = 1\n  y = 2</pre>"
            + "<div>" * 200 + "deep" + "</div>" * 200 + "</body></html>")
    assert page_text(trafilatura.load_html(html)).split("\n") == [
        "MenuHome", "One bold line", "two", "tail", "a", "b", "zerowidth", "x = 1", "y = 2", "deep"]


@needs_benchmark
def test_a_benchmark_page_trafilatura_misses_keeps_its_article():
    page = next((BENCH / "html").glob("f8ff621a0b9b*.html")).read_text(encoding="utf-8")  # Barron's, dev split
    body = extract_html(page).body
    assert "Home Depot (ticker: HD) reported $2.53 in per-share earnings" in body
    assert "djreprints" not in body
