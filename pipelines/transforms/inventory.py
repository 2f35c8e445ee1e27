"""Incremental planning: which inbox records need work, and what became of every input.

The *ledger* has one row per input (file, or JSONL line) seen in this run with its outcome:
  new / changed  -> processed into an article (or quarantined later by the clean stage)
  unchanged      -> same key and same content hash as the warehouse already holds: skipped
  duplicate      -> same content as another article, kept once; `duplicate_of` names it
  quarantined    -> rejected while reading; `reason` says why
Inputs the warehouse knows but the inbox no longer has are not in the ledger; the load marks
their articles deleted.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import polars as pl

from pipelines.settings import stage_dir_for
from pipelines.transforms.file_stats import FileStat, HashedFile, file_stat
from pipelines.transforms.schemas import LEDGER_SCHEMA
from pipelines.transforms.ingest import Inbox, article_id_for, list_inbox, quarantine_frame, raw_frame

KNOWN_SCHEMA = {"source_path": pl.String, "content_sha256": pl.String, "article_id": pl.String, "kind": pl.String}


@dataclass
class IngestPlan:
    raw_articles: pl.DataFrame  # records to clean (new or changed)
    ledger: pl.DataFrame


def empty_known() -> pl.DataFrame:
    return pl.DataFrame(schema=KNOWN_SCHEMA)


def plan_ingest(found: Inbox, known: pl.DataFrame, *, full: bool = False) -> IngestPlan:
    """`known`: what the warehouse holds per source key (kind: article | duplicate | quarantine).

    `full=True` reprocesses every record, e.g. after the cleaner or the settings changed.
    """
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    known_sha = dict(zip(known["source_path"], known["content_sha256"]))
    articles = known.filter(pl.col("kind") == "article")
    article_of_key = dict(zip(articles["source_path"], articles["article_id"]))
    present = {r["source_path"] for r in found.records}
    changed_keys = {r["source_path"] for r in found.records if known_sha.get(r["source_path"]) != r["content_sha256"]}
    # Content already held by a live article whose own file is still here and untouched this run.
    live = articles.filter(pl.col("source_path").is_in(list(present - changed_keys)))
    owner_of_sha = dict(zip(live["content_sha256"], live["article_id"]))
    # A duplicate whose article is gone (file deleted or changed) must be read again: it may be
    # the only copy of that content left.
    dups = known.filter(pl.col("kind") == "duplicate")
    orphaned = set(dups.filter(~pl.col("article_id").is_in(live["article_id"].to_list()))["source_path"])

    ledger, todo = [], []
    for rec in sorted(found.records, key=lambda r: r["source_path"]):
        key, sha = rec["source_path"], rec["content_sha256"]
        row = {"source_path": key, "content_sha256": sha, "article_id": None, "duplicate_of": None,
               "reason": None, "detail": None, "seen_at": now}
        owner = owner_of_sha.get(sha)
        if not full and known_sha.get(key) == sha and key not in orphaned:
            ledger.append({**row, "outcome": "unchanged", "article_id": article_of_key.get(key)})
        elif owner is not None and owner != article_id_for(key):
            ledger.append({**row, "outcome": "duplicate", "duplicate_of": owner})
        else:
            owner_of_sha.setdefault(sha, article_id_for(key))
            outcome = "changed" if key in known_sha else "new"
            ledger.append({**row, "outcome": outcome, "article_id": article_id_for(key)})
            todo.append(rec)
    for q in found.quarantine:
        ledger.append({**q, "outcome": "quarantined", "article_id": None, "duplicate_of": None})
    return IngestPlan(raw_articles=raw_frame(found.complete(todo)), ledger=pl.DataFrame(ledger, schema=LEDGER_SCHEMA))


def with_rejected_originals(ledger: pl.DataFrame, rejected: pl.DataFrame) -> pl.DataFrame:
    """The ledger with each duplicate of an input the clean stage rejected (`rejected`: its
    quarantine rows) quarantined for the same reason: ingest names a copy's original before the
    cleaner has judged it, and the same bytes meet the same fate. Left a duplicate, it would
    point at an article that was never made, and the next run would re-read it as an orphan."""
    if rejected.height == 0:
        return ledger
    originals = rejected.select(
        duplicate_of=pl.col("source_path").map_elements(article_id_for, return_dtype=pl.String),
        original=pl.col("source_path"), original_reason=pl.col("reason"), original_detail=pl.col("detail"))
    joined = ledger.join(originals, on="duplicate_of", how="left")
    copy = (pl.col("outcome") == "duplicate") & pl.col("original").is_not_null()
    return joined.with_columns(
        outcome=pl.when(copy).then(pl.lit("quarantined")).otherwise(pl.col("outcome")),
        reason=pl.when(copy).then(pl.col("original_reason")).otherwise(pl.col("reason")),
        detail=pl.when(copy).then(pl.format("same content as {}: {}", "original", "original_detail"))
        .otherwise(pl.col("detail")),
        duplicate_of=pl.when(copy).then(None).otherwise(pl.col("duplicate_of")),
    ).select(list(LEDGER_SCHEMA))


def quarantine_rows(ledger: pl.DataFrame) -> pl.DataFrame:
    q = ledger.filter(pl.col("outcome") == "quarantined")
    return quarantine_frame(q.select(quarantine_frame([]).columns).to_dicts())


def pending_changes(ledger: pl.DataFrame, known: pl.DataFrame) -> int:
    """How many inputs differ from what the warehouse holds: 0 means a rerun has nothing to do.

    New or changed inputs, new duplicates, newly quarantined inputs (the same file quarantined
    again with the same content is no change) and inputs gone from the inbox all count.
    """
    held_quarantine = set(zip(*known.filter(pl.col("kind") == "quarantine").select("source_path", "content_sha256")))
    quarantined = ledger.filter(pl.col("outcome") == "quarantined")
    requarantined = sum((k, s) in held_quarantine for k, s in quarantined.select("source_path", "content_sha256").iter_rows())
    others = ledger.filter(~pl.col("outcome").is_in(["unchanged", "quarantined"])).height
    gone = known.filter(~pl.col("source_path").is_in(ledger["source_path"].implode())).height
    return others + quarantined.height - requarantined + gone


# --- The stat index: skip reading files whose stat is unchanged since they were hashed (as git does)

INDEX_SCHEMA = {
    "file_key": pl.String, "size": pl.Int64, "mtime_ns": pl.Int64, "ctime_ns": pl.Int64, "inode": pl.UInt64,
    "device": pl.UInt64, "hashed_at_ns": pl.Int64, "source_path": pl.String, "content_sha256": pl.String,
}
_STAT_COLUMNS = ("size", "mtime_ns", "ctime_ns", "inode", "device")
# A file changed less than this before it was hashed may change again within the same timestamp
# tick (coarse or skewed file-system clocks): "racily clean" in git's words, so it is read again.
RACY_MARGIN_NS = 2_000_000_000


class StatIndex:
    """file key -> what was read from that file when it had a given stat; `reuse` is scan_inbox's hook."""

    def __init__(self, files: dict[str, HashedFile], racy_margin_ns: int = RACY_MARGIN_NS):
        self.files = files
        self.racy_margin_ns = racy_margin_ns

    def reuse(self, key: str, stat: FileStat) -> HashedFile | None:
        earlier = self.files.get(key)
        if earlier is None or earlier.stat != stat:
            return None
        ctime_ns = stat[2]
        return earlier if ctime_ns < earlier.hashed_at_ns - self.racy_margin_ns else None


