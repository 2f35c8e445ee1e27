"""Dagster resources: run configuration (from `Settings`) and the Parquet hand-off between stages."""
from __future__ import annotations

import ctypes
import gc
from pathlib import Path

import dagster as dg
import polars as pl

from pipelines.checks.gx_worker import InProcessGx, Validator
from pipelines.settings import Settings, stage_dir_for
from pipelines.transforms.inventory import inbox_index_path


class PipelineConfig(dg.ConfigurableResource):
    """What a run works on. Defaults come from `Settings` (environment variables)."""

    inbox: str
    warehouse: str
    spacy_model: str
    n_process: int
    batch_size: int
    max_file_bytes: int
    min_body_words: int
    languages: list[str] = []
    full_refresh: bool = False

    @classmethod
    def from_settings(cls, settings: Settings, *, full_refresh: bool = False) -> "PipelineConfig":
        return cls(
            inbox=str(settings.inbox), warehouse=str(settings.warehouse), spacy_model=settings.spacy_model,
            n_process=settings.n_process, batch_size=settings.batch_size,
            max_file_bytes=settings.max_file_bytes, min_body_words=settings.min_body_words,
            languages=list(settings.languages), full_refresh=full_refresh,
        )

    @property
    def inbox_path(self) -> Path:
        return Path(self.inbox)

    @property
    def warehouse_path(self) -> Path:
        return Path(self.warehouse)

    @property
    def inbox_index_path(self) -> Path:
        """The stat index of the inbox (what ingest read, per file stat), beside the stage outputs."""
        return inbox_index_path(self.warehouse_path)


class ParquetIOManager(dg.IOManager):
    """Stages hand polars frames on as Parquet files, one per asset, in the warehouse's stage folder.

    Only the load step writes the DuckDB file, so stages can run in separate processes.
    """

    def __init__(self, base_dir: Path | str):
        self.base_dir = Path(base_dir)

    def _path(self, key: dg.AssetKey) -> Path:
        return self.base_dir.joinpath(*key.path).with_suffix(".parquet")

    def handle_output(self, context: dg.OutputContext, obj: pl.DataFrame) -> None:
        path = self._path(context.asset_key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".parquet.tmp")
        obj.write_parquet(tmp)
        tmp.replace(path)
        context.add_output_metadata({"rows": dg.MetadataValue.int(obj.height), "path": str(path)})

    def load_input(self, context: dg.InputContext) -> pl.DataFrame:
        path = self._path(context.asset_key)
        if not path.exists():
            raise FileNotFoundError(
                f"{context.asset_key.to_user_string()} has not been materialized yet ({path} is missing): "
                "materialize its upstream assets first"
            )
        # An input declared with metadata {"columns": [...]} reads only those columns (bodies are big).
        columns = (context.definition_metadata or {}).get("columns")
        return pl.read_parquet(path, columns=list(columns) if columns else None)


@dg.io_manager(required_resource_keys={"pipeline"},
               description="Stage outputs as Parquet in stages/<warehouse file>/ beside the run's warehouse.")
def stage_parquet(init_context: dg.InitResourceContext) -> ParquetIOManager:
    """The hand-off folder of the warehouse the run's `pipeline` resource names, so a warehouse
    set in the launchpad gets its own stage outputs. (A Pythonic IO manager holding the pipeline
    resource as a field kept the definitions' default warehouse under a launchpad override.)"""
    return ParquetIOManager(stage_dir_for(init_context.resources.pipeline.warehouse_path))


def release_freed_memory() -> None:
    """Hand memory that earlier steps freed back to the OS; glibc keeps it otherwise.

    Called at the start of the big steps: the run's process lives through every step, and what one
    step freed stays resident (and counted in the run's peak) until glibc is asked to return it,
    so the peak would grow with the corpus. (150 MB of freed Python strings and tuples: 78 MB
    stayed resident until the trim.)"""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (macOS, musl): nothing to trim
        pass


def columns_in(key: str, *columns: str) -> dg.AssetIn:
    """An asset input that loads only `columns` of the upstream stage's Parquet file."""
    return dg.AssetIn(key=key, metadata={"columns": list(columns)})


def resources_for(settings: Settings, *, full_refresh: bool = False, gx: Validator | None = None) -> dict:
    """`gx`: where the data-quality checks run GX (default: in the step's own process)."""
    return {
        "pipeline": PipelineConfig.from_settings(settings, full_refresh=full_refresh),
        "io_manager": stage_parquet,
        "gx": gx or InProcessGx(),
    }
