"""End to end on the seeds: real Dagster materialize, real spaCy, a real DuckDB file."""
from __future__ import annotations

import pytest

from pipelines.runner import run_pipeline
from pipelines.warehouse import open_warehouse
from tests.pipeline.conftest import article_id

TABLES = ("articles", "paragraphs", "entities", "entity_mentions", "entity_aliases", "figures", "boilerplate", "quarantine")


def body(con, prefix):
    return con.execute("SELECT body FROM articles WHERE article_id = ?", [article_id(con, prefix)]).fetchone()[0]


def test_five_articles_and_every_table_filled(wh):
    assert wh.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    assert wh.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 0
    for table in ("paragraphs", "entities", "entity_mentions", "entity_aliases", "figures", "boilerplate"):
        assert wh.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table


def test_plain_text_metadata_reaches_the_articles_and_the_timeline(wh):
    # 002's "First Published: June 02, 2025, 13:26 IST" is stored in UTC, as every published_at
    from datetime import datetime

    author, published = wh.execute("SELECT author, published_at FROM articles WHERE article_id = ?",
                                   [article_id(wh, "002")]).fetchone()
    assert (author, published) == ("Apoorva Misra", datetime(2025, 6, 2, 7, 56))
    assert wh.execute("SELECT author FROM articles WHERE article_id = ?", [article_id(wh, "000")]).fetchone() == (
        "Stefan Wolff, Tetyana Malyarenko",)
    days = {row[0] for row in wh.execute("SELECT DISTINCT day FROM v_entity_timeline WHERE day IS NOT NULL").fetchall()}
    assert days == {datetime(2025, 6, 2).date()}


@pytest.mark.parametrize("phrase", [
    "Related Articles", "Power restored to 700,000 residents", "About the Author", "Try Our AI Features",
])
def test_no_boilerplate_left_in_002(wh, phrase):
    assert phrase not in body(wh, "002")


@pytest.mark.parametrize("phrase", [
    "Get your news from actual experts", "does not work for, consult, own shares in", "originally published",
])
def test_no_promo_or_disclosure_left_in_000(wh, phrase):
    assert phrase not in body(wh, "000")


def test_removed_lines_are_kept_for_audit_with_reasons(wh):
    aid = article_id(wh, "002")
    lines = wh.execute("SELECT text, reason FROM boilerplate WHERE article_id = ?", [aid]).fetchall()
    assert any("Related Articles" in text for text, _ in lines)
    assert all(reason for _, reason in lines)


def test_paragraph_offsets_index_into_the_body(wh):
    bad = wh.execute("""
        SELECT count(*) FROM paragraphs p JOIN articles a USING (article_id)
         WHERE substr(a.body, p.char_start + 1, p.char_end - p.char_start) <> p.text
    """).fetchone()[0]
    assert bad == 0


def test_mention_and_figure_offsets_index_into_their_paragraph(wh):
    for table in ("entity_mentions", "figures"):
        bad = wh.execute(f"""
            SELECT count(*) FROM {table} m JOIN paragraphs p USING (article_id, paragraph_index)
             WHERE substr(p.text, m.char_start + 1, m.char_end - m.char_start) <> m.text
        """).fetchone()[0]
        assert bad == 0, table


def test_seven_billion_dollars_is_a_money_figure(wh):
    rows = wh.execute("SELECT value, currency FROM figures WHERE kind = 'money' AND text LIKE '%7 billion%'").fetchall()
    assert (7e9, "USD") in rows


def test_putin_is_one_person_entity(wh):
    rows = wh.execute("SELECT name FROM entities WHERE label = 'PERSON' AND name ILIKE '%putin%'").fetchall()
    assert [r[0] for r in rows] == ["Vladimir Putin"]


def snapshot(path):
    with open_warehouse(path, read_only=True) as con:
        return {t: con.execute(f"SELECT * EXCLUDE ({_timestamps(t)}) FROM {t} ORDER BY ALL").fetchall()
                if _timestamps(t) else con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}


def _timestamps(table):
    return {"articles": "ingested_at", "quarantine": "seen_at"}.get(table, "")


def test_a_second_run_is_idempotent(seeds_run):
    settings, _ = seeds_run
    before = snapshot(settings.warehouse)
    again = run_pipeline(settings)
    assert again.success
    assert snapshot(settings.warehouse) == before
    full = run_pipeline(settings, full_refresh=True)
    assert full.success
    assert snapshot(settings.warehouse) == before
