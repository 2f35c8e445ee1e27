"""Every bad input of issue 7 through a real `newswh run`: each ends as exactly one outcome, with its reason."""
from __future__ import annotations

import pytest

from pipelines.transforms.html_extract import extract_html
from tests.ops.conftest import newswh, rows
from tests.ops.corpus import billion_laughs, build_corpus, xxe


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    expected = build_corpus(root / "inbox", root / "outside")
    warehouse = root / "wh" / "news.duckdb"
    done = newswh("run", "--input", str(root / "inbox"), "--warehouse", str(warehouse))
    assert done.returncode == 0, done.stdout + done.stderr
    return expected, warehouse


def outcomes(warehouse) -> dict[str, list[str]]:
    """Every key the warehouse accounts for -> the outcomes recorded for it (should be exactly one)."""
    found: dict[str, list[str]] = {}
    for key, outcome in rows(warehouse, """
            SELECT source_path, 'article' FROM articles WHERE NOT is_deleted
            UNION ALL SELECT source_path, 'duplicate' FROM duplicates
            UNION ALL SELECT source_path, reason FROM quarantine"""):
        found.setdefault(key, []).append(outcome)
    return found


def test_every_input_ends_as_exactly_its_expected_outcome(corpus_run):
    expected, warehouse = corpus_run
    assert outcomes(warehouse) == {key: [outcome] for key, outcome in expected.items()}


def test_the_accounting_check_passed_and_was_recorded(corpus_run):
    _, warehouse = corpus_run
    assert rows(warehouse, """SELECT check_name, passed, failing_rows FROM quality_results
                              WHERE check_name = 'accounting_invariant'""") == [("accounting_invariant", True, 0)]


def test_no_local_file_content_or_entity_expansion_reaches_the_warehouse(corpus_run):
    _, warehouse = corpus_run
    leaked = rows(warehouse, "SELECT count(*) FROM paragraphs WHERE text LIKE '%TOP-SECRET%' OR text LIKE '%lollollol%'")
    assert leaked == [(0,)]


def test_non_english_article_is_kept_with_its_language(corpus_run):
    _, warehouse = corpus_run
    assert rows(warehouse, "SELECT language FROM articles WHERE source_path = 'german.txt'") == [("de",)]


def test_legacy_encodings_and_line_ends_are_decoded_not_mangled(corpus_run):
    _, warehouse = corpus_run
    bodies = dict(rows(warehouse, "SELECT source_path, body FROM articles"))
    assert "\u201ca \u00a3300 caf\u00e9 bill\u201d" in bodies["cp1252.txt"]
    assert "na\u00efve r\u00e9sum\u00e9" in bodies["latin1.txt"]
    for key in ("bom.txt", "crlf.txt", "lone_cr.txt", "nul_bytes.txt"):
        assert "\r" not in bodies[key] and "\x00" not in bodies[key] and "\ufeff" not in bodies[key], key
        assert bodies[key].count("\n\n") == bodies["plain.txt"].count("\n\n"), key


def test_the_duplicate_points_at_the_article_kept(corpus_run):
    _, warehouse = corpus_run
    assert rows(warehouse, """SELECT d.source_path, a.source_path FROM duplicates d
                              JOIN articles a ON a.article_id = d.duplicate_of""") == [("sub dir/copy_b.txt", "copy_a.txt")]


def test_trafilatura_expands_no_entities_even_without_our_guard(tmp_path):
    """Pins the parser's behaviour under the ingest guard: lxml's HTML parser resolves no DTD entity."""
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:TOP-SECRET-LINE\n")
    assert "TOP-SECRET" not in extract_html(xxe(secret)).body
    assert "lollollol" not in extract_html(billion_laughs()).body
