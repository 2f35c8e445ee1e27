"""Plain-text cleaner: tables of figures beside an article's prose are part of the article.

Before, a wire earnings report lost its rows as "nav" or "footer" (bench/extraction.py
--corpus counts the clean articles that keep under half their words).
"""
from __future__ import annotations

from pipelines.transforms.boilerplate import rule_verdicts, strip_boilerplate
from tests.unit.cleaner_samples import PARA_1, PARA_2, PARA_3, reasons, texts

EARNINGS_ROWS = [
    "SPRINGFIELD, Ill., Feb 26 - Shr 34 cts vs 1.19 dlrs",
    "Net 807,000 vs 2,858,000",
    "Revs 510.2 mln vs 479.7 mln",
    "Year",
    "Shr 1.22 dlrs vs 1.06 dlrs",
    "Net 2.9 mln vs 1.5 mln",
]
EARNINGS_NOTE = ("Note: fourth quarter results include a one-time gain of 400,000 dlrs from the sale of "
                 "the company's trucking unit in the third quarter.")


def test_an_earnings_table_above_its_note_is_kept_and_the_headline_stays_the_title():
    doc = strip_boilerplate("\n".join(["ACME CORP <ACME> 4TH QTR NET", *EARNINGS_ROWS, EARNINGS_NOTE]))
    assert texts(doc) == [*EARNINGS_ROWS, EARNINGS_NOTE]
    assert doc.title == "ACME CORP <ACME> 4TH QTR NET"


def test_a_table_between_paragraphs_and_one_below_them_stay_with_the_body():
    between = ["Round 1 Melbourne 15 March", "Round 2 Bahrain 29 March", "Round 3 Shanghai 19 April"]
    below = ["Sorghum 2.34 3.25 IV 5.36", "Barley 1.56 1.20 IV 2.55", "Oats 1.24 0.99 V 1.65"]
    doc = strip_boilerplate("\n".join([PARA_1, *between, PARA_2, PARA_3, "Loan rates", *below]))
    assert texts(doc) == [PARA_1, *between, PARA_2, PARA_3, "Loan rates", *below]


def test_figures_that_are_not_a_table_stay_out():
    quotes = ["225.86", "-12.99", "-5.44%"]  # a stock-quote widget: bare figures, no labels
    doc = strip_boilerplate("\n".join([*quotes, PARA_1, PARA_2, PARA_3]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3]
    assert set(quotes) <= set(reasons(doc))


def test_a_line_of_figures_alone_is_no_table_row():
    lone_rows = ["Net 886,937 vs 892,323", "Apple shares rose 2.5% to $150.10"]  # no other row within two lines
    doc = strip_boilerplate("\n".join([lone_rows[0], "Home", "Markets", lone_rows[1], PARA_1, PARA_2, PARA_3]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3]
    assert doc.title == lone_rows[1]


def test_rows_one_line_apart_are_one_table_and_wordy_lines_are_no_rows():
    table = ["Quarter", "Net 886,937 vs 892,323", "Year", "Net 2.9 mln vs 1.5 mln"]
    wordy = ["Top 10 things to do in Paris in 2019", "Our 5 favourite beaches to visit in 2020",
             "The 12 best hotels to book for 2020"]
    assert texts(strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, *table]))) == [PARA_1, PARA_2, PARA_3, *table]
    assert texts(strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, *wordy]))) == [PARA_1, PARA_2, PARA_3]


def test_a_headline_with_a_year_above_the_dateline_is_not_a_table_row():
    headline = "ARGENTINE 1986/87 GRAIN REGISTRATIONS"
    lede = ("BUENOS AIRES, Feb 26 - Argentine grain board figures show crop registrations of grains and "
            "oilseeds to February 11, in thousands of tonnes, with last season's in brackets:")
    rows = ["Bread wheat prev 1,655.8, Feb 872.0, total 2,692.4 (4,161.0).", "Maize Mar 48.0, total 48.0 (nil)."]
    doc = strip_boilerplate("\n".join([headline, lede, *rows]))
    assert doc.title == headline
    assert texts(doc) == [lede, *rows]


def test_table_rows_are_paragraphs_and_never_the_headline():
    rows = ["Shr 1.78 dlr vs 1.34 dlr", "Net 886,937 vs 892,323", "Revs 25.9 mln vs 23.7 mln"]
    doc = strip_boilerplate("\n".join([*rows, "Year", *rows, EARNINGS_NOTE]))
    assert doc.title is None  # a row repeated further down once came out the title, and its repeats with it
    assert texts(doc) == [*rows, "Year", *rows, EARNINGS_NOTE]
    assert [block.kind for block in doc.blocks] == ["paragraph"] * 3 + ["heading"] + ["paragraph"] * 4
    # rows left above the body (past the nav) are no headline either, so their repeats below stay
    doc = strip_boilerplate("\n".join([*rows, "Sign in", PARA_1, *rows, PARA_2]))
    assert doc.title is None
    assert texts(doc) == [PARA_1, *rows, PARA_2]


