import gzip
import json

import polars as pl

from pipelines.transforms.ingest import article_id_for, raw_frame, scan_inbox

LIMIT = 1_000_000
BODY = "The council approved the budget on Tuesday after a long debate about schools and roads."


def outcomes(inbox):
    found = scan_inbox(inbox, max_file_bytes=LIMIT)
    return ({r["source_path"]: r for r in found.records}, {q["source_path"]: q["reason"] for q in found.quarantine})


def test_every_format_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><p>{BODY}</p></body></html>", encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps({"title": "T", "text": BODY, "url": "https://x.test/c"}))
    (tmp_path / "d.jsonl").write_text(json.dumps({"text": BODY}) + "\n" + json.dumps({"html": f"<p>{BODY}</p>"}) + "\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e.txt.gz").write_bytes(gzip.compress(BODY.encode()))
    records, quarantined = outcomes(tmp_path)
    assert quarantined == {}
    assert set(records) == {"a.txt", "b.html", "c.json", "d.jsonl#L1", "d.jsonl#L2", "sub/e.txt.gz"}
    assert records["b.html"]["is_html"] and not records["a.txt"]["is_html"]
    assert records["c.json"]["title"] == "T" and records["c.json"]["url"] == "https://x.test/c"
    assert records["d.jsonl#L2"]["is_html"]
    assert records["sub/e.txt.gz"]["raw_text"] == BODY and records["sub/e.txt.gz"]["source_format"] == "txt"


def test_encodings_and_line_ends(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + BODY.encode())
    (tmp_path / "crlf.txt").write_bytes(b"one\r\ntwo\rthree")
    (tmp_path / "cp1252.txt").write_bytes("Prices rose to \u00a3300 and \u20ac5 \u2014 \u201cquoted\u201d caf\u00e9 costs".encode("cp1252"))
    records, quarantined = outcomes(tmp_path)
    assert quarantined == {}
    assert records["bom.txt"]["raw_text"] == BODY
    assert records["crlf.txt"]["raw_text"] == "one\ntwo\nthree"
    assert "\u00a3300" in records["cp1252.txt"]["raw_text"] and "\u201cquoted\u201d" in records["cp1252.txt"]["raw_text"]


def test_bad_inputs_become_quarantine_rows_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n")
    (tmp_path / "doc.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (tmp_path / "img.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "big.txt").write_bytes(b"word " * 300_000)
    (tmp_path / "notes.docx").write_bytes(b"whatever")
    (tmp_path / "bad.json").write_text("{not json")
    (tmp_path / "mixed.jsonl").write_text(json.dumps({"text": BODY}) + "\n{broken\n" + json.dumps({"x": 1}) + "\n")
    records, quarantined = outcomes(tmp_path)
    assert quarantined == {
        "empty.txt": "empty", "blank.txt": "empty", "doc.txt": "binary", "img.html": "binary",
        "big.txt": "too_large", "notes.docx": "unsupported_format", "bad.json": "malformed_json",
        "mixed.jsonl#L2": "malformed_json", "mixed.jsonl#L3": "no_text_field",
    }
    assert set(records) == {"mixed.jsonl#L1"}


def test_symlink_outside_inbox_is_not_followed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0 secret contents")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "link.txt").symlink_to(secret)
    records, quarantined = outcomes(inbox)
    assert records == {} and quarantined == {"link.txt": "symlink_outside_inbox"}


def test_names_with_spaces_and_non_ascii(tmp_path):
    (tmp_path / "Kyiv news – ünïcode.txt").write_text(BODY)
    records, _ = outcomes(tmp_path)
    assert list(records) == ["Kyiv news – ünïcode.txt"]


