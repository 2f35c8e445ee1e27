"""Plain-text cleaner: wire copy keeps its lede in the body and its headline as the title.

Before, a terse lede under a wire headline ("NEW YORK, March 6 - Shr loss 10 cts vs loss 50
cts") was taken for the headline or dropped as "nav", and a page that opens with its
headline right above the body kept the headline as a paragraph. On the news corpus's 21,268
clean articles, 18,425 got their own headline as title; `bench/extraction.py --corpus 21268`
counts them.
"""
from __future__ import annotations

import pytest

from pipelines.transforms.boilerplate import strip_boilerplate
from pipelines.transforms.boilerplate.datelines import opens_wire_lede
from tests.unit.cleaner_samples import PARA_1, PARA_2, PARA_3, reasons, texts


@pytest.mark.parametrize("line", [
    "PEARL RIVER, N.Y., March 2 - Oper shr eight cts vs five cts",
    "WINSTON-SALEM, N.C., March 13 - Shr 53 cts vs 85 cts",
    "GEORGETOWN, Grand Cayman, British West Indies, March 25 - Shr 29 cts vs nine cts",
    "Kansas City, April 7 - The following cash sorghum prices were reported",
    "LONDON, APRIL 9 - Johnson Matthey today issued the following prices",
    "ST. JOSEPH, Mich. (AP) — Michigan health authorities are reporting a 6th fatality linked to Eastern Equine Encephalitis.",
    "WASHINGTON (Reuters) - The Senate voted on Tuesday to confirm the nominee.",
    "STOCKHOLM, Mar 12 - Group loss after financial income and expenses 1.08",
    "Toronto, April 1 - Shr 51 cts vs one dlr",
])
def test_a_wire_dateline_and_a_dash_open_a_lede(line):
    assert opens_wire_lede(line)


@pytest.mark.parametrize("line", [
    "BREAKING: Lawan moves motion for Senate's adjournment",  # a colon heads a headline
    "WATCH: Council votes to raise school spending.",
    "ECONOMIC SPOTLIGHT - EMS MARKS EIGHTH BIRTHDAY",  # a wire headline in capitals
    "LONDON, March 2 - GOLD FIXED AT 400 DLRS",
    "Tim Morrison on the Gordon problem",
    "March 2 - the day the talks began",
    # headlines and labels with a dash: no full stop, and no place and day before the dash
    "US - China trade talks resume in Geneva",
    "CANADIAN METALS - April 7",
    "VIDEO - Watch the council debate",
    "Coronavirus live updates, March 2 - What we know",
])
def test_other_lines_do_not_open_a_lede(line):
    assert not opens_wire_lede(line)


@pytest.mark.parametrize("headline", ["US - China trade talks resume in Geneva", "CANADIAN METALS - April 7"])
def test_a_headline_with_a_dash_is_the_title_not_a_lede(headline):
    doc = strip_boilerplate("\n".join(["Home", "News", headline, PARA_1, PARA_2, PARA_3]))
    assert doc.title == headline
    assert texts(doc) == [PARA_1, PARA_2, PARA_3]


def test_a_terse_wire_lede_above_a_table_is_the_body_not_the_title():
    lines = [
        "PACKAGING SYSTEMS CORP <PAKS> 4TH QTR NET",
        "PEARL RIVER, N.Y., March 2 - Oper shr eight cts vs five cts",
        "Oper net 164,000 vs 116,000",
        "Sales 8,059,000 vs 7,148,000",
        "Year",
        "Oper net 1,492,000 vs 433,000",
        "Sales 30.9 mln vs 24.8 mln",
        "Note: 1985 year net excludes a gain of 482,000 dlrs from a change in accounting for investment tax credits.",
    ]
    doc = strip_boilerplate("\n".join(lines))
    assert doc.title == lines[0]
    assert texts(doc) == lines[1:]


def test_a_wire_lede_over_a_short_line_is_kept_and_never_stray_bits():
    lede = "NEW YORK, March 12 - Biotech Capital Corp said it agreed to buy High Technology magazine from the Goldhirsh Group."
    lines = ["BIOTECH CAPITAL <BITC> TO BUY MAGAZINE", lede, "Terms were not disclosed.", PARA_1, PARA_2]
    doc = strip_boilerplate("\n".join(lines))
    assert doc.title == lines[0]
    assert texts(doc)[0] == lede
    assert texts(doc)[-2:] == [PARA_1, PARA_2]


def test_the_body_edge_stops_at_a_line_that_is_no_lede():
    lines = ["BREAKING: Senate adjourns over the deaths of two members", PARA_1, PARA_2, PARA_3]
    doc = strip_boilerplate("\n".join(lines))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3]
    assert lines[0] not in texts(doc)


