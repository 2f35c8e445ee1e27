"""Incremental runs on a small real inbox: unchanged skipped, changed replaced, deleted marked, copies collapsed.

One scenario of four runs (each run costs seconds, so the tests share it); the warehouse is
copied after every run and each test reads the copy of the run it is about.
"""
from __future__ import annotations

import dataclasses
import shutil

import pytest

from pipelines.settings import Settings
from pipelines.transforms.ingest import article_id_for
from tests.ops.conftest import load_run, rows, small_inbox, snapshot
from tests.ops.corpus import GERMAN, article

CHANGED_BETA = article("beta", " and the Springfield Gazette reported a 40 percent jump in costs").replace(
    "city council", "county board")


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("incremental")
    settings = dataclasses.replace(
        Settings().with_paths(inbox=small_inbox(root / "inbox"), warehouse=root / "wh" / "news.duckdb"), n_process=1)
    inbox, after = settings.inbox, {}

    def step(name: str) -> None:
        load_run(settings)
        after[name] = shutil.copyfile(settings.warehouse, root / f"{name}.duckdb")

    step("first")
    step("unchanged")
    gamma = (inbox / "gamma.txt").read_text(encoding="utf-8")
    (inbox / "beta.txt").write_text(CHANGED_BETA, encoding="utf-8")
    (inbox / "gamma.txt").unlink()
    (inbox / "sub").mkdir()
    (inbox / "sub" / "alpha copy.txt").write_bytes((inbox / "alpha.txt").read_bytes())
    step("changed")
    (inbox / "alpha.txt").unlink()  # the copy is now the only one: it must become the article
    (inbox / "gamma.txt").write_text(gamma, encoding="utf-8")  # and a deleted file comes back
    step("moved")
    return after


def last_run(path) -> tuple:
    return rows(path, """SELECT files_seen, articles_loaded, articles_unchanged, articles_deleted, duplicates
                           FROM runs ORDER BY started_at DESC LIMIT 1""")[0]


def test_rerun_over_an_unchanged_inbox_skips_everything_and_changes_nothing(history):
    # Nothing to load: every step after ingest is skipped and the file is not rewritten at all.
    assert snapshot(history["unchanged"]) == snapshot(history["first"])
    assert rows(history["unchanged"], "SELECT count(*) FROM runs")[0][0] == 1
    assert last_run(history["unchanged"]) == (3, 3, 0, 0, 0)


def test_a_changed_file_replaces_all_its_rows(history):
    path, aid = history["changed"], article_id_for("beta.txt")
    body = rows(path, "SELECT body FROM articles WHERE article_id = ?", [aid])[0][0]
    assert "county board" in body and "city council" not in body
    for table in ("paragraphs", "entity_mentions", "figures"):
        texts = [t for (t,) in rows(path, f"SELECT text FROM {table} WHERE article_id = ?", [aid])]
        assert texts and all(t in body for t in texts), table  # nothing stale from the old version
    assert any("40 percent" in t for (t,) in rows(path, "SELECT text FROM figures WHERE article_id = ?", [aid]))


def test_a_deleted_file_keeps_its_rows_marked(history):
    path, aid = history["changed"], article_id_for("gamma.txt")
    (is_deleted, removed_at), = rows(path, "SELECT is_deleted, source_removed_at FROM articles WHERE article_id = ?", [aid])
    assert is_deleted and removed_at is not None
    assert rows(path, "SELECT count(*) FROM paragraphs WHERE article_id = ?", [aid])[0][0] > 0
    assert last_run(path) == (3, 1, 1, 1, 1)  # beta loaded, alpha unchanged, gamma deleted, the copy a duplicate


def test_identical_content_in_two_files_is_one_article_and_a_duplicate_record(history):
    path = history["changed"]
    assert rows(path, "SELECT source_path, duplicate_of FROM duplicates") == [("sub/alpha copy.txt", article_id_for("alpha.txt"))]
    assert rows(path, "SELECT count(*) FROM articles WHERE NOT is_deleted")[0][0] == 2


def test_when_the_original_goes_the_copy_becomes_the_article_and_a_returning_file_is_live_again(history):
    path = history["moved"]
    assert rows(path, "SELECT count(*) FROM duplicates")[0][0] == 0
    live = {k for (k,) in rows(path, "SELECT source_path FROM articles WHERE NOT is_deleted")}
    assert live == {"beta.txt", "gamma.txt", "sub/alpha copy.txt"}
    assert rows(path, "SELECT is_deleted, source_removed_at FROM articles WHERE source_path = 'gamma.txt'") == [(False, None)]


def test_languages_setting_quarantines_other_languages(tmp_path):
    settings = dataclasses.replace(
        Settings().with_paths(inbox=small_inbox(tmp_path / "inbox", ("alpha",)), warehouse=tmp_path / "wh" / "news.duckdb"),
        n_process=1, languages=("en",))
    (settings.inbox / "german.txt").write_text(GERMAN + "\n\n" + GERMAN, encoding="utf-8")
    load_run(settings)
    assert rows(settings.warehouse, "SELECT source_path, reason FROM quarantine") == [("german.txt", "language")]
    assert rows(settings.warehouse, "SELECT source_path FROM articles") == [("alpha.txt",)]
