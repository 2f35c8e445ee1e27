"""Plain-text cleaner: one-line sentences between the article's paragraphs, too short or too
terse on stop words to grade as prose, are the article's (sentences.short_sentence_between)."""
from __future__ import annotations

import pytest

from pipelines.transforms.boilerplate import strip_boilerplate
from tests.unit.cleaner_samples import PARA_1, PARA_2, PARA_3, PARA_4, between_paragraphs, texts


@pytest.mark.parametrize("sentence", [
    "WeWork declined to comment.",
    "Long-dated U.S. Treasury yields slipped as risk appetite weakened.",
    "Retaliatory tariffs imposed by China have particularly hurt U.S. farmers.",
])
def test_a_short_sentence_between_paragraphs_is_kept(sentence):
    doc = between_paragraphs(sentence)
    assert texts(doc) == [PARA_1, PARA_2, sentence, PARA_3, PARA_4]


def test_a_short_sentence_is_kept_past_a_picture_between_it_and_the_paragraph_above():
    sentence = "WeWork declined to comment."
    page = [PARA_1, PARA_2, "Image copyright", "Getty Images", sentence, PARA_3, PARA_4]
    assert texts(strip_boilerplate("\n".join(page))) == [PARA_1, PARA_2, sentence, PARA_3, PARA_4]


@pytest.mark.parametrize("line", [
    "Read the full story.",  # a sentence, but under a menu line ("Business"), not under a sentence
    "SIGN UP NOW.",  # shouted: no lower-case word
    "Loading...",
])
def test_a_short_line_under_a_menu_is_not_taken_for_a_sentence(line):
    page = [PARA_1, PARA_2, PARA_3, "World", "Business", line, PARA_4]
    assert line not in texts(strip_boilerplate("\n".join(page)))


@pytest.mark.parametrize(("line", "kind"), [
    ("What did the prosecutors say?", "heading"),
    ("Mr Smith disagreed. Who could blame him?", "paragraph"),  # two sentences: a paragraph
    ("She paused. Then she asked: why now?", "paragraph"),
])
def test_a_short_question_of_its_own_is_a_subheading(line, kind):
    doc = between_paragraphs(line)
    assert {b.text: b.kind for b in doc.blocks}[line] == kind
