"""The derived columns GX validates: offsets, finiteness, known boilerplate, site rates, units."""
from __future__ import annotations

import json
import math

import polars as pl

from pipelines.checks.known_boilerplate import flag_known_boilerplate, is_known_boilerplate
from pipelines.checks.suites import load_suite
from pipelines.checks.params import FIGURES_DATA, known_units
from pipelines.checks.views import is_finite_or_null, site_boilerplate_rates, with_offset_checks
from tests.conftest import require_shared

PARAGRAPH = "Apple sold 5 million phones in Paris."


def test_offsets_inside_and_text_at_offsets():
    source = pl.DataFrame({"article_id": ["a"], "paragraph_index": [0], "source_text": [PARAGRAPH]})
    mentions = pl.DataFrame({
        "article_id": ["a", "a", "a", "a", "b"], "paragraph_index": [0, 0, 0, 0, 0],
        "char_start": [0, 31, 0, 1, 0], "char_end": [5, 36, 99, 6, 5],
        "text": ["Apple", "Paris", "Apple", "Apple", "Apple"],
    })
    checked = with_offset_checks(mentions, source, ["article_id", "paragraph_index"])
    assert checked["offsets_inside"].to_list() == [True, True, False, True, False]  # b: no such paragraph
    assert checked["text_at_offsets"].to_list() == [True, True, False, False, False]
    assert checked.columns == [*mentions.columns, "offsets_inside", "text_at_offsets"]


def test_finite_or_null():
    values = pl.DataFrame({"value": [1.5, None, math.inf, math.nan, -math.inf]})
    assert values.select(is_finite_or_null("value"))["value"].to_list() == [True, True, False, False, False]


def test_known_boilerplate_from_the_cleaners_rules():
    reasons = ("newsletter_promo", "disclosure", "related_block")
    assert is_known_boilerplate("Sign up for our daily newsletter to get the headlines.", reasons)
    assert is_known_boilerplate("Related Articles:", reasons)
    assert not is_known_boilerplate("The council signed up three new contractors on Monday.", reasons)
    assert not is_known_boilerplate("Related Articles:", ("disclosure",))


def test_vectorized_flags_equal_the_row_by_row_rule_on_scraped_lines():
    scraped = require_shared("data", "extraction-benchmark", "text")
    lines = [line for page in sorted(scraped.glob("*.txt")) for line in page.read_text(encoding="utf-8").splitlines()]
    lines += [f"  {line}\n" for line in lines[:500]]  # paragraphs are matched stripped
    reasons = load_suite("paragraphs").raw["suite_parameters"]["boilerplate_reasons"]
    flags = pl.DataFrame({"text": lines}).select(flag_known_boilerplate(pl.col("text"), reasons))["text"].to_list()
    expected = [is_known_boilerplate(line, tuple(sorted(reasons))) for line in lines]
    assert sum(expected) > 100  # the scraped pages do hold newsletter, related and disclosure lines
    assert flags == expected


def test_site_rate_jump_needs_history_and_enough_articles():
    articles = pl.DataFrame({"article_id": ["a1", "a2", "a3", "b1"], "site": ["A", "A", "A", "B"],
                             "blocks": [[{"kind": "paragraph", "text": "x"}] * 4] * 4})
    boilerplate = pl.DataFrame({"article_id": ["a1"] * 6 + ["a2"] * 6 + ["a3"] * 6 + ["b1"] * 6})
    history = pl.DataFrame({"article_id": ["old1", "old2", "a1"], "site": ["A", "B", "A"],
                            "removed": [1, 1, 50], "kept": [9, 9, 1]})
    rates = site_boilerplate_rates(articles, boilerplate, history, min_articles=3).sort("site")
    assert rates["rate"].to_list() == [0.6, 0.6]
    assert rates["baseline_rate"].to_list() == [0.1, 0.1]  # a1 is being replaced: not history
    assert [round(x, 6) for x in rates["rate_jump"]] == [0.5, 0.0]  # B: one article, too few to compare
    no_history = site_boilerplate_rates(articles, boilerplate, None, min_articles=3)
    assert no_history["rate_jump"].to_list() == [0.0, 0.0]


def test_known_units_come_from_the_figures_tables():
    units = set(known_units())
    table = json.loads((FIGURES_DATA / "units.json").read_text(encoding="utf-8"))
    minor = json.loads((FIGURES_DATA / "currencies.json").read_text(encoding="utf-8"))["minor"]
    assert {u["unit"] for u in table["units"]} <= units
    assert {m[1] for m in minor.values()} <= units
    noun = next(iter(table["rate_nouns"].values()))
    assert f"per_{noun}" in units and f"{table['units'][0]['unit']}_per_{noun}" in units
    assert "furlong_per_fortnight" not in units
