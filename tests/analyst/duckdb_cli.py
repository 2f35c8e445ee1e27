"""The DuckDB CLI (the `duckdb-cli` package, a pinned dependency) run on a warehouse, as an analyst would."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DUCKDB_CLI = Path(sys.executable).with_name("duckdb")


def run_duckdb_cli(warehouse: Path, query: str, output_mode: str) -> subprocess.CompletedProcess[str]:
    """`duckdb -readonly -<output_mode> WAREHOUSE` with `query` on its stdin."""
    # pinned in pyproject.toml: missing means a broken install, which must fail, not skip
    assert DUCKDB_CLI.exists(), f"{DUCKDB_CLI} is missing: `make setup` installs duckdb-cli"
    return subprocess.run([str(DUCKDB_CLI), "-readonly", f"-{output_mode}", str(warehouse)], input=query,
                          capture_output=True, text=True, timeout=60)
