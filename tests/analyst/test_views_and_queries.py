"""Every view and ready query runs on the freshly loaded seeds warehouse and answers correctly."""
from __future__ import annotations

import pytest

from pipelines.cli import main
from pipelines.sqlfiles import SQL_DIR
from pipelines.warehouse import open_warehouse
from tests.analyst.duckdb_cli import run_duckdb_cli

VIEWS = sorted((SQL_DIR / "views").glob("*.sql"))
QUERIES = sorted((SQL_DIR / "queries").glob("*.sql"))


def rows(wh, query: str) -> list[dict]:
    cur = wh.execute(query)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


@pytest.mark.parametrize("path", VIEWS, ids=lambda p: p.stem)
def test_every_view_exists_after_the_load_and_says_what_it_answers(wh, path):
    assert path.read_text(encoding="utf-8").startswith("-- Question: "), f"{path.name}: its header says the question it answers"
    name = path.stem
    if name == "v_figure_conflicts":  # owned by story linking; only check it was created
        wh.execute(f"SELECT * FROM {name} LIMIT 1").fetchall()
        return
    assert wh.execute(f"SELECT count(*) FROM {name}").fetchone()[0] > 0, name


def test_article_overview_counts_agree_with_the_tables(wh):
    overview = {r["article_id"]: r for r in rows(wh, "SELECT * FROM v_article_overview")}
    assert len(overview) == wh.execute("SELECT count(*) FROM articles WHERE NOT is_deleted").fetchone()[0]
    for table, column in (("paragraphs", "paragraphs"), ("figures", "figures"), ("boilerplate", "boilerplate_lines"),
                          ("entity_mentions", "entity_mentions")):
        for article_id, count in wh.execute(f"SELECT article_id, count(*) FROM {table} GROUP BY 1").fetchall():
            assert overview[article_id][column] == count, (table, article_id)


def test_cooccurrence_pairs_russia_with_ukraine_once_and_in_order(wh):
    pairs = rows(wh, "SELECT * FROM v_entity_cooccurrence WHERE list_sort([name_a, name_b]) = ['Russia', 'Ukraine']")
    assert len(pairs) == 1 and pairs[0]["entity_a"] < pairs[0]["entity_b"]
    shared = wh.execute("""
        SELECT count(*) FROM (
          SELECT article_id, paragraph_index FROM entity_mentions m JOIN entities e USING (entity_id)
           GROUP BY ALL HAVING bool_or(e.name = 'Russia') AND bool_or(e.name = 'Ukraine'))""").fetchone()[0]
    assert pairs[0]["paragraphs"] == shared


def test_entity_timeline_adds_up_to_every_mention(wh):
    total = wh.execute("SELECT sum(mentions) FROM v_entity_timeline").fetchone()[0]
    assert total == wh.execute("SELECT count(*) FROM entity_mentions").fetchone()[0]


def test_figures_by_entity_puts_7_billion_next_to_russia(wh):
    found = rows(wh, "SELECT entity_name FROM v_figures_by_entity WHERE figure_text = '$7 billion'")
    assert "Russia" in {r["entity_name"] for r in found}


def test_boilerplate_by_site_counts_every_removed_line(wh):
    total = wh.execute("SELECT sum(lines_removed) FROM v_boilerplate_by_site").fetchone()[0]
    assert total == wh.execute("SELECT count(*) FROM boilerplate").fetchone()[0]


def test_top_people_has_vladimir_putin_first_among_people(wh):
    people = rows(wh, (SQL_DIR / "queries" / "top_people.sql").read_text())
    assert people[0]["name"] == "Vladimir Putin"
    assert "Putin" in people[0]["written_as"]


def test_money_figures_include_7_billion_dollars(wh):
    money = rows(wh, (SQL_DIR / "queries" / "money_figures.sql").read_text())
    assert {"figure": "$7 billion", "currency": "USD", "value": 7e9}.items() <= next(
        m for m in money if m["figure"] == "$7 billion").items()
    assert [m["value"] for m in money] == sorted((m["value"] for m in money), reverse=True)


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_every_query_runs_through_newswh_sql(seeds_run, path, capsys):
    settings, _ = seeds_run
    assert path.read_text(encoding="utf-8").startswith("--"), f"{path.name} needs a header comment"
    assert main(["sql", str(path), "--warehouse", str(settings.warehouse)]) == 0
    out = capsys.readouterr().out
    with open_warehouse(settings.warehouse, read_only=True) as con:
        count = len(con.execute(path.read_text(encoding="utf-8")).fetchall())
    drawn = sum(line.startswith("│") for line in out.splitlines()) - 2  # less the names and types
    assert drawn == count, f"{path.name}: {drawn} of {count} rows printed"


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_every_query_runs_in_the_duckdb_cli(seeds_run, path):
    settings, _ = seeds_run
    done = run_duckdb_cli(settings.warehouse, path.read_text(), "csv")
    assert done.returncode == 0 and "Error" not in done.stderr, done.stderr
    assert len(done.stdout.splitlines()) > 1, f"{path.name} returned no rows"


def test_boilerplate_by_reason_counts_the_articles_each_reason_removed_lines_from(wh):
    by_reason = {r["reason"]: r for r in rows(wh, (SQL_DIR / "queries" / "boilerplate_by_reason.sql").read_text())}
    expected = dict(wh.execute("""SELECT reason, count(DISTINCT article_id) FROM boilerplate JOIN articles USING (article_id)
                                  WHERE NOT is_deleted GROUP BY reason""").fetchall())
    assert {reason: r["articles"] for reason, r in by_reason.items()} == expected


def test_money_figures_say_which_sum_a_conversion_restates(wh):
    money = rows(wh, (SQL_DIR / "queries" / "money_figures.sql").read_text())
    converted = wh.execute("""SELECT f.text, c.text FROM figures f JOIN figures c ON c.figure_id = f.converted_from_figure_id
                              WHERE f.kind = 'money'""").fetchall()
    assert converted, "the seeds hold a converted sum (€5 billion (£4.2 billion))"
    assert sorted((m["figure"], m["converted_from"]) for m in money if m["converted_from"]) == sorted(converted)
