"""The pipeline steps themselves refuse or normalize what `newswh run` and Settings handle up
front, for runs the CLI never sees (the Dagster UI and its launchpad, the nightly schedule, the
inbox sensor)."""
from __future__ import annotations

import dataclasses

import dagster as dg
import pytest

from pipelines.assets.ingest import ingest
from pipelines.resources import PipelineConfig
from pipelines.settings import Settings


def run_ingest(inbox, warehouse) -> list:
    pipeline = PipelineConfig.from_settings(Settings().with_paths(inbox=inbox, warehouse=warehouse))
    return list(ingest(dg.build_asset_context(), pipeline=pipeline))


@pytest.fixture
def inbox(tmp_path):
    path = tmp_path / "inbox"
    path.mkdir()
    (path / "a.txt").write_text("A line of text. " * 30, encoding="utf-8")
    return path


def test_a_warehouse_inside_the_inbox_fails_the_step_before_anything_is_written(inbox):
    warehouse = inbox / "wh" / "news.duckdb"
    with pytest.raises(dg.Failure, match="is inside the inbox"):
        run_ingest(inbox, warehouse)
    assert not (inbox / "wh").exists()  # no stat index (stages/) written into the inbox


def test_a_warehouse_in_a_hidden_folder_of_the_inbox_is_read_as_usual(inbox):
    outputs = run_ingest(inbox, inbox / ".wh" / "news.duckdb")
    assert [o.output_name for o in outputs] == ["raw_articles", "ingest_ledger"]
    assert outputs[0].value.height == 1


def test_languages_set_in_the_launchpad_are_read_as_a_person_writes_them(inbox):
    # NEWSWH_LANGUAGES is normalized in Settings; the UI's resource config skips it.
    from pipelines.assets.clean import clean
    from pipelines.transforms.ingest import raw_frame, scan_inbox

    (inbox / "a.txt").write_text("The council met on Tuesday evening and approved the budget for next year. " * 5,
                                 encoding="utf-8")
    raw = raw_frame(scan_inbox(inbox, max_file_bytes=1 << 20).records)
    settings = Settings().with_paths(inbox=inbox, warehouse=inbox.parent / "wh" / "n.duckdb")
    pipeline = PipelineConfig.from_settings(dataclasses.replace(settings, languages=(" EN",), n_process=1))
    out = {o.output_name: o.value for o in clean(dg.build_asset_context(), pipeline=pipeline, raw_articles=raw)}
    assert out["clean_rejections"].height == 0 and out["articles"].height == 1