@pytest.mark.parametrize("headline", ["Have hackers recruited your PC?", "FARMERS GROUP INC <FGRP> 4TH QTR NET",
                                      "Istanbul Peace Talks Hang By A Thread Amid Drone Barrage",
                                      "<RANGE ROVER> TO SELL VEHICLES IN U.S."])  # an initialism's stop
def test_a_headline_on_the_first_line_right_above_the_body_is_the_title(headline):
    doc = strip_boilerplate("\n".join([headline, PARA_1, PARA_2, PARA_3]))
    assert doc.title == headline
    assert texts(doc) == [PARA_1, PARA_2, PARA_3]
    assert reasons(doc)[headline] == "title"


def test_a_lone_headline_like_line_or_a_tables_caption_is_no_title():
    assert texts(strip_boilerplate("BROWN-FORMAN INC 4TH QTR NET")) == ["BROWN-FORMAN INC 4TH QTR NET"]
    table = ["GOLD AND SILVER PRICES IN DLRS PER OUNCE:", "Gold 400.50 vs 398.20", "Silver 5.60 vs 5.58"]
    doc = strip_boilerplate("\n".join(table))
    assert doc.title is None
    assert texts(doc) == table


def test_a_menu_line_over_a_table_is_no_title():
    doc = strip_boilerplate("Skip To Main Content\nShr one dlr vs 73 cts\nNet 12.6 mln vs 15.8 mln")
    assert doc.title is None
    assert reasons(doc) == {"Skip To Main Content": "nav"}