def test_a_box_of_figures_walled_in_by_the_pages_chrome_is_not_the_articles():
    scores = ["Latest scores", "Arsenal 2 Chelsea 1", "Everton 0 Liverpool 3"]
    markets = ["Markets", "FTSE 100 7,512.3 +0.4%", "Dow Jones 34,120.5 -0.2%"]
    doc = strip_boilerplate("\n".join(["Home", *markets, PARA_1, PARA_2, PARA_3, *scores, "Sign in", "Menu"]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3]


def test_a_table_beside_the_articles_own_byline_and_credit_is_kept():
    credit = "Reporting by Jane Doe; Editing by Bob Roe"
    doc = strip_boilerplate("\n".join(["By Jane Doe", *EARNINGS_ROWS, EARNINGS_NOTE, *EARNINGS_ROWS[1:3], credit]))
    assert texts(doc) == [*EARNINGS_ROWS, EARNINGS_NOTE, *EARNINGS_ROWS[1:3]]


def test_a_teaser_past_a_ticker_and_the_nav_is_still_cut_off():
    teaser = "Subscribe now for one dollar a week and get all the news you need, every single day."
    ticker = ["Dow 34,120.5 up 1.2", "Nasdaq 13,900.1 up 0.4"]
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, *ticker, "Home", teaser]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3]


STANDINGS = [("1", "Kyle Busch", "5040", "5", "27"), ("2", "Martin Truex Jr.", "5035", "7", "24"),
             ("3", "Kevin Harvick", "5033", "4", "26"), ("4", "Denny Hamlin", "5027", "6", "24"),
             ("5", "Joey Logano", "2380", "2", "21")]
STANDINGS_HEADER = ("Pos.", "Driver", "Points", "Wins", "Top 10")


def test_a_table_scraped_one_cell_a_line_under_its_lead_in_is_kept_a_row_a_paragraph():
    lead_in = "The final standings of the Cup Series after 36 races:"
    cells = [cell for row in [STANDINGS_HEADER, *STANDINGS] for cell in row]
    promo = "Click here to see the full calendar of the Cup, Xfinity and Truck Series"
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, lead_in, *cells, promo, "Share this on WhatsApp"]))
    rows = [" | ".join(row) for row in [STANDINGS_HEADER, *STANDINGS]]
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, lead_in, *rows]
    assert {b.kind for b in doc.blocks[4:]} == {"paragraph"}
    assert promo in reasons(doc)


def test_cells_without_columns_of_figures_are_no_table():
    menu = ["Home", "News", "Sport", "Weather", "Business", "Politics", "Science", "Health",
            "Travel", "Culture", "Opinion", "Video", "Audio", "Live", "Contact"]
    ranked = [cell for n in range(1, 11) for cell in (str(n), f"Story number {n} headline")]  # a numbered list
    pager = [str(n) for n in range(1, 21)]
    one_figure = [cell for row in STANDINGS for cell in (row[1], row[2], "Team Penske")]  # one figure a row
    for cells in (menu, ranked, pager, one_figure):
        lines = rule_verdicts("\n".join([PARA_1, PARA_2, PARA_3, *cells])).lines
        assert not any(line.table_row or line.cell_row is not None for line in lines), cells
    standings = [cell for row in [STANDINGS_HEADER, *STANDINGS] for cell in row]
    lines = rule_verdicts("\n".join([PARA_1, *standings])).lines
    assert [line.cell_row for line in lines[1:]] == [1 + 5 * (k // 5) for k in range(len(standings))]


def test_a_cell_table_walled_in_by_chrome_without_a_lead_in_stays_out():
    cells = [cell for row in STANDINGS for cell in row]
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, "Latest standings", *cells, "Sign in"]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3]


def test_a_note_under_a_long_table_stays_with_the_body_above_the_table():
    rows = [f"Region {n} output {100 + n}.5 vs {90 + n}.2 mln" for n in range(1, 21)]
    note = "NOTE: The figures include a one-time gain of 400,000 dlrs from the sale of the trucking unit."
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, *rows, note]))
    assert texts(doc) == [PARA_1, PARA_2, *rows, note]


def test_a_row_of_dates_or_figures_alone_is_never_the_title():
    page = ["04/09/87 03/09/87 04/09/87 03/09/87", *EARNINGS_ROWS[1:3], EARNINGS_NOTE]
    assert strip_boilerplate("\n".join(page)).title is None


OWNERS = [("1", "Joe Gibbs Racing", "5040", "19"), ("2", "Team Penske", "5035", "11"),
          ("3", "Stewart-Haas Racing", "5033", "10"), ("4", "Hendrick Motorsports", "5027", "4")]


