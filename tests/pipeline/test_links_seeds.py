"""Links, stories and figure claims on the seeds, through a real pipeline run (the shared `seeds_run`)."""
from __future__ import annotations

import pytest

from pipelines.runner import run_pipeline
from pipelines.settings import Settings
from pipelines.warehouse import open_warehouse
from tests.conftest import seed_text
from tests.pipeline.conftest import article_id


def relation(con, a: str, b: str) -> str | None:
    ids = sorted([article_id(con, a), article_id(con, b)])
    row = con.execute("SELECT relation FROM article_links WHERE article_id_a = ? AND article_id_b = ?", ids).fetchone()
    return row[0] if row else None


def story_of(con, prefix: str) -> str:
    return con.execute("SELECT story_id FROM articles WHERE article_id = ?", [article_id(con, prefix)]).fetchone()[0]


def test_000_and_001_are_a_rewrite(wh):
    assert relation(wh, "000", "001") == "rewrite"


def test_drone_strike_and_istanbul_reports_are_one_story(wh):
    stories = {story_of(wh, p) for p in ("000", "001", "002", "004")}
    assert len(stories) == 1 and None not in stories
    (story,) = stories
    count = wh.execute("SELECT article_count FROM stories WHERE story_id = ?", [story]).fetchone()[0]
    assert count >= 4


def test_003_is_no_duplicate_of_any(wh):
    aid = article_id(wh, "003")
    rows = wh.execute("""SELECT relation FROM article_links WHERE ? IN (article_id_a, article_id_b)
                          AND relation IN ('exact_duplicate', 'near_duplicate')""", [aid]).fetchall()
    assert rows == []


def test_every_article_has_a_story_and_every_story_its_articles(wh):
    assert wh.execute("SELECT count(*) FROM articles WHERE story_id IS NULL").fetchone()[0] == 0
    mismatched = wh.execute("""
        SELECT count(*) FROM stories s
         WHERE s.article_count <> (SELECT count(*) FROM articles a WHERE a.story_id = s.story_id)
    """).fetchone()[0]
    assert mismatched == 0


def test_links_are_ordered_pairs_with_known_relations(wh):
    bad = wh.execute("""SELECT count(*) FROM article_links WHERE article_id_a >= article_id_b
                         OR relation NOT IN ('exact_duplicate', 'near_duplicate', 'rewrite', 'same_story')""").fetchone()[0]
    assert bad == 0


def test_bombers_hit_are_one_consistent_claim_of_two_articles(wh):
    """002 says some 40 strategic bombers, 004 over 40: the same figure, and they agree."""
    rows = wh.execute("""SELECT article_count, agreement, value_low FROM figure_claims
                          WHERE kind = 'count' AND subject ILIKE '%bomber%'""").fetchall()
    assert rows and rows[0][0] >= 2 and rows[0][1] == "consistent" and rows[0][2] == 40


def test_conflict_view_shows_both_sentences(wh):
    rows = wh.execute("SELECT figure_a, sentence_a, figure_b, sentence_b FROM v_figure_conflicts").fetchall()
    conflicting = wh.execute("SELECT count(*) FROM figure_claims WHERE agreement = 'conflicting'").fetchone()[0]
    assert (len(rows) > 0) == (conflicting > 0)
    for figure_a, sentence_a, figure_b, sentence_b in rows:
        assert figure_a in sentence_a and figure_b in sentence_b


@pytest.mark.slow
def test_an_article_added_later_links_to_the_ones_already_loaded(tmp_path):
    """Links are global: a second run over a grown inbox compares the new article with the kept ones."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for prefix in ("002", "003"):
        (inbox / f"{prefix}.txt").write_text(seed_text(prefix), encoding="utf-8")
    settings = Settings().with_paths(inbox=inbox, warehouse=tmp_path / "wh" / "news.duckdb")
    assert run_pipeline(settings).success
    wire = seed_text("002").replace("face-to-face", "in person").replace("most brazen", "most daring")
    (inbox / "wire.txt").write_text(wire, encoding="utf-8")
    assert run_pipeline(settings).success
    with open_warehouse(settings.warehouse, read_only=True) as con:
        rows = con.execute("""
            SELECT a.source_path, b.source_path, l.relation FROM article_links l
              JOIN articles a ON a.article_id = l.article_id_a JOIN articles b ON b.article_id = l.article_id_b
        """).fetchall()
        stories = dict(con.execute("SELECT source_path, story_id FROM articles").fetchall())
    near = [r for r in rows if {r[0], r[1]} == {"002.txt", "wire.txt"}]
    assert near and near[0][2] == "near_duplicate"
    assert stories["wire.txt"] == stories["002.txt"]
