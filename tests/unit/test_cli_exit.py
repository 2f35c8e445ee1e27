"""`newswh` ends without tearing the interpreter down, yet as a normal exit would: its exit code,
its flushed output and the atexit clean-up (logging, temp dirs) all survive."""
from __future__ import annotations

import os
import subprocess
import sys

from pipelines.settings import PROJECT_ROOT

SCRIPT = """
import atexit, logging, sys, tempfile
from pathlib import Path
from pipelines.cli import exit_without_teardown
kept = tempfile.TemporaryDirectory()
Path(sys.argv[1]).write_text(kept.name)
atexit.register(lambda: print("atexit clean-up ran"))
logging.basicConfig(stream=sys.stderr, level=logging.INFO)
logging.getLogger("newswh").info("logged before the exit")
print("unflushed output", end="")
exit_without_teardown(3)
print("never printed")
"""


def test_exit_without_teardown_keeps_code_output_and_clean_up(tmp_path):
    marker = tmp_path / "tempdir.txt"
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(marker)], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert done.returncode == 3
    assert done.stdout.startswith("unflushed output") and "atexit clean-up ran" in done.stdout
    assert "never printed" not in done.stdout
    assert "logged before the exit" in done.stderr
    temp_dir = marker.read_text()
    assert temp_dir and not os.path.exists(temp_dir)  # TemporaryDirectory's finalizer ran


def test_the_newswh_command_reports_a_failure_in_its_exit_code(tmp_path):
    newswh = [sys.executable, "-m", "pipelines.cli"]
    done = subprocess.run([*newswh, "sql", str(tmp_path / "missing.sql"), "--warehouse", str(tmp_path / "none.duckdb")],
                          cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert done.returncode != 0


def test_a_reader_that_stops_early_ends_newswh_quietly(tmp_path):
    # `newswh figures big.txt | head -1`: the closed pipe was a BrokenPipeError traceback.
    lines = tmp_path / "lines.txt"
    lines.write_text("Prices rose 5 percent.\n" * 20_000, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "pipelines.cli", "figures", str(lines)], cwd=PROJECT_ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(b'{"line": 1')
    proc.stdout.close()
    assert proc.wait(timeout=60) == 141  # as a process killed by SIGPIPE reports it to the shell
    assert proc.stderr.read() == b""
