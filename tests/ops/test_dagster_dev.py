"""`dagster dev` smoke test: webserver + daemon on a free loopback port, the code location loads,
the `everything` job launched through GraphQL succeeds, the warehouse is filled, all stopped cleanly."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from dagster_graphql import DagsterGraphQLClient, DagsterGraphQLClientError

from dagster import DagsterRunStatus
from pipelines.settings import PROJECT_ROOT
from tests.ops.conftest import rows, small_inbox, subprocess_env

# The run executes in one process: a step per subprocess would re-import spaCy ~20 times.
IN_PROCESS = {"execution": {"config": {"in_process": {}}}}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(what: str, ready, timeout: float, proc: subprocess.Popen):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"dagster dev exited with {proc.returncode} while waiting for {what}"
        try:
            value = ready()
            if value:
                return value
        except (OSError, DagsterGraphQLClientError):
            pass
        time.sleep(1)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


@pytest.fixture
def dagster_dev(tmp_path):
    port, home = free_port(), tmp_path / "dagster_home"
    home.mkdir()
    warehouse = tmp_path / "wh" / "news.duckdb"
    env = subprocess_env(DAGSTER_HOME=str(home), NEWSWH_INBOX=str(small_inbox(tmp_path / "inbox", ("alpha", "beta"))),
                         NEWSWH_WAREHOUSE=str(warehouse))
    log = (tmp_path / "dagster_dev.log").open("w")
    proc = subprocess.Popen([str(Path(sys.executable).with_name("dagster")), "dev", "-h", "127.0.0.1", "-p", str(port)],
                            cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield port, warehouse, proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # gql, inside dagster_graphql
def test_dagster_dev_runs_the_everything_job_launched_through_graphql(dagster_dev):
    port, warehouse, proc = dagster_dev
    started = time.monotonic()
    wait_until("the webserver", lambda: urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2).status == 200,
               90, proc)
    client = DagsterGraphQLClient("127.0.0.1", port_number=port, timeout=30)
    run_id = wait_until("the code location", lambda: client.submit_job_execution("everything", run_config=IN_PROCESS), 90, proc)
    finished = {DagsterRunStatus.SUCCESS, DagsterRunStatus.FAILURE, DagsterRunStatus.CANCELED}
    launched = time.monotonic()
    status = wait_until("the run", lambda: (s := client.get_run_status(run_id)) in finished and s, 240, proc)
    print(f"dagster dev: code location up and run launched after {launched - started:.1f} s, "
          f"run finished {time.monotonic() - launched:.1f} s later")
    assert status == DagsterRunStatus.SUCCESS
    assert rows(warehouse, "SELECT count(*) FROM articles") == [(2,)]
    assert rows(warehouse, "SELECT check_name, passed FROM quality_results WHERE check_name = 'accounting_invariant'") == [
        ("accounting_invariant", True)]