def test_article_id_is_stable_and_frame_typed(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    frame = raw_frame(scan_inbox(tmp_path, max_file_bytes=LIMIT).records)
    assert frame["article_id"].to_list() == [article_id_for("a.txt")]
    assert frame.schema["is_html"] == pl.Boolean
    assert article_id_for("a.txt") == article_id_for("a.txt") != article_id_for("b.txt")


def test_cyrillic_legacy_encoding_is_not_read_as_cp1252(tmp_path):
    text = "Президент России заявил, что переговоры в Стамбуле продолжатся на следующей неделе."
    (tmp_path / "ru.txt").write_bytes(text.encode("cp1251"))
    records, quarantined = outcomes(tmp_path)
    assert quarantined == {}
    assert records["ru.txt"]["raw_text"] == text


def test_mostly_utf8_with_a_corrupt_byte_stays_utf8(tmp_path):
    (tmp_path / "cut.txt").write_bytes("Prices rose to \u00a3300 in M\u00fcnchen".encode() + b" \xc3\x28 then fell")
    records, _ = outcomes(tmp_path)
    assert records["cut.txt"]["raw_text"].startswith("Prices rose to \u00a3300 in M\u00fcnchen")
    assert records["cut.txt"]["encoding"] == "utf-8-repaired"


def test_undecodable_bytes_and_nul_bytes(tmp_path):
    (tmp_path / "noise.txt").write_bytes(bytes((i * 7919) % 128 + 128 for i in range(4000)))
    (tmp_path / "nul.txt").write_bytes(BODY.encode().replace(b" ", b" \x00", 3))
    records, quarantined = outcomes(tmp_path)
    assert quarantined == {"noise.txt": "undecodable"}
    assert records["nul.txt"]["raw_text"] == BODY


def test_entity_declarations_are_refused_in_html_and_json(tmp_path):
    xxe = '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><p>&x;</p></body></html>'
    (tmp_path / "xxe.html").write_text(xxe)
    (tmp_path / "xxe.json").write_text(json.dumps({"html": xxe}))
    (tmp_path / "plain.html").write_text(f"<!DOCTYPE html><html><body><p>{BODY}</p></body></html>")
    records, quarantined = outcomes(tmp_path)
    assert quarantined == {"xxe.html": "entity_declaration", "xxe.json": "entity_declaration"}
    assert set(records) == {"plain.html"}


def test_jsonl_lines_split_at_any_line_end_and_share_the_file_encoding(tmp_path):
    lines = [json.dumps({"text": f"{BODY} caf\u00e9 {i}"}, ensure_ascii=False) for i in range(3)]
    (tmp_path / "cr.jsonl").write_bytes("\r".join(lines).encode("utf-8"))
    (tmp_path / "bom16.jsonl").write_bytes("\r\n".join(lines).encode("utf-16"))
    records, quarantined = outcomes(tmp_path)
    assert quarantined == {}
    assert {k for k in records if k.startswith("cr.")} == {"cr.jsonl#L1", "cr.jsonl#L2", "cr.jsonl#L3"}
    assert records["bom16.jsonl#L3"]["raw_text"] == f"{BODY} caf\u00e9 2"


def test_symlinked_directory_outside_the_inbox_is_reported_not_entered(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(BODY)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "linked").symlink_to(outside, target_is_directory=True)
    records, quarantined = outcomes(inbox)
    assert records == {} and quarantined == {"linked": "symlink_outside_inbox"}


def test_a_symlink_loop_is_quarantined_and_the_rest_still_read(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "loop1.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop1.txt")
    records, quarantined = outcomes(tmp_path)
    assert set(records) == {"a.txt"} and quarantined == {"loop1.txt": "not_a_file", "loop2.txt": "not_a_file"}


def test_a_file_name_that_is_not_utf8_is_quarantined_under_a_printable_key(tmp_path):
    import os

    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "sub").mkdir()
    with open(os.path.join(os.fsencode(tmp_path), b"sub", b"caf\xe9.txt"), "wb") as fh:  # a Latin-1 name
        fh.write(BODY.encode())
    found = scan_inbox(tmp_path, max_file_bytes=LIMIT)
    assert [r["source_path"] for r in found.records] == ["a.txt"]
    (row,) = found.quarantine
    assert row["source_path"] == "sub/caf\\xe9.txt" and row["reason"] == "unreadable"
    assert "not UTF-8" in row["detail"] and row["content_sha256"]
    article_id_for(row["source_path"])  # the key is a plain string DuckDB and the hash can take


def test_a_json_string_with_half_an_emoji_keeps_its_record(tmp_path):
    # A scraper that cut "\ud83d\ude00" in two leaves a lone surrogate escape: valid JSON, but no
    # UTF-8 string (hashing, Parquet and DuckDB all refused it and the whole ingest failed).
    (tmp_path / "feed.jsonl").write_text(json.dumps({"title": "Cut \udc00", "text": BODY + " emoji \ud83d here"}) + "\n")
    records, quarantined = outcomes(tmp_path)
    assert quarantined == {}
    assert records["feed.jsonl#L1"]["raw_text"].endswith("emoji \ufffd here") and records["feed.jsonl#L1"]["title"] == "Cut \ufffd"
    raw_frame(list(records.values()))


def test_utf16_cut_short_or_with_a_lone_surrogate_is_repaired_not_a_failed_ingest(tmp_path):
    (tmp_path / "cut.txt").write_bytes(b"\xff\xfe" + BODY.encode("utf-16-le") + b"x")  # a download cut mid-character
    (tmp_path / "lone.txt").write_bytes(b"\xfe\xff" + BODY.encode("utf-16-be") + b"\xd8\x3d" + "ok".encode("utf-16-be"))
    (tmp_path / "whole.txt").write_bytes(b"\xff\xfe" + BODY.encode("utf-16-le"))
    records, quarantined = outcomes(tmp_path)
    assert quarantined == {}
    assert records["cut.txt"]["raw_text"] == BODY + "\ufffd" and records["cut.txt"]["encoding"] == "utf-16-repaired"
    assert records["lone.txt"]["raw_text"] == BODY + "\ufffdok" and records["lone.txt"]["encoding"] == "utf-16-repaired"
    assert records["whole.txt"]["raw_text"] == BODY and records["whole.txt"]["encoding"] == "utf-16"


