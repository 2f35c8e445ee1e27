"""The analyst tests read the one seeds warehouse the pipeline tests build (session fixture)."""
from tests.pipeline.conftest import seeds_run, wh  # noqa: F401 - fixtures re-exported for this package
