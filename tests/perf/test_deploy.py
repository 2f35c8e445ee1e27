"""deploy/: the Kubernetes instance file and run config validate against dagster-k8s's own schemas."""
from __future__ import annotations

import dagster as dg
import yaml
from dagster._config import Shape, validate_config
from dagster._core.instance.config import dagster_instance_config_schema
from dagster._core.run_coordinator import QueuedRunCoordinator
from dagster_k8s import K8sRunLauncher, k8s_job_executor

from pipelines.partitions import k8s_definitions
from pipelines.resources import PipelineConfig
from pipelines.settings import PROJECT_ROOT

DEPLOY = PROJECT_ROOT / "deploy"


def load(name: str) -> dict:
    return yaml.safe_load((DEPLOY / name).read_text(encoding="utf-8"))


def errors(result) -> list[str]:
    return [e.message for e in result.errors or []]


def test_instance_file_is_a_valid_dagster_instance():
    instance = load("dagster.yaml")
    assert errors(validate_config(dagster_instance_config_schema(), instance)) == []
    launcher = instance["run_launcher"]
    assert (launcher["module"], launcher["class"]) == ("dagster_k8s", "K8sRunLauncher")
    assert errors(validate_config(Shape(K8sRunLauncher.config_type()), launcher["config"])) == []
    coordinator = instance["run_coordinator"]["config"]
    assert errors(validate_config(Shape(QueuedRunCoordinator.config_type()), coordinator)) == []


def test_run_config_validates_for_the_k8s_shards_job():
    job = k8s_definitions().resolve_job_def("shards")
    assert job.executor_def is k8s_job_executor
    config = load("run_config.yaml")
    dg.validate_run_config(job, config)  # raises DagsterInvalidConfigError when invalid
    assert set(config["resources"]["pipeline"]["config"]) <= set(PipelineConfig.model_fields)


def test_helm_values_serve_the_k8s_code_location():
    (deployment,) = load("values.yaml")["dagster-user-deployments"]["deployments"]
    args = deployment["dagsterApiGrpcArgs"]
    module, attribute = args[args.index("--module-name") + 1], args[args.index("--attribute") + 1]
    loaded = getattr(__import__(module, fromlist=[attribute]), attribute)
    assert isinstance(loaded, dg.Definitions)
    assert load("values.yaml")["runLauncher"]["type"] == "K8sRunLauncher"
