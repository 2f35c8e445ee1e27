"""Shared fixtures: paths to the repo's seeds and ../shared, and a fresh warehouse per test."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.settings import PROJECT_ROOT, Settings

SEEDS = PROJECT_ROOT / "seeds"
SHARED = PROJECT_ROOT.parent / "shared"


def seed_text(prefix: str) -> str:
    """The raw text of the seed whose file name starts with `prefix` (e.g. "002")."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for a run on the seeds into a warehouse of its own in a temp dir."""
    return Settings().with_paths(inbox=SEEDS, warehouse=tmp_path / "wh" / "news.duckdb")


def require_shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads the shared data sets from ../shared")
    return path