@pytest.mark.parametrize("between", [["World", "Markets", "Business", "Sport"], ["Share on Facebook"]])
def test_a_ticker_line_above_the_menu_or_a_share_bar_stays_out_of_the_body(between):
    ticker = "TOKYO, March 2 - Nikkei closes up 2 pct"
    doc = strip_boilerplate("\n".join([ticker, *between, PARA_1, PARA_2, PARA_3]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3]


def test_a_promo_opening_with_a_dateline_does_not_pull_the_headline_into_the_body():
    promo = "LONDON (Reuters) - Sign up for our newsletter."
    doc = strip_boilerplate("\n".join([promo, "Council Approves New Budget", PARA_1, PARA_2, PARA_3]))
    assert doc.title == "Council Approves New Budget"
    assert reasons(doc)[promo] == "newsletter_promo"


@pytest.mark.parametrize("opening", [
    "It was the coldest night of the year.",  # short, but a sentence
    "Why did the city council vote on Tuesday to approve a budget that raises spending on schools?",  # prose
])
def test_a_first_paragraph_opening_the_body_is_not_taken_for_a_headline(opening):
    doc = strip_boilerplate("\n".join([opening, PARA_1, PARA_2, PARA_3]))
    assert doc.title is None
    assert texts(doc) == [opening, PARA_1, PARA_2, PARA_3]


def test_a_short_wire_lede_over_a_line_of_figures_is_kept():
    lines = ["ALEXANDER CORP <ALX> 2ND QTR NET", "NEW YORK, March 24 - Shr 57 cts vs 72 cts", "Oper shr 22 cts vs 11 cts"]
    doc = strip_boilerplate("\n".join([*lines, PARA_1, PARA_2]))
    assert doc.title == lines[0]
    assert texts(doc) == [*lines[1:], PARA_1, PARA_2]


def test_a_wire_lede_cut_off_from_the_body_is_never_the_title():
    headline = "CITY COUNCIL <CITY> BUDGET"
    lede = "NEW YORK, March 2 - City council approves new budget raising spending on schools"
    doc = strip_boilerplate("\n".join([headline, lede, "Photo: Reuters/John Doe", PARA_1, PARA_2, PARA_3]))
    assert doc.title == headline


def test_a_wire_lede_above_a_picture_is_the_first_paragraph_not_a_standfirst():
    lede = ("NEW YORK (Reuters) - The city council voted on Tuesday to approve a new budget that raises "
            "spending on schools, in a vote that surprised analysts who had expected a long delay.")
    credit = "FILE PHOTO: Council members vote in New York, U.S., November 19, 2019. REUTERS/Jane Doe"
    page = ["Council approves bigger school budget", "Jane Smith", "5 Min Read", lede, credit, PARA_1, PARA_2, PARA_3]
    doc = strip_boilerplate("\n".join(page))
    assert texts(doc) == [lede, PARA_1, PARA_2, PARA_3]
    assert reasons(doc)[credit] == "photo_credit"


def test_a_wire_brief_shaped_like_two_headline_and_blurb_pairs_is_the_article():
    brief = ["TOKHEIM <TOK> UNIT IN MARKETING AGREEMENT",
             "FORT WAYNE, IND., March 5 - Tokheim Corp said its Advanced Products and Electronics Division "
             "reached an agreement to market its devices to the petroleum industry in North America.",
             'It said the agreement could contribute "significantly" to the growth of Tokheim',
             "It said deliveries of the devices are expected to begin in the fall."]
    doc = strip_boilerplate("\n".join(brief))
    assert doc.title == brief[0]
    assert texts(doc) == brief[1:]


NOTE_BRIEFS = {
    # the note is prose only by its figures (grading._prose_among_figures)
    "note_prose_by_its_figures": [
        "ACME WIDGETS INC <ACW> 4TH QTR",
        "BOSTON, March 2 - Oper shr 17 cts vs 19 cts",
        "Oper net 636,000 vs 358,000", "Revs 10.6 mln vs 7,024,000", "Avg shrs 3,808,000 vs 1,924,000",
        "Year",
        "Oper shr 73 cts vs 65 cts", "Oper net 2,467,000 vs 1,199,000", "Revs 31.5 mln vs 22.9 mln",
        "Avg shrs 3,372,000 vs 1,785,000",
        "NOTE: Net excludes investment gains 20,000 dlrs vs 86,000 dlrs in quarter and 586,000 dlrs vs 195,000 dlrs in year.",
        "1985 year net excludes 304,000 dlr tax credit.",
        "Share adjusted for one-for-two reverse split in November 1985.",
    ],
    # the note is prose by its words, right under two of the table's rows
    "note_under_two_rows": [
        "ACME TOOLS CO <ACT> 3RD QTR NET",
        "CLEVELAND, Oct 20 - Oper shr profit 20 cts vs loss 22 cts",
        "Oper net profit 2,111,000 vs loss 1,605,000", "Revs 89.6 mln vs 27.2 mln",
        "Nine mths",
        "Oper shr profit 47 cts vs loss 15 cts", "Oper net profit 4,116,000 vs loss 1,029,000",
        "Revs 252.1 mln vs 87.9 mln",
        "NOTE: 1986 net excludes losses from discontinued operations of 791,000 dlrs in the quarter and in nine mths.",
        "1986 nine mths net excludes gain 4,726,000 dlrs from cumulative effect of pension accounting change.",
        "1987 net excludes tax credits of 1,569,000 dlrs in quarter and 2,894,000 dlrs in nine mths.",
    ],
}


@pytest.mark.parametrize("brief", NOTE_BRIEFS.values(), ids=NOTE_BRIEFS)
def test_a_note_under_an_earnings_table_is_no_teaser_under_a_headline(brief):
    # read as a teaser under a headline, the note scored next to nothing and the body shrank
    # to the brief's last line, with a table row for its title
    doc = strip_boilerplate("\n".join(brief))
    assert doc.title == brief[0]
    assert texts(doc) == brief[1:]  # its terse line under the note too (sentences.terse_sentence_of_figures)


def test_a_wire_lede_several_short_lines_above_the_body_starts_it():
    lede = "MCLEAN, Va., Feb 26 - Annual div Class A 14 cts vs 12 cts prior"
    brief = ["ACME SYSTEMS <ACS> RAISES QTRLY DIVS", lede,
             "Annual div Class B 12.1 cts vs 10.4 cts prior", "Payable April one", "Record March 20",
             "NOTE: full name is Acme Systems International Inc."]
    doc = strip_boilerplate("\n".join(brief))
    assert doc.title == brief[0]
    assert texts(doc) == brief[1:]  # the lede, the brief's terse lines under it, the note


def test_menu_items_under_a_wire_lede_are_no_part_of_the_brief():
    ticker = "TOKYO, March 2 - Nikkei closes up 2 pct"
    # ("Top Stories" would be a related_block marker, a bad line the lede's edge stops at)
    doc = strip_boilerplate("\n".join([ticker, "World", "Markets", PARA_1, PARA_2, PARA_3]))
    assert texts(doc)[0] == ticker  # the lede starts the body, two short lines above the paragraph
    # "Markets", right above the paragraph, stays as its heading (_short_line_belongs)
    assert reasons(doc)["World"] == "short_fragment"


def test_short_lines_under_a_paragraph_long_wire_lede_are_not_the_briefs():
    lede = ("WASHINGTON, Nov 19 - The Senate voted on Tuesday to confirm the nominee, ending a "
            "months-long fight over the post that had split both parties.")
    chrome = "listen to this article 4 min"
    doc = strip_boilerplate("\n".join([lede, chrome, PARA_1, PARA_2, PARA_3]))
    assert texts(doc) == [lede, PARA_1, PARA_2, PARA_3]


def test_a_terse_sentence_of_figures_inside_the_body_is_kept():
    terse = ["Commercial paper outstanding nationally dropped 375 mln dlrs to 336.63 billion.",
             "In 1985, hourly compensation rose 4.0 pct."]
    doc = strip_boilerplate("\n".join([PARA_1, terse[0], PARA_2, terse[1], PARA_3]))
    assert texts(doc) == [PARA_1, terse[0], PARA_2, terse[1], PARA_3]
