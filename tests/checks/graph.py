"""The real asset graph for check tests, with two test seams:

- `corrupt={"articles": fn}`: the stage's output is replaced by `fn(frame)` at the Parquet hand-off
  (a wrapping IO manager), so the real checks and the real load downstream see the bad frame;
- spaCy is swapped for a stand-in (each paragraph's first word is an ORG mention) to keep tests fast.
Only the load and what feeds it run (the analyst assets after the warehouse are left out).
"""
from __future__ import annotations

from collections.abc import Callable

import dagster as dg
import polars as pl

from pipelines.definitions import all_assets, all_checks
from pipelines.resources import ParquetIOManager, resources_for
from pipelines.settings import Settings
from pipelines.transforms.canonical import resolve_entities

Corrupt = Callable[[pl.DataFrame], pl.DataFrame]


class CorruptingIOManager(dg.IOManager):
    def __init__(self, base: ParquetIOManager, corrupt: dict[str, Corrupt]):
        self.base, self.corrupt = base, corrupt

    def handle_output(self, context: dg.OutputContext, obj: pl.DataFrame) -> None:
        fn = self.corrupt.get(context.asset_key.to_user_string())
        self.base.handle_output(context, fn(obj) if fn else obj)

    def load_input(self, context: dg.InputContext) -> pl.DataFrame:
        return self.base.load_input(context)


def first_word_mentions(paragraphs: pl.DataFrame) -> pl.DataFrame:
    """One mention per paragraph: its first word, as an ORG (stands in for spaCy)."""
    word = pl.col("text").str.extract(r"^(\w+)", 1)
    return paragraphs.select("article_id", "paragraph_index", word.alias("text")).drop_nulls("text").with_columns(
        char_start=pl.lit(0, pl.Int32), char_end=pl.col("text").str.len_chars().cast(pl.Int32), label=pl.lit("ORG"),
    ).select("article_id", "paragraph_index", "char_start", "char_end", "text", "label")


@dg.asset(name="entity_mentions", group_name="entities")
def cheap_entity_mentions(paragraphs: pl.DataFrame) -> pl.DataFrame:
    return resolve_entities(first_word_mentions(paragraphs), None)


def graph() -> list:
    real = [a for a in all_assets() if dg.AssetKey("entity_mentions") not in a.keys]
    return [*real, cheap_entity_mentions, *all_checks()]


def run(settings: Settings, *, corrupt: dict[str, Corrupt] | None = None, full_refresh: bool = False):
    """Materialize up to the load, with every check on those assets; errors are not raised."""
    resources = resources_for(settings, full_refresh=full_refresh)
    resources["io_manager"] = dg.IOManagerDefinition.hardcoded_io_manager(
        CorruptingIOManager(resources["io_manager"], corrupt or {}))
    return dg.materialize(
        graph(), selection=dg.AssetSelection.assets("warehouse").upstream(),
        resources=resources, instance=dg.DagsterInstance.ephemeral(), raise_on_error=False,
        run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
    )


def check_outcomes(result) -> dict[str, tuple[bool, str]]:
    """`asset:check` -> (passed, severity) for every check evaluated in the run."""
    return {
        f"{ev.asset_key.to_user_string()}:{ev.check_name}": (ev.passed, ev.severity.value)
        for ev in result.get_asset_check_evaluations()
    }


def materialized(result) -> set[str]:
    return {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
