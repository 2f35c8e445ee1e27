"""Plain-text cleaner: the site speaking to its reader (voice.py, site_voice.json), found by its
vocabulary where the phrase rules (line_patterns.json) have no wording for it."""
from __future__ import annotations

import json

import pytest

from pipelines.transforms.boilerplate import strip_boilerplate
from pipelines.transforms.boilerplate.classify import parse_lines
from pipelines.transforms.boilerplate.rules import DATA_DIR
from pipelines.transforms.boilerplate.voice import site_voice
from tests.unit.cleaner_samples import PARA_1, PARA_2, PARA_3, PARA_4, between_paragraphs, reasons, texts

# wordings no phrase rule knows: each is dropped only by what it talks about and to whom
NOTICES = [
    "Registration on or use of this site constitutes acceptance of our User Agreement and Privacy Policy",
    "Leave your email below and the Morning Brief newsletter arrives every weekday",
    "This feature lets the site personalise your browsing, and you can switch it off in your account.",
    "Your comment is awaiting approval: we check each new account by hand.",
    "Note: we hold new comments for moderation while we deal with a wave of spam.",
    # a page with an "İ" has no Line.lower_tokens (lines.CASE_CONTEXT_CHARS): the words come from the text
    "Leave your email below and the İstanbul Daily newsletter arrives every weekday",
]


@pytest.mark.parametrize("notice", NOTICES)
def test_a_notice_to_the_reader_under_the_article_is_dropped(notice):
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, PARA_4, notice]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert reasons(doc)[notice] == "site_notice"


def test_a_notice_between_paragraphs_is_dropped_and_the_body_around_it_kept():
    notice = NOTICES[0]
    doc = between_paragraphs(notice)
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]


@pytest.mark.parametrize("sentence", [
    # about a website, not to its reader
    "Facebook changed its privacy policy on Monday, and regulators said the new terms broke EU law.",
    # the reader words are inside a quote
    "\u201cOur policy is not to comment on rumours about any account,\u201d a spokesman for the bank said.",
    "\u2018Our policy isn\u2019t to comment on rumours about any account,\u2019 a spokesman for the bank said.",
    # a quote running on into the next paragraph is left open at the end of this one
    "\u201cOur policy is not to comment on rumours about any account or about our terms with clients.",
    # two of the words in a long paragraph: an article that happens to name them
    "We visited the site in March, when the council was still weighing the plan, and most of the "
    "people we met there had an opinion about what should become of the old mill, from flats to a "
    "museum; a few had already written to the council, and one showed us the reply she got by email.",
    # a tip naming another's machinery: "their websites", "its app"
    "Check your airport's wait times. Many large airports post live checkpoint wait times on their websites, "
    "and its app shows historical wait times.",
])
def test_prose_that_names_a_websites_parts_without_speaking_for_it_is_kept(sentence):
    doc = between_paragraphs(sentence)
    assert sentence in texts(doc)


def test_html_leaves_the_page_notices_to_trafilatura():
    # parse_lines without the scrape's own passes (whole_page=False) is the HTML post-filter
    lines, _ = parse_lines("\n".join([PARA_1, NOTICES[0]]), frozenset(), frozenset(), whole_page=False)
    assert lines[1].reason != "site_notice"


def test_the_lexicon_is_lower_case_and_each_word_names_one_concept():
    data = json.loads((DATA_DIR / "site_voice.json").read_text(encoding="utf-8"))
    words = [w for ws in data["concepts"].values() for w in ws]
    pairs = [p for ps in data["two_word_concepts"].values() for p in ps]
    assert all(w == w.lower() and " " not in w for w in words + data["reader_words"])
    assert len(words) == len(set(words)) == len(site_voice().concept_of)
    assert all(len(p.split()) == 2 and p == p.lower() for p in pairs)
    assert set(data["two_word_concepts"]) <= set(data["concepts"])  # a misspelt name would be a concept of its own


@pytest.mark.parametrize("sentence", [
    "In terms of trade policy, we believe the government has got it badly wrong this year.",
    "We must take into account the site of the new plant before the council votes on it.",
    # 'commission' and 'email' were two concepts of the site's; 'email' alone is one
    "We expect the commission to rule on the merger before the end of the year, our analysts said in an email.",
])
def test_an_op_eds_first_person_with_everyday_words_of_the_lexicon_is_kept(sentence):
    doc = between_paragraphs(sentence)
    assert sentence in texts(doc)
