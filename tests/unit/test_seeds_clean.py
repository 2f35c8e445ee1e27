"""The five seed scrapes: every boilerplate line gone, every body paragraph kept."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.transforms.boilerplate import strip_boilerplate

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def clean(prefix: str):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return strip_boilerplate(path.read_text(encoding="utf-8"))


def body_text(doc) -> str:
    return "\n".join(b.text for b in doc.blocks)


def removed_reasons(doc) -> dict[str, str]:
    return {r.text: r.reason for r in doc.removed}


def test_seed_000_keeps_body_and_drops_promo_disclosures_and_reprint_note():
    doc = clean("000")
    assert doc.blocks[0].text.startswith("News of the spectacular “spiderweb” mass drone attack")
    assert doc.blocks[-1].text.startswith("For both sides, a lot still hinges on Washington.")
    assert doc.blocks[-1].text.endswith("in a war that has become unwinnable.")
    body = body_text(doc)
    for gone in ("Get your news from actual experts", "recipient of grant funding", "does not work for, consult",
                 "originally published on The Conversation"):
        assert gone not in body
    assert block_kinds(doc)["International support"] == "heading"
    assert len(doc.blocks) == 24  # 23 paragraphs and one heading: no body line lost
    reasons = removed_reasons(doc)
    assert reasons["This article was originally published on The Conversation. Read the original article."] == "originally_published"
    assert sorted(set(reasons.values())) == ["disclosure", "newsletter_promo", "originally_published"]


def block_kinds(doc) -> dict[str, str]:
    return {b.text: b.kind for b in doc.blocks}


def test_seed_001_lifts_title_and_drops_similar_posts():
    doc = clean("001")
    assert doc.title == "Ukraine’s Innovative Drone Strike Misses Impact at Peace Talks as Conflict Stalemate Continues"
    assert doc.blocks[0].text.startswith("Following the remarkable “spiderweb” mass drone assault")
    assert doc.blocks[-1].text.endswith("in a conflict that appears increasingly unwinnable.")
    assert len(doc.blocks) == 16
    assert "Similar Posts" not in body_text(doc)
    assert doc.title not in body_text(doc)


def test_seed_002_drops_author_block_tags_comments_and_related_articles():
    doc = clean("002")
    assert doc.title == "What Next For Russia, Ukraine? Istanbul Peace Talks Hang By A Thread Amid Drone Barrage"
    assert doc.blocks[0].text.startswith("In a city that has long bridged continents and empires")
    assert doc.blocks[-1].text.startswith("Given that there is no easy solution to a war")
    body = body_text(doc)
    for gone in ("Last Updated", "About the Author", "Apoorva Misra", "Watch India Pakistan Breaking News", "tags :",
                 "Location :", "First Published", "News explainers", "Try Our AI Features", "Explore what Daily8 AI",
                 "Comments", "No comments yet", "Related Articles", "India Today", "36 minutes ago",
                 "Power restored to 700,000 residents", "Satellite images show scale of damage", "Hindustan Times",
                 "Hegseth will skip a meeting", "Tara Copp"):
        assert gone not in body, gone
    # the standfirst repeats the start of a body paragraph: kept once, in full
    assert body.count("Despite the diplomatic overtures at a neutral negotiating table") == 1
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["THE ROADBLOCKS", "WAR RAGES ON", "WHAT LIES AHEAD?"]
    reasons = removed_reasons(doc)
    assert reasons["Related Articles"] == "related_block"
    assert reasons["About the Author"] == "author_bio"
    # lines under a marker below the body carry the marker's reason, not a generic one
    assert reasons["Power restored to 700,000 residents in Russian-held Ukraine after Ukrainian strikes"] == "related_block"


def test_seed_003_keeps_headings_and_list_items_without_markers():
    doc = clean("003")
    assert doc.title is None
    assert doc.blocks[0].text.startswith("Russia unleashed what Ukrainian officials described")
    assert doc.blocks[-1].text.endswith("devastating consequences for both nations and the global order.")
    kinds = block_kinds(doc)
    assert kinds["Broader Implications"] == "heading"
    assert sum(1 for b in doc.blocks if b.kind == "list_item") == 14
    assert all(b.text != "-" for b in doc.blocks)
    assert {r.reason for r in doc.removed} == {"list_marker"}


def test_seed_004_keeps_key_points_and_closing_quote():
    doc = clean("004")
    assert doc.blocks[0].text == "Ukraine’s drone strikes destroy or damage over 40 Russian bombers, exposing deep military vulnerabilities."
    assert doc.blocks[0].kind == "list_item"
    assert doc.blocks[-1].text.startswith("“Russia must feel what its losses mean.")
    assert len(doc.blocks) == 12
    assert doc.removed == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_is_english_and_every_removed_line_has_a_reason(prefix):
    doc = clean(prefix)
    assert doc.language == "en"
    assert all(r.reason for r in doc.removed)
