"""`newswh sql` prints the whole result: every row, every column, every character of a value."""
from __future__ import annotations

import duckdb
import pytest

from pipelines.cli import main

LONG = "word " * 60  # 300 characters


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "news.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute(f"""CREATE TABLE t AS SELECT i, 'row_' || i AS name, NULL::VARCHAR AS missing,
                        '{LONG.strip()}' AS text, i * 1.5 AS a, i AS b, i AS c, i AS d, i AS e, i AS f,
                        i AS g, i AS h, i AS j, i AS k, i AS l_last FROM range(25) r(i)""")
    return path


def test_every_row_column_and_character_is_printed(warehouse, capsys):
    assert main(["sql", "SELECT * FROM t ORDER BY i", "--warehouse", str(warehouse)]) == 0
    out = capsys.readouterr().out
    assert all(f"row_{i} " in out for i in range(25)), "rows left out"
    assert "l_last" in out, "columns left out"
    assert LONG.strip() in out, "a long value was cut"
    assert "NULL" in out and "…" not in out


def test_no_rows_still_names_the_columns(warehouse, capsys):
    assert main(["sql", "SELECT name FROM t WHERE false", "--warehouse", str(warehouse)]) == 0
    out = capsys.readouterr().out
    assert "name" in out and "0 rows" in out


def test_the_search_macro_works_for_a_user_who_never_ran_the_pipeline(tmp_path, monkeypatch, capsys):
    # DuckDB keeps extensions under ~/.duckdb: another account (an analyst) has none there, and
    # autoloading fts would download it, which the machines that run this cannot.
    from pipelines.search import build_search_index
    from pipelines.warehouse import ensure_schema, open_warehouse

    path = tmp_path / "news.duckdb"
    with open_warehouse(path) as con:
        ensure_schema(con)
        con.execute("INSERT INTO articles (article_id, source_path, source_format, content_sha256, body, word_count,"
                    " ingested_at) VALUES ('a', 'a.txt', 'txt', 'x', 'Drones struck.', 2, now())")
        con.execute("INSERT INTO paragraphs VALUES ('a', 0, 'paragraph', 'Drones struck.', 0, 14, 2)")
        build_search_index(con)
    monkeypatch.setenv("HOME", str(tmp_path / "analyst"))
    assert main(["sql", "SELECT paragraph_index FROM search_paragraphs('drone', 3)", "--warehouse", str(path)]) == 0
    assert "paragraph_index" in capsys.readouterr().out


def test_a_result_longer_than_duckdb_draws_says_so(warehouse, capsys):
    from pipelines.cli import DRAWN_ROWS_MAX

    assert main(["sql", f"SELECT i FROM range({DRAWN_ROWS_MAX}) t(i)", "--warehouse", str(warehouse)]) == 0
    captured = capsys.readouterr()
    cells = lambda out: [line.strip("│ ") for line in out.splitlines()]  # noqa: E731
    assert str(DRAWN_ROWS_MAX - 1) in cells(captured.out) and captured.err == ""  # all of it: nothing to say
    assert main(["sql", f"SELECT i FROM range({DRAWN_ROWS_MAX + 5}) t(i) ORDER BY i DESC", "--warehouse", str(warehouse)]) == 0
    captured = capsys.readouterr()
    assert str(DRAWN_ROWS_MAX + 4) in cells(captured.out) and "5" in cells(captured.out) and "4" not in cells(captured.out)
    assert captured.err == (f"newswh sql: the first {DRAWN_ROWS_MAX} of {DRAWN_ROWS_MAX + 5} rows are shown; "
                            "COPY (query) TO 'rows.csv' writes them all\n")
