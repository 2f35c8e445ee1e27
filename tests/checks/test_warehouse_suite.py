"""Cross-table rules on a loaded warehouse: a broken reference fails its check with examples."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from pipelines.checks.params import suite_parameters
from pipelines.checks.suites import load_suite
from pipelines.checks.warehouse_suite import run_warehouse_suite


@pytest.fixture
def warehouse(good_run):
    settings, result = good_run
    assert result.success
    return settings.warehouse


def outcomes_on(path, run_id="test"):
    suite = load_suite("warehouse")
    return {o.check.name: o for o in run_warehouse_suite(suite, path, run_id, suite_parameters(suite.raw, min_body_words=25))}


def test_orphans_fail_their_check_and_are_recorded(warehouse, tmp_path):
    broken = tmp_path / "news.duckdb"
    shutil.copyfile(warehouse, broken)
    with duckdb.connect(str(broken)) as con:
        con.execute("UPDATE entity_mentions SET entity_id = 'no-such-entity' WHERE rowid = (SELECT min(rowid) FROM entity_mentions)")
        con.execute("DELETE FROM paragraphs WHERE article_id = (SELECT min(article_id) FROM articles)")
    outcomes = outcomes_on(broken, run_id="broken")
    failed = {name for name, o in outcomes.items() if not o.passed}
    assert {"every_mention_entity_exists", "every_article_has_paragraphs"} <= failed
    orphan = outcomes["every_mention_entity_exists"]
    assert orphan.failing_rows == 1 and orphan.examples["entity_id"].to_list() == ["no-such-entity"]
    with duckdb.connect(str(broken), read_only=True) as con:
        rows = con.execute("SELECT check_name, passed FROM quality_results WHERE run_id = 'broken'").fetchall()
    assert ("every_mention_entity_exists", False) in rows and len(rows) == len(outcomes)


def test_a_loaded_seed_warehouse_passes(warehouse, tmp_path):
    copy = tmp_path / "news.duckdb"
    shutil.copyfile(warehouse, copy)
    assert all(o.passed for o in outcomes_on(copy).values())
