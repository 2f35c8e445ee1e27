import polars as pl

from pipelines.transforms.ingest import Inbox, article_id_for
from pipelines.transforms.inventory import empty_known, pending_changes, plan_ingest


def rec(key, sha):
    return {"source_path": key, "source_format": "txt", "content_sha256": sha, "raw_text": "x", "is_html": False}


def known(*rows):
    return pl.DataFrame([dict(zip(("source_path", "content_sha256", "article_id", "kind"), r)) for r in rows],
                        schema=empty_known().schema)


def outcome_of(plan):
    return dict(zip(plan.ledger["source_path"], plan.ledger["outcome"]))


def test_first_run_processes_everything_and_collapses_identical_content():
    found = Inbox(records=[rec("b.txt", "s1"), rec("a.txt", "s1"), rec("c.txt", "s2")], quarantine=[])
    plan = plan_ingest(found, empty_known())
    assert outcome_of(plan) == {"a.txt": "new", "b.txt": "duplicate", "c.txt": "new"}
    dup = plan.ledger.filter(pl.col("source_path") == "b.txt")
    assert dup["duplicate_of"][0] == article_id_for("a.txt")
    assert sorted(plan.raw_articles["source_path"]) == ["a.txt", "c.txt"]


def test_rerun_skips_unchanged_and_reprocesses_changed():
    found = Inbox(records=[rec("a.txt", "s1"), rec("c.txt", "s3")], quarantine=[])
    k = known(("a.txt", "s1", article_id_for("a.txt"), "article"), ("c.txt", "s2", article_id_for("c.txt"), "article"))
    plan = plan_ingest(found, k)
    assert outcome_of(plan) == {"a.txt": "unchanged", "c.txt": "changed"}
    assert plan.raw_articles["source_path"].to_list() == ["c.txt"]
    assert plan_ingest(found, k, full=True).raw_articles.height == 2


def test_new_file_with_known_content_is_a_duplicate_of_the_live_article():
    found = Inbox(records=[rec("a.txt", "s1"), rec("copy.txt", "s1")], quarantine=[])
    plan = plan_ingest(found, known(("a.txt", "s1", article_id_for("a.txt"), "article")))
    assert outcome_of(plan) == {"a.txt": "unchanged", "copy.txt": "duplicate"}


def test_quarantined_inputs_are_in_the_ledger():
    q = {"source_path": "x.pdf", "content_sha256": None, "reason": "binary", "detail": "pdf", "seen_at": None}
    plan = plan_ingest(Inbox(records=[], quarantine=[q]), empty_known())
    assert outcome_of(plan) == {"x.pdf": "quarantined"}


def test_duplicate_whose_article_was_deleted_becomes_the_article():
    k = known(("a.txt", "s1", article_id_for("a.txt"), "article"), ("b.txt", "s1", article_id_for("a.txt"), "duplicate"))
    plan = plan_ingest(Inbox(records=[rec("b.txt", "s1")], quarantine=[]), k)
    assert outcome_of(plan) == {"b.txt": "changed"}
    assert plan.raw_articles["source_path"].to_list() == ["b.txt"]


def test_duplicate_of_a_changed_article_is_read_again():
    k = known(("a.txt", "s1", article_id_for("a.txt"), "article"), ("b.txt", "s1", article_id_for("a.txt"), "duplicate"))
    plan = plan_ingest(Inbox(records=[rec("a.txt", "s2"), rec("b.txt", "s1")], quarantine=[]), k)
    assert outcome_of(plan) == {"a.txt": "changed", "b.txt": "changed"}


def test_duplicate_of_a_live_article_stays_unchanged():
    k = known(("a.txt", "s1", article_id_for("a.txt"), "article"), ("b.txt", "s1", article_id_for("a.txt"), "duplicate"))
    plan = plan_ingest(Inbox(records=[rec("a.txt", "s1"), rec("b.txt", "s1")], quarantine=[]), k)
    assert outcome_of(plan) == {"a.txt": "unchanged", "b.txt": "unchanged"}
    assert plan.raw_articles.height == 0


def test_pending_changes_is_zero_only_when_the_inbox_matches_the_warehouse():
    q = {"source_path": "x.pdf", "content_sha256": "q1", "reason": "binary", "detail": "pdf", "seen_at": None}
    held = known(("a.txt", "s1", article_id_for("a.txt"), "article"), ("x.pdf", "q1", None, "quarantine"))
    same = Inbox(records=[rec("a.txt", "s1")], quarantine=[q])
    assert pending_changes(plan_ingest(same, held).ledger, held) == 0
    edited = Inbox(records=[rec("a.txt", "s2")], quarantine=[q])
    assert pending_changes(plan_ingest(edited, held).ledger, held) == 1
    removed = Inbox(records=[rec("a.txt", "s1")], quarantine=[])
    assert pending_changes(plan_ingest(removed, held).ledger, held) == 1
    new_bad = Inbox(records=[rec("a.txt", "s1")], quarantine=[q, {**q, "source_path": "y.pdf"}])
    assert pending_changes(plan_ingest(new_bad, held).ledger, held) == 1


def test_a_copy_of_an_input_the_cleaner_rejects_shares_its_rejection_not_a_dangling_duplicate():
    from datetime import datetime

    from pipelines.transforms.inventory import with_rejected_originals

    found = Inbox(records=[rec("short_b.txt", "s1"), rec("short_a.txt", "s1"), rec("c.txt", "s2")], quarantine=[])
    ledger = plan_ingest(found, empty_known()).ledger
    rejected = pl.DataFrame({"source_path": ["short_a.txt"], "content_sha256": ["s1"], "reason": ["too_short"],
                             "detail": ["9 words in the cleaned body, fewer than 25"], "seen_at": [datetime(2026, 1, 1)]})
    settled = with_rejected_originals(ledger, rejected)
    # short_b.txt pointed at short_a.txt's article, which the clean stage never made: a rerun then
    # re-read it as an orphan and quarantined it, so the same inbox gave two different warehouses.
    row = settled.filter(pl.col("source_path") == "short_b.txt").to_dicts()[0]
    assert (row["outcome"], row["reason"], row["duplicate_of"]) == ("quarantined", "too_short", None)
    assert row["detail"] == "same content as short_a.txt: 9 words in the cleaned body, fewer than 25"
    assert settled.schema == ledger.schema and outcome_of_ledger(settled) == {
        "short_a.txt": "new", "short_b.txt": "quarantined", "c.txt": "new"}
    assert with_rejected_originals(ledger, rejected.clear()).equals(ledger)


def outcome_of_ledger(ledger):
    return dict(zip(ledger["source_path"], ledger["outcome"]))
