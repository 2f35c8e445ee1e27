"""Linking transforms on real text (the seeds) and literal frames: keys, candidates, relations, stories, claims."""
from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from pipelines.transforms.links import figure_claims, link_articles, stories_table, story_members
from pipelines.transforms.links.candidates import blocking_pairs
from pipelines.transforms.links.claims import subject_key
from pipelines.transforms.links.features import number_overlap
from pipelines.transforms.links.minhash import band_pairs, exact_jaccard, shingle_hashes, signatures, token_hashes
from pipelines.transforms.links.text import body_key, words
from tests.conftest import seed_text


def body(prefix: str) -> str:
    """A seed's text without its short header lines (what the cleaner would keep, roughly)."""
    return "\n\n".join(line for line in seed_text(prefix).splitlines() if len(line.split()) > 12)


def frame(bodies: dict[str, str]) -> pl.DataFrame:
    return pl.DataFrame({"article_id": list(bodies), "body": list(bodies.values()),
                         "title": [None] * len(bodies), "published_at": [None] * len(bodies)},
                        schema={"article_id": pl.String, "body": pl.String, "title": pl.String,
                                "published_at": pl.Datetime("us")})


def syndicated(text: str) -> str:
    """A partner's copy: own dateline, last paragraph cut, two words changed."""
    paragraphs = text.split("\n\n")[:-1]
    return "KYIV (Wire) - " + "\n\n".join(paragraphs).replace("Istanbul", "Istanbul, Turkey", 2)


def relations(links: pl.DataFrame) -> dict[tuple[str, str], str]:
    return {(a, b): r for a, b, r in links.select("article_id_a", "article_id_b", "relation").iter_rows()}


def test_body_key_ignores_layout_not_words():
    text = body("002")
    assert body_key(text) == body_key(text.replace("\n\n", "\n\n\n  "))
    assert body_key(text) != body_key(text.replace("Istanbul", "Ankara", 1))


def test_numbers_stay_one_token():
    assert words("Over 1,000 miles and 4.2 billion") == ["over", "1,000", "miles", "and", "4.2", "billion"]


def test_minhash_bands_find_a_syndicated_copy_and_not_another_story():
    texts = [body("002"), syndicated(body("002")), body("003")]
    sets = [shingle_hashes(h, 3) for h in token_hashes([words(t) for t in texts])]
    pairs = set(band_pairs(signatures(sets, 64), 0.5).iter_rows())
    assert (0, 1) in pairs and (0, 2) not in pairs and (1, 2) not in pairs
    assert exact_jaccard(sets, np.array([0]), np.array([0]))[0] == 1.0


def test_blocks_larger_than_the_cap_make_no_pairs():
    weights = pl.DataFrame({"doc": [0, 1, 2, 0, 1], "term": ["common"] * 3 + ["rare", "rare"], "weight": [1.0] * 5})
    assert blocking_pairs(weights, top_terms=5, max_block=2, min_shared=1).rows() == [(0, 1)]


def test_number_overlap_tolerates_a_cut_copy_and_catches_a_template():
    numbers = [["40", "2022"], ["40"], ["41", "2021"]]
    assert number_overlap(numbers, np.array([0, 0]), np.array([1, 2])).tolist() == [1.0, 0.0]


@pytest.fixture(scope="module")
def seed_links() -> pl.DataFrame:
    bodies = {f"s{p}": body(p) for p in ("000", "001", "002", "003", "004")}
    bodies["copy002"] = body("002").replace("\n\n", "\n\n\n")
    bodies["wire002"] = syndicated(body("002"))
    return link_articles(frame(bodies))


def test_relations_on_seed_text(seed_links):
    found = relations(seed_links)
    assert found[("copy002", "s002")] == "exact_duplicate"
    assert found[("s002", "wire002")] == "near_duplicate"
    assert found[("s000", "s001")] == "rewrite"


def test_003_is_no_duplicate_of_any_seed(seed_links):
    dup = seed_links.filter(pl.col("relation").str.ends_with("duplicate")
                            & ((pl.col("article_id_a") == "s003") | (pl.col("article_id_b") == "s003")))
    assert dup.height == 0


def test_links_are_ordered_and_unique(seed_links):
    assert (seed_links["article_id_a"] < seed_links["article_id_b"]).all()
    assert seed_links.select("article_id_a", "article_id_b").is_unique().all()


def test_stories_are_link_components_and_lone_articles_stand_alone():
    links = pl.DataFrame({"article_id_a": ["a", "b"], "article_id_b": ["b", "c"], "relation": ["rewrite", "same_story"],
                          "score": [0.7, 0.3]})
    members = story_members(["a", "b", "c", "d"], links)
    story = dict(members.iter_rows())
    assert story["a"] == story["b"] == story["c"] != story["d"]
    articles = frame({"a": "x", "b": "y", "c": "z", "d": "w"}).with_columns(pl.Series("title", [None, "B title", None, None]))
    table = stories_table(articles, members)
    assert dict(table.select("story_id", "article_count").iter_rows()) == {story["a"]: 3, story["d"]: 1}
    assert table.filter(pl.col("story_id") == story["a"])["title"][0] == "B title"


def figures(rows: list[tuple]) -> pl.DataFrame:
    cols = ["figure_id", "article_id", "kind", "value", "value_high", "unit", "currency", "qualifier", "subject"]
    frame_ = pl.DataFrame(rows, schema=cols, orient="row")
    return frame_.with_columns(pl.lit(None, dtype=pl.String).alias("converted_from_figure_id"))


def test_claims_agree_on_overlapping_qualifiers_and_flag_conflicts():
    members = pl.DataFrame({"article_id": ["a", "b", "c"], "story_id": ["s1", "s1", "s2"]})
    articles = pl.DataFrame({"article_id": ["a", "b", "c"], "site": ["x.com", "y.com", "z.com"]})
    rows = [("f1", "a", "count", 40.0, None, None, None, "about", "strategic Russian bombers"),
            ("f2", "b", "count", 40.0, None, None, None, "over", "Russian bombers"),
            ("f3", "a", "count", 60.0, None, None, None, "exact", "missiles"),
            ("f4", "b", "count", 41.0, None, None, None, "exact", "cruise missiles"),
            ("f5", "c", "count", 40.0, None, None, None, "exact", "bombers")]  # another story: not grouped
    claims = figure_claims(figures(rows), members, articles)
    by_subject = {r["subject"]: r for r in claims.to_dicts()}
    assert by_subject["Russian bombers"]["agreement"] == "consistent"
    assert by_subject["Russian bombers"]["article_count"] == 2 and by_subject["Russian bombers"]["site_count"] == 2
    assert by_subject["missiles"]["agreement"] == "conflicting"
    assert (by_subject["missiles"]["value_low"], by_subject["missiles"]["value_high"]) == (41.0, 60.0)
    assert sorted(by_subject["missiles"]["figure_ids"]) == ["f3", "f4"]


def test_subject_key_is_the_counted_noun():
    assert subject_key("Russia’s long-range bombers") == subject_key("strategic Russian bombers") == "bomber"
    assert subject_key(None) is None
