"""A mixed-language inbox through the real graph: NER and figures read only the languages they know."""
from __future__ import annotations

import dataclasses
import shutil

import dagster as dg
import duckdb

from pipelines.definitions import all_assets
from pipelines.resources import resources_for
from pipelines.settings import Settings
from tests.conftest import SEEDS

# Written for this test: a German news article of ~110 words, with names an English model mislabels.
GERMAN = """Bundesregierung beschließt neues Gesetz zur Digitalisierung der Krankenhäuser

Die Bundesregierung hat am Mittwoch in Berlin ein Gesetz beschlossen, das die Digitalisierung der Krankenhäuser beschleunigen soll. Gesundheitsminister Karl Lauterbach sagte, die elektronische Patientenakte werde für alle Versicherten bis zum Ende des kommenden Jahres verpflichtend.

Die Krankenhausgesellschaft begrüßte das Vorhaben grundsätzlich, warnte aber vor zu knappen Fristen. Viele Kliniken hätten ihre Verfahren noch nicht umgestellt, und die Finanzierung der Technik sei in vielen Ländern ungeklärt.

Nach Angaben des Ministeriums sollen die Länder bis zum 01.01.2027 insgesamt 3 Milliarden Euro für 1.900 Kliniken erhalten. Der Bundestag will noch vor der Sommerpause über das Gesetz abstimmen.
"""


def test_ner_and_figures_skip_the_german_article_and_read_the_english_one(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(next(SEEDS.glob("004_*.txt")), inbox)
    (inbox / "krankenhaus.txt").write_text(GERMAN, encoding="utf-8")
    settings = dataclasses.replace(Settings().with_paths(inbox=inbox, warehouse=tmp_path / "news.duckdb"), n_process=1)

    result = dg.materialize(all_assets(), selection=dg.AssetSelection.assets("warehouse").upstream(),
                            resources=resources_for(settings), instance=dg.DagsterInstance.ephemeral())

    assert result.success
    materialized = {e.asset_key.to_user_string(): e.event_specific_data.materialization
                    for e in result.get_asset_materialization_events()}
    for asset in ("entity_mentions", "figures"):
        assert materialized[asset].metadata["articles_in_other_languages"].value == {"de": 1}, asset
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        per_language = {table: dict(con.execute(
            f"SELECT a.language, count(t.article_id) FROM articles a LEFT JOIN {table} t USING (article_id) "
            "GROUP BY 1").fetchall()) for table in ("paragraphs", "entity_mentions", "figures")}
    finally:
        con.close()
    # the German article is kept, with its paragraphs, but without entities or figures
    assert per_language["paragraphs"]["de"] >= 3
    assert per_language["entity_mentions"]["de"] == 0 and per_language["figures"]["de"] == 0
    assert per_language["entity_mentions"]["en"] > 10 and per_language["figures"]["en"] > 3
