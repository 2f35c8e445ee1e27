"""One real run of the whole graph on the seeds, shared by the tests that read its warehouse."""
from __future__ import annotations

import duckdb
import pytest

from pipelines.runner import RunSummary, run_pipeline
from pipelines.settings import Settings
from tests.conftest import SEEDS


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory) -> tuple[Settings, RunSummary]:
    settings = Settings().with_paths(inbox=SEEDS, warehouse=tmp_path_factory.mktemp("seeds") / "news.duckdb")
    summary = run_pipeline(settings)
    assert summary.success, summary.failed_checks
    return settings, summary


@pytest.fixture
def wh(seeds_run):
    settings, _ = seeds_run
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    yield con
    con.close()


def article_id(con, prefix: str) -> str:
    (row,) = con.execute("SELECT article_id FROM articles WHERE source_path LIKE ?", [f"{prefix}_%"]).fetchall()
    return row[0]
