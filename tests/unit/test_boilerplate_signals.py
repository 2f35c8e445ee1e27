"""Plain-text cleaner: signals added for issue 3's remaining leaks (captions, deks, link lists)."""
from __future__ import annotations

import pytest

from pipelines.transforms.boilerplate import strip_boilerplate
from pipelines.transforms.boilerplate.classify import parse_lines
from pipelines.transforms.boilerplate.lines import ends_with_sentence, has_inner_sentence
from tests.unit.cleaner_samples import PARA_1, PARA_2, PARA_3, PARA_4, between_paragraphs, reasons, texts


def test_headlines_under_a_more_label_are_a_link_list_up_to_the_next_paragraph():
    more = ["More:", "Afghan woman politician sees talks as only hope",
            "China invites Taliban, Afghan officials for two-day talks"]
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, *more, PARA_3, PARA_4]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert reasons(doc)["China invites Taliban, Afghan officials for two-day talks"] == "related_block"


def test_a_more_tab_inside_a_more_in_list_does_not_end_the_list_at_its_first_blurb():
    blurb = ("This week, on the podcast, the host talks with a Korea expert about why the talks between "
             "the two countries are at a stalemate after months of negotiations.")
    block = ["More in World", "U.S.", "More", "Transcript: North Korea expert on the podcast", blurb]
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, *block]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3]
    assert blurb in reasons(doc)


def test_teasers_ending_in_a_spaced_ellipsis_are_dropped():
    teasers = ["WSU student died hours before 911 call; chapter holding vigil …",
               "Lush retail store expected to open in February at River Park Square …"]
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, "Most read stories", *teasers]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3]
    assert {reasons(doc)[t] for t in teasers} <= {"teaser", "related_block"}


def test_name_for_publication_credit_drops_the_caption_above_it():
    caption = ("Cells with taste receptors sometimes develop inside the lungs of animals infected with "
               "influenza, where they may act as sentinels.")
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, caption, "RenderBurger for Quanta Magazine", PARA_3, PARA_4]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert reasons(doc)["RenderBurger for Quanta Magazine"] == "photo_credit"
    assert reasons(doc)[caption] == "caption"


def test_a_section_heading_with_for_is_not_a_credit():
    heading = "Looking for Answers"
    doc = between_paragraphs(heading)
    assert texts(doc) == [PARA_1, PARA_2, heading, PARA_3, PARA_4]


def test_bracketed_agency_credits_are_photo_credits():
    doc = strip_boilerplate("\n".join([
        "Roughly 13,000 US troops remain in the country [File: Reuters]", PARA_1, PARA_2, PARA_3,
        "A scanning electron micrograph of the bacteria that cause plague.",
        "( STEVE GSCHMEISSNER/SCIENCE PHOTO LIBRARY)", PARA_4, PARA_2.replace("next year", "this year"),
    ]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4, PARA_2.replace("next year", "this year")]
    assert reasons(doc)["( STEVE GSCHMEISSNER/SCIENCE PHOTO LIBRARY)"] == "photo_credit"
    assert reasons(doc)["Roughly 13,000 US troops remain in the country [File: Reuters]"] == "photo_credit"


def test_a_key_point_that_the_lede_restates_is_dropped_but_a_later_pull_quote_is_kept():
    key_point = ("Dubai's flagship carrier Emirates Airline has finalized a deal to purchase 30 of Boeing's "
                 "787-9 Dreamliner jets, executives of both companies announced Wednesday.")
    lede = ("DUBAI, United Arab Emirates — Dubai's flagship carrier Emirates Airline finalized a deal to purchase "
            "30 of Boeing's 787-9 Dreamliner jets, executives of both companies announced Wednesday at the air show.")
    pull_quote = "Supporters argued that the investment was long overdue and would pay for itself over time."
    doc = strip_boilerplate("\n".join(["Key Points", key_point, lede, PARA_1, pull_quote, PARA_2, PARA_3]))
    assert texts(doc) == [lede, PARA_1, pull_quote, PARA_2, PARA_3]
    assert reasons(doc)[key_point] == "echo"


def test_a_summary_box_over_the_article_goes_but_a_takeaways_section_under_its_prose_stays():
    box = ["Key Points", "The council raised spending on schools by a tenth", "Bus fares stay frozen until 2026"]
    doc = strip_boilerplate("\n".join([*box, PARA_1, PARA_2, PARA_3]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3]
    closing = "If you only remember one thing from this story, make it this: the money runs out in two years."
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, "Takeaways", closing, PARA_4]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, "Takeaways", closing, PARA_4]


