"""Plain-text cleaner: picture credits told by their shape (credits.py), not by an agency list."""
from __future__ import annotations

import pytest

from pipelines.transforms.boilerplate import strip_boilerplate
from tests.unit.cleaner_samples import PARA_1, PARA_2, PARA_3, PARA_4, reasons, texts

CAPTION = "Officials handed out more than 5 million air filter masks to schoolchildren this month."


def test_a_caption_above_names_joined_by_slashes_is_dropped_with_its_credit():
    credit = "Priya Nair/Mumbai Mirror/Lensbase"  # no agency the phrase rules know
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, CAPTION, credit, PARA_3, PARA_4]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert reasons(doc)[credit] == "photo_credit"
    assert reasons(doc)[CAPTION] == "caption"


def test_a_caption_above_names_joined_by_pipes_is_dropped():
    credit = "Natalie Naccache | Harbour Pictures"
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, CAPTION, credit, PARA_3, PARA_4]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert reasons(doc)[CAPTION] == "caption"


def test_a_caption_closed_by_a_bracketed_credit_is_dropped_even_without_a_full_stop():
    closed = ["The first global geologic map of Titan. (NASA/JPL-Caltech/ASU)",
              "The protests kicked off in June and have grown in size (Bild: LENSBASE )"]
    doc = strip_boilerplate("\n".join([PARA_1, closed[0], PARA_2, closed[1], PARA_3, PARA_4]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert {reasons(doc)[line] for line in closed} == {"caption"}


def test_a_menu_of_slashed_sections_does_not_make_the_paragraph_above_a_caption():
    menu = ["News/World", "Food/Dining", "Homes/Rentals"]
    short_last = "The hearing resumes on Monday, the court said in a statement."
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, short_last, *menu]))
    assert short_last in texts(doc)


def test_a_wire_headline_with_a_slash_and_a_paragraph_ending_in_a_bracket_are_kept():
    headline = "TALKING POINT/BANKAMERICA EQUITY OFFER"
    quoted = "The company said sales rose in the quarter, led by its newest line of trucks (see chart)."
    doc = strip_boilerplate("\n".join([headline, PARA_1, quoted, PARA_2, PARA_3]))
    assert doc.title == headline
    assert quoted in texts(doc)


def test_a_reviews_slashed_subheading_does_not_make_the_paragraph_above_a_caption():
    short_para = "The battery lasted a full day of heavy use in our tests, which is rare."
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, short_para, "Price/Availability", PARA_3, PARA_4]))
    assert short_para in texts(doc)


def test_a_paragraph_over_a_picture_captioned_with_its_credit_is_the_articles():
    # "Yersina pestis causes the plague (Image: GETTY)" is a picture's caption and credit in one
    # line: the paragraph above is no caption of it
    picture = "Yersina pestis causes the plague (Image: GETTY)"
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, picture, PARA_4]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]


@pytest.mark.parametrize("sign_off", ["cho/dpa/Reuters", "(ond/imk)"])
def test_the_writers_sign_off_under_the_last_paragraph_makes_no_caption_of_it(sign_off):
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, PARA_4, sign_off]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert reasons(doc)[sign_off] == "credit"


def test_an_agencys_credit_is_no_sign_off():
    caption = "Protesters gather outside the parliament building in Berlin on Tuesday evening to demand a freeze of rail fares."
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, caption, "dpa/AFP", PARA_3, PARA_4]))
    assert caption not in texts(doc)


def test_the_title_of_a_video_under_a_sections_heading_goes_and_the_heading_stays():
    page = [PARA_1, PARA_2, "4. Questioning Vindman's judgment", "Morrison discusses concerns about Vindman's judgment",
            PARA_3, PARA_4]
    doc = strip_boilerplate("\n".join(page))
    assert texts(doc) == [PARA_1, PARA_2, "Questioning Vindman's judgment", PARA_3, PARA_4]
    assert reasons(doc)["Morrison discusses concerns about Vindman's judgment"] == "caption"


@pytest.mark.parametrize("lead_in", ["Here are the three options the council weighed:", "The options:"])
def test_two_short_lines_under_a_lead_in_are_a_list_and_stay(lead_in):
    page = [PARA_1, PARA_2, lead_in, "A new bridge over the river", "A wider ferry service", PARA_3, PARA_4]
    if lead_in.startswith("Here"):  # the lead-in is the paragraph above the two lines
        page = [PARA_1, lead_in, "A new bridge over the river", "A wider ferry service", PARA_3, PARA_4]
    doc = strip_boilerplate("\n".join(page))
    assert "A wider ferry service" in texts(doc)


def test_a_line_without_a_full_stop_by_a_gallerys_label_is_its_caption():
    caption = "Neighbours say the steel pole is visible from almost every garden in the close"
    page = [PARA_1, PARA_2, "+6", "View gallery", caption, PARA_3, PARA_4]
    doc = strip_boilerplate("\n".join(page))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert reasons(doc)[caption] == "caption"
    assert reasons(doc)["View gallery"] == "image_gallery"
    # a short heading by the label stays
    page = [PARA_1, PARA_2, "View gallery", "What the council said", PARA_3, PARA_4]
    assert "What the council said" in texts(strip_boilerplate("\n".join(page)))


def test_a_headline_over_a_pictures_source_line_is_no_gallery_caption():
    headline = "El pueblo de Colombia que les paga a sus campesinos para que no siembren en el páramo"
    page = ["Noticias", headline, "Fuente de la imagen, Valeria Castro / BBC", PARA_1, PARA_2, PARA_3]
    doc = strip_boilerplate("\n".join(page))
    assert doc.title == headline
