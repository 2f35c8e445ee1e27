"""The inbox sensor: start the `everything` job when files appear in, change in or leave the inbox.

Off by default (the nightly schedule is the normal trigger); switch it on in the UI
(Automation -> inbox_sensor) for near-real-time loads. The cursor is a fingerprint of the inbox
(every file's path, size and mtime), so a tick costs a directory walk and no file reads. The run
key is that fingerprint too: one inbox state never starts two runs.
"""
from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipelines.transforms.ingest import inbox_fingerprint


def inbox_sensor(job: dg.UnresolvedAssetJobDefinition, inbox: Path, *, interval_seconds: int = 60) -> dg.SensorDefinition:
    @dg.sensor(
        name="inbox_sensor",
        job=job,
        minimum_interval_seconds=interval_seconds,
        default_status=dg.DefaultSensorStatus.STOPPED,
        description=f"Runs the whole graph when files in {inbox} appear, change or disappear.",
    )
    def _sensor(context: dg.SensorEvaluationContext):
        fingerprint = inbox_fingerprint(inbox)
        if fingerprint == context.cursor:
            return dg.SkipReason(f"inbox {inbox} unchanged since the last run request")
        context.update_cursor(fingerprint)
        return dg.RunRequest(run_key=fingerprint, tags={"newswh/trigger": "inbox_sensor"})

    return _sensor
