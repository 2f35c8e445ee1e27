"""README's query outputs are what the queries print on the seeds (DuckDB CLI, -markdown)."""
from __future__ import annotations

import re

import pytest

from pipelines.settings import PROJECT_ROOT
from pipelines.sqlfiles import SQL_DIR
from tests.analyst.duckdb_cli import run_duckdb_cli

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
# "`top_people.sql`" (optionally followed by a note), a blank line, then a markdown table
SHOWN = dict(re.findall(r"^`(\w+)\.sql`[^\n]*\n\n((?:\|[^\n]*\n)+)", README, flags=re.MULTILINE))


def test_readme_shows_the_three_queries():
    assert set(SHOWN) == {"top_people", "money_figures", "search_paragraphs"}


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_readme_output_is_what_the_query_prints_on_the_seeds(seeds_run, name):
    settings, _ = seeds_run
    done = run_duckdb_cli(settings.warehouse, (SQL_DIR / "queries" / f"{name}.sql").read_text(encoding="utf-8"),
                          "markdown")
    assert done.returncode == 0, done.stderr
    assert done.stdout == SHOWN[name]