def test_a_standfirst_above_a_wire_dateline_lede_is_a_dek():
    headline = "Ascom and Draeger Introduce Integrated Alarm Management in North America"
    dek = ("The full integration of the two systems will deliver mobile alert notifications and "
           "customized alarm filtering to clinicians.")
    page = [headline, "August 23, 2018", dek, "BAAR, SWITZERLAND", PARA_1, PARA_2, PARA_3]
    doc = strip_boilerplate("\n".join(page))
    assert doc.title == headline
    assert texts(doc) == ["BAAR, SWITZERLAND", PARA_1, PARA_2, PARA_3]
    assert reasons(doc)[dek] == "dek"


def test_a_first_paragraph_without_a_wire_lede_below_is_kept():
    headline = "Ascom and Draeger Introduce Integrated Alarm Management in North America"
    doc = strip_boilerplate("\n".join([headline, "August 23, 2018", PARA_1, PARA_2, PARA_3]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3]


def test_a_related_list_does_not_end_at_a_headline_that_lacks_a_full_stop():
    headline = "Taking Stock: Historic day on D-St! Here's what is driving the rally"
    block = ["related news", "FIIs bullish on India, growth should start accelerating in Q2CY20, says Ridham Desai", headline]
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, *block, PARA_3, PARA_4]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert reasons(doc)[headline] == "related_block"


def test_a_long_unmarked_comment_thread_goes_even_when_it_outweighs_the_article():
    comments = []
    for n in range(6):
        comments += [f"reader{n}", f"2 days ago at 07:5{n} am",
                     f"I think we will see similar updates to what the bigger model received, number {n}, "
                     "and I like the direction the company is taking with the keyboard and the screen."]
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, *comments]))
    assert texts(doc) == [PARA_1, PARA_2]


def test_blog_sidebar_greetings_and_the_akismet_notice_are_dropped():
    sidebar = ["Hi there! I'm Regan.",
               "Thank you for stopping by! My name is Regan and I live in Massachusetts with my husband and two sons.",
               "This site uses Akismet to reduce spam. Learn how your comment data is processed."]
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, *sidebar]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3]
    assert reasons(doc)[sidebar[0]] == "author_bio"
    assert reasons(doc)[sidebar[2]] == "comments"


def test_named_comment_headers_right_under_the_previous_comment_and_salutations_make_a_thread():
    remarks = [
        "It would help to know how the new paper changes the picture, since the effects it reports look larger "
        "than the ones in the earlier trial that your review relied on.",
        "We have not yet reviewed that paper, but we plan to consider it as part of our year-end review of cash "
        "transfers that we mentioned in our last update.",
        "I skimmed your report and did not see any analysis of the cost of travelling on slower buses, which "
        "seems like an important part of the overall picture to me.",
        "Our best guess is that any effects on vehicle speed are fairly small, and we have limited data on this "
        "question beyond the one randomized trial from a few years ago.",
    ]
    comments = []
    for n, (name, greeting) in enumerate([("Milan", None), ("Catherine", "Hi Milan,"), ("Alex", None),
                                          ("Catherine", "Hi Alex,")]):
        comments += [f"{name} on September 1{n}, 2018 at 4:4{n} pm said:", *([greeting] if greeting else []), remarks[n]]
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, PARA_4, *comments]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]


def test_a_single_line_ending_in_a_spaced_ellipsis_is_a_pause_not_a_teaser():
    pause = "Because once you understand my approach …"
    doc = between_paragraphs(pause)
    assert pause in texts(doc)


def test_a_caption_above_a_bracketed_name_slash_agency_credit_is_dropped():
    caption = "Yersinia pestis, the bacteria that cause plague, survives on fleas that live on rodents, like rats."
    credit = "( STEVE GSCHMEISSNER/SCIENCE PHOTO LIBRARY)"
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, caption, credit, PARA_3, PARA_4]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert reasons(doc)[caption] == "caption"


def test_a_thread_told_by_a_repeated_widget_line_goes_but_a_gallery_counter_mid_article_does_not():
    article = [PARA_1, PARA_2, PARA_3, PARA_4, PARA_1.replace("Tuesday", "Monday"), PARA_2.replace("next", "last")]
    tail = " and that is why I will be writing to my councillor about it before the next meeting in the spring."
    replies = [
        "I think the council should have waited for the audit before voting on the budget this time around" + tail,
        "Nobody asked the bus drivers what they think about the new timetable, and they are the ones who know" + tail,
        "This is the third budget in a row that raises spending without saying where the money will come from" + tail,
        "Good to see the schools finally getting the attention they deserve after years of cuts and delays" + tail,
    ]
    more = ["My neighbours feel the same way, and several of them have already signed the petition at the library.",
            "The drivers' union said as much at the hearing last month, but the committee did not seem to listen.",
            "Every year we hear the same promises, and every year the roads on our side of town get worse.",
            "My daughter's school has had leaking roofs for three winters, so this money is long overdue."]
    thread = [x for n, reply in enumerate(replies) for x in (f"reader {n}", reply, more[n], "Recommend")]
    doc = strip_boilerplate("\n".join([*article, *thread]))
    assert texts(doc) == article
    gallery = [x for n, para in enumerate(article) for x in (f"Image {n + 1} of 4", para)]
    doc = strip_boilerplate("\n".join([*article, *gallery, PARA_1.replace("Tuesday", "Friday"), PARA_3.replace("month", "year")]))
    assert texts(doc)[-2:] == [PARA_1.replace("Tuesday", "Friday"), PARA_3.replace("month", "year")]