def inbox_index_path(warehouse: Path) -> Path:
    """Where the inbox's stat index lives: with the warehouse's stage outputs."""
    return stage_dir_for(warehouse) / "inbox_index.parquet"


def load_index(path: Path, racy_margin_ns: int = RACY_MARGIN_NS) -> StatIndex:
    """The index a previous ingest saved; an empty one when missing or unreadable (every file is read)."""
    try:
        frame = pl.read_parquet(path).select(list(INDEX_SCHEMA)).cast(INDEX_SCHEMA)
    except Exception:  # noqa: BLE001 - missing, truncated or foreign file: fall back to hashing everything
        return StatIndex({}, racy_margin_ns)
    per_file = frame.group_by("file_key", *_STAT_COLUMNS, "hashed_at_ns", maintain_order=True).agg(
        "source_path", "content_sha256")
    files = {key: HashedFile(tuple(stat), hashed_at, list(zip(sources, shas)))
             for key, *stat, hashed_at, sources, shas in per_file.iter_rows()}
    return StatIndex(files, racy_margin_ns)


def save_index(found: Inbox, path: Path) -> None:
    """What this scan read (or reused), for the next one; written whole, then renamed into place."""
    rows = [(key, *entry.stat, entry.hashed_at_ns, source, sha)
            for key, entry in found.hashed.items() for source, sha in entry.records]
    frame = pl.DataFrame(rows, schema=INDEX_SCHEMA, orient="row")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    frame.write_parquet(tmp)
    tmp.replace(path)


def unchanged_inbox(inbox: Path, index: StatIndex, *, max_file_bytes: int) -> Inbox | None:
    """The whole inbox as stubs when every file's stat matches the index, else None (at the first
    file that does not): a stat per file and no read, so a caller can tell cheaply that an inbox
    is exactly as it was last read. A file the index does not hold (e.g. one quarantined) counts
    as not matching."""
    found = Inbox(records=[], quarantine=[], root=inbox, max_file_bytes=max_file_bytes)
    for key, path in list_inbox(inbox):
        try:
            st = os.lstat(path)
        except OSError:
            return None
        earlier = index.reuse(key, file_stat(st)) if stat.S_ISREG(st.st_mode) else None
        if earlier is None:
            return None
        found.add_reused(key, earlier)
    return found
