"""Data-quality checks: Great Expectations suites (expectations/*.json) as Dagster asset checks.

`asset_checks()` is what `pipelines.definitions.all_checks()` returns. See factory.py for the
wiring, views.py for the derived columns GX validates, quality_log.py for how stage results reach
the `quality_results` table.
"""
from pipelines.checks.factory import asset_checks

__all__ = ["asset_checks"]
