"""The clean stage's rejections: inputs it turns into quarantine rows instead of articles."""
from __future__ import annotations

from pipelines.transforms.clean import MAX_PARAGRAPH_CHARS, clean_articles
from pipelines.transforms.ingest import raw_frame, scan_inbox

BODY = "The council approved the budget on Tuesday after a long debate about schools and roads. " * 5


def test_a_paragraph_longer_than_ner_takes_is_quarantined_not_a_failed_run(tmp_path):
    # A scrape saved without line breaks: one 1.2 MB paragraph, well under the 20 MB file limit,
    # that spaCy's NER would refuse (E088) and so fail every article's run.
    (tmp_path / "one_line.txt").write_text("word " * (MAX_PARAGRAPH_CHARS // 5 + 40_000), encoding="utf-8")
    (tmp_path / "fine.txt").write_text(BODY, encoding="utf-8")
    out = clean_articles(raw_frame(scan_inbox(tmp_path, max_file_bytes=20 * 1024 * 1024).records), min_body_words=25)
    assert out.articles["source_path"].to_list() == ["fine.txt"]
    (rejected,) = out.rejected.to_dicts()
    assert rejected["source_path"] == "one_line.txt" and rejected["reason"] == "too_large"
    assert rejected["detail"].startswith("a paragraph of 1,199,99") and "1,000,000" in rejected["detail"]
