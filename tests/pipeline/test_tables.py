"""Wire earnings reports through the real graph: a table is body, its rows figures, no junk
names; a plain-text brief's headline is the article's title and its lede the first paragraph."""
from __future__ import annotations

import dataclasses
import json

import dagster as dg
import duckdb

from pipelines.definitions import all_assets
from pipelines.resources import resources_for
from pipelines.settings import Settings

# Written for this test, in the style of a wire service's earnings brief (rows around one note).
ROWS = [
    "SPRINGFIELD, Ill., Feb 26 - Shr 34 cts vs 1.19 dlrs",
    "Net 807,000 vs 2,858,000",
    "Revs 510.2 mln vs 479.7 mln",
    "Avg shrs 2,332,397 vs 1,428,000",
    "Year",
    "Shr 1.22 dlrs vs 1.06 dlrs",
    "Net 2.9 mln vs 1.5 mln",
    "Revs 1.9 billion vs 1.7 billion",
]
NOTE = ("Note: fourth quarter results include a one-time gain of 400,000 dlrs from the sale of the "
        "company's trucking unit in the third quarter.")
RECORD = {"title": "ACME CORP <ACME> 4TH QTR NET", "source": "wire", "text": "\n\n".join([*ROWS, NOTE])}
# the same kind of brief scraped as plain text: headline, a terse lede, rows, no prose at all
BRIEF = [
    "PACKAGING SYSTEMS CORP <PAKS> 4TH QTR NET",
    "PEARL RIVER, N.Y., March 2 - Oper shr eight cts vs five cts",
    "Oper net 164,000 vs 116,000",
    "Sales 8,059,000 vs 7,148,000",
    "Year",
    "Oper shr 67 cts vs 19 cts",
    "Oper net 1,492,000 vs 433,000",
    "Sales 30.9 mln vs 24.8 mln",
]


def test_an_earnings_table_reaches_the_warehouse_as_paragraphs_and_figures(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "wire.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    (inbox / "brief.txt").write_text("\n".join(BRIEF) + "\n", encoding="utf-8")
    settings = dataclasses.replace(Settings().with_paths(inbox=inbox, warehouse=tmp_path / "news.duckdb"), n_process=1)

    result = dg.materialize(all_assets(), selection=dg.AssetSelection.assets("warehouse").upstream(),
                            resources=resources_for(settings), instance=dg.DagsterInstance.ephemeral())

    assert result.success
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        paragraphs = con.execute(
            "SELECT kind, text FROM paragraphs JOIN articles USING (article_id)"
            " WHERE source_path LIKE 'wire.jsonl%' ORDER BY paragraph_index").fetchall()
        brief_title = con.execute("SELECT title FROM articles WHERE source_path = 'brief.txt'").fetchone()[0]
        brief = [text for (text,) in con.execute(
            "SELECT text FROM paragraphs JOIN articles USING (article_id)"
            " WHERE source_path = 'brief.txt' ORDER BY paragraph_index").fetchall()]
        figures = {text for (text,) in con.execute("SELECT text FROM figures").fetchall()}
        names = {name for (name,) in con.execute("SELECT name FROM entities").fetchall()}
    finally:
        con.close()
    assert [text for _, text in paragraphs] == [*ROWS, NOTE]
    assert [kind for kind, _ in paragraphs] == ["paragraph"] * 4 + ["heading"] + ["paragraph"] * 4
    assert {"807,000", "2,858,000", "510.2 mln", "479.7 mln", "400,000 dlrs"} <= figures
    assert not names & {"cts", "Revs", "Avg", "Shr"}
    assert brief_title == BRIEF[0]
    assert brief == BRIEF[1:]
