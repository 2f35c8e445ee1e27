"""Data-quality checks: Great Expectations suites (expectations/*.json) as Dagster asset checks.

`asset_checks()` is what `pipelines.definitions.all_checks()` returns. See factory.py for the
wiring, views.py for the derived columns GX validates, quality_log.py for how stage results reach
the `quality_results` table.
"""
__all__ = ["asset_checks"]


def __getattr__(name: str):
    # Lazy, so pipelines.checks.quality_log (a no-op run's pre-flight reads it) does not import Dagster and GX.
    if name == "asset_checks":
        from pipelines.checks.factory import asset_checks

        return asset_checks
    raise AttributeError(name)
