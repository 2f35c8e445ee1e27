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