def test_every_table_in_one_run_of_cells_is_found():
    drivers = [cell for row in [STANDINGS_HEADER, *STANDINGS] for cell in row]
    owners = [cell for row in [("Pos.", "Owner", "Points", "Wins"), *OWNERS] for cell in row]
    lines = rule_verdicts("\n".join([PARA_1, *drivers, "Owners", *owners])).lines
    second = len(drivers) + 2  # PARA_1, the drivers' cells, "Owners"
    assert [line.cell_row for line in lines[second:]] == [second + 4 * (k // 4) for k in range(len(owners))]


def test_a_table_under_a_long_list_of_short_lines_is_found():
    tags = ["Cup Series", "Kyle Busch", "Joe Gibbs Racing", "Homestead", "Playoffs", "Championship 4",
            "Toyota", "Martin Truex Jr.", "Penske", "Ford", "Chevrolet", "Ryan Blaney"]  # more than two of its rows
    cells = [cell for row in STANDINGS for cell in row]
    lines = rule_verdicts("\n".join([PARA_1, *tags, *cells])).lines
    first = 1 + len(tags)
    assert [line.cell_row for line in lines[first:]] == [first + 5 * (k // 5) for k in range(len(cells))]
    assert not any(line.table_row for line in lines[: first - 5])  # (the 5 lines above pass for its header)


def test_a_dash_for_an_empty_cell_keeps_the_table_whole():
    rows = [list(row) for row in STANDINGS]
    rows[2][3] = "—"  # no wins
    cells = [cell for row in [STANDINGS_HEADER, *rows] for cell in row]
    lines = rule_verdicts("\n".join([PARA_1, *cells])).lines
    assert [line.cell_row for line in lines[1:]] == [1 + 5 * (k // 5) for k in range(len(cells))]


def test_a_row_whose_middle_cell_is_dropped_stays_one_paragraph():
    from pipelines.transforms.boilerplate.assemble import build_doc

    cells = [cell for row in [STANDINGS_HEADER, *STANDINGS] for cell in row]
    verdicts = rule_verdicts("\n".join([PARA_1, *cells]))
    reasons = [None] * len(verdicts.lines)
    middle = 1 + len(STANDINGS_HEADER) + 2  # "5040", the first row's third cell
    reasons[middle] = "duplicate"
    blocks = [b.text for b in build_doc(verdicts.lines, reasons).blocks]
    assert blocks[2] == "1 | Kyle Busch | 5 | 27" and len(blocks) == 2 + len(STANDINGS)


def test_wordier_rows_of_a_table_with_dense_rows_are_kept():
    # two figures among up to ten tokens: a row only in a run of three with a denser row
    headline = "HANSON TRUST SHOWS HIGHER HALF-YEAR PROFIT"
    rows = ["LONDON, June 2 - Six months ended March 31, 1987", "Share 6.0p vs 4.1p, diluted",
            "Pre-tax profit 312 mln stg vs 158 mln", "Net profit 234 mln vs 114 mln",
            "Consumer goods 123 mln stg vs 32 mln"]
    note = "The company said both halves of the group did better than expected."
    doc = strip_boilerplate("\n".join([headline, *rows, note]))
    assert doc.title == headline
    assert texts(doc) == [*rows, note]


def test_a_wordier_row_needs_a_run_of_three_rows_with_a_dense_one():
    dense = "Net 2.9 mln vs 1.5 mln"
    wordy = ["Pre-tax profit 312 mln stg vs 158 mln", "Consumer goods 123 mln stg vs 32 mln",
             "Building products 41 mln stg vs 17 mln"]

    def rows(*table):
        lines = rule_verdicts("\n".join([PARA_1, PARA_2, PARA_3, *table])).lines[3:]
        return [line.text for line in lines if line.table_row]

    assert rows(dense, wordy[0]) == []  # a run of two
    assert rows(*wordy) == []  # no dense row
    assert rows(wordy[0], dense, wordy[1]) == [wordy[0], dense, wordy[1]]
    # only on consecutive lines: headlines over a dated byline are two lines apart
    assert rows(wordy[0], "Year", dense, "Nine mths", wordy[1]) == []
    assert rows(wordy[0], dense, "Home", "Markets", *wordy[1:]) == []  # three lines apart: two runs of two
    listing = ["Renault to challenge Xpander, Avanza with 7-seat 2020 Triber", "Marcus De Guzman",
               "2019-11-20 12:57:32 Marcus De Guzman", "Nissan readies 2 new SUVs for 2020 launch",
               "Anton Andres", "2019-11-19 09:12:05 Anton Andres"]
    assert rows(*listing) == []


def test_a_report_of_tables_under_three_line_headings_stays_whole():
    # a USDA-style report: each country's table under its name, the years and the report dates
    heading = ["JAPAN COARSE GRAIN, in mln tonnes --", "1986/87 1985/86", "04/09/87 03/09/87 04/09/87 03/09/87"]
    first = ["Production 81.22 81.19 88.21 88.28", "Imports 16.58 17.26 18.29 18.24", "Exports 19.90 19.96 19.73 19.56"]
    second = ["Production 0.35 0.35 0.39 0.39", "Imports 21.56 21.50 21.51 21.51", "Exports 0.02 0.01 0.02 0.02"]
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, *first, *heading, *second]))
    assert set(first + second) <= set(texts(doc))
