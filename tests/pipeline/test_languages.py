"""A mixed-language inbox through the real graph: NER reads only what its model's language covers."""
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

Nach Angaben des Ministeriums sollen die Länder in den nächsten drei Jahren insgesamt drei Milliarden Euro für neue Systeme erhalten. Der Bundestag will noch vor der Sommerpause über das Gesetz abstimmen.
"""


def test_ner_skips_the_german_article_and_reads_the_english_one(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(next(SEEDS.glob("004_*.txt")), inbox)
    (inbox / "krankenhaus.txt").write_text(GERMAN, encoding="utf-8")
    settings = dataclasses.replace(Settings().with_paths(inbox=inbox, warehouse=tmp_path / "news.duckdb"), n_process=1)

    result = dg.materialize(all_assets(), selection=dg.AssetSelection.assets("warehouse").upstream(),
                            resources=resources_for(settings), instance=dg.DagsterInstance.ephemeral())

    assert result.success
    (ner,) = [e.event_specific_data.materialization for e in result.get_asset_materialization_events()
              if e.asset_key == dg.AssetKey("entity_mentions")]
    assert ner.metadata["articles_in_other_languages"].value == {"de": 1}
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        mentions = dict(con.execute(
            "SELECT a.language, count(m.article_id) FROM articles a LEFT JOIN entity_mentions m USING (article_id) "
            "GROUP BY 1").fetchall())
    finally:
        con.close()
    assert mentions["de"] == 0  # kept as an article, with paragraphs and figures, but no entities
    assert mentions["en"] > 10