def test_a_share_bar_of_network_names_and_foreign_share_words_is_dropped():
    bars = ["Whatsapp Facebook Pint Baixar", "Compartilhar: Facebook Twitter Pinterest", "Teilen Download"]
    lines = [PARA_1, PARA_2, bars[0], PARA_3, PARA_4, bars[1], bars[2]]
    doc = strip_boilerplate("\n".join(lines))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert {reasons(doc)[b] for b in bars} == {"share"}


def test_foreign_you_may_like_headers_open_a_related_block_and_read_also_labels_drop_one_link():
    teasers = ["Só quem se Ama sabe o valor da vida", "Mensagens de Reflexão Sobre a Vida para compartilhar"]
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, "Você pode gostar...", *teasers]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3]
    assert {reasons(doc)[t] for t in teasers} == {"related_block"}
    # "read also" mid-article: the label and its link go, the article goes on below them
    link = "Il remake dei Cavalieri dello Zodiaco arriva su Netflix"
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, "Leggi anche", link, PARA_3, PARA_4]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert reasons(doc)["Leggi anche"] == reasons(doc)[link] == "related_block"


def test_an_unsupported_browser_notice_is_dropped_but_news_about_browsers_stays():
    notices = ["We've detected you are on Internet Explorer. For the best Barrons.com experience, please update to a modern browser.",
               "You are using an outdated browser. Please upgrade your browser to improve your experience.",
               "Your browser is not supported."]
    news = ("Microsoft urged people still on Internet Explorer to switch to its Edge browser, saying the "
            "old browser would no longer get security updates after the end of the year.")
    doc = strip_boilerplate("\n".join([*notices, PARA_1, news, PARA_2]))
    assert texts(doc) == [PARA_1, news, PARA_2]
    assert {reasons(doc)[n] for n in notices} == {"browser_notice"}


def test_a_question_put_to_each_guest_of_an_interview_stays_every_time_a_twice_shown_line_once():
    question = "What inspired you to start cooking for your readers?"
    answers = [PARA_1, PARA_2, PARA_3]
    page = [x for answer in answers for x in (question, answer)]
    doc = strip_boilerplate("\n".join(page))
    assert texts(doc) == page
    # shown twice, a line is a teaser or caption repeated: kept once
    doc = strip_boilerplate("\n".join(page[:4] + [PARA_1]))
    assert texts(doc).count(PARA_1) == 1


def test_a_sentence_of_names_closed_by_a_full_stop_is_prose_not_a_headline():
    lede = "Tony Blair is to join Home Secretary David Blunkett in a visit to Sheffield on Thursday."
    headline = "RANGE ROVER TO SELL VEHICLES IN U.S."  # capitals, and an initialism's full stop
    doc = strip_boilerplate("\n".join(["Blair And Blunkett Visit Sheffield", lede, PARA_1, PARA_2, PARA_3]))
    assert texts(doc) == [lede, PARA_1, PARA_2, PARA_3]
    assert doc.title == "Blair And Blunkett Visit Sheffield"
    doc = strip_boilerplate("\n".join([headline, PARA_1, PARA_2, PARA_3]))
    assert doc.title == headline


def test_a_full_stop_title_case_line_is_a_sentence_only_from_15_words_on():
    # under 15 words a footer's "Slate is published by The Slate Group, a Graham Holdings
    # Company." stays Title Case; from 15 on, a full stop makes the line a sentence
    words = "Tony Blair Will Join Home Secretary David Blunkett On A Visit To Sheffield Today".split()
    text = "\n".join([" ".join(words) + ".", " ".join(words + ["Again"]) + "."])
    lines, _ = parse_lines(text, frozenset(), frozenset())
    assert [line.words for line in lines] == [14, 15]
    assert [line.title_case for line in lines] == [True, False]


@pytest.mark.parametrize("text", [
    "Sie hätten keine Wahl, sagt er. „Da kann ich ihnen keinen Vorwurf machen.“",
    "Er nennt es »eine Frage des Überlebens.«",
    "Il a conclu : « C'est fini. »",
])
def test_a_quote_closed_the_german_or_french_way_ends_a_sentence(text):
    assert ends_with_sentence(text)
    assert has_inner_sentence("„Das reicht nicht.“ Dann ging er.")
