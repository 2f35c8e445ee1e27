"""One cheap real run on the seeds (spaCy stood in, see graph.py), shared read-only by the check tests."""
from __future__ import annotations

import pytest

from pipelines.settings import Settings
from tests.checks.graph import run
from tests.conftest import SEEDS


@pytest.fixture(scope="session")
def good_run(tmp_path_factory):
    settings = Settings().with_paths(inbox=SEEDS, warehouse=tmp_path_factory.mktemp("good") / "news.duckdb")
    return settings, run(settings)
