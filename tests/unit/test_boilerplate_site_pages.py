"""Plain-text cleaner on whole pages written after the layouts of big sites (BBC, the Guardian,
Reuters, CNN, NPR, Politico, The Verge, the Mirror, Le Figaro, Kompas, a WordPress blog, Medium
and more; the list is expected.json's): the menus, share bars, picture labels, ad boxes,
related stories, tags, author boxes, comment threads and footers around and inside an article
all go, and the article's paragraphs, subheadings and lists stay, with its headline, author and
date where the page states them. Expected results: tests/unit/site_pages/expected.json."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.transforms.boilerplate import strip_boilerplate

PAGES = Path(__file__).parent / "site_pages"
EXPECTED = {k: v for k, v in json.loads((PAGES / "expected.json").read_text(encoding="utf-8")).items()
            if not k.startswith("_")}


@pytest.mark.parametrize("site", sorted(EXPECTED))
def test_a_sites_page_is_cleaned_to_its_article(site):
    expected = EXPECTED[site]
    doc = strip_boilerplate((PAGES / f"{site}.txt").read_text(encoding="utf-8"))
    assert [[b.kind, b.text] for b in doc.blocks] == expected["body"]
    assert doc.title == expected["title"]
    for field in ("author", "published_at"):
        if field in expected:
            assert getattr(doc, field) == expected[field], field


@pytest.mark.parametrize("site", sorted(EXPECTED))
def test_every_line_of_the_page_is_kept_or_removed_with_a_reason(site):
    text = (PAGES / f"{site}.txt").read_text(encoding="utf-8")
    doc = strip_boilerplate(text)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    assert len(doc.blocks) + len(doc.removed) == len(lines)
    assert all(r.reason for r in doc.removed)
