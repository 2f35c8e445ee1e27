"""The ingest step refuses what `newswh run` refuses up front, for runs the CLI never sees
(the Dagster UI, the nightly schedule, the inbox sensor)."""
from __future__ import annotations

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
