"""The inbox sensor: off by default; a run request when the inbox changes, a skip when it does not."""
from __future__ import annotations

import os

import dagster as dg

from pipelines.definitions import build_definitions
from pipelines.settings import Settings
from tests.ops.conftest import small_inbox


def test_sensor_requests_a_run_only_when_the_inbox_changes(tmp_path):
    instance = dg.DagsterInstance.ephemeral()

    def tick(sensor: dg.SensorDefinition, cursor: str | None):
        return sensor.evaluate_tick(dg.build_sensor_context(instance=instance, cursor=cursor))

    inbox = small_inbox(tmp_path / "inbox")
    defs = build_definitions(Settings().with_paths(inbox=inbox, warehouse=tmp_path / "wh" / "news.duckdb"))
    sensor = defs.get_sensor_def("inbox_sensor")
    assert sensor.default_status == dg.DefaultSensorStatus.STOPPED

    first = tick(sensor, None)
    assert len(first.run_requests) == 1 and first.cursor
    assert tick(sensor, first.cursor).run_requests == []  # nothing changed: skip

    (inbox / "new one.txt").write_text("fresh article text", encoding="utf-8")
    added = tick(sensor, first.cursor)
    assert len(added.run_requests) == 1 and added.cursor != first.cursor
    assert added.run_requests[0].run_key == added.cursor

    beta = inbox / "beta.txt"
    beta.write_text(beta.read_text(encoding="utf-8") + " More.", encoding="utf-8")
    os.utime(beta, ns=(1, 1))  # a changed file is seen even if its mtime goes backwards
    changed = tick(sensor, added.cursor)
    assert len(changed.run_requests) == 1

    (inbox / "alpha.txt").unlink()
    assert len(tick(sensor, changed.cursor).run_requests) == 1


def test_nightly_schedule_runs_the_whole_graph_at_two(tmp_path):
    defs = build_definitions(Settings().with_paths(inbox=tmp_path, warehouse=tmp_path / "news.duckdb"))
    nightly = defs.get_schedule_def("nightly")
    assert nightly.cron_schedule == "0 2 * * *" and nightly.job_name == "everything"
