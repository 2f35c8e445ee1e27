"""page_metadata: author and publication date of a plain-text page, from the lines it removed."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from pipelines.transforms.boilerplate import strip_boilerplate
from pipelines.transforms.boilerplate.metadata import byline_names, page_metadata, parse_date
from pipelines.transforms.document import RemovedLine
from tests.conftest import seed_text
from tests.unit.cleaner_samples import PARA_1, PARA_2, PARA_3


def removed(*lines: tuple[int, str, str]) -> list[RemovedLine]:
    return [RemovedLine(no, text, reason) for no, text, reason in lines]


def test_seed_002_names_its_author_and_first_publication():
    doc = strip_boilerplate(seed_text("002"))
    assert doc.author == "Apoorva Misra"  # "About the Author" over the name, then her bio
    # "Last Updated:" carries no date; "First Published:" over "June 02, 2025, 13:26 IST"
    assert datetime.fromisoformat(doc.published_at) == datetime(2025, 6, 2, 13, 26, tzinfo=timezone(timedelta(hours=5, minutes=30)))


def test_seed_000_authors_come_from_the_conversation_disclosures():
    doc = strip_boilerplate(seed_text("000"))
    assert doc.author == "Stefan Wolff, Tetyana Malyarenko"
    assert doc.published_at is None  # the page states no date


@pytest.mark.parametrize(("line", "names"), [
    ("By Jane Doe, Reuters", ["Jane Doe"]),
    ("By Stefan Becket, Kathryn Watson, Grace Segers", ["Stefan Becket", "Kathryn Watson", "Grace Segers"]),
    ("by Regan September 15, 2014", ["Regan"]),
    ("Текст: Венера Ерофеева·24 сентября 2018", ["Венера Ерофеева"]),
    ("Written by Ludwig van Beethoven and Clara Schumann", ["Ludwig van Beethoven", "Clara Schumann"]),
    ("By the time we arrived it was over", []),
    ("Tweets by @EvenMoreBikes", []),
])
def test_byline_names(line, names):
    assert byline_names(line) == names


def test_the_date_under_the_headline_wins_over_the_sites_header_date_and_related_posts():
    page = removed(
        (3, "November 20, 2019", "dateline"),  # the site's "today", above the headline
        (40, "Big Story Headline", "title"),
        (41, "By Sara Needle", "byline"),
        (42, "Nov. 19, 2019 8:03 am ET", "dateline"),
        (80, "May 15, 2017", "dateline"), (83, "January 22, 2018", "dateline"), (86, "June 18, 2013", "dateline"),
    )
    author, published = page_metadata(page)
    assert author == "Sara Needle"
    assert datetime.fromisoformat(published) == datetime(2019, 11, 19, 8, 3, tzinfo=timezone(timedelta(hours=-5)))


def test_a_run_of_dates_is_a_list_of_other_posts_and_an_update_is_no_publication():
    page = removed(
        (10, "Headline", "title"),
        (12, "Updated", "dateline"), (13, "Nov 13, 2019, 10:28am EST", "dateline"),
        (14, "May 15, 2017", "dateline"), (17, "January 22, 2018", "dateline"), (20, "June 18, 2013", "dateline"),
    )
    assert page_metadata(page) == (None, None)


@pytest.mark.parametrize(("text", "expected"), [
    ("20/11/2019 / 11:54 am", datetime(2019, 11, 20, 11, 54)),
    ("Jose Altoveros 2019-11-20 14:35:08", datetime(2019, 11, 20, 14, 35, 8)),
    ("2 hours ago", None),
    ("Monday", None),
    ("November 2019", None),  # no day
    ("11 октября 2018", datetime(2018, 10, 11)),  # another language's month, read as its English one
    ("12 Marzo 2024 alle 14:30", datetime(2024, 3, 12, 14, 30)),
    ("2018年10月11日", datetime(2018, 10, 11)),  # written in Chinese characters
    ("Ramadan 2019", None),  # no month or day dateutil can read, not today's
])
def test_parse_date_needs_year_month_and_day(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(("line", "names"), [
    ("By Jane Doe, Associated Press Writer", ["Jane Doe"]),
    ("By JERUSALEM POST STAFF, REUTERS", []),
    ("By Jane Doe, CNN", ["Jane Doe"]),
])
def test_outlets_and_jobs_are_not_authors(line, names):
    assert byline_names(line) == names


def test_bylines_of_related_posts_are_no_co_authors():
    # aade2ec8 of the benchmark's dev pages: the article's byline under its headline, then the
    # related posts' bylines further down ("Lewis White, Surur, Anmol" before)
    page = removed(
        (17, "Microsoft Edge gets a new logo", "title"),
        (18, "by Lewis White", "byline"),
        (48, "by Surur on November 19, 2019", "byline"),
        (50, "by Anmol", "byline"), (52, "by Rahul", "byline"),
    )
    assert page_metadata(page)[0] == "Lewis White"


def test_a_byline_far_from_the_headline_still_names_the_author():
    page = removed((5, "Big Story Headline", "title"), (90, "By Jane Doe and John Roe, Reuters", "byline"))
    assert page_metadata(page)[0] == "Jane Doe, John Roe"


def test_labelled_dates_in_a_list_of_posts_are_not_the_publication_date():
    # f344ca5f of the benchmark's dev pages: "Published ..." under each of four related stories
    # gave the third story's date; the page's own date is in its byline, which dateutil cannot read
    page = removed(
        (77, "Scientists use Hawaii telescope to spot water vapor on distant moon", "title"),
        (106, "Published 4h at 9:15 PM", "dateline"), (110, "Published 5h at 8:46 PM", "dateline"),
        (114, "Published November 19, 2019 at 6:56 PM", "dateline"),
        (118, "Published November 19, 2019 at 6:15 PM", "dateline"),
    )
    assert page_metadata(page) == (None, None)


def test_a_labelled_date_over_its_update_is_still_the_publication_date():
    page = removed((5, "Headline of the story", "title"), (6, "By Jane Doe", "byline"),
                   (7, "Published: June 2, 2025", "dateline"), (8, "Updated: June 3, 2025", "dateline"))
    assert page_metadata(page) == ("Jane Doe", "2025-06-02T00:00:00")


@pytest.mark.parametrize(("line", "reason", "published"), [
    ("11/20/19 6:38 AM", "dateline", "2019-11-20T06:38:00"),  # a two-digit year before a time
    ("May 3, 2024, 4:14 PM EDT / Updated May 3, 2024, 6:02 PM EDT", "dateline", "2024-05-03T16:14:00-04:00"),
    ("@khalvorsen / 9:00 AM EST•February 20, 2024", "dateline", "2024-02-20T09:00:00-05:00"),
    ("March 7, 20235:00 AM ET", "dateline", "2023-03-07T05:00:00-05:00"),  # NPR's spans run together
    ("12. März 2024, 16:22 Uhr", "dateline", "2024-03-12T16:22:00"),  # day first: "12." is no list's number
])
def test_datelines_of_more_sites_date_the_page(line, reason, published):
    doc = strip_boilerplate("\n".join(["Council approves a bigger budget for schools", line, PARA_1, PARA_2, PARA_3]))
    assert {r.text: r.reason for r in doc.removed}[line] == reason
    assert doc.published_at == published


def test_a_menu_of_ways_to_browse_is_no_byline():
    page = removed((5, "EPA awards grants to clean up former mill sites", "title"), (7, "By Business Sector", "byline"))
    assert page_metadata(page)[0] is None


def test_the_subject_of_a_press_releases_about_box_is_no_author():
    page = removed((5, "Northbeam reports record fourth-quarter results", "title"),
                   (40, "About Northbeam Renewables Inc.", "author_bio"),
                   (41, "Northbeam Renewables Inc. is a Calgary-based owner and operator of wind farms.", "author_bio"))
    assert page_metadata(page)[0] is None


def test_a_date_read_as_a_comments_time_just_under_the_headline_is_the_articles():
    page = removed((5, "Hiker found alive after nine days in Olympic National Park", "title"),
                   (6, "By Jenna Harrison", "byline"), (7, "May 21, 2024, 4:07 PM", "comment_meta"),
                   (60, "May 22, 2024, 9:15 AM", "comment_meta"))
    assert page_metadata(page)[1] == "2024-05-21T16:07:00"
    far = removed((5, "Hiker found alive after nine days in Olympic National Park", "title"),
                  (60, "May 22, 2024, 9:15 AM", "comment_meta"))
    assert page_metadata(far)[1] is None


def test_a_page_that_shows_only_its_update_is_dated_by_it():
    page = removed((5, "Der Ofen bleibt an", "title"), (6, "Von Katharina Wenzel, Offenbach", "byline"),
                   (7, "-Aktualisiert am 27.09.2022-18:42", "dateline"))
    assert page_metadata(page, "de")[1] == "2022-09-27T18:42:00"


def test_a_date_with_its_update_on_the_same_line_is_the_first_one():
    when = parse_date("By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM")
    assert when == datetime(2019, 11, 18, 14, 26, tzinfo=timezone(timedelta(hours=-10)))


@pytest.mark.parametrize(("line", "names"), [
    ("By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER", ["Lisa Mascaro", "Mary Clare Jalonick", "Eric Tucker"]),
    ("By Sean Martin Sean Martin", ["Sean Martin"]),  # the name and its link, run together
])
def test_shouted_and_doubled_names_are_written_once_in_title_case(line, names):
    assert byline_names(line) == names


@pytest.mark.parametrize(("dateline", "author", "published"), [
    ("Posted on November 10, 2019 by Regan", "Regan", "2019-11-10T00:00:00"),
    ("Posted on November 10, 2019 By Regan", "Regan", "2019-11-10T00:00:00"),
    ("Posted on November 10, 2019 by Jane Doe for The Times", "Jane Doe", "2019-11-10T00:00:00"),
    ("September 10, 2018 | by Catherine Hollander", "Catherine Hollander", "2018-09-10T00:00:00"),
    ("Posted on November 10, 2019 by admin", None, "2019-11-10T00:00:00"),  # an account, no name
    ("Posted on November 10, 2019 by Newsroom", None, "2019-11-10T00:00:00"),
    # who updated it is no author; when, the page's only date, stands for its publication
    ("Last updated November 10, 2019 by Moderator", None, "2019-11-10T00:00:00"),
])
def test_a_dateline_that_ends_with_its_author_names_them(dateline, author, published):
    lines = removed((0, "Spiced Honey Pear Jam", "title"), (1, dateline, "dateline"))
    assert page_metadata(lines) == (author, published)


def test_a_time_written_with_a_full_stop_is_read():
    # the Guardian's "14.42 GMT": without the fix dateutil fails on the whole line
    assert parse_date("Sun 17 Nov 2019 14.42 GMT") == datetime(2019, 11, 17, 14, 42, tzinfo=timezone.utc)
    assert parse_date("17.11.2019 10.05") == datetime(2019, 11, 17, 10, 5)


def test_a_wire_dateline_with_its_time_and_update_is_dropped_and_read():
    page = "\n".join(["Business News", "November 19, 2019 / 12:21 AM / Updated 2 hours ago",
                      "Oversupply angst drags oil lower, stocks hold near records",
                      "NEW YORK (Reuters) - Oil prices fell on Tuesday on worries about a supply glut next year, while "
                      "world stocks held near record highs as investors awaited news on the U.S.-China trade talks.",
                      "Brent crude futures fell 2.5% to $60.91 a barrel, and U.S. West Texas Intermediate crude dropped "
                      "3.2% to $55.21, after Russia signaled it was unlikely to agree to deeper output cuts."])
    doc = strip_boilerplate(page)
    assert {r.text: r.reason for r in doc.removed}["November 19, 2019 / 12:21 AM / Updated 2 hours ago"] == "dateline"
    assert doc.published_at == "2019-11-19T00:21:00"


def test_a_date_among_other_parts_of_its_line_is_read():
    assert parse_date("Nov 19, 2019 · 6 min read") == datetime(2019, 11, 19)  # dateutil fails on the whole
    assert parse_date("Nov 19, 2019 | 3 comments") == datetime(2019, 11, 19)


def test_a_byline_ends_before_the_outlet_it_writes_for():
    assert byline_names("By Ryan Fahey For Mailonline") == ["Ryan Fahey"]
    assert byline_names("By Jane Doe for The Times") == ["Jane Doe"]


def test_a_line_with_no_date_names_no_author_at_its_end():
    lines = removed((0, "The Garden Year", "title"), (1, "Published by Bloomsbury", "dateline"))
    assert page_metadata(lines) == (None, None)


def test_guest_is_a_surname_too():
    assert byline_names("By Christopher Guest") == ["Christopher Guest"]


@pytest.mark.parametrize(("text", "dayfirst", "expected"), [
    ("12.03.2024, 14.37 Uhr", False, datetime(2024, 3, 12, 14, 37)),  # dotted: the day first anywhere
    ("12/03/2024 06h00", True, datetime(2024, 3, 12, 6, 0)),  # a page in another language than English
    ("12/03/2024 06h00", False, datetime(2024, 12, 3, 6, 0)),  # an English page: the month first
    ("2016/12/01", True, datetime(2016, 12, 1)),  # the year first is never day first
    ("Mar 12, 2024,07:30am EDT", False, datetime(2024, 3, 12, 7, 30, tzinfo=timezone(timedelta(hours=-4)))),
    ("Published 6:12 PM GMT+1, March 12, 2024", False, datetime(2024, 3, 12, 18, 12, tzinfo=timezone(timedelta(hours=1)))),
    ("12 Maret 2024 14:35 WIB", True, datetime(2024, 3, 12, 14, 35, tzinfo=timezone(timedelta(hours=7)))),
])
def test_dates_as_other_sites_and_languages_write_them(text, dayfirst, expected):
    assert parse_date(text, dayfirst=dayfirst) == expected


@pytest.mark.parametrize(("byline", "names"), [
    ("ByHolly Bennett", ["Holly Bennett"]),  # the label's span ran into the link's
    ("ByJenna Harrison and Marcus Delgado", ["Jenna Harrison", "Marcus Delgado"]),
    ("by: Dan Kowalski", ["Dan Kowalski"]),
    ("by Cassidy Rourke - 11/08/23 3:12 PM ET", ["Cassidy Rourke"]),
    ("By Dana Whitcombe, a news writer covering streaming, apps, and the music business. She spent five years at "
     "Billboard before joining the site.", ["Dana Whitcombe"]),
    ("Penulis Ardiansyah Wicaksono", ["Ardiansyah Wicaksono"]),
    ("김민서 기자", ["김민서"]),
    ("Von Jonas Wendler und Miriam Oskamp", ["Jonas Wendler", "Miriam Oskamp"]),  # "and" in the page's language
    ("Par Hélène Lacoste (Perpignan, envoyée spéciale)", ["Hélène Lacoste"]),
    ("Autor, Valeria Castro Ibarra", ["Valeria Castro Ibarra"]),  # BBC's "Author, Name"
    ("Opinion by Danielle Marchetti", ["Danielle Marchetti"]),
])
def test_bylines_as_sites_run_them_together_name_the_author(byline, names):
    doc = strip_boilerplate("\n".join(["Council approves a bigger budget for schools", byline, PARA_1, PARA_2, PARA_3]))
    assert {r.text: r.reason for r in doc.removed}[byline] == "byline"
    assert byline_names(byline) == names


@pytest.mark.parametrize(("byline", "names"), [
    ("Von Claus Hecking", ["Claus Hecking"]),
    ("Por Raphael Martins, g1 — São Paulo", ["Raphael Martins"]),
    ("di Giampaolo Visetti", ["Giampaolo Visetti"]),
])
def test_bylines_without_by_in_other_languages_name_the_author(byline, names):
    doc = strip_boilerplate("\n".join(["GDL kündigt neuen Streik im Personenverkehr an", byline,
                                       "Die Gewerkschaft GDL hat ihre Mitglieder erneut zu einem Streik bei der Deutschen Bahn aufgerufen, der am Mittwoch beginnen soll.",
                                       "Es ist bereits die sechste Arbeitsniederlegung in diesem Tarifkonflikt, sagte ein Sprecher der Gewerkschaft am Dienstag."]))
    assert {r.text: r.reason for r in doc.removed}[byline] == "byline"
    assert byline_names(byline) == names


@pytest.mark.parametrize(("line", "author"), [
    ("Rodrigo Campos", "Rodrigo Campos"),
    ("Ирина Смирнова", "Ирина Смирнова"),
    ("Anggi Muliawati - detikNews", "Anggi Muliawati"),
    ("Abigail Van Buren", "Abigail Van Buren"),
    ("Ciara Hennessy", "Ciara Hennessy"),  # given names of the sites' other countries
    ("Sakshi Chand", "Sakshi Chand"),
    ("Florencia Ortiz", "Florencia Ortiz"),
    ("Ксения Полякова", "Ксения Полякова"),
    ("Associated Press", None),  # an agency
    ("Home Depot", None),  # no given name: a topic
    ("Senior Contributor", None),
    ("MIKE WALL", None),  # shouted: a section's label more often than a name
])
def test_a_bare_name_under_the_headline_is_the_author(line, author):
    lines = removed((0, "Oversupply angst drags oil lower", "title"), (2, line, "nav"))
    assert page_metadata(lines)[0] == author


def test_a_bare_name_under_two_summary_bullets_and_a_promo_is_the_author():
    lines = removed((0, "Middle managers are taking the hit from office mandates", "title"),
                    (1, "Companies that tightened in-office rules lost mid-level managers.", "nav"),
                    (2, "Many of those who left were women and caregivers.", "nav"),
                    (3, "Visit Business Insider's homepage for more stories.", "promo"),
                    (4, "Rachel Thornbury", "nav"))
    assert page_metadata(lines)[0] == "Rachel Thornbury"


def test_a_bare_name_far_below_the_headline_is_no_author():
    lines = removed((0, "Oversupply angst drags oil lower", "title"), (9, "Rodrigo Campos", "nav"))
    assert page_metadata(lines)[0] is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Published 5:12 a.m. CT March 12, 2024", datetime(2024, 3, 12, 5, 12, tzinfo=timezone(timedelta(hours=-5)))),  # summer time
    ("Published 5:12 a.m. CT January 12, 2024", datetime(2024, 1, 12, 5, 12, tzinfo=timezone(timedelta(hours=-6)))),
    ("2024年3月12日 18時00分", datetime(2024, 3, 12, 18, 0)),
    ("2024년 3월 12일 오후 6:00", datetime(2024, 3, 12, 18, 0)),
    ("Publié le 12 mars 2024 à 06h30, modifié le 12 mars 2024 à 10h02", datetime(2024, 3, 12, 6, 30)),
    ("March 7, 20235:00 AM ET", datetime(2023, 3, 7, 5, 0, tzinfo=timezone(timedelta(hours=-5)))),  # spans run together
    ("Updated Tue, March 19, 2024 at 2:16 PM EDT·6 min read", datetime(2024, 3, 19, 14, 16, tzinfo=timezone(timedelta(hours=-4)))),
    ("8 novembre 2022 (modifica l'8 novembre 2022 | 13:47)", datetime(2022, 11, 8)),
    ("14 сен 2023, 12:40", datetime(2023, 9, 14, 12, 40)),
    ("2023/9/12 11:30（最終更新 9/12 14:05）", datetime(2023, 9, 12, 11, 30)),
    ("송고시간2023-03-14 15:32", datetime(2023, 3, 14, 15, 32)),
])
def test_region_times_and_dates_in_other_writings(text, expected):
    assert parse_date(text, dayfirst=True) == expected


def test_a_wires_reporting_credit_names_its_reporter_when_no_byline_does():
    lines = removed((0, "Oil falls on supply worries", "title"),
                    (9, "(Reporting by Jane Smith in London; additional reporting by Tom Brown)", "credit"))
    assert page_metadata(lines)[0] == "Jane Smith"
    assert page_metadata(removed((0, "Oil falls", "title"), (9, "Additional reporting by Tom Brown", "credit")))[0] is None


def test_a_given_name_is_known_with_or_without_its_accents():
    lines = removed((0, "Cataluña declara la emergencia por sequía", "title"), (2, "Lucía Méndez", "nav"))
    assert page_metadata(lines)[0] == "Lucía Méndez"


@pytest.mark.parametrize(("text", "expected"), [
    ("By Mai Nguyen, Reuters, March 12, 2024", datetime(2024, 3, 12)),  # "Mai" is a name here, no month
    ("By Sarah Mayo, Mayo Clinic News Network, 2024-03-12", datetime(2024, 3, 12)),
    ("Mars rover lands, 2021 mission 12", None),  # "Mars" next to no day
    ("March 12, 2024,10 comments", datetime(2024, 3, 12)),  # a count glued to the year is no hour
])
def test_month_names_of_other_languages_count_only_next_to_a_day_or_year(text, expected):
    assert parse_date(text, dayfirst=True) == expected


@pytest.mark.parametrize("lines", [
    [(1, "Topics", "tags"), (2, "Donald Trump", "tags")],  # tags
    [(1, "Donald Trump", "nav"), (2, "Joe Biden", "nav")],  # a list of names: topics
    [(1, "Victoria Station", "nav")],  # a place
    [(1, "Crystal Palace", "nav")],  # a team
    [(1, "Reporting by CNN", "credit")],  # an outlet
])
def test_names_under_the_headline_that_are_topics_places_or_teams_are_no_author(lines):
    assert page_metadata(removed((0, "Police close the station after a fire", "title"), *lines))[0] is None


def test_an_english_page_reads_its_numbers_month_first_and_another_language_day_first():
    para = "The council voted on Tuesday to approve a new budget for the city and its schools, after a long debate."
    doc = strip_boilerplate("\n".join(["Council approves the budget", "Posted 12/03/2024 10:30", para, para + " Again."]))
    assert doc.language == "en" and doc.published_at == "2024-12-03T10:30:00"
    para = "Il consiglio comunale ha approvato martedì il nuovo bilancio per la città e le sue scuole, dopo un lungo dibattito."
    doc = strip_boilerplate("\n".join(["Il consiglio approva il bilancio", "Pubblicato 12/03/2024 10:30", para, para + " Ancora."]))
    assert doc.language == "it" and doc.published_at == "2024-03-12T10:30:00"


def test_a_japanese_page_finds_its_headline_and_date():
    lines = ["天気", "経済", "春闘、大手で満額回答相次ぐ　中小への波及が焦点に", "2024年3月12日 18時00分",
             "2024年の春闘は13日の集中回答日を前に、自動車や電機などの大手企業で労働組合の要求に満額で応じる回答が相次いでいる。物価高が続くなか、人手不足を背景に賃上げの流れが強まっている。",
             "大手の満額回答が中小企業にどこまで広がるかが焦点となる。春闘の回答は中小企業の賃上げにも影響を与えるため、政府も注視している。"]
    doc = strip_boilerplate("\n".join(["【春トクキャンペーン】有料記事が読み放題！今なら2カ月間月額100円！", *lines]))
    assert doc.title == "春闘、大手で満額回答相次ぐ　中小への波及が焦点に"  # shares pairs of characters with the story
    assert doc.published_at == "2024-03-12T18:00:00"


@pytest.mark.parametrize("name", ["Jenny Park", "David Hall", "Sarah Hill", "Emma Stanley"])
def test_surnames_that_are_also_place_words_are_names(name):
    assert page_metadata(removed((0, "Council approves the budget", "title"), (1, name, "nav")))[0] == name


def test_a_year_glued_to_letters_is_no_year():
    assert parse_date("COVID2019 cases rose on March 12") is None
