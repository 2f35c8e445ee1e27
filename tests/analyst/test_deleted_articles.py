"""Analyst answers count live articles only: a deleted article stays in the warehouse (with
articles.is_deleted and its child rows), and entities.mention_count still counts its mentions."""
from __future__ import annotations

import pytest

from pipelines.report.data import read_report_data
from pipelines.sqlfiles import SQL_DIR, sql
from pipelines.warehouse import create_views, ensure_schema, open_warehouse, table_columns

# Two articles; "gone" was deleted from the inbox. Ada is named 3 times in it and once in "live";
# Bob only in "gone".
MENTIONS = [("live", 0, "Ada Lovelace", "p_ada"), ("gone", 0, "Ada Lovelace", "p_ada"), ("gone", 1, "Lovelace", "p_ada"),
            ("gone", 2, "Lovelace", "p_ada"), ("gone", 3, "Bob Smith", "p_bob"), ("live", 1, "Acme", "o_acme")]


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "news.duckdb"
    with open_warehouse(path) as con:
        ensure_schema(con)
        create_views(con)
        for article_id, deleted in (("live", False), ("gone", True)):
            con.execute("INSERT INTO articles (article_id, source_path, source_format, content_sha256, body, word_count,"
                        " ingested_at, is_deleted) VALUES (?, ?, 'txt', 'x', 'body', 1, now(), ?)",
                        [article_id, f"{article_id}.txt", deleted])
        for n, (article_id, index, text, entity_id) in enumerate(MENTIONS):
            label = "ORG" if entity_id.startswith("o_") else "PERSON"
            con.execute("INSERT INTO entity_mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [article_id, index, n, n + len(text), text, label, entity_id])
        # what the pipeline writes: counts over every mention the warehouse holds, deleted articles' too
        con.execute("""INSERT INTO entity_aliases SELECT entity_id, text, count(*) FROM entity_mentions GROUP BY ALL""")
        con.execute("""INSERT INTO entities SELECT entity_id, max(text), any_value(label), count(*),
                       count(DISTINCT article_id) FROM entity_mentions GROUP BY entity_id""")
    return path


def test_top_people_counts_only_live_articles(warehouse):
    with open_warehouse(warehouse, read_only=True) as con:
        people = con.execute((SQL_DIR / "queries" / "top_people.sql").read_text(encoding="utf-8")).fetchall()
    assert people == [("Lovelace", 1, 1, "Ada Lovelace")]


def test_report_top_entities_count_only_live_articles(warehouse):
    with open_warehouse(warehouse, read_only=True) as con:
        top = read_report_data(con).frames["top_entities"]
        assert top.select("name", "mentions", "articles").rows() == [("Acme", 1, 1), ("Lovelace", 1, 1)]
        assert con.execute(sql("report/top_entities")).fetchall() == [("Acme", "ORG", 1, 1), ("Lovelace", "PERSON", 1, 1)]


def test_report_latest_run_says_how_many_articles_it_marked_deleted(warehouse):
    with open_warehouse(warehouse) as con:
        con.execute("INSERT INTO runs VALUES ('r1', now(), now(), '/inbox', 1, 0, 1, 1, 0, 0)")
    with open_warehouse(warehouse, read_only=True) as con:
        run = read_report_data(con).latest_run
        assert list(run) == table_columns(con, "runs")  # every column of the run, in the table's order
    assert run["articles_deleted"] == 1
    assert run["started_at"].microsecond == 0 and run["finished_at"].microsecond == 0  # shown in whole seconds


def test_source_removed_at_is_utc_whatever_the_machines_time_zone(tmp_path):
    from datetime import datetime, timezone

    with open_warehouse(tmp_path / "news.duckdb") as con:
        ensure_schema(con)
        con.execute("INSERT INTO articles (article_id, source_path, source_format, content_sha256, body, word_count,"
                    " ingested_at) VALUES ('a', 'a.txt', 'txt', 'x', 'body', 1, now())")
        con.execute("CREATE TEMP TABLE seen_keys AS SELECT 'other.txt' AS source_path")
        con.execute("SET TimeZone = 'Pacific/Kiritimati'")  # UTC+14, as DuckDB takes the machine's zone
        con.execute(sql("load/mark_deleted"))
        removed_at = con.execute("SELECT source_removed_at FROM articles").fetchone()[0]
    assert abs((removed_at - datetime.now(timezone.utc).replace(tzinfo=None)).total_seconds()) < 60