def test_json_the_parser_cannot_take_is_malformed_not_a_failed_ingest(tmp_path):
    # 200,000 brackets: json.loads raises RecursionError (not JSONDecodeError), which failed the ingest.
    (tmp_path / "deep.json").write_text("[" * 200_000 + "]" * 200_000)
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": BODY}) + "\n" + '{"a":' * 100_000 + "1" + "}" * 100_000 + "\n")
    # An integer past Python's 4,300-digit limit is a ValueError that is no JSONDecodeError either.
    (tmp_path / "big_int.json").write_text('{"text": "' + BODY + '", "id": 1' + "0" * 5000 + "}")
    records, quarantined = outcomes(tmp_path)
    assert quarantined == {"deep.json": "malformed_json", "feed.jsonl#L2": "malformed_json", "big_int.json": "malformed_json"}
    assert set(records) == {"feed.jsonl#L1"}


def test_a_folder_that_cannot_be_listed_fails_the_scan_instead_of_reading_as_empty(tmp_path, monkeypatch):
    import os

    import pytest

    from pipelines.transforms.ingest import InboxUnreadable, inbox_fingerprint

    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(BODY + " Two.")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("sub"):  # as `chmod 000 sub` or a flaky mount would
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    # Skipped silently, sub/b.txt would look deleted and its article be marked so at the load.
    with pytest.raises(InboxUnreadable, match=r"cannot list .*sub in the inbox \(Permission denied\)"):
        scan_inbox(tmp_path, max_file_bytes=LIMIT)
    with pytest.raises(InboxUnreadable):
        inbox_fingerprint(tmp_path)


def test_a_gzip_with_corrupt_compressed_data_is_bad_gzip_not_a_failed_ingest(tmp_path):
    packed = gzip.compress(BODY.encode() * 50)
    # Flipped bytes inside the deflate stream: zlib.error, neither OSError nor EOFError.
    (tmp_path / "corrupt.txt.gz").write_bytes(packed[:20] + bytes(b ^ 0xFF for b in packed[20:60]) + packed[60:])
    (tmp_path / "a.txt").write_text(BODY)
    records, quarantined = outcomes(tmp_path)
    assert quarantined == {"corrupt.txt.gz": "bad_gzip"} and set(records) == {"a.txt"}


def test_a_file_removed_while_the_inbox_is_scanned_is_gone_not_quarantined(tmp_path, monkeypatch):
    # Listed, then deleted before it was read (a scraper rotating files during the nightly run): a
    # quarantine row would replace its article's rows and the next run drop that row, so the
    # article would vanish instead of being kept with is_deleted like any other removed file.
    from pipelines.transforms import ingest

    (tmp_path / "a.txt").write_text(BODY)
    listed = list(ingest.list_inbox(tmp_path))
    monkeypatch.setattr(ingest, "list_inbox", lambda inbox: iter([*listed, ("gone.txt", tmp_path / "gone.txt")]))
    records, quarantined = outcomes(tmp_path)
    assert set(records) == {"a.txt"} and quarantined == {}  # gone before its stat

    (tmp_path / "late.txt").write_text(BODY + " Later.")
    monkeypatch.undo()
    real_read_source = ingest.read_source

    def removed_first(key, path, root, max_bytes):  # gone after its stat, before its read
        if path.name == "late.txt":
            path.unlink()
        return real_read_source(key, path, root, max_bytes)

    monkeypatch.setattr(ingest, "read_source", removed_first)
    records, quarantined = outcomes(tmp_path)
    assert set(records) == {"a.txt"} and quarantined == {}


def test_a_file_named_like_a_jsonl_line_is_quarantined_under_its_own_key(tmp_path):
    # "feed.jsonl#L1" is how line 1 of feed.jsonl is keyed: a file of that name shared the key,
    # and one key with an article and a quarantine row failed the accounting check of every run.
    (tmp_path / "feed.jsonl").write_text('{"text": "' + "word " * 40 + '"}\n', encoding="utf-8")
    (tmp_path / "feed.jsonl#L1").write_text("word " * 40, encoding="utf-8")
    found = scan_inbox(tmp_path, max_file_bytes=1 << 20)
    assert [r["source_path"] for r in found.records] == ["feed.jsonl#L1"]
    (row,) = found.quarantine
    assert row["source_path"] == "feed.jsonl%23L1" and row["reason"] == "reserved_name"
    assert "rename the file" in row["detail"] and row["content_sha256"]
