"""resolve_entities / build_entities: canonical entities on literal mentions and on the seeds."""
from __future__ import annotations

import polars as pl
import pytest

from pipelines.settings import PROJECT_ROOT
from pipelines.transforms.canonical import build_entities, resolve_entities
from pipelines.transforms.entities import extract_mentions, load_nlp

# Body of each seed, fixed by hand so these tests do not depend on the boilerplate cleaner:
# seed prefix -> (first body line, end line exclusive, boilerplate lines inside the range).
# Outside the ranges: titles, newsletter promos, author bios, "Related" blocks (Hegseth is there).
SEED_BODY_LINES = {
    "000": (0, 26, {3}),
    "001": (2, 33, set()),
    "002": (4, 25, set()),
    "003": (0, 47, set()),
    "004": (0, 12, set()),
}


def mentions(*rows: tuple[str, str, str]) -> pl.DataFrame:
    """(article_id, text, label) rows -> a mentions frame as extract_mentions makes it."""
    return pl.DataFrame({
        "article_id": [r[0] for r in rows],
        "paragraph_index": list(range(len(rows))),
        "char_start": [0] * len(rows),
        "char_end": [len(r[1]) for r in rows],
        "text": [r[1] for r in rows],
        "label": [r[2] for r in rows],
    })


def ids_by_text(resolved: pl.DataFrame, article_id: str | None = None) -> dict[str, str]:
    frame = resolved if article_id is None else resolved.filter(pl.col("article_id") == article_id)
    return dict(zip(frame["text"], frame["entity_id"]))


def known_aliases(resolved: pl.DataFrame) -> pl.DataFrame:
    """What the warehouse holds after loading `resolved`: (entity_id, alias, label, mention_count)."""
    entities, aliases = build_entities(resolved)
    return aliases.join(entities.select("entity_id", "label"), on="entity_id")


def test_a_surname_resolves_to_the_full_name_in_its_article():
    resolved = resolve_entities(mentions(
        ("a1", "Vladimir Putin", "PERSON"), ("a1", "Putin", "PERSON"), ("a1", "Putin", "ORG"),
    ))
    assert resolved["entity_id"].n_unique() == 1
    assert set(resolved["label"]) == {"PERSON"}


def test_a_surname_joins_the_full_name_the_article_introduced_first_when_counts_tie():
    # the small model read "Hosting Cook at Dreamforce ..." as a name, further down the article
    resolved = resolve_entities(mentions(
        ("a1", "Tim Cook", "PERSON"), ("a1", "Cook", "PERSON"), ("a1", "Hosting Cook", "PERSON"), ("a1", "Cook", "PERSON"),
    ))
    ids = resolved.filter(pl.col("text") == "Cook")["entity_id"].unique().to_list()
    assert ids == [ids_by_text(resolved, "a1")["Tim Cook"]]


def test_same_surname_different_people_stay_apart():
    resolved = resolve_entities(mentions(
        ("a1", "Donald Trump", "PERSON"), ("a1", "Trump", "PERSON"),
        ("a2", "Ivana Trump", "PERSON"), ("a2", "Trump", "PERSON"),
    ))
    a1, a2 = ids_by_text(resolved, "a1"), ids_by_text(resolved, "a2")
    assert a1["Trump"] == a1["Donald Trump"]
    assert a2["Trump"] == a2["Ivana Trump"]
    assert a1["Donald Trump"] != a2["Ivana Trump"]


def test_a_bare_surname_joins_the_only_full_name_across_articles():
    resolved = resolve_entities(mentions(
        ("a1", "Keith Kellogg", "PERSON"), ("a2", "Kellogg", "ORG"), ("a2", "Kellogg", "PERSON"),
    ))
    assert resolved["entity_id"].n_unique() == 1


def test_an_ambiguous_bare_surname_stays_its_own_entity():
    resolved = resolve_entities(mentions(
        ("a1", "Donald Trump", "PERSON"), ("a2", "Ivana Trump", "PERSON"), ("a3", "Trump", "PERSON"),
    ))
    assert resolved["entity_id"].n_unique() == 3


@pytest.mark.parametrize("spellings", [
    ["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy", "Zelenskyy", "President Volodymyr Zelenskyy"],
    ["Kyiv", "Kiev"],
    ["NATO", "Nato", "North Atlantic Treaty Organization"],
    ["US", "U.S.", "United States", "America", "the United States"],
])
def test_spelling_variants_across_articles_are_one_entity(spellings):
    label = "PERSON" if "Zelensky" in spellings[0] else "ORG" if "NATO" in spellings else "GPE"
    rows = [(f"a{i}", text, label) for i, text in enumerate(spellings)]
    resolved = resolve_entities(mentions(*rows))
    assert resolved["entity_id"].n_unique() == 1


def test_label_conflicts_go_to_the_majority_label():
    resolved = resolve_entities(mentions(
        ("a1", "Kremlin", "ORG"), ("a2", "Kremlin", "ORG"), ("a3", "Kremlin", "PERSON"),
    ))
    assert resolved["entity_id"].n_unique() == 1
    assert set(resolved["label"]) == {"ORG"}


def test_ids_are_stable_across_runs_and_batches():
    first = resolve_entities(mentions(("a1", "Kyiv", "GPE"), ("a1", "Donald Trump", "PERSON")))
    again = resolve_entities(mentions(("b7", "Kiev", "GPE"), ("b8", "Donald Trump", "PERSON")))
    assert ids_by_text(first)["Kyiv"] == ids_by_text(again)["Kiev"]
    assert ids_by_text(first)["Donald Trump"] == ids_by_text(again)["Donald Trump"]


