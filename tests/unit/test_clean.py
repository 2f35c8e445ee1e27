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


def test_a_published_date_that_cannot_be_in_utc_is_no_date_not_a_failed_run():
    from pipelines.transforms.clean import parse_published

    # Go's zero time in a zone east of UTC, the last day of year 9999 west of it, an offset past 24 h:
    # each raised in astimezone, outside the parser's try, and failed the clean step for every article.
    # "31:999..." (a minute count past any float) is decimal.InvalidOperation from dateutil.
    for value in ("0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-12:00", "2024-01-01T00:00:00+25:00", "31:" + "9" * 40):
        assert parse_published(value) is None, value
    assert str(parse_published("2024-05-01T12:00:00+02:00")) == "2024-05-01 10:00:00"


def test_control_separators_between_words_count_as_the_body_check_counts_them(tmp_path):
    # Python's split() takes \x1c-\x1f (file/group/record/unit separators) as whitespace, the
    # articles suite's regex \S+ (polars) does not: an article 80 words long to the cleaner was 2
    # to the critical body_has_min_words check, which then blocked the whole run.
    from pipelines.checks.views import articles_views

    body = "\x1f".join(["word"] * 40) + ". " + "\x1e".join(["more"] * 40) + "."
    (tmp_path / "separators.txt").write_text(body, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text('{"text": "' + "\\u001c".join(["json"] * 40) + '"}\n', encoding="utf-8")
    out = clean_articles(raw_frame(scan_inbox(tmp_path, max_file_bytes=1 << 20).records), min_body_words=25)
    assert sorted(out.articles["source_path"]) == ["feed.jsonl#L1", "separators.txt"]
    views = articles_views({"articles": out.articles, "boilerplate": out.boilerplate}, {"min_site_articles": 3})
    assert views["articles"]["body_words"].to_list() == out.articles["word_count"].to_list()


JAPANESE = ["東京都は火曜日、新しい予算案を発表した。学校と道路の整備に多くの費用が使われる予定だ。",
            "市民の間では賛否が分かれており、議会での議論は来月まで続く見通しだという。",
            "知事は記者会見で「子どもたちの安全を最優先にした」と述べ、理解を求めた。"]


def test_an_article_in_a_language_written_without_spaces_is_not_too_short(tmp_path):
    # Whitespace made each of these lines one word: three lines, "3 words", quarantined as
    # too_short. Each CJK character counts as a word, in the stage and in the suite's check alike.
    from pipelines.checks.views import articles_views
    from pipelines.transforms.words import count_words

    (tmp_path / "tokyo.txt").write_text("\n".join(JAPANESE), encoding="utf-8")
    out = clean_articles(raw_frame(scan_inbox(tmp_path, max_file_bytes=1 << 20).records), min_body_words=25)
    assert out.rejected.is_empty()
    (article,) = out.articles.to_dicts()
    assert article["language"] == "ja"
    assert article["word_count"] == sum(count_words(line) for line in JAPANESE) > 80
    views = articles_views({"articles": out.articles, "boilerplate": out.boilerplate}, {"min_site_articles": 3})
    assert views["articles"]["body_words"].to_list() == [article["word_count"]]


def test_a_records_unreadable_date_leaves_the_pages_own_date(tmp_path):
    import json
    from datetime import datetime

    page = "\n".join(["Council approves the school budget", "By Jane Doe", "November 18, 2019 at 2:26 PM HST", BODY])
    lines = [{"id": "a", "text": page, "published": "yesterday"}, {"id": "b", "text": page + " Again.", "published": "2019-11-17"}]
    (tmp_path / "records.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    out = clean_articles(raw_frame(scan_inbox(tmp_path, max_file_bytes=1 << 20).records), min_body_words=25)
    published = dict(zip(out.articles["source_path"], out.articles["published_at"]))
    assert sorted(published.values()) == [datetime(2019, 11, 17), datetime(2019, 11, 19, 0, 26)]  # HST is UTC-10
