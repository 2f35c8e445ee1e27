"""The asset graph is a contract: its keys and dependencies change only on purpose."""
from pipelines.definitions import defs

EXPECTED_DEPS = {
    "raw_articles": set(),
    "ingest_ledger": set(),
    "articles": {"raw_articles"},
    "boilerplate": {"raw_articles"},
    "clean_rejections": {"raw_articles"},
    "paragraphs": {"articles"},
    "entity_mentions": {"paragraphs", "articles"},
    "entities": {"entity_mentions", "ingest_ledger"},
    "entity_aliases": {"entity_mentions", "ingest_ledger"},
    "figures": {"paragraphs", "articles"},
}


def graph() -> dict[str, set[str]]:
    repo = defs.get_repository_def()
    asset_graph = repo.asset_graph
    return {
        key.to_user_string(): {p.to_user_string() for p in asset_graph.get(key).parent_keys}
        for key in asset_graph.get_all_asset_keys()
    }


def test_stage_assets_and_their_dependencies():
    deps = graph()
    for key, parents in EXPECTED_DEPS.items():
        assert deps[key] == parents, key


def test_the_load_depends_on_every_stage_output():
    deps = graph()
    assert set(EXPECTED_DEPS) - {"raw_articles"} <= deps["warehouse"]


def test_nightly_schedule_runs_the_whole_graph():
    schedule = defs.get_schedule_def("nightly")
    assert schedule.cron_schedule == "0 2 * * *"
    assert schedule.job_name == "everything"


def test_every_schedule_sensor_job_and_check_says_what_it_does():
    repo = defs.get_repository_def()
    described = [*repo.schedule_defs, *repo.sensor_defs, repo.get_job("everything")]
    assert [d.name for d in described if not d.description] == []
    graph = repo.asset_graph
    assert [key for key in graph.asset_check_keys if not graph.get_check_spec(key).description] == []


def test_a_bad_schedule_cron_is_named_not_a_dagster_traceback():
    import dataclasses

    import pytest

    from pipelines.definitions import build_definitions
    from pipelines.settings import Settings, SettingsError

    with pytest.raises(SettingsError, match=r"^NEWSWH_SCHEDULE_CRON='every night' is not a cron schedule"):
        build_definitions(dataclasses.replace(Settings(), schedule_cron="every night"))


def test_the_partitioned_code_locations_load_as_the_ui_loads_them():
    # `dagster dev -m pipelines.partitions -a defs` and the k8s gRPC server (k8s_defs) list every job
    from pipelines.partitions import defs as partitioned, k8s_defs

    for location in (partitioned, k8s_defs):
        jobs = {job.name for job in location.get_repository_def().get_all_jobs()}
        assert {"shards", "rebuild_lake_entities"} <= jobs
        graph = location.get_repository_def().asset_graph
        for key in graph.get_all_asset_keys():  # owned and badged like the main location's assets
            assert graph.get(key).owners == ["team:platform"] and "ducklake" in graph.get(key).kinds, key