def test_an_incremental_batch_uses_the_aliases_already_in_the_warehouse():
    earlier = resolve_entities(mentions(
        ("a1", "Donald Trump", "PERSON"), ("a1", "Trump", "PERSON"), ("a2", "Trump", "ORG"),
    ))
    batch = resolve_entities(mentions(("a9", "Trump", "ORG")), known_aliases=known_aliases(earlier))
    assert batch["entity_id"][0] == ids_by_text(earlier, "a1")["Donald Trump"]
    assert batch["label"][0] == "PERSON"


def test_build_entities_names_counts_and_aliases():
    resolved = resolve_entities(mentions(
        ("a1", "Zelenskyy", "PERSON"), ("a1", "Volodymyr Zelenskyy", "PERSON"), ("a1", "Zelenskyy", "PERSON"),
        ("a2", "Volodymyr Zelenskyy", "PERSON"), ("a3", "Volodymyr Zelensky", "PERSON"),
    ))
    entities, aliases = build_entities(resolved)
    assert entities.columns == ["entity_id", "name", "label", "mention_count", "article_count"]
    assert aliases.columns == ["entity_id", "alias", "mention_count"]
    (row,) = entities.iter_rows(named=True)
    assert (row["name"], row["label"], row["mention_count"], row["article_count"]) == \
        ("Volodymyr Zelenskyy", "PERSON", 5, 3)
    assert dict(zip(aliases["alias"], aliases["mention_count"])) == \
        {"Zelenskyy": 2, "Volodymyr Zelenskyy": 2, "Volodymyr Zelensky": 1}


def test_entity_names_prefer_written_full_forms():
    resolved = resolve_entities(mentions(
        ("a1", "WASHINGTON", "GPE"), ("a2", "WASHINGTON", "GPE"), ("a3", "Washington", "GPE"),
        ("a4", "Ms Villalba", "PERSON"), ("a4", "Ms Villalba", "PERSON"), ("a4", "Stephanie Villalba", "PERSON"),
    ))
    entities, _ = build_entities(resolved)
    assert set(entities["name"]) == {"Washington", "Stephanie Villalba"}


def test_an_acronym_joins_its_expansion_in_the_article():
    resolved = resolve_entities(mentions(
        ("a1", "International Atomic Energy Agency", "ORG"), ("a1", "IAEA", "GPE"),
        ("a2", "Institute for the Study of War", "ORG"), ("a2", "ISW", "ORG"),
    ))
    assert resolved["entity_id"].n_unique() == 2
    assert set(resolved["label"]) == {"ORG"}


def seed_body_paragraphs() -> pl.DataFrame:
    rows = []
    for prefix, (first, end, skipped) in SEED_BODY_LINES.items():
        (path,) = (PROJECT_ROOT / "seeds").glob(f"{prefix}_*.txt")
        lines = path.read_text(encoding="utf-8").split("\n")
        for number in range(first, min(end, len(lines))):
            text = lines[number].strip()
            if number not in skipped and text and text != "-":
                rows.append((prefix, number, text))
    return pl.DataFrame(rows, schema=["article_id", "paragraph_index", "text"], orient="row")


@pytest.fixture(scope="module")
def seed_entities():
    resolved = resolve_entities(extract_mentions(seed_body_paragraphs(), load_nlp()))
    entities, aliases = build_entities(resolved)
    return resolved, entities, aliases


@pytest.mark.parametrize("surname, spellings", [
    ("Zelensky", {"Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelenskyy"}),
    ("Putin", {"Vladimir Putin", "Putin"}),
    ("Trump", {"Donald Trump", "Trump"}),
    ("Kellogg", {"Keith Kellogg", "Kellogg"}),
    ("Umerov", {"Rustem Umerov"}),
    ("Ustymenko", {"Maksym Ustymenko", "Ustymenko"}),
])
def test_every_seed_person_is_one_entity_with_all_its_spellings(seed_entities, surname, spellings):
    resolved, entities, aliases = seed_entities
    holders = resolved.filter(pl.col("text").str.contains(surname[:6]))
    assert holders["entity_id"].n_unique() == 1, holders
    entity_id = holders["entity_id"][0]
    assert entities.filter(pl.col("entity_id") == entity_id)["label"].to_list() == ["PERSON"]
    assert set(aliases.filter(pl.col("entity_id") == entity_id)["alias"]) == spellings


def test_trump_is_one_person_in_every_seed_that_names_him(seed_entities):
    resolved, _, _ = seed_entities
    trump = resolved.filter(pl.col("text").str.contains("Trump"))
    assert set(trump["article_id"]) == {"000", "001", "002", "003"}
    assert set(trump["label"]) == {"PERSON"} and trump["entity_id"].n_unique() == 1


def test_no_seed_entity_comes_from_boilerplate(seed_entities):
    _, entities, _ = seed_entities
    names = set(entities["name"])
    assert not names & {"Hegseth", "Pete Hegseth", "Apoorva Misra", "Stefan Wolff", "Tetyana Malyarenko"}
    assert {"Kyiv", "NATO", "Kremlin", "United States"} <= names


def test_an_empty_batch_gives_empty_typed_tables():
    empty = mentions().cast({"paragraph_index": pl.Int32, "char_start": pl.Int32, "char_end": pl.Int32,
                             "text": pl.String, "label": pl.String, "article_id": pl.String})
    resolved = resolve_entities(empty)
    entities, aliases = build_entities(resolved)
    assert resolved.height == entities.height == aliases.height == 0
    assert resolved.schema["entity_id"] == pl.String and entities.schema["mention_count"] == pl.Int32
