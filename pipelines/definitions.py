"""Dagster wiring only: assets, checks, resources, jobs and schedules of the code location."""
from __future__ import annotations

import dagster as dg

from pipelines.assets import clean, entities, figures, ingest, links, load, report, segment, tables
from pipelines.assets.meta import with_ui_attributes
from pipelines.ops_checks import ops_checks
from pipelines.resources import resources_for
from pipelines.sensors import inbox_sensor
from pipelines.settings import Settings, SettingsError

STAGE_MODULES = (ingest, clean, segment, entities, figures, links, load)
# After the load: each warehouse table as an asset, then the HTML run report.
ANALYST_MODULES = (tables, report)


def all_assets() -> list:
    assets = dg.load_assets_from_modules([*STAGE_MODULES, *ANALYST_MODULES])
    return list(dg.map_asset_specs(with_ui_attributes, assets))


def all_checks() -> list:
    from pipelines.checks import asset_checks  # expectations/*.json as asset checks

    return [*ops_checks(), *asset_checks()]


def check_schedule_cron(cron: str) -> None:
    """Dagster's own rule, checked here so a bad NEWSWH_SCHEDULE_CRON is one named line rather than
    a DagsterInvalidDefinitionError traceback from every command that loads the definitions."""
    from dagster._utils.schedules import is_valid_cron_string

    if not is_valid_cron_string(cron):
        raise SettingsError(f"NEWSWH_SCHEDULE_CRON={cron!r} is not a cron schedule; use five fields "
                            "such as '0 2 * * *' (02:00 every day)")


def build_definitions(settings: Settings | None = None) -> dg.Definitions:
    settings = settings or Settings()
    check_schedule_cron(settings.schedule_cron)
    everything = dg.define_asset_job("everything", selection=dg.AssetSelection.all(),
                                     description="The whole graph: inbox -> warehouse.")
    nightly = dg.ScheduleDefinition(
        job=everything, cron_schedule=settings.schedule_cron, execution_timezone=settings.timezone, name="nightly",
        description=f"Runs the whole graph over {settings.inbox} at '{settings.schedule_cron}' ({settings.timezone}; "
                    "NEWSWH_SCHEDULE_CRON, NEWSWH_TIMEZONE). Off until started.")
    return dg.Definitions(
        assets=all_assets(),
        asset_checks=all_checks(),
        jobs=[everything],
        schedules=[nightly],
        sensors=[inbox_sensor(everything, settings.inbox)],
        resources=resources_for(settings),
    )


defs = build_definitions()
