"""extract_mentions and load_nlp: real spaCy runs on seed text and short news sentences."""
from __future__ import annotations

import polars as pl
import pytest
import spacy

from pipelines.transforms.entities import KEPT_LABELS, extract_mentions, load_nlp
from pipelines.transforms.entities.mentions import is_name_shaped, trim_span
from pipelines.transforms.entities.nlp import ModelNotInstalled
from tests.conftest import seed_text


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def paragraphs(*texts: str, article_id: str = "a1") -> pl.DataFrame:
    return pl.DataFrame({"article_id": [article_id] * len(texts),
                         "paragraph_index": list(range(len(texts))), "text": list(texts)})


def seed_paragraphs(prefix: str) -> pl.DataFrame:
    lines = [line for line in seed_text(prefix).split("\n") if line.strip()]
    return paragraphs(*lines, article_id=prefix)


def by_text(mentions: pl.DataFrame) -> dict[str, str]:
    return dict(zip(mentions["text"], mentions["label"]))


def test_contract_labels_and_columns(nlp):
    assert KEPT_LABELS == ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW",
                           "WORK_OF_ART")
    mentions = extract_mentions(seed_paragraphs("003"), nlp)
    assert mentions.columns == ["article_id", "paragraph_index", "char_start", "char_end", "text", "label"]
    assert set(mentions["label"]) <= set(KEPT_LABELS)
    assert "CARDINAL" not in set(mentions["label"]) and mentions.height > 50


def test_only_ner_components_are_loaded(nlp):
    assert "ner" in nlp.pipe_names
    for unused in ("tagger", "parser", "lemmatizer", "attribute_ruler", "senter"):
        assert unused not in nlp.pipe_names
    # en_core_web_sm's ner embeds on its own; a tok2vec nobody listens to would only cost time.
    assert "tok2vec" not in nlp.pipe_names


def test_a_missing_model_names_the_package_to_install():
    if spacy.util.is_package("en_core_web_trf"):
        pytest.skip("en_core_web_trf is installed here")
    with pytest.raises(ModelNotInstalled, match="en-core-web-trf"):
        load_nlp("en_core_web_trf")
    with pytest.raises(ModelNotInstalled, match="no_such_model"):
        load_nlp("no_such_model")


def test_offsets_index_into_the_paragraph_text(nlp):
    source = seed_paragraphs("000")
    mentions = extract_mentions(source, nlp).join(source, on=["article_id", "paragraph_index"])
    assert mentions.height > 50
    for row in mentions.iter_rows(named=True):
        assert row["text_right"][row["char_start"]:row["char_end"]] == row["text"]


def test_determiners_and_possessives_are_trimmed(nlp):
    mentions = extract_mentions(paragraphs(
        "Analysts say the Kremlin's demands have not changed since the spring.",
        "Russia’s army pressed on while Ukraine's drones struck the Kremlin’s airfields.",
    ), nlp)
    texts = mentions["text"].to_list()
    assert texts.count("Kremlin") == 2
    assert "Russia" in texts and "Ukraine" in texts
    assert not any(t.lower().startswith("the ") or t.endswith(("'s", "’s")) for t in texts)


def test_trim_span_keeps_a_bare_determiner_and_plural_possessive():
    text = "the allies' plans"
    assert text[slice(*trim_span(text, 0, 11))] == "allies"
    assert trim_span("A", 0, 1) == (0, 1)


def test_rule_layer_fixes_news_mislabels(nlp):
    mentions = by_text(extract_mentions(paragraphs(
        "Ukrainian Defence Minister Rustem Umerov countered that progress requires a direct meeting.",
        "Closer to the frontlines inside Ukraine, Kyiv’s forces also struck the power grid.",
        "A Russian-imposed neutrality ruling out Nato membership is a non-starter for Kyiv.",
        "In fact, what the Kremlin put on the table in Istanbul is more akin to surrender terms.",
    ), nlp))
    assert mentions["Rustem Umerov"] == "PERSON"
    assert mentions["Kyiv"] == "GPE"
    assert mentions["Nato"] == "ORG"
    assert mentions["Kremlin"] == "ORG"


def test_title_rule_leaves_nationalities_and_known_names_alone(nlp):
    mentions = by_text(extract_mentions(paragraphs(
        "President Donald Trump spoke to reporters on Monday.",
        "Major Russian cities were hit by drones overnight.",
    ), nlp))
    assert mentions["Donald Trump"] == "PERSON"
    assert mentions.get("Russian") == "NORP"


def test_worker_processes_give_the_same_mentions(nlp):
    source = pl.concat([seed_paragraphs("003"), seed_paragraphs("004")])
    single = extract_mentions(source, nlp, n_process=1, batch_size=8)
    forked = extract_mentions(source, nlp, n_process=2, batch_size=8)
    assert forked.equals(single)


def test_no_paragraphs_give_an_empty_typed_frame(nlp):
    empty = paragraphs()
    mentions = extract_mentions(empty.cast({"paragraph_index": pl.Int32, "text": pl.String,
                                            "article_id": pl.String}), nlp)
    assert mentions.height == 0
    assert mentions.schema["char_start"] == pl.Int32


def test_a_fraction_is_no_name(nlp):
    # the small model reads a recipe's "½" as a PERSON (and as a LOC beside "feta")
    mentions = extract_mentions(paragraphs(
        "Mix 4 oz. cooked chicken, ½ cup edamame, 1 tsp. sesame oil and 1 tsp. soy sauce.",
        "Spray a skillet with nonstick spray and add ½ cup feta before Gordon Ramsay tastes it."), nlp)
    assert "½" not in set(mentions["text"])
    assert "Gordon Ramsay" in set(mentions["text"])


@pytest.mark.parametrize(("text", "label", "shaped"), [
    ("al-Tanf", "GPE", True), ("iPhone", "PRODUCT", True), ("東京", "GPE", True), ("Путин", "PERSON", True),
    ("senate", "ORG", True), ("commerce ministry", "ORG", True),
    ("½", "PERSON", False), ("n’t", "GPE", False), ("marijuana", "PERSON", False), ("polish", "NORP", False),
    ("2008", "EVENT", False), ("🙂", "ORG", False),
    # money and measure words, and figures, in lower case: earnings tables' "cts", pence prices
    ("cts", "ORG", False), ("mln", "ORG", False), ("401p", "PRODUCT", False), ("2-1/2 week", "EVENT", False),
    ("Miles", "PERSON", True), ("Euro", "ORG", True), ("3M", "ORG", True),
    ("Revs", "PERSON", False), ("Avg", "PERSON", False), ("Revs 37.4", "PERSON", False), ("MI6", "PERSON", False), ("MI6", "ORG", True), ("Louis XIV", "PERSON", True),
])
def test_a_name_has_a_letter_and_a_person_or_place_a_capital(text, label, shaped):
    assert is_name_shaped(text, label) is shaped
