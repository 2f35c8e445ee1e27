"""`make docs`: GX Data Docs of every suite and the last run, with an index that needs no network."""
from __future__ import annotations

import re

from pipelines.checks.docs import build_docs
from pipelines.checks.suites import STAGE_SUITES, WAREHOUSE_SUITE, load_suite


def test_docs_hold_every_suite_and_the_last_runs_validations(good_run, tmp_path):
    settings, _ = good_run
    index = build_docs(settings, tmp_path / "docs")
    html = index.read_text(encoding="utf-8")
    assert "<script" not in html and "http" not in html.split("gx_index.html")[0]
    for name in [*STAGE_SUITES, WAREHOUSE_SUITE]:
        for view in load_suite(name).views():
            assert (tmp_path / "docs" / "expectations" / name / f"{view}.html").exists()
    links = re.findall(r'href="(validations/[^"]+)"', html)
    assert len(links) == sum(len(load_suite(n).views()) for n in [*STAGE_SUITES, WAREHOUSE_SUITE])
    assert all((tmp_path / "docs" / link).exists() for link in links)
    assert "FAILED" not in html
