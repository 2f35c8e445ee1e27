"""The suite files: valid GX Core 1.x suites, one per stage, with check names Dagster accepts."""
from __future__ import annotations

import json
import re

import great_expectations as gx
import pytest

from pipelines.checks.suites import EXPECTATIONS_DIR, STAGE_SUITES, WAREHOUSE_SUITE, load_suite
from pipelines.sqlfiles import SQL_DIR

SUITES = [*STAGE_SUITES, WAREHOUSE_SUITE]


def test_every_suite_file_is_a_suite_and_every_stage_has_one():
    assert sorted(p.stem for p in EXPECTATIONS_DIR.glob("*.json")) == sorted(SUITES)


@pytest.mark.parametrize("name", SUITES)
def test_suite_loads_in_gx_and_names_valid_checks(name):
    raw = json.loads((EXPECTATIONS_DIR / f"{name}.json").read_text(encoding="utf-8"))
    suite = gx.ExpectationSuite(name=raw["name"], expectations=raw["expectations"])
    assert len(suite.expectations) == len(raw["expectations"]) > 0
    checks = load_suite(name).checks
    assert all(re.fullmatch(r"[A-Za-z0-9_]+", c.name) for c in checks)
    assert any(c.blocking for c in checks)  # structural checks keep bad data out of the warehouse


@pytest.mark.parametrize("name", SUITES)
def test_sql_of_every_check_exists(name):
    for check in load_suite(name).checks:
        if check.sql:
            assert (SQL_DIR / f"{check.sql}.sql").exists(), check


def test_keys_and_offsets_are_blocking_statistics_warn():
    paragraphs = {c.name: c.blocking for c in load_suite("paragraphs").checks}
    assert paragraphs["key_unique"] and paragraphs["offsets_inside_body"] and paragraphs["text_at_offsets"]
    assert not paragraphs["no_known_boilerplate"] and not paragraphs["word_count_in_bounds"]
    articles = {c.name: c.blocking for c in load_suite("articles").checks}
    assert not articles["site_boilerplate_rate_steady"]


def test_the_code_location_carries_one_check_per_suite_and_severity():
    import dagster as dg

    from pipelines.definitions import defs

    keys = defs.resolve_asset_graph().asset_check_keys
    for name in SUITES:
        suite = load_suite(name)
        names = [g.name for g in suite.groups()]  # blocking first; every suite has blocking expectations
        assert names == ["critical_expectations", "warning_expectations"][:len(names)]
        assert {c for g in suite.groups() for c in g.checks} == set(suite.checks)  # every expectation in one group
        for group in suite.groups():
            assert dg.AssetCheckKey(dg.AssetKey(group.asset), group.name) in keys
