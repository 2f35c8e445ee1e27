"""`make clean-warehouse` removes the default warehouse and what belongs to it, nothing of another
warehouse file kept in the same directory (each has its own stages/<file name>/)."""
from __future__ import annotations

import shlex
import subprocess

from pipelines.settings import PROJECT_ROOT, stage_dir_for


def test_clean_warehouse_removes_only_the_default_warehouses_stage_folder():
    recipe = subprocess.run(["make", "-n", "clean-warehouse"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                            check=True).stdout
    removed = [word for line in recipe.splitlines() if line.startswith("rm ") for word in shlex.split(line)[2:]]
    stages = stage_dir_for("warehouse/news.duckdb").as_posix()
    assert stages in removed
    assert not any(stages.startswith(f"{path.rstrip('/')}/") for path in removed)  # not all of stages/
