"""The inbox stat index: a rerun does not read files whose stat is unchanged since they were hashed,
and still sees every real change (same size, mtime set back, racy writes, a lost or broken index)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import polars as pl

from pipelines.transforms.ingest import scan_inbox
from pipelines.transforms.inventory import empty_known, load_index, pending_changes, plan_ingest, save_index
from tests.conftest import SEEDS

LIMIT = 1 << 20
NO_MARGIN = 0  # files written by the test a moment ago count as settled


def seeded_inbox(root: Path) -> Path:
    inbox = root / "inbox"
    inbox.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy2(path, inbox / path.name)
    lines = ['{"title": "One", "text": "First line record."}', '{"title": "Two", "text": "Second line record."}']
    (inbox / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return inbox


def scan_twice(root: Path, change=None, margin: int = NO_MARGIN):
    """Scan, save the index, apply `change` to the inbox, scan again with the index."""
    inbox, index_path = seeded_inbox(root), root / "stages" / "inbox_index.parquet"
    first = scan_inbox(inbox, max_file_bytes=LIMIT)
    save_index(first, index_path)
    if change:
        change(inbox)
    second = scan_inbox(inbox, max_file_bytes=LIMIT, reuse=load_index(index_path, margin).reuse)
    return first, second


def held(found) -> pl.DataFrame:
    """What a warehouse would hold after loading `found`: every record as a live article."""
    plan = plan_ingest(found, empty_known())
    return plan.ledger.select("source_path", "content_sha256", "article_id").with_columns(kind=pl.lit("article"))


def test_unchanged_files_are_not_read_again_and_plan_nothing(tmp_path):
    first, second = scan_twice(tmp_path)
    files = len(list(SEEDS.glob("*.txt"))) + 1
    assert first.files_reused == 0 and second.files_reused == files
    assert all(r.get("stub") for r in second.records) and len(second.records) == len(first.records)
    assert pending_changes(plan_ingest(second, held(first)).ledger, held(first)) == 0


def test_a_stub_that_needs_processing_is_read_in_full(tmp_path):
    first, second = scan_twice(tmp_path)
    # An empty warehouse: every record is new, so every stub must come back as the full record.
    assert plan_ingest(second, empty_known()).raw_articles.equals(plan_ingest(first, empty_known()).raw_articles)


def test_same_size_rewrite_with_mtime_set_back_is_seen(tmp_path):
    def rewrite(inbox: Path) -> None:
        path = sorted(inbox.glob("*.txt"))[0]
        before = path.stat()
        text = path.read_bytes()
        path.write_bytes(text[:-1] + (b"X" if text[-1:] != b"X" else b"Y"))
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # the ctime still moves

    first, second = scan_twice(tmp_path, rewrite)
    assert second.files_reused == len(first.hashed) - 1
    plan = plan_ingest(second, held(first))
    assert plan.ledger.filter(pl.col("outcome") == "changed").height == 1
    assert plan.raw_articles["raw_text"].null_count() == 0 and plan.raw_articles.height == 1


def test_files_written_just_before_hashing_are_read_again(tmp_path):
    # The default margin: a file whose ctime is within 2 s of its hashing may change within the
    # same timestamp tick, so it is never trusted on stat alone.
    _, second = scan_twice(tmp_path, margin=load_index(tmp_path / "none").racy_margin_ns)
    assert second.files_reused == 0


def test_a_broken_index_means_every_file_is_read(tmp_path):
    def break_index(inbox: Path) -> None:
        (inbox.parent / "stages" / "inbox_index.parquet").write_bytes(b"not parquet")

    _, second = scan_twice(tmp_path, break_index)
    assert second.files_reused == 0 and not any(r.get("stub") for r in second.records)


def test_a_deleted_and_a_new_file_are_planned(tmp_path):
    def churn(inbox: Path) -> None:
        sorted(inbox.glob("*.txt"))[0].unlink()
        (inbox / "new.txt").write_text("A brand new article body. " * 10, encoding="utf-8")

    first, second = scan_twice(tmp_path, churn)
    plan = plan_ingest(second, held(first))
    assert dict(plan.ledger.group_by("outcome").len().iter_rows()).get("new") == 1
    assert pending_changes(plan.ledger, held(first)) == 2  # one new, one gone
