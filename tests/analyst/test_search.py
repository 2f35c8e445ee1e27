"""Full-text search: fts from the pip package (no network), ranking on the seeds, CLI and macro."""
from __future__ import annotations

import json
import re

import duckdb
import pytest

from pipelines.cli import main
from pipelines.search import RESULT_COLUMNS, fts_extension_path, load_fts, search


def test_fts_loads_from_the_package_file_with_downloads_impossible(tmp_path):
    # A fresh extension directory and a repository that refuses connections: only a local
    # install can succeed, so this fails if loading fts ever needs the network.
    con = duckdb.connect(config={
        "extension_directory": str(tmp_path / "ext"),
        "custom_extension_repository": "http://127.0.0.1:9/none",
        "autoinstall_known_extensions": False,
    })
    assert fts_extension_path().is_file()
    load_fts(con)
    assert con.execute("SELECT stem('strikes', 'porter')").fetchone()[0] == "strike"
    assert con.execute("SELECT loaded FROM duckdb_extensions() WHERE extension_name = 'fts'").fetchone()[0]


def test_drone_strike_ranks_paragraphs_that_say_it(wh):
    hits = search(wh, "drone strike", 10)
    assert hits.height == 10
    assert hits["score"].to_list() == sorted(hits["score"].to_list(), reverse=True)
    # The first hits are the paragraphs of 000 and 001 that speak of "drone strikes".
    top = hits.head(5)
    assert set(top["source_path"].str.slice(0, 3)) == {"000", "001"}
    assert all(re.search(r"drone\w*\W+strike", t, re.IGNORECASE) for t in top.head(2)["text"])
    # Every hit's own text matches a query word (the title alone never qualifies a paragraph).
    assert all(re.search(r"drone|strike", t, re.IGNORECASE) for t in hits["text"])


def test_drone_strike_finds_every_article_about_drones(wh):
    hits = search(wh, "drone strike", 100)
    assert {"000", "001", "002", "004"} <= set(hits["source_path"].str.slice(0, 3))


def test_an_article_title_lifts_its_paragraphs(wh):
    # 001's title is "Ukraine's Innovative Drone Strike ...": its paragraph ranks above 000's
    # near-identical paraphrase, which has no title.
    hits = search(wh, "drone strike", 5)
    assert hits["source_path"][0].startswith("001")


def test_the_sql_macro_and_the_python_search_agree(wh):
    macro = wh.execute("SELECT source_path, paragraph_index FROM search_paragraphs('Vladimir Putin', 5)").fetchall()
    assert macro == search(wh, "Vladimir Putin", 5).select("source_path", "paragraph_index").rows()


def test_a_query_that_matches_nothing_returns_nothing(wh):
    assert search(wh, "zxqvbnm", 5).height == 0
    assert search(wh, "   ", 5).height == 0


def test_newswh_search_json_is_one_object_per_line(seeds_run, capsys):
    settings, _ = seeds_run
    assert main(["search", "drone strike", "--limit", "3", "--json", "--warehouse", str(settings.warehouse)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    for line in lines:
        hit = json.loads(line)
        assert tuple(hit) == RESULT_COLUMNS
        assert isinstance(hit["paragraph_index"], int) and isinstance(hit["score"], float)
    assert json.loads(lines[0])["title"].startswith("Ukraine")


def test_newswh_search_text_shows_title_and_paragraph(seeds_run, capsys):
    settings, _ = seeds_run
    assert main(["search", "drone strike", "--limit", "2", "--warehouse", str(settings.warehouse)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. [") and "Drone Strike" in out and "¶" in out


def test_newswh_search_on_a_missing_warehouse_says_so(tmp_path, capsys):
    assert main(["search", "x", "--warehouse", str(tmp_path / "none.duckdb")]) == 2
    assert "run `newswh run` first" in capsys.readouterr().err


@pytest.mark.parametrize("query,pattern", [("drone strike", r"\bdrone\w*\W+strike\w*"), ("Strikes!", r"\bstrike\w*")])
def test_phrase_pattern_matches_inflections(wh, query, pattern):
    assert wh.execute("SELECT search_phrase_pattern(?)", [query]).fetchone()[0] == pattern


def test_an_untitled_article_has_a_null_title_in_results_as_in_the_warehouse(wh, capsys):
    untitled = {r[0] for r in wh.execute("SELECT article_id FROM articles WHERE title IS NULL").fetchall()}
    hits = search(wh, "spiderweb", 10)
    assert untitled & set(hits["article_id"])
    assert all(h["title"] is None for h in hits.iter_rows(named=True) if h["article_id"] in untitled)


@pytest.mark.parametrize(("query", "text"), [
    ("drone strike", "Ukraine's drone strikes"),
    ("military pressure", "escalating military pressure"),  # stem "militari" is no prefix of "military"
    ("energy policy", "new energy policies"),
    ("strikes", "a strike"),
])
def test_the_phrase_boost_finds_the_words_as_written(wh, query, text):
    assert wh.execute("SELECT regexp_matches(lower(?), search_phrase_pattern(?))", [text, query]).fetchone()[0]
